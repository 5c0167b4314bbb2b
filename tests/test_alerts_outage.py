"""A channel outage longer than the retries: alerts go out late within their grace, or end ``missed``
and are listed in the channel's missed summary; none ends ``failed``, none is sent twice.

The alert service runs on an injected clock, stepped one second at a time, and sends through apprise to
a loopback receiver that answers 503 until the test's clock passes the end of the outage, so the
scenario holds however loaded the machine is. Both database backends.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest

from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventStore
from tests.alerting import FakeClock, add_events, ledger_rows, make_config, step, timed_event
from tests.receiver import Receiver
from tests.test_alerts_delivery import service_for

T0 = datetime(2026, 12, 3, 13, 0)
SUMMARY = "未能按时发出的提醒"


@dataclass
class Outage:
    rows: dict[tuple[str, str], Any]
    messages: list[dict[str, Any]]
    rejected: int
    log: str

    def titles(self) -> list[str]:
        return [m["title"] for m in self.messages]


def _outage(db_url: str, caplog: pytest.LogCaptureFixture, *, fail_for: int, later_in: int, **alerts: Any) -> Outage:
    """Alerts 5 s before two events ("Early" at T0+7 s, "Later" at T0+``later_in`` s) through a channel
    that answers 503 until T0+``fail_for`` s; the clock runs one second a step for a minute."""
    store = EventStore(open_engine(db_url))
    store.initialise()
    add_events(store, timed_event("early", "Early", T0 + timedelta(seconds=7)),
               timed_event("later", "Later", T0 + timedelta(seconds=later_in)))  # fmt: skip
    clock = FakeClock(T0 - timedelta(minutes=1))
    caplog.set_level(logging.INFO, logger="calendar_daemon")
    with Receiver() as hook:
        config = make_config([{"name": "hook", "url": hook.url}], [{"name": "soon", "channels": ["hook"], "before": ["5s"]}],
                             grace="10s", retry_base_seconds=1, **alerts)  # fmt: skip
        service = service_for(config, store, clock)
        hook.failing_until = time.time() + 3600  # down until the clock says otherwise
        for second in range(60):
            clock.set(T0 + timedelta(seconds=second))
            if second >= fail_for:
                hook.failing_until = 0
            step(service)
        service.stop()
        messages, rejected = list(hook.messages), hook.rejected
    rows = {(r.event_uid, r.kind): r for r in ledger_rows(store)}
    return Outage(rows, messages, rejected, caplog.text)


def test_an_outage_longer_than_the_retries_sends_late_within_grace_and_summarises_the_rest(
    any_db_url: str, caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    # 503s until T0+12 s, 10 s after the first alert's due time.
    # "Early" is due at +2 s: tries at +2, +3, +5, +9 s fail; the next (+17 s) is past its 10 s grace.
    # "Later" is due at +8 s: tries at +8, +9, +11 s fail, +15 s succeeds, after its event began (+13 s).
    run = _outage(any_db_url, caplog, fail_for=12, later_in=13)
    assert run.rejected >= 6
    assert run.titles().count("[提醒] Later") == 1 and "[提醒] Early" not in run.titles()
    (summary,) = [m for m in run.messages if m["title"] == SUMMARY]
    assert "Early" in summary["message"] and "Later" not in summary["message"]
    later = next(m for m in run.messages if m["title"] == "[提醒] Later")
    assert "已于2秒前开始" in later["message"]  # sent at +15 s, two seconds after the start
    statuses = {key: row.status for key, row in run.rows.items()}
    assert statuses == {("early", "alert"): "missed", ("later", "alert"): "sent", ("", "missed_summary"): "sent"}
    assert "can no longer be sent in time" in run.log


def test_an_alert_that_runs_out_of_attempts_within_grace_keeps_trying_and_never_ends_failed(
    any_db_url: str, caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    # 503s until T0+14 s. Both use up their two attempts within a second of their due time. "Early" (due
    # +2 s) then keeps trying, at the latest at the end of its grace (+12 s), fails, and is summarised;
    # "Later" (due +9 s) keeps trying and gets through after the outage, within its grace (+19 s).
    run = _outage(any_db_url, caplog, fail_for=14, later_in=14, max_attempts=2)
    rows = run.rows
    assert rows[("early", "alert")].status == "missed" and rows[("early", "alert")].attempts > 2
    assert rows[("later", "alert")].status == "sent" and rows[("later", "alert")].attempts > 2
    # The summary, failing while the outage lasted, kept trying until it got through.
    assert rows[("", "missed_summary")].status == "sent" and rows[("", "missed_summary")].attempts >= 1
    assert run.titles().count("[提醒] Later") == 1 and "[提醒] Early" not in run.titles()
    (summary,) = [m for m in run.messages if m["title"] == SUMMARY]
    assert "Early" in summary["message"] and "Later" not in summary["message"]
    assert "no longer be sent in time" in run.log
