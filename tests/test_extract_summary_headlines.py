"""Week summaries of lock-ups and listings: a headline that counts the week's items ("本周22家公司解禁")
is an event of its own beside the dated items; it does not fold into one of them as a preview would.
The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

MONDAY = datetime.fromisoformat("2026-12-07T08:00+08:00")
ARTICLE = (
    "本周沪深两市共有22家公司共计15.3亿解禁股上市流通\n\n"
    "本周沪深两市共有22家公司共计15.3亿解禁股上市流通,解禁市值约210亿元。\n\n"
    "12月8日解禁的远帆科技将有4.2亿股限售股上市,解禁市值约30亿元。"
    "12月10日解禁的青石材料解禁市值为18.6亿元,占深市解禁总额的三成。\n"
)


def test_a_counted_headline_stands_beside_the_dated_lockups() -> None:
    got = [(c.start, c.end, c.precision, c.category) for c in extract(ARTICLE, MONDAY)]
    assert got == [
        ("2026-12-07", "2026-12-13", "week", "lockup"),
        ("2026-12-08", "2026-12-08", "date", "lockup"),
        ("2026-12-10", "2026-12-10", "date", "lockup"),
    ]
    week = extract(ARTICLE, MONDAY)[0]
    assert week.evidence.startswith("本周沪深两市共有22家公司")
