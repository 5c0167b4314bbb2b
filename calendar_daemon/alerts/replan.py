"""Keeping the ledger in step with events and rules.

* :meth:`Replanner.full` — at start when the rules changed, and after SIGHUP: plans every event in
  the horizon and cancels planned rows no rule wants any more.
* :meth:`Replanner.changed` — after any write (seed, import, API, another process): re-plans only
  the events written since the last data version; rows of an older revision are cancelled, and a
  channel that already got an alert for the old revision gets a short moved/cancelled notice.
* :meth:`Replanner.extend` — moves the planning horizon forward as time passes.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from calendar_daemon.alerts.ledger import Ledger, LedgerKey
from calendar_daemon.alerts.messages import format_instant, render_notice
from calendar_daemon.alerts.models import DELIVERED
from calendar_daemon.alerts.planner import PlannedAlert, Rule, plan_event, worth_sending
from calendar_daemon.models import Event
from calendar_daemon.periods import Precision
from calendar_daemon.store import EventStore

logger = logging.getLogger(__name__)

RULES_MARKER = "alerts.rules_digest"
VERSION_MARKER = "alerts.planned_version"
UNTIL_MARKER = "alerts.planned_until"
FAR_PAST = datetime(1970, 1, 1)


@dataclass(frozen=True)
class EventInfo:
    """The columns planning needs (loading full ORM events for 100k rows would be slow)."""

    uid: str
    revision: int
    category: str
    region: str
    importance: int
    precision: str
    status: str
    deleted: bool
    start_at: datetime | None
    start_date: date | None
    sort_end: datetime


_COLUMNS: list[Any] = [getattr(Event, name) for name in EventInfo.__dataclass_fields__]
_T: Any = Event.__table__  # type: ignore[attr-defined]


def rules_digest(rules: Sequence[Rule], zone: str, horizon_days: int) -> str:
    text = json.dumps([repr(rule) for rule in rules] + [zone, horizon_days])
    return hashlib.sha256(text.encode()).hexdigest()


def old_when(key: LedgerKey, event: Event) -> str:
    if event.precision == Precision.DATETIME.value:
        return format_instant(key.expires_at, event.timezone)
    local = key.expires_at.replace(tzinfo=UTC).astimezone(ZoneInfo(event.timezone)) - timedelta(days=1)
    return local.date().isoformat()


class Replanner:
    def __init__(
        self, store: EventStore, ledger: Ledger, rules: Sequence[Rule], *, zone: str, grace: timedelta,
        horizon_days: int, locale: str,
    ) -> None:  # fmt: skip
        self.store = store
        self.ledger = ledger
        self.rules = list(rules)
        self.zone_name = zone
        self.zone = ZoneInfo(zone)
        self.grace = grace
        self.horizon = timedelta(days=horizon_days)
        self.horizon_days = horizon_days
        self.locale = locale

    def _select(self, where: Any) -> list[EventInfo]:
        with self.store.engine.connect() as conn:
            return [EventInfo(*row) for row in conn.execute(select(*_COLUMNS).where(where, _T.c.deleted.is_(False)))]

    def _wanted(self, events: Iterable[Any], now: datetime) -> list[PlannedAlert]:
        horizon_end = now + self.horizon
        out: list[PlannedAlert] = []
        for event in events:
            out.extend(plan_event(event, self.rules, self.zone, FAR_PAST, self.grace, horizon_end))
        return out

    def _insertable(self, wanted: Sequence[PlannedAlert], now: datetime) -> list[PlannedAlert]:
        return [a for a in wanted if worth_sending(a.due_at, a.expires_at, now, self.grace)]

    def full(self, now: datetime) -> int:
        """Plan every event in the horizon; cancel planned rows that no rule wants any more."""
        version = self.store.data_version()
        events = self._select((_T.c.sort_end > now - self.grace) & (_T.c.sort_start < now + self.horizon))
        wanted = self._wanted(events, now)
        keys = {a.key for a in wanted}
        planned = self.ledger.keys(statuses=("planned",))
        stale = [k.id for k in planned if (k.event_uid, k.event_revision, k.rule, k.lead, k.channel) not in keys]
        cancelled = self.ledger.set_status(stale, "cancelled", now)
        inserted = self.ledger.insert_planned(self._insertable(wanted, now), now)
        self.store.set_marker(RULES_MARKER, rules_digest(self.rules, self.zone_name, self.horizon_days))
        self.store.set_marker(VERSION_MARKER, str(version))
        self.store.set_marker(UNTIL_MARKER, (now + self.horizon).isoformat())
        logger.info("planned alerts for %s events: %s new, %s cancelled", len(events), inserted, cancelled)
        return version

    def warm_start(self, now: datetime) -> int:
        """At start: re-plan only what changed since the last run, when the rules are the same."""
        same_rules = self.store.get_marker(RULES_MARKER) == rules_digest(self.rules, self.zone_name, self.horizon_days)
        planned_version = self.store.get_marker(VERSION_MARKER)
        if not same_rules or not planned_version:
            return self.full(now)
        version = self.changed(int(planned_version), now)
        self.extend(now)
        return version

    def extend(self, now: datetime) -> None:
        """Plan events that entered the horizon since it was last moved."""
        marker = self.store.get_marker(UNTIL_MARKER)
        until = datetime.fromisoformat(marker) if marker else now
        new_until = now + self.horizon
        if new_until - until < timedelta(hours=1):
            return
        events = self._select((_T.c.sort_start >= until) & (_T.c.sort_start < new_until))
        self.ledger.insert_planned(self._insertable(self._wanted(events, now), now), now)
        self.store.set_marker(UNTIL_MARKER, new_until.isoformat())

    def changed(self, since: int, now: datetime) -> int:
        """Re-plan the events written after data version ``since``; returns the version now planned."""
        version = self.store.data_version()
        if version == since:
            return version
        events = self.store.changed_since(since)
        if events:
            self._replan_events(events, now)
        self.store.set_marker(VERSION_MARKER, str(version))
        return version

    def _replan_events(self, events: Sequence[Event], now: datetime) -> None:
        wanted = self._wanted(events, now)
        keys = {a.key for a in wanted}
        existing = self.ledger.keys(uids=[e.uid for e in events])
        stale = [
            k.id for k in existing
            if k.status == "planned" and (k.event_uid, k.event_revision, k.rule, k.lead, k.channel) not in keys
        ]  # fmt: skip
        cancelled = self.ledger.set_status(stale, "cancelled", now)
        inserted = self.ledger.insert_planned(self._insertable(wanted, now), now)
        notices = self._notices(events, existing, {a.event_uid: a.expires_at for a in wanted}, now)
        logger.info("re-planned %s changed events: %s new alerts, %s cancelled, %s notices", len(events), inserted, cancelled, notices)

    def _notices(self, events: Sequence[Event], existing: Sequence[LedgerKey], expires: dict[str, datetime], now: datetime) -> int:
        """Tell channels that got an alert for an older revision that the event moved or was cancelled."""
        by_uid = {e.uid: e for e in events}
        latest: dict[tuple[str, str], LedgerKey] = {}
        for key in existing:
            event = by_uid[key.event_uid]
            if key.status in DELIVERED and key.event_revision < event.revision:
                previous = latest.get((key.event_uid, key.channel))
                if previous is None or key.event_revision > previous.event_revision:
                    latest[(key.event_uid, key.channel)] = key
        notices = 0
        for (uid, channel), key in latest.items():
            event = by_uid[uid]
            if event.deleted or event.status == "cancelled":
                kind = "cancelled"
            elif uid in expires and expires[uid] != key.expires_at:
                kind = "moved"
            else:
                continue
            title, body = render_notice(kind, event, old_when(key, event), locale=self.locale, display_zone=self.zone_name)
            notices += self.ledger.insert_message(
                kind=kind, channel=channel, due_at=now, expires_at=now + timedelta(days=1),
                payload=json.dumps({"title": title, "body": body}, ensure_ascii=False), now=now,
                event_uid=uid, event_revision=event.revision,
            )  # fmt: skip
        return notices
