"""The JSON API against the real daemon: auth, writes through the feed, validation, filters, pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from icalendar import Calendar

from calendar_daemon.domain.records import normalize
from calendar_daemon.domain.vocabulary import PROPOSED
from calendar_daemon.intake.submit import submit
from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventStore
from tests.helpers import DaemonProcess, free_port, write_config

TOKEN = "test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DaemonProcess]:
    root = tmp_path_factory.mktemp("api")
    seeds = root / "seeds"
    seeds.mkdir()
    extra = f'[api]\ntokens = ["{TOKEN}"]\n\n[display]\ntimezone = "Asia/Shanghai"\nlocale = "en"\n'
    config = write_config(root / "calendar-daemon.toml", port=free_port(), seeds_path=seeds, extra=extra)
    with DaemonProcess(config, f"sqlite:///{root / 'calendar.db'}") as process:
        yield process


def api(server: DaemonProcess, method: str, path: str, **kwargs: Any) -> httpx.Response:
    return httpx.request(method, server.base_url + path, timeout=10, **kwargs)


def feed_events(server: DaemonProcess) -> dict[str, Any]:
    response = server.get("/calendar.ics")
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    return {str(component["UID"]): component for component in calendar.walk("VEVENT")}


def event_body(uid: str, **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "uid": uid, "title": f"Event {uid}", "category": "macro_data", "region": "US", "importance": 2,
        "start": "2027-03-10T08:30:00-05:00", "timezone": "America/New_York",
        "sources": [{"outlet": "Test outlet", "headline": "A headline", "published": "2027-03-01T09:00:00+08:00"}],
    }  # fmt: skip
    body.update(fields)
    return body


def test_writes_need_a_valid_token(server: DaemonProcess) -> None:
    body = event_body("auth-check@test")
    missing = api(server, "POST", "/api/v1/events", json=body)
    assert missing.status_code == 401
    assert missing.headers["WWW-Authenticate"].startswith("Bearer")
    wrong = api(server, "POST", "/api/v1/events", json=body, headers={"Authorization": "Bearer not-the-token-at-all"})
    assert wrong.status_code == 401
    assert "invalid_token" in wrong.headers["WWW-Authenticate"]
    basic = api(server, "POST", "/api/v1/events", json=body, headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert basic.status_code == 401
    for method in ("PUT", "PATCH", "DELETE"):
        assert api(server, method, "/api/v1/events/auth-check@test", json=body).status_code == 401
    assert api(server, "POST", "/api/v1/events/auth-check@test/cancel").status_code == 401
    assert api(server, "GET", "/api/v1/events/auth-check@test").status_code == 404
    assert "auth-check@test" not in feed_events(server)


def test_create_is_in_feed_and_updates_raise_sequence(server: DaemonProcess) -> None:
    created = api(server, "POST", "/api/v1/events", json=event_body("cpi-2027-02@test", title="US CPI (Feb)"), headers=AUTH)
    assert created.status_code == 201, created.text
    assert created.headers["Location"] == "/api/v1/events/cpi-2027-02@test"
    data = created.json()
    assert data["start"] == "2027-03-10T08:30:00-05:00"  # shown in the event's own zone
    assert data["revision"] == 1
    assert api(server, "GET", created.headers["Location"]).json() == data
    vevent = feed_events(server)["cpi-2027-02@test"]
    assert str(vevent["SUMMARY"]).endswith("US CPI (Feb)")
    first_sequence = int(vevent.get("SEQUENCE", 0))

    again = api(server, "POST", "/api/v1/events", json=event_body("cpi-2027-02@test"), headers=AUTH)
    assert again.status_code == 409

    replaced = api(server, "PUT", "/api/v1/events/cpi-2027-02@test",
                   json=event_body("cpi-2027-02@test", title="US CPI (February)", importance=3), headers=AUTH)  # fmt: skip
    assert replaced.status_code == 200, replaced.text
    assert replaced.json()["revision"] == 2
    vevent = feed_events(server)["cpi-2027-02@test"]
    assert int(vevent["SEQUENCE"]) > first_sequence
    assert "US CPI (February)" in str(vevent["SUMMARY"])
    second_sequence = int(vevent["SEQUENCE"])

    patched = api(server, "PATCH", "/api/v1/events/cpi-2027-02@test", json={"start": "2027-03-15T08:30:00"}, headers=AUTH)
    assert patched.status_code == 200, patched.text
    assert patched.json()["start"] == "2027-03-15T08:30:00-04:00"  # naive wall clock in New York, after DST began
    assert patched.json()["title"] == "US CPI (February)"  # other fields kept
    assert patched.json()["importance"] == 3
    vevent = feed_events(server)["cpi-2027-02@test"]
    assert int(vevent["SEQUENCE"]) > second_sequence
    assert vevent.decoded("DTSTART").isoformat() == "2027-03-15T12:30:00+00:00"

    mismatch = api(server, "PUT", "/api/v1/events/cpi-2027-02@test", json=event_body("other@test"), headers=AUTH)
    assert mismatch.status_code == 422
    assert api(server, "PUT", "/api/v1/events/nope@test", json=event_body("nope@test"), headers=AUTH).status_code == 404


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"category": "astrology"}, "category"),
        ({"start": "next tuesday"}, "start"),
        ({"importance": 7}, "importance"),
        ({"end": "2027-03-09T08:00:00"}, "end"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"title": ""}, "title"),
        ({"colour": "red"}, "colour"),
        ({"precision": "quarter", "start": "2027-02-01"}, "start"),
    ],
)
def test_bad_input_is_422_with_field_errors(server: DaemonProcess, changes: dict[str, Any], field: str) -> None:
    uid = f"bad-{field}@test"
    response = api(server, "POST", "/api/v1/events", json=event_body(uid, **changes), headers=AUTH)
    assert response.status_code == 422, response.text
    body = response.json()
    assert field in [error["field"] for error in body["errors"]], body
    assert api(server, "GET", f"/api/v1/events/{uid}").status_code == 404


def test_malformed_bodies_are_422_and_large_ones_413(server: DaemonProcess) -> None:
    headers = {**AUTH, "Content-Type": "application/json"}
    assert api(server, "POST", "/api/v1/events", content=b"{not json", headers=headers).status_code == 422
    assert api(server, "POST", "/api/v1/events", content=b"[1, 2]", headers=headers).status_code == 422
    lone_surrogate = b'{"title": "\\ud800", "start": "2027-01-01"}'
    assert api(server, "POST", "/api/v1/events", content=lone_surrogate, headers=headers).status_code == 422
    huge = b'{"title": "' + b"x" * 1_100_000 + b'", "start": "2027-01-01"}'
    assert api(server, "POST", "/api/v1/events", content=huge, headers=headers).status_code == 413

    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b"x" * 40_000

    assert api(server, "POST", "/api/v1/events", content=chunks(), headers=headers).status_code == 413


def test_filters_and_pagination(server: DaemonProcess) -> None:
    specs = [
        ("flt-1@test", "central_bank", "US", 3, "2027-06-16T14:00:00-04:00", ["Federal Reserve"]),
        ("flt-2@test", "central_bank", "CN", 2, "2027-06-20", ["PBoC"]),
        ("flt-3@test", "ipo", "HK", 1, "2027-06-22", ["Zhipu"]),
        ("flt-4@test", "earnings", "US", 2, "2027-07-15", ["Micron"]),
        ("flt-5@test", "macro_data", "CN", 3, "2027-07-31", ["NBS"]),
    ]
    for uid, category, region, importance, start, entities in specs:
        body = event_body(uid, category=category, region=region, importance=importance, start=start,
                          entities=entities, timezone="Asia/Shanghai", title=f"Filter test {uid}")  # fmt: skip
        assert api(server, "POST", "/api/v1/events", json=body, headers=AUTH).status_code == 201

    def uids(**params: Any) -> list[str]:
        response = api(server, "GET", "/api/v1/events", params={"q": "Filter test", **params})
        assert response.status_code == 200, response.text
        return [event["uid"] for event in response.json()["events"]]

    assert uids() == [s[0] for s in specs]
    assert uids(category="central_bank") == ["flt-1@test", "flt-2@test"]
    assert uids(category="central_bank,ipo", region="cn") == ["flt-2@test"]
    assert uids(min_importance=3) == ["flt-1@test", "flt-5@test"]
    assert uids(entity="micron") == ["flt-4@test"]
    assert uids(**{"from": "2027-07-01"}) == ["flt-4@test", "flt-5@test"]
    assert uids(**{"from": "2027-06-20", "to": "2027-06-23"}) == ["flt-2@test", "flt-3@test"]
    assert uids(**{"to": "2027-06-17T02:00:00+08:00"}) == []  # the FOMC starts 02:00 Beijing time on the 17th
    assert uids(**{"to": "2027-06-17T02:00:01+08:00"}) == ["flt-1@test"]

    pages = []
    for offset in range(0, 5, 2):
        response = api(server, "GET", "/api/v1/events", params={"q": "Filter test", "limit": 2, "offset": offset})
        body = response.json()
        assert body["total"] == 5
        assert (body["limit"], body["offset"]) == (2, offset)
        pages.extend(event["uid"] for event in body["events"])
    assert pages == [s[0] for s in specs]

    for params in ({"category": "astrology"}, {"min_importance": "9"}, {"limit": "0"}, {"from": "soon"}):
        response = api(server, "GET", "/api/v1/events", params=params)
        assert response.status_code == 422, params
        assert response.json()["errors"]


def test_cancel_and_delete(server: DaemonProcess) -> None:
    uid = "cancel-me@test"
    assert api(server, "POST", "/api/v1/events", json=event_body(uid), headers=AUTH).status_code == 201
    before = int(feed_events(server)[uid].get("SEQUENCE", 0))
    cancelled = api(server, "POST", f"/api/v1/events/{uid}/cancel", headers=AUTH)
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "cancelled"
    assert cancelled.json()["revision"] == 2
    vevent = feed_events(server)[uid]
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert int(vevent["SEQUENCE"]) > before

    assert api(server, "DELETE", f"/api/v1/events/{uid}", headers=AUTH).status_code == 204
    assert api(server, "GET", f"/api/v1/events/{uid}").status_code == 404
    assert uid not in feed_events(server)
    assert api(server, "DELETE", f"/api/v1/events/{uid}", headers=AUTH).status_code == 404
    assert api(server, "POST", f"/api/v1/events/{uid}/cancel", headers=AUTH).status_code == 404


def test_security_headers_and_no_token_in_logs(server: DaemonProcess) -> None:
    for path in ("/", "/api/v1/events", "/openapi.json", "/api/v1/events/missing@test", "/static/app.js"):
        response = server.get(path)
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
        assert "frame-ancestors 'none'" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert response.headers["X-Frame-Options"] == "DENY"
    missing = server.get("/api/v1/events/missing@test")
    assert missing.status_code == 404 and missing.json() == {"detail": "no event with uid 'missing@test'"}
    assert TOKEN not in Path(server.log_path).read_text(encoding="utf-8")


def test_proposals_are_invisible_to_public_routes(server: DaemonProcess) -> None:
    uid = "proposal-only@test"
    store = EventStore(open_engine(server.db))
    record = normalize(event_body(uid, title="Unreviewed proposal"), source="test")
    submit(store, [record], origin="ingest", status=PROPOSED)
    assert api(server, "GET", f"/api/v1/events/{uid}").status_code == 404
    assert server.get(f"/events/{uid}").status_code == 404
    assert api(server, "POST", f"/api/v1/events/{uid}/cancel", headers=AUTH).status_code == 404
    assert api(server, "PATCH", f"/api/v1/events/{uid}", json={"title": "Published"}, headers=AUTH).status_code == 404
    assert api(server, "DELETE", f"/api/v1/events/{uid}", headers=AUTH).status_code == 404
    stored = store.get(uid)
    assert stored is not None and (stored.status, stored.revision) == (PROPOSED, 1)
    assert uid not in feed_events(server)
    assert uid not in [e["uid"] for e in api(server, "GET", "/api/v1/events", params={"limit": 500}).json()["events"]]
