"""Several markets closed in one clause: each market's closure is an event of its own. "下周一某國及
某國假期休市" (two markets joined by 及/和/、 right before 休市/停市) gives one closure for each market's
region, with the same day and wording."""

from __future__ import annotations

import re
from dataclasses import replace

from .candidate import Candidate
from .regions import region_of

# the markets named right before the closure word: "中国内地及日本假期休市", "甲、乙和丙股市休市"
_MARKETS = re.compile(r"(?P<names>[^\s,，。;；:：]{2,40}?)(?:股市|市场|交易所)?(?:因|假期|节假日|公众假期)*(?:休市|停市)")
_JOIN = re.compile(r"及|和|与|以及|、")


def each_market(c: Candidate, clause: str) -> list[Candidate]:
    """One closure per region named before 休市 (else just ``c``)."""
    if c.category != "other" or (m := _MARKETS.search(clause)) is None:
        return [c]
    parts = [p for p in _JOIN.split(m["names"]) if p]
    regions: list[str] = []
    for part in parts:
        code = region_of(part, default="")
        if code and code not in regions:
            regions.append(code)
    if len(parts) < 2 or len(regions) < 2 or c.region not in regions:
        return [c]
    return [c] + [replace(c, region=r, title=c.title.replace(_name(c), _name(c, r)), entities=list(c.entities),
                          mentions=list(c.mentions)) for r in regions if r != c.region]


def _name(c: Candidate, region: str | None = None) -> str:
    return {"CN": "中国", "JP": "日本", "HK": "香港", "US": "美国", "GB": "英国", "TW": "台湾"}.get(region or c.region, region or c.region)
