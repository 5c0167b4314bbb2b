"""Whether what an article proposes is already in the calendar: ``new``, ``known`` (the event's UID)
or ``conflict`` (the calendar has the event at another date or time).

A candidate is known when the calendar already cites its article for the same thing (re-reading an
article the seeds were written from), or when reconciliation would merge it into a stored event
(same category and kind, a shared entity after the gazetteer's aliases, a nearby date) and the dates
agree; when they disagree it is a conflict, which storing it records on that event.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from calendar_daemon.domain.records import EventRecord
from calendar_daemon.domain.vocabulary import PROPOSED
from calendar_daemon.intake.claims import Claim, record_from_event
from calendar_daemon.intake.reconcile import reconcile
from calendar_daemon.store.events import EventStore
from calendar_daemon.store.models import Event

logger = logging.getLogger(__name__)

NEW, KNOWN, CONFLICT = "new", "known", "conflict"


@dataclass(frozen=True)
class Verdict:
    status: str  # NEW, KNOWN or CONFLICT
    uid: str | None = None  # the stored event it is (None when new)

    def to_json(self) -> dict[str, str | None]:
        return {"status": self.status, "known_uid": self.uid}


def _stored_match(store: EventStore, record: EventRecord) -> Event | None:
    """The stored event reconciliation would merge ``record`` into, if any (nothing is written)."""
    plan = reconcile(store, [record])
    for gone, survivor in plan.merged:
        other = survivor if gone == record.uid else gone if survivor == record.uid else None
        if other is not None and (event := store.get(other)) is not None and event.status != PROPOSED:
            return event
    return None


def verdict(store: EventStore, record: EventRecord, cited: Event | None) -> Verdict:
    """``cited``: the live event that already cites this record's article for the same thing."""
    existing = store.get(record.uid)
    if existing is not None:
        return Verdict(KNOWN, str(existing.extra.get("merged_into") or existing.uid))
    if cited is not None:
        return Verdict(KNOWN, cited.uid)
    event = _stored_match(store, record)
    if event is None:
        return Verdict(NEW)
    agrees = Claim.of(record).agrees(Claim.of(record_from_event(event)))
    return Verdict(KNOWN if agrees else CONFLICT, event.uid)
