"""An aside between em dashes is a clause of its own (corpus 6, English, shape 6): "Tuesday brings the
inflation report—the last before the bank's March 18 meeting—and …" is a data release on Tuesday
and a central-bank meeting on March 18, not a central-bank event on Tuesday. A data calendar's
"Employment Data" row is a data release. The sentences are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract


def test_the_aside_keeps_its_own_event() -> None:
    published = datetime.fromisoformat("2031-03-10T07:00-04:00")
    text = ("Tuesday brings February's consumer price index report\u2014the last major reading before the "
            "Federal Reserve's March 18 meeting\u2014and retailers report later in the week.")
    got = sorted((c.start, c.category) for c in extract(text, published))
    assert ("2031-03-11", "macro_data") in got
    assert ("2031-03-18", "central_bank") in got
    assert ("2031-03-11", "central_bank") not in got


def test_an_employment_data_row_is_data() -> None:
    published = datetime.fromisoformat("2031-03-13T06:00+00:00")
    text = "Detailed calendar for the day:\n\n01:30 PM GMT, Canada - Employment Data:\n"
    got = [(c.start, c.category) for c in extract(text, published)]
    assert got == [("2031-03-13T13:30+00:00", "macro_data")]


def test_a_word_between_commas_is_an_aside_not_a_clause() -> None:
    published = datetime.fromisoformat("2031-03-24T07:00-04:00")  # a Monday
    text = ("Week ahead\n\nFRIDAY: The department releases two reports: durable goods orders for February; "
            "the second, and final, estimate of fourth-quarter gross domestic product\n")
    got = sorted((c.start, c.category, c.release) for c in extract(text, published))
    assert [(s, cat) for s, cat, _ in got] == [("2031-03-28", "macro_data")] * 2
    assert "gdp" in {release for _, _, release in got}


def test_a_relative_aside_between_spaced_dashes_keeps_the_release_with_its_day() -> None:
    """"The wage price index - which indicates the pace of … - due on Tuesday from the bureau is tipped to …": the
    release and its day, apart only by the aside, are read together."""
    published = datetime.fromisoformat("2031-08-10T12:00+10:00")  # a Sunday, Sydney
    text = ("The June quarter wage price index - which indicates the pace of underlying inflation pressures in the labour "
            "market - due on Tuesday from the Australian Bureau of Statistics is tipped to show a moderation in pay.\n")
    got = [(c.category, c.region, c.start) for c in extract(text, published)]
    assert got == [("macro_data", "AU", "2031-08-12")]
