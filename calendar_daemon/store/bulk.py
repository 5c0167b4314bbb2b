"""One write transaction for an import of any size, written batch by batch (:meth:`EventStore.bulk`).

An import streams its records in batches; each batch is reconciled against what the store holds
*including the batches before it* (their rows are visible to this transaction's own reads, through
:class:`TransactionReads`) and written by a :class:`~calendar_daemon.store.upsert.BatchWriter`.
Nothing is committed until the last batch is written: a failure anywhere rolls every batch back.
The whole import is one data version, so readers (the feed cache, the alert planner) see one change.

Memory follows the batch, not the import: the session forgets each batch's objects once it is
written, the result keeps counts, and the UIDs seen so far (a UID twice in one import is an error)
are kept in a temporary table of this transaction, not in the process.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType

from sqlalchemy import text
from sqlmodel import Session, col, select

from calendar_daemon.domain.records import EventRecord
from calendar_daemon.exceptions import InputError
from calendar_daemon.store.event_keys import Probe, near_uids
from calendar_daemon.store.models import Event
from calendar_daemon.store.upsert import BatchWriter

logger = logging.getLogger(__name__)

_CHUNK = 500
_SEEN = "import_seen_uids"


def load_events(session: Session, uids: Sequence[str]) -> dict[str, Event]:
    """The events (tombstones included) with these UIDs, by UID, detached from ``session``."""
    found: dict[str, Event] = {}
    for offset in range(0, len(uids), _CHUNK):
        chunk = list(uids[offset : offset + _CHUNK])
        for event in session.exec(select(Event).where(col(Event.uid).in_(chunk))).all():
            session.expunge(event)
            found[event.uid] = event
    return found


class TransactionReads:
    """The reads reconciliation makes of the store, answered inside the open transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, uid: str, *, include_deleted: bool = False) -> Event | None:
        event = load_events(self.session, [uid]).get(uid)
        return None if event is None or (event.deleted and not include_deleted) else event

    def get_many(self, uids: Sequence[str]) -> dict[str, Event]:
        return load_events(self.session, uids)

    def near(self, probes: Sequence[Probe], statuses: Sequence[str], skip: Collection[str] = ()) -> dict[str, Event]:
        return load_events(self.session, sorted(near_uids(self.session.connection(), probes, statuses) - set(skip)))


@dataclass
class BulkCounts:
    """What an import changed, counted (an import of a million events keeps no list of UIDs)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    merged: int = 0
    version: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.retired)


class BulkWrite:
    """An open import: :meth:`write` each batch, then :meth:`commit`; leaving the ``with`` block
    without committing (an error) rolls everything back."""

    def __init__(self, session: Session, *, origin: str, version: int, now: datetime, data_version: Callable[[], int]) -> None:
        self.session, self.origin, self.version, self.now = session, origin, version, now
        self.data_version = data_version
        self.reads = TransactionReads(session)
        self.counts = BulkCounts()
        self.records = 0

    def __enter__(self) -> BulkWrite:
        self.session.execute(text(f"CREATE TEMPORARY TABLE {_SEEN} (uid TEXT PRIMARY KEY, source TEXT NOT NULL)"))
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self.session.in_transaction():
            self.session.rollback()
        self.session.close()

    def check_unique(self, tagged: Sequence[tuple[str, EventRecord]]) -> None:
        """A UID twice in one import is an error (which record should win is unclear), in one batch or
        across batches; the first record's file is named."""
        seen: dict[str, str] = {}
        for source, record in tagged:
            if record.uid in seen:
                raise InputError(f"uid {record.uid!r} appears twice (also in {seen[record.uid]})", source=source)
            seen[record.uid] = source
        uids = list(seen)
        for first in range(0, len(uids), _CHUNK):
            chunk = uids[first : first + _CHUNK]
            names = ", ".join(f":u{i}" for i in range(len(chunk)))
            params = {f"u{i}": uid for i, uid in enumerate(chunk)}
            for uid, earlier in self.session.execute(text(f"SELECT uid, source FROM {_SEEN} WHERE uid IN ({names})"), params):
                source = next(source for source, record in tagged if record.uid == uid)
                raise InputError(f"uid {uid!r} appears twice (also in {earlier})", source=source)
        self.session.execute(text(f"INSERT INTO {_SEEN} (uid, source) VALUES (:uid, :source)"),
                             [{"uid": uid, "source": source} for uid, source in seen.items()])  # fmt: skip

    def write(self, records: Sequence[EventRecord], retire: Mapping[str, tuple[str, EventRecord | None]], merged: int = 0) -> None:
        """Write one reconciled batch; the session then forgets its objects (they are in the database)."""
        writer = BatchWriter(self.session, origin=self.origin, version=self.version, now=self.now, merge=False, status=None)
        result = writer.write(records, retire)
        self.session.flush()
        self.session.expunge_all()
        self.records += len(records)
        self.counts.created += len(result.created)
        self.counts.updated += len(result.updated)
        self.counts.unchanged += len(result.unchanged)
        self.counts.retired += len(result.retired)
        self.counts.merged += merged

    def commit(self) -> BulkCounts:
        """Commit every batch at once (or nothing, when nothing changed) and return the counts."""
        self.session.execute(text(f"DROP TABLE {_SEEN}"))
        if not self.counts.changed:
            self.session.rollback()
            self.counts.version = self.data_version()
            return self.counts
        self.session.commit()
        self.counts.version = self.version
        logger.info("stored %s events from %s: %s new, %s updated, %s unchanged", self.records, self.origin,
                    self.counts.created, self.counts.updated, self.counts.unchanged)  # fmt: skip
        return self.counts
