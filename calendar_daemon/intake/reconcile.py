"""Reconciling sources: records from different sources that describe the same event become one.

Every source has an authority (``official`` > ``exchange`` > ``news``; a record without sources
ranks below all three).  When a record arrives, :func:`reconcile` looks for a stored (or earlier
in the same batch) event it describes: same category, same kind (statement, press conference,
minutes), a shared entity after aliases (``Fed`` = ``美联储`` = ``FOMC``), a compatible region, and a
date near it (exact dates within :data:`NEAR_DAYS`; a coarse period containing the exact date).
Records citing the same source never merge: one source does not disagree with itself.

The merged event keeps every source's claim in ``extra["reconcile"]["members"]`` and takes its
date and fields from the *winning* claim: highest authority, then finer precision (a tentative
"2026 Q2" yields to an exact date), then the latest publication, so its content does not depend on
the order the sources arrive in.  Its UID does, on purpose: an event already stored keeps its UID
when a more authoritative source arrives (subscribers see the event move, with a higher
``SEQUENCE``, not vanish and reappear; channels alerted for it get a "moved" notice, not
"cancelled"); records that arrive together take the UID of the highest-authority member.  A UID
that loses is retired with ``extra["merged_into"]`` and later writes under it are redirected.  Claims whose date disagrees with the winner are listed in
``extra["conflicts"]`` (each with ``source`` and ``value``), which the feed, the web page and
``calendar-daemon conflicts`` show.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Protocol

from calendar_daemon.domain.aliases import canonical_entity, spellings
from calendar_daemon.domain.periods import Precision
from calendar_daemon.domain.records import EventRecord
from calendar_daemon.intake.claims import MEMBERS_KEY, Claim, combine, joined, members_of, record_from_event
from calendar_daemon.intake.matching import NEAR_DAYS, Profile, profiles_match
from calendar_daemon.store.events import EventFilter, EventStore, Probe
from calendar_daemon.store.models import Event

logger = logging.getLogger(__name__)


class EventReads(Protocol):
    """The store's reads reconciliation makes: :class:`EventStore`, or an open import's
    :class:`~calendar_daemon.store.bulk.TransactionReads` (which sees the batches written before)."""

    def get(self, uid: str, *, include_deleted: bool = False) -> Event | None: ...

    def get_many(self, uids: Sequence[str]) -> dict[str, Event]: ...

    def near(self, probes: Sequence[Probe], statuses: Sequence[str], skip: Collection[str] = ()) -> dict[str, Event]: ...


@dataclass
class Plan:
    """What to write: one record per surviving UID, and the UIDs merged away (uid -> survivor)."""

    records: dict[str, EventRecord] = field(default_factory=dict)
    retire: dict[str, str] = field(default_factory=dict)
    last_seen: dict[str, EventRecord] = field(default_factory=dict)  # for a tombstone when never stored
    merged: list[tuple[str, str]] = field(default_factory=list)


class _Index:
    """Live records by category, entity and day (every day of a coarse span), and by the member UIDs
    they carry, so a record finds its candidates without a scan: records can only match when they
    share an entity or one lists the other as a member (see :func:`profiles_match`), so a batch of
    records without shared names (e.g. 10,000 unrelated events on one day) costs O(records), not
    O(records²). Each record's matching profile is computed once."""

    def __init__(self) -> None:
        self.records: dict[str, EventRecord] = {}
        self.profiles: dict[str, Profile] = {}
        self._days: dict[tuple[str, str, int], set[str]] = defaultdict(set)  # (category, entity, day)
        self._linked: dict[str, set[str]] = defaultdict(set)  # member UID -> records listing it

    @staticmethod
    def _span(record: EventRecord) -> range:
        return range(record.sort_start.toordinal(), record.sort_end.toordinal() + 1)

    def put(self, record: EventRecord, profile: Profile | None = None) -> None:
        self.drop(record.uid)
        profile = profile or Profile.of(record)
        self.records[record.uid] = record
        self.profiles[record.uid] = profile
        for entity in profile.entities:
            for day in self._span(record):
                self._days[(record.category, entity, day)].add(record.uid)
        for member in profile.member_uids:
            self._linked[member].add(record.uid)

    def drop(self, uid: str) -> None:
        old = self.records.pop(uid, None)
        profile = self.profiles.pop(uid, None)
        if old is None or profile is None:
            return
        for entity in profile.entities:
            for day in self._span(old):
                self._days[(old.category, entity, day)].discard(uid)
        for member in profile.member_uids:
            self._linked[member].discard(uid)

    def near(self, record: EventRecord, profile: Profile) -> list[Profile]:
        """Profiles of ``record``'s category whose time span comes within NEAR_DAYS of its own and
        that share an entity with it or a member link (the only records it can match)."""
        lo = (record.sort_start - timedelta(days=NEAR_DAYS + 1)).toordinal()
        hi = (record.sort_end + timedelta(days=NEAR_DAYS + 1)).toordinal()
        uids: set[str] = set()
        for entity in profile.entities:
            for day in range(lo, hi + 1):
                uids |= self._days.get((record.category, entity, day), set())
        for uid in profile.member_uids | self._linked.get(record.uid, set()):
            other = self.records.get(uid)
            if other is not None and other.category == record.category and self._span(other).start <= hi and self._span(other).stop > lo:
                uids.add(uid)
        uids.discard(record.uid)
        return [self.profiles[uid] for uid in sorted(uids)]


def _probes(records: Sequence[EventRecord]) -> list[Probe]:
    """What each record can match in the store: events of its category that carry one of its names
    (every spelling of each name after aliases) and reach within NEAR_DAYS (a day more, as the
    index counts whole days) of its span."""
    near = timedelta(days=NEAR_DAYS + 2)
    probes = []
    for record in records:
        entities = [*record.entities, *(name for member in members_of(record) for name in member.entities)]
        names = frozenset(spelling for entity in entities for spelling in spellings(canonical_entity(entity)))
        if names:
            probes.append(Probe(record.category, names, record.sort_start - near, record.sort_end + near))
    return probes


class Reconciler:
    """Works through one batch against the store and the batch's own earlier records.

    The stored events the batch can touch are read up front: the batch's UIDs and the members they
    list, then the events that share a category and a name with a record and come near it in time,
    found through the store's (category, name) index (:meth:`EventStore.near`). They are kept in an
    in-memory index that the batch's own records join, so a batch costs O(records + stored events
    that share a name with them), whatever the size of the calendar.
    """

    def __init__(self, store: EventReads, records: Sequence[EventRecord], also: Sequence[str] = ()) -> None:
        self.store = store
        self.plan = Plan()
        self._index = _Index()
        self._absent: set[str] = set()
        self._stored: set[str] = set()  # live events read from the store: their UIDs are kept
        uids = [r.uid for r in records]
        members = sorted({m.uid for r in records for m in members_of(r)} - set(uids))
        known = store.get_many(uids + members)
        self._absent.update(uid for uid in uids if uid not in known)
        for event in known.values():
            self._learn(event)
        for event in store.near(_probes(records), (*EventFilter().statuses, *also), skip=known).values():
            self._learn(event)

    def _learn(self, event: Event) -> None:
        if not event.deleted:
            self._index.put(record_from_event(event))
            self._stored.add(event.uid)
            return
        self._absent.add(event.uid)
        target = event.extra.get("merged_into")
        if isinstance(target, str):
            self.plan.retire.setdefault(event.uid, target)

    def _current(self, uid: str) -> EventRecord | None:
        """The live state of ``uid``: this batch's version, else the store's (None when absent)."""
        if uid in self.plan.retire and uid not in self.plan.records:
            return None
        if uid in self._index.records:
            return self._index.records[uid]
        if uid not in self._absent:
            event = self.store.get(uid, include_deleted=True)
            if event is None:
                self._absent.add(uid)
            else:
                self._learn(event)
        return self._index.records.get(uid)

    def _write(self, record: EventRecord, profile: Profile | None = None) -> None:
        self.plan.records[record.uid] = record
        self._index.put(record, profile)

    def _retire(self, uid: str, survivor: str, last: EventRecord) -> None:
        self.plan.records.pop(uid, None)
        self._index.drop(uid)
        self.plan.retire[uid] = survivor
        self.plan.last_seen[uid] = last

    def _redirect(self, uid: str) -> str | None:
        seen = {uid}
        target = self.plan.retire.get(uid)
        while target is not None and target in self.plan.retire and target not in seen:
            seen.add(target)
            target = self.plan.retire[target]
        return target

    def _candidates(self, record: EventRecord, mine: Profile) -> list[EventRecord]:
        return [
            p.record for p in self._index.near(record, mine) if p.record.uid not in self.plan.retire and profiles_match(mine, p)
        ]

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
                self._merge(record, current, Claim.of(record), incoming_is_member=True)
                return
        existing = self._current(uid)
        if existing is not None:
            incoming = members_of(record)
            members = joined(members_of(existing), incoming)
            own = {m.uid for m in incoming}
            base = record if max(members, key=lambda m: m.order).uid in own else existing
            self._write(combine(base, members, uid))
            return
        mine = Profile.of(record)
        match = self._pick(record, self._candidates(record, mine))
        if match is None:
            written = combine(record, [mine.claim], uid)
            # One claim and none carried: what matching sees of it is the record's own profile.
            self._write(written, replace(mine, record=written) if MEMBERS_KEY not in record.extra else None)
            return
        self._merge(record, match, mine.claim, incoming_is_member=False)

    def _merge(self, record: EventRecord, current: EventRecord, incoming: Claim, *, incoming_is_member: bool) -> None:
        """Join ``record`` (whose own claim is ``incoming``) to ``current``, the event it is the same as."""
        carried = members_of(record, incoming)
        members = joined(members_of(current), carried)
        owner = next((m for m in members if m.uid == current.uid), None)
        survivor = current.uid
        if owner is not None and incoming.rank > owner.rank and current.uid not in self._stored:
            survivor = record.uid  # both new in this batch: the more authoritative UID
        if max(members, key=lambda m: m.order).uid in {m.uid for m in carried}:
            base = record
        else:
            base = current
        merged = combine(base, members, survivor)
        if survivor != current.uid:
            self._retire(current.uid, survivor, current)
            for alias in merged.extra.get("aliases", []):
                if alias != survivor and alias in self.plan.retire:
                    self.plan.retire[alias] = survivor
        if record.uid != survivor and not incoming_is_member:
            self.plan.retire.setdefault(record.uid, survivor)
            self.plan.last_seen[record.uid] = record
        self._write(merged)
        gone = current.uid if survivor == record.uid else record.uid
        self.plan.merged.append((gone, survivor))
        logger.info("%s is the same event as %s; stored as %s", record.uid, current.uid, survivor)


def reconcile(store: EventReads, records: Sequence[EventRecord], also: Sequence[str] = ()) -> Plan:
    """Resolve ``records`` against each other and the store; see the module docstring.

    Live events are matched; ``also`` adds statuses (proposals match earlier proposals, so two
    articles about one event make one proposal with both sources).
    """
    reconciler = Reconciler(store, records, also)
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
