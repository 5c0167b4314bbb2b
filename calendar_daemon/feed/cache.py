"""The iCalendar feed, served from cache.

Each event is rendered once per revision. The rendered blocks are kept once, joined into the
unfiltered feed body, with compact per-event columns beside it (:mod:`calendar_daemon.feed.table`).
The cache learns about changes by comparing the store's ``data_version`` with the one it last saw and
fetching only the events written since; the new body is the old one's unchanged runs, copied as
slices, with the re-rendered blocks in their places. A filtered body is joined from slices once per
data version and reused until the next change. A request for an unchanged feed does no per-event work.
Filtered bodies together take at most ``max_filtered_bytes`` (``[feed] max_filtered_bodies_mb``): beyond
it the least recently used are dropped (and rebuilt if asked for again), so memory and disk stay bounded
whatever filters clients ask for; the unfiltered body is always kept.
A body larger than ``max_body_memory`` bytes is kept in an unlinked temporary file rather than in
process memory and served from it in chunks (:mod:`calendar_daemon.feed.body`). A body is laid out
as :func:`calendar_daemon.feed.render.render_calendar` lays out a calendar: the same header, blocks and
footer, so a feed and an export of the same events agree byte for byte.

Bodies are worded in one display locale (``locale``: the DESCRIPTION footers), fixed for the cache's
life. ``[display] locale`` takes effect at a restart, which builds a new cache: the bytes differ, so
does the ETag, and ``modified_floor`` (the daemon's start) keeps Last-Modified from telling a client
that revalidates by date alone that its copy in the old language is current.

The daemon starts serving before the cache is filled: :meth:`FeedCache.warm_up_in_background` renders
every event in a background thread, and a feed request that arrives meanwhile waits for it, so the
bytes served are the same as after an eager start.
"""

from __future__ import annotations

import hashlib
import logging
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from calendar_daemon.domain.vocabulary import STATUSES
from calendar_daemon.feed.body import DEFAULT_MAX_BODY_MEMORY, MEBIBYTE, Body, BodyFiles, body_bytes, body_chunks
from calendar_daemon.feed.columns import Entry
from calendar_daemon.feed.render import DEFAULT_NAME, DEFAULT_REFRESH_MINUTES, calendar_header
from calendar_daemon.feed.table import BlockTable, TableBuilder
from calendar_daemon.feed.vevent import FEED_LOCALE, render_vevent
from calendar_daemon.store.events import EventFilter, EventStore
from calendar_daemon.store.models import Event

logger = logging.getLogger(__name__)

EPOCH = datetime(2000, 1, 1)
DEFAULT_MAX_FILTERED_BYTES = 64 * MEBIBYTE  # all filtered bodies together, in memory or in files
FEED_STATUSES = STATUSES  # cancelled events stay in the feed as STATUS:CANCELLED; proposals never


@dataclass(frozen=True)
class FeedQuery:
    """A feed's filters; hashable so each distinct filter has its own cached body."""

    categories: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    min_importance: int | None = None
    entities: tuple[str, ...] = ()
    title: str = ""  # the calendar's name (NAME, X-WR-CALNAME); "" for the cache's own

    @property
    def is_everything(self) -> bool:
        """No filter and the feed's own name: the unfiltered body (the cache holds only feed statuses)."""
        return not (self.categories or self.regions or self.min_importance is not None or self.entities or self.title)

    def to_filter(self) -> EventFilter:
        return EventFilter(
            categories=self.categories, regions=self.regions, min_importance=self.min_importance,
            entities=self.entities, statuses=FEED_STATUSES,
        )  # fmt: skip


@dataclass
class FeedBody:
    body: Body  # bytes, or a FileBody above the cache's max_body_memory: read it with chunks()
    etag: str
    last_modified: datetime
    event_count: int

    @property
    def size(self) -> int:
        return len(self.body)

    def chunks(self) -> Iterator[bytes]:
        """The body in pieces of at most ~1 MB, however it is held."""
        return body_chunks(self.body)

    def read(self) -> bytes:
        """The whole body in memory (tests, small feeds); large ones are served with :meth:`chunks`."""
        return body_bytes(self.body)


@dataclass(frozen=True, slots=True)
class Tombstone:
    """What a fresh body's Last-Modified needs of an event that left the feed (deleted, or a status the
    feed does not serve): when, and the fields the filters it matched while it was in the feed read."""

    category: str
    region: str
    importance: int
    entities: tuple[str, ...]
    sort_start: datetime
    sort_end: datetime
    updated_at: datetime
    title: str = ""  # text is not kept: a query is matched by the store (see FeedCache._build)
    description: str = ""
    status: str = "confirmed"  # counted as it was while served
    deleted: bool = False

    @classmethod
    def of(cls, event: Event) -> Tombstone:
        return cls(
            category=sys.intern(event.category), region=sys.intern(event.region), importance=event.importance,
            entities=tuple(event.entities), sort_start=event.sort_start, sort_end=event.sort_end,
            updated_at=event.updated_at,
        )  # fmt: skip


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
    name: str = DEFAULT_NAME
    refresh_minutes: int = DEFAULT_REFRESH_MINUTES
    poll_seconds: float = 1.0
    roundtrip: bool = False  # True for export: blocks carry everything a re-import needs
    monotonic: Callable[[], float] = time.monotonic
    max_body_memory: int = DEFAULT_MAX_BODY_MEMORY  # bytes; a larger body lives in a temporary file
    body_dir: str | None = None  # where those files go (None: the system's temporary directory)
    max_filtered_bytes: int = DEFAULT_MAX_FILTERED_BYTES  # filtered bodies kept, least recently used dropped
    locale: str = FEED_LOCALE  # the words of the DESCRIPTION footers ([display] locale)
    modified_floor: datetime = EPOCH  # no Last-Modified before this (naive UTC; the daemon: its start)
    _table: BlockTable | None = None
    _tombstones: dict[str, Tombstone] = field(default_factory=dict)
    _bodies: OrderedDict[FeedQuery, _KeyState] = field(default_factory=OrderedDict)  # least recently used first
    _filtered_bytes: int = 0
    _regions: tuple[int, frozenset[str]] = (-1, frozenset())
    _batches: list[_Batch] = field(default_factory=list)
    _synced: int = -1
    _checked_at: float = float("-inf")
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _header: bytes = b""
    renders: int = 0

    def header(self, title: str = "") -> bytes:
        """The calendar's properties (everything before the first VEVENT), named ``title`` or the feed's
        own name; built once."""
        if title and title != self.name:
            return calendar_header(title, self.refresh_minutes)
        if not self._header:
            self._header = calendar_header(self.name, self.refresh_minutes)
        return self._header

    def invalidate(self) -> None:
        """Check the store on the next request (after a write made by this process)."""
        self._checked_at = float("-inf")

    @property
    def version(self) -> int:
        return self._synced

    @property
    def table(self) -> BlockTable:
        """The cached events (empty before the first sync)."""
        if self._table is None:
            self._table = BlockTable.empty(self.header(), self.files)
        return self._table

    @property
    def files(self) -> BodyFiles:
        return BodyFiles(self.max_body_memory, self.body_dir)

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
        logger.info("feed cache warm: %s events rendered in %.1f s", len(self.table), time.perf_counter() - started)

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
            if self._synced < 0:
                count, newest = self._fill()
            else:
                count, newest = self._update(self._synced)
            if count:
                self._batches.append(_Batch(version, newest))
                del self._batches[:-64]
            logger.debug("feed cache synced to version %s (%s events changed)", version, count)
            self._synced = version
            return version

    def _fill(self) -> tuple[int, datetime]:
        """The first sync: every event, appended to the body in the order the store reads them."""
        builder = TableBuilder(self.header(), self.files)
        count, newest = 0, EPOCH
        # In chunks: the first fill of a large calendar never holds every row object at once.
        for chunk in self.store.iter_changed_since(-1):
            count += len(chunk)
            newest = max(newest, max(e.updated_at for e in chunk))
            for event in chunk:
                if self._leaves_feed(event):
                    continue
                builder.add(self._render(event))
            del chunk  # not held while the next chunk is read
        self._table = builder.finish()
        return count, newest

    def _update(self, since: int) -> tuple[int, datetime]:
        """Render the events written since version ``since`` into a new table."""
        count, newest = 0, EPOCH
        table = self.table
        changed: dict[str, Entry] = {}
        removed: set[str] = set()
        positions: dict[str, int] = {}
        for chunk in self.store.iter_changed_since(since):
            count += len(chunk)
            newest = max(newest, max(e.updated_at for e in chunk))
            cached = table.positions({e.uid for e in chunk})
            positions.update(cached)
            for event in chunk:
                if self._leaves_feed(event):
                    removed.add(event.uid)
                elif event.uid not in cached or table.revision[cached[event.uid]] != event.revision:
                    changed[event.uid] = self._render(event)
                else:  # written again since, but not changed (the first fill had read it already)
                    del positions[event.uid]
            del chunk
        self._table = table.with_changes(changed, removed, positions)
        return count, newest

    def _leaves_feed(self, event: Event) -> bool:
        """True (and remembered as a tombstone) for an event the feed does not serve."""
        if event.deleted or event.status not in FEED_STATUSES:
            self._tombstones[event.uid] = Tombstone.of(event)
            return True
        self._tombstones.pop(event.uid, None)
        return False

    def _render(self, event: Event) -> Entry:
        self.renders += 1
        return Entry.of(event, render_vevent(event, roundtrip=self.roundtrip, locale=self.locale))

    def get(self, query: FeedQuery) -> FeedBody:
        version = self.sync()
        with self._lock:
            state = self._bodies.get(query)
            if state is not None and state.version == version:
                self._bodies.move_to_end(query)
                return state.body
            flt = None if query.is_everything or query == FeedQuery(title=query.title) else query.to_filter()
            body = self._build(flt, state, query.title)
            self._keep(query, _KeyState(body, version))
            return body

    def _keep(self, query: FeedQuery, state: _KeyState) -> None:
        """Cache ``state`` as the most recently used body, then drop the least recently used filtered
        bodies beyond ``max_filtered_bytes``. A dropped file-backed body closes its file (freeing the
        disk) when the last reference goes: at once, or when a response still streaming it ends."""
        old = self._bodies.pop(query, None)
        self._bodies[query] = state
        if query.is_everything:
            return
        self._filtered_bytes += state.body.size - (old.body.size if old is not None else 0)
        while self._filtered_bytes > self.max_filtered_bytes:
            victim = next((key for key in self._bodies if not key.is_everything), None)
            if victim is None:
                break
            self._filtered_bytes -= self._bodies.pop(victim).body.size
            logger.debug("feed cache: dropped the body of %s (least recently used)", victim)

    @property
    def filtered_bytes(self) -> int:
        """The size of the filtered bodies cached now (memory and files)."""
        return self._filtered_bytes

    def regions(self) -> frozenset[str]:
        """The regions of the events in the feed (cancelled ones included), as of the latest sync."""
        version = self.sync()
        with self._lock:
            if self._regions[0] != version:
                self._regions = (version, self.table.regions())
            return self._regions[1]

    def filtered(self, flt: EventFilter) -> FeedBody:
        """A body for any filter (e.g. a date range for export), built now and not cached."""
        self.sync()
        with self._lock:
            return self._build(flt, None)

    def _build(self, flt: EventFilter | None, previous: _KeyState | None, title: str = "") -> FeedBody:
        """The body of the cached events ``flt`` selects (``None``: all of them) in feed order, named ``title``."""
        table = self.table
        header = self.header(title)
        # The body is the header plus the blocks in this order, so hashing the header and the
        # blocks' digests identifies it exactly, at a fraction of the cost of hashing megabytes.
        digest = hashlib.sha256(header)
        texts = self.store.text_matches(flt.query) if flt is not None and flt.query else set()
        members: list[int] | None = None
        if flt is None:
            count, newest = len(table), table.newest()
            digest.update(table.digests)
        else:
            members = table.select(flt, texts)
            count, newest = len(members), table.newest(members)
            digest.update(table.digests_of(members))
        etag = '"' + digest.hexdigest()[:32] + '"'
        if previous is not None and previous.body.etag == etag:
            return previous.body
        if members is None:
            body = table.body if header == table.header else table.join(range(len(table)), header)
        else:
            body = table.join(members, header)
        newest = newest or EPOCH
        if previous is not None:
            for batch in self._batches:
                if batch.version > previous.version:
                    newest = max(newest, batch.max_updated)
            if newest <= previous.body.last_modified:
                newest = previous.body.last_modified + timedelta(seconds=1)
        elif flt is None or not (flt.categories or flt.regions or flt.min_importance or flt.entities):
            newest = max([newest, *(tombstone.updated_at for tombstone in self._tombstones.values())])
        else:
            untexted = replace(flt, query=None)  # the tombstones keep no text: the store matched it
            for uid, tombstone in self._tombstones.items():
                # A removed event counts for the filters it matched while it was in the feed.
                if untexted.matches(tombstone) and (not flt.query or uid in texts):
                    newest = max(newest, tombstone.updated_at)
        newest = max(newest, self.modified_floor)  # a restart may render differently (locale, version)
        return FeedBody(body=body, etag=etag, last_modified=newest, event_count=count)
