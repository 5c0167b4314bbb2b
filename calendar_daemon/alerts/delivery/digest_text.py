"""The text of a daily digest (today's events) or weekly preview (next week, grouped by day).

Rendered at send time from the digest's period; planning only queues the ledger row.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, timedelta
from zoneinfo import ZoneInfo

from calendar_daemon.domain.dates import local_midnight_utc
from calendar_daemon.domain.periods import Precision
from calendar_daemon.domain.vocabulary import LIVE_STATUSES
from calendar_daemon.i18n.labels import all_day, category_label, supported, weekday_names
from calendar_daemon.i18n.phrases import t
from calendar_daemon.store.events import EventFilter, EventStore
from calendar_daemon.store.models import Event

logger = logging.getLogger(__name__)


def digest_title(kind: str, first_day: date, locale: str) -> str:
    """The title of a ``digest_daily`` or ``digest_weekly`` whose period starts on ``first_day``."""
    if kind == "digest_daily":
        return t(locale, "digest_daily", day=first_day.isoformat())
    return t(locale, "digest_weekly", start=first_day.isoformat(), end=(first_day + timedelta(days=6)).isoformat())


class DigestText:
    def __init__(self, store: EventStore, *, zone: str, locale: str) -> None:
        self.store = store
        self.zone = ZoneInfo(zone)
        self.locale = supported(locale)

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
            start=local_midnight_utc(first, self.zone), end=local_midnight_utc(first + timedelta(days=days), self.zone),
            statuses=LIVE_STATUSES,
        )  # fmt: skip
        return self.store.list_events(flt)

    def render(self, kind: str, first_day: date) -> tuple[str, str]:
        """Title and body of a ``digest_daily`` or ``digest_weekly``."""
        body = self.daily_body(first_day) if kind == "digest_daily" else self.weekly_body(first_day)
        return digest_title(kind, first_day, self.locale), body

    def daily_body(self, day: date) -> str:
        return "\n".join(self._line(e) for e in self._events(day, 1)) or t(self.locale, "digest_none")

    def weekly_body(self, monday: date) -> str:
        lines: list[str] = []
        for offset in range(7):
            day = monday + timedelta(days=offset)
            events = [e for e in self._events(day, 1) if offset == 0 or self._first_day(e) >= day]
            if events:
                lines.append(f"{day.isoformat()} {weekday_names(self.locale)[offset]}")
                lines.extend(f"  {self._line(e)}" for e in events)
        return "\n".join(lines) or t(self.locale, "digest_none")

    def _first_day(self, event: Event) -> date:
        if event.start_at is not None:
            return event.start_at.replace(tzinfo=UTC).astimezone(self.zone).date()
        assert event.start_date is not None
        return event.start_date
