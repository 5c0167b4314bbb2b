"""Several daemons on one PostgreSQL database serve the same feed, and see each other's changes."""

from __future__ import annotations

import time
from pathlib import Path

from tests.conftest import FIXTURES
from tests.helpers import DaemonProcess, free_port, run_cli, write_config


def test_replicas_share_changes_and_etags(tmp_path: Path, pg_url: str) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    replicas = []
    for name in ("a", "b"):
        config = write_config(tmp_path / f"{name}.toml", port=free_port(), seeds_path=seeds, poll_seconds=0.2)
        replicas.append(DaemonProcess(config, pg_url))
    for replica in replicas:
        replica.start()
    try:
        a, b = replicas
        empty = b.get("/calendar.ics").headers["etag"]
        assert run_cli("import", str(FIXTURES / "week_ahead.ics"), str(FIXTURES / "events.json"), db=pg_url).returncode == 0
        deadline = time.monotonic() + 10
        while b.get("/calendar.ics").headers["etag"] == empty and time.monotonic() < deadline:
            time.sleep(0.1)
        first_a, first_b = a.get("/calendar.ics"), b.get("/calendar.ics")
        assert first_b.headers["etag"] != empty
        assert first_a.content == first_b.content
        assert first_a.headers["etag"] == first_b.headers["etag"]
        assert b.get("/calendar.ics", headers={"If-None-Match": first_a.headers["etag"]}).status_code == 304
        assert b"UID:json-boj@example.com" in first_b.content
    finally:
        for replica in replicas:
            replica.stop()
