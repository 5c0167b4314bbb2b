"""Clocks in their common written forms (corpus 7, English): a clock whose day follows in brackets ("due at
1145GMT (March 4)") beside the same day named in words; a bank's own heading line "RBA, Tuesday at 5:30 am"
in a preview of rate decisions (and "12:00 midday"); a row's clock at its end with no word before it
("Industrial production 9:15 a.m."). Each is an exact instant in a real zone. The articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract


def test_a_clock_before_its_bracketed_day() -> None:
    published = datetime.fromisoformat("2031-02-28T12:00+00:00")  # a Friday
    text = (
        "Two central banks meet next week.\n\n"
        "  • The Reserve Bank of Australia meets on Tuesday, Sydney time, and its announcement is due at 0330GMT (March 4)\n"
        "  • The ECB meets on Thursday, Frankfurt time, and its announcement is due at 1245 GMT (March 6)\n"
    )
    got = sorted((c.category, c.start, c.precision) for c in extract(text, published))
    assert got == [
        ("central_bank", "2031-03-04T03:30+00:00", "datetime"),
        ("central_bank", "2031-03-06T12:45+00:00", "datetime"),
    ]


def test_a_banks_day_and_clock_heading() -> None:
    published = datetime.fromisoformat("2031-06-02T08:00+01:00")  # a Monday, London summer time
    text = (
        "Three rate decisions in the week ahead\n\n"
        "A busy week: three central banks - the RBA, the BOE and the ECB - all announce their rate decisions.\n\n"
        "RBA, Tuesday at 5:30 am\n"
        "Last time the bank surprised the market with a cut.\n\n"
        "BOE, Thursday at 12:00 Midday\n"
        "The minutes of the last meeting were upbeat.\n\n"
        "ECB, Thursday at 12:45 pm\n"
        "The euro fell after the last statement.\n"
    )
    got = sorted((c.start, c.precision, c.title) for c in extract(text, published))
    assert got == [
        ("2031-06-03T05:30+01:00", "datetime", "RBA rate decision"),
        ("2031-06-05T12:00+01:00", "datetime", "BOE rate decision"),
        ("2031-06-05T12:45+01:00", "datetime", "ECB rate decision"),
    ]
    assert {c.category for c in extract(text, published)} == {"central_bank"}


def test_a_rows_clock_at_its_end_and_regional_fed_surveys() -> None:
    published = datetime.fromisoformat("2031-06-16T06:00-04:00")  # a Monday, New York summer time
    text = (
        "The central bank's meeting dominates this week's calendar.\n"
        "Our diary of the week's main items follows. (All times are Eastern Daylight Time.)\n"
        "Economic Reports\n"
        "Monday, June 16\n"
        "Treasury International Capital, 9 a.m.\n"
        "Industrial Production 9:15 a.m.\n"
        "Thursday, June 19\n"
        "Philadelphia Fed Survey, 10 a.m.\n"
    )
    got = sorted((c.category, c.start) for c in extract(text, published) if c.precision == "datetime")
    assert got == [
        ("macro_data", "2031-06-16T09:00-04:00"),
        ("macro_data", "2031-06-16T09:15-04:00"),
        ("macro_data", "2031-06-19T10:00-04:00"),
    ]


def test_a_day_and_its_moment_in_one_sentence_are_one_event() -> None:
    published = datetime.fromisoformat("2031-02-28T12:00+00:00")  # a Friday
    text = (
        "One central bank meets next week.\n\n"
        "The Bank of England sits on Thursday, London time, its announcement due at 1200GMT (March 6)\n"
    )
    got = [(c.category, c.start, c.precision) for c in extract(text, published)]
    assert got == [("central_bank", "2031-03-06T12:00+00:00", "datetime")]


def test_a_chinese_clock_in_numeral_words_this_morning() -> None:
    """"今早十一時" (a Hong Kong newsroom writes the hour in words): eleven this morning, round 20."""
    text = "財經日誌\n\n某國統計局今早十一時公布1月消費物價指數。\n"
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-02-26T07:00+08:00"))]
    assert got == [("2031-02-26T11:00+08:00", "macro_data")]
