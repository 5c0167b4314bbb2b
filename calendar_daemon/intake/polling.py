"""Polling the ``[[sources]]``: claim a due source, fetch it, apply what it says, record the outcome.

One :class:`Poller` per process. :meth:`Poller.poll_due` polls every source whose next poll has
come; replicas sharing a database each call it, and the claim on the source's state row (see
:mod:`calendar_daemon.store.source_state`) lets one of them poll a source at a time. A failure
(network, HTTP status, timeout, a malformed file) changes nothing in the calendar, is recorded on the
source and retried after an exponential backoff with jitter; it never stops the other sources.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from calendar_daemon.config.sources import SourceConfig
from calendar_daemon.exceptions import CalendarDaemonError, NotFoundError
from calendar_daemon.intake.poll_articles import ArticleOutcome, fetched_at, store_articles
from calendar_daemon.intake.poll_ics import apply_calendar, read_calendar
from calendar_daemon.sources.feed_items import parse_feed
from calendar_daemon.sources.fetch import Fetched, Fetcher, backoff
from calendar_daemon.sources.files import decode_text
from calendar_daemon.sources.proposals import DEFAULT_READING, Article, Reading
from calendar_daemon.sources.web_article import page_article
from calendar_daemon.store.events import EventStore, utcnow
from calendar_daemon.store.models import SourceState
from calendar_daemon.store.source_state import SourceStates

logger = logging.getLogger(__name__)

CHECK_SECONDS = 1.0  # how often a running daemon looks for due sources (one small query)
LEASE = timedelta(minutes=10)  # longer than any poll: a fetch times out, a feed reads a few dozen links
ACCEPT = {"ics": "text/calendar, */*;q=0.5", "feed": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
          "page": "text/html, */*;q=0.5"}  # fmt: skip


@dataclass
class PollOutcome:
    """What one poll of one source did."""

    name: str
    outcome: str  # changed | unchanged | not_modified | error
    added: int = 0
    updated: int = 0
    cancelled: int = 0
    proposals: int = 0
    items: int = 0
    error: str = ""
    success_at: datetime | None = None


class PollObserver(Protocol):
    def polled(self, outcome: PollOutcome) -> None: ...


class Poller:
    """Polls the configured sources into the store through the intake path."""

    def __init__(
        self, store: EventStore, sources: Sequence[SourceConfig], fetcher: Fetcher, *, token: str,
        clock: Callable[[], datetime] = utcnow, rand: Callable[[], float] = random.random, horizon_days: int = 400,
        default_timezone: str = "Asia/Shanghai", lease: timedelta = LEASE, observer: PollObserver | None = None,
        workers: int = 4, reading: Reading = DEFAULT_READING,
    ) -> None:  # fmt: skip
        self.store = store
        self.states = SourceStates(store.engine)
        self.sources = {source.name: source for source in sources}
        self.fetcher = fetcher
        self.token = token
        self.clock = clock
        self.rand = rand
        self.horizon_days = horizon_days
        self.default_timezone = default_timezone
        self.lease = lease
        self.observer = observer
        self.workers = workers
        self.reading = reading  # how articles of feed and page sources are read: as `ingest` reads them
        self.states.ensure(list(self.sources))

    def poll_due(self) -> list[PollOutcome]:
        """Poll every source that is due and that no other poller holds, up to ``workers`` at once (a
        source that hangs until its timeout does not hold up the others)."""
        due = self.states.due(list(self.sources), self.clock())
        if len(due) <= 1 or self.workers == 1:
            found = [self.poll(name) for name in due]
        else:
            with ThreadPoolExecutor(max_workers=min(self.workers, len(due)), thread_name_prefix="source-poll") as pool:
                found = list(pool.map(self.poll, due))
        return [outcome for outcome in found if outcome is not None]

    def run_in_background(self, stop: threading.Event, every_seconds: float = CHECK_SECONDS) -> threading.Thread:
        """A daemon thread that polls due sources every ``every_seconds`` until ``stop`` is set, then
        gives back its claims. It runs beside the web server and the alert scheduler, never in them."""

        def run() -> None:
            while not stop.wait(every_seconds):
                try:
                    self.poll_due()
                except Exception:  # a database hiccup: try again at the next check
                    logger.exception("polling sources failed; trying again in %ss", every_seconds)
            self.states.release([self.token])
            self.fetcher.close()

        thread = threading.Thread(target=run, name="source-poller", daemon=True)
        thread.start()
        return thread

    def poll(self, name: str, *, force: bool = False) -> PollOutcome | None:
        """Poll one source (``force``: even when it is not due); None when another poller holds it."""
        source = self.sources.get(name)
        if source is None:
            raise NotFoundError(f"no source named {name!r} (sources: {', '.join(self.sources) or 'none configured'})")
        now = self.clock()
        row = self.states.claim(name, self.token, now, self.lease, force=force)
        if row is None:
            return None
        try:
            outcome, values = self._poll_claimed(source, row, now)
        except CalendarDaemonError as exc:
            outcome, values = self._failed(source, row, now, str(exc))
        except Exception as exc:
            logger.exception("source %s: poll failed", name)
            outcome, values = self._failed(source, row, now, f"{type(exc).__name__}: {exc}")
        self.states.finish(name, self.token, values)
        if self.observer is not None:
            self.observer.polled(outcome)
        return outcome

    def _failed(self, source: SourceConfig, row: SourceState, now: datetime, error: str) -> tuple[PollOutcome, dict[str, Any]]:
        failures = row.failures + 1
        delay = backoff(failures, source.interval, self.rand)
        logger.warning("source %s: %s (failure %d in a row; next try in %ds)", source.name, error, failures, delay.total_seconds())
        values = {"last_poll_at": now, "last_error_at": now, "last_error": error[:1000], "failures": failures,
                  "errors": row.errors + 1, "polls": row.polls + 1, "next_poll_at": now + delay}  # fmt: skip
        return PollOutcome(source.name, "error", error=error, success_at=row.last_success_at), values

    def _poll_claimed(self, source: SourceConfig, row: SourceState, now: datetime) -> tuple[PollOutcome, dict[str, Any]]:
        same_url = row.url == source.fetch_url
        # An ics calendar is read whole once a day even if unchanged, so its RRULEs roll over the horizon.
        stale = source.kind == "ics" and (row.last_body_at is None or row.last_body_at.date() != now.date())
        conditional = same_url and not stale
        fetched = self.fetcher.get(
            source.fetch_url, etag=row.etag if conditional else None,
            last_modified=row.last_modified if conditional else None, accept=ACCEPT[source.kind],
        )  # fmt: skip
        values: dict[str, Any] = {"last_poll_at": now, "last_success_at": now, "failures": 0, "polls": row.polls + 1,
                                  "next_poll_at": now + source.interval, "url": source.fetch_url}  # fmt: skip
        outcome = PollOutcome(source.name, "not_modified", success_at=now)
        if fetched.not_modified:
            logger.info("source %s: not modified", source.name)
            return outcome, values
        values.update(etag=fetched.etag, last_modified=fetched.last_modified, content_hash=fetched.digest, last_body_at=now)
        if source.kind == "ics" and fetched.digest == row.content_hash and same_url and not stale:
            logger.info("source %s: same calendar as at the last poll today", source.name)  # a server without validators
        elif source.kind == "ics":
            self._apply_ics(source, row, fetched, now, outcome, values)
        elif source.kind == "feed":
            self._apply_feed(source, row, fetched, now, outcome, values)
        elif fetched.digest != row.content_hash or not same_url:
            body = decode_text(fetched.body or b"", fetched.url)
            article = page_article(body, url=fetched.url, fallback_outlet=source.name, fetched_at=fetched_at(now))
            self._count(outcome, store_articles(self.store, [article], source, self.reading), items=1)
        outcome.outcome = "changed" if outcome.added or outcome.updated or outcome.cancelled or outcome.proposals else "unchanged"
        for key in ("added", "updated", "cancelled", "proposals", "items"):
            values[key] = getattr(row, key) + getattr(outcome, key)
        return outcome, values

    @staticmethod
    def _count(outcome: PollOutcome, result: ArticleOutcome, *, items: int) -> None:
        outcome.added += result.added
        outcome.updated += result.updated
        outcome.proposals += result.proposals
        outcome.items += items

    def _apply_ics(self, source: SourceConfig, row: SourceState, fetched: Fetched, now: datetime, outcome: PollOutcome,
                   values: dict[str, Any]) -> None:  # fmt: skip
        records = read_calendar(fetched.body or b"", source, now=now, default_timezone=self.default_timezone,
                                horizon_days=self.horizon_days)  # fmt: skip
        result = apply_calendar(self.store, records, list(row.uids), now=now, review=source.accept == "review")
        outcome.added, outcome.updated, outcome.cancelled, outcome.items = result.added, result.updated, result.cancelled, len(records)
        outcome.proposals = result.proposals
        values["uids"] = result.uids

    def _apply_feed(self, source: SourceConfig, row: SourceState, fetched: Fetched, now: datetime, outcome: PollOutcome,
                    values: dict[str, Any]) -> None:  # fmt: skip
        feed = parse_feed(fetched.body or b"", source.name)
        seen = list(row.seen)
        known = set(seen)
        articles: list[Article] = []
        read: list[str] = []
        for item in reversed(feed.items):  # oldest first, so the remembered keys end with the newest
            if item.key in known:
                continue
            body = item.text
            if not item.full and item.link:
                try:
                    page = self.fetcher.get(item.link, accept=ACCEPT["page"])
                    body = decode_text(page.body or b"", item.link)
                except CalendarDaemonError as exc:  # read it next time; the summary is not the article
                    logger.warning("source %s: item %s not read: %s", source.name, item.link, exc)
                    values.update(etag=None, last_modified=None)  # so the next poll reads the feed again, not a 304
                    continue
            articles.append(page_article(body, url=item.link or fetched.url, fallback_outlet=source.name,
                                         fetched_at=fetched_at(now), published=item.published, headline=item.title,
                                         outlet=feed.title))  # fmt: skip
            read.append(item.key)
        if articles:
            self._count(outcome, store_articles(self.store, articles, source, self.reading), items=len(articles))
        values["seen"] = seen + read
