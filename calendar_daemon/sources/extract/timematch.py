"""What time expressions are read against (:class:`Anchor`) and what reading one yields (:class:`TimeMatch`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import cached_property
from zoneinfo import ZoneInfo

from .resolved import Resolved


@dataclass(frozen=True)
class Anchor:
    """What relative expressions are resolved against."""

    published: datetime  # aware
    tz: str
    week_ahead: date | None = None  # Monday of the week a preview is about
    # The publication's day in its own offset, when the publication time carried one: a Sydney article out
    # on Monday 07:00 (+10:00) was written on Monday, though it is still Sunday in New York.
    own_offset: timedelta | None = None

    @cached_property  # asked for by every reader of every line
    def today(self) -> date:
        if self.own_offset is not None:
            return self.published.astimezone(timezone(self.own_offset)).date()
        return self.published.astimezone(ZoneInfo(self.tz)).date()

    @cached_property
    def _hash(self) -> int:
        return hash((self.published, self.tz, self.week_ahead, self.own_offset))

    def __hash__(self) -> int:  # an anchor is in the key of every line's remembered times: hashed once
        return self._hash


@dataclass
class TimeMatch:
    start: int
    end: int
    resolved: Resolved
    base: Resolved  # the period itself, before deadline/open-start modifiers
    has_year: bool = False
    ymd: tuple[int | None, int | None, int | None] = (None, None, None)
    tags: set[str] = field(default_factory=set)

    def span_text(self, text: str) -> str:
        return text[self.start:self.end]
