"""Runners-up of a week summary (issue 15, corpus 3 shape 11): a lock-up summary names the largest
company with its day, then "解禁市值排第二、三名的公司是甲和乙" with no day of their own. They belong
to the week the summary is about: one event each, at week precision."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import classify as C
from .candidate import Candidate
from .compose import find_times
from .regions import region_of
from .timematch import Anchor, TimeMatch

# "排第二、三名的公司是A和B", "居前三位的是A、B、C", "排名第二至第四的分别是A、B和C"
_RANKED = re.compile(
    r"(?:排|居|位列|排名)\s?(?:第|前)[二三四五六七八九十\d、至和及到第]{1,8}\s?(?:名|位)?(?:的公司|的个股|的股票|的)?"
    r"\s?(?:分别)?(?:是|为|:)\s?:?\s?(?P<names>[^,;。]{2,80})"
)
_MAY_RANK = re.compile(r"排|居|位列")  # a quick test before the ranking is read
_NAME_SEP = re.compile(r"\s?(?:、|和|及|与|以及)\s?")
_NAME = re.compile(r"^[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9]{1,9}$")
_VALUATION = re.compile(r"\s?(?:的)?收盘价")  # "按11月14日收盘价计算": the day values are taken at, not an event's
_WEEK_SUMMARY = re.compile(r"\d+\s?家公司")


@dataclass
class WeekSummary:
    """The week a summary of several companies' events is about ("今周将有29家公司…解禁"), and its
    category: ranked companies named later without a day are events of that week."""

    span: tuple[str, str] | None = None
    category: str = ""

    def read(self, sentence: str, anchor: Anchor, kept: int) -> list[Candidate]:
        times = find_times(sentence, anchor)
        weeks = [t for t in times if "week" in t.tags and not t.resolved.past_relative]
        if self.span is None:
            if weeks and _WEEK_SUMMARY.search(sentence) and (cat := C.category_of(sentence, sentence)) in ("lockup", "ipo", "earnings"):
                first, last = weeks[0].resolved.first_day(), weeks[0].resolved.last_day()
                if first is not None and last is not None:
                    self.span, self.category = (first.isoformat(), last.isoformat()), cat
            return []
        if kept or not _MAY_RANK.search(sentence) or any(t.resolved.precision in ("date", "datetime") and not _VALUATION.match(sentence, t.end) for t in times):
            return []
        out: list[Candidate] = []
        for m in _RANKED.finditer(re.sub(r"\([^()]*\)", "", sentence)):  # "某某科技(行情600xxx,增持)"
            names = [n.strip() for n in _NAME_SEP.split(m["names"])]
            for name in (n for n in names if _NAME.match(n)):
                out.append(
                    Candidate(
                        title=f"{name}{'解禁' if self.category == 'lockup' else ''}",
                        category=self.category,
                        region=region_of(sentence, default="CN"),
                        importance=2,
                        start=self.span[0],
                        end=self.span[1],
                        precision="week",
                        timezone=anchor.tz,
                        entities=[name],
                        evidence=m[0][:60],
                        confidence=0.55,
                        release=f"{self.category}:{name}",  # one company's event, kept apart from another's
                    )
                )
        return out


# "为今周沪市解禁市值最大公司": the week a superlative is measured over, not when something happens.
_SHARE_OF = re.compile(r"[^,;。]{0,12}?的\s?\d+(?:\.\d+)?\s?%")
_SUPERLATIVE = re.compile(r"[^,;。]{0,16}?最(?:大|多|高|少|低)")


def is_ranking_period(sentence: str, tm: TimeMatch) -> bool:
    """True when a week only says over what period a company ranks first ("为今周沪市解禁市值最大公司") or
    what a share is a share of ("占下周解禁规模的53.66%")."""
    before = sentence[max(0, tm.start - 1) : tm.start]
    return "week" in tm.tags and ((before in ("为", "是") and _SUPERLATIVE.match(sentence, tm.end) is not None)
                                  or (before == "占" and _SHARE_OF.match(sentence, tm.end) is not None))
