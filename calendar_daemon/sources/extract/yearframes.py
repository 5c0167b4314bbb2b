"""Rows of a schedule whose intro names the year: the rows' year-less dates are in that year.

A holiday table or a closure notice opens with one line naming the year and then lists its days
without it::

    Here are the exchange holidays for 2031:
    Date | Holiday | Exchange |
    Nov. 28 | Day after Thanksgiving | Early close 1 p.m. |
    Dec. 26 | Boxing Day | Closed |

    某交易所2032年部分节假日休市安排
    (五)中秋节:9月20日(星期一)休市,9月21日(星期二)起照常开市。

Read alone, a month-day resolves to its nearest occurrence, which for a row more than half a year
after the publication day is last year's. Under such an intro each row's first date gets the
intro's year written in (``Dec. 26, 2031``, ``2032年9月20日``); a range's end follows its start. A
central bank's calendar ("2031 OCR dates", then "27 January OCR announcement" …) is such a schedule too,
and its rows run in order: a row whose month-day comes before the previous row's is in the next year
("8 December …", then the next year's provisional "26 January …").
"""

from __future__ import annotations

import re

from .english import _MON, _mon
from .vocabulary import led_by

# The intro: one year and a schedule word, on a line of its own.
_INTRO_WORD = re.compile(r"holidays?|calendar|schedule(?!d)|\bdates\b|休市|节假日|日程|时间表|安排", re.IGNORECASE)
_YEAR = led_by("12", r"(?<![\d.A-Za-z])(?:19|20)\d{2}(?![\d.])")  # not a fiscal year's label ("FY2024")
# A row opens (after a numbering "(五)", "5." and a name "中秋节:") with a month-day and no year.
_NUMBERING = r"(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.]\s*)?"
_EN_ROW = re.compile(rf"^\s*{_NUMBERING}(?P<md>{_MON}\s+\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d{{4}})")
_EN_DAY_ROW = re.compile(rf"^\s*{_NUMBERING}(?P<md>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON})(?![A-Za-z])(?!,?\s*\d{{4}})")  # "27 January OCR …"
_ZH_ROW = re.compile(rf"^\s*{_NUMBERING}(?:[^\d:|]{{1,16}}:\s*)?(?:从|自|于)?(?<!年)(?P<md>(?=\d{{1,2}}月\d{{1,2}}日))")
# A row that writes its year ("(一)元旦:2030年12月31日…") is a row all the same.
_DATED_ROW = re.compile(rf"^\s*{_NUMBERING}(?:[^\d:|]{{1,16}}:\s*)?(?:\d{{4}}年\d{{1,2}}月|{_MON}\s+\d{{1,2}},?\s*\d{{4}})")
MAX_GAP_LINES = 4  # lines between the intro and its first row (a header, "一、休市安排:")


def intro_year(line: str) -> str | None:
    """The year of a schedule's intro line ("Here are the market holidays for 2031:", "2031年某市场休市安排"), or None."""
    years: set[str] = set(_YEAR.findall(line))
    if len(years) != 1 or not _INTRO_WORD.search(line) or len(line) > 240:
        return None
    return str(years.pop())


def _with_year(line: str, year: int, last: tuple[int, int]) -> tuple[str, int, tuple[int, int]] | None:
    """The row with the year written into its first date, that year and the date's (month, day), or None when
    the line is no year-less row. A row earlier in the year than ``last`` is in the next year."""
    if m := _EN_ROW.match(line) or _EN_DAY_ROW.match(line):
        md = (_mon(m["mon"]), int(re.sub(r"\D", "", m["md"].replace(m["mon"], ""))[:2]))
        year += md < last
        comma = "," if m.re is _EN_ROW else ""  # "Dec. 26, 2031", "27 January 2031"
        return line[:m.end("md")] + f"{comma} {year}" + line[m.end("md"):], year, md
    if m := _ZH_ROW.match(line):
        month, day = re.findall(r"\d+", line[m.start("md"):])[:2]
        md = (int(month), int(day))
        year += md < last
        return line[:m.start("md")] + f"{year}年" + line[m.start("md"):], year, md
    return None


def year_frames(text: str) -> str:
    """``text`` with the rows under a year-naming intro dated in that year."""
    lines = text.split("\n")
    year: int | None = None
    gap = 0
    rows = 0
    last = (0, 0)
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if year is not None:
            if (dated := _with_year(line, year, last)) is not None:
                lines[i], year, last = dated
                rows += 1
                continue
            if _DATED_ROW.match(line):
                rows += 1
                continue
            gap += 1
            if rows or gap > MAX_GAP_LINES:
                year = None
        if year is None and (found := intro_year(line)) is not None:
            year, gap, rows, last = int(found), 0, 0, (0, 0)
    return "\n".join(lines)
