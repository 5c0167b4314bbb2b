"""A bond sold to the public has steps of its own (issue 15, round 23): in an article about such a bond, its
subscription, its results and its issue are bond events, though the step's own sentence names no bond (read alone,
"公布认购结果" and "正式发行" sound like an IPO's, "the date of issuance is May 25" like nothing). An article about an
IPO keeps its steps the IPO's. The articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

HK = datetime.fromisoformat("2031-12-01T08:00+08:00")
INDIA = datetime.fromisoformat("2031-05-14T12:00+05:30")


def kinds(text: str, published: datetime) -> list[tuple[str, str]]:
    return sorted((c.start[:10], c.category) for c in extract(text, published))


def test_the_steps_of_a_public_bond_are_bond_events() -> None:
    text = ("【本报讯】第七批银色债券今日开始公开认购,保证年利率为每年3.5厘。\n"
            "政府将不迟于12月18日公布认购结果,并于12月22日正式发行。\n")
    assert kinds(text, HK) == [("2031-12-18", "bond"), ("2031-12-22", "bond")]


def test_the_steps_of_an_ipo_stay_the_ipos() -> None:
    text = ("【本报讯】某科技新股今日开始公开认购,招股价每股10元。\n"
            "公司将不迟于12月18日公布认购结果,并于12月22日正式发行。\n")
    assert {kind for _, kind in kinds(text, HK)} == {"ipo"}


def test_an_english_bond_issue_day_is_a_bond_event_titled_by_the_bond() -> None:
    text = ("The government has launched sovereign gold bonds in consultation with the central bank.\n\n"
            "The subscription date for the first series is between May 17-May 21. And, the date of issuance is May 25.\n")
    got = sorted((c.start, c.category, c.title) for c in extract(text, INDIA))
    assert [(start, kind) for start, kind, _ in got] == [("2031-05-17", "bond"), ("2031-05-25", "bond")]
    assert got[1][2] == "Sovereign gold bonds issuance"


def test_a_plan_the_government_has_started_is_past() -> None:
    text = "Bond news\n\nThe government has started the launch of savings bonds with the central bank on Wednesday.\n"
    assert extract(text, INDIA) == []
