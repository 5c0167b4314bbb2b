"""Rules that change from a day on (issue 15, corpus 15 shapes S10 and S54): "基本工資今起從…調漲為…" (from today,
in Traditional characters), "今天起將某疫苗列為常規接種", "新制今天上路", and in English "From July 1, Queensland
will ban single-use plastic bags". Each is a policy change starting that day, titled by what changes.
The sentences are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

NEW_YEAR = datetime.fromisoformat("2031-01-01T08:00+08:00")
JUNE = datetime.fromisoformat("2031-06-27T09:00+10:00")


def changes(text: str, published: datetime) -> list[tuple[str, str, str]]:
    return [(c.category, c.start, c.title) for c in extract(text, published)]


def test_a_wage_raised_from_today_is_a_policy_change_today() -> None:
    text = "新制上路\n基本工資今起從2萬6400元調漲為2萬7400元,時薪同步調整。\n"
    assert changes(text, NEW_YEAR) == [("policy", "2031-01-01", "基本工资调涨")]


def test_a_vaccine_added_to_the_schedule_from_today_is_titled_by_what_changes() -> None:
    text = "新制上路\n醫藥部分,今天起將B肝疫苗列為成人常規接種疫苗。\n"
    assert changes(text, NEW_YEAR) == [("policy", "2031-01-01", "B肝疫苗列为成人常规接种疫苗")]


def test_a_day_before_a_price_that_merely_rises_is_no_rule_change() -> None:
    """"引起" holds a 起 but starts nothing: without a day before it there is no rule."""
    assert changes("市场观察\n此事引起關注,油價提高。\n", NEW_YEAR) == []


def test_an_english_ban_from_a_day_is_a_policy_change_on_that_day() -> None:
    text = "Changes you need to know for July 1\n\nFrom July 1, Tasmania and Victoria will ban plastic straws.\n"
    assert changes(text, JUNE) == [("policy", "2031-07-01", "Tasmania and Victoria ban plastic straws")]


def test_an_english_rise_from_a_day_is_titled_by_its_subject_and_amount() -> None:
    text = "Changes you need to know for July 1\n\nFrom July 1, the minimum wage will rise 2.5 per cent.\n"
    assert changes(text, JUNE) == [("policy", "2031-07-01", "Minimum wage rises 2.5 per cent")]


def test_a_forecast_that_prices_will_rise_is_no_rule_change() -> None:
    assert changes("Markets\n\nOil prices will rise on Tuesday, traders said.\n", JUNE) == []


def test_a_rule_that_applies_from_a_day_is_policy_titled_by_what_applies() -> None:
    """Round 19 (corpus 16): "will be applicable from October 1" and "come into force on" date a rule, even one a
    central bank set; the title says what takes effect."""
    text = ("Rule changes from October 1\n\n"
            "The new rates of the remittance levy under the central bank's scheme will be applicable from October 1, 2031.\n")
    got = [(c.category, c.start, c.title) for c in extract(text, datetime.fromisoformat("2031-09-26T10:00+05:30"))]
    assert got == [("policy", "2031-10-01", "New rates of the remittance levy take effect")]


def test_a_round_of_trade_talks_to_be_held_is_policy_over_its_days() -> None:
    text = "Trade talks to be held from October 6 to October 10\n\nThe 14th round of negotiations for the free trade agreement will be held from October 6 to 10.\n"
    got = {(c.category, c.start, c.end) for c in extract(text, datetime.fromisoformat("2031-10-01T10:00+05:30"))}
    assert got == {("policy", "2031-10-06", "2031-10-10")}


def test_a_rule_from_a_day_is_titled_by_its_subject_not_the_days_words() -> None:
    """"自6月1日起,某国将降低…关税税率": the title is who makes the change, not what is left of "自…起" (round 20)."""
    text = "新规速递\n\n自6月1日起,某国将降低部分日用消费品的进口关税税率。\n"
    [cand] = extract(text, datetime.fromisoformat("2031-05-20T07:00+08:00"))
    assert cand.category == "policy" and cand.start == "2031-06-01"
    assert "某国" in cand.title and "自" not in cand.title and "起" not in cand.title


def test_a_rule_gazetted_and_tabled_on_named_days_and_its_title_year_is_no_event() -> None:
    """Round 22 (corpus 19 Chinese): a Hong Kong wage order is gazetted on a weekday with its day, tabled on a
    bare day and takes effect later; the year in the order's title (《2031年…公告》) names it and is no year-long
    event. Our own text."""
    text = ("特区政府将于星期五(21日)在宪报刊登《2031年最低工资条例(修订附表3)公告》,并于26日提交立法会。"
            "如获通过,经修订的最低工资水平将于今年5月1日实施。")
    got = sorted((c.category, c.start, c.end) for c in extract(text, datetime.fromisoformat("2031-02-18T14:31+08:00")))
    assert got == [("policy", "2031-02-21", "2031-02-21"), ("policy", "2031-02-26", "2031-02-26"),
                   ("policy", "2031-05-01", "2031-05-01")]


def test_an_application_window_a_subsidy_payout_and_a_duty_from_a_day_are_policy_events() -> None:
    """Round 22 (corpus 19 Chinese): a month's new rules name a subsidy's application window, the month it is
    paid out and a duty that shops owe from a later day ("应自…起提供"). Our own text."""
    text = ("租金补贴扩大办理,申请时间从7月1日至8月31日,采线上申请方式。预计10月发放补贴金。"
            "连锁超商应自2032年1月1日起提供循环杯借用服务。")
    got = sorted((c.category, c.start, c.end) for c in extract(text, datetime.fromisoformat("2031-06-28T10:00+08:00")))
    assert got == [("policy", "2031-07-01", "2031-08-31"), ("policy", "2031-10-01", "2031-10-31"),
                   ("policy", "2032-01-01", None)]


def test_a_regulations_entry_into_force_is_a_policy_event() -> None:
    """"- Entry into force: 30 June 2031" in a regulation's timeline (round 23, corpus 20)."""
    text = "Regulation timeline\n\nThe next steps are as follows:\n- Entry into force: 30 June 2031\n"
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-06-27T12:00+02:00"))]
    assert got == [("2031-06-30", "policy")]
