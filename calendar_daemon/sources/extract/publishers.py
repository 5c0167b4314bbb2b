"""Two publishers in one clause (issue 15, corpus 3 shape 10): "歐元區與加拿大周一 (19日) 將公布CPI" is
two releases, one by each, on that day."""

from __future__ import annotations

import re
from dataclasses import replace

from . import classify as C
from .banklists import BANKS
from .candidate import Candidate
from .releases import releases_in

# Places that publish their own figures: the countries of a central bank, and the euro area's members.
PLACES = {name: region for name, (region, _) in BANKS.items() if name != "欧洲"} | {"德国": "EU", "法国": "EU", "意大利": "EU", "西班牙": "EU", "香港": "HK"}
_PLACE = "|".join(sorted(PLACES, key=len, reverse=True))
# The subject right before the time expression: "欧元区与加拿大", "英国、加拿大及澳洲".
_PAIR = re.compile(rf"(?P<subject>(?:{_PLACE})(?:\s?(?:、|与|和|及|以及)\s?(?:{_PLACE})){{1,4}})\s?(?:将|也将|会)?\s?(?:于|在)?\s?$")


def each_publisher(cands: list[Candidate], before: str) -> list[Candidate]:
    """``cands``, with a data release whose subject (``before``: the clause up to its time expression)
    names several places made one release per place."""
    m = _PAIR.search(before[-40:])
    if m is None:
        return cands
    places = list(dict.fromkeys(re.findall(_PLACE, m["subject"])))
    out: list[Candidate] = []
    for c in cands:
        if c.category != "macro_data" or len(places) < 2 or len(cands) > 1:
            out.append(c)
            continue
        for place in places:
            region = PLACES[place]
            title = c.title.replace(m["subject"], place) if m["subject"] in c.title else f"{place}{c.title}"
            out.append(
                replace(
                    c,
                    title=title,
                    region=region,
                    entities=[e for e in c.entities if e != m["subject"]],
                    mentions=[],
                    release=f"{c.release or 'data'}:{place}",  # each place's release is its own
                )
            )
    return out


def released_data(clause: str) -> bool:
    """Whether the clause says a data release comes out ("英國周三公布的12月CPI則可能成為英國央行何時降息的
    關鍵指標", "Fed首選通膨指標PCE將於周四出爐"): its subject is the data, whatever bank it is a guide for."""
    spans = [(n.start, n.end) for n in releases_in(clause) if n.release.category == "macro_data"]
    spans += [m.span() for m in _MACRO.finditer(clause)]  # a data name the gazetteer lacks ("PCE")
    return any(_VERB_BEFORE.search(clause[max(0, a - 12) : a]) or _VERB_AFTER.match(clause, b) for a, b in spans)


_MACRO = dict(C.CATEGORY_RULES)["macro_data"]
_BANK_OWN = re.compile(r"利率决议|利率决定|利率决策|议息|货币政策决议|货币政策决定|政策声明")
_VERB_BEFORE = re.compile(r"(?:公布|发布)的?\s?(?:[^\s,;。]{0,8})$")
_VERB_AFTER = re.compile(r"[^,;。]{0,16}?(?:出炉|公布|发布)")


def by_publisher(c: Candidate, releases: list[Candidate], forward: str, before: str) -> list[Candidate]:
    """A Chinese sentence's candidate ``c`` (and the ``releases`` it was split into): data said to come out
    is the event even when the clause names the bank it guides ("英国公布的CPI则可能成为英国央行何时降息的
    关键指标"), and a release by several places is one per place."""
    if c.category == "central_bank" and released_data(forward) and not _BANK_OWN.search(forward):
        c.category = "macro_data"  # (not the bank's own decision beside its outlook: "公布利率决议和经济前景展望报告")
    return each_publisher(releases, before)
