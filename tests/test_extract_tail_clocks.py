"""Week lists whose rows end with their clock in brackets under a day heading (issue 15, corpus 5
Chinese shape 4): "某国央行利率决定(20:00)" is an instant on the heading's day, an as-of day after the
row's place is no day of the row's own, rows not kept in clock order stay on their day, and a bank's
deposit rate is a rate decision. All sentences are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-03-03T00:00+08:00")
HEAD = "本周宏观看点:某国就业与央行决策\n2031-03-03\n\n本周重点事件\n"


def found(body: str) -> list[tuple[str, str]]:
    return sorted((c.start, c.category) for c in extract(HEAD + body, PUBLISHED))


def test_rows_ending_with_their_clock_are_instants_on_the_heading_day() -> None:
    got = found("03 月 04 日\n  • 甲国 2 月 ADP 就业人数(千人)(21:15)\n  • 甲国央行理事某某发表讲话(22:40)\n")
    assert got == [("2031-03-04T21:15+08:00", "macro_data"), ("2031-03-04T22:40+08:00", "central_bank")]


def test_as_of_days_and_rows_out_of_order_stay_on_the_heading_day() -> None:
    got = found("03 月 06 日\n  • 乙区至 3 月 6 日乙区央行存款机制利率(21:15)\n"
                "  • 甲国至 3 月 1 日当周初请失业金人数(千人)(21:30)\n  • 丙国至 3 月 6 日央行利率决定(20:00)\n")
    assert got == [("2031-03-06T20:00+08:00", "central_bank"), ("2031-03-06T21:15+08:00", "central_bank"),
                   ("2031-03-06T21:30+08:00", "macro_data")]


def test_a_single_bracketed_clock_in_prose_is_no_list() -> None:
    got = found("03 月 05 日\n  • 甲国公布 2 月服务业 PMI,市场关注就业分项(预计偏弱)\n")
    assert got == [("2031-03-05", "macro_data")]
