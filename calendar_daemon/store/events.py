"""The event store: the database is the one source of truth.

Every write bumps the global ``data_version`` in the same transaction, and stamps the events it
touched with that version (``change_seq``). Readers in this or another process compare the version
to what they last saw and fetch only the events that changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
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
from calendar_daemon.store.bulk import BulkWrite, load_events
from calendar_daemon.store.event_keys import Probe, near_uids
from calendar_daemon.store.models import Event, State
from calendar_daemon.store.schema import ensure_schema
from calendar_daemon.store.upsert import BatchWriter, UpsertResult, merge_sources

__all__ = ["EventFilter", "EventStore", "Probe", "UpsertResult", "merge_sources", "utcnow"]

logger = logging.getLogger(__name__)

DATA_VERSION = "data_version"
Clock = Callable[[], datetime]


def utcnow() -> datetime:
    """The current time as a naive UTC datetime (the store's convention)."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


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
        with Session(self.engine) as session:
            version = self._bump_version(session)
            writer = BatchWriter(session, origin=origin, version=version, now=self.clock(), merge=merge, status=status)
            result = writer.write(records, retire or {})
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

    def bulk(self, origin: str) -> BulkWrite:
        """An import of any size in one transaction, written batch by batch (see :mod:`calendar_daemon.store.bulk`):
        ``with store.bulk("import") as bulk: ... bulk.write(batch, retire) ...; bulk.commit()``."""
        session = Session(self.engine)
        try:
            version = self._bump_version(session)
        except BaseException:
            session.close()
            raise
        return BulkWrite(session, origin=origin, version=version, now=self.clock(), data_version=self.data_version)

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
        with Session(self.engine) as session:
            return load_events(session, uids)

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

    def near(self, probes: Sequence[Probe], statuses: Sequence[str], skip: Collection[str] = ()) -> dict[str, Event]:
        """The live events with one of ``statuses`` that a probe finds by (category, name) and time
        (see :mod:`calendar_daemon.store.event_keys`), by UID, but for those in ``skip`` (the caller
        has them): reconciliation's look-up."""
        with self.engine.connect() as conn:
            uids = sorted(near_uids(conn, probes, statuses) - set(skip))
        return self.get_many(uids)

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
