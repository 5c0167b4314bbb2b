"""Several daemons on one PostgreSQL database serve the same feed, and see each other's changes."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from tests.conftest import FIXTURES
from tests.helpers import DaemonProcess, free_port, invoke_cli, write_config
from tests.receiver import Receiver
from tests.replica_load import alert_config


def test_replicas_share_changes_and_etags(tmp_path: Path, pg_url: str) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    a_config, b_config = (write_config(tmp_path / f"{name}.toml", port=free_port(), seeds_path=seeds, poll_seconds=0.2)
                          for name in ("a", "b"))
    with DaemonProcess(a_config, pg_url) as a, DaemonProcess(b_config, pg_url) as b:
        empty = b.get("/calendar.ics").headers["etag"]
        assert invoke_cli("import", str(FIXTURES / "week_ahead.ics"), str(FIXTURES / "events.json"), db=pg_url).returncode == 0
        deadline = time.monotonic() + 10
        while b.get("/calendar.ics").headers["etag"] == empty and time.monotonic() < deadline:
            time.sleep(0.1)
        first_a, first_b = a.get("/calendar.ics"), b.get("/calendar.ics")
        assert first_b.headers["etag"] != empty
        assert first_a.content == first_b.content
        assert first_a.headers["etag"] == first_b.headers["etag"]
        assert b.get("/calendar.ics", headers={"If-None-Match": first_a.headers["etag"]}).status_code == 304
        assert b"UID:json-boj@example.com" in first_b.content


def test_a_write_through_replica_a_is_alerted_by_replica_b(tmp_path: Path, pg_url: str) -> None:
    """A serves the feed and the API only; B sends alerts. An event created through A's API is
    planned and sent by B within seconds, both serve the same ETag, and each reports who it is."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    token = "replica-token-0123456789"
    with Receiver() as hook:
        a_config = write_config(tmp_path / "a.toml", port=free_port(), seeds_path=seeds, poll_seconds=0.2,
                                extra=f'[display]\nlocale = "en"\ntimezone = "UTC"\n\n[api]\ntokens = ["{token}"]\n')  # fmt: skip
        # Replicas share [display] (as B's): the feed's DESCRIPTION is worded in its locale.
        b_config = alert_config(tmp_path / "b.toml", receiver_url=hook.url, seeds=seeds, lease_seconds=5, replica_id="replica-b")
        with DaemonProcess(a_config, pg_url) as a, DaemonProcess(b_config, pg_url) as b:
            start = (datetime.now(UTC) + timedelta(seconds=66)).replace(microsecond=0)  # B's 1-minute alert falls due in ~6 s
            body = {
                "uid": "moved-by-a@test", "title": "Written on A", "category": "macro_data", "region": "US",
                "importance": 3, "start": start.isoformat(timespec="seconds"), "timezone": "UTC",
            }  # fmt: skip
            created = httpx.post(a.base_url + "/api/v1/events", json=body, headers={"Authorization": f"Bearer {token}"})
            assert created.status_code == 201, created.text
            messages = hook.wait_for(1, timeout=20)
            assert [m["title"] for m in messages] == ["[Reminder] Written on A"]
            assert time.time() >= start.timestamp() - 60 - 0.5  # sent at its due time, not before
            feed_a, feed_b = a.get("/calendar.ics"), b.get("/calendar.ics")
            assert feed_a.headers["etag"] == feed_b.headers["etag"] and feed_a.content == feed_b.content
            health_a, health_b = a.get("/healthz").json(), b.get("/healthz").json()
            assert health_b["backend"] == "postgresql" and health_b["database"] == "ok"
            assert health_b["replica"] == {"id": "replica-b", "role": "feed+alerts"}
            assert health_b["alerts"]["claim_prefix"].startswith("replica-b:")
            assert health_a["replica"]["role"] == "feed" and health_a["replica"]["id"].endswith(f":{a.process.pid}")  # type: ignore[union-attr]
            metrics = b.get("/metrics").text
            assert 'calendar_daemon_alerts_total{channel="desk",kind="alert",outcome="sent",replica="replica-b"} 1.0' in metrics
