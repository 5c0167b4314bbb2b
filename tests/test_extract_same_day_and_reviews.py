"""A week's calendar notes (issue 15, corpus 7 Chinese shapes 13 and 14): "某日为某节,某股市将于当日休市" closes
the market on the day the sentence opens with; an index review's result "将于某日起生效" is one index change
('other') on that day. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.samedays import same_days

MONDAY = datetime.fromisoformat("2031-09-01T07:00+08:00")

NOTES = (
    "一周财经日历\n\n"
    "9月1日(周一)为美国劳动节,美股将于当日休市一天。\n"
    "港股方面,某某指数系列第二季度检讨结果的变动将于2031年9月8日(星期一)起生效。\n"
)


def test_that_day_is_the_day_the_sentence_opens_with() -> None:
    got = [(c.start, c.end, c.region) for c in extract(NOTES, MONDAY) if c.start.startswith("2031-09-01")]
    assert got == [("2031-09-01", "2031-09-01", "US")]
    assert same_days("央行表示，当日到期的中期借贷便利将于9月15日续做", True) == "央行表示，当日到期的中期借贷便利将于9月15日续做"


def test_a_review_result_taking_effect_is_one_index_change() -> None:
    got = [(c.start, c.end, c.category) for c in extract(NOTES, MONDAY) if c.start.startswith("2031-09-08")]
    assert got == [("2031-09-08", "2031-09-08", "other")]
