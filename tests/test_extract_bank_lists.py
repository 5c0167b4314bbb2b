"""Several central banks in one sentence (issue 15, corpus 3 shapes 8 and 9): a "super central-bank
week" preview names the banks that decide on a day, in a span or in the week, in lists
("台灣、英國及南非央行", "五國央行決策出爐，甲、乙、丙…") and one by one in later sentences with no
time of their own. Each bank is one decision. All articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2026-03-16T08:00+08:00")  # a Monday
SUNDAY = datetime.fromisoformat("2026-03-15T20:00+08:00")


def banks(text: str, published: datetime = PUBLISHED) -> list[tuple[str, str | None, str, str]]:
    got = extract(text, published)
    assert all(c.category == "central_bank" for c in got), got
    return sorted((c.start, c.end, c.precision, c.region) for c in got)


def test_a_count_of_banks_then_their_list_is_one_decision_each_on_that_day() -> None:
    text = "央行周焦點\n\n除了聯準會外，台灣時間19日還有四國央行決策出爐，瑞士、英國、挪威、巴西預料都將按兵不動。\n"
    assert banks(text) == [("2026-03-19", "2026-03-19", "date", r) for r in ("BR", "CH", "GB", "NO")]


def test_a_lead_listing_banks_that_decide_from_a_day_on_gives_each_the_week() -> None:
    text = "全球金融市場18日起將迎接央行決策高峰，日本、英國、瑞士及南非等國央行將陸續公布利率決策。\n\n日本央行將在台灣時間19日上午公布決策。\n"
    got = banks(text)
    assert got == [
        ("2026-03-16", "2026-03-22", "week", "CH"),
        ("2026-03-16", "2026-03-22", "week", "GB"),
        ("2026-03-16", "2026-03-22", "week", "ZA"),
        ("2026-03-19", "2026-03-19", "date", "JP"),
    ]


def test_banks_named_in_a_sundays_this_week_and_later_sentences_share_the_span() -> None:
    text = (
        "超級央行周登場\n\n本周將有多國央行密集在台灣時間18-20日公布利率決策，瑞士及瑞典等國央行預料都將按兵不動。\n\n"
        "英國央行則預料降息1碼，明年可能再降。\n\n"
        "在新興市場，泰國與智利央行本周預料將按兵不動，墨西哥本周預估會降息2碼。\n\n"
        "英國央行上周已公布會議紀要。\n"
    )
    got = banks(text, SUNDAY)
    assert got == sorted(
        [
            ("2026-03-18", "2026-03-20", "date", "CH"),
            ("2026-03-18", "2026-03-20", "date", "SE"),
            ("2026-03-18", "2026-03-20", "date", "GB"),
            ("2026-03-16", "2026-03-22", "week", "TH"),
            ("2026-03-16", "2026-03-22", "week", "CL"),
            ("2026-03-16", "2026-03-22", "week", "MX"),
        ]
    )


def test_a_bank_list_of_a_past_week_is_no_event() -> None:
    text = "央行回顧\n\n上周瑞士、英國及挪威央行都已公布利率決策，均按兵不動。\n"
    assert banks(text) == []


def test_policymakers_of_a_bank_are_no_decision() -> None:
    text = "歐元區數據\n\n周四，歐元區將公布3月消費者信心指數，歐洲央行決策者關注關稅影響。\n"
    got = extract(text, PUBLISHED)
    assert [(c.start, c.category) for c in got] == [("2026-03-19", "macro_data")]


def test_a_later_bank_said_to_move_at_another_time_is_not_put_in_the_bank_week() -> None:
    text = "央行周\n\n瑞士、英國及挪威央行將在台灣時間19日公布利率決策。\n\n日本央行則預料明年將升息1碼。\n\n澳洲聯儲預計將按兵不動。\n"
    got = banks(text)
    assert ("2026-03-19", "2026-03-19", "date", "JP") not in got
    assert ("2026-03-19", "2026-03-19", "date", "AU") in got
    assert len(got) == 4


def test_banks_counted_by_place_and_the_eu_are_one_decision_each_in_the_week() -> None:
    text = "央行密集周\n\n下星期央行密集，澳洲、瑞士、歐盟及日本四地央行都將公布議息結果。\n"
    assert banks(text, SUNDAY) == [("2026-03-16", "2026-03-22", "week", r) for r in ("AU", "CH", "EU", "JP")]


def test_the_ecbs_short_name_is_one_of_the_listed_banks() -> None:
    """'欧央行' is the ECB: '瑞士央行、英国央行和欧央行将于周四公布利率决议' is three decisions on Thursday."""
    text = "本周数据密集\n\n本周经济数据密集，同时瑞士央行、英国央行和欧央行将于周四公布利率决议。\n"
    assert banks(text) == [("2026-03-19", "2026-03-19", "date", r) for r in ("CH", "EU", "GB")]
