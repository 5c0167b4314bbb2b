"""What the agenda page shows: filters from the URL, events grouped by day, month grid, subscribe links.

Everything here is plain data; the templates only lay it out (and escape it).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

from calendar_daemon.domain.dates import local_midnight_utc
from calendar_daemon.domain.periods import LONG_SPAN_DAYS, Precision, period_end, period_start
from calendar_daemon.domain.vocabulary import CATEGORIES, is_region
from calendar_daemon.i18n import labels
from calendar_daemon.i18n.conflicts import conflict_source_text, conflict_value_text, stored_conflicts
from calendar_daemon.store.events import EventFilter, EventStore
from calendar_daemon.store.models import Event
from calendar_daemon.web.params import list_param

MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
# The months the grid can show: a grid's weeks and its "next month" link run past the month's last day, so
# December 9999 (whose next month would be in year 10000) is out, like months before 1900.
FIRST_GRID_MONTH, LAST_GRID_MONTH = "1900-01", "9999-11"
UPCOMING_LIMIT = 500
PAST_LIMIT = 300
MAX_DAYS_ON_GRID = 14  # a date-precision event longer than this is listed below the grid, not per day


@dataclass(frozen=True)
class AgendaParams:
    """The page's filters and view, as read from (and written back to) the URL."""

    categories: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    min_importance: int | None = None
    q: str = ""
    past: bool = False
    view: str = "list"
    month: str = ""
    lang: str = ""

    @classmethod
    def from_query(cls, query: Mapping[str, Sequence[str]]) -> AgendaParams:
        """Read the filters leniently: unknown values are dropped, never an error page."""
        categories = tuple(c for c in list_param(query.get("category", [])) if c in CATEGORIES)
        regions = tuple(r for r in list_param(query.get("region", []), upper=True) if is_region(r))
        importance = next(iter(query.get("min_importance", [])), "")
        min_importance = int(importance) if importance in ("1", "2", "3") else None
        q = next(iter(query.get("q", [])), "").strip()[:200]
        past = next(iter(query.get("past", [])), "") in ("1", "true", "yes", "on")
        view = "month" if next(iter(query.get("view", [])), "") == "month" else "list"
        month = next(iter(query.get("month", [])), "")
        month = month if MONTH_RE.match(month) and 1 <= int(month[5:]) <= 12 else ""
        month = month if FIRST_GRID_MONTH <= month <= LAST_GRID_MONTH else ""  # else the current month
        lang = next(iter(query.get("lang", [])), "")
        lang = lang if lang in labels.LOCALES else ""
        return cls(categories, regions, min_importance, q, past, view, month, lang)

    def feed_params(self) -> list[tuple[str, str]]:
        """The filters a feed understands (free text is not one of them)."""
        params: list[tuple[str, str]] = []
        if self.categories:
            params.append(("category", ",".join(self.categories)))
        if self.regions:
            params.append(("region", ",".join(self.regions)))
        if self.min_importance is not None:
            params.append(("min_importance", str(self.min_importance)))
        return params

    def url(self, **changes: Any) -> str:
        """The page URL with some parameters changed (``None``/empty removes one)."""
        current: dict[str, Any] = {
            "category": ",".join(self.categories), "region": ",".join(self.regions),
            "min_importance": self.min_importance, "q": self.q, "past": "1" if self.past else "",
            "view": "month" if self.view == "month" else "", "month": self.month, "lang": self.lang,
        }  # fmt: skip
        current.update(changes)
        pairs = [(k, str(v)) for k, v in current.items() if v not in (None, "", False)]
        return "/" + ("?" + urlencode(pairs, safe=",") if pairs else "")

    @property
    def filtered(self) -> bool:
        return bool(self.categories or self.regions or self.min_importance or self.q)


@dataclass
class EventView:
    uid: str
    href: str
    title: str
    category: str
    category_name: str
    importance: int
    region: str
    status: str
    time_label: str
    timed: bool
    iso_utc: str
    day: str
    outlets: list[str]
    conflicts: list[dict[str, str]]
    entities: list[str]


@dataclass
class DayGroup:
    day: date
    heading: str
    is_today: bool
    events: list[EventView] = field(default_factory=list)


@dataclass
class Agenda:
    """The list view: long spans still running (a compact band) and the other events by day."""

    spans: list[EventView]
    groups: list[DayGroup]


@dataclass
class MonthCell:
    day: date
    in_month: bool
    is_today: bool
    events: list[EventView] = field(default_factory=list)


@dataclass
class MonthGrid:
    heading: str
    weekdays: tuple[str, ...]
    weeks: list[list[MonthCell]]
    spanning: list[EventView]
    prev_url: str
    next_url: str


@dataclass
class SubscribeLinks:
    https: str
    webcal: str
    google: str


def event_href(uid: str, lang: str = "") -> str:
    href = "/events/" + quote(uid, safe="@")
    return href + ("?" + urlencode({"lang": lang}) if lang else "")


def conflicts_of(event: Event, locale: str) -> list[dict[str, str]]:
    return [
        {"source": conflict_source_text(item, locale), "value": conflict_value_text(item, locale)}
        for item in stored_conflicts(event.extra)
    ]


def local_day(event: Event, zone: ZoneInfo) -> date:
    if event.start_at is not None:
        return event.start_at.replace(tzinfo=UTC).astimezone(zone).date()
    assert event.start_date is not None
    return event.start_date


def time_label(event: Event, zone: ZoneInfo, locale: str) -> str:
    """``14:00`` (display zone), ``all day``, a date span, or a period label."""
    if event.start_at is not None:
        return event.start_at.replace(tzinfo=UTC).astimezone(zone).strftime("%H:%M")
    assert event.start_date is not None
    precision = Precision(event.precision)
    if precision.is_coarse:
        return labels.period_text(precision, event.start_date, event.end_date, locale)
    if event.end_date and event.end_date != event.start_date:
        fmt = "%m-%d" if event.end_date.year == event.start_date.year else "%Y-%m-%d"
        dates = f"{event.start_date.strftime(fmt)} – {event.end_date.strftime(fmt)}"
        if (event.end_date - event.start_date).days >= LONG_SPAN_DAYS:
            return dates  # "all day" says nothing of a span of months or years
        return f"{labels.all_day(locale)} · {dates}"
    return labels.all_day(locale)


def to_view(event: Event, zone: ZoneInfo, locale: str, lang: str) -> EventView:
    iso_utc = event.start_at.replace(tzinfo=UTC).isoformat().replace("+00:00", "Z") if event.start_at else ""
    return EventView(
        uid=event.uid, href=event_href(event.uid, lang), title=event.title, category=event.category,
        category_name=labels.category_label(event.category, locale), importance=event.importance, region=event.region,
        status=event.status, time_label=time_label(event, zone, locale), timed=event.start_at is not None,
        iso_utc=iso_utc, day=local_day(event, zone).isoformat(),
        outlets=sorted({str(s.get("outlet", "")) for s in event.sources if s.get("outlet")}),
        conflicts=conflicts_of(event, locale), entities=list(event.entities),
    )  # fmt: skip


def _base_filter(params: AgendaParams) -> EventFilter:
    return EventFilter(
        categories=params.categories, regions=params.regions, min_importance=params.min_importance,
        query=params.q or None,
    )  # fmt: skip


def span_days(event: Event) -> int:
    """How many days the event covers (a coarse one its whole periods); 0 for an instant."""
    if event.start_at is not None:
        return (event.end_at - event.start_at).days if event.end_at else 0
    assert event.start_date is not None
    precision = Precision(event.precision)
    last = event.end_date or event.start_date
    if precision.is_coarse:
        last = max(last, period_end(precision, period_start(precision, last)))
    return (last - event.start_date).days + 1


def day_groups(store: EventStore, params: AgendaParams, zone_name: str, locale: str, now: datetime) -> Agenda:
    """Upcoming events (still running at ``now``) or past ones (started before ``now``), by local day.

    Upcoming events that began before today and span more than
    :data:`~calendar_daemon.domain.periods.LONG_SPAN_DAYS` (a lock-up freeze over years, a construction
    period) go to ``spans``, so today's items come first.
    """
    zone = ZoneInfo(zone_name)
    today = now.replace(tzinfo=UTC).astimezone(zone).date()
    flt = _base_filter(params)
    if params.past:
        flt.end = now
        events = store.list_events(flt)
        events = sorted(events, key=lambda e: (e.sort_start, e.uid), reverse=True)[:PAST_LIMIT]
    else:
        flt.start = now
        events = store.list_events(flt, limit=UPCOMING_LIMIT)
    groups: dict[date, DayGroup] = {}
    spans: list[EventView] = []
    for event in events:
        day = local_day(event, zone)
        if not params.past and day < today:
            if span_days(event) > LONG_SPAN_DAYS:
                spans.append(to_view(event, zone, locale, params.lang))
                continue
            day = today  # started earlier and still running: list it under today
        group = groups.get(day)
        if group is None:
            group = groups[day] = DayGroup(day, labels.day_heading(day, locale), day == today)
        group.events.append(to_view(event, zone, locale, params.lang))
    return Agenda(spans, list(groups.values()))


def month_grid(store: EventStore, params: AgendaParams, zone_name: str, locale: str, now: datetime) -> MonthGrid:
    zone = ZoneInfo(zone_name)
    today = now.replace(tzinfo=UTC).astimezone(zone).date()
    if params.month:
        year, month = int(params.month[:4]), int(params.month[5:])
    else:
        year, month = today.year, today.month
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    weeks_dates = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    cells = {d: MonthCell(d, d.month == month, d == today) for week in weeks_dates for d in week}
    flt = _base_filter(params)
    flt.start = local_midnight_utc(weeks_dates[0][0], zone_name)
    flt.end = local_midnight_utc(weeks_dates[-1][-1] + timedelta(days=1), zone_name)
    spanning: list[EventView] = []
    for event in store.list_events(flt, limit=2000):
        view = to_view(event, zone, locale, params.lang)
        precision = Precision(event.precision)
        if event.start_at is not None:
            days = [local_day(event, zone)]
        elif precision.is_coarse or (event.end_date and event.start_date and
                                     (event.end_date - event.start_date).days >= MAX_DAYS_ON_GRID):
            if event.start_date is not None and event.start_date <= last and (event.end_date or event.start_date) >= first:
                spanning.append(view)
            continue
        else:
            assert event.start_date is not None
            end = event.end_date or event.start_date
            days = [event.start_date + timedelta(days=i) for i in range((end - event.start_date).days + 1)]
        for day in days:
            if day in cells:
                cells[day].events.append(view)
    prev_month = (first - timedelta(days=1)).strftime("%Y-%m")
    next_month = (last + timedelta(days=1)).strftime("%Y-%m")
    return MonthGrid(
        heading=labels.month_heading(year, month, locale), weekdays=labels.weekday_names(locale),
        weeks=[[cells[d] for d in week] for week in weeks_dates], spanning=spanning,
        prev_url=params.url(view="month", month=prev_month), next_url=params.url(view="month", month=next_month),
    )  # fmt: skip


def subscribe_links(base_url: str, params: AgendaParams) -> SubscribeLinks:
    """Feed links for the current filter: https (Outlook), webcal (Apple), Google's add-by-URL."""
    query = urlencode(params.feed_params(), safe=",")
    https = base_url.rstrip("/") + "/calendar.ics" + ("?" + query if query else "")
    webcal = re.sub(r"^https?://", "webcal://", https)
    google = "https://calendar.google.com/calendar/r?" + urlencode({"cid": webcal})
    return SubscribeLinks(https=https, webcal=webcal, google=google)
