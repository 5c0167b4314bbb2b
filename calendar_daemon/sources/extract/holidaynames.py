"""Holidays listed after "包括" in a closure sentence, each written its own way (issue 15, corpus 7 Chinese
shape 7): "其余假期均休市一天,包括228某纪念日、51某节、6月18日的某节及10月10日的某日" names four closed days:
a day before its name ("6月18日的某节"), a name before its bracketed day ("某节(6月18日)") and the
short month-day figures a Taiwan text writes before a holiday's name ("228" is 28 February, "51" 1 May;
a figure that could be two days, "111", names none). Every part of the list must read as a holiday."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .numerals import cn_int

_AFTER = re.compile(r"包括|包含|分别为|分别是")
_PARTS = re.compile(r"\s?(?:、|以及|及|与|,)\s?")  # not "和": "和平纪念日"
_NAME = r"[\u4e00-\u9fff]{2,8}?(?:节|日|假期|连假)"
_DAY_FIRST = re.compile(rf"^(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日的?(?P<name>{_NAME})$")
_NAME_FIRST = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,8})\((?P<m>\d{1,2})月(?P<d>\d{1,2})日\)$")
_FIGURES = re.compile(rf"^(?P<md>\d{{2,4}})(?P<name>{_NAME})$")
_DAYS_IN = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid(m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= _DAYS_IN[m]


def _figures(md: str) -> tuple[int, int] | None:
    """"228" -> (2, 28), "51" -> (5, 1), "1010" -> (10, 10); None when no or two readings fit."""
    fits = [(int(md[:i]), int(md[i:])) for i in range(1, len(md))
            if len(md[:i]) <= 2 and len(md[i:]) <= 2 and md[i] != "0" and _valid(int(md[:i]), int(md[i:]))]
    return fits[0] if len(fits) == 1 else None


def listed_holidays(sentence: str) -> list[tuple[int, int, str]]:
    """(month, day, name) of each holiday of the sentence's list, or [] unless all of its parts (three or
    more) read as holidays."""
    start = _AFTER.search(sentence)
    if start is None:
        return []
    tail = re.split(r"[。;]", sentence[start.end():], maxsplit=1)[0].strip(" :")
    parts = [p for p in _PARTS.split(tail.removesuffix("等")) if p]
    out: list[tuple[int, int, str]] = []
    for part in parts:
        m = _DAY_FIRST.match(part) or _NAME_FIRST.match(part)
        if m is not None and _valid(int(m["m"]), int(m["d"])):
            out.append((int(m["m"]), int(m["d"]), m["name"]))
        elif (f := _FIGURES.match(part)) is not None and (md := _figures(f["md"])) is not None:
            out.append((*md, f["name"]))
        else:
            return []
    return out if len(out) >= 3 else []


# "从2月13日起至2月20日农历初五,农历年某股休市8个交易日": a span of days, then the closure it is
_SPAN_CLOSED = re.compile(r"从?(?P<m>\d{1,2})月(?P<d>\d{1,2})日起?\s?(?:至|到)\s?(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})日[^,;。\d]{0,8}[,]"
                          r"(?P<name>[^,;。\d]{0,12}?)休市\d{1,2}个交易日")


# "某年底的12月31日调节放假,跨年休市2天": a day off, then a closure of N days from it
_DAYS_FROM = re.compile(r"(?P<m>\d{1,2})月(?P<d>\d{1,2})日[^,;。\d]{0,8}?(?:放假|休假)[,](?P<name>[^,;。\d]{0,6}?)休市(?P<n>[2-9]|[两二三四五六七八九])天")


def spanned_closures(sentence: str) -> list[tuple[int, int, int, int, str]]:
    """(month, day, last month, last day, name) of each span of days the sentence says the market is closed
    over ("从2月13日起至2月20日…,农历年某股休市8个交易日"; "12月31日调节放假,跨年休市2天" runs into the next
    year: its last day is (1, 1))."""
    out = []
    for m in _DAYS_FROM.finditer(sentence):
        m1, d1, n = int(m["m"]), int(m["d"]), cn_int(m["n"]) or 0
        if _valid(m1, d1) and n >= 2:
            last = date(2000, m1, d1) + timedelta(days=n - 1)  # (a leap year: 29 February is a day)
            out.append((m1, d1, last.month, last.day, m["name"].strip() or "休市"))
    for m in _SPAN_CLOSED.finditer(sentence):
        m1, d1, m2, d2 = int(m["m"]), int(m["d"]), int(m["m2"] or m["m"]), int(m["d2"])
        if _valid(m1, d1) and _valid(m2, d2) and (m2, d2) > (m1, d1):  # (within one year)
            out.append((m1, d1, m2, d2, m["name"].strip() or "休市"))
    return out


# "3月31日(周六)补上班外,股市也将开市": a Saturday made a workday on which the market trades
_SATURDAY_SESSION = re.compile(r"(?P<day>\d{1,2}月\d{1,2}日\s?\((?:周|星期)六\))(?:补上班|补班|补行上班)"
                               r"[^。;]{0,8}?(?:股市|市场|证交所)[^。;]{0,4}?(?:开市|交易|照常开盘)")


def saturday_sessions(text: str) -> str:
    """The text with a Saturday made a workday on which the market opens written as its trading session."""
    return _SATURDAY_SESSION.sub(lambda m: f"{m['day']}股市补行交易。", text) if "六)" in text else text
