"""What each source claims about an event, and the event those claims make together.

A merged event keeps every source's claim (its date, names and sources) in
``extra["reconcile"]["members"]``.  :func:`combine` builds the event from them: the winning
claim's date (highest authority, then finer precision, then latest publication), every source, every
name, and ``extra["conflicts"]`` listing the claims whose date disagrees with the winner's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from calendar_daemon.domain.dates import parse_date, parse_datetime
from calendar_daemon.domain.periods import Precision, period_label
from calendar_daemon.domain.records import EventRecord
from calendar_daemon.domain.vocabulary import AUTHORITY_RANK, Authority
from calendar_daemon.store.models import Event

MEMBERS_KEY = "reconcile"
BOOKKEEPING_KEYS = (MEMBERS_KEY, "conflicts", "aliases", "merged_into")
PRECISION_RANK = {p.value: i for i, p in enumerate(reversed(list(Precision)))}  # year 0 ... datetime 6


def record_authority(sources: Sequence[dict[str, Any]]) -> tuple[int, dict[str, Any]]:
    """The rank of the most authoritative source (0 without sources) and that source."""
    best: tuple[int, dict[str, Any]] = (0, {})
    for source in sources:
        rank = AUTHORITY_RANK.get(str(source.get("authority") or Authority.NEWS), Authority.NEWS.rank)
        if rank > best[0]:
            best = (rank, source)
    return best


def source_key(source: dict[str, Any]) -> tuple[str, str]:
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
            instant = parse_datetime(other.start_at).replace(tzinfo=UTC)
            day = instant.astimezone(ZoneInfo(self.timezone)).date()
        else:
            day = parse_date(other.start_date or "")
        return parse_date(self.start_date) <= day <= parse_date(self.end_date)

    def agrees(self, other: Claim) -> bool:
        return self.covers(other) or other.covers(self)

    def conflict_entry(self, *, followed: bool) -> dict[str, Any]:
        """This claim as one line of a conflict: which source said what, and whether it was followed."""
        return {
            "source": f"{self.outlet or self.uid} ({self.authority})", "authority": self.authority, "uid": self.uid,
            "value": self.value_text(), "precision": self.precision, "followed": followed,
            # The value's parts, so a reader can say it in its own language (the feed's zh-CN footer).
            "start_at": self.start_at, "start_date": self.start_date, "end_date": self.end_date,
            "timezone": self.timezone,
        }  # fmt: skip

    def value_text(self) -> str:
        if self.start_at is not None:
            instant = parse_datetime(self.start_at).replace(tzinfo=UTC)
            local = instant.astimezone(ZoneInfo(self.timezone))
            text = f"{local:%Y-%m-%d %H:%M} {self.timezone}"
            if self.timezone != "UTC":
                text += f" = {instant:%Y-%m-%d %H:%M} UTC"
            return text
        assert self.start_date is not None
        start, end = parse_date(self.start_date), parse_date(self.end_date or self.start_date)
        precision = Precision(self.precision)
        if precision.is_coarse:
            return f"{period_label(precision, start, end)} ({precision.value})"
        return f"{start.isoformat()} (date)" if start == end else f"{start.isoformat()} to {end.isoformat()} (dates)"


def members_of(record: EventRecord, own: Claim | None = None) -> list[Claim]:
    """The claims merged into ``record``; just its own (``own``, when the caller has it) when it carries none.

    Carried claims (a stored event, or an exported one re-imported) count only while the record
    still has the winning claim's date: a record whose date was edited speaks for itself.
    """
    own = own or Claim.of(record)
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


def joined(stored: list[Claim], incoming: list[Claim]) -> list[Claim]:
    """The stored claims with a record's (``members_of(record)``) replacing theirs (an exported merged
    event carries all)."""
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
        if MEMBERS_KEY not in base.extra:  # a record's own notes (even its own "conflicts") stay as given
            extra = {k: v for k, v in base.extra.items() if k != "merged_into"}
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
    return None if value is None else parse_datetime(value)


def _parse_d(value: str | None) -> date | None:
    return None if value is None else parse_date(value)
