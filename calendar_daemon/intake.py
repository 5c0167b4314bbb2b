"""The one path by which new or changed events enter the store.

Seeds, imports, the API and ingestion all call :func:`submit`, so every source gets the same
treatment before the write (trading-day shifts, reconciliation across sources) and the same
effects after it (a new data version that the feed cache and the alert planner pick up).
"""

from __future__ import annotations

from collections.abc import Sequence

from calendar_daemon.records import EventRecord
from calendar_daemon.store import EventStore, UpsertResult


def submit(
    store: EventStore, records: Sequence[EventRecord], *, origin: str, merge: bool = False, status: str | None = None
) -> UpsertResult:
    """Store ``records`` (all or nothing) and return what changed."""
    return store.upsert(records, origin=origin, merge=merge, status=status)
