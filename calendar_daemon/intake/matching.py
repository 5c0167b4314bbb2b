"""Whether two records describe the same real-world event.

Same category, same kind (a press conference is not the decision it follows), a shared entity after
aliases (``Fed`` = ``美联储`` = ``FOMC``), a compatible region, no source in common (one source does
not disagree with itself), and a date near the other: exact dates within :data:`NEAR_DAYS`, or a
coarse period ("2026 Q2") that contains the exact date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from calendar_daemon.domain.aliases import canonical_entity
from calendar_daemon.domain.records import EventRecord
from calendar_daemon.domain.vocabulary import event_kind
from calendar_daemon.intake.claims import PRECISION_RANK, Claim, members_of, source_key

NEAR_DAYS = 3

@dataclass(frozen=True)
class Profile:
    """What matching compares, computed once per record."""

    record: EventRecord
    claim: Claim
    kind: str
    entities: frozenset[str]
    source_keys: frozenset[tuple[str, str]]
    member_uids: frozenset[str]

    @classmethod
    def of(cls, record: EventRecord) -> Profile:
        claim = Claim.of(record)
        members = members_of(record, claim)
        names = [name for member in members for name in member.entities] + list(record.entities)
        keys = {source_key(s) for member in members for s in member.sources} | {source_key(s) for s in record.sources}
        return cls(
            record=record, claim=claim, kind=event_kind(record.title, record.tags),
            entities=frozenset(canonical_entity(name) for name in names), source_keys=frozenset(keys),
            member_uids=frozenset(m.uid for m in members),
        )  # fmt: skip


def profiles_match(pa: Profile, pb: Profile) -> bool:
    """Whether two profiled records describe the same event (see the module docstring)."""
    a, b = pa.record, pb.record
    if a.uid in pb.member_uids or b.uid in pa.member_uids:
        return True
    if a.category != b.category or (a.region != b.region and "GLOBAL" not in (a.region, b.region)):
        return False
    if pa.kind != pb.kind or not (pa.entities & pb.entities) or (pa.source_keys & pb.source_keys):
        return False
    ca, cb = pa.claim, pb.claim
    if not ca.is_coarse and not cb.is_coarse:
        return abs(a.sort_start - b.sort_start) <= timedelta(days=NEAR_DAYS)
    coarse, fine = (ca, cb) if PRECISION_RANK[ca.precision] <= PRECISION_RANK[cb.precision] else (cb, ca)
    return coarse.covers(fine)
