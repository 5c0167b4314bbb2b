"""Recurring releases described by RFC 5545 recurrence rules, expanded in their local time zone.

A rule file (``seeds/reference/recurring.yaml``) is a mapping with a ``rules`` list and an
optional file-wide ``source``::

    rules:
      - uid: us-jobless-claims@reference.calendar-daemon
        title: US initial jobless claims
        category: macro_data          # same categories as docs/event-format.md
        region: US
        importance: 2
        timezone: America/New_York    # IANA zone of the publisher's wall clock
        dtstart: 2026-01-01T08:30:00  # naive local wall-clock time (the first candidate)
        rrule: FREQ=WEEKLY;BYDAY=TH   # RFC 5545 RRULE value, without DTSTART
        until: 2027-12-31             # or `count: 52` (or UNTIL/COUNT inside the rrule)
        exdate: [2026-11-26]          # dates (the time of dtstart is used) or naive date-times
        rdate: [2026-11-25]
        moves:                        # an occurrence published on another day, keyed by its own date
          2026-11-26: {to: 2026-11-25T08:30:00, reason: ..., source: {...}}
          2027-11-25: {to: 2027-11, reason: ...}   # only the month is known: tentative, month precision
        source: {outlet: ..., headline: ..., published: ..., authority: official, url: ...}

The recurrence is evaluated on naive local wall-clock times (python-dateutil), and each
occurrence is then placed in the zone with :mod:`zoneinfo`, so 08:30 in New York is 13:30Z in
winter and 12:30Z in summer.  A wall-clock time that does not exist (spring-forward gap) is moved
forward by the gap; an ambiguous one (fall-back) takes its first, daylight-time, instance.
Reading rule files is in :mod:`calendar_daemon.sources.rule_files`.

A move keeps the occurrence's UID (the one its own date gives), so when the publisher names the day
of a month-only move, replacing ``to: 2027-03`` by ``to: 2027-03-01T09:30:00`` updates the same
event in every calendar rather than adding a second one. ``exdate`` alone removes an occurrence.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rruleset, rrulestr

from calendar_daemon.domain.dates import parse_date_or_datetime
from calendar_daemon.domain.vocabulary import Authority, Status
from calendar_daemon.exceptions import InputError

logger = logging.getLogger(__name__)


class RecurrenceError(InputError, ValueError):
    """A rule file, rule or field that cannot be used; the message names the file and the rule.

    An :class:`InputError` (so the CLI reports it cleanly) that is also a ``ValueError``.
    """


@dataclass(frozen=True)
class Source:
    """Where a rule comes from (the event-format source shape)."""

    outlet: str
    headline: str
    published: datetime
    authority: str = Authority.OFFICIAL
    url: str | None = None
    note: str | None = None
    evidence: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "outlet": self.outlet,
            "headline": self.headline,
            "published": self.published.isoformat(),
            "authority": self.authority,
        }
        for key in ("url", "note", "evidence"):
            value = getattr(self, key)
            if value:
                out[key] = value
        return out


@dataclass(frozen=True)
class Move:
    """An occurrence published on another day: at ``to`` (naive local wall-clock time), or, when only
    the month is known, somewhere in the month starting on ``month`` (tentative, month precision)."""

    reason: str
    to: datetime | None = None
    month: date | None = None
    source: Source | None = None

    def local_bounds(self) -> tuple[datetime, datetime]:
        """The local wall-clock stretch the occurrence may fall in: ``to`` itself, or the whole month."""
        if self.to is not None:
            return self.to, self.to
        assert self.month is not None
        following = date(self.month.year + self.month.month // 12, self.month.month % 12 + 1, 1)
        return datetime.combine(self.month, time(0)), datetime.combine(following, time(0))


@dataclass(frozen=True)
class RecurringRule:
    """A recurring release: an RRULE plus extra (RDATE) and removed (EXDATE) local times."""

    uid: str
    title: str
    category: str
    region: str
    importance: int
    timezone: str
    dtstart: datetime
    rrule: str
    source: Source
    description: str = ""
    entities: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    rdate: tuple[datetime, ...] = ()
    exdate: tuple[datetime, ...] = ()
    until: datetime | None = None
    count: int | None = None
    moves: tuple[tuple[date, Move], ...] = ()  # (the occurrence's own date, where it moved)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def build_ruleset(self) -> rruleset:
        """The dateutil rule set on naive local wall-clock times."""
        base = rrulestr(self.rrule, dtstart=self.dtstart)
        if not isinstance(base, rrule):  # pragma: no cover - rejected by make_rule
            raise RecurrenceError(f"rule {self.uid}: rrule must be a single RRULE")
        if self.until is not None:
            base = base.replace(until=self.until)
        elif self.count is not None:
            base = base.replace(count=self.count)
        rset = rruleset()
        rset.rrule(base)
        for extra in self.rdate:
            rset.rdate(extra)
        for removed in self.exdate:
            rset.exdate(removed)
        for moved, _ in self.moves:  # placed by expand() on their new day
            rset.exdate(datetime.combine(moved, self.dtstart.time()))
        return rset


@dataclass(frozen=True)
class Occurrence:
    """One expanded instance of a :class:`RecurringRule`."""

    uid: str
    rule: RecurringRule
    local: datetime  # naive wall-clock time in rule.timezone, as produced by the rule
    start: datetime  # aware, in rule.timezone (a month-only move: the month's first midnight)
    shifted: bool = field(default=False)  # True when `local` fell into a DST gap
    move: Move | None = None  # set when the occurrence was moved from its own date

    @property
    def start_utc(self) -> datetime:
        return self.start.astimezone(UTC)

    @property
    def local_date(self) -> date:
        return self.local.date()

    def as_event(self) -> dict[str, Any]:
        """The occurrence as an event record of docs/event-format.md: precision datetime, or for a
        month-only move a tentative month-precision event citing why."""
        rule = self.rule
        event: dict[str, Any] = {
            "uid": self.uid,
            "title": rule.title,
            "description": rule.description,
            "category": rule.category,
            "importance": rule.importance,
            "region": rule.region,
            "entities": list(rule.entities),
            "tags": list(rule.tags),
            "precision": "datetime",
            "timezone": rule.timezone,
            "start": self.start.isoformat(),
            "status": Status.CONFIRMED.value,
            "sources": [rule.source.as_dict()],
        }
        if self.move is not None:
            event["description"] = "\n\n".join(text for text in (rule.description, self.move.reason) if text)
            if self.move.source is not None:
                event["sources"] = [self.move.source.as_dict(), rule.source.as_dict()]
            if self.move.month is not None:
                event.update(precision="month", start=f"{self.move.month:%Y-%m}", status=Status.TENTATIVE.value)
        return event


def naive_local(value: Any, default_time: time | None, key: str) -> datetime:
    """A naive local date-time from a rule file's value (date, datetime or ISO string); a date takes
    ``default_time`` (``None``: a date is refused). Errors start with ``key``."""
    if isinstance(value, str):
        try:
            value = parse_date_or_datetime(value)
        except ValueError:
            raise ValueError(f"{key}: {value!r} is not an ISO date or date-time") from None
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            raise ValueError(f"{key}: {value.isoformat()} must be naive local wall-clock time (no offset)")
        return value
    if isinstance(value, date):
        if default_time is None:
            raise ValueError(f"{key}: a date-time is required, got the date {value.isoformat()}")
        return datetime.combine(value, default_time)
    raise ValueError(f"{key}: expected a date or date-time, got {value!r}")


def occurrence_uid(rule_uid: str, day: date) -> str:
    """``us-jobless-claims@x`` + 2026-03-12 -> ``us-jobless-claims-20260312@x``."""
    stamp = day.strftime("%Y%m%d")
    local, sep, domain = rule_uid.partition("@")
    return f"{local}-{stamp}{sep}{domain}"


def _localize(naive: datetime, zone: ZoneInfo) -> tuple[datetime, bool]:
    """Attach ``zone``; a time inside a spring-forward gap is moved forward by the gap."""
    aware = naive.replace(tzinfo=zone, fold=0)
    normalised = aware.astimezone(UTC).astimezone(zone)
    if normalised.replace(tzinfo=None) != naive:
        logger.warning("%s does not exist in %s; using %s", naive, zone.key, normalised)
        return normalised, True
    return aware, False


def expand(rule: RecurringRule, start: datetime, end: datetime) -> list[Occurrence]:
    """Occurrences of ``rule`` with ``start <= instant < end`` (both bounds aware), in order."""
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("expand() needs timezone-aware start and end")
    if end <= start:
        return []
    zone = rule.zone
    # Search a little wider on the local time line, then filter on exact instants.
    lo = start.astimezone(zone).replace(tzinfo=None) - timedelta(days=1)
    hi = end.astimezone(zone).replace(tzinfo=None) + timedelta(days=1)
    result: list[Occurrence] = []
    for naive in rule.build_ruleset().between(lo, hi, inc=True):
        aware, shifted = _localize(naive, zone)
        if start <= aware < end:
            result.append(
                Occurrence(
                    uid=occurrence_uid(rule.uid, naive.date()),
                    rule=rule,
                    local=naive,
                    start=aware,
                    shifted=shifted,
                )
            )
    result.extend(_moved(rule, start, end))
    result.sort(key=lambda occurrence: occurrence.start)
    logger.debug("rule %s: %d occurrences in [%s, %s)", rule.uid, len(result), start, end)
    return result


def _moved(rule: RecurringRule, start: datetime, end: datetime) -> list[Occurrence]:
    """The moved occurrences in ``[start, end)``; a month-only one while any of its month is in it."""
    zone = rule.zone
    result = []
    for own_date, move in rule.moves:
        first, last = move.local_bounds()
        aware, shifted = _localize(first, zone)
        if move.to is not None:
            inside = start <= aware < end
        else:
            inside = aware < end and _localize(last, zone)[0] > start
        if inside:
            uid = occurrence_uid(rule.uid, own_date)
            result.append(Occurrence(uid=uid, rule=rule, local=first, start=aware, shifted=shifted, move=move))
    return result
