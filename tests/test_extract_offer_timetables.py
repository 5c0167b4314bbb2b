"""A Hong Kong offer's timetable (issue 15, corpus 13 Chinese): the public offer's opening at its clock, the
price-fixing day, the price and allotment announcement, the first day of dealings and the end of price
stabilisation are each a step of the listing. The timetable is our own, in that shape."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PAGE = ("某某科技(09999) - 全球发售\n\n时间安排 - 香港公开发售2031年12月18日上午九时开始 - 预期定价日2031年12月24日中午十二时前"
        " - 2031年12月29日下午十一时前公布发售价格、认购情况及分配基准等 - 预计H股2031年12月30日上午九时在香港联交所开始交易"
        " 其他 - 稳定价格行动2032年1月22日结束 - 公告日期为2031年12月18日\n")


def test_each_step_of_the_offer_is_a_listing_event() -> None:
    got = sorted((c.start, c.category) for c in extract(PAGE, datetime.fromisoformat("2031-12-18T08:00+08:00")))
    assert got == [("2031-12-18T09:00+08:00", "ipo"), ("2031-12-24T12:00+08:00", "ipo"), ("2031-12-29T23:00+08:00", "ipo"),
                   ("2031-12-30T09:00+08:00", "ipo"), ("2032-01-22", "ipo")]


def test_the_steps_are_titled_by_what_happens() -> None:
    titles = {c.start: c.title for c in extract(PAGE, datetime.fromisoformat("2031-12-18T08:00+08:00"))}
    assert titles["2031-12-18T09:00+08:00"] == "香港公开发售开始"
    assert titles["2031-12-30T09:00+08:00"] == "H股开始交易"
    assert titles["2032-01-22"] == "稳定价格行动结束"


# An A-share offer timetable exported from a table one cell a line (round 19, corpus 16): a T-day code line
# ("T-6日"), the day as a full date with its weekday and the cell's bar ("2031年7月17日 周四 |"), then that day's
# steps, each on its own line. Every step is an event of its day; "T+2日" inside a step names no day of the
# month; no title holds the table's bar.
PUBLISHED = datetime.fromisoformat("2031-07-14T10:00+08:00")
TIMETABLE = (
    "7月14日,某某证券披露了首次公开发行股票发行安排,具体安排如下表所示:\n"
    "日期 |\n发行安排 |\n"
    "T-1日\n2031年7月17日 周四 |\n刊登《发行公告》\n网上路演 |\n"
    "T日\n2031年7月18日 周五 |\n网下申购日(9:30-15:00)\n网上申购日(9:30-11:30,13:00-15:00) |\n"
    "T+1日\n2031年7月21日 周一 |\n网上发行摇号抽签 |\n"
    "T+2日\n2031年7月22日 周二 |\n网上中签投资者缴纳认购资金(投资者确保资金账户在T+2日日终有足额的新股认购资金) |\n"
)


def test_each_step_of_the_timetable_is_an_offer_event_on_its_day() -> None:
    days = sorted(c.start[:10] for c in extract(TIMETABLE, PUBLISHED) if c.category == "ipo" and c.start[:10] > "2031-07-14")
    assert set(days) == {"2031-07-17", "2031-07-18", "2031-07-21", "2031-07-22"}
    assert days.count("2031-07-18") == 2  # the offline and the online subscription


def test_a_t_day_code_is_no_day_of_the_month() -> None:
    assert all(c.start[:10] != "2031-08-02" for c in extract(TIMETABLE, PUBLISHED))


def test_no_title_holds_a_table_bar_or_is_empty() -> None:
    titles = [c.title for c in extract(TIMETABLE, PUBLISHED)]
    assert titles and all(t.strip() and "|" not in t for t in titles)


# Prose naming the offer's subscription periods and the listing day, without the word IPO in the sentence (round 21:
# corpus 18, a Gulf listing).
PROSE = ("Acme Holding plans Dubai listing\n\n"
         "The subscription period for the first tranche will extend from June 16 to June 23. "
         "The subscription period for the second tranche will extend from June 16 to June 24. "
         "The company's shares will be listed on the Dubai market on July 5.\n")


def test_subscription_periods_and_the_listing_day_are_offer_events() -> None:
    got = sorted((c.start, c.end, c.category) for c in extract(PROSE, datetime.fromisoformat("2031-06-09T12:00+04:00")))
    assert got == [("2031-06-16", "2031-06-23", "ipo"), ("2031-06-16", "2031-06-24", "ipo"), ("2031-07-05", "2031-07-05", "ipo")]


def test_offline_investors_steps_and_the_lottery_are_offer_events() -> None:
    """An A-share offer's calendar rows ("网下投资者提交核查材料截止日", "网上发行摇号抽签") are steps of the offer, not
    market events (round 21: corpus 16)."""
    text = ("某证券首次公开发行股票发行安排\n\n2031年7月14日 周一 | 网下投资者提交核查材料截止日(中午12:00截止) |\n"
            "2031年7月22日 周二 | 网上发行摇号 |\n")
    got = [(c.start[:10], c.category) for c in extract(text, datetime.fromisoformat("2031-07-13T10:00+08:00"))]
    assert sorted(got) == [("2031-07-14", "ipo"), ("2031-07-22", "ipo")]


# An English rights issue's indicative timetable (round 22, corpus 19): one step a row ending in its date, two
# steps on one day, and a line of the page's export that runs three rows together. Our own text.
RIGHTS = (
    "Indicative Timetable for the Offer\n"
    "Company announces Rights Issue Monday 3rd February 2031\n"
    "Lodgement of Offer Document with the exchange Monday 3rd February 2031\n"
    "Existing Shares quoted on an ex basis Thursday 6th February 2031\n"
    "Record date (5.00pm AWST) Friday 7th February 2031\n"
    "Opening Date Wednesday 12th February 2031 Closing Date* Tuesday 25th February 2031 New Shares quoted on a "
    "deferred basis Wednesday 26th February 2031\n"
    "Deferred settlement trading ends Tuesday 4th March 2031\n"
)


def test_each_step_of_an_english_timetable_is_an_event_of_the_offer() -> None:
    got = [(c.category, c.start, c.title) for c in extract(RIGHTS, datetime.fromisoformat("2031-02-03T09:00+08:00"))]
    assert got == [
        ("corporate", "2031-02-03", "Rights issue: Company announces Rights Issue"),
        ("corporate", "2031-02-03", "Rights issue: Lodgement of Offer Document with the exchange"),
        ("corporate", "2031-02-06", "Rights issue: Existing Shares quoted on an ex basis"),
        ("corporate", "2031-02-07T17:00+08:00", "Rights issue: Record date (5.00pm AWST)"),  # at its clock
        ("corporate", "2031-02-12", "Rights issue: Opening Date"),
        ("corporate", "2031-02-25", "Rights issue: Closing Date"),
        ("corporate", "2031-02-26", "Rights issue: New Shares quoted on a deferred basis"),
        ("corporate", "2031-03-04", "Rights issue: Deferred settlement trading ends"),
    ]


def test_dated_rows_under_no_timetable_are_not_steps() -> None:
    """The same rows under a heading that names no timetable (a list of past filings) stay as they were."""
    history = RIGHTS.replace("Indicative Timetable for the Offer", "Filings by the company")
    assert not any(c.title.startswith("Rights issue: ") for c in extract(history, datetime.fromisoformat("2031-02-03T09:00+08:00")))


# An English open offer's timetable from a '|' table exported a cell a line (round 23, corpus 20): each step over
# its time and day, the heading cut off by the page. Our own text.
OPEN_OFFER = (
    "Record Date and time for entitlements under the Open Offer |\n"
    "5.00 p.m. on 9 September 2031 |\n"
    "Posting of the Circular and Application Form |\n"
    "12 September 2031 |\n"
    "Latest time and date for receipt of completed Application Forms and payment in full under the Open Offer or "
    "settlement of the relevant settlement system instruction (as appropriate) |\n"
    "11.00 a.m. on 26 September 2031 |\n"
    "General Meeting |\n"
    "10.30 a.m. on 30 September 2031 |\n"
    "Despatch of share certificates |\n"
    "Within ten days of Admission |\n"
)


def test_each_step_of_a_cell_a_line_timetable_is_an_event_of_the_offer_at_its_time() -> None:
    got = [(c.category, c.start, c.title) for c in extract(OPEN_OFFER, datetime.fromisoformat("2031-09-10T09:00+01:00"))]
    assert got == [
        ("corporate", "2031-09-12", "Offer: Posting of the Circular and Application Form"),
        ("corporate", "2031-09-26T11:00+01:00", "Offer: Latest time and date for receipt of completed"),
        ("corporate", "2031-09-30T10:30+01:00", "Offer: General Meeting"),
    ]


def test_cell_a_line_rows_that_name_no_offer_are_not_steps() -> None:
    rows = OPEN_OFFER.replace("Open Offer", "the register").replace("Application Form", "letter")
    assert not any(c.title.startswith("Offer: ") for c in extract(rows, datetime.fromisoformat("2031-09-10T09:00+01:00")))


def test_a_row_with_its_clock_before_its_day_keeps_the_clock_and_a_clean_step() -> None:
    """"1 Offer Opens 9:00 a.m. 24 July 2031" (round 25, corpus 21 English): the step is "Offer Opens", at 9:00 on
    its day; the row number and the clock are no part of its title (it was "Offer: 00 a.m.")."""
    text = ("Acme Exchange Ltd share offer\n\nTimetable\n\nThe timetable for the Offer is as follows:\n\nNo Event Time Date\n\n"
            "1 Offer Opens 9:00 a.m. 24 July 2031\n\n2 Offer Closes (Closure Date) 4:00 p.m. 12 August 2031\n\n"
            "3 Public announcement of the results of the Offer by 5:00 p.m. 3 September 2031\n\n"
            "Notes: all times are Kenyan local time.\n")
    got = [(c.start, c.title) for c in extract(text, datetime.fromisoformat("2031-07-20T10:00+03:00"))]
    assert got == [("2031-07-24T09:00+03:00", "Offer: Offer Opens"), ("2031-08-12T16:00+03:00", "Offer: Offer Closes (Closure Date)"),
                   ("2031-09-03T17:00+03:00", "Offer: Public announcement of the results of the Offer")]


def test_a_bare_timetable_heading_is_the_offer_the_headline_names() -> None:
    """"INDICATIVE TIMETABLE" with rows of steps and ordinal dates, under a headline about an IPO (round 25, corpus 22
    English): the rows are the IPO's steps, though the table itself never says "offer"."""
    text = ("This Is Acme Energy's Indicative Timetable For Its IPO\n\nAcme Energy is set to list its shares on two exchanges.\n\n"
            "INDICATIVE TIMETABLE\nDraft Prospectus to be out      21st March, 2031\nBook Close      2nd April, 2031\n"
            "Pricing      2nd April, 2031\nAllocations out      3rd April, 2031\n\nThe offer is open to qualified investors.\n")
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-03-19T12:00+01:00"))]
    assert got == [("2031-03-21", "ipo"), ("2031-04-02", "ipo"), ("2031-04-02", "ipo"), ("2031-04-03", "ipo")]
