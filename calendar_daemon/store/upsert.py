"""Writing a batch of records in one transaction (:meth:`calendar_daemon.store.events.EventStore.upsert`).

The cost of a batch follows the records that change, not the calendar: the stored state of the
batch's UIDs is read as four columns (content hash, deleted, status), unchanged records stop there,
new events go in as plain rows by executemany, and only the events written again are loaded as ORM
objects. The names of every event written are kept in ``event_keys`` for reconciliation's look-ups.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlmodel import Session

from calendar_daemon.domain.records import EventRecord
from calendar_daemon.store.event_keys import key_rows, replace_keys
from calendar_daemon.store.models import Event

logger = logging.getLogger(__name__)

_E: Any = Event.__table__  # type: ignore[attr-defined]
_CHUNK = 500
_ROWS_PER_INSERT = 1000

RECORD_FIELDS = (
    "title", "description", "category", "importance", "region", "entities", "tags", "timezone",
    "start_at", "end_at", "start_date", "end_date", "status", "sources", "extra",
)  # fmt: skip


@dataclass
class UpsertResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    merged: list[tuple[str, str]] = field(default_factory=list)  # (incoming uid, the event it joined)
    version: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.retired)


@dataclass(frozen=True)
class _Stored:
    """What deciding whether a record changes an event needs of the stored event."""

    content_hash: str
    deleted: bool
    status: str


def merge_sources(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Union of two source lists; a source is identified by (outlet, headline, published)."""

    def key(source: dict[str, Any]) -> tuple[object, object, object]:
        return (source.get("outlet"), source.get("headline"), source.get("published"))

    merged = {key(s): s for s in old}
    for source in new:
        merged[key(source)] = {**merged.get(key(source), {}), **source}
    return list(merged.values())


def adopt_status(record: EventRecord, stored: _Stored | None, status: str | None) -> None:
    """The upsert's ``status`` (e.g. proposed) applies unless the record lands on a live event with a
    status of its own (one a proposal merged into: it gains a source, not a status)."""
    if status is not None and (stored is None or stored.deleted or stored.status == status):
        record.status = status


class BatchWriter:
    """One upsert: new rows, changed events and tombstones, all in ``session``'s transaction."""

    def __init__(self, session: Session, *, origin: str, version: int, now: datetime, merge: bool, status: str | None) -> None:
        self.session, self.origin, self.version, self.now = session, origin, version, now
        self.merge, self.status = merge, status
        self.result = UpsertResult()
        self._new: dict[str, dict[str, Any]] = {}
        self._loaded: dict[str, Event] = {}

    def write(self, records: Sequence[EventRecord], retire: Mapping[str, tuple[str, EventRecord | None]]) -> UpsertResult:
        stored = self._states([r.uid for r in records])
        again = {r.uid for r in records if r.uid in stored and (self.merge or not self._same(r, stored[r.uid]))}
        self._loaded = self._events(sorted(again) + list(retire))
        rewritten: dict[str, None] = {}
        for record in records:
            if record.uid in self._loaded or record.uid in self._new:
                if self._write_again(record):
                    rewritten[record.uid] = None
            elif record.uid in stored:
                self.result.unchanged.append(record.uid)
            else:
                adopt_status(record, None, self.status)
                self._new[record.uid] = self._row(record, record.content_hash())
                self.result.created.append(record.uid)
        for uid, (survivor, last) in retire.items():
            if self._retire(self._loaded.get(uid), uid, survivor, last):
                self.result.retired.append(uid)
        self._flush(list(rewritten))
        return self.result

    def _same(self, record: EventRecord, stored: _Stored) -> bool:
        """Whether ``record`` leaves its stored event as it is (decided on four columns)."""
        adopt_status(record, stored, self.status)
        return stored.content_hash == record.content_hash() and not stored.deleted

    def _states(self, uids: Sequence[str]) -> dict[str, _Stored]:
        found: dict[str, _Stored] = {}
        statement = select(_E.c.uid, _E.c.content_hash, _E.c.deleted, _E.c.status)
        for first in range(0, len(uids), _CHUNK):
            rows = self.session.execute(statement.where(_E.c.uid.in_(list(uids[first : first + _CHUNK]))))
            found.update((uid, _Stored(digest, bool(deleted), status)) for uid, digest, deleted, status in rows)
        return found

    def _events(self, uids: Sequence[str]) -> dict[str, Event]:
        """The stored events (tombstones included) with these UIDs, as ORM objects, by UID."""
        found: dict[str, Event] = {}
        for first in range(0, len(uids), _CHUNK):
            chunk = list(uids[first : first + _CHUNK])
            found.update((e.uid, e) for e in self.session.scalars(select(Event).where(_E.c.uid.in_(chunk))))
        return found

    def _write_again(self, record: EventRecord) -> bool:
        """A record for an event that exists (stored, or new earlier in this batch); True when it changed."""
        if record.uid in self._new:  # the same UID twice in one batch: the later record is a new revision
            row = self._new[record.uid]
            digest = record.content_hash()
            if row["content_hash"] == digest:
                self.result.unchanged.append(record.uid)
                return False
            self._new[record.uid] = {**self._row(record, digest), "revision": row["revision"] + 1}
            self.result.updated.append(record.uid)
            return False
        event = self._loaded[record.uid]
        if self.merge:
            record.sources = merge_sources(event.sources, record.sources)
        adopt_status(record, _Stored(event.content_hash, event.deleted, event.status), self.status)
        digest = record.content_hash()
        if event.content_hash == digest and not event.deleted:
            self.result.unchanged.append(record.uid)
            return False
        for name in RECORD_FIELDS:
            setattr(event, name, getattr(record, name))
        event.precision = record.precision.value
        event.sort_start, event.sort_end = record.sort_start, record.sort_end
        event.content_hash = digest
        event.deleted = False
        event.revision += 1
        event.updated_at = self.now
        event.change_seq = self.version
        self.session.add(event)
        self.result.updated.append(record.uid)
        return True

    def _row(self, record: EventRecord, digest: str) -> dict[str, Any]:
        return {
            "uid": record.uid, "precision": record.precision.value, "sort_start": record.sort_start,
            "sort_end": record.sort_end, "origin": self.origin, "revision": 1, "content_hash": digest,
            "deleted": False, "created_at": self.now, "updated_at": self.now, "change_seq": self.version,
            **{name: getattr(record, name) for name in RECORD_FIELDS},
        }  # fmt: skip

    def _retire(self, event: Event | None, uid: str, survivor: str, last: EventRecord | None) -> bool:
        """Make ``uid`` a tombstone pointing at ``survivor``; False when it already is one."""
        if event is None:
            if last is None:
                return False
            event = Event(
                uid=uid, precision=last.precision.value, sort_start=last.sort_start, sort_end=last.sort_end,
                origin=self.origin, revision=0, content_hash="", created_at=self.now, updated_at=self.now,
                **{name: getattr(last, name) for name in RECORD_FIELDS},
            )  # fmt: skip
        elif event.deleted and event.extra.get("merged_into") == survivor:
            return False
        event.extra = {**event.extra, "merged_into": survivor}
        event.deleted = True
        event.revision += 1
        event.updated_at = self.now
        event.change_seq = self.version
        self.session.add(event)
        return True

    def _flush(self, rewritten: list[str]) -> None:
        """Insert the new rows and the names of every event written; the ORM changes go at commit."""
        if not self.result.changed:
            return
        rows = list(self._new.values())
        for first in range(0, len(rows), _ROWS_PER_INSERT):
            self.session.execute(insert(_E), rows[first : first + _ROWS_PER_INSERT])
        keys = [k for row in rows for k in key_rows(row["uid"], row["category"], row["entities"], row["extra"])]
        for uid in rewritten:
            event = self._loaded[uid]
            keys.extend(key_rows(uid, event.category, event.entities, event.extra))
        replace_keys(self.session.connection(), keys, rewritten)
