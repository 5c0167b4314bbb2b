"""Read VEVENTs from an iCalendar file into event records.

UIDs are kept. A ``CATEGORIES`` value that names one of our categories sets the category; other
values become tags. Files exported by calendar-daemon carry ``X-CALENDAR-DAEMON-*`` properties,
which restore precision, importance, region, zone, entities and sources exactly.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from icalendar.cal import Component

from calendar_daemon.domain.limits import value_problem
from calendar_daemon.domain.periods import Precision
from calendar_daemon.domain.records import EventRecord, normalize
from calendar_daemon.domain.vocabulary import ASSUMED_END, CATEGORIES, DESCRIPTION_SEPARATOR, STATUSES, X_PREFIX
from calendar_daemon.exceptions import InputError
from calendar_daemon.sources.ics_recurrence import Window, occurrences
from calendar_daemon.sources.ics_stream import Block, Lines, Logical, prescan, text_lines, vevent_blocks, zone_problem
from calendar_daemon.sources.recurrence import occurrence_uid

_STATUS = {status.upper(): status for status in STATUSES}  # iCalendar STATUS -> ours
_OWN_NAME = re.compile(re.escape(X_PREFIX) + r"[A-Za-z0-9-]+", re.IGNORECASE)


def _text(component: Component, name: str) -> str | None:
    value = component.get(name)
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0]
    return str(value)


def _categories(component: Component) -> list[str]:
    raw = component.get("categories")
    if raw is None:
        return []
    values = raw if isinstance(raw, list) else [raw]
    names: list[str] = []
    for value in values:
        cats = getattr(value, "cats", None)
        if cats is None:
            cats = [str(value)]
        names.extend(str(c).strip() for c in cats if str(c).strip())
    return names


def _zone_name(value: datetime) -> str | None:
    tz = value.tzinfo
    if tz is None:
        return None
    key = getattr(tz, "key", None) or getattr(tz, "zone", None)
    if key:
        return str(key)
    return "UTC" if value.utcoffset() == timedelta(0) else None


def _strip_label(title: str, precision: str | None) -> str:
    if precision and Precision(precision).is_coarse and title.startswith("[") and "] " in title:
        return title.split("] ", 1)[1]
    return title


def _record_data(component: Component, default_timezone: str, own: dict[str, str] | None = None) -> dict[str, Any]:
    start = component.decoded("dtstart") if "dtstart" in component else None
    if not isinstance(start, date):
        raise ValueError("no DTSTART" if start is None else f"DTSTART is not a date or date-time: {start!r}")
    end = component.decoded("dtend") if "dtend" in component else None
    if end is None and "duration" in component:
        end = start + component.decoded("duration")
    if end is not None and not isinstance(end, date):
        raise ValueError(f"DTEND is not a date or date-time: {end!r}")
    ours = {key[len(X_PREFIX):].lower(): str(value) for key, value in component.items() if key.startswith(X_PREFIX)}
    ours.update(own or {})
    if ours.get("end") == ASSUMED_END:
        end = None  # our export drew the slot with an assumed length; the source gave no end
    precision = ours.get("precision")
    data: dict[str, Any] = {"uid": _text(component, "uid"), "title": _strip_label(_text(component, "summary") or "", precision)}
    description = _text(component, "description") or ""
    if ours and DESCRIPTION_SEPARATOR in description:
        description = description.rsplit(DESCRIPTION_SEPARATOR, 1)[0]
    elif ours and description.startswith("Importance: "):
        description = ""
    data["description"] = description
    categories = _categories(component)
    ours_category = next((c for c in categories if c in CATEGORIES), None)
    data["category"] = ours_category or "other"
    tags = list(categories)
    if ours_category is not None:
        tags.remove(ours_category)
    data["tags"] = tags
    if isinstance(start, datetime):
        data["precision"] = "datetime"
        data["timezone"] = ours.get("timezone") or _zone_name(start) or default_timezone
        data["start"] = start.isoformat()
        if isinstance(end, datetime):
            data["end"] = end.isoformat()
    else:
        data["precision"] = precision or "date"
        data["timezone"] = ours.get("timezone") or default_timezone
        data["start"] = start.isoformat()
        if isinstance(end, date) and not isinstance(end, datetime):
            data["end"] = max(end - timedelta(days=1), start).isoformat()
    status = ours.get("status") or _STATUS.get((_text(component, "status") or "").upper())
    if status:
        data["status"] = status
    if "importance" in ours:
        data["importance"] = int(ours["importance"])
    elif "priority" in component:
        priority = int(component.decoded("priority"))
        data["importance"] = 3 if 1 <= priority <= 4 else 1 if priority >= 6 else 2
    if "region" in ours:
        data["region"] = ours["region"]
    if "entities" in ours:
        data["entities"] = json.loads(ours["entities"])
    if "sources" in ours:
        data["sources"] = json.loads(ours["sources"])
    if "extra" in ours:
        data["extra"] = json.loads(ours["extra"])
    return {k: v for k, v in data.items() if v is not None}


def _moved(data: dict[str, Any], start: date, when: date) -> dict[str, Any]:
    """``data`` (the series' first event) moved to the occurrence starting ``when``, with its own UID."""
    moved = dict(data)
    day = when.date() if isinstance(when, datetime) else when
    if "uid" in data:
        moved["uid"] = occurrence_uid(data["uid"], day)
    moved["start"] = when.isoformat()
    if "end" in data:
        end = datetime.fromisoformat(data["end"]) if isinstance(start, datetime) else date.fromisoformat(data["end"])
        moved["end"] = (when + (end - start)).isoformat()
    return moved


def _expanded(
    component: Component, default_timezone: str, window: Window | None, own: dict[str, str] | None = None
) -> list[tuple[dict[str, Any], str]]:
    """The records of one VEVENT with where each comes from: itself, or one per occurrence of its RRULE."""
    data = _record_data(component, default_timezone, own)
    if "recurrence-id" in component:  # one changed occurrence of a series: it replaces that occurrence
        moved = component.decoded("recurrence-id")
        day = moved.date() if isinstance(moved, datetime) else moved
        if "uid" in data:
            data["uid"] = occurrence_uid(data["uid"], day)
        return [(data, f", occurrence {day.isoformat()}")]
    if "rrule" not in component:
        return [(data, "")]
    if window is None:
        raise ValueError("a recurring event (RRULE) needs a window to expand it over")
    start = component.decoded("dtstart")
    return [(_moved(data, start, when), f", occurrence {when.isoformat()[:10]}")
            for when in occurrences(component, start, window)]  # fmt: skip


def parse_ics(text: str, source: str, default_timezone: str, window: Window | None = None) -> list[EventRecord]:
    """The events of an iCalendar text; a recurring one gives one event per occurrence within ``window``
    (start and end aware), each with the UID ``<uid>-<YYYYMMDD>``."""
    return list(ics_records(text_lines(text), source, default_timezone, window))


def ics_records(lines: Lines, source: str, default_timezone: str, window: Window | None = None) -> Iterator[EventRecord]:
    """The events of an iCalendar file one VEVENT at a time, as :func:`parse_ics` gives them, holding one
    VEVENT (and the file's VTIMEZONEs and changed occurrences) at a time: the file is read twice, first
    to check its structure (see :mod:`calendar_daemon.sources.ics_stream`). A changed occurrence
    (``RECURRENCE-ID``) replaces the one its series gives and comes after all the others."""
    found = prescan(lines(), source)
    for block in found.timezones:
        _component(block, source, "VTIMEZONE")  # icalendar keeps each for the TZIDs that name it
    replaced: set[str] = set()
    for block in found.overrides:
        try:
            replaced.update(_occurrence_uids(_component(block, source, "VEVENT"), default_timezone))
        except (InputError, ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError):
            continue  # reported where the VEVENT is read in turn below
    overrides: list[EventRecord] = []
    index = 0
    for block in vevent_blocks(lines(), source, found.zones):
        uid = next((line.text.partition(":")[2].strip() for line in reversed(block.lines) if line.text.upper().startswith(("UID:", "UID;"))), "")
        for line in block.lines:
            problem = zone_problem(line.text, found.zones)
            if problem:
                raise InputError(problem, source=source, where=_where(index + 1, uid, line.number))
        block, own = _own_properties(block)
        for component in _component(block, source, "VEVENT", index + 1, uid).walk("VEVENT"):
            index += 1
            for record in _records(component, source, default_timezone, window, index, block.number, own):
                if "recurrence-id" in component:
                    overrides.append(record)
                elif record.uid not in replaced:
                    yield record
    yield from overrides


def _where(index: int, uid: str | None, line: int) -> str:
    """``VEVENT 3 (UID x), line 17``: which VEVENT of the file, and the line it starts on (if known)."""
    return f"VEVENT {index}" + (f" (UID {uid})" if uid else "") + (f", line {line}" if line else "")


def _own_properties(block: Block) -> tuple[Block, dict[str, str]]:
    """Our own ``X-CALENDAR-DAEMON-*`` properties of a VEVENT with nothing inside it, taken out of the
    text icalendar parses, by name (lower case, prefix removed): a plain ``NAME:VALUE`` line whose value
    icalendar would hand over as it stands (an unknown property is not unescaped), so it need not walk
    it character by character. A line with parameters, a name given twice or a component inside the
    VEVENT leave the block as it is."""
    own: dict[str, str] = {}
    kept: list[Logical] = []
    for line in block.lines:
        name, colon, value = line.text.partition(":")
        if colon and _OWN_NAME.fullmatch(name):
            key = name[len(X_PREFIX) :].lower()
            if key in own:
                return block, {}
            own[key] = value
        else:
            kept.append(line)
    if not own or sum(1 for line in kept if line.text[:6].upper() == "BEGIN:") > 1:
        return block, {}
    return Block(block.number, "".join(raw for line in kept for raw in line.raw), kept), own


def _component(block: Block, source: str, kind: str, index: int = 0, uid: str = "") -> Component:
    """icalendar's reading of one component of the file; a problem names it and its first line."""
    where = _where(index, uid, block.number) if index else f"line {block.number}"
    try:
        component = Component.from_ical(block.text)
    except (ValueError, KeyError, IndexError) as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"invalid iCalendar data: {first_line[:200]}", source=source, where=where) from None
    if not isinstance(component, Component) or component.name != kind:
        raise InputError(f"invalid iCalendar data: expected one {kind}", source=source, where=where)
    return component


def _occurrence_uids(component: Component, default_timezone: str) -> Iterator[str]:
    """The UIDs of the occurrences the changed occurrences in ``component`` replace."""
    for event in component.walk("VEVENT"):
        if "recurrence-id" in event:
            yield from (data["uid"] for data, _ in _expanded(event, default_timezone, None) if "uid" in data)


def _records(
    component: Component, source: str, default_timezone: str, window: Window | None, index: int, line: int,
    own: dict[str, str] | None = None,
) -> list[EventRecord]:
    """The records of the ``index``-th VEVENT of the file (in the VEVENT starting on ``line``), with
    ``own`` X-CALENDAR-DAEMON properties read beside it (see :func:`_own_properties`)."""
    where = _where(index, _text(component, "uid"), line)
    try:
        expanded = _expanded(component, default_timezone, window, own)
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
        raise InputError(f"cannot read event: {value_problem(exc)}", source=source, where=where) from None
    except RecursionError:
        raise InputError("cannot read event: a value is nested too deeply", source=source, where=where) from None
    return [normalize(data, default_timezone=default_timezone, source=source, where=where + at) for data, at in expanded]
