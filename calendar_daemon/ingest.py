"""From article text to proposed events: extraction, provenance, and the review decisions.

Candidates are stored with status ``proposed``: they stay out of feeds and alerts until a reviewer
accepts them. Each one keeps the article as its source (outlet, headline, publication time) and the
phrase its date came from as evidence. The same event found again (in another article, or already
in the calendar) is merged by the intake path rather than stored twice.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from calendar_daemon.claims import Claim, members_of, record_from_event, source_key
from calendar_daemon.exceptions import InputError, NotFoundError
from calendar_daemon.extract import Candidate, detect_published, extract
from calendar_daemon.extract.articles import split_articles
from calendar_daemon.intake import submit
from calendar_daemon.matching import canonical_entity
from calendar_daemon.models import Event
from calendar_daemon.records import EventRecord, normalize
from calendar_daemon.store import EventFilter, EventStore, UpsertResult

logger = logging.getLogger(__name__)

PROPOSED = "proposed"


@dataclass
class Article:
    """One article to read: its text, where it came from, and when it was published."""

    text: str
    source: str
    headline: str
    outlet: str
    published: datetime


@dataclass
class Proposal:
    candidate: Candidate
    article: Article

    @property
    def uid(self) -> str:
        c = self.candidate
        key = "\x1f".join([c.category, c.start, c.end or "", ",".join(sorted(c.entities)), c.title])
        return f"ingest-{hashlib.sha256(key.encode()).hexdigest()[:20]}@calendar-daemon"

    def to_json(self) -> dict[str, Any]:
        return {**self.candidate.to_json(), "uid": self.uid, "source": self.article.source}


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:300]


def articles_in(text: str, source: str, published: datetime | None) -> list[Article]:
    """Split a page holding several dated articles; find each one's publication time."""
    if not text.strip():
        raise InputError("no text to read", source=source)
    parts = split_articles(text) if published is None else []
    pieces = [(part.text, part.headline) for part in parts] if len(parts) > 1 else [(text, _first_line(text))]
    articles = []
    for body, headline in pieces:
        when, outlet = detect_published(body)
        when = published or when
        if when is None:
            raise InputError(
                "cannot find the publication time (no 'outlet· YYYY-MM-DD HH:MM' line, HTML meta tag or dateline); "
                "pass --published 2026-01-25T20:41+08:00",
                source=source,
            )
        articles.append(Article(body, source, headline, outlet or "unknown outlet", when))
    return articles


def propose(articles: list[Article], tz: str | None = None) -> list[Proposal]:
    proposals = []
    for article in articles:
        for candidate in extract(article.text, article.published, tz):
            proposals.append(Proposal(candidate, article))
    return proposals


def to_record(proposal: Proposal) -> EventRecord:
    c, article = proposal.candidate, proposal.article
    coarse = c.precision not in ("datetime", "date")
    moved = f" The article moves it from {c.rescheduled_from}." if c.rescheduled_from else ""
    data: dict[str, Any] = {
        "uid": proposal.uid, "title": c.title, "category": c.category, "region": c.region,
        "importance": c.importance, "entities": c.entities, "precision": c.precision, "timezone": c.timezone,
        "start": c.start, "end": c.end, "status": "tentative" if coarse else "confirmed",
        "description": f"Proposed from an article ({article.outlet}); confidence {c.confidence:.2f}.{moved}",
        "sources": [{
            "outlet": article.outlet, "headline": article.headline, "published": article.published.isoformat(),
            "evidence": c.evidence[:500], "authority": "news",
        }],
        "extra": {"confidence": c.confidence, "fiscal": c.fiscal, "rescheduled_from": c.rescheduled_from,
                  "mentions": c.mentions[:5]},
    }  # fmt: skip
    return normalize({k: v for k, v in data.items() if v is not None}, source=article.source, where=f"candidate {c.title!r}")


def known_from_source(store: EventStore, record: EventRecord) -> Event | None:
    """A live event that already cites this candidate's article for the same thing, if any.

    Re-reading an article the calendar was built from (the seeds cite the founding articles)
    proposes what is already there: same source, same category, a date that agrees with the
    event's and no contradicting entity. Reconciliation keeps one source from matching itself,
    so this check is made here, for ingestion only.
    """
    keys = {source_key(s) for s in record.sources}
    near = EventFilter(categories=(record.category,), start=record.sort_start - timedelta(days=1),
                       end=record.sort_end + timedelta(days=1))  # fmt: skip
    claim = Claim.of(record)
    names = {canonical_entity(n) for n in record.entities}
    for event in store.list_events(near):
        if not keys & {source_key(s) for s in event.sources}:
            continue
        theirs = {canonical_entity(n) for n in event.entities}
        if names and theirs and not names & theirs:
            continue
        # A merged event remembers each source's own claim: compare with what this article said
        # (with the event's own date when no remembered claim cites the article).
        stored = record_from_event(event)
        claims = [m for m in members_of(stored) if keys & {source_key(s) for s in m.sources}]
        if any(claim.agrees(other) for other in claims or [Claim.of(stored)]):
            return event
    return None


def store_proposals(store: EventStore, proposals: list[Proposal]) -> UpsertResult:
    """New candidates become ``proposed``; ones already in the calendar only add their source."""
    records = {r.uid: r for r in (to_record(p) for p in proposals)}.values()
    new, known = [], []
    already: list[str] = []
    for record in records:
        existing = store.get(record.uid)
        if existing is None and known_from_source(store, record) is not None:
            already.append(record.uid)
            continue
        if existing is None or existing.status == PROPOSED:
            record.extra["proposed_status"] = record.status
            new.append(record)
        else:
            record.status = existing.status
            known.append(record)
    result = submit(store, new, origin="ingest", merge=True, status=PROPOSED) if new else UpsertResult()
    if known:
        more = submit(store, known, origin="ingest", merge=True)
        result.created += more.created
        result.updated += more.updated
        result.unchanged += more.unchanged
    result.unchanged += already
    return result


def proposed_events(store: EventStore) -> list[Event]:
    return store.list_events(EventFilter(statuses=(PROPOSED,)))


def accept(store: EventStore, uid: str) -> Event:
    event = store.get(uid)
    if event is None or event.status != PROPOSED:
        raise NotFoundError(f"no proposed event with uid {uid!r}")
    return store.set_status(uid, str(event.extra.get("proposed_status") or "confirmed"))


def reject(store: EventStore, uid: str) -> Event:
    event = store.get(uid)
    if event is None or event.status != PROPOSED:
        raise NotFoundError(f"no proposed event with uid {uid!r}")
    return store.delete(uid)


def confidence(event: Event) -> float:
    value = event.extra.get("confidence", 0.0)
    return float(value) if isinstance(value, int | float) else 0.0
