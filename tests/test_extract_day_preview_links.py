"""A morning preview of the day's releases written as linked sentences: "At 3.00 am ET, X is due. In the
meantime, Y publishes Z." (the same clock), "Also, A and B from one country and C from another are due."
(the same day, one event each), "The policy decision is due at 7.00 am ET." (a central bank's decision)
and a budget "to be announced on" a later day. Article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-11-06T01:00-05:00")  # a Thursday, early in New York

PREVIEW = """Central bank of Ruritania seen holding rates

The Ruritanian central bank is expected to keep its benchmark rate unchanged on Thursday. The policy decision is due at 7.00 am ET.

Policymakers also await the government's budget, to be announced on November 26.

At 3.00 am ET, Freedonia's unemployment figures are due. In the meantime, the statistics office of Ruritania publishes its industrial production numbers.
Also, foreign trade from Poland and wholesale prices from Austria are due.
"""


def _got() -> list[tuple[str, str]]:
    return sorted((c.start, c.category) for c in extract(PREVIEW, PUBLISHED))


def test_in_the_meantime_is_the_clock_of_the_item_before() -> None:
    assert _got().count(("2031-11-06T03:00-05:00", "macro_data")) == 1
    assert ("2031-11-06T08:00+00:00", "macro_data") in _got()  # 3.00 ET is 08:00 GMT


def test_also_due_items_are_on_the_day_before_them_one_each() -> None:
    assert _got().count(("2031-11-06", "macro_data")) == 2


def test_a_clock_after_a_paragraph_that_named_another_day_is_not_on_that_day() -> None:
    assert [s for s, _ in _got() if s.startswith("2031-11-26T")] == []


def test_the_policy_decision_is_the_central_banks_and_the_budget_is_policy() -> None:
    got = _got()
    assert ("2031-11-06T07:00-05:00", "central_bank") in got
    assert ("2031-11-26", "policy") in got


def test_a_title_does_not_repeat_its_kind() -> None:
    titles = [c.title for c in extract(PREVIEW, PUBLISHED) if c.category == "central_bank"]
    assert titles == ["Policy decision"]
