"""The one path by which new or changed events enter the store.

Seeds, imports, the API and ingestion all call :func:`submit`, so every source gets the same
treatment before the write (trading-day shifts, reconciliation across sources) and the same
effects after it (a new data version that the feed cache and the alert planner pick up).
"""

from __future__ import annotations

from collections.abc import Sequence

from calendar_daemon.domain.records import EventRecord
from calendar_daemon.intake.reconcile import reconcile
from calendar_daemon.intake.trading_shift import apply_trading_day
from calendar_daemon.store.events import EventStore, UpsertResult


def submit(
    store: EventStore, records: Sequence[EventRecord], *, origin: str, merge: bool = False, status: str | None = None
) -> UpsertResult:
    """Store ``records`` (all or nothing) and return what changed.

    Lock-ups and listings move to their exchange's next trading day; a record that describes an
    event already known from another source is merged into it (see :mod:`calendar_daemon.intake.reconcile`).
    """
    shifted = [apply_trading_day(record) for record in records]
    plan = reconcile(store, shifted, also=(status,) if status is not None else ())
    retire = {uid: (survivor, plan.last_seen.get(uid)) for uid, survivor in plan.retire.items()}
    result = store.upsert(list(plan.records.values()), origin=origin, merge=merge, status=status, retire=retire)
    result.merged = list(plan.merged)
    return result
