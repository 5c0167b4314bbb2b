"""Categories of items in a week-ahead preview's prose (issue 15, corpus 5 English shape 4): a company
reporting quarter numbers is earnings, a country reporting trade numbers is data, a ruling party's
plenum is policy. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.classify import category_of

PREVIEW = """The Week Ahead: Ports, Banks and a Plenum

Harbourfront Land Trust (SGX: H12) will report second-quarter numbers on Tuesday. Its last update showed weaker rents.

Thailand will report export numbers for May next week, which could show another fall.

The ruling party will hold its annual plenum next week, where its next five-year plan will be unveiled.
"""


def test_preview_items_get_their_categories() -> None:
    got = [(c.start, c.end, c.precision, c.category) for c in extract(PREVIEW, datetime.fromisoformat("2024-06-07T17:00+08:00"))]
    assert ("2024-06-11", "2024-06-11", "date", "earnings") in got
    assert ("2024-06-10", "2024-06-16", "week", "macro_data") in got
    assert ("2024-06-10", "2024-06-16", "week", "policy") in got
    assert all(c != "other" for *_, c in got)


def test_quarter_numbers_are_a_company_s_but_gdp_numbers_are_data() -> None:
    assert category_of("Pelican Bank will report third-quarter numbers", "") == "earnings"
    assert category_of("the US will report third-quarter GDP numbers", "") == "macro_data"
    assert category_of("Vietnam will report trade figures", "") == "macro_data"


def test_a_central_bank_s_meeting_is_the_bank_s_event_not_a_conference() -> None:
    assert category_of("周二某国央行会议预料将维持利率不变", "") == "central_bank"
    assert category_of("美联储会议开幕", "") == "central_bank"
    assert category_of("某部委举行新闻发布会", "") == "conference"


def test_a_governor_s_speech_on_a_weekday_is_an_event_without_a_verb() -> None:
    text = "本周前瞻\n某国央行多位官员将发表讲话,行长某某周五的演说最受关注。\n"
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-06-22T08:00+08:00"))]
    assert ("2031-06-27", "central_bank") in got


def test_weekday_tags_in_brackets_date_each_item_and_name_each_speaker() -> None:
    text = ("The Week Ahead\n\nThis week's data start with the May consumer price index (Tue). This week also features "
            "speeches by several Fed officials: Governors Adams (Wed) and Brook (Thu).\n")
    got = [(c.start, c.category, c.title) for c in extract(text, datetime.fromisoformat("2031-06-22T08:00-04:00"))
           if c.precision == "date"]
    assert ("2031-06-24", "macro_data", "US consumer price index") in got
    assert ("2031-06-25", "central_bank", "Governors Adams speech") in got
    assert ("2031-06-26", "central_bank", "Brook speech") in got


def test_a_legislatures_hearing_in_chinese_is_policy() -> None:
    """'某國國會參議院銀行委員會將在九月四日舉行聽證會' is a congressional hearing, as in English: policy."""
    text = "央行人事\n\n此外，某國國會參議院銀行委員會將在九月四日舉行聽證會，討論央行理事提名案。\n"
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-09-01T08:00+08:00"))]
    assert got == [("2031-09-04", "policy")]
    assert category_of("某公司将举行业绩说明会听证", "") != "policy"


def test_economic_reports_and_survey_results_are_data_not_company_results() -> None:
    assert category_of("Other major economic reports due on Thursday are a retail survey and jobless data.", "") == "macro_data"
    assert category_of("At 6.00 am ET, the Ruritanian Industry Council releases monthly retail survey results.", "") == "macro_data"
    assert category_of("Harbourfront Land Trust reports results on Tuesday.", "") == "earnings"


def test_a_central_banks_meeting_in_a_numbered_paragraph_is_the_banks() -> None:
    """'⑥某国央行将于周四召开会议': the bank's meeting (not a conference), titled without the list number."""
    text = "【本周前瞻】三大央行决议\n\n⑥鲁里坦尼亚央行将于周四召开会议,市场认为利率维持不变的可能性为51%。\n"
    got = [(c.start, c.category, c.title) for c in extract(text, datetime.fromisoformat("2031-07-28T08:00+08:00"))
           if c.precision == "date"]
    assert got == [("2031-07-31", "central_bank", "鲁里坦尼亚央行召开会议")]


def test_a_day_lists_bank_announcements_budgets_and_industrial_profits() -> None:
    """'周三:某国央行公告;某国秋季预算;某国10月工业利润' is a decision, a policy event and a data release."""
    assert category_of("鲁里坦尼亚央行公告", "") == "central_bank"
    assert category_of("鲁里坦尼亚秋季预算", "") == "policy"
    assert category_of("鲁里坦尼亚10月工业利润", "") == "macro_data"
    text = ("下周重要经济数据与事件一览\n\n以下是具体安排:\n\n"
            "  • 周三:鲁里坦尼亚央行公告;鲁里坦尼亚秋季预算;鲁里坦尼亚10月工业利润。\n")
    got = sorted((c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-11-22T10:00+08:00")))
    assert got == [("2031-11-26", "central_bank"), ("2031-11-26", "macro_data"), ("2031-11-26", "policy")]


def test_an_index_that_closed_higher_or_mixed_is_a_market_move_not_a_closure() -> None:
    """A Sunday week-ahead recalls Friday's session: 'the Ruritania 50 closed marginally higher', 'the
    averages … closed the week mixed' are past moves, not a market closed on the coming Friday."""
    text = ("Week ahead: jobs week\n\nOn Friday the Ruritania 50 closed marginally higher, with miners recovering. "
            "The major averages recovered through the day and closed the week mixed.\n")
    assert extract(text, datetime.fromisoformat("2031-12-07T18:00-05:00")) == []


def test_a_miners_quarterly_production_report_is_a_corporate_update() -> None:
    assert category_of("Next week sees quarterly production reports from Acme Mining and Bluegum Oil.", "") == "corporate"
    assert category_of("Acme Mining reports earnings on Tuesday.", "") == "earnings"


def test_a_long_sentence_is_read_near_the_clause_for_its_kind() -> None:
    """A page's text run into one long sentence: a kind word far from a clause (beyond the reach) does not name the
    clause's kind, and each clause is read against a bounded part of the sentence (round 19: this halved the cost
    of such a page)."""
    from calendar_daemon.sources.extract.classify import SENTENCE_REACH, category_of

    clause = "will settle on June 2"
    near = f"The Treasury auction: the notes {clause}."
    far = "auction " + "x" * (3 * SENTENCE_REACH) + f" {clause} " + "y" * (3 * SENTENCE_REACH)
    assert category_of(clause, near) == "bond"
    assert category_of(clause, far) == "other"
