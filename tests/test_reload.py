"""SIGHUP on the real daemon: API and feed tokens reload at once; the log names what needs a restart."""

from __future__ import annotations

import signal
from datetime import timedelta
from pathlib import Path

import httpx

from calendar_daemon.store.events import EventStore
from tests.alerting import add_events, daemon_config, timed_event, utcnow, wait_until
from tests.helpers import DaemonProcess, free_port, write_config
from tests.receiver import Receiver
from tests.test_api import event_body

OLD_API = "old-api-token-0123456789"
NEW_API = "new-api-token-0123456789"
OLD_FEED = "old-feed-token-0123456789"
NEW_FEED = "new-feed-token-0123456789"


def _extra(api_token: str, feed_token: str) -> str:
    return (f'[api]\ntokens = ["{api_token}"]\n\n[display]\nlocale = "en"\n\n'
            f'[[feeds]]\nname = "desk"\ntoken = "{feed_token}"\n')  # fmt: skip


def _post(daemon: DaemonProcess, uid: str, token: str) -> int:
    response = httpx.post(f"{daemon.base_url}/api/v1/events", json=event_body(uid),
                          headers={"Authorization": f"Bearer {token}"}, timeout=10)  # fmt: skip
    return response.status_code


def test_sighup_reloads_api_and_feed_tokens(tmp_path: Path, db_url: str) -> None:
    seeds = tmp_path / "no-seeds"
    seeds.mkdir()
    config = tmp_path / "calendar-daemon.toml"
    port = free_port()
    write_config(config, port=port, seeds_path=seeds, extra=_extra(OLD_API, OLD_FEED))
    with DaemonProcess(config, db_url) as daemon:
        assert _post(daemon, "before@test", OLD_API) == 201
        assert daemon.get(f"/feeds/desk.ics?token={OLD_FEED}").status_code == 200
        # Revoke both tokens, and change an option that only a restart applies.
        write_config(config, port=port, seeds_path=seeds, poll_seconds=0.5, extra=_extra(NEW_API, NEW_FEED))
        daemon.signal(signal.SIGHUP)
        wait_until(lambda: "configuration reloaded" in daemon.log(), timeout=15)
        assert _post(daemon, "revoked@test", OLD_API) == 401
        assert _post(daemon, "after@test", NEW_API) == 201
        assert daemon.get(f"/feeds/desk.ics?token={OLD_FEED}").status_code == 404
        assert daemon.get(f"/feeds/desk.ics?token={NEW_FEED}").status_code == 200
        log = daemon.log()
        assert "applied: api.tokens, feeds" in log
        assert "take effect only after a restart: feed.poll_seconds" in log
        assert OLD_API not in log and NEW_API not in log and NEW_FEED not in log
    assert daemon.returncode == 0


def test_sighup_sends_through_a_changed_channel_url(tmp_path: Path, store: EventStore, db_url: str) -> None:
    """A channel whose URL changed (a rotated webhook) sends to the new URL after the reload, not the old one."""
    rule = [{"name": "macro", "channels": ["hook"], "before": ["1m"]}]
    with Receiver() as old, Receiver() as new:
        config = daemon_config(tmp_path, [{"name": "hook", "url": old.url}], rule)
        with DaemonProcess(config, db_url) as daemon:
            config.write_text(config.read_text(encoding="utf-8").replace(old.url, new.url), encoding="utf-8")
            daemon.signal(signal.SIGHUP)
            wait_until(lambda: "SIGHUP: configuration reloaded; applied: channels" in daemon.log(), timeout=15)
            # Written by another process once the reload is done: the daemon finds it on its next poll
            # and its 1-minute alert falls due about 12 s later, through whichever URL the channel has.
            add_events(store, timed_event("soon", "Soon", utcnow() + timedelta(seconds=72)))
            assert [m["title"] for m in new.wait_for(1, timeout=60)] == ["[提醒] Soon"]
        assert daemon.returncode == 0
    assert old.messages == []
