"""Read VEVENTs from an iCalendar file into event records.

UIDs are kept. A ``CATEGORIES`` value that names one of our categories sets the category; other
values become tags. Files exported by calendar-daemon carry ``X-CALENDAR-DAEMON-*`` properties,
which restore precision, importance, region, zone, entities and sources exactly.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from typing import Any

from icalendar import Calendar
from icalendar.cal import Component

from calendar_daemon.domain.limits import value_problem
from calendar_daemon.domain.periods import Precision
from calendar_daemon.domain.records import EventRecord, normalize
from calendar_daemon.domain.vocabulary import ASSUMED_END, CATEGORIES, DESCRIPTION_SEPARATOR, STATUSES, X_PREFIX
from calendar_daemon.domain.zones import MAX_ZONE_NAME, check_zone
from calendar_daemon.exceptions import InputError
from calendar_daemon.sources.ics_recurrence import Window, occurrences
from calendar_daemon.sources.recurrence import occurrence_uid

_STATUS = {status.upper(): status for status in STATUSES}  # iCalendar STATUS -> ours
_TZID_PARAM = re.compile(r';TZID=("[^"]*"|[^;:]*)', re.IGNORECASE)


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


def _record_data(component: Component, default_timezone: str) -> dict[str, Any]:
    start = component.decoded("dtstart") if "dtstart" in component else None
    if not isinstance(start, date):
        raise ValueError("no DTSTART" if start is None else f"DTSTART is not a date or date-time: {start!r}")
    end = component.decoded("dtend") if "dtend" in component else None
    if end is None and "duration" in component:
        end = start + component.decoded("duration")
    if end is not None and not isinstance(end, date):
        raise ValueError(f"DTEND is not a date or date-time: {end!r}")
    ours = {key[len(X_PREFIX):].lower(): str(value) for key, value in component.items() if key.startswith(X_PREFIX)}
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


def check_structure(text: str, source: str) -> None:
    """Every ``BEGIN:X`` is closed by its ``END:X`` in order; otherwise say which line and what is missing
    (icalendar's own message for this names neither and quotes the start of the file)."""
    opened: list[tuple[str, int]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        name, _, value = line.partition(":")
        keyword = name.strip().upper()
        if keyword not in ("BEGIN", "END"):
            continue
        component = value.strip().upper()
        if keyword == "BEGIN":
            opened.append((component, number))
        elif not opened:
            raise InputError(f"END:{component} without a BEGIN:{component} before it", source=source, where=f"line {number}")
        elif opened[-1][0] != component:
            inner, at = opened[-1]
            raise InputError(f"END:{component} closes BEGIN:{inner} of line {at}: END:{inner} is missing", source=source,
                             where=f"line {number}")  # fmt: skip
        else:
            opened.pop()
    if opened:
        component, at = opened[-1]
        raise InputError(f"BEGIN:{component} is never closed (END:{component} is missing)", source=source, where=f"line {at}")


def _unfold(text: str) -> list[tuple[int, str]]:
    """Content lines with their first line number; a line starting with a space or TAB continues the one before."""
    lines: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] = (lines[-1][0], lines[-1][1] + line[1:])
        else:
            lines.append((number, line))
    return lines


def check_zones(text: str, source: str) -> None:
    """Every ``TZID=`` names an IANA zone or a ``VTIMEZONE`` of the file; otherwise stop, naming the
    VEVENT (or line) and the TZID, before icalendar guesses (it used the default zone for ``Mars/Olympus``)."""
    lines = _unfold(text)
    defined = {line.partition(":")[2].strip() for _, line in lines if line.upper().startswith("TZID:")}
    index, uid, bad = 0, "", None
    for number, line in lines:
        upper = line.upper()
        if upper.startswith("BEGIN:VEVENT"):
            index, uid, bad = index + 1, "", None
        elif upper.startswith("UID:") or upper.startswith("UID;"):
            uid = line.partition(":")[2].strip()
        elif upper.startswith("END:VEVENT") and bad is not None:
            raise InputError(bad[1], source=source, where=f"VEVENT {index}" + (f" (UID {uid})" if uid else "") + f", line {bad[0]}")
        found = _TZID_PARAM.search(line.partition(":")[0] + ":")
        if found is None or bad is not None:
            continue
        tzid = found.group(1).strip('"')
        if tzid in defined:
            continue
        try:
            check_zone(tzid)
        except ValueError:
            shown = tzid if len(tzid) <= MAX_ZONE_NAME else tzid[:MAX_ZONE_NAME] + "..."
            bad = (number, f"unknown time zone TZID={shown!r}: not an IANA name and the file has no VTIMEZONE for it")
            if index == 0 or upper.startswith("END:"):
                raise InputError(bad[1], source=source, where=f"line {number}") from None
    if bad is not None:
        raise InputError(bad[1], source=source, where=f"line {bad[0]}")


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


def _expanded(component: Component, default_timezone: str, window: Window | None) -> list[tuple[dict[str, Any], str]]:
    """The records of one VEVENT with where each comes from: itself, or one per occurrence of its RRULE."""
    data = _record_data(component, default_timezone)
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
    """The events of an iCalendar file; a recurring one gives one event per occurrence within ``window``
    (start and end aware), each with the UID ``<uid>-<YYYYMMDD>``."""
    check_structure(text, source)
    check_zones(text, source)
    try:
        calendar = Calendar.from_ical(text)
    except (ValueError, KeyError, IndexError) as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"invalid iCalendar data: {first_line[:200]}", source=source) from None
    if not isinstance(calendar, Calendar):
        raise InputError("expected one VCALENDAR", source=source)
    records: list[EventRecord] = []
    overrides: list[EventRecord] = []
    for index, component in enumerate(calendar.walk("VEVENT"), start=1):
        uid = _text(component, "uid")
        where = f"VEVENT {index}" + (f" (UID {uid})" if uid else "")
        try:
            expanded = _expanded(component, default_timezone, window)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
            raise InputError(f"cannot read event: {value_problem(exc)}", source=source, where=where) from None
        except RecursionError:
            raise InputError("cannot read event: a value is nested too deeply", source=source, where=where) from None
        target = overrides if "recurrence-id" in component else records
        target.extend(normalize(data, default_timezone=default_timezone, source=source, where=where + at) for data, at in expanded)
    replaced = {record.uid for record in overrides}
    return [record for record in records if record.uid not in replaced] + overrides
