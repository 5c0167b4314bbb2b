"""Early closes named by their holidays (issue 15, corpus 13 English): "The bond markets shut down early (at
2 p.m. ET) on three more occasions in 2031: the day after Thanksgiving, Christmas Eve and New Year's Eve." is
three early closes at 2 p.m. on those days, and "… close early (at 1 p.m. ET) on two occasions. The remaining
half days this year are Black Friday (Friday, Nov. 28) and Christmas Eve (Wednesday, Dec. 24)." two at 1 p.m.
The explainer is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUB = datetime.fromisoformat("2031-11-20T09:00-05:00")


def _early(text: str) -> list[str]:
    return sorted(c.start for c in extract("Holiday hours\n\n" + text + "\n", PUB) if c.precision == "datetime")


def test_holidays_named_after_one_clock_are_early_closes_at_that_clock() -> None:
    text = ("The bond markets shut down early (at 2 p.m. ET) on three more occasions in 2031: the day after "
            "Thanksgiving, Christmas Eve and New Year’s Eve.")
    assert _early(text) == ["2031-11-28T14:00-05:00", "2031-12-24T14:00-05:00", "2031-12-31T14:00-05:00"]


def test_the_half_days_in_the_next_sentence_take_the_clock() -> None:
    text = ("The exchanges close early (at 1 p.m. ET) on two occasions in 2031. The remaining half days this year "
            "are Black Friday (Friday, Nov. 28) and Christmas Eve (Wednesday, Dec. 24).")
    assert _early(text) == ["2031-11-28T13:00-05:00", "2031-12-24T13:00-05:00"]
