"""Releases that come out in one report: two calendar rows at the same instant naming parts of it are one
event. An invented calendar lists "03/06 - 21:30 某國 2 月非農就業人口" and, on the next row, "03/06 - 21:30
某國 2 月失業率": both figures are in the same monthly employment report, so they are one release, not two
(a CPI and a retail-sales row at the same instant stay two events)."""

from __future__ import annotations

from .candidate import Candidate

# Gazetteer ids published together, each set in one report (the US employment situation: payrolls
# and the unemployment rate).
_REPORTS: tuple[frozenset[str], ...] = (frozenset({"us-nfp", "unemployment"}),)


def one_report(a: Candidate, b: Candidate) -> bool:
    """Whether ``a`` and ``b`` are parts of one report: the same instant and region, releases of one set."""
    if a.precision != "datetime" or b.precision != "datetime" or a.start != b.start or a.region != b.region:
        return False
    pair = {a.release, b.release}
    return len(pair) == 2 and any(pair <= report for report in _REPORTS)
