"""Days of the month in Chinese numerals (issue 15, corpus 7 Chinese shape 2): a Taiwan preview writes
"十七日起", "十八日凌晨二時" where other outlets write "17日". They are days like "17日" (a count of days,
"三十日內", "二十日均線", is not), and "聯準會決策" is the Fed's rate decision. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.normalize import normalize

MONDAY = datetime.fromisoformat("2026-03-16T07:00+08:00")

PREVIEW = (
    "本週自十八日起為超級央行週,美國、日本、加拿大與英國等地央行將相繼宣布利率決策。\n"
    "加拿大央行於台灣時間十八日晚間九時四十五分公布決策,預料按兵不動。\n"
    "市場最關注的是十九日凌晨二時出爐的聯準會決策,預料將維持利率不變。\n"
)


def test_numeral_days_date_each_bank_of_the_list() -> None:
    got = sorted((c.start, c.end, c.precision, c.region) for c in extract(PREVIEW, MONDAY) if c.category == "central_bank")
    assert ("2026-03-18T21:45+08:00", None, "datetime", "CA") in got
    assert ("2026-03-19T02:00+08:00", None, "datetime", "US") in got
    week = ("2026-03-16", "2026-03-22", "week")
    assert (*week, "GB") in got and (*week, "JP") in got
    assert len(got) == 4  # the week's Canadian and Fed decisions are the timed ones


def test_a_count_of_days_is_no_day() -> None:
    assert normalize("三十日内完成,二十日均线,未来十五日,九月十七日,第十五日") == "三十日内完成,二十日均线,未来十五日,九月十七日,第十五日"
    assert normalize("十七日晚间公布,二十一日起") == "17日晚间公布,21日起"
