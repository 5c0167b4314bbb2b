"""An index review's changes "implemented after the close of D1, effective from D2" are one market event
on D2 (issue 15, round 9, corpus 6 Chinese). The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.indexreviews import index_changes


def test_implemented_after_the_close_and_effective_the_next_day_is_one_change() -> None:
    text = ("某指數公司公布季度檢討結果。\n某科技指數方面,加入甲公司(1234),剔出乙公司(5678),成份股數目維持30隻。\n"
            "所有變動將於2031年3月7日收市後實施,並於2031年3月10日起生效。\n其他報道\n某銀行上半年盈利增5%\n")
    got = [(c.start, c.end, c.category) for c in extract(text, datetime.fromisoformat("2031-02-14T18:40+08:00"))]
    assert got == [("2031-03-10", "2031-03-10", "other")]


def test_other_text_is_left_alone() -> None:
    assert index_changes("新规将于3月7日起生效。", True) == "新规将于3月7日起生效。"
    assert index_changes("所有变动将于3月7日收市后实施", False) == "所有变动将于3月7日收市后实施"


def test_the_results_of_an_index_providers_quarterly_review_are_no_companys_results() -> None:
    """"MSCI will announce the results of the August 2031 QIR on August 7, 2031" (round 23, corpus 20): a market event."""
    text = ("Index provider changes review dates\n\nThe provider will announce the results of the August 2031 Quarterly "
            "Index Review (QIR) on August 7, 2031.\n")
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-07-24T20:17+00:00"))]
    assert got == [("2031-08-07", "other")]
