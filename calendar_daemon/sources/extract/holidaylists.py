"""An exchange's holidays told in prose: each closure rewritten as a dated line of its own.

A closure notice names its holidays in running sentences rather than rows::

    其他休市日包括元旦(1月1日)、某节(5月1日)、某节(6月19日)以及某纪念日(12月25日)等四天。
    某节(10月10日)适逢周六,故于10月9日(周五)补假一日。
    甲节及乙节合并连休四日(4月3日至4月6日)。
    包括2月28日某纪念日、共3天连假;10月6日某节、共3天连假。
    (二)某节:2月3日(星期一)至2月7日(星期五)暂停某通服务,2月10日(星期一)起恢复。

Each closure is one line "2031年10月9日至2031年10月10日某节休市。": an enumeration gives one per
holiday (its date in brackets after the name), a holiday on a weekend moved to a workday (补假) is
closed over both days, a long weekend stated by its range or by its count of days ("共3天连假") is one
closure over the days off (the named days with the weekend days beside them). A trading link's notice
gives each holiday as a numbered row "name:first(weekday)至last(weekday)不提供…服务": one closure over the
days it names (the reopening day and the weekend days named after it are no closure). A date without a year
takes the year last written before it, as the notice itself reads. A closure inside one already
written (the 补假 day of a long weekend given by its range) adds nothing.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import pairwise

from .holidaynames import listed_holidays, saturday_sessions, spanned_closures
from .numerals import cn_int

_NOTICE = re.compile(r"休市|不提供")
_SENTENCE = re.compile(r"[^。\n]+[。]?")
# the year a date without one is in: the last written with a month, or with the schedule ("2031年休市日期")
_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})年(?:\d{1,2}月|(?:度|全年|的)?(?:休市|假期|节假日|行事历|放假|开、休市|开休市|[^\s,，。]{0,8}?交易日安排))")
_CLOSED_WORD = re.compile(r"休市|放假|假日|假期|连假|连休|补假|不提供")
_NAME = r"(?<![^\s,，、。;；:：()（）])[^\s\d,，、。;；:：()（）]{2,24}?"  # from a stop to the date
# "某节(5月1日)": a holiday and its date in brackets
_ITEM = re.compile(rf"(?P<name>{_NAME})[(（](?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日[)）]")
_JOINER = re.compile(r"^\s*[、,，]?\s*(?:以及|及|和|与)?\s*$")
_LEADING = re.compile(r"^.*(?:包括|包含|则为|分别为|分别是|为|有|是|[:：])|^(?:以及|此外|另外|由于)|(?:则|均|将)?合并$")
# "某节(10月10日)适逢周六,故于10月9日(周五)补假": the holiday and the workday it moves to
_MOVED = re.compile(rf"(?P<name>{_NAME})[(（]?(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日[)）]?[^。;；]{{0,12}}?适逢(?:星期|周|礼拜)[六日天]"
                    r"[^。;；\d]{0,12}?于(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日(?:[(（][^)）]{1,5}[)）])?[^。;；\d]{0,4}?补假")
# "合并连休四日(4月3日至4月6日)"
_RANGE = re.compile(r"(?P<name>[^,，。;；]{0,20}?)(?:连休|连假)[^,，。;；(（]{0,6}[(（](?P<m>\d{1,2})月(?P<d>\d{1,2})日\s*[至到~\-–]"
                    r"\s*(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})日[)）]")
# "4月3日至4日某节及某节、共4天连假"
_COUNTED = re.compile(r"(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:\s*[至到~\-–]\s*(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})日)?"
                      r"(?P<name>[^\d,，;；。、]{2,16}?)[、,，]?\s*共(?P<n>\d{1,2}|[一二三四五六七八九十]{1,2})[天日]的?(?:连假|连休)")
# "(二)某节:2月3日(星期一)至2月7日(星期五)不提供港股通服务", "…,某节期间4月4日至4月6日不提供…": a link's
# service suspended over the days named
_WEEKDAY_NOTE = r"(?:[(（](?:星期|周|礼拜)[一二三四五六日天][)）])?"
_SUSPENDED = re.compile(r"(?:^|[)）,，;；])\s*(?P<name>[^\s\d:：()（）。,，]{2,24}?)(?:[:：]|期间)\s*(?P<m>\d{1,2})月(?P<d>\d{1,2})日" + _WEEKDAY_NOTE
                        + r"(?:\s*[至到~\-–]\s*(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})日" + _WEEKDAY_NOTE + r")?\s*不提供")
_WEEKEND = (5, 6)
# "封关日为2月11日" / "1月22日是春节前最后交易日", then "休市日长达11天" / "连续11天股市打烊": the closure runs
# from the day after the last trading day over the days counted
_LAST_DAY = re.compile(r"(?:封关日|最后(?:一个)?交易(?:买卖)?日)\S{0,4}?(?:为|是|在)\s*(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
                       r"|(?:(?P<y2>\d{4})年)?(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日(?:[(（][^)）]{1,5}[)）])?\S{0,3}?(?:是|为)"
                       r"[^,，。;；\d]{0,12}?最后(?:一个)?(?:的)?交易(?:买卖)?日")
_COUNT = re.compile(r"(?:休市(?:日|期间)?\S{0,2}?(?:长达|共|达)|连续)(?P<n>\d{1,2})[天日](?:[^,，。;；\d]{0,4}?(?:休市|打烊|停止交易|无交易))?")
_REL_YEAR = re.compile(r"明年|今年|来年")
_NEAR_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})年")
_COUNT_REACH = 600  # the count comes within a few paragraphs of the last trading day


def _day(year: int, month: str, day: str) -> date | None:
    try:
        return date(year, int(month), int(day))
    except ValueError:
        return None


def _days_off(first: date, last: date, count: int) -> tuple[date, date]:
    """The ``count`` days off around ``first``..``last``: the named days and weekend days beside them."""
    for lead in range(count - (last - first).days):
        start = first - timedelta(days=lead)
        end = start + timedelta(days=count - 1)
        around = [start + timedelta(days=i) for i in range(count)]
        if end >= last and all(first <= d <= last or d.weekday() in _WEEKEND for d in around):
            return start, end
    return first, last


def _line(first: date, last: date, name: str) -> str:
    span = f"{first.year}年{first.month}月{first.day}日"
    if last != first:
        span += f"至{last.year}年{last.month}月{last.day}日"
    return f"{span}{name}休市。"


def _closures(sentence: str, year: int) -> list[tuple[date, date, str]]:
    found: list[tuple[date, date, str]] = []
    for m in _RANGE.finditer(sentence):
        a, b = _day(year, m["m"], m["d"]), _day(year, m["m2"] or m["m"], m["d2"])
        if a and b and a <= b:
            found.append((a, b, _LEADING.sub("", m["name"]) or "连假"))
    for m in _MOVED.finditer(sentence):
        a, b = _day(year, m["m"], m["d"]), _day(year, m["m2"], m["d2"])
        if a and b and abs((a - b).days) <= 3:
            found.append((min(a, b), max(a, b), _LEADING.sub("", m["name"]) + "补假"))
    for m in _COUNTED.finditer(sentence):
        a = _day(year, m["m"], m["d"])
        b = _day(year, m["m2"] or m["m"], m["d2"]) if m["d2"] else a
        n = int(m["n"]) if m["n"].isdigit() else cn_int(m["n"])
        if a and b and a <= b and n and (b - a).days < n <= 11:
            found.append((*_days_off(a, b, n), m["name"].strip()))
    for m in _SUSPENDED.finditer(sentence):
        a = _day(year, m["m"], m["d"])
        b = _day(year, m["m2"] or m["m"], m["d2"]) if m["d2"] else a
        if a and b and a <= b <= a + timedelta(days=15):
            found.append((a, b, m["name"]))
    for m1, d1, m2, d2, name in spanned_closures(sentence):
        if (a := _day(year, str(m1), str(d1))) and (b := _day(year + ((m2, d2) < (m1, d1)), str(m2), str(d2))):
            found.append((a, b, name))
    for month, day, name in listed_holidays(sentence):
        if (d := _day(year, str(month), str(day))) is not None:
            found.append((d, d, name))
    items = list(_ITEM.finditer(sentence))
    if len(items) >= 3 and all(_JOINER.match(sentence[x.end():y.start()]) for x, y in pairwise(items)):
        for m in items:
            if (d := _day(year, m["m"], m["d"])) is not None:
                found.append((d, d, _LEADING.sub("", m["name"])))
    return found


def _counted_closure(text: str) -> tuple[int, str] | None:
    """Where the closure counted from the last trading day ends its sentence, and its line."""
    for last in _LAST_DAY.finditer(text):
        near = _NEAR_YEAR.search(text, max(0, last.start() - 8), last.start())  # "2031年某股封关日为…"
        if y := last["y"] or last["y2"] or (near and near["y"]):
            return _counted_from(text, last, int(y))
    return None


def _counted_from(text: str, last: re.Match[str], y: int) -> tuple[int, str] | None:
    count = _COUNT.search(text, last.end(), last.end() + _COUNT_REACH)
    if count is None or not 2 <= int(count["n"]) <= 15:
        return None
    day = _day(y, last["m"] or last["m2"], last["d"] or last["d2"])
    if day is None:
        return None
    end = text.find("。", count.end())
    first = day + timedelta(days=1)
    return (end + 1 if end >= 0 else len(text)), _line(first, first + timedelta(days=int(count["n"]) - 1), "股市")


def holiday_closures(text: str, zh: bool) -> str:
    """``text`` with each holiday sentence replaced by the closures it states, one dated line each."""
    if not zh or not _NOTICE.search(text):
        return text
    text = saturday_sessions(text)  # "某日(周六)补上班,股市也将开市": a trading session
    if (counted := _counted_closure(text)) is not None:
        text = text[:counted[0]] + "\n" + counted[1] + "\n" + text[counted[0]:]
    out: list[str] = []
    kept: list[tuple[date, date]] = []
    pos = 0
    for s in _SENTENCE.finditer(text):
        sentence = s[0]
        years = [int(y["y"]) for y in _YEAR.finditer(text, 0, s.start())]
        if not _CLOSED_WORD.search(sentence):
            continue
        if not years:  # "明年…包括228某纪念日、51某节…": each day as a line of its own after the sentence
            listed = listed_holidays(sentence)
            rel = _REL_YEAR.findall(sentence[:sentence.find("包括")]) or [""]  # "明年…": the year each day is in
            lines = [f"{rel[-1]}{m}月{d}日{name}休市。" for m, d, name in listed]
            lines += [f"{rel[-1]}{m}月{d}日至{m2}月{d2}日{name}休市。" for m, d, m2, d2, name in spanned_closures(sentence)]
            if lines:
                out += [text[pos:s.end()], "\n" + "\n".join(lines) + "\n"]
                pos = s.end()
            continue
        closures = _closures(sentence, years[-1])
        if not closures:
            continue
        lines = []
        for first, last, name in closures:
            if not any(a <= first and last <= b for a, b in kept):
                kept.append((first, last))
                lines.append(_line(first, last, name))
        out += [text[pos:s.start()], "\n".join(lines)]  # the sentence is read as its closures
        pos = s.end()
    return "".join(out) + text[pos:]
