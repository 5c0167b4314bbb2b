"""The event columns alert planning reads, by start time, id or change: planning never loads full ORM events.

Loading full events for 100k rows would be slow; these queries read the few columns planning needs
(:class:`EventInfo`) and the start times that cut the horizon into chunks.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from calendar_daemon.store.models import Event

logger = logging.getLogger(__name__)

_T: Any = Event.__table__  # type: ignore[attr-defined]
_ID_CHUNK = 500


@dataclass(frozen=True)
class EventInfo:
    """The columns planning needs of one event."""

    uid: str
    revision: int
    category: str
    region: str
    importance: int
    precision: str
    status: str
    deleted: bool
    start_at: datetime | None
    start_date: date | None
    sort_end: datetime


@dataclass(frozen=True)
class ChangedSpan:
    """When an event written after some data version runs: enough to order re-planning."""

    id: int
    precision: str
    sort_start: datetime
    sort_end: datetime


_COLUMNS: list[Any] = [_T.c[name] for name in EventInfo.__dataclass_fields__]


class PlanningView:
    """Named read-only queries over the events table for the alert planner."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _infos(self, where: Any, *, include_deleted: bool = False) -> list[EventInfo]:
        statement = select(*_COLUMNS).where(where)
        if not include_deleted:
            statement = statement.where(_T.c.deleted.is_(False))
        with self.engine.connect() as conn:
            return [EventInfo(*row) for row in conn.execute(statement)]

    def in_progress(self, now: datetime, grace: timedelta) -> list[EventInfo]:
        """Live events that have begun and did not end more than ``grace`` ago."""
        return self._infos((_T.c.sort_start < now) & (_T.c.sort_end > now - grace))

    def starting(self, start: datetime, end: datetime) -> list[EventInfo]:
        """Live events starting in ``[start, end)``."""
        return self._infos((_T.c.sort_start >= start) & (_T.c.sort_start < end))

    def by_ids(self, ids: Sequence[int]) -> list[EventInfo]:
        """The events with these row ids, deleted ones included."""
        out: list[EventInfo] = []
        for first in range(0, len(ids), _ID_CHUNK):
            out.extend(self._infos(_T.c.id.in_(list(ids[first : first + _ID_CHUNK])), include_deleted=True))
        return out

    def chunk_end(self, start: datetime, target: datetime, size: int) -> datetime:
        """The start time that ends the next chunk from ``start``: at most ``size`` live events, never
        splitting a start time (more than ``size`` sharing one start time are taken together)."""
        window = (_T.c.deleted.is_(False)) & (_T.c.sort_start < target)
        statement = select(_T.c.sort_start).where(window, _T.c.sort_start >= start).order_by(_T.c.sort_start)
        with self.engine.connect() as conn:
            boundary = conn.execute(statement.offset(size).limit(1)).scalar()
            if boundary is None:
                return target
            if boundary == start:
                boundary = conn.execute(select(func.min(_T.c.sort_start)).where(window, _T.c.sort_start > start)).scalar()
        return target if boundary is None else boundary

    def changed_spans(self, since: int) -> Iterator[ChangedSpan]:
        """Every event (deleted ones included) written after data version ``since``, in id order,
        streamed: a change of a million events is never held as a million row objects."""
        statement = select(_T.c.id, _T.c.precision, _T.c.sort_start, _T.c.sort_end).where(_T.c.change_seq > since)
        with self.engine.connect() as conn:
            for row in conn.execution_options(yield_per=2000).execute(statement.order_by(_T.c.id)):
                yield ChangedSpan(*row)
