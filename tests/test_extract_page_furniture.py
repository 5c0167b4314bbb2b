"""Dates that name no event (issue 15, round 6, corpus 4 mixed part): a forum byline, a notice's
signature date, a weekend aside in a holiday notice, a negated schedule, the report's own day
("the agency on Thursday announced"), the day a year's schedule is published; and a chain of future
items each with its own weekday ("…will be announced next Monday, … next Tuesday"). All articles are
our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

SUNDAY = datetime.fromisoformat("2031-03-02T10:00+08:00")
THURSDAY = datetime.fromisoformat("2031-01-09T12:00-05:00")


def days(text: str, published: datetime) -> list[str]:
    return sorted(c.start[:10] for c in extract(text, published))


def test_a_forum_byline_is_no_event() -> None:
    text = (
        "新股周报:下周迎来5只新股\n\n"
        "2031-03-02 10:05| 发布者: 某网友| 查看: 3| 评论: 0|来自: 某报\n\n"
        "周一(3月3日)申购的创业板新股远帆科技,拟发行新股2000万股。\n"
    )
    assert days(text, SUNDAY) == ["2031-03-03"]


def test_a_signature_date_under_a_notice_heads_nothing() -> None:
    text = (
        "关于某交易所休市安排的通知\n\n"
        "(一)某节:3月10日(星期一)休市,3月11日(星期二)起照常开市。\n\n"
        "某证券交易所\n\n"
        "2031年3月2日\n\n"
        "关于某交易所休市安排的通知\n"
    )
    assert days(text, SUNDAY) == ["2031-03-10"]


def test_a_weekend_aside_is_no_closure() -> None:
    text = "某节:3月7日(星期五)休市,3月10日(星期一)起照常开市。另外,3月8日(星期六)、3月9日(星期日)为周末休市。"
    assert days(text, SUNDAY) == ["2031-03-07"]


def test_the_day_a_year_schedule_is_published_is_no_event() -> None:
    text = "3月2日,某交易所公布2031年部分节假日休市安排。"
    assert days(text, SUNDAY) == []


def test_a_negated_schedule_is_no_event() -> None:
    text = "According to our desk, there isn't a single large listed company scheduled to report results on Monday."
    assert days(text, THURSDAY) == []


def test_chained_future_items_with_their_own_weekdays_and_the_reports_own_day() -> None:
    text = (
        "The Treasury on Thursday announced terms for three upcoming sales.\n\n"
        "Four-year note auction results will be announced next Monday, nine-year note auction results "
        "will be announced next Tuesday, and twenty-year bond auction results will be announced next "
        "Wednesday.\n"
    )
    assert days(text, THURSDAY) == ["2031-01-13", "2031-01-14", "2031-01-15"]


def test_an_advertisement_slot_above_the_headline_is_not_the_headline() -> None:
    """Round 19 (corpus 16): a page opening with 'Advertisement' lines before 'The Week Ahead: …' is still a
    week-ahead preview, published on Sunday evening in New York: its undated releases belong to the coming
    week, not to the week ending that Sunday."""
    text = (
        "Advertisement\n\nAdvertisement\n\n"
        "The Week Ahead: Traders Watch Payrolls, and Earnings This Week\n\n"
        "Markets were firm last week.\n\n"
        "Job openings data and jobless claims will help refine the near-term view.\n"
    )
    sunday_evening = datetime.fromisoformat("2031-03-10T02:00+00:00")  # Sunday 9 March, 22:00 in New York
    got = {(c.category, c.start, c.end) for c in extract(text, sunday_evening)}
    assert ("macro_data", "2031-03-10", "2031-03-16") in got
    assert all(start >= "2031-03-10" for _, start, _ in got)


def test_a_site_name_and_a_menu_word_are_not_the_headline() -> None:
    from calendar_daemon.sources.extract.published import headline_of

    assert headline_of("Example-Hours.com\n\n• News\n\nExchange holidays for 2031\n") == "Exchange holidays for 2031"
    assert headline_of("打开网易新闻 查看精彩图片\n\n下周前瞻:三大央行议息\n") == "下周前瞻:三大央行议息"
    assert headline_of("Skip to main content\n 首页 > 外汇\n\n今日财经数据前瞻:关注初请\n") == "今日财经数据前瞻:关注初请"  # a breadcrumb
    assert headline_of("Home › Markets › Rates\n\nThe week ahead\n") == "The week ahead"


def test_a_service_hotline_above_the_headline_is_no_headline() -> None:
    """"客服热线:+852 37582889" over "【本周前瞻】…": the hotline is the page's furniture, so the headline is the week
    preview's and its undated releases belong to the previewed week (round 21: corpus 11)."""
    text = ("客服热线:+852 12345678\n\n【本周前瞻】多国央行决议和一大波数据来袭\n\n"
            "某国还将公布6月就业、工业生产、零售销售和7月制造业PMI终值。日本还将公布6月失业率。\n")
    got = {(c.start, c.end, c.precision) for c in extract(text, datetime.fromisoformat("2031-07-27T10:00+08:00"))}
    assert got == {("2031-07-28", "2031-08-03", "week")}
