"""A calendar of the year ahead lists events of every kind, in a line each (issue 15, round 23): an election keeps
its name as a title ("Peru congressional election", not "January 26 market event", which is dropped as no kind of event), a
place before an em dash labels its item ("January 26: Peru — Extraordinary election"), and a company's AGM is an
event. The articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-01-01T12:00-05:00")


def found(body: str) -> list[tuple[str, str, str]]:
    return [(c.start, c.category, c.title) for c in extract(f"Key Events: A Calendar For The Year Ahead\n\n{body}\n", PUBLISHED)]


def test_an_election_in_prose_is_an_event_titled_by_the_election() -> None:
    assert found("On Sunday, January 26, Ruritania will hold an extraordinary congressional election.") == [
        ("2031-01-26", "other", "Ruritania congressional election")]


def test_a_mention_of_an_election_is_no_event_title() -> None:
    assert found("Markets will watch the probe into interference in the election after a guilty plea on Friday.") == []


def test_a_place_before_an_em_dash_labels_the_item() -> None:
    got = found("  • Sunday, January 26: Ruritania — Extraordinary Congressional Election.")
    assert [(start, kind) for start, kind, _ in got] == [("2031-01-26", "other")]
    assert "Election" in got[0][2]


def test_an_agm_is_a_corporate_event() -> None:
    assert found("Acme Corp will hold its AGM on Tuesday, March 4.") == [("2031-03-04", "corporate", "Acme Corp AGM")]
