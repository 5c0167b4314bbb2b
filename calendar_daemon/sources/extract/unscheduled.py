"""Dates that name no scheduled event although a trigger word stands beside them.

* A date inside a condition ("如果美国政府在10月1日停摆，…", "若24日上午…警告信号生效，招股将延期",
  "if the government shuts down on Oct. 1, …", "Should the bank cut on Thursday, …") is what might
  happen, not what is planned. The condition runs from its word to the end of its clause; a date
  that only names the occasion of the condition ("如果美联储在9月17日的会议上降息": the meeting is
  planned) is kept.
* A month or coarser date in a bracketed aside of a sentence that reports a past fact ("shares
  jumped after the results and news of a cheaper plan (set to launch in November)") is background
  to that fact, not an item of the calendar the article gives.
* A month or coarser period an effect or a forecast is about ("关税对2026年及此后出口的影响") is no event.
* The current week named on its Saturday without a future word ("本周2只新股公布初步询价结果…") is the
  week under review, not an event.
"""

from __future__ import annotations

import re
from datetime import date

from . import classify as C
from .timematch import TimeMatch

# "若" also starts "若干" (several) and "若是" (if it is): only the conditional readings count.
_CONDITION_ZH = re.compile(r"如果|假如|假若|倘若|倘|万一|若(?!干)")
_CONDITION_EN = re.compile(r"\b(?:if|unless|in case|in the event (?:that|of))\b|^\s*should\b", re.IGNORECASE)
# The end of a clause: a condition said in one clause does not reach into the next.
_CLAUSE_END_ZH = re.compile(r"[，,。；;：:！？!?]")
_CLAUSE_END_EN = re.compile(r"[,;:.!?](?:\s|$)|\bthen\b", re.IGNORECASE)
# A date that names a planned occasion of the condition ("9月17日的会议", "its Sept. 17 meeting").
_OCCASION_ZH = re.compile(r"^\s*(?:\([^()]{0,12}\))?\s*的?\s*(?:议息)?(?:会议|议息|决议|决策|发布会|听证会|峰会|大会)")
_OCCASION_EN = re.compile(r"^\s*(?:policy |rate |FOMC |board )?(?:meeting|decision|release|report|auction|hearing|summit)\b", re.IGNORECASE)
# An issue "if needed" right after its period ("10月份:必要时发行国库券"): nothing is scheduled yet.
_AS_NEEDED = re.compile(r"\s*(?:份)?\s*[:：]?\s*(?:必要时|视需要|如有需要|如需要|视情况)")
WINDOW = 40  # characters before the date a condition word is looked for in


def is_condition(sentence: str, tm: TimeMatch, zh: bool) -> bool:
    """Whether the date ``tm`` of ``sentence`` stands inside a condition ("if …")."""
    if zh and _AS_NEEDED.match(sentence, tm.end):
        return True
    lo = max(0, tm.start - WINDOW)
    before = sentence[lo : tm.start]
    ends = list((_CLAUSE_END_ZH if zh else _CLAUSE_END_EN).finditer(before))
    clause = before[ends[-1].end() :] if ends else before
    if not zh and not ends and lo > 0:
        clause = clause.lstrip().partition(" ")[2]  # cut by the window: its first word starts no clause
    # "should" opens a condition only at the start of a clause ("Should the bank cut on Thursday, …")
    if (_CONDITION_ZH if zh else _CONDITION_EN).search(clause) is None:
        return False
    after = sentence[tm.end : tm.end + 24]
    return not (_OCCASION_ZH if zh else _OCCASION_EN).match(after)


# A bracketed aside: the innermost round brackets around the date.
_OPEN, _CLOSE = "(（", ")）"
_PAST_FACT = re.compile(
    r"\b(?:jumped|surged|soared|rallied|climbed|slid|slumped|tumbled|plunged|sank|fell|rose|gained|dropped|"
    r"posted|reported|beat|missed|was|were|had)\b|大涨|大跌|飙升|暴跌|上涨|下跌|走高|走低|已经|此前|曾经",
    re.IGNORECASE,
)
COARSE = ("month", "quarter", "half", "year")


def is_background_aside(sentence: str, tm: TimeMatch) -> bool:
    """Whether ``tm`` is a month or coarser date inside brackets of a sentence whose own text (outside
    the brackets, before them) reports a past fact."""
    if tm.base.precision not in COARSE:
        return False
    opened = max(sentence.rfind(ch, 0, tm.start) for ch in _OPEN)
    if opened < 0 or any(ch in sentence[opened : tm.start] for ch in _CLOSE):
        return False
    closed = min((i for ch in _CLOSE if (i := sentence.find(ch, tm.end)) >= 0), default=-1)
    if closed < 0:
        return False
    return _PAST_FACT.search(sentence[:opened]) is not None


def condition_start(sentence: str, zh: bool) -> int | None:
    """Where the sentence's first condition begins: what follows it (the condition and its consequence,
    "…如果政府停摆，就业报告将不会按时公布") is hypothetical."""
    if zh:
        m = _CONDITION_ZH.search(sentence)
        return m.start() if m else None
    m = _CONDITION_START_EN.search(sentence)
    return m.start("c") if m else None


_CONDITION_START_EN = re.compile(r"(?:^|[,;:.]\s+)(?P<c>if|unless|should)\b", re.IGNORECASE)


_ASIDE = re.compile(r"[(（][^()（）]*[)）]")


def without_asides(text: str) -> str:
    """``text`` without its bracketed asides: a future word in "(set to launch in January)" says nothing
    about the sentence around it."""
    return _ASIDE.sub(" ", text) if "(" in text or "（" in text else text


def is_week_review(tm: TimeMatch, today: date, clause: str) -> bool:
    """Whether ``tm`` is the current week said on its Saturday without a future word: "本周2只新股公布初步
    询价结果，平均市盈率为53.1倍" reviews the week that is ending. (On a Sunday "本周" often already means
    the coming week of a preview, so Sundays are left alone.)"""
    first, last = tm.resolved.first_day(), tm.resolved.last_day()
    return tm.base.precision == "week" and first is not None and last is not None and first <= today <= last and today.weekday() == 5 and not C.FUTURE.found(clause)


# "关税对2026年及此后出口的影响", "明年经济前景", "2027年增长预期": a period something bears on or is forecast for.
_OUTLOOK = re.compile(r"^[^，,。；;:：]{0,8}?(?:的)?(?:影响|前景|展望|增长|增速|走势|预期|预测|outlook|growth|forecast)", re.IGNORECASE)


def is_outlook_period(sentence: str, tm: TimeMatch) -> bool:
    """Whether the month or coarser period ``tm`` is what an effect or a forecast is about ("对2018年及以后
    经济的影响"), not when something happens."""
    return tm.base.precision in COARSE and _OUTLOOK.match(sentence[tm.end :]) is not None
