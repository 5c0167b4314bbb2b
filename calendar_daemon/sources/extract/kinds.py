"""Whether two mentions name the same kind of event: the vocabulary word of a candidate's category that says
what kind of event it is ("上市" and "trading debut" are one listing), and whether a clause counts several items
or an amount (a summary stays beside its dated members). Read by the collapse of one article's mentions."""

from __future__ import annotations

import re

from .classify import CATEGORY_RULES
from .entities import KNOWN_ENTITIES
from .vocabulary import Vocabulary

_I = re.IGNORECASE

# A count of items or an amount: "下周共有3只新股申购", "30家公司解禁", "4120亿元逆回购到期", "three IPOs".
AGGREGATE = Vocabulary(r"\d+\s*(?:只|家|个|项|场|笔|批|宗|支)|\d(?:\.\d+)?\s*(?:万亿|亿|万)(?:元|股|美元|港元)?|"
                       r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|a dozen)\s+(?:\w+\s+)?"
                       r"(?:companies|firms|IPOs|listings|deals|issuers|offerings|auctions|reports)\b", _I)


# Vocabulary words that name an institution or person say who, not what kind of event.
_NAME_TERMS = frozenset(n.casefold() for n in (*KNOWN_ENTITIES, "BOJ", "BOE", "RBA", "Powell", "Lagarde",
                                                "central bank", "reserve bank", "people's bank", "联储局", "联准会"))


def category_terms(category: str, text: str) -> frozenset[str]:
    """The words of ``category``'s vocabulary found in ``text`` (lower case): what kind of event it is."""
    return frozenset(_kind_word(t) for name, rx in CATEGORY_RULES if name == category for m in rx.finditer(text)
                     if (t := m[0].casefold()) not in _NAME_TERMS)


def _kind_word(term: str) -> str:
    """One word per kind of event; a phrase "央行…决策" (a bank, then its decision) is a rate decision."""
    if term.startswith("央行") and term.endswith(("决策", "决议")):
        return "rate decision"
    return _SYNONYMS.get(term, term)


# Words for one kind of event: a listing is a listing however it is said.
_SYNONYMS = dict.fromkeys(("begin trading", "begins trading", "start trading", "starts trading", "trading debut", "debut", "上市", "挂牌"), "listing")
_SYNONYMS.update(dict.fromkeys(("利率决议", "利率决策", "利率决定", "货币决策", "货币政策决定", "rate decision", "interest decision"),
                               "rate decision"))
