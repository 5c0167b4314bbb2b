"""The iCalendar feed, served from cache.

Each event is rendered once per revision and kept as bytes. The cache learns about changes by
comparing the store's ``data_version`` with the one it last saw and fetching only the events written
since; a filtered feed body is joined from cached blocks once per data version and reused until the
next change. A request for an unchanged feed does no per-event work; the first request after an edit
renders the edited events and joins cached blocks, reading plain per-event facts rather than ORM
attributes.

The daemon starts serving before the cache is filled: :meth:`FeedCache.warm_up_in_background` renders
every event in a background thread, and a feed request that arrives meanwhile waits for it, so the
bytes served are the same as after an eager start.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from icalendar import Calendar

from calendar_daemon import __version__
from calendar_daemon.models import Event
from calendar_daemon.store import EventFilter, EventStore
from calendar_daemon.vevent import render_vevent

logger = logging.getLogger(__name__)

EPOCH = datetime(2000, 1, 1)
FEED_STATUSES = ("confirmed", "tentative", "cancelled")


@dataclass(frozen=True)
class FeedQuery:
    """A feed's filters; hashable so each distinct filter has its own cached body."""

    categories: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    min_importance: int | None = None
    entities: tuple[str, ...] = ()

    @property
    def is_everything(self) -> bool:
        """No filter: every cached event is in the feed (the cache holds only feed statuses)."""
        return not (self.categories or self.regions or self.min_importance is not None or self.entities)

    def to_filter(self) -> EventFilter:
        return EventFilter(
            categories=self.categories, regions=self.regions, min_importance=self.min_importance,
            entities=self.entities, statuses=FEED_STATUSES,
        )  # fmt: skip


@dataclass
class FeedBody:
    body: bytes
    etag: str
    last_modified: datetime
    event_count: int


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What a filter and the feed's Last-Modified read of an event, as plain values.

    Reading attributes off a SQLModel object goes through SQLAlchemy's instrumentation (~1 µs each);
    a feed rebuilt after an edit reads them for every event, so the cache keeps these instead.
    """

    category: str
    region: str
    importance: int
    entities: tuple[str, ...]
    sort_start: datetime
    sort_end: datetime
    title: str
    description: str
    status: str
    deleted: bool
    updated_at: datetime
    revision: int

    @classmethod
    def of(cls, event: Event) -> EventFacts:
        return cls(
            category=event.category, region=event.region, importance=event.importance,
            entities=tuple(event.entities), sort_start=event.sort_start, sort_end=event.sort_end,
            title=event.title, description=event.description, status=event.status, deleted=event.deleted,
            updated_at=event.updated_at, revision=event.revision,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Cached:
    facts: EventFacts
    block: bytes
    digest: bytes  # of the block: the feed's ETag hashes these, not the whole body


@dataclass
class _KeyState:
    body: FeedBody
    version: int


@dataclass
class _Batch:
    version: int
    max_updated: datetime


@dataclass
class FeedCache:
    store: EventStore
    name: str = "Market calendar"
    refresh_minutes: int = 60
    poll_seconds: float = 1.0
    roundtrip: bool = False  # True for export: blocks carry everything a re-import needs
    monotonic: Callable[[], float] = time.monotonic
    _events: dict[str, _Cached] = field(default_factory=dict)
    _tombstones: dict[str, EventFacts] = field(default_factory=dict)
    _order: list[str] = field(default_factory=list)
    _bodies: dict[FeedQuery, _KeyState] = field(default_factory=dict)
    _batches: list[_Batch] = field(default_factory=list)
    _synced: int = -1
    _checked_at: float = float("-inf")
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _header: bytes = b""
    renders: int = 0

    def header(self) -> bytes:
        """The calendar's properties (everything before the first VEVENT); built once."""
        if not self._header:
            self._header = self._render_header()
        return self._header

    def _render_header(self) -> bytes:
        calendar = Calendar()
        calendar.add("prodid", f"-//calendar-daemon//calendar-daemon {__version__}//EN")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("name", self.name)
        calendar.add("x-wr-calname", self.name)
        refresh = f"PT{self.refresh_minutes}M"
        calendar.add("x-published-ttl", refresh)
        text: bytes = calendar.to_ical().replace(b"END:VCALENDAR\r\n", b"")
        return text + f"REFRESH-INTERVAL;VALUE=DURATION:{refresh}\r\n".encode()

    def invalidate(self) -> None:
        """Check the store on the next request (after a write made by this process)."""
        self._checked_at = float("-inf")

    @property
    def version(self) -> int:
        return self._synced

    def warm_up_in_background(self) -> threading.Thread:
        """Render every event and the unfiltered body in a daemon thread, so start-up does not wait.

        Feed requests made meanwhile wait for the cache's lock and get the same bytes an eager
        ``sync(force=True)`` before serving would have given. A failure here is logged; the next
        request then syncs by itself.
        """
        thread = threading.Thread(target=self._warm_up, name="feed-warm-up", daemon=True)
        thread.start()
        return thread

    def _warm_up(self) -> None:
        started = time.perf_counter()
        try:
            self.sync(force=True)
            self.get(FeedQuery())
        except Exception:  # a request retries the sync; the daemon keeps serving
            logger.exception("feed warm-up failed; the next feed request will retry")
            return
        logger.info("feed cache warm: %s events rendered in %.1f s", len(self._events), time.perf_counter() - started)

    def sync(self, *, force: bool = False) -> int:
        """Bring the cache up to the store's data version; returns that version."""
        with self._lock:
            now = self.monotonic()
            if not force and now - self._checked_at < self.poll_seconds:
                return self._synced
            self._checked_at = now
            version = self.store.data_version()
            if version == self._synced:
                return version
            order_changed = self._synced < 0
            count, newest = 0, EPOCH
            # In chunks: the first fill of a large calendar never holds every row object at once.
            for chunk in self.store.iter_changed_since(self._synced if self._synced >= 0 else -1):
                count += len(chunk)
                newest = max(newest, max(e.updated_at for e in chunk))
                order_changed = self._apply(chunk) or order_changed
            if order_changed:
                self._order = sorted(self._events, key=lambda uid: (self._events[uid].facts.sort_start, uid))
            if count:
                self._batches.append(_Batch(version, newest))
                del self._batches[:-64]
            logger.debug("feed cache synced to version %s (%s events changed)", version, count)
            self._synced = version
            return version

    def _apply(self, changed: list[Event]) -> bool:
        """Update the cached blocks from changed rows; True when the feed order may have changed."""
        order_changed = False
        for event in changed:
            cached = self._events.get(event.uid)
            if event.deleted or event.status not in FEED_STATUSES:
                if cached is not None:
                    del self._events[event.uid]
                    order_changed = True
                self._tombstones[event.uid] = EventFacts.of(event)
                continue
            self._tombstones.pop(event.uid, None)
            if cached is not None and cached.facts.revision == event.revision:
                continue
            if cached is None or cached.facts.sort_start != event.sort_start:
                order_changed = True
            block = render_vevent(event, roundtrip=self.roundtrip)
            self._events[event.uid] = _Cached(EventFacts.of(event), block, hashlib.sha256(block).digest())
            self.renders += 1
        return order_changed

    def get(self, query: FeedQuery) -> FeedBody:
        version = self.sync()
        with self._lock:
            state = self._bodies.get(query)
            if state is not None and state.version == version:
                return state.body
            body = self._build(None if query.is_everything else query.to_filter(), state)
            self._bodies[query] = _KeyState(body, version)
            return body

    def filtered(self, flt: EventFilter) -> FeedBody:
        """A body for any filter (e.g. a date range for export), built now and not cached."""
        self.sync()
        with self._lock:
            return self._build(flt, None)

    def _build(self, flt: EventFilter | None, previous: _KeyState | None) -> FeedBody:
        """Join the cached blocks ``flt`` selects (``None``: all of them) in feed order."""
        if flt is None:
            members = [self._events[uid] for uid in self._order]
        else:
            members = [cached for uid in self._order if flt.matches((cached := self._events[uid]).facts)]
        blocks = [cached.block for cached in members]
        digests = [cached.digest for cached in members]
        newest = max((cached.facts.updated_at for cached in members), default=EPOCH)
        header = self.header()
        body = b"".join([header, *blocks, b"END:VCALENDAR\r\n"])
        # The body is the header plus these blocks in this order, so hashing the header and the
        # blocks' digests identifies it exactly, at a fraction of the cost of hashing megabytes.
        etag = '"' + hashlib.sha256(b"".join([header, *digests])).hexdigest()[:32] + '"'
        if previous is not None and previous.body.etag == etag:
            return previous.body
        if previous is not None:
            for batch in self._batches:
                if batch.version > previous.version:
                    newest = max(newest, batch.max_updated)
            if newest <= previous.body.last_modified:
                newest = previous.body.last_modified + timedelta(seconds=1)
        else:
            removed = flt is not None and (flt.categories or flt.regions or flt.min_importance or flt.entities)
            for facts in self._tombstones.values():
                # A removed event counts for the filters it matched while it was in the feed.
                if not removed or (flt is not None and flt.matches(replace(facts, deleted=False, status="confirmed"))):
                    newest = max(newest, facts.updated_at)
        return FeedBody(body=body, etag=etag, last_modified=newest, event_count=len(blocks))
