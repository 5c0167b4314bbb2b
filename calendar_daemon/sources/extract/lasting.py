"""A day and how many days the event lasts, in Chinese ("董事会今日起举行二天", "8月12日起举行,为期两天"): the event
spans those days, not one day or an open-ended period."""

from __future__ import annotations

import re
from datetime import date, timedelta

_ZH_COUNT = {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
# right after the date: "起举行二天", "起召开,为期两天", "(起)连续三天"
_LASTING = re.compile(r"^\s*(?:起|开始)?(?:举行|召开|进行|展开|连续)?\s*[,，]?\s*(?:为期|共|连续)?\s*(?P<n>[二两三四五]|[2-5])\s*(?:天|日)(?![\d元万股内均])")


def lasting_span(span: tuple[str, str | None, str], after: str) -> tuple[str, str | None, str]:
    """``span`` of a single day (or open from that day), widened to the days ``after`` (the text right after its
    date) says the event lasts."""
    start, end, precision = span
    if precision != "date" or (end is not None and end != start) or (m := _LASTING.match(after)) is None:
        return span
    days = _ZH_COUNT.get(m["n"]) or int(m["n"])
    return start, (date.fromisoformat(start) + timedelta(days=days - 1)).isoformat(), precision
