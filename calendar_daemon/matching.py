"""Whether two records describe the same real-world event.

Same category, same kind (a press conference is not the decision it follows), a shared entity after
aliases (``Fed`` = ``美联储`` = ``FOMC``), a compatible region, no source in common (one source does
not disagree with itself), and a date near the other: exact dates within :data:`NEAR_DAYS`, or a
coarse period ("2026 Q2") that contains the exact date.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from calendar_daemon.claims import PRECISION_RANK, Claim, members_of, source_key
from calendar_daemon.records import EventRecord

NEAR_DAYS = 3

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


def _entities(record: EventRecord) -> set[str]:
    names = [name for member in members_of(record) for name in member.entities] + list(record.entities)
    return {canonical_entity(name) for name in names}


def _source_keys(record: EventRecord) -> set[tuple[str, str]]:
    return {source_key(s) for member in members_of(record) for s in member.sources} | {
        source_key(s) for s in record.sources
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
