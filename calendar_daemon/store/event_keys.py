"""The names of events by category (``event_keys``): reconciliation's index into the calendar.

A record can describe a stored event only if both have the same category and share a name after
aliases (see :mod:`calendar_daemon.intake.matching`). Each write keeps one row per (event, name) here,
so :func:`near_uids` finds the few stored events a batch may describe through the
``(category, name)`` index and the events' start times, whatever the size of the calendar.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, or_, select
from sqlalchemy.engine import Connection

from calendar_daemon.domain.aliases import entity_key
from calendar_daemon.store.models import KEY_NAME_LENGTH, Event, EventKey

logger = logging.getLogger(__name__)

_K: Any = EventKey.__table__  # type: ignore[attr-defined]
_E: Any = Event.__table__  # type: ignore[attr-defined]
_NAMES_PER_QUERY = 400  # one query per category and this many names: each name is an index look-up
_ROWS_PER_INSERT = 2000


@dataclass(frozen=True)
class Probe:
    """Stored events of ``category`` carrying one of ``names`` whose span reaches into ``[start, end)``."""

    category: str
    names: frozenset[str]
    start: datetime
    end: datetime


def key_names(entities: Iterable[str], extra: Mapping[str, Any]) -> set[str]:
    """The names an event is found by: its entities and those of the claims merged into it
    (``extra["reconcile"]["members"]``), each as :func:`entity_key` writes it."""
    names = [str(name) for name in entities]
    reconcile = extra.get("reconcile")
    members = reconcile.get("members") if isinstance(reconcile, dict) else None
    for member in members if isinstance(members, list) else ():
        if isinstance(member, dict) and isinstance(member.get("entities"), list):
            names.extend(str(name) for name in member["entities"])
    return {entity_key(name)[:KEY_NAME_LENGTH] for name in names} - {""}


def key_rows(uid: str, category: str, entities: Iterable[str], extra: Mapping[str, Any]) -> list[dict[str, str]]:
    return [{"uid": uid, "name": name, "category": category} for name in sorted(key_names(entities, extra))]


def replace_keys(conn: Connection, rows: Sequence[dict[str, str]], uids: Sequence[str] = ()) -> None:
    """Drop the rows of ``uids`` (events written again) and insert ``rows``, in the caller's transaction."""
    for first in range(0, len(uids), 500):
        conn.execute(delete(_K).where(_K.c.uid.in_(list(uids[first : first + 500]))))
    for first in range(0, len(rows), _ROWS_PER_INSERT):
        conn.execute(insert(_K), list(rows[first : first + _ROWS_PER_INSERT]))


def near_uids(conn: Connection, probes: Sequence[Probe], statuses: Sequence[str]) -> set[str]:
    """UIDs of the live events with one of ``statuses`` that some probe finds: index look-ups by
    (category, name), then each event's span checked against the probes of that name."""
    windows: dict[tuple[str, str], list[tuple[datetime, datetime]]] = defaultdict(list)
    for probe in probes:
        for name in probe.names:
            windows[(probe.category, name[:KEY_NAME_LENGTH])].append((probe.start, probe.end))
    by_category: dict[str, list[str]] = defaultdict(list)
    for category, name in sorted(windows):
        by_category[category].append(name)
    found: set[str] = set()
    for category, names in by_category.items():
        for first in range(0, len(names), _NAMES_PER_QUERY):
            chunk = names[first : first + _NAMES_PER_QUERY]
            spans = [span for name in chunk for span in windows[(category, name)]]
            statement = (
                select(_K.c.name, _E.c.uid, _E.c.sort_start, _E.c.sort_end)
                .join(_E, _E.c.uid == _K.c.uid)
                .where(_K.c.category == category, _K.c.name.in_(chunk))
                .where(_E.c.deleted.is_(False), _E.c.status.in_(list(statuses)))
                .where(or_(_E.c.sort_end > min(s for s, _ in spans), _E.c.sort_start >= min(s for s, _ in spans)))
                .where(_E.c.sort_start < max(e for _, e in spans))
            )
            for name, uid, sort_start, sort_end in conn.execute(statement):
                if any(_reaches(sort_start, sort_end, start, end) for start, end in windows[(category, name)]):
                    found.add(uid)
    return found


def _reaches(sort_start: datetime, sort_end: datetime, start: datetime, end: datetime) -> bool:
    """Whether an event's span reaches into ``[start, end)``, as the store's time filter decides."""
    return (sort_end > start or sort_start >= start) and sort_start < end
