"""The served feed: headers, ETag/Last-Modified/304, filters, statuses, and changes from other processes."""

from __future__ import annotations

import time
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

from icalendar import Calendar

from tests.conftest import FIXTURES
from tests.helpers import DaemonProcess, invoke_cli


def wait_for(predicate: object, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


def test_headers_and_calendar_properties(daemon: DaemonProcess) -> None:
    assert invoke_cli("import", str(FIXTURES / "week_ahead.ics"), db=daemon.db).returncode == 0
    daemon.wait_for_feed("desk-lockup-week@example.com")
    response = daemon.get("/calendar.ics", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert "content-encoding" not in response.headers
    assert response.headers["etag"].startswith('"')
    assert parsedate_to_datetime(response.headers["last-modified"])
    calendar = Calendar.from_ical(response.content)
    for prop in ("PRODID", "VERSION", "NAME", "X-WR-CALNAME", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"):
        assert prop in calendar, prop
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    lockup = events["desk-lockup-week@example.com"]
    assert str(lockup["STATUS"]) == "TENTATIVE"
    assert lockup.decoded("DTSTART").isoformat() == "2026-03-23"
    assert lockup.decoded("DTEND").isoformat() == "2026-03-28"  # exclusive end
    fomc = events["desk-fomc-march-2026@example.com"]
    # The default display locale is zh-CN (tests/test_feed_description_locale.py has both).
    assert "重要性：" in str(fomc["DESCRIPTION"]) and "地区：全球 (GLOBAL)" in str(fomc["DESCRIPTION"])
    assert "精度：精确时间" in str(fomc["DESCRIPTION"])
    for event in events.values():
        for prop in ("UID", "DTSTAMP", "SEQUENCE", "LAST-MODIFIED", "CATEGORIES", "STATUS", "DESCRIPTION"):
            assert prop in event, prop


def test_etag_and_304(daemon: DaemonProcess) -> None:
    assert invoke_cli("import", str(FIXTURES / "events.json"), db=daemon.db).returncode == 0
    first = daemon.wait_for_feed("json-ipo@example.com")
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = daemon.get("/calendar.ics")
    assert again.headers["etag"] == etag and again.content == first.content
    not_modified = daemon.get("/calendar.ics", headers={"If-None-Match": etag})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert daemon.get("/calendar.ics", headers={"If-Modified-Since": modified}).status_code == 304
    assert daemon.get("/calendar.ics", headers={"If-None-Match": '"other"'}).status_code == 200
    # If-None-Match wins over If-Modified-Since (RFC 9110).
    assert daemon.get("/calendar.ics", headers={"If-None-Match": '"other"', "If-Modified-Since": modified}).status_code == 200


def test_change_by_another_process_reaches_feed_and_changes_validators(daemon: DaemonProcess, tmp_path: Path) -> None:
    assert invoke_cli("import", str(FIXTURES / "events.json"), db=daemon.db).returncode == 0
    first = daemon.wait_for_feed("json-ipo@example.com")
    old_etag = first.headers["etag"]
    old_modified = parsedate_to_datetime(first.headers["last-modified"])
    time.sleep(1.1)  # Last-Modified has one-second resolution
    edit = tmp_path / "edit.json"
    edit.write_text(
        '[{"uid": "json-ipo@example.com", "title": "某公司新股申购(改期)", "category": "ipo", "region": "CN",'
        ' "start": "2026-03-11", "entities": ["某公司"], "importance": 2}]',
        encoding="utf-8",
    )
    assert invoke_cli("import", str(edit), db=daemon.db).returncode == 0
    wait_for(lambda: daemon.get("/calendar.ics", headers={"If-None-Match": old_etag}).status_code == 200, timeout=5)
    response = daemon.get("/calendar.ics")
    assert response.headers["etag"] != old_etag
    assert parsedate_to_datetime(response.headers["last-modified"]) > old_modified
    stale = format_datetime(old_modified, usegmt=True)
    assert daemon.get("/calendar.ics", headers={"If-Modified-Since": stale}).status_code == 200
    event = next(e for e in Calendar.from_ical(response.content).walk("VEVENT") if str(e["UID"]) == "json-ipo@example.com")
    assert int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART").isoformat() == "2026-03-11"


def test_filters_and_cancelled_events_stay_in_feed(daemon: DaemonProcess, tmp_path: Path) -> None:
    assert invoke_cli("import", str(FIXTURES / "events.json"), str(FIXTURES / "events.csv"), db=daemon.db).returncode == 0
    cancelled = tmp_path / "cancel.yaml"
    cancelled.write_text("- {uid: gone@x, title: Called off, category: policy, region: US, status: cancelled, start: 2026-03-05}\n", encoding="utf-8")
    assert invoke_cli("import", str(cancelled), db=daemon.db).returncode == 0

    def uids(query: str) -> set[str]:
        body = daemon.get("/calendar.ics" + query).content
        return {str(e["UID"]) for e in Calendar.from_ical(body).walk("VEVENT")}

    wait_for(lambda: "gone@x" in uids(""))
    assert uids("?category=central_bank") == {"json-boj@example.com", "csv-ecb@example.com"}
    assert uids("?category=ipo&category=bond") == {"json-ipo@example.com", "csv-bond@example.com"}
    assert uids("?region=cn") == {"json-ipo@example.com", "csv-bond@example.com"}
    assert uids("?min_importance=3") == {"json-boj@example.com", "csv-ecb@example.com"}
    body = daemon.get("/calendar.ics?category=policy").content
    [event] = Calendar.from_ical(body).walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"
    bad = daemon.get("/calendar.ics?category=gossip")
    assert bad.status_code == 400 and "unknown category" in bad.text
