"""A market closed over consecutive days is one closure (issue 15, corpus 6 shape 5): a holiday-hours
notice lists "Monday 27th December - Trading CLOSED" and "Tuesday 28th December - Trading CLOSED" under
their own headings; the two rows are one event from the Monday to the Tuesday. Only English rows that
say the market is closed, of the same title and region, on days that follow each other."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Protocol, TypeVar

from .candidate import Candidate

_CLOSED = re.compile(r"\bclosed\b|\bclosure\b", re.IGNORECASE)
_DAY_OFF = re.compile(r"closed\b|closure\b|holiday\b", re.IGNORECASE)  # (an evidence window may cut a word)
_SATURDAY = 5


class _Found(Protocol):
    cand: Candidate
    span: tuple[date, date]


def _closure_day(c: Candidate, *, titled: bool = False) -> date | None:
    """The day of an English one-day closure; ``titled``: the title may be what says so, or call it a holiday."""
    said, closed = (f"{c.title} {c.evidence}", _DAY_OFF) if titled else (c.evidence, _CLOSED)
    if (c.category != "other" or c.precision != "date" or c.end != c.start or not c.evidence.isascii()
            or closed.search(said) is None):
        return None
    return date.fromisoformat(c.start)


F = TypeVar("F", bound=_Found)


def _weekend_day_off(c: Candidate) -> bool:
    """An English page's market closure or holiday on a Saturday or Sunday alone ("closed on Easter Sunday"):
    the market is shut every weekend, so it is no event."""
    return (c.category == "other" and c.precision == "date" and c.end == c.start and c.evidence.isascii()
            and date.fromisoformat(c.start).weekday() >= _SATURDAY and _DAY_OFF.search(f"{c.title} {c.evidence}") is not None)


def joined_closures(found: list[F]) -> list[F]:
    """``found`` with each run of closures on consecutive days folded into its first day's, which
    then ends on the run's last day; a second closure of the same day and region is dropped, and so is a
    weekend day's closure alone."""
    found = [f for f in found if not _weekend_day_off(f.cand)]
    gone: set[int] = set()
    first_of_day: dict[tuple[date, str], int] = {}
    for i, f in enumerate(found):  # a market closed on one day, said twice (a list row and a sentence), is one closure
        if (d := _closure_day(f.cand, titled=True)) is not None and first_of_day.setdefault((d, f.cand.region), i) != i:
            gone.add(i)
    days = sorted(((d, i) for i, f in enumerate(found) if i not in gone and (d := _closure_day(f.cand)) is not None),
                  key=lambda x: x[0])
    if len(days) < 2:
        return [f for i, f in enumerate(found) if i not in gone]
    head: tuple[date, int] | None = None
    last: date | None = None
    for d, i in days:
        c = found[i].cand
        if (head is not None and last is not None and d == last + timedelta(days=1)
                and c.title == found[head[1]].cand.title and c.region == found[head[1]].cand.region):
            first = found[head[1]]
            first.cand.end = d.isoformat()
            first.span = (first.span[0], d)
            gone.add(i)
        else:
            head = (d, i)
        last = d
    return [f for i, f in enumerate(found) if i not in gone]
