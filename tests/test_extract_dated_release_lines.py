"""A line that is a day and a release's name, with no verb (issue 15, corpus 15 shape S02): "- 10月1日(周三)
日本・央行短观" in a broker's weekly list, each line followed by a paragraph on what the figure may do, and
"10月2日(周四)欧元区・消费者物价指数(HICP)" standing alone as a line. The day is when the release comes out,
not the period its figures cover; the articles are our own, written in that shape."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-09-27T08:00+08:00")
WEEK = """下周汇市看点
汇市观察· 2031-09-27 08:00

重点关注的经济指标和事件
- 10月1日(周三)日本・央行短观
日本央行的企业景气调查,若结果好于预期,日元或获支撑。
- 10月1日(周三)美国・ISM制造业景气指数
若低于预期,市场或强化降息预期。
- 10月3日(周五)美国・非农就业报告
若就业数据稳健,美元或走强。
"""


def releases(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.start, c.release, c.region) for c in extract(text, PUBLISHED)]


def test_each_dated_line_of_a_weekly_list_is_its_release_on_that_day() -> None:
    assert releases(WEEK) == [
        ("2031-10-01", "jp-tankan", "JP"),
        ("2031-10-01", "us-ism-manufacturing", "US"),
        ("2031-10-03", "us-nfp", "US"),
    ]


def test_a_day_line_naming_one_release_is_that_release_not_a_subtitle() -> None:
    """"10月2日(周四)欧元区・消费者物价指数(HICP)" alone on its line: the day's item, not a heading to drop."""
    text = "下周汇市看点\n汇市观察· 2031-09-27 08:00\n\n10月2日(周四)欧元区・消费者物价指数(HICP)\n市场关注核心读数。\n"
    assert [(start, region) for start, _, region in releases(text)] == [("2031-10-02", "EU")]


def test_a_day_subtitle_of_several_things_still_heads_the_items_below() -> None:
    text = ("下周汇市看点\n汇市观察· 2031-09-27 08:00\n\n10月1日(周三)多国制造业PMI齐发,估值指标登场\n"
            "首先,日本央行短观将公布。随后,美国将公布ISM制造业PMI。\n")
    assert sorted(r for _, r, _ in releases(text)) == ["jp-tankan", "us-ism-manufacturing"]
