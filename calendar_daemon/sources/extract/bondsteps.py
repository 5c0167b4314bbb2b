"""A bond's schedule steps where a window starts at the step before it.

A treasury issue notice lists its steps in one sentence, apart by semicolons (invented example)::

    日程安排为:6月3日招标;招标结束至6月5日进行分销;6月9日起上市交易。

The distribution window ``招标结束至6月5日`` starts on the auction day named just before it; it is
written here with that day (``6月3日至6月5日进行分销``) so that it reads as one span like any other.
A notice in numbered sections gives the auction day in a field of its own, far above the window::

    (一)招标时间。2031年6月3日上午10:20至11:20。
    …
    本期国债招标结束至2031年6月5日进行分销,6月9日起上市交易。

The field's label and its value are one clause (``招标时间:2031年6月3日…``), and a window after the
auction starts on the day of that field.
"""

from __future__ import annotations

import re

from .vocabulary import led_by

_STEP = r"(?:招标|投标|发行|簿记建档|簿记)"
# "6月3日招标;招标结束至6月5日" / "6月3日招标,招标后至6月5日": the second step's start is the first's day.
_WINDOW = led_by(r"\d", rf"(?P<day>(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日)(?P<step>{_STEP})(?P<sep>\s*[;；,，]\s*)"
                     rf"{_STEP}?(?:结束后?|完成后?|后)\s*(?:至|到)")


# "(一)招标时间。2031年6月3日…": a numbered field's label, a full stop, its date
_FIELD = re.compile(r"(?<=[)）])(?P<label>\s*[^\s。,，;；()（）]{0,8}(?:时间|日期))。(?=\s*(?:\d{4}年)?\d{1,2}月\d{1,2}日)")
_AUCTION_DAY = re.compile(r"招标(?:时间|日期)[:：]\s*(?P<day>(?:\d{4}年)?\d{1,2}月\d{1,2}日)")
_AFTER_AUCTION = re.compile(r"招标(?:结束后?|完成后?)\s*(?:至|到)(?=\s*(?:\d{4}年)?\d{1,2}月\d{1,2}日)")


def auction_windows(text: str) -> str:
    """``text`` with each window that starts "after the auction" dated from the auction's day."""
    if "日期。" in text or "时间。" in text:
        text = _FIELD.sub(lambda m: m["label"] + ":", text)
    text = _WINDOW.sub(lambda m: f"{m['day']}{m['step']}{m['sep']}{m['day']}至", text)
    if "招标时间:" in text or "招标日期:" in text:
        auction = _AUCTION_DAY.search(text)
        if auction is not None:
            pos = auction.end()
            text = text[:pos] + _AFTER_AUCTION.sub(lambda m: auction["day"] + "至", text[pos:])
    return text
