"""Central banks named without a day in an English week-ahead preview (issue 15, corpus 5 English
shape 3): "the Bank of Korea has a rate decision. Other central banks with rate decisions include
the Fed, the Bank of England and the Reserve Bank of New Zealand." Each bank named in a sentence
that speaks of decisions is one decision of its own, in the previewed week."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from itertools import pairwise

from . import classify as C
from .candidate import Candidate
from .timeexpr import Anchor

# a bank's names, its region and the decision's title
_BANKS: tuple[tuple[str, str, str], ...] = (
    (r"Federal Reserve|\bFed\b|\bFOMC\b", "US", "Fed rate decision"),
    (r"European Central Bank|\bECB\b", "EU", "ECB rate decision"),
    (r"Bank of Japan|\bBoJ\b|\bBOJ\b", "JP", "Bank of Japan rate decision"),
    (r"Bank of England|\bBoE\b|\bBOE\b", "GB", "Bank of England rate decision"),
    (r"Bank of Canada|\bBoC\b", "CA", "Bank of Canada rate decision"),
    (r"Reserve Bank of Australia|\bRBA\b", "AU", "Reserve Bank of Australia rate decision"),
    (r"Reserve Bank of New Zealand|\bRBNZ\b", "NZ", "Reserve Bank of New Zealand rate decision"),
    (r"Reserve Bank of India|\bRBI\b", "IN", "Reserve Bank of India rate decision"),
    (r"Swiss National Bank|\bSNB\b", "CH", "Swiss National Bank rate decision"),
    (r"Bank of Korea", "KR", "Bank of Korea rate decision"),
    (r"Bank of Thailand", "TH", "Bank of Thailand rate decision"),
    (r"Bank Indonesia", "ID", "Bank Indonesia rate decision"),
    (r"Bank Negara(?: Malaysia)?", "MY", "Bank Negara Malaysia rate decision"),
    (r"Bangko Sentral", "PH", "Bangko Sentral ng Pilipinas rate decision"),
    (r"Central Bank of Brazil|Brazil's central bank", "BR", "Central Bank of Brazil rate decision"),
    (r"Bank of Mexico|Banxico", "MX", "Bank of Mexico rate decision"),
    (r"South African Reserve Bank", "ZA", "South African Reserve Bank rate decision"),
    (r"Norges Bank", "NO", "Norges Bank rate decision"),
    (r"Riksbank", "SE", "Riksbank rate decision"),
    (r"(?:Central )?Bank of Russia", "RU", "Bank of Russia rate decision"),
    (r"People's Bank of China|\bPBo[Cc]\b|(?<!Construction )(?<!Agricultural )\bBank of China\b", "CN", "People's Bank of China rate decision"),
)
_RELEASES = {"US": "fomc-decision", "EU": "ecb-decision", "JP": "boj-decision", "GB": "boe-decision",
             "CA": "boc-decision", "AU": "rba-decision", "NZ": "rbnz-decision", "CH": "snb-decision"}
_RX = tuple(re.compile(p) for p, _, _ in _BANKS)
# the sentence speaks of the banks' decisions
_DECISION = re.compile(r"\b(?:(?:interest[- ])?rates? decisions?|policy (?:decisions?|meetings?)|"
                       r"decides? on (?:interest )?rates|sets? (?:interest )?rates)\b", re.IGNORECASE)
# said of a decision already taken: "last month the bank held a meeting and kept rates"
_DONE = re.compile(r"\b(?:held|kept|cut|raised|hiked|lowered|decided|left|last (?:week|month|year|meeting)|ago)\b", re.IGNORECASE)
AddFn = Callable[[Candidate, str, int], None]


def week_bank_decisions(sentence: str, anchor: Anchor, add: AddFn) -> bool:
    """Add one decision in the previewed week per bank ``sentence`` names, where it speaks of rate
    decisions and of nothing past; whether any was added."""
    if anchor.week_ahead is None or not _DECISION.search(sentence) or C.PAST.found(sentence) or _DONE.search(sentence):
        return False
    found = sorted((m.start(), i) for i, rx in enumerate(_RX) if (m := rx.search(sentence)))
    monday = anchor.week_ahead
    for pos, i in found:
        _, region, title = _BANKS[i]
        add(Candidate(title=title, category="central_bank", region=region, importance=3, start=monday.isoformat(),
                      end=(monday + timedelta(days=6)).isoformat(), precision="week", timezone=anchor.tz,
                      entities=[title.removesuffix(" rate decision")], evidence=sentence[pos:pos + 60], confidence=0.55,
                      release=_RELEASES.get(region, f"{region.lower()}-rate-decision")), sentence, pos)
    return bool(found)


# banks joined as one subject: "the RBA and the Bank of China", "the BoE, the BoJ and the ECB"
_JOINED = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:the\s+)?$")


def each_bank_en(c: Candidate) -> list[Candidate]:
    """A central-bank event whose English subject joins several banks ("RBA and the Bank of China policy
    decision", from "the RBA and the Bank of China will decide on the interest rate") is one per bank."""
    if c.category != "central_bank" or " and " not in c.title:
        return [c]
    found = sorted((m.start(), m.end(), i) for i, rx in enumerate(_RX) if (m := rx.search(c.title)))
    if len(found) < 2 or len({_BANKS[i][1] for _, _, i in found}) != len(found) or any(
            _JOINED.match(c.title[a_end:b_start]) is None for (_, a_end, _), (b_start, _, _) in pairwise(found)):
        return [c]
    kind = c.title[found[-1][1]:].strip() or "rate decision"
    out = []
    for _, _, i in found:
        _, region, title = _BANKS[i]
        name = title.removesuffix(" rate decision")
        out.append(replace(c, title=f"{name} {kind}", region=region, entities=[name], mentions=list(c.mentions),
                           release=_RELEASES.get(region, f"{region.lower()}-rate-decision")))
    return out
