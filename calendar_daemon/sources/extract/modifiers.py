"""Modifiers around a date: as-of (截至), deadline (by / 之前), open start (起 / onwards), about (左右),
early / late in a year, and the "from" before a range."""

from __future__ import annotations

import re
from dataclasses import replace
from zoneinfo import ZoneInfo

from . import resolved as P
from .resolved import Resolved
from .timematch import Anchor, TimeMatch
from .vocabulary import led_by

_AS_OF = led_by("截a", r"(?:截至|截止|截止到|截至到|\bas of|\bas at)\s*$", re.IGNORECASE)
_NOW_TO = re.compile(r"(?:从现在|从今天|从目前|即日|今后|现在)起?\s*(?:到|至)\s*$")
_DEADLINE_PRE = led_by("到直最不bun", r"(?:到|直到|最迟|不晚于|最晚|\bby|\bbefore|\buntil|\bno later than)\s*(?:the end of\s*)?$", re.IGNORECASE)
# "前" is "before" unless it starts a word: 前瞻 (preview), 前夕 (eve), 前景, 前十/前三 (top N)...
_DEADLINE_POST = re.compile(r"^\s*(?:之前|以前|前(?![后瞻夕景沿列十三五两几百])|为止)")
# "今年首只GEM股", "2031年第三家上市公司", "本月最大规模": the period counts the thing, it does not date it (not "最高",
# which opens "最高法院")
_COUNTED_IN = re.compile(r"^(?:的)?(?:首|第[一二三四五六七八九十\d]{1,3})(?:只|家|个|宗|批|单|支)|^(?:的)?最(?:大|多)")
_OPEN_POST = re.compile(r"^\s*(?:起|开始|及之后|及以后|之后|以后|以来|往后|\bonwards?\b|\band beyond\b)")
_FUZZY_POST = re.compile(r"^\s*(?:前后|左右)")
_LATE_POST = re.compile(r"^\s*(?:晚些时候|晚些|下半段|稍晚)")
_EARLY_POST = re.compile(r"^\s*(?:早些时候|上半段|稍早)")
_FROM_PRE = re.compile(r"(?:从|自|由|\bfrom|\bbetween)\s*$", re.IGNORECASE)


def modify(text: str, tm: TimeMatch, a: Anchor) -> TimeMatch:
    """``tm`` with the modifier words around it in ``text`` read into its value and its span."""
    pre = text[max(0, tm.start - 16):tm.start]
    post = text[tm.end:tm.end + 12]
    base = tm.base
    if base.start is None:
        return tm
    if m := _AS_OF.search(pre):
        return replace(tm, start=tm.start - len(m[0]), resolved=base.with_kind("as_of"))
    if base.precision in ("year", "half", "quarter", "month") and _COUNTED_IN.match(post):
        return replace(tm, resolved=base.with_kind("as_of"))
    if m := _NOW_TO.search(pre):
        res = Resolved(a.today, P.as_date(base.end), "date", kind="range", timezone=base.timezone)
        return replace(tm, start=tm.start - len(m[0]), resolved=res)
    dpre = _DEADLINE_PRE.search(pre)
    dpost = _DEADLINE_POST.match(post)
    if (dpre or dpost) and "range" not in tm.tags:
        pub = a.published.astimezone(ZoneInfo(a.tz)).replace(second=0, microsecond=0)
        due = P.as_date(base.end)
        # "by X" runs from publication to X; a deadline already past at publication is just its own period.
        res = Resolved(pub if due is None or due >= pub.date() else base.start, due, "date", kind="deadline", timezone=base.timezone)
        start = tm.start - (len(dpre[0]) if dpre else 0)
        return replace(tm, start=start, end=tm.end + (dpost.end() if dpost else 0), resolved=res)
    if (m := _OPEN_POST.match(post)) and not ("range" in tm.tags and m[0].strip() == "开始"):  # ("今日起至17日开始申购": the span)
        fpre = _FROM_PRE.search(pre)
        res = Resolved(base.start, None, base.precision, kind="open_start", timezone=base.timezone, past_relative="以来" in m[0])
        return replace(tm, start=tm.start - (len(fpre[0]) if fpre else 0), end=tm.end + m.end(), resolved=res)
    if m := _FUZZY_POST.match(post):
        return replace(tm, end=tm.end + m.end(), resolved=base.with_kind("fuzzy"))
    for rx, h in ((_LATE_POST, 2), (_EARLY_POST, 1)):
        if (m := rx.match(post)) and base.precision == "year" and tm.ymd[0]:
            res = replace(P.half(tm.ymd[0], h, base.timezone), kind="fuzzy")
            return replace(tm, end=tm.end + m.end(), resolved=res)
    if "range" in tm.tags and (fpre := _FROM_PRE.search(pre)):
        return replace(tm, start=tm.start - len(fpre[0]))
    return tm
