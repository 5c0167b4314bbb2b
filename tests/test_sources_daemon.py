"""The daemon polling real loopback servers: an official calendar's events reach /calendar.ics after
one poll, the next poll is a 304, an event removed upstream turns CANCELLED with a higher SEQUENCE,
a news feed's items become proposals, and a source that answers 500 and one that hangs show in
`calendar-daemon sources` and /healthz (status "warning") while the daemon keeps serving the feed
and sending alerts."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventStore
from tests.alerting import alert_toml, utcnow, wait_until
from tests.helpers import DaemonProcess, free_port, invoke_cli, write_config
from tests.receiver import Receiver
from tests.sources_server import FIXTURES, Publisher, Route

SECRET = "feed-secret-0123456789"
BROKEN = f"/broken.rss?token={SECRET}"  # a private feed's address: its token never shows


def sources_toml(base: str, every: str = "1h") -> str:
    return f"""
[polling]
timeout_seconds = 2

[[sources]]
name = "stats"
url = "{base}/schedule.ics"
kind = "ics"
authority = "official"
every = "{every}"

[[sources]]
name = "broken"
url = "{base}{BROKEN}"
kind = "feed"

[[sources]]
name = "stuck"
url = "{base}/stuck.ics"
kind = "ics"
"""


YEAR = str(utcnow().year + 1)  # the daemon runs on the real clock: the fixture's releases are moved to next year


def soon_event(start: str, name: str = "release-schedule.ics") -> bytes:
    """A release calendar (its 2027 releases moved to next year, so they are upcoming whenever the test
    runs) with one more release a minute and a few seconds from now (for an alert)."""
    soon = ("BEGIN:VEVENT\r\nUID:soon@stats.example.gov\r\nDTSTAMP:20261201T150000Z\r\n"
            f"DTSTART:{start}\r\nSUMMARY:Flash estimate\r\nCATEGORIES:macro_data\r\nEND:VEVENT\r\n")  # fmt: skip
    body = (FIXTURES / name).read_bytes().replace(b"2027", YEAR.encode())
    return body.replace(b"END:VCALENDAR", soon.encode() + b"END:VCALENDAR")


def vevent(feed: bytes, uid: str) -> str:
    return feed.decode().split(f"UID:{uid}", 1)[1].split("END:VEVENT", 1)[0]


def test_daemon_polls_sources_and_reports_the_failing_ones(tmp_path: Path, db_url: str) -> None:
    with Publisher() as publisher, Receiver() as hook:
        start = (utcnow() + timedelta(seconds=66)).strftime("%Y%m%dT%H%M%SZ")
        publisher.routes["/schedule.ics"] = Route(soon_event(start), "text/calendar")
        publisher.serve_file("/macro.rss", "news-zh.rss", "application/rss+xml; charset=utf-8")
        publisher.serve_file("/articles/zh-week-ahead.html", "article-zh.html", "text/html; charset=utf-8")
        publisher.routes[BROKEN] = Route(b"upstream error", status=500)
        publisher.routes["/stuck.ics"] = Route(hang=True)
        seeds = tmp_path / "no-seeds"
        seeds.mkdir()
        extra = alert_toml([{"name": "hook", "url": hook.url}], [{"name": "all", "channels": ["hook"], "before": ["1m"]}],
                           {"tick_seconds": 0.2}) + sources_toml(publisher.base, every="2s")  # fmt: skip
        extra += f'\n[[sources]]\nname = "macro"\nurl = "{publisher.base}/macro.rss"\nkind = "feed"\nevery = "1h"\n'
        config = write_config(tmp_path / "calendar-daemon.toml", port=free_port(), seeds_path=seeds, extra=extra)
        with DaemonProcess(config, db_url) as daemon:
            ppi = f"ppi-{YEAR}-01@stats.example.gov"
            feed = daemon.wait_for_feed(f"UID:empsit-{YEAR}-01@stats.example.gov")
            assert b"UID:soon@stats.example.gov" in feed.content and f"UID:jolts-{YEAR}-{YEAR}0".encode() in feed.content  # RRULE expanded
            assert "SEQUENCE:0" in vevent(feed.content, ppi)
            wait_until(lambda: 304 in publisher.statuses("/schedule.ics"))  # the next poll: not modified
            wait_until(lambda: publisher.hits["/stuck.ics"] >= 1)
            assert daemon.get("/calendar.ics").status_code == 200  # served while a fetch hangs
            publisher.routes["/schedule.ics"] = Route(soon_event(start, "release-schedule-revised.ics"), "text/calendar")
            wait_until(lambda: "STATUS:CANCELLED" in vevent(daemon.get("/calendar.ics").content, ppi))
            assert "SEQUENCE:1" in vevent(daemon.get("/calendar.ics").content, ppi)
            health = wait_until(lambda: _failing(daemon.get("/healthz").json()), timeout=20)
            assert SECRET not in json.dumps(health)
            assert health["status"] == "warning"
            failing = {s["name"]: s["error"] for s in health["sources"]["failing"]}
            assert set(failing) == {"broken", "stuck"} and "HTTP 500" in failing["broken"] and "timed out" in failing["stuck"]
            wait_until(lambda: hook.messages, timeout=30)  # and the alert of the polled event goes out
            assert "Flash estimate" in json.dumps(hook.messages, ensure_ascii=False)
            proposals = json.loads(invoke_cli("review", "--json", config=config, db=db_url).stdout)
            assert any(p["title"] == "国家统计局发布2026年12月CPI和PPI" for p in proposals)
            assert b"CPI\xe5\x92\x8cPPI" not in daemon.get("/calendar.ics").content  # proposals stay out of the feed
            listed = invoke_cli("sources", "--json", config=config, db=db_url)
            assert listed.returncode == 0, listed.stderr
            assert SECRET not in listed.stdout
            rows = {row["name"]: row for row in json.loads(listed.stdout)}
            assert rows["stats"]["added"] == 7 and rows["stats"]["cancelled"] == 1 and not rows["stats"]["failing"]
            assert rows["macro"]["proposals"] >= 3 and rows["broken"]["failing"] and "HTTP 500" in rows["broken"]["last_error"]
            table = invoke_cli("sources", config=config, db=db_url).stdout
            assert table.splitlines()[0].split()[:3] == ["name", "kind", "last"] and "HTTP 500" in table
            metrics = daemon.get("/metrics").text
            assert 'calendar_daemon_source_errors_total{replica=' in metrics and 'source="broken"' in metrics


def _failing(health: dict[str, object]) -> dict[str, object] | None:
    sources = health.get("sources")
    return health if isinstance(sources, dict) and len(sources.get("failing", [])) == 2 else None


def test_sources_poll_polls_now_without_a_daemon(tmp_path: Path, db_url: str) -> None:
    with Publisher() as publisher:
        publisher.routes["/schedule.ics"] = Route((FIXTURES / "release-schedule.ics").read_bytes().replace(b"2027", YEAR.encode()))
        publisher.routes[BROKEN] = Route(b"upstream error", status=500)
        config = tmp_path / "c.toml"
        config.write_text(sources_toml(publisher.base).split("[[sources]]\nname = \"stuck\"")[0], encoding="utf-8")
        one = invoke_cli("sources", "poll", "stats", config=config, db=db_url)
        assert one.returncode == 0, one.stderr
        assert "stats: changed: 6 items, 6 added" in one.stdout
        again = invoke_cli("sources", "poll", config=config, db=db_url)
        assert again.returncode == 1 and "stats: not modified" in again.stdout and "broken: error:" in again.stdout
        assert "HTTP 500" in again.stdout and SECRET not in again.stdout
        unknown = invoke_cli("sources", "poll", "nope", config=config, db=db_url)
        assert unknown.returncode == 2 and "no source named 'nope'" in unknown.stderr
        store = EventStore(open_engine(db_url))
        assert len(store.list_events()) == 6


def test_a_restarted_daemon_takes_back_its_dead_runs_source_claims(tmp_path: Path, db_url: str) -> None:
    from datetime import datetime

    from calendar_daemon.config.settings import parse_config
    from calendar_daemon.daemon import Runtime
    from calendar_daemon.store.source_state import SourceStates

    config = parse_config({"server": {"replica_id": "desk"},
                           "sources": [{"name": "stats", "url": "https://stats.example/x.ics", "kind": "ics"},
                                       {"name": "peer", "url": "https://peer.example/x.ics", "kind": "ics"}]}, "t.toml")  # fmt: skip
    runtime = Runtime.build(config, db_url)
    states = SourceStates(runtime.store.engine)
    states.ensure(["stats", "peer"])
    lease = timedelta(minutes=10)
    assert states.claim("stats", "desk:old-run:0", datetime(2026, 12, 4, 10, 0), lease) is not None
    assert states.claim("peer", "other-host:run:0", datetime(2026, 12, 4, 10, 0), lease) is not None
    runtime.poller("one-off").fetcher.close()  # a one-off command leaves every claim alone
    assert {s.name: s.claimed_by for s in states.all()} == {"stats": "desk:old-run:0", "peer": "other-host:run:0"}
    runtime.poller("new-run", take_back=True).fetcher.close()
    assert {s.name: s.claimed_by for s in states.all()} == {"stats": None, "peer": "other-host:run:0"}
