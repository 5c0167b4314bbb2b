"""A name heading over bulleted full dates (issue 15, corpus 12 Chinese): a fund's schedule post lists each
kind of day as a heading with its dates as bullets under it. Each bullet is the heading's event on that day;
a table exported one cell a line (date line, then name line) is left to the cell-table reader: a first
version of the reader, which took unbulleted dates too, lost such a table's rows. The articles
are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

JANUARY = datetime.fromisoformat("2031-01-03T08:00+08:00")


def got(text: str) -> list[tuple[str, str]]:
    return sorted((c.start, c.title) for c in extract(text, JANUARY))


def test_each_bullet_is_its_headings_event() -> None:
    text = (
        "2031-01-03\n\n某ETF重大日程\n\n某ETF配息公告日\n  • 2031年2月7日\n某ETF除息交易日\n  • 2031年2月20日\n"
        "  • 2031年5月19日\n某ETF配息发放日\n  • 2031年3月27日\n  • 2031年6月20日\n\n成分股调整\n\n频率:每年二次\n"
    )
    assert got(text) == [
        ("2031-02-07", "某ETF配息公告日"),
        ("2031-02-20", "某ETF除息交易日"),
        ("2031-03-27", "某ETF配息发放日"),
        ("2031-05-19", "某ETF除息交易日"),
        ("2031-06-20", "某ETF配息发放日"),
    ]


def test_a_table_one_cell_a_line_keeps_its_own_names() -> None:
    """'2031年1月20日 / 某纪念日 / 休市 / 2031年2月17日 / …': the closure's line is not a heading of the next date."""
    text = (
        "2031年某国股市休市安排\n\n日期\n假期\n2031年1月20日\n某纪念日\n休市\n2031年2月17日\n某总统日\n休市\n"
        "2031年4月11日\n某受难日\n休市\n"
    )
    assert [d for d, _ in got(text)] == ["2031-01-20", "2031-02-17", "2031-04-11"]
