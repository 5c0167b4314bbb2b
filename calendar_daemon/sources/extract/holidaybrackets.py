"""A market's holidays listed by name with their days in brackets, under an intro that names the year
(invented example)::

    2031年某市场休市安排如下:
    1月
    1. 元旦(1月1日) 2. 农历年初一至初三(1月23,24日)
    4月
    1. 清明节(4月5日) 2. 耶稣受难日(4月5日)
    12月
    1. 半日市(12月24日下午休市半日) 2. 圣诞节(12月25日)

Each day is rewritten as a dated closure line of its own ("2031年4月5日清明节、耶稣受难日休市"), in the
intro's year; holidays on one day are one closure, a half-day session keeps its note, and a day that
falls on a weekend closes nothing that was open."""

from __future__ import annotations

import re
from datetime import date

from .resolved import valid_ymd
from .yearframes import intro_year

_INTRO_REACH = 600  # the intro naming the year stands near the top
# One item: a name, then its days in brackets ("农历年初三、初四(2月14,15日)", "半日市(12月24日下午休市半日)").
_ITEM = re.compile(r"(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff、]{1,15})\s?\(\s?(?P<m>1[0-2]|0?[1-9])月(?P<days>(?:[12]\d|3[01]|0?[1-9])"
                   r"(?:\s?[,，、]\s?(?:[12]\d|3[01]|0?[1-9]))*)日(?P<note>[^()\n]{0,12})\)")
_MIN_ITEMS = 3
_LIST_REACH = 1500  # the list follows its intro closely
_HALF_DAY = re.compile(r"半日|半天")


def holiday_brackets(text: str, zh: bool) -> str:
    """``text`` with a bracketed holiday list written as one dated closure line per day."""
    if not zh or "(" not in text or (intro := _intro(text)) is None:
        return text
    intro_end, year = intro
    items = list(_ITEM.finditer(text, intro_end, intro_end + _LIST_REACH))
    if len(items) < _MIN_ITEMS:
        return text
    days: dict[date, list[tuple[str, str]]] = {}
    for m in items:
        month = int(m["m"])
        for d in re.findall(r"\d+", m["days"]):
            if valid_ymd(year, month, int(d)):
                days.setdefault(date(year, month, int(d)), []).append((m["name"], m["note"].strip()))
    lines = []
    for day, named in sorted(days.items()):
        if day.weekday() >= 5:
            continue  # a Saturday or Sunday in the list: the market was not open anyway
        names = "、".join(dict.fromkeys(name for name, _ in named))
        half = next((note for _, note in named if _HALF_DAY.search(note)), "")
        lines.append(f"{day.year}年{day.month}月{day.day}日{names}" + (f"({half})" if half else "休市"))
    # the list (from the intro's line to its last item) is replaced by these lines
    return text[:intro_end] + "\n\n" + "\n\n".join(lines) + "\n\n" + text[items[-1].end():]


def _intro(text: str) -> tuple[int, int] | None:
    """Where the line of the intro that names the list's year ends, and that year."""
    pos = 0
    for line in text[:_INTRO_REACH].split("\n"):
        pos += len(line) + 1
        if (year := intro_year(line)) is not None:
            return min(pos - 1, len(text)), int(year)
    return None
