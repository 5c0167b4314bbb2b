"""How sure the extractor is of a candidate: the one place its ``confidence`` is decided.

A candidate is right when its day (or period) and its kind of event are both right, so its confidence
rests on the evidence for each (documented for users in ``docs/sources.md``, "Confidence of
extracted candidates"):

* **the date** (:func:`from_date`): a day or an instant the text writes ("12月9日", "周四 (22日)",
  "Thursday, Dec. 10, 8:30 a.m. ET") starts at 0.70, a period (a week, a month, a quarter) at 0.55;
  a written year adds 0.10 and a future word in the clause ("将", "will", "scheduled") 0.10; a vague
  date (around, by, from … on) takes 0.10 off. An undated item of a preview given the previewed week
  is 0.40 (:data:`INHERITED`); a date a language model pointed at is 0.60 (:data:`MODEL`).
* **what limits it** (:func:`settle`): a kind of event no event word names (the fallback ``other``,
  or ``policy``/``conference``/``corporate`` from a broad word such as "政策", "会议", "计划", not
  "施行", "论坛", "launch") is at most 0.70, and a day counted from the publication day by an offset
  ("两天后", "in three days", most often said from another day of the text) at most 0.60; in an article
  whose publication time is unknown (relative dates counted from now), a candidate whose evidence
  writes no year is at most 0.60 (:func:`unanchored`). Nothing is above 0.95.

At 0.80 and above (the default ``min_confidence`` of ``accept = "auto"``) a candidate has a written
day or instant, a future word or a written year, and a kind of event named by its own words.
"""

from __future__ import annotations

import re

from . import classify as C
from .releases import Named
from .timematch import TimeMatch

DATE_WRITTEN = 0.70
PERIOD_WRITTEN = 0.55
YEAR = 0.10
FUTURE_WORD = 0.10
VAGUE = 0.10
INHERITED = 0.40
MODEL = 0.60
WEAK_CATEGORY = 0.70
COUNTED_DAY = 0.60
UNANCHORED = 0.60
CEILING = 0.95

# Words that put a clause in a category without saying what happens ("政策", "会议", "计划").
_BROAD = re.compile(
    r"^(?:政策|办法|规则|条例|法案|应当|不得|新规|regulation|law|bill|会议|"
    r"计划|发布|运营|建设|产能|product|production)$",
    re.IGNORECASE,
)
_BROAD_CATEGORIES = ("policy", "conference", "corporate")
# A day counted from the publication day by an offset: "两天后", "3日之后", "in two days".
_COUNTED = re.compile(r"[\d一二两三四五六七八九十]+\s*(?:天|日)\s*(?:后|以后|之后)|\bin (?:\d+|two|three|four|five|six) days\b", re.IGNORECASE)


def from_date(tm: TimeMatch, clause: str) -> float:
    """The confidence the date alone gives."""
    conf = DATE_WRITTEN if tm.base.precision in ("date", "datetime") else PERIOD_WRITTEN
    conf += YEAR if tm.has_year else 0.0
    conf += FUTURE_WORD if C.FUTURE.found(clause) else 0.0
    conf -= VAGUE if tm.resolved.kind in ("fuzzy", "open_start", "deadline") else 0.0
    return conf


_RULES: dict[str, tuple[re.Pattern[str], ...]] = {
    name: tuple(rx for other, rx in C.CATEGORY_RULES if other == name) for name, _ in C.CATEGORY_RULES
}


def weak_category(category: str, clause: str, sentence: str, named: list[Named]) -> bool:
    """Whether no event word names the category: the fallback ``other``, or a broad word alone."""
    if named and named[0].release.category == category:
        return False
    rules = _RULES.get(category, ())
    for scope in (clause, C.around(clause, sentence)):
        words = [m[0] for rx in rules for m in rx.finditer(scope)]
        if words:
            return category in _BROAD_CATEGORIES and all(_BROAD.match(w) for w in words)
    return True


def settle(conf: float, category: str, clause: str, sentence: str, named: list[Named], time_text: str) -> float:
    """The confidence of a candidate: ``conf`` from its date, limited by what is weak about it."""
    if weak_category(category, clause, sentence, named):
        conf = min(conf, WEAK_CATEGORY)
    if _COUNTED.search(time_text):
        conf = min(conf, COUNTED_DAY)
    return round(min(CEILING, conf), 2)


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def unanchored(conf: float, evidence: str) -> float:
    """The confidence of a candidate of an article whose publication time is unknown (its relative dates
    were counted from now): at most 0.60 unless its evidence writes the year."""
    return conf if _YEAR.search(evidence) else min(conf, UNANCHORED)
