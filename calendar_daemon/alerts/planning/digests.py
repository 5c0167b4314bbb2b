"""Daily digests (today's events) and weekly previews (next week, grouped by day), per channel.

Each digest is one ledger row keyed by (channel, kind, period): however many ticks or replicas
notice the slot, the unique key lets exactly one through.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from calendar_daemon.alerts.ledger import Ledger
from calendar_daemon.config.settings import ChannelConfig
from calendar_daemon.domain.durations import parse_clock, parse_weekly
from calendar_daemon.domain.periods import Precision
from calendar_daemon.i18n.alerts import t
from calendar_daemon.i18n.labels import all_day, category_label, supported, weekday_names
from calendar_daemon.store.events import EventFilter, EventStore
from calendar_daemon.store.models import Event

logger = logging.getLogger(__name__)


def _utc(day: date, at: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC).replace(tzinfo=None)


class Digests:
    def __init__(self, store: EventStore, ledger: Ledger, channels: Sequence[ChannelConfig], *, zone: str, locale: str, grace: timedelta) -> None:
        self.store = store
        self.ledger = ledger
        self.channels = [c for c in channels if c.digest_daily or c.digest_weekly]
        self.zone = ZoneInfo(zone)
        self.locale = supported(locale)
        self.grace = grace
        self._done: set[tuple[str, str, str]] = set()

    def _line(self, event: Event) -> str:
        label = category_label(event.category, self.locale)
        if event.precision == Precision.DATETIME.value and event.start_at is not None:
            when = f"{event.start_at.replace(tzinfo=UTC).astimezone(self.zone):%H:%M}"
        else:
            when = all_day(self.locale)
        stars = " ★★★" if event.importance == 3 else ""
        return f"{when} {event.title} [{label}]{stars}"

    def _events(self, first: date, days: int) -> list[Event]:
        flt = EventFilter(
            start=_utc(first, time(0), self.zone), end=_utc(first + timedelta(days=days), time(0), self.zone),
            statuses=("confirmed", "tentative"),
        )  # fmt: skip
        return self.store.list_events(flt)

    def render_daily(self, day: date) -> tuple[str, str]:
        body = "\n".join(self._line(e) for e in self._events(day, 1)) or t(self.locale, "digest_none")
        return t(self.locale, "digest_daily", day=day.isoformat()), body

    def render_weekly(self, monday: date) -> tuple[str, str]:
        lines: list[str] = []
        for offset in range(7):
            day = monday + timedelta(days=offset)
            events = [e for e in self._events(day, 1) if offset == 0 or self._first_day(e) >= day]
            if events:
                lines.append(f"{day.isoformat()} {weekday_names(self.locale)[offset]}")
                lines.extend(f"  {self._line(e)}" for e in events)
        title = t(self.locale, "digest_weekly", start=monday.isoformat(), end=(monday + timedelta(days=6)).isoformat())
        return title, "\n".join(lines) or t(self.locale, "digest_none")

    def _first_day(self, event: Event) -> date:
        if event.start_at is not None:
            return event.start_at.replace(tzinfo=UTC).astimezone(self.zone).date()
        assert event.start_date is not None
        return event.start_date

    def slots(self, now: datetime) -> list[tuple[ChannelConfig, str, str, datetime]]:
        """(channel, kind, period key, slot instant) of digests whose slot passed less than ``grace`` ago."""
        local_today = now.replace(tzinfo=UTC).astimezone(self.zone).date()
        found = []
        for channel in self.channels:
            if channel.digest_daily:
                for day in (local_today, local_today - timedelta(days=1)):
                    slot = _utc(day, parse_clock(channel.digest_daily_at), self.zone)
                    if slot <= now <= slot + self.grace:
                        found.append((channel, "digest_daily", day.isoformat(), slot))
            if channel.digest_weekly:
                weekday, at = parse_weekly(channel.digest_weekly_at)
                day = local_today - timedelta(days=(local_today.weekday() - weekday) % 7)
                for candidate in (day, day - timedelta(days=7)):
                    slot = _utc(candidate, at, self.zone)
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
            day = date.fromisoformat(key)
            title, body = self.render_daily(day) if kind == "digest_daily" else self.render_weekly(day)
            queued += self.ledger.insert_message(
                kind="digest", channel=channel.name, rule=kind, lead=key, period_key=key, due_at=slot,
                expires_at=slot + timedelta(days=1), now=now, payload=json.dumps({"title": title, "body": body}, ensure_ascii=False),
            )  # fmt: skip
            self._done.add(marker)
        return queued
