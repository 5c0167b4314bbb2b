"""Which events a listing, feed or export wants: the filter the store applies in SQL and the feed
cache applies in memory, with one meaning in both places."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from calendar_daemon.domain.vocabulary import STATUSES


class Classified(Protocol):
    """How an event is classified: what filters and alert rules both match on."""

    @property
    def category(self) -> str: ...
    @property
    def region(self) -> str: ...
    @property
    def importance(self) -> int: ...
    @property
    def status(self) -> str: ...


class Filterable(Classified, Protocol):
    """What :meth:`EventFilter.matches` reads of an event: an :class:`Event` or a plain snapshot of one."""

    @property
    def entities(self) -> Sequence[str]: ...
    @property
    def sort_start(self) -> datetime: ...
    @property
    def sort_end(self) -> datetime: ...
    @property
    def title(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def deleted(self) -> bool: ...


def contains_text(query: str, title: str, description: str, entities: Sequence[str]) -> bool:
    """Whether an event's title, description or entities contain ``query``, ignoring case."""
    return query.casefold() in " ".join([title, description, *entities]).casefold()


@dataclass
class EventFilter:
    """Which events a listing, export or feed wants."""

    categories: Sequence[str] = ()
    regions: Sequence[str] = ()
    min_importance: int | None = None
    entities: Sequence[str] = ()
    start: datetime | None = None  # events still running after this UTC instant (or starting at it)
    end: datetime | None = None  # events starting before this UTC instant
    query: str | None = None
    statuses: Sequence[str] = STATUSES
    include_deleted: bool = False

    def matches(self, event: Filterable) -> bool:
        """The same test as :meth:`EventStore.list_events`, on an event already in memory."""
        if self.categories and event.category not in self.categories:
            return False
        if self.regions and event.region not in {r.upper() for r in self.regions}:
            return False
        if self.min_importance is not None and event.importance < self.min_importance:
            return False
        if self.entities:
            wanted = {e.casefold() for e in self.entities}
            if not wanted & {e.casefold() for e in event.entities}:
                return False
        if self.start is not None and not (event.sort_end > self.start or event.sort_start >= self.start):
            return False
        if self.end is not None and event.sort_start >= self.end:
            return False
        if self.query and not contains_text(self.query, event.title, event.description, event.entities):
            return False
        if event.status not in self.statuses:
            return False
        return self.include_deleted or not event.deleted
