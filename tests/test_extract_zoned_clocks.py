"""Clocks tied to a zone word (issue 15, corpus 3 "Clocks and zones"): a four-digit clock right after
the zone ("美东时间0830") is that instant in that zone, also when a weekday opens the sentence. The sentences are our own, written in the shape."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract


def starts(body: str) -> list[tuple[str, str]]:
    """The (start, title) of every candidate of an article of ours dated Saturday 5 December, 09:00 Beijing."""
    text = f"下周美股前瞻\n汇市观察· 2026-12-05 09:00\n\n{body}\n"
    return [(c.start, c.title) for c in extract(text, datetime.fromisoformat("2026-12-05T09:00+08:00"))]


def test_a_four_digit_clock_after_a_zone_word_is_an_instant_in_that_zone() -> None:
    assert starts("美国劳工部将在周四美东时间0830公布11月CPI数据。") == [
        ("2026-12-10T08:30-05:00", "美国劳工部公布11月CPI")]


def test_a_four_digit_clock_after_beijing_time_is_read_in_beijing() -> None:
    [(start, _)] = starts("欧洲央行周四北京时间2115公布利率决议。")
    assert start == "2026-12-10T21:15+08:00"


def test_a_year_after_a_zone_word_is_no_clock() -> None:
    """'北京时间2026年12月9日' is a date: 2026 must not become 20:26."""
    [(start, _)] = starts("欧洲央行将于北京时间2026年12月10日公布利率决议。")
    assert start == "2026-12-10"


def test_four_digits_that_are_no_clock_stay_a_number() -> None:
    """2460 is no time of day: the sentence keeps its day and gets no instant."""
    got = starts("美国劳工部将在周四美东时间2460公布11月CPI数据。")
    assert all("T" not in start for start, _ in got)


def test_a_zoned_clock_later_in_the_sentence_times_its_weekday() -> None:
    """'周三:…定于美东时间1400发布…': the weekday opens the line, the clock comes with the zone later."""
    assert starts("周三:美联储定于美东时间1400发布12月议息会议纪要。") == [
        ("2026-12-09T14:00-05:00", "美联储发布12月议息会议纪要")]


def test_a_later_mention_of_the_timed_day_is_the_same_event() -> None:
    """The sentence after the timed release talks about the same publisher on that weekday: one event."""
    got = starts("周三:美联储定于美东时间1400发布12月议息会议纪要。当次会议上美联储多数委员赞成再度加息。")
    assert [start for start, _ in got] == ["2026-12-09T14:00-05:00"]


def test_one_instant_in_two_zones_is_one_event() -> None:
    """'美東時間…下午2時（台灣時間…凌晨3時）': the same moment said twice, in New York and in Taipei."""
    text = ("美股前瞻\n鉅亨網 2026-12-05 09:00\n\n"
            "美國聯準會將在美東時間12月9日下午2時（台灣時間12月10日凌晨3時）公布利率決策。\n")
    got = extract(text, datetime.fromisoformat("2026-12-05T09:00+08:00"))
    assert [(c.start, c.timezone) for c in got] == [("2026-12-09T14:00-05:00", "America/New_York")]


def test_taiwan_time_names_the_taipei_zone() -> None:
    text = "美股前瞻\n鉅亨網 2026-12-05 09:00\n\n美國聯準會將在台灣時間12月10日晚間9時45分公布利率決策。\n"
    [cand] = extract(text, datetime.fromisoformat("2026-12-05T09:00+08:00"))
    assert (cand.start, cand.timezone) == ("2026-12-10T21:45+08:00", "Asia/Taipei")


def test_a_zone_in_brackets_after_a_half_day_clock_is_that_clocks_zone() -> None:
    """'上午10:00(东部标准时间)': the half-day word sets the hour, the bracket the zone."""
    assert starts("12月8日上午10:00(东部标准时间),美国公布11月JOLTS职位空缺。") == [
        ("2026-12-08T10:00-05:00", "美国公布11月JOLTS职位空缺")]
    [(start, _)] = starts("12月9日下午2:00(东部标准时间),美联储公布褐皮书。")
    assert start == "2026-12-09T14:00-05:00"
