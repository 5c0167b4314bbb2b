"""Events as an iCalendar calendar: the one definition of how a feed or an export is laid out.

A calendar is :func:`calendar_header` (the calendar's properties), one VEVENT block per event
(:func:`calendar_daemon.feed.vevent.render_vevent`) in the order given, and :data:`FOOTER`.
:func:`render_calendar` is pure: it reads no store and writes nothing, and yields the calendar in
pieces, so an export of 100,000 events never holds the whole text. The feed cache builds its bodies
from the same header, blocks and footer (:mod:`calendar_daemon.feed.cache`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from icalendar import Calendar

from calendar_daemon import __version__
from calendar_daemon.feed.vevent import FEED_LOCALE, render_vevent
from calendar_daemon.store.models import Event

FOOTER = b"END:VCALENDAR\r\n"
DEFAULT_NAME = "Market calendar"
DEFAULT_REFRESH_MINUTES = 60


def calendar_header(name: str = DEFAULT_NAME, refresh_minutes: int = DEFAULT_REFRESH_MINUTES) -> bytes:
    """The calendar's properties: everything before the first VEVENT."""
    calendar = Calendar()
    calendar.add("prodid", f"-//calendar-daemon//calendar-daemon {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    refresh = f"PT{refresh_minutes}M"
    calendar.add("x-published-ttl", refresh)
    text: bytes = calendar.to_ical().replace(FOOTER, b"")
    return text + f"REFRESH-INTERVAL;VALUE=DURATION:{refresh}\r\n".encode()


def render_calendar(
    events: Iterable[Event], *, name: str = DEFAULT_NAME, refresh_minutes: int = DEFAULT_REFRESH_MINUTES, roundtrip: bool = False,
    locale: str = FEED_LOCALE,
) -> Iterator[bytes]:
    """The calendar of ``events``, in the order given (the feed's is start, then UID), as pieces:
    the header, one block per event, the footer. ``roundtrip`` (export) renders blocks a re-import
    restores exactly; ``locale`` words the DESCRIPTION footers. Join the pieces for the whole calendar; write them one by one for a large one."""
    yield calendar_header(name, refresh_minutes)
    for event in events:
        yield render_vevent(event, roundtrip=roundtrip, locale=locale)
    yield FOOTER
