"""Named and private feeds ([[feeds]]) on the real daemon: 404 hiding, filters, caching."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from icalendar import Calendar

from calendar_daemon.config.settings import iter_table_arrays, parse_config
from calendar_daemon.exceptions import ConfigError
from tests.helpers import REPO_ROOT, DaemonProcess, free_port, write_config

FEED_TOKEN = "desk-feed-token-5f2a9c71e0"
API_TOKEN = "api-token-for-feed-tests-123"

FEEDS_TOML = f"""
[api]
tokens = ["{API_TOKEN}"]

[[feeds]]
name = "ipo-watch"
categories = ["ipo"]

[[feeds]]
name = "desk"
regions = ["us"]
min_importance = 2
entities = ["Micron", "Federal Reserve"]
token = "{FEED_TOKEN}"
"""


def seed_yaml() -> str:
    day = (datetime.now(UTC) + timedelta(days=10)).date()
    rows = [
        ("pf-fomc", "FOMC decision", "central_bank", "US", 3, ["Federal Reserve"]),
        ("pf-micron", "Micron earnings", "earnings", "US", 2, ["Micron"]),
        ("pf-micron-minor", "Micron analyst day", "corporate", "US", 1, ["Micron"]),
        ("pf-nvidia", "Nvidia earnings", "earnings", "US", 3, ["Nvidia"]),
        ("pf-ipo", "Zhipu listing", "ipo", "HK", 2, ["Zhipu"]),
        ("pf-boj", "BoJ decision", "central_bank", "JP", 3, ["Bank of Japan"]),
    ]
    lines = ["source: {outlet: Test desk, published: '2026-01-01T00:00:00+08:00'}", "events:"]
    for uid, title, category, region, importance, entities in rows:
        lines += [
            f"  - uid: {uid}@test", f"    title: {title}", f"    category: {category}", f"    region: {region}",
            f"    importance: {importance}", f"    entities: {entities!r}", f"    start: {day.isoformat()}",
        ]  # fmt: skip
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DaemonProcess]:
    root = tmp_path_factory.mktemp("feeds")
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / "events.yaml").write_text(seed_yaml(), encoding="utf-8")
    config = write_config(root / "calendar-daemon.toml", port=free_port(), seeds_path=seeds, extra=FEEDS_TOML)
    with DaemonProcess(config, f"sqlite:///{root / 'calendar.db'}") as process:
        yield process


def uids(response: httpx.Response) -> set[str]:
    return {str(c["UID"]) for c in Calendar.from_ical(response.content).walk("VEVENT")}


def test_private_feed_answers_404_without_the_right_token(server: DaemonProcess) -> None:
    for path in ("/feeds/desk.ics", "/feeds/desk.ics?token=", "/feeds/desk.ics?token=wrong-token-wrong-token",
                 f"/feeds/desk.ics?token={FEED_TOKEN}x", f"/feeds/unknown.ics?token={FEED_TOKEN}", "/feeds/unknown.ics"):
        response = server.get(path)
        assert response.status_code == 404, path
        assert response.text == "not found"  # the same answer whether the name exists or not
        assert "BEGIN:VCALENDAR" not in response.text
    assert FEED_TOKEN not in server.log()


def test_private_feed_with_token_is_filtered(server: DaemonProcess) -> None:
    response = server.get(f"/feeds/desk.ics?token={FEED_TOKEN}")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/calendar")
    assert "private" in response.headers["Cache-Control"]
    # region US, importance >= 2, and naming Micron or the Federal Reserve
    assert uids(response) == {"pf-fomc@test", "pf-micron@test"}


def test_public_named_feed(server: DaemonProcess) -> None:
    response = server.get("/feeds/ipo-watch.ics")
    assert response.status_code == 200
    assert uids(response) == {"pf-ipo@test"}
    assert server.get("/feeds/ipo-watch.ics?token=anything").status_code == 200


def test_named_feed_caching_follows_calendar_ics(server: DaemonProcess) -> None:
    url = f"/feeds/desk.ics?token={FEED_TOKEN}"
    first = server.get(url)
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert server.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert server.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    head = httpx.head(server.base_url + url, timeout=10)
    assert head.status_code == 200 and head.headers["ETag"] == etag

    # An unrelated change leaves this feed's ETag alone; a matching one changes it.
    auth = {"Authorization": f"Bearer {API_TOKEN}"}
    day = (datetime.now(UTC) + timedelta(days=12)).date().isoformat()
    unrelated = {"uid": "pf-new-ipo@test", "title": "Another listing", "category": "ipo", "region": "HK", "start": day}
    assert httpx.post(server.base_url + "/api/v1/events", json=unrelated, headers=auth, timeout=10).status_code == 201
    assert server.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert uids(server.get("/feeds/ipo-watch.ics")) == {"pf-ipo@test", "pf-new-ipo@test"}

    matching = {"uid": "pf-fed-minutes@test", "title": "FOMC minutes", "category": "central_bank", "region": "US",
                "importance": 2, "entities": ["Federal Reserve"], "start": day}  # fmt: skip
    assert httpx.post(server.base_url + "/api/v1/events", json=matching, headers=auth, timeout=10).status_code == 201
    changed = server.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    assert "pf-fed-minutes@test" in uids(changed)


def test_feed_config_is_validated() -> None:
    with pytest.raises(ConfigError, match="used more than once"):
        parse_config({"feeds": [{"name": "a"}, {"name": "a"}]}, "test.toml")
    with pytest.raises(ConfigError, match="16 characters"):
        parse_config({"feeds": [{"name": "a", "token": "short"}]}, "test.toml")
    with pytest.raises(ConfigError, match="unknown category"):
        parse_config({"feeds": [{"name": "a", "categories": ["astrology"]}]}, "test.toml")
    with pytest.raises(ConfigError, match=r"feeds\.0\.name"):
        parse_config({"feeds": [{"name": "../etc"}]}, "test.toml")
    with pytest.raises(ConfigError, match="16 characters"):
        parse_config({"api": {"tokens": ["tiny"]}}, "test.toml")
    config = parse_config({"feeds": [{"name": "desk", "token": FEED_TOKEN}], "api": {"tokens": [API_TOKEN]}}, "t")
    assert FEED_TOKEN not in repr(config) and API_TOKEN not in repr(config)


def test_feed_tokens_from_environment_and_shipped_example(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_TOKEN_FOR_TEST", FEED_TOKEN)
    config = parse_config({"feeds": [{"name": "desk", "token": "${DESK_TOKEN_FOR_TEST}"}]}, "t.toml")
    assert config.feeds[0].token == FEED_TOKEN
    monkeypatch.delenv("DESK_TOKEN_FOR_TEST")
    with pytest.raises(ConfigError, match="DESK_TOKEN_FOR_TEST is not set"):
        parse_config({"feeds": [{"name": "desk", "token": "${DESK_TOKEN_FOR_TEST}"}]}, "t.toml")
    shipped = (REPO_ROOT / "config" / "calendar-daemon.toml").read_text(encoding="utf-8")
    for array, keys in iter_table_arrays():
        assert f"# [[{array}]]" in shipped
        for key, _default, help_text in keys:
            assert f"# {key} = " in shipped, f"[[{array}]] {key} is not in the shipped example"
            assert help_text


def test_each_feed_is_named_after_its_filter_in_the_client(server: DaemonProcess) -> None:
    def name(path: str) -> tuple[str, str]:
        calendar = Calendar.from_ical(server.get(path).content)
        return str(calendar["NAME"]), str(calendar["X-WR-CALNAME"])

    assert name("/calendar.ics") == ("Market calendar", "Market calendar")
    assert name("/feeds/ipo-watch.ics") == ("Market calendar · ipo-watch",) * 2
    assert name("/calendar.ics?category=ipo&region=US&min_importance=2") == (
        "Market calendar · ipo · US · importance ≥ 2",
    ) * 2
