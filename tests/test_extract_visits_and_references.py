"""Three English shapes of a week ahead (issue 15, corpus 13 English): a leader's visit is an event of its
own; "as per reports" is hearsay, not a company reporting; and an event named only as what a release comes
"ahead of" is a reference, not the release's kind. The sentences are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUB = datetime.fromisoformat("2031-06-01T09:00+05:30")  # a Sunday


def _got(sentence: str) -> list[tuple[str, str, str]]:
    return [(c.start, c.category, c.title) for c in extract("Week ahead\n\n" + sentence + "\n", PUB)]


def test_a_leaders_visit_is_an_event() -> None:
    assert _got("The prime minister is also expected to visit two northern provinces on June 5.") == [
        ("2031-06-05", "other", "Prime minister visit")]
    assert _got("The president will make a state visit to Ruritania on Friday.") == [
        ("2031-06-06", "other", "President state visit")]


def test_hearsay_reports_are_no_earnings() -> None:
    assert [c for _, c, _ in _got("The minister will visit the flooded districts on June 4, as per reports.")] == ["other"]


def test_what_a_release_comes_ahead_of_is_no_kind_of_it() -> None:
    got = _got("Retail inflation data will be out on June 4, just days ahead of the central bank's policy decision.")
    assert [(s, c) for s, c, _ in got] == [("2031-06-04", "macro_data")]
    # the phrase that holds the date is the event itself
    got = _got("Readings on jobs and prices come ahead of the central bank's next policy meeting on June 11.")
    assert ("2031-06-11", "central_bank") in [(s, c) for s, c, _ in got]
    # at the start of a sentence too
    got = _got("Ahead of the central bank's policy decision, Acme Foods reports results on June 4.")
    assert [(s, c) for s, c, _ in got] == [("2031-06-04", "earnings")]
