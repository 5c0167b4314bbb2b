"""A holiday table whose rows open with an unpadded ISO-like date and name the holiday and its weekday:
"2031-9-3 某節翌日 星期三 The Day Following …" under a heading "下半年港股休市安排:". Each row is rewritten
as a dated closure sentence of its own, "2031年9月3日(星期三)港股休市:某節翌日", the market taken from the
heading ("港股", "A股", "美股"…). Rows that write the date in Chinese ("2031年1月23日星期四农历年初二",
"1月23日(星期四) 农历年初二", the year perhaps left to the heading) are read the same way. A weekday word
inside the holiday's name ("聖誕節後第一個周日", where 周日 means a working day) is not the row's day: the
row's own 星期X is. Rows are read only under a
heading about closures or holidays, and only when at least two rows follow it."""

from __future__ import annotations

import re

_ROW = re.compile(r"^[ \t]*(?P<y>\d{4})-(?P<m>0?[1-9]|1[0-2])-(?P<d>0?[1-9]|[12]\d|3[01])[ \t]+"
                  r"(?P<name>[^\s\d][^\n]*?)[ \t]+(?P<wd>(?:星期|周)[一二三四五六日天])(?:[ \t][^\n]*)?$")
# the same rows with the date written in Chinese, the weekday after it with or without brackets, then the name:
# "2031年1月23日星期四农历年初二", "1月23日(星期四) 农历年初二"
_CN_ROW = re.compile(r"^[ \t]*(?:(?P<y>\d{4})年)?(?P<m>0?[1-9]|1[0-2])月(?P<d>0?[1-9]|[12]\d|3[01])日[ \t]*[(（]?"
                     r"(?P<wd>(?:星期|周)[一二三四五六日天])[)）]?[ \t]*[,，:：]?[ \t]*(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff()（）\-]{1,19})[ \t]*$")
_HEADING = re.compile(r"休市|假期|假日|节假日|公众假期")
_MARKET = re.compile(r"港股|A股|美股|台股|沪深|沪市|深市|日股|港交所|香港交易所")
_MIN_ROWS = 2


def holiday_rows(text: str, zh: bool) -> str:
    """The text with each row of a holiday table read as a closure on its own day."""
    if not zh or ("-" not in text and "星期" not in text and "周" not in text):
        return text
    lines = text.split("\n")
    found = [_ROW.match(ln) or _CN_ROW.match(ln) for ln in lines]
    if sum(1 for m in found if m is not None) < _MIN_ROWS:
        return text
    out: list[str] = []
    heading = ""
    for line, m in zip(lines, found, strict=True):
        if m is None:
            heading = line if line.strip() else heading
            out.append(line)
            continue
        if not _HEADING.search(heading):
            out.append(line)
            continue
        market = mk[0] if (mk := _MARKET.search(heading)) else ""
        name = m["name"].strip().replace("周日", "工作日")
        year = f"{m['y']}年" if m["y"] else ""
        out.append(f"{year}{int(m['m'])}月{int(m['d'])}日({m['wd']}){market}休市:{name}。")
    return "\n".join(out)
