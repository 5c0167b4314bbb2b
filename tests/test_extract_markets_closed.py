"""Two markets closed in one clause (corpus 4, Chinese shape 4): "下周一某國內地及日本假期休市" is one closure
for each market. A single market stays one closure. All articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-02-20T18:00+08:00")  # a Thursday


def closures(text: str) -> list[tuple[str, str]]:
    return sorted((c.region, c.start) for c in extract(text, PUBLISHED) if c.category == "other")


def test_each_market_named_before_the_closure_is_closed() -> None:
    text = "下周焦點\n\n下周一中國內地及日本假期休市,本港股市照常交易。\n"
    assert closures(text) == [("CN", "2031-02-24"), ("JP", "2031-02-24")]


def test_one_market_is_one_closure() -> None:
    assert closures("下周焦點\n\n下周一日本假期休市。\n") == [("JP", "2031-02-24")]
