"""Reconciling sources: records from different sources that describe the same event become one.

Every source has an authority (``official`` > ``exchange`` > ``news``; a record without sources
ranks below all three).  When a record arrives, :func:`reconcile` looks for a stored (or earlier
in the same batch) event it describes: same category, same kind (statement, press conference,
minutes), a shared entity after aliases (``Fed`` = ``美联储`` = ``FOMC``), a compatible region, and a
date near it (exact dates within :data:`NEAR_DAYS`; a coarse period containing the exact date).
Records citing the same source never merge: one source does not disagree with itself.

The merged event keeps every source's claim in ``extra["reconcile"]["members"]`` and takes its
date and fields from the *winning* claim: highest authority, then finer precision (a tentative
"2026 Q2" yields to an exact date), then the latest publication.  It carries the UID of its
highest-authority member (ties: the event stored first), so the result does not depend on the
order the sources arrive in; a UID that loses is retired with ``extra["merged_into"]`` and later
writes under it are redirected.  Claims whose date disagrees with the winner are listed in
``extra["conflicts"]`` (each with ``source`` and ``value``), which the feed, the web page and
``calendar-daemon conflicts`` show.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from calendar_daemon.claims import Claim, combine, joined, members_of, record_from_event
from calendar_daemon.matching import NEAR_DAYS, same_event
from calendar_daemon.models import Event
from calendar_daemon.periods import Precision
from calendar_daemon.records import EventRecord
from calendar_daemon.store import EventFilter, EventStore

logger = logging.getLogger(__name__)


@dataclass
class Plan:
    """What to write: one record per surviving UID, and the UIDs merged away (uid -> survivor)."""

    records: dict[str, EventRecord] = field(default_factory=dict)
    retire: dict[str, str] = field(default_factory=dict)
    last_seen: dict[str, EventRecord] = field(default_factory=dict)  # for a tombstone when never stored
    merged: list[tuple[str, str]] = field(default_factory=list)


class Reconciler:
    """Works through one batch against the store and the batch's own earlier records."""

    def __init__(self, store: EventStore) -> None:
        self.store = store
        self.plan = Plan()
        self._stored: dict[str, EventRecord | None] = {}

    def _current(self, uid: str) -> EventRecord | None:
        """The live state of ``uid``: this batch's version, else the store's (None when absent)."""
        if uid in self.plan.records:
            return self.plan.records[uid]
        if uid in self.plan.retire:
            return None
        if uid not in self._stored:
            event = self.store.get(uid, include_deleted=True)
            self._stored[uid] = None if event is None else record_from_event(event)
            if event is not None and event.deleted:
                target = event.extra.get("merged_into")
                self._stored[uid] = None
                if isinstance(target, str):
                    self.plan.retire.setdefault(uid, target)
        return self._stored[uid]

    def _redirect(self, uid: str) -> str | None:
        seen = {uid}
        target = self.plan.retire.get(uid)
        while target is not None and target in self.plan.retire and target not in seen:
            seen.add(target)
            target = self.plan.retire[target]
        return target

    def _candidates(self, record: EventRecord) -> list[EventRecord]:
        lo = record.sort_start - timedelta(days=NEAR_DAYS)
        hi = record.sort_end + timedelta(days=NEAR_DAYS)
        flt = EventFilter(categories=(record.category,), start=lo, end=hi)
        found: dict[str, EventRecord] = {}
        for event in self.store.list_events(flt):
            current = self._current(event.uid)
            if current is not None:
                found[event.uid] = current
        for uid, pending in self.plan.records.items():
            if pending.category == record.category and pending.sort_start < hi and pending.sort_end >= lo:
                found[uid] = pending
        for uid in list(found):
            if uid == record.uid or uid in self.plan.retire:
                del found[uid]
        return [c for c in found.values() if same_event(record, c)]

    def _pick(self, record: EventRecord, candidates: list[EventRecord]) -> EventRecord | None:
        if not candidates:
            return None
        exact = [c for c in candidates if not Precision(c.precision).is_coarse]
        if record.precision.is_coarse or not exact:
            # A coarse claim must point at one event, or it is too vague to merge.
            if len(candidates) > 1:
                logger.info("%s: %d possible matches, too vague to merge", record.uid, len(candidates))
                return None
            return candidates[0]
        return min(exact, key=lambda c: (abs(c.sort_start - record.sort_start), c.uid))

    def add(self, record: EventRecord) -> None:
        uid = record.uid
        if self._current(uid) is None and uid in self.plan.retire:
            target = self._redirect(uid)
            current = self._current(target) if target else None
            if current is not None:
                self._merge(record, current, incoming_is_member=True)
                return
        existing = self._current(uid)
        if existing is not None:
            members = joined(members_of(existing), record)
            own = {m.uid for m in members_of(record)}
            base = record if max(members, key=lambda m: m.order).uid in own else existing
            self.plan.records[uid] = combine(base, members, uid)
            return
        match = self._pick(record, self._candidates(record))
        if match is None:
            self.plan.records[uid] = combine(record, [Claim.of(record)], uid)
            return
        self._merge(record, match, incoming_is_member=False)

    def _merge(self, record: EventRecord, current: EventRecord, *, incoming_is_member: bool) -> None:
        incoming = Claim.of(record)
        members = joined(members_of(current), record)
        owner = next((m for m in members if m.uid == current.uid), None)
        survivor = current.uid
        if owner is not None and incoming.rank > owner.rank:
            survivor = record.uid
        if max(members, key=lambda m: m.order).uid in {m.uid for m in members_of(record)}:
            base = record
        else:
            base = current
        merged = combine(base, members, survivor)
        if survivor != current.uid:
            self.plan.records.pop(current.uid, None)
            self.plan.retire[current.uid] = survivor
            self.plan.last_seen[current.uid] = current
            for alias in merged.extra.get("aliases", []):
                if alias != survivor and alias in self.plan.retire:
                    self.plan.retire[alias] = survivor
        if record.uid != survivor and not incoming_is_member:
            self.plan.retire.setdefault(record.uid, survivor)
            self.plan.last_seen[record.uid] = record
        self.plan.records[survivor] = merged
        gone = current.uid if survivor == record.uid else record.uid
        self.plan.merged.append((gone, survivor))
        logger.info("%s is the same event as %s; stored as %s", record.uid, current.uid, survivor)


def reconcile(store: EventStore, records: Sequence[EventRecord]) -> Plan:
    """Resolve ``records`` against each other and the store; see the module docstring."""
    reconciler = Reconciler(store)
    for record in records:
        reconciler.add(record)
    plan = reconciler.plan
    for uid in list(plan.retire):
        if uid in plan.records:  # a retired UID that came back as its own event is not retired
            del plan.retire[uid]
    return plan


def conflicted_events(store: EventStore) -> list[Event]:
    """Live events whose sources disagree (``extra["conflicts"]``), in time order."""
    return [e for e in store.list_events() if isinstance(e.extra.get("conflicts"), list) and e.extra["conflicts"]]
