"""Pure planning: events × rules × channels → alerts with a UTC due time.

* timed events: ``start - before`` for each lead in ``before``;
* day events: ``start_date - N days`` at ``all_day_at`` in the display zone, for each N in
  ``days_before`` (converted through zoneinfo, so daylight-saving changes are exact);
* coarse events (week … year): once at ``all_day_at`` on the first day of the period.

Day and coarse lock-ups and listings (market-hours events) use their exchange's clock instead of the
display zone, so ``all_day_at = "08:00"`` means 08:00 in Hong Kong, before the 09:30 open, for an
HKEX listing whatever the display zone.

Alerts whose due time has passed are dropped, except those still worth sending late: due within
``grace`` and the event has not begun (the same rule the start-up catch-up uses).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from calendar_daemon.config.settings import AlertRuleConfig
from calendar_daemon.domain.durations import format_duration, parse_clock, parse_duration
from calendar_daemon.domain.filters import Classified
from calendar_daemon.domain.periods import Precision
from calendar_daemon.domain.trading import SHIFTED_CATEGORIES, get_exchange


class PlannableEvent(Classified, Protocol):
    """What planning reads of an event (an ORM event or the planner's lighter column tuple)."""

    @property
    def uid(self) -> str: ...

    @property
    def revision(self) -> int: ...

    @property
    def precision(self) -> str: ...

    @property
    def deleted(self) -> bool: ...

    @property
    def start_at(self) -> datetime | None: ...

    @property
    def start_date(self) -> date | None: ...

    @property
    def sort_end(self) -> datetime: ...


@dataclass(frozen=True)
class Rule:
    """A rule with its durations parsed once."""

    name: str
    categories: frozenset[str]
    regions: frozenset[str]
    min_importance: int
    channels: tuple[str, ...]
    before: tuple[timedelta, ...]
    days_before: tuple[int, ...]
    all_day_at: time
    coarse: bool

    @classmethod
    def from_config(cls, rule: AlertRuleConfig) -> Rule:
        return cls(
            name=rule.name, categories=frozenset(rule.categories), regions=frozenset(r.upper() for r in rule.regions),
            min_importance=rule.min_importance, channels=tuple(rule.channels),
            before=tuple(parse_duration(b) for b in rule.before), days_before=tuple(rule.days_before),
            all_day_at=parse_clock(rule.all_day_at), coarse=rule.coarse,
        )  # fmt: skip

    def matches(self, event: PlannableEvent) -> bool:
        if "*" not in self.categories and event.category not in self.categories:
            return False
        if self.regions and event.region.upper() not in self.regions:
            return False
        return event.importance >= self.min_importance


@dataclass(frozen=True)
class PlannedAlert:
    event_uid: str
    event_revision: int
    rule: str
    lead: str
    channel: str
    due_at: datetime  # naive UTC
    expires_at: datetime  # naive UTC

    @property
    def key(self) -> tuple[str, int, str, str, str]:
        return (self.event_uid, self.event_revision, self.rule, self.lead, self.channel)


def local_to_utc(day: date, at: time, zone: ZoneInfo) -> datetime:
    """Wall-clock ``day at`` in ``zone`` as naive UTC (a time skipped by DST moves forward)."""
    local = datetime.combine(day, at, tzinfo=zone)
    return local.astimezone(UTC).replace(tzinfo=None)


def alert_zone(event: PlannableEvent, zone: ZoneInfo) -> ZoneInfo:
    """The exchange's zone for a lock-up or listing in a region with an exchange, else ``zone``."""
    if event.category in SHIFTED_CATEGORIES:
        try:
            return ZoneInfo(get_exchange(event.region).timezone)
        except ValueError:
            pass
    return zone


def event_leads(event: PlannableEvent, rule: Rule, zone: ZoneInfo) -> list[tuple[str, datetime, datetime]]:
    """(lead label, due_at, expires_at) for one event under one rule."""
    if event.precision == Precision.DATETIME.value:
        if event.start_at is None:
            return []
        return [(format_duration(lead), event.start_at - lead, event.start_at) for lead in rule.before]
    if event.start_date is None:
        return []
    zone = alert_zone(event, zone)
    clock = f"{rule.all_day_at:%H:%M}"
    if event.precision == Precision.DATE.value:
        return [
            (f"d-{days}@{clock}", local_to_utc(event.start_date - timedelta(days=days), rule.all_day_at, zone), event.sort_end)
            for days in rule.days_before
        ]
    if rule.coarse:
        return [(f"period@{clock}", local_to_utc(event.start_date, rule.all_day_at, zone), event.sort_end)]
    return []


def worth_sending(due_at: datetime, expires_at: datetime, now: datetime, grace: timedelta, *, tried: bool = False) -> bool:
    """Still to be sent at ``now``: not yet due, or due within ``grace`` and the event not begun.

    An alert whose send was ``tried`` (it failed, or its process died during it) is still sent
    within ``grace`` of its due time even when its event has begun, and while its event has not
    begun even past ``grace`` (retries go on until then).
    """
    if due_at >= now:
        return True
    if tried:
        return now - due_at <= grace or now < expires_at
    return now - due_at <= grace and now < expires_at


def last_chance(due_at: datetime, expires_at: datetime, grace: timedelta) -> datetime:
    """The last instant a tried alert is still worth sending (:func:`worth_sending` with ``tried``)."""
    return max(due_at + grace, expires_at)


def plan_event(
    event: PlannableEvent,
    rules: Sequence[Rule],
    zone: ZoneInfo,
    now: datetime,
    grace: timedelta,
    horizon_end: datetime,
) -> list[PlannedAlert]:
    """Every alert one event should still get; cancelled or deleted events get none."""
    if event.deleted or event.status == "cancelled":
        return []
    planned: list[PlannedAlert] = []
    for rule in rules:
        if not rule.channels or not rule.matches(event):
            continue
        for lead, due_at, expires_at in event_leads(event, rule, zone):
            if due_at > horizon_end or not worth_sending(due_at, expires_at, now, grace):
                continue
            for channel in rule.channels:
                planned.append(PlannedAlert(event.uid, event.revision, rule.name, lead, channel, due_at, expires_at))
    return planned


def plan(
    events: Iterable[PlannableEvent],
    rules: Sequence[Rule],
    zone: ZoneInfo,
    now: datetime,
    grace: timedelta,
    horizon_end: datetime,
) -> list[PlannedAlert]:
    out: list[PlannedAlert] = []
    for event in events:
        out.extend(plan_event(event, rules, zone, now, grace, horizon_end))
    return out
