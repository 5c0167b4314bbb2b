"""Alert texts in zh-CN (default) or en, cut to each channel's length limit; the words come from :mod:`calendar_daemon.i18n`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from calendar_daemon.domain.durations import format_duration
from calendar_daemon.domain.periods import Precision, period_label
from calendar_daemon.i18n.labels import category_label, precision_label
from calendar_daemon.i18n.phrases import t
from calendar_daemon.i18n.terms import duration_words
from calendar_daemon.store.models import Event


class Dated(Protocol):
    """What :func:`when_text` and :func:`render_notice` read of an event (a stored one or a notice's snapshot)."""

    @property
    def title(self) -> str: ...
    @property
    def precision(self) -> str: ...
    @property
    def timezone(self) -> str: ...
    @property
    def start_at(self) -> datetime | None: ...
    @property
    def start_date(self) -> date | None: ...
    @property
    def end_date(self) -> date | None: ...


def format_instant(value: datetime, zone: str) -> str:
    local = value.replace(tzinfo=UTC).astimezone(ZoneInfo(zone))
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()} ({zone})"


def when_text(event: Dated, display_zone: str) -> str:
    """When the event happens: its own zone, plus the display zone when that differs."""
    if event.precision == Precision.DATETIME.value and event.start_at is not None:
        text = format_instant(event.start_at, event.timezone)
        if display_zone != event.timezone:
            text += " / " + format_instant(event.start_at, display_zone)
        return text
    assert event.start_date is not None
    if event.precision == Precision.DATE.value:
        if event.end_date and event.end_date != event.start_date:
            return f"{event.start_date.isoformat()} – {event.end_date.isoformat()}"
        return event.start_date.isoformat()
    return period_label(Precision(event.precision), event.start_date, event.end_date)


def source_text(event: Event) -> str:
    parts = []
    for source in event.sources[:2]:
        piece = " · ".join(str(source[k]) for k in ("outlet", "headline", "published") if source.get(k))
        if source.get("url"):
            piece += f" {source['url']}"
        if piece:
            parts.append(piece)
    return "; ".join(parts) or "-"


def _starts(event: Event, lead: str, now: datetime, locale: str) -> str:
    """How long until the start at ``now`` (a late alert's rule lead is no longer true), to the minute."""
    if event.start_at is None:
        return t(locale, "starts", lead=duration_words(lead, locale))
    left = event.start_at - now
    seconds = abs(left.total_seconds())
    span = timedelta(seconds=max(round(seconds), 1)) if seconds < 60 else timedelta(minutes=round(seconds / 60))
    words = duration_words(format_duration(span), locale)
    if left >= timedelta(0):
        return t(locale, "starts", lead=words)
    return t(locale, "started", ago=words)


def render_alert(
    event: Event, lead: str, due_at: datetime, *, late: bool, locale: str, display_zone: str, now: datetime | None = None,
) -> tuple[str, str]:  # fmt: skip
    """Title and body of one alert; a ``late`` one sent at ``now`` says how long until the start then."""
    stars = "★" * event.importance + "☆" * (3 - event.importance)
    title = f"[{t(locale, 'reminder')}] {event.title}"
    lines = [
        event.title,
        f"{t(locale, 'when')}: {when_text(event, display_zone)}",
        f"{t(locale, 'category')}: {category_label(event.category, locale)}",
        f"{t(locale, 'importance')}: {stars}",
        f"{t(locale, 'region')}: {event.region}",
        f"{t(locale, 'precision')}: {precision_label(event.precision, locale)}",
        f"{t(locale, 'source')}: {source_text(event)}",
    ]
    if lead[:1].isdigit() and event.precision == Precision.DATETIME.value:
        # A late alert, or one whose retry went out after its event began, says how things stand when sent.
        began = now is not None and event.start_at is not None and event.start_at <= now
        lines.insert(1, _starts(event, lead, now, locale) if (late or began) and now is not None
                     else t(locale, "starts", lead=duration_words(lead, locale)))  # fmt: skip
    if late:
        lines.insert(0, t(locale, "late", due=format_instant(due_at, display_zone)))
    if event.description:
        lines += ["", event.description]
    return title, "\n".join(lines)


def render_notice(kind: str, event: Dated, old_when: str, *, locale: str, display_zone: str) -> tuple[str, str]:
    """The short notice a channel gets when an event it was alerted about moves or is cancelled."""
    if kind == "moved":
        body = t(locale, "moved_body", old=old_when, new=when_text(event, display_zone))
    else:
        body = t(locale, "cancelled_body")
    return f"[{t(locale, kind)}] {event.title}", f"{event.title}\n{body}"


def render_missed(
    items: Sequence[tuple[str, datetime]], *, locale: str, display_zone: str, shown: int = 20, down: bool = True,
) -> tuple[str, str]:  # fmt: skip
    """One summary per channel of alerts that were missed while the daemon was down (or, ``down``
    False, that could not be sent in time while it ran)."""
    key = "missed" if down else "missed_running"
    lines = [t(locale, key + "_body", n=len(items))]
    for title, due_at in items[:shown]:
        lines.append(f"- {format_instant(due_at, display_zone)}: {title}")
    if len(items) > shown:
        lines.append(t(locale, "more", n=len(items) - shown))
    return t(locale, key), "\n".join(lines)


def truncate(text: str, limit: int) -> str:
    """Cut ``text`` to ``limit`` characters, ending with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + "…"
