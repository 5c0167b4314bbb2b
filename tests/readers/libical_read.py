#!/usr/bin/python3
"""Test-only reader: parse an iCalendar file with libical and print normalized JSON.

Run with Debian's system Python, which has PyGObject (python3-gi); the libical bindings come
from the Debian package gir1.2-ical-3.0. That package ships two typelibs: ``ICal-3.0`` (the
raw C API, which exposes no parser entry point through GObject introspection) and
``ICalGLib-3.0`` (libical-glib, the object wrapper of the same libical library). The raw
namespace is loaded to confirm the install; parsing goes through libical-glib.

Usage: /usr/bin/python3 libical_read.py [PATH|-]     (stdin when PATH is absent or "-")

Output: the same JSON as ``icaljs/read.mjs``: a list, in file order, of
``{"uid", "summary", "allday", "start", "end"}``; timed values as UTC instants
``2026-01-28T19:00:00Z`` (floating times without ``Z``), all-day values as ISO dates, ``end``
exclusive as in the file (DTEND, else DTSTART + DURATION, else null).

A TZID is resolved against the calendar's own VTIMEZONE first, then against libical's
built-in zone database (the system tzdata); an unknown TZID is an error (exit 3).

Exit codes: 0 ok, 2 usage/IO error, 3 the calendar cannot be read faithfully,
4 the libical GObject bindings are missing.
"""

from __future__ import annotations

import json
import logging
import sys
from typing import Any

logger = logging.getLogger(__name__)

EXIT_USAGE = 2
EXIT_UNREADABLE = 3
EXIT_NO_BINDINGS = 4

try:
    import gi  # type: ignore[import-not-found,unused-ignore]

    gi.require_version("ICal", "3.0")
    gi.require_version("ICalGLib", "3.0")
    from gi.repository import (  # type: ignore[import-not-found,unused-ignore]
        ICal,  # noqa: F401  (raw libical namespace: proves the install)
        ICalGLib,
    )
except (ImportError, ValueError) as exc:  # ValueError: typelib not installed
    sys.stderr.write(
        f"libical_read.py: libical GObject bindings unavailable ({exc}); "
        "install them with: apt-get install gir1.2-ical-3.0 python3-gi\n"
    )
    sys.exit(EXIT_NO_BINDINGS)


class ReadError(Exception):
    """The calendar cannot be turned into faithful instants."""


def _format_date(t: Any) -> str:
    return f"{t.get_year():04d}-{t.get_month():02d}-{t.get_day():02d}"


def _format_wall(t: Any) -> str:
    return f"{_format_date(t)}T{t.get_hour():02d}:{t.get_minute():02d}:{t.get_second():02d}"


def _zone_for(vcalendar: Any, prop: Any) -> Any | None:
    """Return the zone a TZID parameter names, or None when the property has no TZID."""
    tzid = prop.get_parameter_as_string("TZID")
    if not tzid:
        return None
    zone = vcalendar.get_timezone(tzid) if vcalendar is not None else None
    if zone is None:
        zone = ICalGLib.Timezone.get_builtin_timezone(tzid)
    if zone is None:
        zone = ICalGLib.Timezone.get_builtin_timezone_from_tzid(tzid)
    if zone is None:
        raise ReadError(f"{prop.get_property_name()} uses unknown TZID={tzid}")
    return zone


def _format_time(t: Any, zone: Any | None) -> str:
    if t.is_date():
        return _format_date(t)
    if t.is_utc():
        return _format_wall(t) + "Z"
    if zone is None:
        return _format_wall(t)  # floating time: no instant, keep the wall clock
    utc = ICalGLib.Timezone.get_utc_timezone()
    converted = t.clone()
    ICalGLib.Time.convert_timezone(converted, zone, utc)
    return _format_wall(converted) + "Z"


def _first_prop(comp: Any, kind: Any) -> Any | None:
    return comp.get_first_property(kind)


def _read_event(vcalendar: Any, vevent: Any) -> dict[str, Any]:
    kinds = ICalGLib.PropertyKind
    dtstart_prop = _first_prop(vevent, kinds.DTSTART_PROPERTY)
    if dtstart_prop is None:
        raise ReadError(f"VEVENT {vevent.get_uid()} has no DTSTART")
    start = dtstart_prop.get_dtstart()
    start_zone = _zone_for(vcalendar, dtstart_prop)

    end_text: str | None = None
    dtend_prop = _first_prop(vevent, kinds.DTEND_PROPERTY)
    duration_prop = _first_prop(vevent, kinds.DURATION_PROPERTY)
    if dtend_prop is not None:
        end_text = _format_time(
            dtend_prop.get_dtend(), _zone_for(vcalendar, dtend_prop)
        )
    elif duration_prop is not None:
        end = ICalGLib.Time.add(start, duration_prop.get_duration())
        end_text = _format_time(end, start_zone)

    summary_prop = _first_prop(vevent, kinds.SUMMARY_PROPERTY)
    uid_prop = _first_prop(vevent, kinds.UID_PROPERTY)
    return {
        "uid": uid_prop.get_uid() if uid_prop is not None else None,
        "summary": summary_prop.get_summary() if summary_prop is not None else None,
        "allday": bool(start.is_date()),
        "start": _format_time(start, start_zone),
        "end": end_text,
    }


def read_events(text: str) -> list[dict[str, Any]]:
    """Parse calendar text with libical and return normalized event dicts in file order."""
    try:
        root = ICalGLib.Component.new_from_string(text)
    except TypeError as exc:  # PyGObject: "constructor returned NULL"
        raise ReadError(f"libical could not parse the calendar ({exc})") from exc
    if root is None:
        raise ReadError("libical could not parse the calendar")
    kinds = ICalGLib.ComponentKind
    if root.isa() != kinds.VCALENDAR_COMPONENT:
        raise ReadError(
            f"top-level component is {root.isa().value_nick}, expected VCALENDAR"
        )
    errors = root.count_errors()
    if errors:
        raise ReadError(
            f"libical reported {errors} parse error(s) (X-LIC-ERROR properties)"
        )
    out: list[dict[str, Any]] = []
    vevent = root.get_first_component(kinds.VEVENT_COMPONENT)
    while vevent is not None:
        out.append(_read_event(root, vevent))
        vevent = root.get_next_component(kinds.VEVENT_COMPONENT)
    return out


def main(argv: list[str]) -> int:
    if len(argv) > 1:
        sys.stderr.write("usage: libical_read.py [PATH|-]\n")
        return EXIT_USAGE
    try:
        if not argv or argv[0] == "-":
            text = sys.stdin.buffer.read().decode("utf-8")
        else:
            with open(argv[0], encoding="utf-8", newline="") as fh:
                text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        sys.stderr.write(f"libical_read.py: cannot read input: {exc}\n")
        return EXIT_USAGE
    try:
        events = read_events(text)
    except ReadError as exc:
        sys.stderr.write(f"libical_read.py: {exc}\n")
        return EXIT_UNREADABLE
    sys.stdout.write(json.dumps(events, ensure_ascii=False, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
