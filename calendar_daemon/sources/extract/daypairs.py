"""Two days of one month said with one 日, and a lone day in Chinese numerals (issue 15, corpus 12 Chinese).

- "6月17-18日FOMC会议": a dashed span of one month's days is written as "6月17日至18日" (read before as the
  month alone).

- "预定9月16、17日的利率决策会议": a meeting over two consecutive days is one event over both
  ("9月16日至17日"); other pairs are two days of that month ("3月5、12日公布" is "3月5日、3月12日").
  The month and the first day may be in Chinese numerals ("九月十六、十七日").
- "本周二和周三,美联储将举行为期两天的议息会议": two consecutive weekdays joined by 和 or 、, with a meeting
  named later in the sentence, are the meeting's span ("本周二至周三"); other pairs stay two days.
- "某国将于五日公布就业报告": a day from one to nine in Chinese numerals after 于 or 在 and before a release
  or meeting verb is the day of the month ("于5日公布"). Elsewhere "五日" is more often a count of days
  ("五日均线", "连续五日"), so it is left as it is.
- "offered on Feb. 3, 10, 17, and 24", "up for auction on Feb. 4 and 18, respectively": in English, a month
  and a list of its days are that many days ("Feb. 3, Feb. 10, Feb. 17, and Feb. 24"); two consecutive days
  joined by "and" ("the committee meets Jan. 27 and 28") stay as they are (a meeting over both). Two weekdays
  before two days ("on Wednesday and Thursday, April 17 and 18") are those days, a span when they follow
  each other ("April 17 to 18"): read one by one, each weekday would name the wrong day. So do weekdays
  inside a span ("between Thursday, July 7 and Wednesday, July 27" is "between July 7 and July 27").
"""

from __future__ import annotations

import re

from .english import MONTH_WORD, WEEKDAY_WORD
from .numerals import cn_int

_NUM = r"\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九十]"
_PAIR = re.compile(rf"(?P<m>\d{{1,2}}|十[一二]?|[一二三四五六七八九])月(?P<a>{_NUM})、(?P<b>{_NUM})日")
# A meeting right after the pair: the two days are its span.
_MEETING = re.compile(r"[^,;。\n]{0,12}?(?:会议|议息|峰会|论坛|大会|会谈|全会|meeting)")
# "6月17-18日": a span of days in one month, with a dash.
_DASHED = re.compile(r"(?<!\d)(?P<m>\d{1,2})月(?P<a>\d{1,2})\s?[-–~]\s?(?P<b>\d{1,2})日")
# "Feb. 3, 10, 17, and 24", "Feb. 4 and 18": no amount, span or year after the last day
_EN_DAYS = re.compile(rf"\b{MONTH_WORD}\s+\d{{1,2}}(?:,\s*\d{{1,2}}(?![\d.,]\d))*,?\s+(?:and|&)\s+\d{{1,2}}\b"
                      r"(?!\s*(?:%|percent|per cent|[bm]illion|bn\b|years?|months?|weeks?|days?|[-–:/]|\.\d|,\s*\d))")
_EN_DAY = re.compile(r"\d{1,2}")
_EN_WEEKDAY_DAYS = re.compile(rf"\b{WEEKDAY_WORD}\s+and\s+{WEEKDAY_WORD},?\s+(?P<mon>{MONTH_WORD})\s+(?P<a>\d{{1,2}})\s+and\s+(?P<b>\d{{1,2}})\b")


_EN_DATE = rf"{MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
_EN_WEEKDAY_SPAN = re.compile(rf"\b(?P<a>between|from)\s+{WEEKDAY_WORD},?\s+(?P<d1>{_EN_DATE})\s+(?P<b>and|to|through|until)\s+"
                              rf"{WEEKDAY_WORD},?\s+(?P<d2>{_EN_DATE})", re.IGNORECASE)


def _en_weekday_days(m: re.Match[str]) -> str:
    a, b = int(m["a"]), int(m["b"])
    return f"{m['mon']} {a} to {b}" if b == a + 1 else f"{m['mon']} {a} and on {m['mon']} {b}"
_LONE_DAY = re.compile(r"(?<=于|在)(?P<d>[一二三四五六七八九])日(?=(?:将|起)?(?:公布|发布|召开|举行|举办|出炉|揭晓|登场))")


def _number(token: str) -> int | None:
    return int(token) if token.isdigit() else cn_int(token)


def _pair(m: re.Match[str], text: str) -> str:
    month, a, b = _number(m["m"]), _number(m["a"]), _number(m["b"])
    if month is None or a is None or b is None or not (1 <= month <= 12 and 1 <= a < b <= 31):
        return m[0]
    if b == a + 1 and _MEETING.match(text, m.end()):
        return f"{month}月{a}日至{b}日"
    return f"{month}月{a}日、{month}月{b}日"


def _dashed(m: re.Match[str]) -> str:
    a, b = int(m["a"]), int(m["b"])
    return f"{m['m']}月{a}日至{b}日" if 1 <= a < b <= 31 else m[0]


_WEEKDAYS = "一二三四五六日"
_WEEKDAY_PAIR = re.compile(r"(?P<lead>(?:本|下)?(?:周|星期))(?P<a>[一二三四五六日])(?:和|与|及|、)(?:周|星期)?(?P<b>[一二三四五六日])"
                           r"(?=[^。;\n]{0,30}?(?:会议|议息|峰会|论坛|大会|会谈|全会))")


def _weekday_pair(m: re.Match[str]) -> str:
    a, b = _WEEKDAYS.index(m["a"]), _WEEKDAYS.index(m["b"])
    return f"{m['lead']}{m['a']}至{m['lead'].lstrip('本下')}{m['b']}" if b == a + 1 else m[0]  # ("星期二至星期三")


def _en_days(m: re.Match[str]) -> str:
    month, rest = m[0].split(" ", 1)
    found = list(_EN_DAY.finditer(rest))
    days = [int(d[0]) for d in found]
    if not all(1 <= d <= 31 for d in days) or days != sorted(set(days)) or (len(days) == 2 and days[1] == days[0] + 1):
        return m[0]
    out, at = f"{month} {rest[:found[1].start()]}", found[1].start()
    for d in found[1:]:
        out += f"{rest[at:d.start()]}{month} {d[0]}"
        at = d.end()
    out += rest[at:]
    return out.replace(" and ", " and on ", 1) if len(days) == 2 else out  # ("April 15 and April 18" reads as a span)


def day_pairs(text: str, zh: bool) -> str:
    """The text with "M月A、B日" written as a span or as two days, "M月A-B日" as a span, a meeting's "周二和周三"
    as "周二至周三", and "于五日公布" as "于5日公布"; in English, "Feb. 3, 10 and 17" as three dates."""
    if not zh:
        if " and " not in text and " & " not in text:
            return text
        text = _EN_WEEKDAY_SPAN.sub(lambda m: f"{m['a']} {m['d1']} {m['b']} {m['d2']}", text)
        return _EN_DAYS.sub(_en_days, _EN_WEEKDAY_DAYS.sub(_en_weekday_days, text))
    if "和" in text or "、" in text or "与" in text or "及" in text:
        text = _WEEKDAY_PAIR.sub(_weekday_pair, text)
    if "日" not in text:
        return text
    if "、" in text:
        original = text
        text = _PAIR.sub(lambda m: _pair(m, original), original)
    if "-" in text or "–" in text or "~" in text:
        text = _DASHED.sub(_dashed, text)
    return _LONE_DAY.sub(lambda m: f"{cn_int(m['d'])}日", text)
