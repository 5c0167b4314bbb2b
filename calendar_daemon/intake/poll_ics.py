"""An ``ics`` source's calendar applied to the store: every VEVENT through the same intake as
``import`` (validation, RRULEs expanded over the horizon, trading-day shift, reconciliation,
SEQUENCE), and the future events this source brought earlier that are gone upstream cancelled (never
deleted). Parsing comes first and the write is one :func:`~calendar_daemon.intake.submit.submit`, so
a malformed file changes nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from calendar_daemon.config.sources import SourceConfig
from calendar_daemon.domain.records import EventRecord, SourceIn
from calendar_daemon.domain.vocabulary import PROPOSED, Status
from calendar_daemon.intake.claims import record_from_event
from calendar_daemon.intake.submit import submit
from calendar_daemon.sources.files import decode_text
from calendar_daemon.sources.ics_file import parse_ics
from calendar_daemon.sources.seeds import horizon
from calendar_daemon.store.events import EventStore

logger = logging.getLogger(__name__)

POLL_ORIGIN = "poll"


@dataclass
class IcsOutcome:
    uids: list[str]
    added: int = 0
    updated: int = 0
    cancelled: int = 0
    proposals: int = 0


def source_defaults(record: EventRecord, source: SourceConfig) -> dict[str, object]:
    """The fields a source's ``category``/``region``/``importance`` defaults set on ``record``: the
    category and region only where the record has none of its own (``other``, ``GLOBAL``)."""
    changes: dict[str, object] = {}
    if source.category and record.category == "other":
        changes["category"] = source.category
    if source.region and record.region == "GLOBAL":
        changes["region"] = source.region
    if source.importance is not None:
        changes["importance"] = source.importance
    return changes


def with_defaults(record: EventRecord, source: SourceConfig) -> EventRecord:
    """``record`` with the source's defaults where it gives none, its provenance and its authority."""
    changes = source_defaults(record, source)
    if not record.sources:
        entry = {"outlet": source.name, "headline": record.title[:500], "url": source.url[:2000], "authority": source.authority}
        changes["sources"] = [SourceIn.model_validate(entry).model_dump(mode="json")]
    changes["extra"] = {**record.extra, "polled_from": source.name}
    return replace(record, **changes)  # type: ignore[arg-type]


def read_calendar(body: bytes, source: SourceConfig, *, now: datetime, default_timezone: str, horizon_days: int) -> list[EventRecord]:
    """The records of one fetched calendar (an :class:`~calendar_daemon.exceptions.InputError` names the
    VEVENT that cannot be read); RRULEs are expanded from ``now``'s day over ``horizon_days``."""
    text = decode_text(body, source.name)
    window = horizon(now.replace(tzinfo=UTC), horizon_days)
    records = parse_ics(text, source.name, default_timezone, window=window)
    return [with_defaults(record, source) for record in records]


def _cancellations(store: EventStore, gone: list[str], now: datetime) -> list[EventRecord]:
    """The live, not yet cancelled, not yet ended events among ``gone``, as cancelled records."""
    records = []
    for _uid, event in sorted(store.get_many(gone).items()):
        if event.deleted or event.status in (Status.CANCELLED, "proposed") or event.sort_end < now:
            continue
        records.append(replace(record_from_event(event), status=Status.CANCELLED))
    return records


def apply_calendar(store: EventStore, records: list[EventRecord], previous: list[str], *, now: datetime,
                   review: bool = False) -> IcsOutcome:  # fmt: skip
    """Store ``records`` and cancel what this source brought before (``previous``) and no longer lists.

    ``review`` (``accept = "review"``): new events are stored as proposals for ``calendar-daemon
    review``; events already accepted take the calendar's changes at once."""
    current = [record.uid for record in records]
    listed = set(current)
    cancels = _cancellations(store, [uid for uid in previous if uid not in listed], now)
    outcome = IcsOutcome(uids=sorted(listed))
    if not records and not cancels:
        return outcome
    if review:
        records = [replace(r, extra={**r.extra, "proposed_status": r.status}) for r in records]
    result = submit(store, [*records, *cancels], origin=POLL_ORIGIN, status=PROPOSED if review else None)
    cancelled = {record.uid for record in cancels}
    outcome.added = len(result.created)
    outcome.updated = len([uid for uid in result.updated if uid not in cancelled])
    outcome.cancelled = len([uid for uid in result.updated if uid in cancelled])
    if review:
        outcome.proposals, outcome.added = outcome.added, 0
    return outcome
