"""The event store: the database is the one source of truth.

Every write bumps the global ``data_version`` in the same transaction, and stamps the events it
touched with that version (``change_seq``). Readers in this or another process compare the version
to what they last saw and fetch only the events that changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete as sqlalchemy_delete
from sqlalchemy import func, or_, text, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from calendar_daemon.domain.filters import EventFilter, contains_text
from calendar_daemon.domain.records import EventRecord
from calendar_daemon.domain.vocabulary import PROPOSED
from calendar_daemon.exceptions import NotFoundError
from calendar_daemon.store.models import Event, State
from calendar_daemon.store.schema import ensure_schema

__all__ = ["EventFilter", "EventStore", "UpsertResult", "merge_sources", "utcnow"]

logger = logging.getLogger(__name__)

DATA_VERSION = "data_version"
Clock = Callable[[], datetime]


def utcnow() -> datetime:
    """The current time as a naive UTC datetime (the store's convention)."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


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


def merge_sources(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Union of two source lists; a source is identified by (outlet, headline, published)."""

    def key(source: dict[str, Any]) -> tuple[object, object, object]:
        return (source.get("outlet"), source.get("headline"), source.get("published"))

    merged = {key(s): s for s in old}
    for source in new:
        merged[key(source)] = {**merged.get(key(source), {}), **source}
    return list(merged.values())


_RECORD_FIELDS = (
    "title", "description", "category", "importance", "region", "entities", "tags", "timezone",
    "start_at", "end_at", "start_date", "end_date", "status", "sources", "extra",
)  # fmt: skip


class EventStore:
    """Reads and writes events; safe to share between threads (one session per call)."""

    def __init__(self, engine: Engine, clock: Clock = utcnow) -> None:
        self.engine = engine
        self.clock = clock

    def initialise(self, *, migrate: bool = False) -> None:
        """Create a new database, or check (``migrate``: upgrade) the schema of an existing one."""
        ensure_schema(self.engine, migrate=migrate)
        with self.engine.begin() as conn:  # replicas may start together: insert-if-absent, never fail
            conn.execute(self._state_insert().values(key=DATA_VERSION, value=0, text="").on_conflict_do_nothing())

    # -- versions and markers -------------------------------------------------------------
    def data_version(self) -> int:
        with self.engine.connect() as conn:
            value = conn.execute(text("SELECT value FROM state WHERE key = :k"), {"k": DATA_VERSION}).scalar()
        return int(value or 0)

    def get_marker(self, key: str) -> str | None:
        with Session(self.engine) as session:
            row = session.get(State, key)
            return None if row is None else row.text

    def _state_insert(self) -> Any:
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        return dialect.insert(State.__table__)  # type: ignore[attr-defined]

    def set_marker(self, key: str, value: str) -> None:
        """Write a marker; an upsert, so replicas writing the same marker at once never collide."""
        statement = self._state_insert().values(key=key, value=0, text=value)
        with self.engine.begin() as conn:
            conn.execute(statement.on_conflict_do_update(index_elements=["key"], set_={"text": value}))

    def markers(self, prefix: str) -> list[tuple[str, str]]:
        """(key, text) of every marker whose key starts with ``prefix``."""
        statement = select(State.key, State.text).where(col(State.key).startswith(prefix, autoescape=True))
        with Session(self.engine) as session:
            return [(str(key), str(value)) for key, value in session.exec(statement)]

    def delete_marker(self, key: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(sqlalchemy_delete(State).where(col(State.key) == key))

    @staticmethod
    def _bump_version(session: Session) -> int:
        # The first statement of a write transaction takes the write lock (SQLite) or the row lock
        # (PostgreSQL), so versions are handed out in commit order.
        session.execute(update(State).where(col(State.key) == DATA_VERSION).values(value=State.value + 1))
        row = session.get(State, DATA_VERSION)
        assert row is not None
        return row.value

    # -- writes ---------------------------------------------------------------------------
    def upsert(
        self, records: Sequence[EventRecord], *, origin: str, merge: bool = False, status: str | None = None,
        retire: Mapping[str, tuple[str, EventRecord | None]] | None = None,
    ) -> UpsertResult:
        """Insert or update ``records`` in one transaction: all of them or none.

        An unchanged record (same content hash) is left alone; a changed one gets a new revision.
        ``merge`` adds the records' sources to the stored ones instead of replacing them.
        ``status`` (e.g. ``proposed``) applies to new events and to ones already in it; a live event
        with another status that a record was merged into keeps that status.
        ``retire`` maps UIDs merged into another event to (that event's UID, the last record seen
        under the retired UID): they become tombstones pointing at it (``extra["merged_into"]``).
        """
        result = UpsertResult()
        now = self.clock()
        with Session(self.engine) as session:
            version = self._bump_version(session)
            existing = self._stored(session, [r.uid for r in records] + list(retire or {}))
            for record in records:
                event = existing.get(record.uid)
                self._adopt(record, event, merge=merge, status=status)
                digest = record.content_hash()
                if event is None:
                    existing[record.uid] = event = self._new_event(record, digest, origin, version, now)
                    result.created.append(record.uid)
                elif event.content_hash == digest and not event.deleted:
                    result.unchanged.append(record.uid)
                    continue
                else:
                    self._overwrite(event, record, digest, version, now)
                    result.updated.append(record.uid)
                session.add(event)
            for uid, (survivor, last) in (retire or {}).items():
                if self._retire(session, existing.get(uid), uid, survivor, last, origin, version, now):
                    result.retired.append(uid)
            if not result.changed:
                session.rollback()
                result.version = self.data_version()
                return result
            session.commit()
        result.version = version
        logger.info(
            "stored %s events from %s: %s new, %s updated, %s unchanged",
            len(records), origin, len(result.created), len(result.updated), len(result.unchanged),
        )  # fmt: skip
        return result

    @staticmethod
    def _stored(session: Session, uids: Sequence[str]) -> dict[str, Event]:
        """The stored events (tombstones included) with these UIDs, by UID."""
        if not uids:
            return {}
        return {e.uid: e for e in session.exec(select(Event).where(col(Event.uid).in_(uids))).all()}

    @staticmethod
    def _adopt(record: EventRecord, event: Event | None, *, merge: bool, status: str | None) -> None:
        """What ``record`` takes over before it is compared with ``event``, the stored event with its
        UID: the stored sources (``merge``), and the upsert's ``status`` unless it is a live event
        with a status of its own (one a proposal merged into: it gains a source, not a status)."""
        if merge and event is not None:
            record.sources = merge_sources(event.sources, record.sources)
        if status is not None and (event is None or event.deleted or event.status == status):
            record.status = status

    @staticmethod
    def _new_event(record: EventRecord, digest: str, origin: str, version: int, now: datetime) -> Event:
        return Event(
            uid=record.uid, precision=record.precision.value, sort_start=record.sort_start,
            sort_end=record.sort_end, origin=origin, revision=1, content_hash=digest,
            created_at=now, updated_at=now, change_seq=version,
            **{name: getattr(record, name) for name in _RECORD_FIELDS},
        )  # fmt: skip

    @staticmethod
    def _overwrite(event: Event, record: EventRecord, digest: str, version: int, now: datetime) -> None:
        """``event`` (live or a tombstone) becomes the next revision of ``record``."""
        for name in _RECORD_FIELDS:
            setattr(event, name, getattr(record, name))
        event.precision = record.precision.value
        event.sort_start, event.sort_end = record.sort_start, record.sort_end
        event.content_hash = digest
        event.deleted = False
        event.revision += 1
        event.updated_at = now
        event.change_seq = version

    @staticmethod
    def _retire(
        session: Session, event: Event | None, uid: str, survivor: str, last: EventRecord | None,
        origin: str, version: int, now: datetime,
    ) -> bool:
        """Make ``uid`` a tombstone pointing at ``survivor``; False when it already is one."""
        if event is None:
            if last is None:
                return False
            event = Event(
                uid=uid, precision=last.precision.value, sort_start=last.sort_start, sort_end=last.sort_end,
                origin=origin, revision=0, content_hash="", created_at=now, updated_at=now,
                **{name: getattr(last, name) for name in _RECORD_FIELDS},
            )  # fmt: skip
        elif event.deleted and event.extra.get("merged_into") == survivor:
            return False
        event.extra = {**event.extra, "merged_into": survivor}
        event.deleted = True
        event.revision += 1
        event.updated_at = now
        event.change_seq = version
        session.add(event)
        return True

    def set_status(self, uid: str, status: str) -> Event:
        return self._modify(uid, lambda event: setattr(event, "status", status))

    def delete(self, uid: str) -> Event:
        """Delete an event; a tombstone stays so readers in other processes see it go."""
        return self._modify(uid, lambda event: setattr(event, "deleted", True))

    def _modify(self, uid: str, change: Callable[[Event], None]) -> Event:
        with Session(self.engine) as session:
            version = self._bump_version(session)
            event = session.exec(select(Event).where(Event.uid == uid)).first()
            if event is None or event.deleted:
                session.rollback()
                raise NotFoundError(f"no event with uid {uid!r}")
            change(event)
            event.revision += 1
            event.updated_at = self.clock()
            event.change_seq = version
            session.add(event)
            session.commit()
            session.refresh(event)
            session.expunge(event)
            return event

    # -- reads ----------------------------------------------------------------------------
    def get(self, uid: str, *, include_deleted: bool = False) -> Event | None:
        with Session(self.engine) as session:
            event = session.exec(select(Event).where(Event.uid == uid)).first()
            if event is None or (event.deleted and not include_deleted):
                return None
            session.expunge(event)
            return event

    def get_many(self, uids: Sequence[str]) -> dict[str, Event]:
        """The events (tombstones included) with these UIDs, by UID; missing ones are absent."""
        found: dict[str, Event] = {}
        with Session(self.engine) as session:
            for offset in range(0, len(uids), 500):
                chunk = list(uids[offset : offset + 500])
                for event in session.exec(select(Event).where(col(Event.uid).in_(chunk))).all():
                    session.expunge(event)
                    found[event.uid] = event
        return found

    @staticmethod
    def _where(statement: Any, flt: EventFilter) -> Any:
        """``statement`` narrowed to what ``flt`` selects, but for its entities and text query (a
        caller tests those with :meth:`EventFilter.matches`)."""
        if not flt.include_deleted:
            statement = statement.where(col(Event.deleted).is_(False))
        if flt.categories:
            statement = statement.where(col(Event.category).in_(list(flt.categories)))
        if flt.regions:
            statement = statement.where(col(Event.region).in_([r.upper() for r in flt.regions]))
        if flt.min_importance is not None:
            statement = statement.where(col(Event.importance) >= flt.min_importance)
        if flt.start is not None:
            statement = statement.where(or_(col(Event.sort_end) > flt.start, col(Event.sort_start) >= flt.start))
        if flt.end is not None:
            statement = statement.where(col(Event.sort_start) < flt.end)
        return statement.where(col(Event.status).in_(list(flt.statuses)))

    def _feed_order(self) -> tuple[Any, Any]:
        """Start, then UID in code point order, as Python sorts UIDs (SQLite's default; PostgreSQL's
        collation may differ)."""
        uid = col(Event.uid).collate("C") if self.engine.dialect.name == "postgresql" else col(Event.uid)
        return (col(Event.sort_start), uid)

    def list_events(self, flt: EventFilter | None = None, *, limit: int | None = None, offset: int = 0) -> list[Event]:
        flt = flt or EventFilter()
        statement = self._where(select(Event), flt)
        if flt.query:
            pattern = f"%{flt.query}%"
            statement = statement.where(or_(col(Event.title).ilike(pattern), col(Event.description).ilike(pattern)))
        statement = statement.order_by(col(Event.sort_start), col(Event.uid))
        with Session(self.engine) as session:
            rows = list(session.exec(statement).all())
            for row in rows:
                session.expunge(row)
        if flt.entities or flt.query:
            rows = [row for row in rows if flt.matches(row)]
        if offset:
            rows = rows[offset:]
        if limit is not None:
            rows = rows[:limit]
        return rows

    def iter_events(self, flt: EventFilter, chunk: int = 1000) -> Iterator[list[Event]]:
        """The events ``flt`` selects in feed order (start, then UID), in chunks of at most ``chunk``
        rows read one after the other, so a reader of the whole calendar (``export``) never holds
        every row object at once."""
        order = self._feed_order()
        after: tuple[Any, Any] | None = None
        while True:
            statement = self._where(select(Event), flt)
            if after is not None:
                statement = statement.where(tuple_(*order) > tuple_(*after))
            with Session(self.engine) as session:
                rows = list(session.exec(statement.order_by(*order).limit(chunk)).all())
                session.expunge_all()
            if not rows:
                return
            after = (rows[-1].sort_start, rows[-1].uid)
            selected = [row for row in rows if flt.matches(row)] if flt.entities or flt.query else rows
            del rows
            if selected:
                yield selected
            del selected  # not held while the next chunk is read

    def iter_changed_since(self, version: int, chunk: int = 1000) -> Iterator[list[Event]]:
        """Events (deleted ones included) written after ``version``, in chunks of ``chunk`` events, so a
        reader of the whole calendar (the feed cache's first fill) never holds every row object at once.

        The whole calendar (``version < 0``) comes in feed order (start, then UID), so the feed cache
        can append each chunk's blocks to its body as they come; later changes come in the order
        they were written, read through the ``change_seq`` index.
        """
        order = self._feed_order() if version < 0 else (col(Event.change_seq), col(Event.id))
        after: tuple[Any, Any] | None = None
        while True:
            statement = select(Event).where(col(Event.change_seq) > version)
            if after is not None:
                statement = statement.where(tuple_(*order) > tuple_(*after))
            with Session(self.engine) as session:
                rows = list(session.exec(statement.order_by(*order).limit(chunk)).all())
                session.expunge_all()  # the caller's rows are plain objects; the session keeps none
            if not rows:
                return
            last = rows[-1]
            after = (last.sort_start, last.uid) if version < 0 else (last.change_seq, last.id)
            yield rows
            del rows, last  # not held while the next chunk is read

    def text_matches(self, query: str) -> set[str]:
        """UIDs of the events, tombstones included, whose text contains ``query`` (as
        :meth:`EventFilter.matches` decides); reads four columns, not whole rows."""
        statement = select(Event.uid, Event.title, Event.description, Event.entities)
        found: set[str] = set()
        with Session(self.engine) as session:
            for uid, title, description, entities in session.exec(statement.execution_options(yield_per=1000)):
                if contains_text(query, title, description, entities):
                    found.add(uid)
        return found

    def count(self, *, proposed: bool = True) -> int:
        """Events not deleted; without ``proposed``, only published ones (no proposals awaiting review)."""
        statement = select(func.count()).select_from(Event).where(col(Event.deleted).is_(False))
        if not proposed:
            statement = statement.where(Event.status != PROPOSED)
        with Session(self.engine) as session:
            return int(session.exec(statement).one())

    def uids(self, origin: str | None = None) -> Iterable[str]:
        statement = select(Event.uid).where(col(Event.deleted).is_(False))
        if origin:
            statement = statement.where(Event.origin == origin)
        with Session(self.engine) as session:
            return list(session.exec(statement).all())
