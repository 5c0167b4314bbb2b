"""A clause that announces some releases and a list that says which (issue 15, corpus 15 shape S04):
"一系列经济数据将在本周公布,其中包括英国11月CPI,以及美国11月零售销售以及生产者物价指数" is one event per
release, each in its own place; a release listed without a place is in the place named before it.
The articles are our own, written in that shape."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-12-15T08:00+08:00")  # a Monday


def week(sentence: str) -> list[tuple[str, str | None, str, str | None]]:
    text = f"本周全球市场看点\n财经观察· 2031-12-15 08:00\n\n{sentence}\n"
    return sorted((c.region, c.release, c.start, c.end) for c in extract(text, PUBLISHED))


def test_each_release_the_list_includes_is_an_event_of_the_week() -> None:
    got = week("另外,一系列重要的经济数据将在本周公布,其中包括英国11月消费者物价指数,以及美国11月零售销售数据以及生产者物价指数。")
    assert got == [("GB", "cpi", "2031-12-15", "2031-12-21"), ("US", "ppi", "2031-12-15", "2031-12-21"),
                   ("US", "retail-sales", "2031-12-15", "2031-12-21")]


def test_a_single_release_after_including_is_no_list() -> None:
    """"其中包括美国零售销售" names one release: the clause's own event, not a list of several."""
    got = week("本周将公布多项经济数据,其中包括美国11月零售销售。")
    assert len(got) == 1


def test_one_countrys_data_listed_after_including_is_one_summary() -> None:
    """"…数据将在本周公布,其中包括美国A,以及美国B": one country's data week, one summary event as the founding
    articles count it (their seeded calendar has one such event, and re-reading them must propose nothing new)."""
    got = week("另外,一系列重要的经济数据将在本周公布,其中包括美国11月耐用品订单,以及美国11月零售销售数据以及生产者物价指数。")
    assert [(start, end) for _, _, start, end in got] == [("2031-12-15", "2031-12-21")]
