"""Storing proposals and the review decisions.

Candidates are stored with status ``proposed``: they stay out of feeds and alerts until a reviewer
accepts them. The same event found again (in another article, or already in the calendar) is merged
by the intake path rather than stored twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from calendar_daemon.domain.aliases import canonical_entity
from calendar_daemon.domain.records import EventRecord
from calendar_daemon.domain.vocabulary import PROPOSED, Status
from calendar_daemon.exceptions import NotFoundError
from calendar_daemon.intake.claims import Claim, members_of, record_from_event, source_key
from calendar_daemon.intake.known import Verdict, verdict
from calendar_daemon.intake.submit import submit
from calendar_daemon.sources.proposals import Proposal, to_record
from calendar_daemon.store.events import EventFilter, EventStore, UpsertResult
from calendar_daemon.store.models import Event

logger = logging.getLogger(__name__)


def known_from_source(store: EventStore, record: EventRecord) -> Event | None:
    """A live event that already cites this candidate's article for the same thing, if any.

    Re-reading an article the calendar was built from (the seeds cite the founding articles)
    proposes what is already there: same source, same category, a date that agrees with the
    event's and no contradicting entity. Where several events of the article qualify, the one
    sharing most names, then the closest title, is it. Reconciliation keeps one source from
    matching itself, so this check is made here, for ingestion only.
    """
    keys = {source_key(s) for s in record.sources}
    headlines = {h for s in record.sources if (h := _headline_day(s))[0]}
    near = EventFilter(categories=(record.category,), start=record.sort_start - timedelta(days=1),
                       end=record.sort_end + timedelta(days=1))  # fmt: skip
    claim = Claim.of(record)
    names = {canonical_entity(n) for n in record.entities}
    found: list[tuple[int, float, Event]] = []
    for event in store.list_events(near):
        if not _same_article(keys, headlines, event.sources):
            continue
        theirs = {canonical_entity(n) for n in event.entities}
        if names and theirs and not names & theirs:
            continue
        # A merged event remembers each source's own claim: compare with what this article said
        # (with the event's own date when no remembered claim cites the article).
        stored = record_from_event(event)
        claims = [m for m in members_of(stored) if _same_article(keys, headlines, m.sources)]
        if any(claim.agrees(other) for other in claims or [Claim.of(stored)]):
            found.append((len(names & theirs), _likeness(record.title, event.title), event))
    return max(found, key=lambda f: (f[0], f[1]))[2] if found else None


def _likeness(a: str, b: str) -> float:
    """How alike two titles are: the share of character pairs they have in common."""
    pa, pb = ({t[i:i + 2].casefold() for i in range(len(t) - 1)} for t in (a, b))
    return len(pa & pb) / len(pa | pb) if pa | pb else 0.0


def _same_article(keys: set[tuple[str, str]], headlines: set[tuple[str, str]], sources: object) -> bool:
    """Whether ``sources`` cite the article: the same outlet and headline, or the same headline published
    the same day (an article without a byline is cited under whatever outlet its reader gave it)."""
    theirs = [s for s in sources if isinstance(s, dict)] if isinstance(sources, list | tuple) else []
    return bool(keys & {source_key(s) for s in theirs} or headlines & {_headline_day(s) for s in theirs})


def _headline_day(source: dict[str, object]) -> tuple[str, str]:
    return str(source.get("headline") or "").strip(), str(source.get("published") or "")[:10]


def store_proposals(
    store: EventStore, proposals: list[Proposal], adjust: Callable[[EventRecord], EventRecord] | None = None
) -> UpsertResult:
    """New candidates become ``proposed``; ones already in the calendar only add their source.
    ``adjust`` changes each record first (a polled source's defaults and authority)."""
    records = list({r.uid: r for r in (to_record(p) for p in proposals)}.values())
    if adjust is not None:
        records = [adjust(record) for record in records]
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


def verdicts(store: EventStore, proposals: list[Proposal]) -> list[Verdict]:
    """Each proposal as ``new``, ``known`` (with the event's UID) or ``conflict`` (see :mod:`.known`)."""
    out = []
    for proposal in proposals:
        record = to_record(proposal)
        out.append(verdict(store, record, known_from_source(store, record)))
    return out


def proposed_events(store: EventStore) -> list[Event]:
    return store.list_events(EventFilter(statuses=(PROPOSED,)))


def accept(store: EventStore, uid: str) -> Event:
    event = store.get(uid)
    if event is None or event.status != PROPOSED:
        raise NotFoundError(f"no proposed event with uid {uid!r}")
    return store.set_status(uid, str(event.extra.get("proposed_status") or Status.CONFIRMED))


def reject(store: EventStore, uid: str) -> Event:
    event = store.get(uid)
    if event is None or event.status != PROPOSED:
        raise NotFoundError(f"no proposed event with uid {uid!r}")
    return store.delete(uid)


def confidence(event: Event) -> float:
    value = event.extra.get("confidence", 0.0)
    return float(value) if isinstance(value, int | float) else 0.0
