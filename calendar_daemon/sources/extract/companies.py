"""English company names in earnings and listing prose: names with their tickers ("Visa (V - Free
Report)", "Apple (NASDAQ: AAPL)") a company that reports some days after the one before it
("…on Tuesday, followed a day later by Apple"), and a counted list after a colon ("three companies are
expected to price this week: A, B and C"), one event per company (issue 15, corpus 6 shape 7)."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date, timedelta

from .candidate import Candidate
from .countednames import counted_names

logger = logging.getLogger(__name__)

_NAME = r"[A-Z][A-Za-z0-9&.\-']*(?:\s+(?:[A-Z][A-Za-z0-9&.\-']*|of|and|&)){0,3}"
_TICKER = re.compile(rf"(?P<name>{_NAME})\s*\((?:(?:NYSE|NASDAQ|Nasdaq|NYSE American|HKEX|HKG|TSX)\s*:\s*)?"
                     r"(?P<ticker>[A-Z][A-Z.]{0,5})(?:\s*-\s*Free Report)?\)")
_TICKER_NOISE = re.compile(r"\s*\((?:(?:NYSE|NASDAQ|Nasdaq|NYSE American|HKEX|HKG|TSX)\s*:\s*)?[A-Z][A-Z.]{0,5}"
                           r"(?:\s*-\s*Free Report)?\)")
_NUMBER = {"a": 1, "one": 1, "two": 2, "three": 3, "a couple of": 2}
_FOLLOWER = re.compile(r"\bfollowed\s+(?P<n>a|one|two|three|a couple of)\s+days?\s+later\s+by\s+(?P<name>" + _NAME + ")"
                       r"|\b(?P<name2>" + _NAME + r")\s+(?:reports|follows)\s+(?P<n2>a|one|two|three)\s+days?\s+later")


def ticker_companies(text: str) -> list[str]:
    """Companies named with their ticker in ``text``, in order."""
    return [m["name"] for m in _TICKER.finditer(text)]


def without_tickers(text: str) -> str:
    """``text`` without its ticker brackets, which are no part of a title ("Visa (V - Free Report)")."""
    return _TICKER_NOISE.sub("", text)


def follower_names(text: str) -> set[str]:
    return {(m["name"] or m["name2"]).strip() for m in _FOLLOWER.finditer(text)}


def followers(c: Candidate, after: str) -> list[Candidate]:
    """"…on Tuesday, followed a day later by Apple": the company that reports N days after the dated
    one, as its own candidate (and no longer one of the dated candidate's names)."""
    out = []
    for m in _FOLLOWER.finditer(after):
        name = (m["name"] or m["name2"]).strip()
        days = _NUMBER[(m["n"] or m["n2"]).lower()]
        day = date.fromisoformat(c.start[:10]) + timedelta(days=days)
        if name in c.entities:
            c.entities.remove(name)
        out.append(replace(c, title=f"{name} earnings" if c.category == "earnings" else f"{name} {c.category}",
                           start=day.isoformat(), end=day.isoformat() if c.end else None,
                           precision="date", entities=[name], mentions=[], evidence=m[0][:60]))
    return out


_RESPECTIVE = re.compile(r"\brespectively\b", re.IGNORECASE)


def respectively(made: list[tuple[Candidate, str, int]], sentence: str) -> list[tuple[Candidate, str, int]]:
    """"Oracle (ORCL) and Adobe (ADBE) report on Monday and Wednesday, respectively": the n-th company
    goes with the n-th day."""
    if not _RESPECTIVE.search(sentence) or len(made) < 2:
        return made
    names = ticker_companies(sentence) or made[0][0].entities
    if len(names) != len(made):
        return made
    out = []
    for (c, clause, pos), name in zip(made, names, strict=True):
        what = "results" if c.category == "earnings" else c.title.split()[-1]
        out.append((replace(c, entities=[name], title=f"{name} {what}"), clause, pos))
    return out


_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
# "three companies are expected to price this week: A, B and C"
_COUNTED = re.compile(r"\b(?P<n>two|three|four|five|six|seven|eight|[2-8])\s+(?:\w+\s+)?(?:companies|firms|issuers|IPOs|deals|"
                      r"offerings|banks)\b[^:;.]{0,80}:\s*(?P<names>[^:;]{4,300}?)\s*(?:[.;]\s|[.;]?$)", re.IGNORECASE)
_PARTS = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def each_counted(made: list[tuple[Candidate, str, int]], sentence: str) -> list[tuple[Candidate, str, int]]:
    """One listing event per company of a counted list after a colon, when the sentence made one such
    event and the list names as many companies as it counts (results of one day stay one event); in
    Chinese, "甲、乙、丙三家公司上市" after the sentence's dated event."""
    made = counted_names(made, sentence)
    if len(made) != 1 or made[0][0].category != "ipo" or ":" not in sentence:
        return made
    m = _COUNTED.search(sentence)
    if m is None:
        return made
    n = _COUNTS.get(m["n"].lower()) or int(m["n"])
    names = [part.strip() for part in _PARTS.split(without_tickers(m["names"])) if part.strip()]  # "Acme (ACME)"
    if len(names) != n or not all(re.match(rf"^{_NAME}$", name) for name in names):
        return made
    c, clause, pos = made[0]
    return [(replace(c, entities=[name], title=f"{name} IPO", mentions=[]), clause, pos) for name in names]


def each_of_a_list(a: Candidate, b: Candidate) -> bool:
    """Two listings read from one counted list ("three companies are expected to price this week: A, B
    and C", corpus 6 shape 7): one company each, the same phrase. They stay two events."""
    return (a.category == b.category == "ipo" and len(a.entities) == len(b.entities) == 1
            and a.entities != b.entities and a.evidence == b.evidence)


_COMPANY_COUNT = re.compile(r"\d+\s?家(?:公司|上市公司|个股)")


def one_of_a_count(total: Candidate, one: Candidate) -> bool:
    """A week's count of companies ("下周共有39家公司限售股解禁") and one company ranked in it ("解禁市值居前三位的
    是:甲、乙、丙", read as that week's event of 甲): the total is an event of its own, not a mention of 甲's."""
    return (total.category == one.category and len(one.entities) == 1 and one.release == f"{one.category}:{one.entities[0]}"
            and _COMPANY_COUNT.search(total.title + total.evidence) is not None)
