"""Expanding a VEVENT's ``RRULE`` (with ``RDATE`` and ``EXDATE``) over a window, as the reference rules are.

Each occurrence becomes its own event with the stable UID ``<uid>-<YYYYMMDD>`` of
:func:`calendar_daemon.sources.recurrence.occurrence_uid` (the local date of the occurrence), so a
re-import over a later window updates the same events and adds the new ones. The rule is evaluated on
the wall clock of ``DTSTART``'s zone, so 08:30 New York stays 08:30 across a DST change. The window
is passed in (the caller's ``[reference] horizon_days`` from today); this module reads no clock.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from dateutil.rrule import rrule, rruleset, rrulestr
from icalendar.cal import Component
from icalendar.prop import vRecur

MAX_STEPS = 100_000  # occurrences walked from DTSTART to the end of the window (a daily rule from 1900 takes 46,000)

Window = tuple[datetime, datetime]


def _like(value: date, first: datetime, is_date: bool) -> datetime:
    """``value`` (an RDATE/EXDATE/UNTIL) in the form of ``first``: naive midnight for a date series,
    else a date-time with ``first``'s time and zone where it lacks them."""
    if is_date:
        return datetime.combine(value if not isinstance(value, datetime) else value.date(), time(0))
    if not isinstance(value, datetime):
        return datetime.combine(value, first.timetz())
    if first.tzinfo is None:
        return value.replace(tzinfo=None)
    return value if value.tzinfo is not None else value.replace(tzinfo=first.tzinfo)


def _values(component: Component, name: str) -> list[date]:
    raw = component.get(name)
    if raw is None:
        return []
    values: list[date] = []
    for item in raw if isinstance(raw, list) else [raw]:
        values.extend(getattr(entry, "dt", entry) for entry in getattr(item, "dts", [item]))
    return values


def _rule(component: Component, first: datetime, is_date: bool, high: datetime) -> rrule:
    """The RRULE on ``first``'s clock, ending by ``high`` (the window's end, in ``first``'s form) unless it
    counts its occurrences, so a rule that never matches (30 February) stops at the window, not in 9999."""
    raw = component.get("rrule")
    if isinstance(raw, list):
        raise ValueError("more than one RRULE; use one rule with RDATE for the extra dates")
    recur = vRecur(dict(raw))
    if any(int(value) < 1 for value in recur.get("INTERVAL", [])):
        raise ValueError("RRULE INTERVAL must be a positive whole number")
    if "COUNT" not in recur:
        until = [min(_like(value, first, is_date), high) for value in recur.get("UNTIL", [high])]
        if first.tzinfo is not None:  # dateutil wants an aware UNTIL in UTC
            until = [value.astimezone(UTC) for value in until]
        recur["UNTIL"] = until
    text = recur.to_ical().decode()  # type: ignore[no-untyped-call]
    rule = rrulestr(text, dtstart=first, ignoretz=first.tzinfo is None, forceset=False)
    if not isinstance(rule, rrule):
        raise ValueError(f"RRULE {text!r} is not a single rule")
    return rule


def occurrences(component: Component, start: date, window: Window) -> list[Any]:
    """The starts (dates, or date-times in ``start``'s zone) of ``component``'s occurrences within ``window``."""
    is_date = not isinstance(start, datetime)
    first = datetime.combine(start, time(0)) if is_date else start
    assert isinstance(first, datetime)
    low, high = window
    if is_date:
        low, high = datetime.combine(low.date(), time(0)), datetime.combine(high.date(), time(0))
    elif first.tzinfo is None:  # floating time: compared on the wall clock
        low, high = low.replace(tzinfo=None), high.replace(tzinfo=None)
    rules = rruleset()
    rules.rrule(_rule(component, first, is_date, high))
    for value in _values(component, "rdate"):
        rules.rdate(_like(value, first, is_date))
    for value in _values(component, "exdate"):
        rules.exdate(_like(value, first, is_date))
    found: list[Any] = []
    for steps, when in enumerate(rules, start=1):
        if when >= high:
            break
        if steps > MAX_STEPS:
            raise ValueError(f"RRULE gives more than {MAX_STEPS} occurrences before the end of the horizon")
        if when >= low:
            found.append(when.date() if is_date else when)
    return found
