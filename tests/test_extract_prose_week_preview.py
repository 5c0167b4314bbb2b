"""A next-week preview in prose under '周X(M月D日)' paragraphs (issue 15, round 9, corpus 6 Chinese): places
listed before a verb and a release ("甲、乙、丙等经济体相继公布制造业PMI") are one release each, also beside
a publisher's own PMI named first; a month before "维持利率不变的…意见摘要" is the period summarised, and
the summary is the central bank's; an oil producers' meeting and an exporter's official prices are
market events, not policy. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

FRIDAY = datetime.fromisoformat("2031-01-31T12:00+08:00")
TEXT = (
    "下周(2月3日-2月9日),全球市场将迎来制造业PMI与多国央行利率决议。\n"
    "周日某组织八个产油国召开月度产量会议,此外下周三还有某国石油公司公布石油价格。\n"
    "周一(2月3日)中国公布某机构制造业PMI(即此前的财新PMI),德国、法国、欧元区等经济体相继公布制造业PMI,"
    "日本发表1月维持利率不变的那次会议的审议委员意见摘要。\n"
    "周三(2月5日)中国、英国公布服务业PMI。\n"
)


def events() -> list[tuple[str, str, str]]:
    return sorted((c.start, c.category, c.region) for c in extract(TEXT, FRIDAY))


def test_places_before_a_verb_and_a_release_are_one_release_each() -> None:
    got = events()
    for region in ("CN", "EU", "FR", "DE"):
        assert ("2031-02-03", "macro_data", region) in got
    assert ("2031-02-05", "macro_data", "CN") in got and ("2031-02-05", "macro_data", "GB") in got


def test_a_policy_board_summary_is_the_central_bank_s_on_the_day_not_a_month() -> None:
    got = events()
    assert ("2031-02-03", "central_bank", "JP") in got
    assert not [s for s, _, _ in got if s.startswith("2031-01-01")]


def test_oil_producers_meetings_and_official_prices_are_market_events() -> None:
    oil = [c.category for c in extract(TEXT, FRIDAY) if "产油国" in c.evidence or "石油价格" in c.evidence]
    assert oil == ["other", "other"]


def test_later_items_of_a_day_s_paragraph_take_its_day() -> None:
    """'周二(2月4日)甲宣布利率决议。' then '美国公布职位空缺,…' (a sentence or a paragraph of its own, no day
    in its first clause) is Tuesday's; a heading line ends the day, and an item naming its own month does not
    take the day."""
    text = ("下周财经前瞻\n"
            "周一(2月3日)中国公布某机构制造业PMI。某机构公布周度持仓报告,投资者可观察截止本周二的持仓。\n"
            "周二(2月4日)澳大利亚宣布利率决议。\n"
            "美国公布JOLTs职位空缺,该数据反映劳动力市场的紧俏程度。\n"
            "日本公布1月的审议委员意见摘要,借此观察日本央行态度。\n"
            "服务业PMI接棒\n"
            "美国公布ADP就业人数,这是小非农。\n")
    got = sorted((c.start, c.category, c.region) for c in extract(text, FRIDAY))
    assert ("2031-02-03", "macro_data", "US") in got  # the positions report, in the day's second sentence
    assert ("2031-02-04", "macro_data", "US") in got  # JOLTs, in the next paragraph
    assert not [s for s, c, r in got if r == "JP" and s == "2031-02-04"]
    assert not [s for s, c, r in got if s > "2031-02-04"]


def test_a_day_number_one_off_its_weekday_takes_the_weekday() -> None:
    """'周六(1月31日)' where 31 January 2031 is a Friday: the Saturday (1 February), as the weekday places it."""
    text = "下周前瞻\n周六(1月31日)中国公布官方制造业PMI。\n周一(2月3日)中国公布财新PMI。\n"
    got = sorted(c.start for c in extract(text, datetime.fromisoformat("2031-01-30T12:00+08:00")))
    assert got == ["2031-02-01", "2031-02-03"]


def test_a_later_sentence_that_reports_what_was_published_takes_no_day() -> None:
    text = ("下周前瞻\n周一(2月3日)中国公布官方制造业PMI。统计局公布的数据显示,上月指数回落。\n"
            "周二(2月4日)澳大利亚宣布利率决议。\n")
    got = sorted((c.start, c.category) for c in extract(text, FRIDAY))
    assert got == [("2031-02-03", "macro_data"), ("2031-02-04", "central_bank")]
