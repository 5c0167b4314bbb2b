"""The one path by which new or changed events enter the store.

Seeds, imports, the API and ingestion all call :func:`submit` (an import of files of any size calls
:func:`submit_stream`), so every source gets the same treatment before the write (trading-day shifts,
reconciliation across sources) and the same effects after it (a new data version that the feed cache
and the alert planner pick up).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from calendar_daemon.domain.records import EventRecord
from calendar_daemon.intake.reconcile import EventReads, Plan, reconcile
from calendar_daemon.intake.trading_shift import apply_trading_day
from calendar_daemon.store.bulk import BulkCounts
from calendar_daemon.store.events import EventStore, UpsertResult

BATCH = 5000  # records reconciled and written at a time by submit_stream


def _plan(reads: EventReads, records: Sequence[EventRecord], also: Sequence[str] = ()) -> Plan:
    """Records shifted to trading days and reconciled against ``reads`` and each other."""
    return reconcile(reads, [apply_trading_day(record) for record in records], also=also)


def _retire(plan: Plan) -> dict[str, tuple[str, EventRecord | None]]:
    return {uid: (survivor, plan.last_seen.get(uid)) for uid, survivor in plan.retire.items()}


def _batches(tagged: Iterable[tuple[str, EventRecord]], size: int) -> Iterator[list[tuple[str, EventRecord]]]:
    pairs = iter(tagged)
    while part := list(islice(pairs, size)):
        yield part


def submit(
    store: EventStore, records: Sequence[EventRecord], *, origin: str, merge: bool = False, status: str | None = None
) -> UpsertResult:
    """Store ``records`` (all or nothing) and return what changed.

    Lock-ups and listings move to their exchange's next trading day; a record that describes an
    event already known from another source is merged into it (see :mod:`calendar_daemon.intake.reconcile`).
    """
    plan = _plan(store, records, also=(status,) if status is not None else ())
    result = store.upsert(list(plan.records.values()), origin=origin, merge=merge, status=status, retire=_retire(plan))
    result.merged = list(plan.merged)
    return result


def submit_stream(store: EventStore, tagged: Iterable[tuple[str, EventRecord]], *, origin: str, batch: int = BATCH) -> BulkCounts:
    """Store the records of ``tagged`` ((file, record) pairs, read as they come) all or nothing, as
    :func:`submit` does, ``batch`` records at a time inside one transaction, and count what changed.

    Each batch is reconciled against the store including the batches before it; a UID seen twice is
    an error naming both files; any error (a bad record late in a file too) rolls back every batch.
    """
    with store.bulk(origin) as bulk:
        for part in _batches(tagged, batch):
            bulk.check_unique(part)
            plan = _plan(bulk.reads, [record for _, record in part])
            bulk.write(list(plan.records.values()), _retire(plan), merged=len(plan.merged))
        return bulk.commit()
