"""Dates that name no scheduled event although an event word is near: a past day, a day something was
said, a filing's decision date, a condition, an aside, a review, an outlook period, a market move."""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import classify as C
from .nondays import is_maturity, is_own_contents, is_told_today
from .timematch import TimeMatch
from .triggers import MARKET_CLOSED
from .unscheduled import is_background_aside, is_condition, is_outlook_period, is_week_review

# A filing's field for the day a decision was taken ("1.董事会决议日期:"): a past act, no event.
_DECIDED_ON = re.compile(r"(?:决议|决定)(?:或公司决定)?日期\s*[:：]?\s*$|事实发生日\s*[:：]?\s*$")
# "某公司今(10)日召开董事会,会中重要决议如下": a meeting whose resolutions the filing reports is over
_RESOLUTIONS_FOLLOW = re.compile(r"(?:会中|会议)?(?:重要)?决议(?:事项)?如下")
# "…, officials said on Thursday": the day something was said is no event.
# "…will be announced next Monday" is the event; "…, the agency on Thursday announced" is the report's day.
_REPORTED = re.compile(r"(?<!\bbe )\b(?:said|told \w+|announced|stated|wrote)\s+(?:on\s+|last\s+)?$", re.IGNORECASE)
# A market's reopening after a closure ("2月16日(初四)起正常开市"): the closure before it is the event.
_REOPENS = re.compile(r"\s*(?:[(（][^)）]{1,8}[)）])?\s*起?\s*(?:照常|正常)(?:开市|交易|营业|开放)")
_CLOSED = re.compile(rf"(?:市场)?(?:{MARKET_CLOSED})")  # a market's "休市" alone is the event
_REPORTED_AFTER = re.compile(r"^\s*(?:said|announced|unveiled|revealed|reported|released|stated)\b", re.IGNORECASE)


def is_past(tm: TimeMatch, today: date, scope: str, before: str = "", after: str = "") -> bool:
    res = tm.resolved
    if res.past_relative or _REPORTED.search(before[-30:]) or _REPORTED_AFTER.match(after):
        return True
    last = res.last_day() if res.kind != "open_start" else None
    first = res.first_day()
    if res.kind == "open_start":
        return first is not None and (first < today - timedelta(days=365)
                                      or (first < today and C.PAST.found(scope)))
    if last is not None and last < today:
        return True
    return last is not None and last <= today and C.PAST.found(scope)


def not_scheduled(sentence: str, clause: str, tm: TimeMatch, today: date, zh: bool) -> bool:
    """Whether the date ``tm`` of a clause with an event word still names no scheduled event: a past
    one, a condition, an aside, a review, an outlook period, a market move, a running total."""
    if is_past(tm, today, clause, sentence[:tm.start], sentence[tm.end:]) or (zh and _DECIDED_ON.search(sentence, 0, tm.start)):
        return True
    if zh and (_RESOLUTIONS_FOLLOW.search(sentence, tm.end) or _REOPENS.match(sentence, tm.end)):
        return True
    if not zh and (is_maturity(sentence, tm) or is_told_today(sentence, tm, today) or is_own_contents(sentence, tm)):
        return True
    if C.TRIGGER.rx.fullmatch(rest := (sentence[:tm.start] + sentence[tm.end:]).strip(" ,:;()")) and not _CLOSED.fullmatch(rest):
        return True  # "同日出炉" at a page's cut-off: a verb with nothing that comes out (a market's "休市" is the event)
    if (is_condition(sentence, tm, zh) or is_background_aside(sentence, tm)
            or is_week_review(tm, today, clause) or is_outlook_period(sentence, tm)):
        return True
    if (C.MARKET_MOVE.found(clause) and not C.FUTURE.found(clause)) or C.NONE_SCHEDULED.found(clause):
        return True
    # "2022年累计上市新股358只": a running total over the period, not an event in it
    return tm.resolved.precision in ("year", "half", "quarter", "month") and C.CUMULATIVE.found(clause)
