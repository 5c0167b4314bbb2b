"""Closure lists in three more shapes: "date, holiday, 休市" as one line of clauses; date, holiday and status
as cells one a line (a table exported without "|"); and a list of places, Latin American and Asian ones
included, that "陆续公布本国制造业PMI" (each its own). Articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.celltables import status_rows

PUBLISHED = datetime.fromisoformat("2030-12-20T09:00+08:00")


def test_a_date_then_a_holiday_then_closed_in_one_line_is_a_closure() -> None:
    text = "某市场休市安排\n\n2031年1月1日,新年元旦,休市\n2031年2月17日,某总统纪念日,休市\n"
    assert [(c.start, c.category) for c in extract(text, PUBLISHED)] == [("2031-01-01", "other"), ("2031-02-17", "other")]


def test_a_reporting_clause_after_a_date_is_no_name() -> None:
    text = "通知\n\n12月27日,某交易所官网发文称,根据《某业务实施办法》有关规定安排交易日。\n"
    assert [c for c in extract(text, PUBLISHED) if c.category == "policy"] == []


CELLS = """某国股市休市时间2031

日期(当地时间)
2031年1月1日
新年元旦
休市
2031年1月20日
某纪念日
休市
2031年2月17日
某总统日
休市
"""


def test_cells_one_a_line_are_joined_into_rows_and_read_as_closures() -> None:
    assert "2031年1月20日 某纪念日 休市" in status_rows(CELLS).splitlines()
    assert sorted(c.start for c in extract(CELLS, PUBLISHED)) == ["2031-01-01", "2031-01-20", "2031-02-17"]


def test_a_list_of_places_that_each_publish_their_own_release() -> None:
    text = ("超级数据周:制造业与就业\n2031-01-03 17:00:00\n\n周一(1月6日)多国制造业PMI齐发\n"
            "周一迎来各国制造业PMI。\n随后,法国、德国、巴西、美国、墨西哥陆续公布本国制造业PMI。\n")
    got = sorted(c.region for c in extract(text, datetime.fromisoformat("2031-01-03T17:00+08:00")))
    assert got == ["BR", "DE", "FR", "MX", "US"]
