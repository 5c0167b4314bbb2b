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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from calendar_daemon.models import Event
from calendar_daemon.periods import Precision, period_label
from calendar_daemon.records import AUTHORITY_RANK, EventRecord
from calendar_daemon.store import EventFilter, EventStore

logger = logging.getLogger(__name__)

NEAR_DAYS = 3
MEMBERS_KEY = "reconcile"
BOOKKEEPING_KEYS = (MEMBERS_KEY, "conflicts", "aliases", "merged_into")
PRECISION_RANK = {p.value: i for i, p in enumerate(reversed(list(Precision)))}  # year 0 ... datetime 6

# Names that denote the same institution or person; compared case-insensitively.
ALIAS_GROUPS: tuple[tuple[str, ...], ...] = (
    ("Federal Reserve", "Fed", "FOMC", "Federal Open Market Committee", "美联储", "联储", "美国联邦储备委员会",
     "联邦公开市场委员会", "Board of Governors of the Federal Reserve System", "US Federal Reserve"),
    ("European Central Bank", "ECB", "欧洲央行", "欧央行", "欧洲中央银行"),
    ("Bank of Japan", "BOJ", "BoJ", "日本央行", "日本银行", "日银"),
    ("Bank of Canada", "BOC", "BoC", "加拿大央行", "加拿大银行"),
    ("Bank of England", "BOE", "BoE", "英国央行", "英格兰银行"),
    ("People's Bank of China", "PBOC", "PBoC", "中国人民银行", "人民银行"),
    ("National Bureau of Statistics", "NBS", "国家统计局", "中国国家统计局"),
    ("U.S. Department of Labor", "Department of Labor", "DOL", "美国劳工部"),
    ("Bureau of Labor Statistics", "BLS", "美国劳工统计局"),
    ("Jerome Powell", "Powell", "鲍威尔"),
)  # fmt: skip
_ALIASES = {name.casefold(): group[0].casefold() for group in ALIAS_GROUPS for name in group}

# An event's kind, from its tags and title: a press conference is not the decision it follows.
KIND_MARKERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("press-conference", ("press-conference", "press conference", "news conference", "新闻发布会", "记者会")),
    ("minutes", ("minutes", "纪要")),
)


def canonical_entity(name: str) -> str:
    key = name.strip().casefold()
    return _ALIASES.get(key, key)


def event_kind(title: str, tags: Iterable[str]) -> str:
    haystack = " ".join([title, *tags]).casefold()
    for kind, markers in KIND_MARKERS:
        if any(marker in haystack for marker in markers):
            return kind
    return "main"


def record_authority(sources: Sequence[dict[str, Any]]) -> tuple[int, dict[str, Any]]:
    """The rank of the most authoritative source (0 without sources) and that source."""
    best: tuple[int, dict[str, Any]] = (0, {})
    for source in sources:
        rank = AUTHORITY_RANK.get(str(source.get("authority") or "news"), 1)
        if rank > best[0]:
            best = (rank, source)
    return best


def _source_key(source: dict[str, Any]) -> tuple[str, str]:
    return (str(source.get("outlet") or ""), str(source.get("headline") or ""))


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


@dataclass(frozen=True)
class Claim:
    """What one source says about an event: its date and the names it uses."""

    uid: str
    rank: int
    authority: str
    outlet: str
    published: str
    precision: str
    timezone: str
    start_at: str | None
    end_at: str | None
    start_date: str | None
    end_date: str | None
    entities: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[dict[str, Any], ...] = field(default=())

    @classmethod
    def of(cls, record: EventRecord) -> Claim:
        rank, top = record_authority(record.sources)
        published = max((str(s.get("published") or "") for s in record.sources), default="")
        return cls(
            uid=record.uid, rank=rank, authority=str(top.get("authority") or "none"), outlet=str(top.get("outlet") or ""),
            published=published, precision=record.precision.value, timezone=record.timezone,
            start_at=_iso(record.start_at), end_at=_iso(record.end_at), start_date=_iso(record.start_date),
            end_date=_iso(record.end_date), entities=tuple(record.entities), tags=tuple(record.tags),
            sources=tuple(record.sources),
        )  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        return cls(**{**data, "entities": tuple(data.get("entities", ())), "tags": tuple(data.get("tags", ())),
                      "sources": tuple(data.get("sources", ()))})  # fmt: skip

    def as_dict(self) -> dict[str, Any]:
        return {
            "uid": self.uid, "rank": self.rank, "authority": self.authority, "outlet": self.outlet,
            "published": self.published, "precision": self.precision, "timezone": self.timezone,
            "start_at": self.start_at, "end_at": self.end_at, "start_date": self.start_date, "end_date": self.end_date,
            "entities": list(self.entities), "tags": list(self.tags), "sources": list(self.sources),
        }  # fmt: skip

    @property
    def timing(self) -> tuple[object, ...]:
        return (self.precision, self.start_at, self.end_at, self.start_date, self.end_date)

    @property
    def order(self) -> tuple[int, int, str, str]:
        """Higher wins: authority, then precision, then the latest publication (uid breaks ties)."""
        return (self.rank, PRECISION_RANK[self.precision], self.published, self.uid)

    @property
    def is_coarse(self) -> bool:
        return Precision(self.precision).is_coarse

    def covers(self, other: Claim) -> bool:
        """True when this claim is ``other``'s or a coarser one whose span contains ``other``'s day."""
        if self.timing == other.timing:
            return True
        if self.start_date is None or self.end_date is None:
            return False  # an instant covers only itself
        if PRECISION_RANK[self.precision] >= PRECISION_RANK[other.precision]:
            return False
        if other.start_at is not None:
            instant = datetime.fromisoformat(other.start_at).replace(tzinfo=UTC)
            day = instant.astimezone(ZoneInfo(self.timezone)).date()
        else:
            day = date.fromisoformat(other.start_date or "")
        return date.fromisoformat(self.start_date) <= day <= date.fromisoformat(self.end_date)

    def agrees(self, other: Claim) -> bool:
        return self.covers(other) or other.covers(self)

    def conflict_entry(self, *, followed: bool) -> dict[str, Any]:
        """This claim as one line of a conflict: which source said what, and whether it was followed."""
        return {
            "source": f"{self.outlet or self.uid} ({self.authority})", "authority": self.authority, "uid": self.uid,
            "value": self.value_text(), "precision": self.precision, "followed": followed,
        }  # fmt: skip

    def value_text(self) -> str:
        if self.start_at is not None:
            instant = datetime.fromisoformat(self.start_at).replace(tzinfo=UTC)
            local = instant.astimezone(ZoneInfo(self.timezone))
            text = f"{local:%Y-%m-%d %H:%M} {self.timezone}"
            if self.timezone != "UTC":
                text += f" = {instant:%Y-%m-%d %H:%M} UTC"
            return text
        assert self.start_date is not None
        start, end = date.fromisoformat(self.start_date), date.fromisoformat(self.end_date or self.start_date)
        precision = Precision(self.precision)
        if precision.is_coarse:
            return f"{period_label(precision, start, end)} ({precision.value})"
        return f"{start.isoformat()} (date)" if start == end else f"{start.isoformat()} to {end.isoformat()} (dates)"


def members_of(record: EventRecord) -> list[Claim]:
    """The claims merged into ``record``; just its own when it carries none.

    Carried claims (a stored event, or an exported one re-imported) count only while the record
    still has the winning claim's date: a record whose date was edited speaks for itself.
    """
    own = Claim.of(record)
    raw = record.extra.get(MEMBERS_KEY)
    if isinstance(raw, dict) and isinstance(raw.get("members"), list) and raw["members"]:
        members = [Claim.from_dict(m) for m in raw["members"]]
        if max(members, key=lambda m: m.order).timing == own.timing:
            return members
    return [own]


def record_from_event(event: Event) -> EventRecord:
    return EventRecord(
        uid=event.uid, title=event.title, description=event.description, category=event.category,
        importance=event.importance, region=event.region, entities=list(event.entities), tags=list(event.tags),
        precision=Precision(event.precision), timezone=event.timezone, start_at=event.start_at, end_at=event.end_at,
        start_date=event.start_date, end_date=event.end_date, status=event.status, sources=list(event.sources),
        extra=dict(event.extra),
    )  # fmt: skip


def _entities(record: EventRecord) -> set[str]:
    names = [name for member in members_of(record) for name in member.entities] + list(record.entities)
    return {canonical_entity(name) for name in names}


def _source_keys(record: EventRecord) -> set[tuple[str, str]]:
    return {_source_key(s) for member in members_of(record) for s in member.sources} | {
        _source_key(s) for s in record.sources
    }


def same_event(a: EventRecord, b: EventRecord) -> bool:
    """Whether ``a`` and ``b`` describe the same event (see the module docstring)."""
    if a.uid in {m.uid for m in members_of(b)} or b.uid in {m.uid for m in members_of(a)}:
        return True
    if a.category != b.category or event_kind(a.title, a.tags) != event_kind(b.title, b.tags):
        return False
    if a.region != b.region and "GLOBAL" not in (a.region, b.region):
        return False
    if not (_entities(a) & _entities(b)):
        return False
    if _source_keys(a) & _source_keys(b):
        return False
    ca, cb = Claim.of(a), Claim.of(b)
    if not ca.is_coarse and not cb.is_coarse:
        return abs(a.sort_start - b.sort_start) <= timedelta(days=NEAR_DAYS)
    coarse, fine = (ca, cb) if PRECISION_RANK[ca.precision] <= PRECISION_RANK[cb.precision] else (cb, ca)
    return coarse.covers(fine)


def _joined(stored: list[Claim], record: EventRecord) -> list[Claim]:
    """The stored claims with ``record``'s replacing theirs (an exported merged event carries all)."""
    incoming = members_of(record)
    uids = {m.uid for m in incoming}
    return [m for m in stored if m.uid not in uids] + incoming


def _union(lists: Iterable[Iterable[Any]]) -> list[Any]:
    out: list[Any] = []
    for items in lists:
        for item in items:
            if item not in out:
                out.append(item)
    return out


def combine(base: EventRecord, members: list[Claim], survivor: str) -> EventRecord:
    """The merged record: ``base``'s fields, the winning claim's date, every member's sources."""
    members = sorted({m.uid: m for m in members}.values(), key=lambda m: (-m.rank, m.uid))
    extra = {k: v for k, v in base.extra.items() if k not in BOOKKEEPING_KEYS}
    if len(members) == 1:
        return replace(base, uid=survivor, extra=extra)
    winner = max(members, key=lambda m: m.order)
    conflicting = [m for m in members if m is not winner and not m.agrees(winner)]
    extra[MEMBERS_KEY] = {"members": [m.as_dict() for m in members]}
    extra["aliases"] = sorted(m.uid for m in members if m.uid != survivor)
    if conflicting:
        ordered = [winner, *sorted(conflicting, key=lambda m: (-m.rank, m.uid))]
        extra["conflicts"] = [m.conflict_entry(followed=m is winner) for m in ordered]
    return replace(
        base, uid=survivor, precision=Precision(winner.precision), timezone=winner.timezone,
        start_at=_parse_dt(winner.start_at), end_at=_parse_dt(winner.end_at),
        start_date=_parse_d(winner.start_date), end_date=_parse_d(winner.end_date),
        entities=_union([base.entities, *(m.entities for m in members)]),
        tags=_union([base.tags, *(m.tags for m in members)]),
        sources=_union(m.sources for m in members), extra=extra,
    )  # fmt: skip


def _parse_dt(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _parse_d(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


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
            members = _joined(members_of(existing), record)
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
        members = _joined(members_of(current), record)
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
        joined = current.uid if survivor == record.uid else record.uid
        self.plan.merged.append((joined, survivor))
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
