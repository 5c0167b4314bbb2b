"""Reading a rule's ``moves``: occurrences the publisher puts on another day.

::

    moves:
      2026-02-28: {to: 2026-03-04T09:30:00, reason: ..., source: {...}}   # the day is published
      2027-02-28: {to: 2027-03, reason: ...}                              # only the month is known

A key is the occurrence's own date (it must be one the rule produces, and not also in ``exdate``);
``to`` is a naive local date-time, a date (at the time of ``dtstart``) or a month ``YYYY-MM`` (the
occurrence becomes tentative at month precision until the day is published); ``reason`` says why
in words a reader sees; ``source`` (optional, the rule's otherwise) cites the new date. Every error
names the key it is about; :mod:`calendar_daemon.sources.rule_files` adds the file and the rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from typing import Any

from dateutil.rrule import rrule

from calendar_daemon.sources.recurrence import Move, Source, naive_local

_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_FIELDS = {"to", "reason", "source"}


def _key(value: Any) -> date:
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"moves: key {value!r} is not an ISO date (the occurrence's own date)") from None
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValueError(f"moves: key {value!r} must be the occurrence's own date, such as 2027-02-28")
    return value


def _target(value: Any, at: time, key: date) -> tuple[datetime | None, date | None]:
    """``to`` as (exact local date-time, None) or (None, first day of the month)."""
    where = f"moves {key.isoformat()}: to"
    if isinstance(value, str) and (match := _MONTH_RE.match(value.strip())):
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"{where} {value!r} is not a month (YYYY-MM)")
        return None, date(year, month, 1)
    try:
        return naive_local(value, at, where), None
    except ValueError as exc:
        if isinstance(value, datetime):  # one with an offset: the message says what to change
            raise
        raise ValueError(f"{exc} (or a month, YYYY-MM)") from None


def parse_moves(raw: Any, at: time, parse_source: Callable[[Any], Source]) -> tuple[tuple[date, Move], ...]:
    """The ``moves`` mapping as (own date, move) pairs in date order; ``at`` is ``dtstart``'s time."""
    if raw is None:
        return ()
    if not isinstance(raw, Mapping):
        raise ValueError("moves must be a mapping of occurrence dates to {to, reason, source}")
    moves: dict[date, Move] = {}
    for raw_key, entry in raw.items():
        key = _key(raw_key)
        where = f"moves {key.isoformat()}"
        if not isinstance(entry, Mapping):
            raise ValueError(f"{where}: expected a mapping with 'to' and 'reason', got {entry!r}")
        if unknown := sorted(set(entry) - _FIELDS):
            raise ValueError(f"{where}: unknown field(s) {unknown}")
        if entry.get("to") is None:
            raise ValueError(f"{where}: missing field 'to'")
        reason = entry.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise ValueError(f"{where}: 'reason' must say why the occurrence moves (a non-empty string)")
        to, month = _target(entry["to"], at, key)
        try:
            source = None if entry.get("source") is None else parse_source(entry["source"])
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None
        moves[key] = Move(reason=" ".join(reason.split()), to=to, month=month, source=source)
    return tuple(sorted(moves.items()))


def check_moves(moves: tuple[tuple[date, Move], ...], base: rrule, at: time, exdate: tuple[datetime, ...]) -> None:
    """Each key is an occurrence ``base`` produces (at ``at``, dtstart's time) and is not in ``exdate`` too."""
    removed = {value.date() for value in exdate}
    for key, _ in moves:
        if key in removed:
            raise ValueError(f"moves {key.isoformat()}: the date is also in exdate; a moved occurrence is not removed")
        if datetime.combine(key, at) not in base:
            raise ValueError(f"moves {key.isoformat()}: the rule has no occurrence on that date")
