"""``feed`` and ``page`` sources: articles read into candidates that take ``ingest``'s path.

A candidate becomes a proposal for ``calendar-daemon review``, or, when the source says ``accept =
"auto"`` and the candidate is at least ``min_confidence`` sure, an event at once. Either way it is
reconciled with what the calendar holds (an article about a known event joins it as a source).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from calendar_daemon.config.sources import SourceConfig
from calendar_daemon.domain.records import EventRecord
from calendar_daemon.domain.vocabulary import PROPOSED
from calendar_daemon.intake.poll_ics import POLL_ORIGIN, source_defaults
from calendar_daemon.intake.review import known_from_source, store_proposals
from calendar_daemon.intake.submit import submit
from calendar_daemon.sources.proposals import Article, Proposal, Reading, propose, to_record
from calendar_daemon.store.events import EventStore

logger = logging.getLogger(__name__)


@dataclass
class ArticleOutcome:
    added: int = 0
    updated: int = 0
    proposals: int = 0


def adjusted(record: EventRecord, source: SourceConfig) -> EventRecord:
    """A candidate's record with the source's defaults, its authority on the article's source entry,
    and where it was polled from."""
    changes = source_defaults(record, source)
    changes["extra"] = {**record.extra, "polled_from": source.name}
    changes["sources"] = [{**entry, "authority": source.authority} for entry in record.sources]
    return replace(record, **changes)  # type: ignore[arg-type]


def _auto(proposal: Proposal, source: SourceConfig) -> bool:
    return source.accept == "auto" and proposal.candidate.confidence >= source.min_confidence


def store_articles(store: EventStore, articles: list[Article], source: SourceConfig, reading: Reading) -> ArticleOutcome:
    """Extract each article's candidates (read as ``reading`` says) and store them as events (auto, confident) or proposals."""
    outcome = ArticleOutcome()
    proposals = propose(articles, reading=reading)
    sure = [p for p in proposals if _auto(p, source)]
    unsure = [p for p in proposals if not _auto(p, source)]
    if sure:
        records = {r.uid: r for r in (adjusted(to_record(p), source) for p in sure)}
        fresh = [r for r in records.values() if store.get(r.uid) is not None or known_from_source(store, r) is None]
        if fresh:
            result = submit(store, fresh, origin=POLL_ORIGIN, merge=True)
            outcome.added += len(result.created)
            outcome.updated += len(result.updated)
    if unsure:
        result = store_proposals(store, unsure, adjust=lambda record: adjusted(record, source))
        stored = {e.uid: e.status for e in store.get_many(result.created + result.updated).values()}
        outcome.proposals += sum(1 for status in stored.values() if status == PROPOSED)
        outcome.updated += sum(1 for status in stored.values() if status != PROPOSED)
    logger.info("source %s: %d articles, %d candidates: %d added, %d updated, %d proposals", source.name, len(articles),
                len(proposals), outcome.added, outcome.updated, outcome.proposals)  # fmt: skip
    return outcome


def fetched_at(now: datetime) -> datetime:
    """The store's naive UTC ``now`` as an aware instant (an article's publication time when it has none)."""
    return now.replace(tzinfo=UTC)
