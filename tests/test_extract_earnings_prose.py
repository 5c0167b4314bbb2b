"""English earnings prose with company lists (issue 15, corpus 2 shape 10) and central-bank committee
names. The sentences are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2026-12-12T09:00-05:00")
HEAD = "Markets diary\n\n"


def found(body: str) -> list[tuple[str, str]]:
    return [(c.start, c.category) for c in extract(HEAD + body, PUBLISHED)]


def test_companies_that_report_on_a_day_are_earnings() -> None:
    assert found("Harbor Foods, Quill Systems, and Lantern Energy report on Tuesday.\n") == [("2026-12-15", "earnings")]
    assert found("On Wednesday, Ridge Motors and Cobalt Health all report.\n") == [("2026-12-16", "earnings")]


def test_a_jobs_report_on_a_day_stays_a_data_release() -> None:
    assert found("The Labor Department publishes the jobs report on Friday.\n") == [("2026-12-18", "macro_data")]


def test_the_committee_by_its_full_name_is_the_central_bank() -> None:
    got = found("Wednesday brings the main event as the Federal Open Market Committee wraps up its December meeting.\n")
    assert got == [("2026-12-16", "central_bank")]


def test_a_named_report_that_is_no_company_is_not_earnings() -> None:
    got = found("The agency's oil market report on Thursday is expected to cut demand forecasts.\n")
    assert "earnings" not in [c for _, c in got], got


def test_a_central_bank_known_by_its_initials_holds_the_press_conference() -> None:
    assert found("Governor Orr holds the RBNZ press conference on Wednesday.\n") == [("2026-12-16", "central_bank")]


def test_an_interest_decision_is_the_central_banks() -> None:
    got = found("Inflation data comes out on Wednesday, and on Thursday we'll have the British interest decision.\n")
    assert ("2026-12-17", "central_bank") in got, got
