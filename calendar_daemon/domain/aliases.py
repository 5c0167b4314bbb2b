"""Names that denote the same institution or person (``Fed`` = ``美联储`` = ``FOMC``), compared
case-insensitively. Matching, reconciliation and extraction all compare entities through
:func:`canonical_entity`."""

from __future__ import annotations

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


def canonical_entity(name: str) -> str:
    key = entity_key(name)
    return _ALIASES.get(key, key)


def entity_key(name: str) -> str:
    """A name as it is compared before aliases: without surrounding blanks, case-folded."""
    return name.strip().casefold()


_SPELLINGS: dict[str, frozenset[str]] = {
    group[0].casefold(): frozenset(name.casefold() for name in group) for group in ALIAS_GROUPS
}


def spellings(canonical: str) -> frozenset[str]:
    """Every :func:`entity_key` whose :func:`canonical_entity` is ``canonical`` (itself when it has no aliases),
    so a store that keeps names as written can be asked for all the names of one institution."""
    return _SPELLINGS.get(canonical, frozenset((canonical,)))
