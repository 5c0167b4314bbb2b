"""Queueing daily digests (today's events) and weekly previews (next week, grouped by day), per channel.

Each digest is one ledger row keyed by (channel, kind, period): however many ticks or replicas
notice the slot, the unique key lets exactly one through. The row holds the digest's kind and
period; its text is rendered when it is sent (:mod:`calendar_daemon.alerts.delivery.digest_text`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from calendar_daemon.alerts.ledger import Ledger
from calendar_daemon.config.settings import ChannelConfig
from calendar_daemon.domain.dates import local_time_utc
from calendar_daemon.domain.durations import parse_clock, parse_weekly

logger = logging.getLogger(__name__)

class Digests:
    def __init__(self, ledger: Ledger, channels: Sequence[ChannelConfig], *, zone: str, grace: timedelta) -> None:
        self.ledger = ledger
        self.channels = [c for c in channels if c.digest_daily or c.digest_weekly]
        self.zone = ZoneInfo(zone)
        self.grace = grace
        self._done: set[tuple[str, str, str]] = set()

    def slots(self, now: datetime) -> list[tuple[ChannelConfig, str, str, datetime]]:
        """(channel, kind, period key, slot instant) of digests whose slot passed less than ``grace`` ago."""
        local_today = now.replace(tzinfo=UTC).astimezone(self.zone).date()
        found = []
        for channel in self.channels:
            if channel.digest_daily:
                for day in (local_today, local_today - timedelta(days=1)):
                    slot = local_time_utc(day, parse_clock(channel.digest_daily_at), self.zone)
                    if slot <= now <= slot + self.grace:
                        found.append((channel, "digest_daily", day.isoformat(), slot))
            if channel.digest_weekly:
                weekday, at = parse_weekly(channel.digest_weekly_at)
                day = local_today - timedelta(days=(local_today.weekday() - weekday) % 7)
                for candidate in (day, day - timedelta(days=7)):
                    slot = local_time_utc(candidate, at, self.zone)
                    if slot <= now <= slot + self.grace:
                        # The week that starts next: from a Monday slot, the week starting that day.
                        monday = candidate + timedelta(days=(7 - candidate.weekday()) % 7)
                        found.append((channel, "digest_weekly", monday.isoformat(), slot))
        return found

    def queue_due(self, now: datetime) -> int:
        queued = 0
        for channel, kind, key, slot in self.slots(now):
            marker = (channel.name, kind, key)
            if marker in self._done:
                continue
            queued += self.ledger.insert_message(
                kind="digest", channel=channel.name, rule=kind, lead=key, period_key=key, due_at=slot,
                expires_at=slot + timedelta(days=1), now=now, payload=json.dumps({"digest": kind, "period": key}),
            )  # fmt: skip
            self._done.add(marker)
        return queued
