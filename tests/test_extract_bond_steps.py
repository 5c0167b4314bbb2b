"""A treasury re-issue notice's steps (issue 15, round 6, corpus 4 mixed part): each dated step of a
semicolon list is one bond event, a window "after the auction" starts on the auction day, and a final
repayment years ahead is an event; the recurring annual coupon is not. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

MONDAY = datetime.fromisoformat("2031-06-02T09:00+08:00")


def test_bond_schedule_steps_and_the_final_repayment() -> None:
    text = (
        "财政部拟续发行600亿元5年期国债\n\n"
        "财政部决定续发行2031年记账式附息(九期)国债(5年期)。\n\n"
        "本期国债从2031年4月15日开始计息;按年付息,每年4月15日支付利息,2036年4月15日偿还本金并支付最后一次利息。\n\n"
        "具体日期安排为:6月4日招标;招标结束至6月6日进行分销;6月10日起与之前发行的同期国债合并上市交易。\n"
    )
    got = sorted((c.category, c.start, c.end) for c in extract(text, MONDAY))
    assert got == [
        ("bond", "2031-06-04", "2031-06-04"),
        ("bond", "2031-06-04", "2031-06-06"),
        ("bond", "2031-06-10", None),
        ("bond", "2036-04-15", "2036-04-15"),
    ]


def test_procurement_tenders_are_not_bond_auctions() -> None:
    text = "某市将于6月4日进行工程招标。"
    assert [c.category for c in extract(text, MONDAY)] != ["bond"]


def test_a_notice_in_numbered_sections_under_a_stamped_source_line() -> None:
    """The auction day is a field of its own ("(一)招标时间。<day> <clock>"), the distribution window after the
    auction sits in a later section, the listing is the bond's; the page's "<date> <clock>来源:…" line is
    when it was posted, not an event heading the sections below it."""
    text = (
        "财政部拟发行2031年某期国债\n\n"
        "2031-06-01 16:45:03来源:某新闻网\n\n"
        "财政部拟发行2031年某期国债(30年期)。现就本次发行工作有关事宜通知如下:\n\n"
        "一、债券要素\n\n"
        "(一)品种。本期国债为30年期固定利率附息债。\n\n"
        "二、竞争性招标安排\n\n"
        "(一)招标时间。2031年6月10日上午10:35至11:35。\n\n"
        "(二)招标方式。本次发行采用单一价格招标方式。\n\n"
        "四、分销及上市日期\n\n"
        "本期国债招标结束至2031年6月11日进行分销,6月13日起上市交易。\n"
    )
    got = sorted((c.category, c.start, c.end) for c in extract(text, datetime.fromisoformat("2031-06-01T16:45+08:00")))
    assert got == [
        ("bond", "2031-06-10", "2031-06-11"),
        ("bond", "2031-06-10T10:35+08:00", None),
        ("bond", "2031-06-13", None),
    ]
