"""A day of the month with no month (issue 15, corpus 3 shape 4): Taiwan and Hong Kong news dates the
coming days of a week as "17日", with clocks in 時/分 and a period word ("晚間9時45分", "凌晨2時"),
sometimes one instant in two zones. Such a day is the one nearest the publication day. All articles
are our own."""

from __future__ import annotations

from datetime import UTC, datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2026-03-15T08:00+08:00")  # a Sunday


def found(text: str, published: datetime = PUBLISHED) -> list[tuple[str, str, str, str]]:
    return [(c.start, c.precision, c.category, c.region) for c in extract(text, published)]


def test_a_bare_day_with_a_period_word_and_hours_and_minutes_in_taiwan_time() -> None:
    text = "央行周前瞻\n\n澳洲央行將於台灣時間17日上午11時30分公布利率決策，預料將維持利率不變。\n\n紐西蘭央行則於台灣時間18日晚間9時15分宣布決議。\n"
    got = found(text)
    assert [(s, p, c, r) for s, p, c, r in got if p == "datetime"] == [
        ("2026-03-17T11:30+08:00", "datetime", "central_bank", "AU"),
        ("2026-03-18T21:15+08:00", "datetime", "central_bank", "NZ"),
    ]


def test_one_instant_in_us_eastern_with_taiwan_time_in_brackets_is_one_event() -> None:
    text = "美國聯準會本周開會\n\n聯準會將在美東時間18日下午2時（台灣時間19日凌晨2時）公布利率決策，市場預料將按兵不動。\n"
    got = extract(text, PUBLISHED)
    assert len(got) == 1, got
    c = got[0]
    assert (c.precision, c.category, c.region) == ("datetime", "central_bank", "US")
    assert datetime.fromisoformat(c.start).astimezone(UTC) == datetime(2026, 3, 18, 18, 0, tzinfo=UTC)


def test_a_bank_expected_to_move_on_a_bare_day_is_its_decision_that_day() -> None:
    text = "亞洲央行動向\n\n市場預期，印尼央行料將在19日降息1碼；泰國央行則預期在20日按兵不動。\n"
    got = found(text)
    assert ("2026-03-19", "date", "central_bank", "ID") in got
    assert ("2026-03-20", "date", "central_bank", "TH") in got


def test_a_release_published_on_a_bare_day_is_on_that_day() -> None:
    text = "本周焦點\n\n市場將密切關注17日公布的2月零售銷售，以評估消費力道。\n"
    got = found(text)
    assert [(s, p, c) for s, p, c, _ in got] == [("2026-03-17", "date", "macro_data")]


def test_a_bare_day_span_is_that_span_and_a_past_or_far_day_is_no_event() -> None:
    text = "超級央行周\n\n本周多國央行將在台灣時間18-20日公布利率決策。\n\n分析師12日表示，央行將維持利率不變。\n\n報告指出，該行5日已公布決議。\n"
    got = found(text)
    assert [(s, p) for s, p, *_ in got] == [("2026-03-18", "date")], got
    assert extract(text, PUBLISHED)[0].end == "2026-03-20"


def test_a_number_of_days_or_yen_is_no_day() -> None:
    text = "日圓走勢\n\n日圓兌美元近5日將續貶，100日元將兌換0.66美元，3日均線將下彎。\n"
    assert found(text) == []


def test_a_bare_day_is_in_the_publication_month_when_near_and_next_month_early_in_it() -> None:
    text = "本周焦點\n\n市場將關注20日公布的2月零售銷售。\n"
    assert [s for s, *_ in found(text, datetime.fromisoformat("2026-03-05T08:00+08:00"))] == ["2026-03-20"]
    text = "下周焦點\n\n市場將關注2日公布的3月PMI。\n"
    assert [s for s, *_ in found(text, datetime.fromisoformat("2026-03-28T08:00+08:00"))] == ["2026-04-02"]


def test_a_weekday_names_no_month_for_the_bare_days_after_it() -> None:
    """A US close read on Wednesday morning: "美股周二(28日)收高，市场预估某央行29日宣布降息" is
    yesterday's close and today's decision. The weekday alone would be next Tuesday; it used to lend that
    month to the bare days after it (a decision on the 29th of the next month)."""
    text = "美股收盘\n\n美股周二（28日）连续第二天收盘创新高，市场预估某国央行29日宣布降息，四大指数收盘齐扬。\n"
    got = found(text, datetime.fromisoformat("2031-10-29T07:00+08:00"))
    assert [(s, c) for s, _, c, _ in got] == [("2031-10-29", "central_bank")]
