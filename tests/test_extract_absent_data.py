"""Data that will not come and the old slot of a moved release are no events (corpus 4, Chinese false
positives 5): in a week-ahead, "多份報告本周恐怕無法如期出爐", "…將缺席本周的發布日程" and "該報告原定於
某日發布" propose nothing, while the release the week does bring is kept. All articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-10-20T08:00+08:00")  # a Monday


def test_absent_data_and_an_old_slot_propose_nothing() -> None:
    text = (
        "本周前瞻:某國數據延遲\n\n"
        "受政府停擺影響,多份經濟報告本周恐怕無法如期出爐。\n"
        "零售銷售等多項數據大概率仍將缺席本周的數據發布日程。\n"
        "某統計局計劃於周五發布消費者價格指數,該數據原定於10月15日發布,後因故延遲。\n"
    )
    got = [(c.category, c.start, c.precision) for c in extract(text, PUBLISHED)]
    assert got == [("macro_data", "2031-10-24", "date")]


def test_how_long_a_status_has_lasted_is_no_event() -> None:
    text = "本周前瞻:某國罷工進入第二周\n\n某統計局計劃於周五發布消費者價格指數。\n"
    got = [(c.category, c.start) for c in extract(text, PUBLISHED)]
    assert got == [("macro_data", "2031-10-24")]
