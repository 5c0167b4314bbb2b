"""A day written right before a recurring release's name dates that release even without a verb:
"市场借此预判周五美国非农就业数据的走向" (Friday's payrolls), "ahead of Friday's jobs report". The
release is one the gazetteer knows, so the phrase names a scheduled publication, not a topic. So does a
day in brackets right after the name, in a list giving each release its day ("ISM服务业PMI(4日)")."""

from __future__ import annotations

import re

from .releases import Named, placed_releases
from .timematch import TimeMatch

# What may stand between the day and the name: "周五美国非农", "周五的非农", "Friday's jobs report", and the
# period the release covers.
_BETWEEN = re.compile(
    r"^\s*(?:的|'s|’s)?\s*(?:美国|中国|欧元区|欧洲|英国|日本|德国|法国|加拿大|澳洲|澳大利亚|新西兰|香港|台湾|瑞士|韩国|"
    r"US|U\.S\.|UK|China|Japan|German|Canadian|Australian)?\s*[・·:：]?\s*"
    # the period the release covers: "3月11日美国2月CPI", "周四中国一季度GDP", "Friday's March payrolls"
    r"(?:\d{1,2}\s?月份?|(?:第?[一二三四1-4]|[1-4]Q)\s?季度?|[上下]半年|(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)(?:\s|$))?\s*$"
)

_BRACKETED = re.compile(r"\s?\(\s?")
# A list item labelled with the release, its day after a colon or a dash: "US Unemployment Claims: Thursday, 12:30",
# "Initial jobless claims – Thursday", "非农就业报告：周五".
_LABELLED = re.compile(r"\s*(?:data|figures|report|数据)?\s*(?:[:：]|\s[–—-])\s*")


def dates_a_release(sentence: str, tm: TimeMatch, named: list[Named], clause_start: int) -> bool:
    """Whether a release named in the clause starts right after the day ``tm`` (a region word may come
    between: "周五美国非农就业数据"), or labels it ("US Unemployment Claims: Thursday"). A week dates a release
    named right after it only ("本周美联储利率决议", "this week's jobs report")."""
    if tm.base.precision not in ("date", "datetime", "week"):
        return False
    follows = any(_BETWEEN.match(sentence[tm.end : clause_start + n.start]) is not None for n in named if clause_start + n.start >= tm.end)
    if follows or tm.base.precision == "week":
        return follows
    gaps = (sentence[clause_start + n.end : tm.start] for n in named if clause_start + n.end <= tm.start)
    return any(_BRACKETED.fullmatch(gap) is not None or _LABELLED.fullmatch(gap) is not None for gap in gaps)


def release_follows(sentence: str, tm: TimeMatch) -> bool:
    """Whether a release the gazetteer knows comes right after the day ``tm`` ("10月3日(周五)美国・非农就业报告"):
    the day it comes out, not the period its figures cover."""
    return dates_a_release(sentence, tm, placed_releases(sentence[tm.end : tm.end + 40]), tm.end)
