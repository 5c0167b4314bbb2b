"""One event as one iCalendar VEVENT block.

Timed events are written in UTC (``DTSTART:20260128T190000Z``) so every client reads the same
instant without relying on its own zone database; the source zone travels in
``X-CALENDAR-DAEMON-TIMEZONE`` of an export. Day and coarse events are ``VALUE=DATE`` spans with an
exclusive ``DTEND``; in the served feed a *long* one is two one-day events instead, its first day and
(at day precision) its last (:func:`render_long_span`), so no client draws it over every day.

Two renderings: the served feed carries what subscribers show (title, instants, status, sequence,
categories, priority and a readable description naming importance, region, precision, local time and
sources in the display locale); ``export`` (``roundtrip=True``) adds ``CREATED`` and our own fields as ``X-CALENDAR-DAEMON-*``
so it re-imports unchanged. The feed stays lean because every byte of it is sent on every refresh.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from icalendar import Event as VEvent

from calendar_daemon.domain.periods import Precision, is_long_span, period_label
from calendar_daemon.domain.vocabulary import ASSUMED_END, DESCRIPTION_SEPARATOR, X_PREFIX, assumed_minutes
from calendar_daemon.i18n.conflicts import conflict_source_text, conflict_value_text
from calendar_daemon.i18n.feed_text import feed_text, labelled, region_name, shift_text
from calendar_daemon.i18n.labels import category_label, period_text, precision_label
from calendar_daemon.i18n.moments import date_text, instant_text
from calendar_daemon.store.models import Event

IMPORTANCE_MARKS = {1: "★☆☆", 2: "★★☆", 3: "★★★"}
FEED_LOCALE = "en"  # the words of a DESCRIPTION when no locale is given (export, tests); the daemon's is [display] locale
SPAN_MARKS = {"begins": ("开始", "begins"), "ends": ("结束", "ends")}  # after a Chinese title / another


def display_title(event: Event) -> str:
    precision = Precision(event.precision)
    if precision.is_coarse and event.start_date is not None:
        return f"[{period_label(precision, event.start_date, event.end_date)}] {event.title}"
    return event.title


def feed_status(event: Event) -> str:
    if event.status == "cancelled":
        return "CANCELLED"
    if event.status == "tentative" or Precision(event.precision).is_coarse:
        return "TENTATIVE"
    return "CONFIRMED"


def _format_source(source: dict[str, object]) -> str:
    parts = [str(source.get("outlet") or "")]
    if source.get("headline"):
        parts.append(f"《{source['headline']}》")
    if source.get("published"):
        parts.append(str(source["published"]).replace("T", " "))
    line = ", ".join(p for p in parts if p)
    if source.get("note"):
        line += f" — {source['note']}"
    if source.get("url"):
        line += f" <{source['url']}>"
    return f"- {line}"


def span_text(event: Event, locale: str = FEED_LOCALE) -> str:
    """An all-day span's first and last day (``Tue 20 Jan 2026 – Fri 19 Jan 2029``) or periods
    (``May 2026 – Sep 2028``, ``2026年5月 – 2028年9月``)."""
    assert event.start_date is not None and event.end_date is not None
    precision = Precision(event.precision)
    if precision.is_coarse:
        return period_text(precision, event.start_date, event.end_date, locale)
    return f"{date_text(event.start_date, locale)} – {date_text(event.end_date, locale)}"


def description_text(event: Event, *, locale: str = FEED_LOCALE, span: bool = False) -> str:
    """The feed DESCRIPTION: the event's own text, then importance, region, category, precision, local
    time and sources, in the words of ``locale``; ``span`` adds the whole span (for a long span served
    as its start and end days)."""
    lines = [
        labelled(locale, "importance", f"{IMPORTANCE_MARKS.get(event.importance, '')} ({event.importance}/3)"),
        labelled(locale, "region", region_name(event.region, locale)),
        labelled(locale, "category", category_label(event.category, locale)),
        labelled(locale, "precision", precision_label(event.precision, locale)),
    ]
    if span:
        lines.append(labelled(locale, "span", span_text(event, locale)))
    if event.start_at is not None:
        lines.append(labelled(locale, "local_time", instant_text(event.start_at, event.timezone, locale)))
        if event.end_at is None:
            lines.append(feed_text(locale, "length_not_given", minutes=assumed_minutes(event.category, event.title, event.tags)))
    if event.entities:
        lines.append(labelled(locale, "entities", feed_text(locale, "list").join(event.entities)))
    shift = event.extra.get("trading_day_shift")
    if isinstance(shift, dict) and shift.get("reason"):
        lines.append(labelled(locale, "date_moved" if shift.get("moved", True) else "trading_day", shift_text(locale, shift)))
    conflicts = event.extra.get("conflicts")
    if isinstance(conflicts, list) and conflicts:
        lines.append(feed_text(locale, "conflict"))
        for conflict in conflicts:
            if isinstance(conflict, dict):
                mark = " " + feed_text(locale, "followed") if conflict.get("followed") else ""
                lines.append(f"- {conflict_source_text(conflict, locale)}: {conflict_value_text(conflict, locale)}{mark}")
    if event.sources:
        lines.append(feed_text(locale, "sources") + feed_text(locale, "colon").rstrip())
        lines.extend(_format_source(source) for source in event.sources)
    footer = "\n".join(lines)
    return f"{event.description}{DESCRIPTION_SEPARATOR}{footer}" if event.description else footer


def timed_end(event: Event) -> datetime:
    """A timed event's end: its own, or its start plus the length assumed for its kind."""
    assert event.start_at is not None
    if event.end_at is not None:
        return event.end_at
    return event.start_at + timedelta(minutes=assumed_minutes(event.category, event.title, event.tags))


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC)


def render_vevent(event: Event, *, roundtrip: bool = False, locale: str = FEED_LOCALE) -> bytes:
    """Serialise ``event`` as a folded, CRLF-terminated VEVENT block (two for a long span in the feed).

    ``roundtrip`` (for ``export``) adds ``CREATED`` and the ``X-CALENDAR-DAEMON-*`` fields (precision,
    zone, importance, region, status, entities, sources as JSON) so a re-import restores the event
    exactly; the served feed leaves them out, since its DESCRIPTION already says them for people.
    A long all-day span (:func:`~calendar_daemon.domain.periods.is_long_span`) is served as the day it
    begins and, when the end is a real day, the day it ends (:func:`render_long_span`); an export
    keeps it one span, so it re-imports as it was. ``locale``: the words of the DESCRIPTION footer.
    """
    if not roundtrip and is_long_span(Precision(event.precision), event.start_date, event.end_date):
        return render_long_span(event, locale)
    component = _component(event, event.uid, display_title(event))
    if event.start_at is not None:
        component.add("dtstart", _utc(event.start_at))
        component.add("dtend", _utc(timed_end(event)))
        if event.end_at is None and roundtrip:
            component.add(X_PREFIX + "END", ASSUMED_END)  # a re-import keeps the end unknown
    else:
        assert event.start_date is not None and event.end_date is not None
        _all_day(component, event.start_date, event.end_date)
    _describe(component, event, description_text(event, locale=locale))
    if roundtrip:
        _add_roundtrip_fields(component, event)
    block: bytes = component.to_ical()
    return block


def _component(event: Event, uid: str, summary: str) -> VEvent:
    component = VEvent()
    component.add("uid", uid)
    component.add("dtstamp", _utc(event.updated_at))
    component.add("last-modified", _utc(event.updated_at))
    component.add("sequence", max(event.revision - 1, 0))
    component.add("summary", summary)
    return component


def _all_day(component: VEvent, first: date, last: date) -> None:
    component.add("dtstart", first)
    component.add("dtend", last + timedelta(days=1))
    component.add("transp", "TRANSPARENT")


def _describe(component: VEvent, event: Event, description: str) -> None:
    component.add("status", feed_status(event))
    component.add("categories", [event.category, *event.tags])
    component.add("priority", {3: 1, 2: 5, 1: 9}.get(event.importance, 5))
    component.add("description", description)


def end_uid(uid: str) -> str:
    """The UID of a long span's end event: ``freeze-2026@x`` -> ``freeze-2026-end@x`` (stable, distinct)."""
    local, sep, domain = uid.partition("@")
    return f"{local}-end{sep}{domain}"


def _marked(title: str, mark: str) -> str:
    """``title`` + ``begins``/``ends`` in the title's own language: ``…开始`` after Chinese text."""
    chinese = any("\u4e00" <= char <= "\u9fff" for char in title)
    return f"{title}{SPAN_MARKS[mark][0]}" if chinese else f"{title} {SPAN_MARKS[mark][1]}"


def render_long_span(event: Event, locale: str = FEED_LOCALE) -> bytes:
    """A long all-day span as an all-day event on the day it begins (the event's UID, "… begins"),
    plus one on the day it ends (UID :func:`end_uid`, "… ends") when the end is a real day.

    Only a day-precision end is a real day (a lock-up or freeze expiry the source dates); a coarse
    span's end is a bound of a month or a year, not a day anything happens, so it has no end event.
    A coarse start is put on the first day of its period, its title carrying the period's label and
    its status TENTATIVE, as every coarse event's. Clients thus never draw a block over every day.
    """
    assert event.start_date is not None and event.end_date is not None
    precision = Precision(event.precision)
    title = _marked(event.title, "begins")
    if precision.is_coarse:
        title = f"[{period_label(precision, event.start_date)}] {title}"
    description = description_text(event, locale=locale, span=True)
    start = _component(event, event.uid, title)
    _all_day(start, event.start_date, event.start_date)
    _describe(start, event, description)
    block: bytes = start.to_ical()
    if precision is Precision.DATE:
        end = _component(event, end_uid(event.uid), _marked(event.title, "ends"))
        _all_day(end, event.end_date, event.end_date)
        _describe(end, event, description)
        block += end.to_ical()
    return block


def _add_roundtrip_fields(component: VEvent, event: Event) -> None:
    component.add("created", _utc(event.created_at))
    component.add(X_PREFIX + "PRECISION", event.precision)
    component.add(X_PREFIX + "TIMEZONE", event.timezone)
    component.add(X_PREFIX + "IMPORTANCE", str(event.importance))
    component.add(X_PREFIX + "REGION", event.region)
    component.add(X_PREFIX + "STATUS", event.status)
    if event.entities:
        component.add(X_PREFIX + "ENTITIES", json.dumps(event.entities, ensure_ascii=False, separators=(",", ":")))
    if event.sources:
        # Empty fields are left out (the importer restores their defaults): the export stays small.
        compact = [{k: v for k, v in source.items() if v not in ("", None)} for source in event.sources]
        component.add(X_PREFIX + "SOURCES", json.dumps(compact, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    if event.extra:
        # Reconciled sources, conflicts and trading-day shifts survive an export and re-import.
        component.add(X_PREFIX + "EXTRA", json.dumps(event.extra, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
