"""A dividend's payment day (issue 15, corpus 13 Chinese): "预计明年1月8日发放入账", "将于明年1月8日领取股息" and
"…除息交易日则为…,将于4月9日发放" each date the payment, titled as the company's dividend payment. The
story is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

STORY = ("台积电今日除息\n\n台积电今(11)日进行第二季现金股利除息,以每股现金股利5元估算,股东将于明年1月8日领取股息。"
         "此次除息每股将配发5元,预计明年1月8日发放入帐。台积电董事会另决议第三季每股配发现金股利6元,"
         "除息交易日则为2032年3月17日,将于2032年4月9日发放。\n")


def test_each_payment_day_is_the_companys_dividend_payment() -> None:
    got = extract(STORY, datetime.fromisoformat("2031-12-11T09:00+08:00"))
    paid = sorted((c.start, c.title) for c in got if c.category == "corporate" and "发放" in c.title)
    assert paid == [("2032-01-08", "台积电股息发放"), ("2032-04-09", "台积电股息发放")]


def test_an_agm_registration_window_and_the_register_date_are_the_companys_events() -> None:
    """Round 22 (corpus 19 English): shareholders register for the meeting "between Thursday, July 7 and Wednesday,
    July 27" (one span: read one by one, the weekdays named other days), and the dividend goes to holders "on the
    Register of Members as at the close of business on 29th July". Our own text."""
    text = ("Acme invited shareholders to register for the virtual meeting between Thursday, July 7 and Wednesday, "
            "July 27. The dividend will go to the Shareholders on the Register of Members as at the close of business "
            "on 29th July 2032.")
    got = [(c.category, c.start, c.end) for c in extract(text, datetime.fromisoformat("2032-07-06T09:00+03:00"))]
    assert got == [("corporate", "2032-07-07", "2032-07-27"), ("corporate", "2032-07-29", "2032-07-29")]


def test_a_register_date_is_titled_by_the_register() -> None:
    text = "Holders on the Register of Members as at the close of business on 29th July 2032 receive the dividend."
    got = extract(text, datetime.fromisoformat("2032-07-06T09:00+03:00"))
    assert [(c.category, c.start) for c in got] == [("corporate", "2032-07-29")]
    assert "Register of Members" in got[0].title


def test_a_day_set_as_the_payment_day_is_dated_beside_the_ex_dividend_base_day() -> None:
    """"訂定…為除息基準日，…為發放日" (round 25, corpus 22 Traditional Chinese): the second day of the sentence is the
    payment day, though its clause names no dividend."""
    text = "本公司現金股利除息基準日暨發放日公告\n\n並於董事會訂定2031年6月2日為除息基準日，2031年6月22日為發放日。\n"
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-05-20T10:00+08:00"))]
    assert got == [("2031-06-02", "corporate"), ("2031-06-22", "corporate")]


def test_the_shareholders_registration_day_of_a_meeting_notice_is_the_companys_event() -> None:
    """"股东登记时间为2031年7月30日" (round 25, corpus 22 Chinese): the day shareholders register for the meeting is
    the company's event, beside the meeting itself."""
    text = ("某某生物股份有限公司关于召开临时股东大会的通知\n某某生物股份有限公司计划于2031年7月31日召开2031年第一次临时股东大会。"
            "股东登记时间为2031年7月30日,异地股东可通过信函或传真登记。\n")
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-07-15T18:00+08:00")) if c.precision == "date"]
    assert ("2031-07-30", "corporate") in got and ("2031-07-31", "corporate") in got
