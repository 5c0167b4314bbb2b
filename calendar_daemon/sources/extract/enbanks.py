"""Central banks named without a day in an English week-ahead preview (issue 15, corpus 5 English
shape 3): "the Bank of Korea has a rate decision. Other central banks with rate decisions include
the Fed, the Bank of England and the Reserve Bank of New Zealand." Each bank named in a sentence
that speaks of decisions is one decision of its own, in the previewed week."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from . import classify as C
from .banknames import BANK_PATTERNS, BANK_RELEASES, BANKS
from .candidate import Candidate
from .timematch import Anchor

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
    found = sorted((m.start(), i) for i, rx in enumerate(BANK_PATTERNS) if (m := rx.search(sentence)))
    monday = anchor.week_ahead
    for pos, i in found:
        _, region, title = BANKS[i]
        add(Candidate(title=title, category="central_bank", region=region, importance=3, start=monday.isoformat(),
                      end=(monday + timedelta(days=6)).isoformat(), precision="week", timezone=anchor.tz,
                      entities=[title.removesuffix(" rate decision")], evidence=sentence[pos:pos + 60], confidence=0.55,
                      release=BANK_RELEASES.get(region, f"{region.lower()}-rate-decision")), sentence, pos)
    return bool(found)
