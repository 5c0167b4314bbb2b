"""Calendar rows that open with a slash month/day, rewritten in the shape the day-heading and clock-row
readers date:

* "03/12 - 21:30 某國 2 月物價指數": a day, a dash, a clock and the item;
* "03/20 - 某公司財報季開始": a day and the item, no clock (a row of the whole day);
* "03/16 ~ 03/19 某科技展": a range of days and the item.

Each row becomes a line naming its own day ("3月12日安排:", never the day of the row above it), then
"<clock>, <item>" ("全天" for a row without a clock); a range row becomes "3月16日至3月19日:<item>".
The year is left to the time reader (the publication year, the next one for an earlier month). Only a
run of at least two such rows is read: a lone "03/12" is no calendar."""

from __future__ import annotations

import re

_MD = r"(?P<{0}m>0?[1-9]|1[0-2])/(?P<{0}d>0?[1-9]|[12]\d|3[01])"
_ROW = re.compile(
    rf"^[ \t]*{_MD.format('a')}(?:\s*[~～]\s*{_MD.format('b')})?(?!\d|/)"
    r"(?:\s*[-–—:：]\s*|\s+)(?:(?P<h>[01]?\d|2[0-3])[:：](?P<min>[0-5]\d)(?!\d)\s*[,，]?\s*)?(?P<rest>\S[^\n]*)?$")
_MIN_ROWS = 2


def _day(m: re.Match[str], k: str) -> str:
    return f"{int(m[k + 'm'])}月{int(m[k + 'd'])}日"


def slash_rows(text: str, zh: bool) -> str:
    """The text with each slash-dated calendar row rewritten as its own day heading over a clock row."""
    if not zh or "/" not in text:
        return text
    lines = text.split("\n")
    found = [_ROW.match(ln) for ln in lines]
    if sum(1 for m in found if m is not None and m["rest"]) < _MIN_ROWS:
        return text
    out: list[str] = []
    for line, m in zip(lines, found, strict=True):
        if m is None:
            out.append(line)
        elif not m["rest"]:
            out.append("")  # a row cut off before its item names nothing
        elif m["bm"] is not None:
            out += ["", f"{_day(m, 'a')}至{_day(m, 'b')}:{m['rest'].strip()}", ""]
        else:
            clock = f"{int(m['h']):02d}:{m['min']}" if m["h"] is not None else "全天"
            out += ["", f"{_day(m, 'a')}安排:", f"{clock}, {m['rest'].strip()}", ""]
    return "\n".join(out)
