"""Days counted from another day of the same sentence (issue 15, corpus 3 shape 12): "英國周三 (21日)
公布CPI，日本兩天後也將公布通膨數據" is two days after the 21st, not after the publication day."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from . import resolved as P
from .numerals import NUM, cn_int
from .timeexpr import TimeMatch

_DAYS_AFTER = re.compile(rf"^(?P<n>{NUM})\s*(?:天|日)\s*(?:后|之后|以后)$")


def after_earlier_day(text: str, times: list[TimeMatch]) -> list[TimeMatch]:
    """``times`` with each "N天后" that follows a single day named earlier in ``text`` counted from that day."""
    out: list[TimeMatch] = []
    for tm in times:
        m = _DAYS_AFTER.match(text[tm.start : tm.end])
        # the last single day before it (a data period such as "12月CPI" between them is skipped)
        prev = next((t for t in reversed(out) if t.resolved.precision in ("date", "datetime")), None)
        day = prev.resolved.first_day() if prev is not None else None
        if m is None or prev is None or day is None or day != prev.resolved.last_day() or (n := cn_int(m["n"])) is None or n > 31:
            out.append(tm)
            continue
        res = P.day(day + timedelta(days=n), tm.resolved.timezone or prev.resolved.timezone)
        out.append(replace(tm, resolved=res, base=res, tags=tm.tags | {"after"}))
    return out
