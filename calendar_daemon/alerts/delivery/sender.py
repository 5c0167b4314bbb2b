"""Sending one claimed ledger row: render it, send it, record the outcome, count it.

The scheduler claims due rows and hands each to :meth:`Sender.deliver` on its send pool. A row that
waited in the pool gets its lease renewed before the send (or is left alone when another replica
took it over). An alert that can no longer be sent in time — never tried and overdue past the grace
period or its event begun; or tried (failed, interrupted) and past the grace period after its event
began — is *parked* for its channel's missed summary (the next tick marks it ``missed``), never
dropped silently. (A moved/cancelled notice goes before its event's reminders to the same channel:
the ledger does not hand such a reminder out while the notice is being sent.) One
whose event no longer wants it is ``cancelled``; otherwise the outcome is ``sent``, ``late``, a
retry later, or, after ``max_attempts``, ``failed`` for digests and notices. An alert is retried past
``max_attempts`` while it is still worth sending, then parked; a missed summary is retried until it
expires.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from calendar_daemon.alerts.delivery.messages import truncate
from calendar_daemon.alerts.delivery.notifier import Notifier, SendError
from calendar_daemon.alerts.delivery.row_text import LATE_AFTER, Composer
from calendar_daemon.alerts.ledger import Ledger, was_tried
from calendar_daemon.alerts.planning.planner import last_chance, worth_sending
from calendar_daemon.config.settings import Config
from calendar_daemon.domain.durations import parse_duration
from calendar_daemon.ops.metrics import Metrics
from calendar_daemon.ops.redact import redact
from calendar_daemon.store.events import EventStore
from calendar_daemon.store.models import AlertRow

logger = logging.getLogger(__name__)


class Sender:
    def __init__(
        self, config: Config, store: EventStore, ledger: Ledger, notifier: Notifier, *, clock: Callable[[], datetime],
        metrics: Metrics,
    ) -> None:  # fmt: skip
        self.store = store
        self.ledger = ledger
        self.notifier = notifier
        self.clock = clock
        self.metrics = metrics
        self.last_send: dict[str, dict[str, Any]] = {}  # channel -> the outcome of its last send
        self.digests_sent = 0
        self._lock = threading.Lock()
        self.apply_config(config)

    def apply_config(self, config: Config) -> None:
        self.config = config
        self.grace = parse_duration(config.alerts.grace)
        self.composer = Composer(self.store, locale=config.display.locale, zone=config.display.timezone)

    def lease(self) -> timedelta:
        return timedelta(seconds=self.config.alerts.lease_seconds)

    def _still_ours(self, row: AlertRow, token: str, now: datetime) -> bool:
        """A row whose remaining lease might not cover a send (it waited in the pool) gets its lease
        renewed first; if the lease already ran out and another replica took the row over, this
        replica must not send it. The config keeps a fresh lease at least twice the send timeout."""
        margin = timedelta(seconds=1.5 * self.config.alerts.send_timeout_seconds)
        if row.lease_until is None or now + margin < row.lease_until:
            return True
        if self.ledger.renew(row.id or 0, token, now, self.lease()):
            return True
        logger.warning("alert %s: claim expired before its send began; another sender has it", row.id)
        return False

    def deliver(self, row: AlertRow, token: str) -> str:
        """Send one claimed row and record the outcome; returns the row's new status."""
        now = self.clock()
        if not self._still_ours(row, token, now):
            return "lost"
        held = self._hold_back(row, token, now) if row.kind == "alert" else None
        if held is not None:
            return held
        message = self.composer.message(row, now)
        if message is None:
            self.ledger.mark_cancelled(row.id or 0, token, now)
            return "cancelled"
        body_limit, title_limit = self.notifier.limits(row.channel)
        try:
            self.notifier.send(row.channel, truncate(message[0], title_limit), truncate(message[1], body_limit))
        except SendError as exc:
            return self._failed(row, token, redact(str(exc)))
        return self._sent(row, token)

    def _hold_back(self, row: AlertRow, token: str, now: datetime) -> str | None:
        """``parked`` when the alert can no longer be sent in time; None to send it now. (A reminder
        whose event's notice is going out is not claimed until the notice is recorded: see
        :meth:`Ledger.claim`.)"""
        if not worth_sending(row.due_at, row.expires_at, now, self.grace, tried=was_tried(row)):
            self.ledger.park(row.id or 0, token, now)
            logger.warning(
                "alert %s to %s (due %s) can no longer be sent in time; it goes into the channel's missed summary",
                row.id, row.channel, row.due_at.isoformat(),
            )  # fmt: skip
            return "parked"
        return None

    def _failed(self, row: AlertRow, token: str, error: str) -> str:
        alerts = self.config.alerts
        # An alert is retried for as long as it is worth sending, whatever max_attempts says, then it
        # is parked for its channel's missed summary: it never ends failed and unreported. The summary
        # itself is retried until it expires (a day).
        chance = None
        if row.kind == "alert":
            chance = last_chance(row.due_at, row.expires_at, self.grace)
        elif row.kind == "missed_summary":
            chance = row.expires_at
        status = self.ledger.mark_failure(
            row, token, error, self.clock(), max_attempts=alerts.max_attempts, base_seconds=alerts.retry_base_seconds,
            last_chance=chance,
        )  # fmt: skip
        self.last_send[row.channel] = {"ok": False, "at": self.clock().isoformat(), "error": error}
        logger.warning("alert %s to %s failed (attempt %s): %s", row.id, row.channel, row.attempts + 1, error)
        if status == "failed":
            self.metrics.alert("failed", row.channel, kind=row.kind)
        elif status == "parked":
            logger.warning(
                "alert %s to %s (due %s) failed until it could no longer be sent in time; it goes into the "
                "channel's missed summary", row.id, row.channel, row.due_at.isoformat(),
            )  # fmt: skip
        return status

    def _sent(self, row: AlertRow, token: str) -> str:
        done = self.clock()
        late = row.kind == "alert" and done - row.due_at > LATE_AFTER
        self.ledger.mark_sent(row.id or 0, token, done, late=late)
        self.metrics.alert("late" if late else "sent", row.channel, kind=row.kind)
        if row.kind == "digest":
            with self._lock:
                self.digests_sent += 1
        self.last_send[row.channel] = {"ok": True, "at": done.isoformat()}
        return "late" if late else "sent"
