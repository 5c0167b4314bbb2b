"""Polled sources against a real HTTP server on loopback: an official release calendar (.ics), news
feeds (RSS 2.0 in Chinese, Atom in English) and an article page, with 304s, removals, malformed
files and failures; scheduling runs on an injected clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from calendar_daemon.config.settings import parse_config
from calendar_daemon.config.sources import SourceConfig
from calendar_daemon.domain.records import normalize
from calendar_daemon.domain.vocabulary import PROPOSED
from calendar_daemon.exceptions import ConfigError
from calendar_daemon.feed.render import render_calendar
from calendar_daemon.intake.polling import Poller
from calendar_daemon.intake.review import accept
from calendar_daemon.intake.submit import submit
from calendar_daemon.sources.fetch import USER_AGENT, Fetcher, backoff
from calendar_daemon.sources.proposals import propose
from calendar_daemon.store.events import EventStore
from calendar_daemon.store.source_state import SourceStates
from tests.sources_server import Publisher, Route

ICS = "text/calendar; charset=utf-8"
UIDS = {"empsit-2027-01@stats.example.gov", "cpi-2027-01@stats.example.gov", "ppi-2027-01@stats.example.gov",
        "jolts-2027-20270105@stats.example.gov", "jolts-2027-20270202@stats.example.gov", "jolts-2027-20270302@stats.example.gov"}  # fmt: skip


class Clock:
    """The pollers' injected clock (naive UTC, as the store keeps time)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@pytest.fixture
def publisher() -> Iterator[Publisher]:
    with Publisher() as server:
        server.serve_file("/schedule.ics", "release-schedule.ics", ICS)
        server.serve_file("/macro.rss", "news-zh.rss", "application/rss+xml; charset=utf-8")
        server.serve_file("/economy.atom", "markets-en.atom", "application/atom+xml; charset=utf-8")
        server.serve_file("/articles/zh-week-ahead.html", "article-zh.html", "text/html; charset=utf-8")
        server.serve_file("/articles/en-week-ahead.html", "article-en.html", "text/html; charset=utf-8")
        yield server


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 12, 4, 10, 0))


def source(publisher: Publisher, path: str, **fields: Any) -> SourceConfig:
    return SourceConfig.model_validate({"name": path.rsplit("/", 1)[1].split(".")[0], "url": publisher.base + path, **fields})


def poller(store: EventStore, sources: list[SourceConfig], clock: Clock, token: str = "test:1", **kwargs: Any) -> Poller:
    return Poller(store, sources, Fetcher(timeout=2), token=token, clock=clock, rand=lambda: 0.5, **kwargs)


def test_ics_source_stores_its_events_and_a_304_changes_nothing(store: EventStore, publisher: Publisher, clock: Clock) -> None:
    ics = source(publisher, "/schedule.ics", kind="ics", authority="official", every="6h", region="US")
    polls = poller(store, [ics], clock)
    [first] = polls.poll_due()
    assert (first.outcome, first.added, first.items) == ("changed", 6, 6)
    cpi = store.get("cpi-2027-01@stats.example.gov")
    assert cpi is not None and cpi.start_at == datetime(2027, 1, 13, 13, 30) and cpi.timezone == "America/New_York"
    assert cpi.region == "US" and cpi.category == "macro_data"
    assert cpi.sources == [{"outlet": "schedule", "headline": "Consumer Price Index for December 2026", "published": None,
                            "url": ics.url, "note": "", "evidence": "", "authority": "official"}]  # fmt: skip
    assert {e.uid for e in store.list_events()} == UIDS
    version = store.data_version()

    clock.advance(timedelta(hours=1))  # not due yet: no request
    assert polls.poll_due() == [] and publisher.hits["/schedule.ics"] == 1
    clock.advance(timedelta(hours=5))
    [second] = polls.poll_due()
    assert second.outcome == "not_modified"
    assert publisher.statuses("/schedule.ics") == [200, 304]
    assert store.data_version() == version
    conditional = publisher.headers[-1]
    assert conditional["if-none-match"].startswith('"') and conditional["if-modified-since"]
    assert conditional["user-agent"] == USER_AGENT and "gzip" in conditional["accept-encoding"]
    state = SourceStates(store.engine).get("schedule")
    assert state is not None and state.polls == 2 and state.added == 6 and state.next_poll_at == clock.now + timedelta(hours=6)

    clock.advance(timedelta(hours=9))  # the next day: read whole once, so its RRULEs roll over the horizon
    [third] = polls.poll_due()
    assert third.outcome == "unchanged" and publisher.statuses("/schedule.ics") == [200, 304, 200]
    assert "if-none-match" not in publisher.headers[-1] and store.data_version() == version


def test_an_event_removed_upstream_is_cancelled_with_a_higher_sequence(store: EventStore, publisher: Publisher, clock: Clock) -> None:
    ics = source(publisher, "/schedule.ics", kind="ics", authority="official", every="1h")
    other = normalize({"uid": "mine@example", "title": "Desk offsite", "start": "2027-01-20", "category": "other"})
    submit(store, [other], origin="import")
    polls = poller(store, [ics], clock)
    polls.poll_due()
    publisher.serve_file("/schedule.ics", "release-schedule-revised.ics", ICS)
    clock.advance(timedelta(hours=1))
    [outcome] = polls.poll_due()
    assert (outcome.cancelled, outcome.updated, outcome.added) == (1, 1, 0)
    ppi = store.get("ppi-2027-01@stats.example.gov")
    assert ppi is not None and ppi.status == "cancelled" and ppi.revision == 2
    cpi = store.get("cpi-2027-01@stats.example.gov")
    assert cpi is not None and cpi.start_at == datetime(2027, 1, 15, 13, 30) and cpi.revision == 2
    mine = store.get("mine@example")
    assert mine is not None and mine.status == "confirmed"  # only what this source brought is cancelled
    feed = b"".join(render_calendar(store.list_events())).decode()
    block = feed.split("UID:ppi-2027-01@stats.example.gov", 1)[1].split("END:VEVENT", 1)[0]
    assert "STATUS:CANCELLED" in block and "SEQUENCE:1" in block

    clock.advance(timedelta(hours=1))
    publisher.routes["/schedule.ics"].body += b"\r\n"  # a new ETag, the same events: nothing changes
    version = store.data_version()
    [again] = polls.poll_due()
    assert again.outcome == "unchanged" and again.items == 5 and store.data_version() == version
    clock.advance(timedelta(hours=1))
    publisher.routes["/schedule.ics"].validators = False  # no ETag: the same body the same day is not read again
    [same] = polls.poll_due()
    assert (same.outcome, same.items) == ("unchanged", 0) and publisher.statuses("/schedule.ics")[-1] == 200


def test_an_ics_source_under_review_proposes_its_events(store: EventStore, publisher: Publisher, clock: Clock) -> None:
    ics = source(publisher, "/schedule.ics", kind="ics", accept="review", every="1h")
    polls = poller(store, [ics], clock)
    [outcome] = polls.poll_due()
    assert (outcome.proposals, outcome.added) == (6, 0) and store.count(proposed=False) == 0
    accepted = accept(store, "cpi-2027-01@stats.example.gov")
    assert accepted.status == "confirmed"
    publisher.serve_file("/schedule.ics", "release-schedule-revised.ics", ICS)
    clock.advance(timedelta(hours=1))
    [again] = polls.poll_due()
    moved = store.get("cpi-2027-01@stats.example.gov")
    assert moved is not None and moved.status == "confirmed" and moved.start_at == datetime(2027, 1, 15, 13, 30)  # accepted: follows upstream
    assert again.updated == 1 and store.count(proposed=False) == 1


def test_a_malformed_calendar_changes_nothing_and_backs_off(store: EventStore, publisher: Publisher, clock: Clock) -> None:
    ics = source(publisher, "/schedule.ics", kind="ics", every="6h")
    polls = poller(store, [ics], clock)
    polls.poll_due()
    version = store.data_version()
    publisher.serve_file("/schedule.ics", "malformed.ics", ICS)
    clock.advance(timedelta(hours=6))
    [outcome] = polls.poll_due()
    assert outcome.outcome == "error" and "BEGIN:VEVENT" in outcome.error and "line" in outcome.error
    assert store.data_version() == version
    assert {e.uid for e in store.list_events()} == UIDS and all(e.revision == 1 for e in store.list_events())
    state = SourceStates(store.engine).get("schedule")
    assert state is not None and state.failures == 1 and state.last_error == outcome.error
    assert state.next_poll_at == clock.now + timedelta(seconds=60 * 1.125)  # one minute, jitter 0.5 of a quarter
    assert state.last_success_at == clock.now - timedelta(hours=6)


def test_backoff_doubles_up_to_the_interval_with_jitter() -> None:
    every = timedelta(hours=1)
    assert [backoff(n, every, lambda: 0.0) for n in (1, 2, 3)] == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]
    assert backoff(30, every, lambda: 0.0) == every
    assert backoff(1, every, lambda: 1.0) == timedelta(minutes=1, seconds=15)
    assert backoff(1, timedelta(seconds=2), lambda: 0.0) == timedelta(seconds=2)


def test_feed_items_become_proposals_and_are_read_once(store: EventStore, publisher: Publisher, clock: Clock) -> None:
    rss = source(publisher, "/macro.rss", kind="feed", every="30m")
    assert rss.accept == "review"
    polls = poller(store, [rss], clock)
    [outcome] = polls.poll_due()
    assert outcome.items == 2 and outcome.proposals >= 3 and outcome.added == 0
    assert publisher.hits["/articles/zh-week-ahead.html"] == 1  # the summary-only item's link was read
    assert publisher.hits["/articles/zh-lpr.html"] == 0  # the item carried its whole text
    proposals = store.list_events(flt=_proposed())
    titles = {e.title for e in proposals}
    assert "国家统计局发布2026年12月CPI和PPI" in titles and any("LPR" in t or "贷款市场报价利率" in t for t in titles)
    cpi = next(e for e in proposals if e.title == "国家统计局发布2026年12月CPI和PPI")
    assert cpi.start_at == datetime(2027, 1, 9, 1, 30) and cpi.timezone == "Asia/Shanghai"
    assert cpi.sources[0]["outlet"] == "示例财经网 - 宏观要闻" and cpi.sources[0]["published"] == "2027-01-03T12:15:00Z"
    assert store.count(proposed=False) == 0  # nothing reaches the feed before review

    clock.advance(timedelta(minutes=30))
    publisher.routes["/macro.rss"].validators = False  # a server without validators: the items are remembered
    [again] = polls.poll_due()
    assert again.items == 0 and again.outcome == "unchanged"
    assert publisher.hits["/articles/zh-week-ahead.html"] == 1


def test_an_item_whose_page_cannot_be_read_is_read_at_the_next_poll(store: EventStore, publisher: Publisher, clock: Clock) -> None:
    rss = source(publisher, "/macro.rss", kind="feed", every="30m")
    page = publisher.routes["/articles/zh-week-ahead.html"]
    publisher.routes["/articles/zh-week-ahead.html"] = Route(b"busy", status=503)
    polls = poller(store, [rss], clock)
    [first] = polls.poll_due()
    assert first.items == 1 and first.outcome == "changed"  # the item with its whole text
    publisher.routes["/articles/zh-week-ahead.html"] = page
    clock.advance(timedelta(minutes=30))
    [second] = polls.poll_due()
    assert second.items == 1 and publisher.statuses("/macro.rss") == [200, 200]  # no 304: the feed is read again
    assert any(e.title == "国家统计局发布2026年12月CPI和PPI" for e in store.list_events(flt=_proposed()))


def test_confident_feed_candidates_are_stored_as_events_with_auto_accept(store: EventStore, publisher: Publisher, clock: Clock) -> None:
    rss = source(publisher, "/macro.rss", kind="feed", accept="auto", min_confidence=0.75, authority="news")
    polls = poller(store, [rss], clock)
    [outcome] = polls.poll_due()
    published = store.list_events()
    assert outcome.added == len(published) >= 3 and outcome.proposals >= 1
    assert all(e.status != PROPOSED and e.extra["confidence"] >= 0.75 for e in published)
    assert all(e.extra["confidence"] < 0.75 for e in store.list_events(flt=_proposed()))
    assert {e.extra["polled_from"] for e in published} == {"macro"}


def test_atom_feed_in_english_and_a_changed_page(store: EventStore, publisher: Publisher, clock: Clock) -> None:
    atom = source(publisher, "/economy.atom", kind="feed", every="1h")
    page = source(publisher, "/articles/en-week-ahead.html", kind="page", every="1h", importance=3)
    publisher.routes["/articles/en-week-ahead.html"].validators = False
    polls = poller(store, [atom, page], clock)
    outcomes = {o.name: o for o in polls.poll_due()}
    assert outcomes["economy"].items == 1 and publisher.hits["/articles/en-week-ahead.html"] == 1  # the page source only
    jobs = [e for e in store.list_events(flt=_proposed()) if "jobs report" in e.title]
    assert jobs and jobs[0].start_at == datetime(2027, 1, 8, 13, 30) and jobs[0].timezone == "America/New_York"
    titles = " ".join(e.title for e in store.list_events(flt=_proposed()))
    assert "Subscribe" not in titles and "newsletter" not in titles.lower()  # the page's boilerplate was not read

    clock.advance(timedelta(hours=1))
    version = store.data_version()
    again = {o.name: o for o in polls.poll_due()}
    assert again["en-week-ahead"].outcome == "unchanged" and store.data_version() == version
    body = publisher.routes["/articles/en-week-ahead.html"].body
    publisher.routes["/articles/en-week-ahead.html"].body = body.replace(b"on January 6 after", b"on January 7 after")
    clock.advance(timedelta(hours=1))
    changed = {o.name: o for o in polls.poll_due()}
    assert changed["en-week-ahead"].outcome == "changed" and changed["en-week-ahead"].items == 1


def _proposed() -> Any:
    from calendar_daemon.store.events import EventFilter

    return EventFilter(statuses=(PROPOSED,))


def test_source_tables_are_checked_naming_index_name_and_key() -> None:
    with pytest.raises(ConfigError, match=r"key 'sources.1.every' \(name 'b'\): bad duration 'soon'"):
        parse_config({"sources": [{"name": "a", "url": "https://a.example/x.ics", "kind": "ics"},
                                  {"name": "b", "url": "https://b.example/", "kind": "feed", "every": "soon"}]}, "t.toml")  # fmt: skip
    with pytest.raises(ConfigError, match="source name 'a' is used more than once"):
        parse_config({"sources": [{"name": "a", "url": "https://a.example/", "kind": "page"}] * 2}, "t.toml")
    config = parse_config({"sources": [{"name": "cal", "url": "webcal://cal.example/x.ics", "kind": "ics"}]}, "t.toml")
    assert config.sources[0].fetch_url == "https://cal.example/x.ics" and config.sources[0].accept == "auto"


def test_without_readability_a_page_is_read_whole_and_its_dates_still_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """The `articles` extra is optional: without it the whole page's text is read."""
    import sys

    from calendar_daemon.sources.web_article import page_article
    from tests.sources_server import FIXTURES

    html = (FIXTURES / "article-en.html").read_text(encoding="utf-8")
    fetched = datetime(2027, 1, 4, tzinfo=UTC)
    with_reader = page_article(html, url="https://markets.example.com/a", fallback_outlet="x", fetched_at=fetched)
    monkeypatch.setitem(sys.modules, "readability", None)  # as if the extra were not installed
    whole = page_article(html, url="https://markets.example.com/a", fallback_outlet="x", fetched_at=fetched)
    assert "Sign up for our morning briefing" in whole.text and "Sign up for our morning briefing" not in with_reader.text
    assert whole.headline == "Week ahead: jobs report and CPI test the rate outlook | Example Markets"
    assert whole.outlet == with_reader.outlet == "Example Markets" and whole.published == with_reader.published
    titles = {p.candidate.title for p in propose([whole])}
    assert "Labor Department jobs report" in titles
