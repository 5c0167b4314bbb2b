"""A bond's schedule steps where a window starts at the step before it.

A treasury issue notice lists its steps in one sentence, apart by semicolons (invented example)::

    日程安排为:6月3日招标;招标结束至6月5日进行分销;6月9日起上市交易。

The distribution window ``招标结束至6月5日`` starts on the auction day named just before it; it is
written here with that day (``6月3日至6月5日进行分销``) so that it reads as one span like any other.
"""

from __future__ import annotations

from .vocabulary import led_by

_STEP = r"(?:招标|投标|发行|簿记建档|簿记)"
# "6月3日招标;招标结束至6月5日" / "6月3日招标,招标后至6月5日": the second step's start is the first's day.
_WINDOW = led_by(r"\d", rf"(?P<day>(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日)(?P<step>{_STEP})(?P<sep>\s*[;；,，]\s*)"
                     rf"{_STEP}?(?:结束后?|完成后?|后)\s*(?:至|到)")


def auction_windows(text: str) -> str:
    """``text`` with each window that starts "after the auction" dated from the auction's day."""
    return _WINDOW.sub(lambda m: f"{m['day']}{m['step']}{m['sep']}{m['day']}至", text)
