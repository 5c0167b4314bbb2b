"""A lead that previews several events at once ("经济体都将在本周公布货币决策", "多国央行将陆续公布利率决策",
"several central banks all decide this week") is no event of its own once the article dates its
members: the members are the events. Without a dated member the lead stays (it is all the reader
has). A count or an amount ("本周22家公司解禁，市值613亿元") is a summary, an event of its own, and is
left to :mod:`collapse`."""

from __future__ import annotations

import re

from .collapse import Found
from .compose import find_times
from .normalize import to_simplified
from .releases import placed_releases, several
from .timematch import Anchor, TimeMatch

# Words saying that several subjects act: "都将", "均将", "陆续", "等国", "各国", "纷纷", "all … will".
GROUP = re.compile(r"都将|均将|都会|均会|都要|陆续|相继|纷纷|等国|各国|多国|多家央行|\ball\b|\bseveral\b|\ba (?:host|raft|slew) of\b", re.IGNORECASE)
_COARSE = ("week", "month")


def _is_group_preview(f: Found) -> bool:
    c = f.cand
    return c.precision in _COARSE and not c.entities and not c.release and not f.aggregate and GROUP.search(c.evidence) is not None


def drop_group_previews(found: list[Found]) -> list[Found]:
    """``found`` without the group previews whose period holds a dated event of their kind."""
    dated = [f for f in found if f.cand.precision in ("date", "datetime")]

    def has_member(lead: Found) -> bool:
        """A dated event of the lead's kind in its period ("申购" is not a member of a lead about "上市")."""
        lo, hi = lead.interval()
        return any(
            f.cand.category == lead.cand.category and lo <= f.interval()[0] and f.interval()[1] <= hi and (not lead.terms or not f.terms or bool(lead.terms & f.terms))
            for f in dated
        )

    def named_members(lead: Found) -> int:
        """Events of the lead's kind over its period that name their subject ("Acme IPO" in a week of IPOs)."""
        lo, hi = lead.interval()
        return sum(1 for f in found if f.sentence != lead.sentence and f.cand.category == lead.cand.category and f.cand.entities
                   and f.cand.precision == lead.cand.precision and lo <= f.interval()[0] and f.interval()[1] <= hi)

    return [f for f in found if not (_is_group_preview(f) and has_member(f))
            and not (_is_unnamed_span(f) and named_members(f) >= _NAMED_MEMBERS)]


# A span naming no subject, counting ("Five IPOs are scheduled this week") or a headline, over two or more
# events of its kind that each name theirs: those are the events, the span only sums them up.
_NAMED_MEMBERS = 2


def _is_unnamed_span(f: Found) -> bool:
    c = f.cand
    return (c.precision in _COARSE and not c.release and (not c.entities or f.aggregate or f.headline)
            and _CJK.search(c.evidence) is None)  # "本周29家公司解禁" sums up a week: a lockup summary of its own


_CJK = re.compile(r"[\u4e00-\u9fff]")


# A body that opens on the week it previews: "未来一周，市场将聚焦…", "The week ahead brings…".
_OPENS_ON_WEEK = re.compile(r"^\s*(?:未来一周|下周|本周|下一周|the week ahead|next week|this week)(?=[，,:：\s]|[\u4e00-\u9fff])",
                            re.IGNORECASE)
_TITLED_WEEK = re.compile(r"^\s*[\w.&' ]{0,40}\bWeek Ahead\b", re.IGNORECASE)
# A title under a byline and a date line: "Schedule for Week of December 8, 2031".
_WEEK_OF_TITLE = re.compile(r"^\s*(?:[\w.&' ]{0,30}\s)?(?:Schedule|Calendar|Diary)\s+for\s+(?:the\s+)?Week\s+of\s+\w+\.?\s+\d{1,2}\b", re.IGNORECASE)
_TITLE_REACH = 3  # lines of byline and date above such a title


def week_opening(text: str) -> str:
    """The first clause of the body when it opens on a week ("未来一周" in "某社\n\n未来一周，市场将聚焦…"),
    read as the headline of a week-ahead preview when the headline itself is only a dateline; else ""."""
    lines = [line for line in text.splitlines() if line.strip()]
    first = to_simplified(lines[1]) if len(lines) > 1 else ""
    if _TITLED_WEEK.match(first):  # under a logo line, the title: "US IPO Week Ahead: …"
        return first
    titled = next((line for line in lines[:_TITLE_REACH + 1] if _WEEK_OF_TITLE.match(line)), None)
    if titled is not None:
        return titled
    if not _OPENS_ON_WEEK.match(first):
        return ""
    return re.split(r"[，,。.;；]", first, maxsplit=1)[0]


# "本周另一焦点为…非农就业数据,以及…会议纪要", "下周(3月2日-3月6日),投资者将迎来…PMI,数家央行利率决议以及
# 美国非农就业报告": what a week's focus names are the week's releases, one each.
_FOCUS = re.compile(r"焦点|看点|聚焦|关注|留意|迎来")
_WEEK_DAYS = 5  # a stated span of at least this many days is a week ("下周(1月30日-2月6日)")


def week_focus(clause: str, tm: TimeMatch) -> bool:
    """Whether ``clause`` names the focus of the week ``tm`` (the releases it names are then that week's events)."""
    first, last = tm.base.first_day(), tm.base.last_day()
    week = tm.base.precision == "week" or (tm.base.kind == "range" and first is not None and last is not None
                                           and (last - first).days >= _WEEK_DAYS - 1 and (last - first).days <= 9)
    return week and _FOCUS.search(clause) is not None


def lists_week_releases(clause: str, sentence: str, anchor: Anchor) -> bool:
    """Whether ``clause`` lists several releases without a verb ("其他数据包括A、B、C等"): in a week preview,
    the week's releases. Not where the sentence names a day or a week of its own ("上周公布的数据包括…",
    "今日关注A与B": past, or dated where the article gives the day)."""
    if not several(placed_releases(clause)):
        return False
    return not any(t.resolved.precision in ("date", "datetime", "week") for t in find_times(sentence, anchor))
