"""Central banks joined as one subject in English prose (issue 15, corpus 15 shape S53): "On Tuesday, the RBA and
the Bank of China will decide on the interest rate" is two decisions, one per bank; "An update on monetary policy
from the Bank of Canada is expected on Wednesday" is the Bank of Canada's decision. The sentences are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-04-13T12:00+01:00")  # a Sunday


def decisions(sentence: str) -> list[tuple[str, str, str]]:
    return sorted((c.start, c.region, c.category) for c in extract(f"Central banks this week\n\n{sentence}\n", PUBLISHED))


def test_two_banks_deciding_on_one_day_are_two_decisions() -> None:
    assert decisions("On Tuesday, the RBA and the Bank of China will decide on the interest rate.") == [
        ("2031-04-15", "AU", "central_bank"), ("2031-04-15", "CN", "central_bank")]


def test_an_update_on_monetary_policy_is_the_banks_decision() -> None:
    assert decisions("An update on monetary policy from the Bank of Canada is expected on Wednesday.") == [
        ("2031-04-16", "CA", "central_bank")]


def test_one_bank_and_a_place_stay_one_decision() -> None:
    """"the RBA and markets in Sydney": only one bank is named, so there is one decision."""
    assert decisions("On Tuesday, the RBA will announce its rate decision, and markets in Sydney will watch.") == [
        ("2031-04-15", "AU", "central_bank")]
