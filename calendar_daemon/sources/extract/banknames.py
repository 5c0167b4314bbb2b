"""Central banks by their English names: each bank's names, region and decision (the names one English text may
use for it), and a subject that joins several banks ("the RBA and the Bank of China") read as one decision each."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from .candidate import Candidate

# a bank's names, its region and the decision's title
BANKS: tuple[tuple[str, str, str], ...] = (
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
BANK_RELEASES = {"US": "fomc-decision", "EU": "ecb-decision", "JP": "boj-decision", "GB": "boe-decision",
                 "CA": "boc-decision", "AU": "rba-decision", "NZ": "rbnz-decision", "CH": "snb-decision"}
BANK_PATTERNS = tuple(re.compile(p) for p, _, _ in BANKS)


# banks joined as one subject: "the RBA and the Bank of China", "the BoE, the BoJ and the ECB"
_JOINED = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:the\s+)?$")


def each_bank_en(c: Candidate) -> list[Candidate]:
    """A central-bank event whose English subject joins several banks ("RBA and the Bank of China policy
    decision", from "the RBA and the Bank of China will decide on the interest rate") is one per bank."""
    if c.category != "central_bank" or " and " not in c.title:
        return [c]
    found = sorted((m.start(), m.end(), i) for i, rx in enumerate(BANK_PATTERNS) if (m := rx.search(c.title)))
    if len(found) < 2 or len({BANKS[i][1] for _, _, i in found}) != len(found) or any(
            _JOINED.match(c.title[a_end:b_start]) is None for (_, a_end, _), (b_start, _, _) in pairwise(found)):
        return [c]
    kind = c.title[found[-1][1]:].strip() or "rate decision"
    out = []
    for _, _, i in found:
        _, region, title = BANKS[i]
        name = title.removesuffix(" rate decision")
        out.append(replace(c, title=f"{name} {kind}", region=region, entities=[name], mentions=list(c.mentions),
                           release=BANK_RELEASES.get(region, f"{region.lower()}-rate-decision")))
    return out
