"""/metrics on the real daemon: named feeds are counted per feed, proposals are not published events."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from calendar_daemon.domain.records import normalize
from calendar_daemon.domain.vocabulary import PROPOSED
from calendar_daemon.intake.submit import submit
from calendar_daemon.store.events import EventStore
from tests.alerting import add_events, timed_event
from tests.helpers import DaemonProcess, free_port, write_config
from tests.test_alerts_service import samples


def test_metrics_count_named_feeds_and_published_events_only(tmp_path: Path, store: EventStore, db_url: str) -> None:
    later = datetime.now(UTC) + timedelta(days=3)
    add_events(store, timed_event("published", "Published", later))
    proposal = normalize({"region": "US", "category": "macro_data", "importance": 3,
                          **timed_event("proposal", "Proposal", later)})  # fmt: skip
    submit(store, [proposal], origin="ingest", status=PROPOSED)
    seeds = tmp_path / "no-seeds"
    seeds.mkdir()
    config = write_config(tmp_path / "calendar-daemon.toml", port=free_port(), seeds_path=seeds,
                          extra='[[feeds]]\nname = "desk"\nregions = ["us"]\n')  # fmt: skip
    with DaemonProcess(config, db_url) as daemon:
        assert daemon.get("/calendar.ics").status_code == 200
        for _ in range(2):
            assert daemon.get("/feeds/desk.ics").status_code == 200
        assert daemon.get("/feeds/unknown.ics").status_code == 404
        values = samples(daemon.get("/metrics").text)
    feeds = {dict(labels)["feed"]: value for (name, labels), value in values.items()
             if name == "calendar_daemon_feed_requests_total"}  # fmt: skip
    assert feeds == {"/calendar.ics": 1.0, "/feeds/desk.ics": 2.0}
    events = [value for (name, _labels), value in values.items() if name == "calendar_daemon_events"]
    assert events == [1.0]
