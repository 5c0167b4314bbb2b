"""A lead paragraph that previews the week (issue 15, corpus 3 SHAPES.md items 17 and 18): "未来一周" in
a preview written at the weekend is the coming Monday to Sunday; a release the lead names folds into its
own dated mention further down; a lead saying several institutions "都将在本周公布" decisions is no event
once their days are given; a statistics office publishing inflation is a data release. The articles
are our own, written in the shape."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

SUNDAY_TAIPEI = datetime.fromisoformat("2026-12-06T21:30+08:00")


def run(body: str, published: datetime = SUNDAY_TAIPEI) -> list[tuple[str, str | None, str, str]]:
    text = f"全球市場一周展望\n匯市觀察 2026-12-06 21:30\n\n{body}\n"
    return [(c.start, c.end, c.precision, c.category) for c in extract(text, published)]


def test_the_coming_week_of_a_sunday_preview_starts_on_monday() -> None:
    """Written on Sunday the 6th, "未來一周" is Monday 7 to Sunday 13, at week precision."""
    got = run("未來一周,投資人將緊盯美國國內生產毛額 (GDP) 數據。")
    assert got == [("2026-12-07", "2026-12-13", "week", "macro_data")]


def test_the_coming_week_on_a_weekday_still_runs_from_today() -> None:
    wednesday = datetime.fromisoformat("2026-12-09T10:00+08:00")
    text = "全球市場展望\n匯市觀察 2026-12-09 10:00\n\n未來一周,投資人將緊盯美國國內生產毛額 (GDP) 數據。\n"
    got = [(c.start, c.end) for c in extract(text, wednesday)]
    assert got == [("2026-12-09", "2026-12-16")]


def test_a_release_the_lead_names_folds_into_its_dated_mention() -> None:
    """The lead previews PCE for the week; the paragraph below dates it: one event, on Thursday."""
    got = run("未來一周,投資人將緊盯美國個人消費支出 (PCE) 數據。\n\n1. 美國物價\n\n聯準會最看重的物價指標 PCE 預定周四 (10 日) 公布,各方矚目。")
    assert got == [("2026-12-10", "2026-12-10", "date", "macro_data")]


def test_a_group_lead_gives_way_to_the_dated_decisions() -> None:
    """'多個經濟體都將在本周公布貨幣決策' previews the decisions dated below: only they are events."""
    monday = datetime.fromisoformat("2026-12-07T08:00+08:00")
    text = (
        "央行決策周\n匯市觀察 2026-12-07 08:00\n\n"
        "占全球產出三成的多個經濟體,都將在本周公布貨幣決策。\n\n"
        "加拿大央行將於12月9日公布利率決策,預料按兵不動。日本央行將於12月11日公布利率決策。\n"
    )
    got = [(c.start, c.precision, c.category, c.region) for c in extract(text, monday)]
    assert got == [("2026-12-09", "date", "central_bank", "CA"), ("2026-12-11", "date", "central_bank", "JP")]


def test_a_group_lead_without_dated_members_stays() -> None:
    monday = datetime.fromisoformat("2026-12-07T08:00+08:00")
    text = "央行決策周\n匯市觀察 2026-12-07 08:00\n\n占全球產出三成的多個經濟體,都將在本周公布貨幣決策。\n"
    got = [(c.start, c.end, c.precision, c.category) for c in extract(text, monday)]
    assert got == [("2026-12-07", "2026-12-13", "week", "central_bank")]


def test_a_statistics_office_publishing_inflation_is_a_data_release() -> None:
    saturday = datetime.fromisoformat("2026-12-05T09:00+08:00")
    text = "下周前瞻\n汇市观察· 2026-12-05 09:00\n\n周五:欧盟统计局将公布欧元区11月份通胀数据。\n"
    got = [(c.start, c.category, c.region) for c in extract(text, saturday)]
    assert got == [("2026-12-11", "macro_data", "EU")]


def test_this_week_in_a_preview_posted_on_friday_is_the_previewed_week() -> None:
    """Round 22 (corpus 19 English): a paper's list for "the week of Oct. 21", posted on Friday the 18th, says the
    delayed durable goods report is "due out this week": the previewed week, not the week of posting. Our own text."""
    text = ("Key economic events for the week of Oct. 21\n\n"
            "Delayed data catch-up begins. The durable goods report is scheduled to be released this week.\n")
    got = [(c.start, c.end, c.precision) for c in extract(text, datetime.fromisoformat("2030-10-18T12:00-04:00"))]
    assert got == [("2030-10-21", "2030-10-27", "week")]
