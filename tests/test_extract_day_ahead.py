"""A day-ahead article: the lead names one day ("The central bank will on Thursday end its meeting")
and the sentences after it name upcoming releases with no day of their own ("Thailand will release
November data for car sales."): those are on the lead's day. Past figures ("In October, sales were up
2 percent") are none, and a page naming two days carries nothing. All texts are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2027-03-08T12:00:00-05:00")  # a Monday
LEAD = "Asia day ahead\n\nThe Bank of Korea will on Wednesday end its policy meeting and decide on rates.\n\n"


def test_undated_upcoming_releases_are_on_the_leads_day() -> None:
    text = LEAD + ("Thailand will release February data for consumer prices. In January, prices were up 1.1 "
                   "percent.\n\nSingapore will provide February figures for department store sales.\n")
    got = extract(text, PUBLISHED)
    assert [(c.start, c.category) for c in got] == [
        ("2027-03-10", "central_bank"), ("2027-03-10", "macro_data"), ("2027-03-10", "macro_data")]


def test_a_page_naming_two_days_carries_nothing() -> None:
    text = LEAD + "Japan reports trade data on Friday.\n\nThailand will release February data for consumer prices.\n"
    got = extract(text, PUBLISHED)
    assert [c.start for c in got] == ["2027-03-10", "2027-03-12"]


def test_a_preview_of_todays_releases_dates_each_release_it_opens_a_paragraph_with() -> None:
    """"今日财经数据前瞻" (round 25, corpus 22 Chinese): each paragraph opens with a release and explains it, with no
    day of its own; they are the publication day's releases. What the explanation says in passing is not."""
    text = ("今日财经数据前瞻:关注美国初请失业金人数\n\n2031-07-10 09:30\n\n"
            "  中国6月财新服务业PMI,该指数通常于每月第三个工作日发布,高于50表示服务业扩张。\n\n"
            "  美国当周初请失业金人数,该数据每周都公布,是投资市场的焦点所在。\n\n"
            "  欧元区5月零售销售月率,是衡量消费者支出的首要工具。\n")
    got = {(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-07-10T09:30+08:00"))}
    assert got == {("2031-07-10", "macro_data")}
    assert len(extract(text, datetime.fromisoformat("2031-07-10T09:30+08:00"))) == 3
