"""What a claimed ledger row says: its title and body, rendered at send time from the row's facts.

An alert is rendered from its event as it is now (None when the event is gone, cancelled or of
another revision: the row is then cancelled). A moved/cancelled notice is rendered from the event's
times its row recorded when the change was planned; a missed-while-down summary from the titles
and due times its row lists; a digest from the events of its period. Rows queued by an older
version hold their rendered ``title`` and ``body`` and are sent as they are.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from calendar_daemon.alerts.delivery.digest_text import DigestText, digest_title
from calendar_daemon.alerts.delivery.messages import Dated, format_instant, render_alert, render_missed, render_notice
from calendar_daemon.domain.periods import Precision
from calendar_daemon.i18n.phrases import t
from calendar_daemon.store.events import EventStore
from calendar_daemon.store.models import AlertRow

logger = logging.getLogger(__name__)

LATE_AFTER = timedelta(seconds=60)  # sent this long after its due time, an alert says it is late
NOTICES = ("moved", "cancelled")


def _payload(row: AlertRow) -> dict[str, Any]:
    data = json.loads(row.payload or "{}")
    return data if isinstance(data, dict) else {}


def _optional(value: Any, parse: Any) -> Any:
    return None if value is None else parse(value)


@dataclass(frozen=True)
class NoticedEvent:
    """The event as a notice's row recorded it when the change was planned."""

    title: str
    precision: str
    timezone: str
    start_at: datetime | None
    start_date: date | None
    end_date: date | None

    @classmethod
    def from_facts(cls, facts: dict[str, Any]) -> NoticedEvent:
        return cls(
            title=str(facts["event_title"]), precision=str(facts["precision"]), timezone=str(facts["timezone"]),
            start_at=_optional(facts.get("start_at"), datetime.fromisoformat),
            start_date=_optional(facts.get("start_date"), date.fromisoformat),
            end_date=_optional(facts.get("end_date"), date.fromisoformat),
        )  # fmt: skip


def old_when(was_expires_at: datetime, event: Dated) -> str:
    """When the event was before it moved, from the old alert's expiry (a day event's end)."""
    if event.precision == Precision.DATETIME.value:
        return format_instant(was_expires_at, event.timezone)
    local = was_expires_at.replace(tzinfo=UTC).astimezone(ZoneInfo(event.timezone)) - timedelta(days=1)
    return local.date().isoformat()


def headline(row: AlertRow, locale: str) -> str:
    """The title of a notice, summary or digest row, without reading events (for listings);
    "" for an alert, whose title is its event's."""
    data = _payload(row)
    if "body" in data or row.kind == "alert":
        return str(data.get("title", ""))
    if row.kind in NOTICES:
        return f"[{t(locale, row.kind)}] {data.get('event_title', '')}"
    if row.kind == "missed_summary":
        return t(locale, "missed" if data.get("while") != "running" else "missed_running")
    return digest_title(str(data.get("digest", row.rule)), date.fromisoformat(str(data.get("period", row.period_key))), locale)


class Composer:
    def __init__(self, store: EventStore, *, locale: str, zone: str) -> None:
        self.store = store
        self.locale = locale
        self.zone = zone
        self.digests = DigestText(store, zone=zone, locale=locale)

    def message(self, row: AlertRow, now: datetime) -> tuple[str, str] | None:
        """Title and body of ``row`` sent at ``now``; None when an alert's event no longer wants it."""
        if row.kind == "alert":
            return self._alert(row, now)
        data = _payload(row)
        if "body" in data:
            return str(data["title"]), str(data["body"])
        if row.kind in NOTICES:
            event = NoticedEvent.from_facts(data)
            was = old_when(datetime.fromisoformat(str(data["was_expires_at"])), event)
            return render_notice(row.kind, event, was, locale=self.locale, display_zone=self.zone)
        if row.kind == "missed_summary":
            items = [(str(title), datetime.fromisoformat(str(due))) for title, due in data["missed"]]
            return render_missed(items, locale=self.locale, display_zone=self.zone, down=data.get("while") != "running")
        kind, period = str(data.get("digest", row.rule)), str(data.get("period", row.period_key))
        return self.digests.render(kind, date.fromisoformat(period))

    def _alert(self, row: AlertRow, now: datetime) -> tuple[str, str] | None:
        event = self.store.get(row.event_uid, include_deleted=True)
        if event is None or event.deleted or event.status == "cancelled" or event.revision != row.event_revision:
            return None
        late = now - row.due_at > LATE_AFTER
        return render_alert(event, row.lead, row.due_at, late=late, locale=self.locale, display_zone=self.zone, now=now)
