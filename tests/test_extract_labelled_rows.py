"""A day's list of section rows ("AGMs: Acme, Bolt Group, ..."): a long row of names under its label is list
content, not prose that ends the day's items (corpus 7, English). The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-03-08T09:00+00:00")  # a Saturday


def test_long_section_rows_keep_their_day() -> None:
    text = (
        "The week ahead\n\n"
        "Tuesday 11 March\n"
        "Interims: Acme Widgets, Bolt Group\n"
        "AGMs: Crane Holdings, Delta Mining, Eagle Foods, Falcon Marine, Granite Media Group, Harbour Leisure\n"
        "Economics: consumer confidence survey, net consumer credit, mortgage approvals, broad money supply\n"
        "Thursday 13 March\n"
        "Final: Ivory Brands, Juniper Energy Holdings, Kestrel Telecom Group, Lantern Insurance Services\n"
        "EGM: Maple Resources\n"
    )
    got = sorted((c.category, c.start[:10]) for c in extract(text, PUBLISHED))
    assert got == [
        ("corporate", "2031-03-11"),
        ("corporate", "2031-03-13"),
        ("earnings", "2031-03-11"),
        ("earnings", "2031-03-13"),
        ("macro_data", "2031-03-11"),
    ]
    assert all(c.precision == "date" for c in extract(text, PUBLISHED))


def test_prose_still_ends_a_day_list() -> None:
    text = (
        "The week ahead\n\n"
        "Tuesday 11 March\n"
        "AGMs: Crane Holdings, Delta Mining\n"
        "Analysts said the sector has been weak, and that the coming results season may change the mood.\n"
    )
    got = [(c.category, c.start[:10]) for c in extract(text, PUBLISHED)]
    assert got == [("corporate", "2031-03-11")]


def test_a_days_meeting_rows_are_one_event() -> None:
    text = (
        "The week ahead\n\n"
        "Wednesday 12 March\n"
        "AGMs: Crane Holdings, Delta Mining\n"
        "EGM: Maple Resources\n"
        "Thursday 13 March\n"
        "AGM: Ivory Brands\n"
    )
    got = [(c.category, c.start) for c in extract(text, PUBLISHED)]
    assert got == [("corporate", "2031-03-12"), ("corporate", "2031-03-13")]


def test_rows_with_an_earnings_estimate_are_results_on_their_day() -> None:
    published = datetime.fromisoformat("2031-06-16T06:00-04:00")  # a Monday
    text = (
        "Below is our calendar of the coming week's highlights.\n"
        "Estimates come from analysts we asked.\n"
        "Earnings Reports\n"
        "Tuesday, June 17\n"
        "Acme Widgets (Consensus estimate: 41 cents a share)\n"
        "Bolt Group (27 cents a share)\n"
        "Thursday, June 19\n"
        "Crane Holdings ($3.15 a share for FY; 87 cents a share for Q4)\n"
    )
    got = [(c.category, c.start, c.precision) for c in extract(text, published)]
    assert got == [("earnings", "2031-06-17", "date"), ("earnings", "2031-06-19", "date")]


def test_a_row_of_two_kinds_is_one_event_of_each() -> None:
    text = (
        "The week ahead\n\n"
        "Thursday 13 March\n"
        "Economics: building-sector PMI, Bank of England interest rate decision, "
        "quarterly inflation report\n"
    )
    got = sorted((c.category, c.start) for c in extract(text, PUBLISHED))
    assert got == [("central_bank", "2031-03-13"), ("macro_data", "2031-03-13")]


def test_purchasing_managers_data_is_a_data_release() -> None:
    published = datetime.fromisoformat("2031-03-13T07:00+01:00")
    text = "European preview\n\nAt 3.30 am ET, a survey firm publishes its Purchasing Managers' survey data for builders.\n"
    got = [(c.category, c.start) for c in extract(text, published)]
    assert got == [("macro_data", "2031-03-13T03:30-04:00")]
