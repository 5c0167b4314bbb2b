"""The zone of clock rows that state none, from evidence rather than the article's language.

* A zone said once as an offset above the rows ("本周焦點 (GMT+8)", "(UTC-5)") is that fixed offset.
* Rows with no zone at all ("13:30 – US CPI", "19:00 – Fed decision") from an outlet whose zone is not
  the one the article's language suggests: the gazetteer knows when recurring releases usually come
  out ("08:30 America/New_York"), so the zone in which the rows' clocks agree with those usual times
  (a US CPI at 13:30 is 08:30 in New York only when the clock is London's) is the rows' zone. It is
  only chosen when the article's own zone agrees with none of the rows and another zone agrees with
  at least two (or with the only one) of those whose release has a usual time.

* Rows with no zone, no usual time to go by, in an article published in another offset than its
  language's zone: when the rows name places of one country only and that country's zone keeps the
  publication's offset on that day (a diary of ONS and Bank of England releases, "9:30am: …", in an
  outlet publishing at +01:00), they are in that zone.

A zone chosen here has to be written back into a row in a form the time reader takes: a zone word
(Chinese) or an abbreviation (English) with the same offset on that day."""

from __future__ import annotations

import logging
import re
from collections import Counter
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

from .english import EN_ZONES
from .regions import region_of
from .releases import distinct, releases_in
from .timeexpr import ZONES

logger = logging.getLogger(__name__)

# "(GMT+8)", "（UTC+08:00）", "(GMT -5)": whole hours only (a fixed-offset zone has whole hours).
OFFSET_NOTE = re.compile(r"[(（]\s*(?:GMT|UTC)\s*(?P<sign>[+-])\s*(?P<h>0?\d|1[0-4])(?::?00)?\s*[)）]")
_PLAIN = ("ET", "GMT", "UTC", "CET", "JST", "HKT", "SGT", "CT", "PT")
# The abbreviations, those that name no season first ("GMT" before "BST" for London in December).
_ABBREVIATIONS = tuple(sorted((w for w in EN_ZONES if w.isupper()), key=lambda w: (w not in _PLAIN, w)))
_STATED = re.compile(rf"(?:{'|'.join(_ABBREVIATIONS)})\b|[(（]?(?:{'|'.join(ZONES)})")  # the row's own zone
_ROW = re.compile(r"^[\s\-*•·|]*(?P<h>[01]?\d|2[0-3])\s*[:：]\s*(?P<m>[0-5]\d)(?!\d)\s*(?P<half>[AaPp])?(?(half)\.?[Mm]\.?)"
                  r"\s*[,，\-–—|]?\s*(?P<rest>\S.*)$")


def offset_zone(sign: str, hours: str) -> str:
    """The IANA name of a fixed offset ("+", "8" -> "Etc/GMT-8": the Etc names count the other way)."""
    h = int(hours)
    return "UTC" if h == 0 else f"Etc/GMT{'-' if sign == '+' else '+'}{h}"


def zone_word(zone: str, day: date, zh: bool) -> str:
    """A zone word the time reader takes for ``zone`` on ``day``: the word of that zone, else one with
    the same offset on that day ("" when there is none)."""
    words = [w for w in ZONES if "本" not in w] if zh else list(_ABBREVIATIONS)
    table = ZONES if zh else EN_ZONES
    exact = [w for w in words if table[w] == zone]
    if exact and zh:  # an English abbreviation names a season too ("BST"): it goes by the offset
        return exact[0]
    noon = datetime(day.year, day.month, day.day, 12)
    want = noon.replace(tzinfo=ZoneInfo(zone)).utcoffset()
    return next((w for w in words if noon.replace(tzinfo=ZoneInfo(table[w])).utcoffset() == want), "")


def same_offset(a: str, b: str, day: date) -> bool:
    """Whether zones ``a`` and ``b`` keep the same clock on ``day`` (GMT+8 and Taipei)."""
    return _usual("12:00 " + a, day).utcoffset() == _usual("12:00 " + b, day).utcoffset()


@cache
def _zones() -> tuple[str, ...]:
    return tuple(sorted(set(ZONES.values()) | {z for w, z in EN_ZONES.items() if w.isupper()}))


def _usual(time: str, day: date) -> datetime:
    clock, city = time.split()
    hour, minute = (int(x) for x in clock.split(":"))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(city))


@lru_cache(maxsize=1024)
def _zones_showing(time: str, day: date, clock: tuple[int, int]) -> tuple[str, ...]:
    """The zones (of ``_zones()``, in that order) whose clock shows ``clock`` on ``day`` when a release
    usually out at ``time`` ("08:30 America/New_York") comes out: the same rows ask again, and each zone
    would otherwise be loaded again (``ZoneInfo`` keeps only the last few it made)."""
    usual = _usual(time, day)
    return tuple(z for z in _zones() if (local := usual.astimezone(ZoneInfo(z))).hour == clock[0] and local.minute == clock[1])


# The home zone of a country named by zone-less rows (where its own releases are timed).
_HOME = {"GB": "Europe/London", "AU": "Australia/Sydney", "JP": "Asia/Tokyo", "NZ": "Pacific/Auckland",
         "CA": "America/Toronto", "US": "America/New_York", "HK": "Asia/Hong_Kong", "CN": "Asia/Shanghai"}


def _home_zone(places: set[str], rows: int, own: timedelta | None, zone: str, day: date) -> str | None:
    """The one country's zone of zone-less rows, when it keeps the publication's own offset ``own``."""
    if own is None or rows < 2 or len(places) != 1 or (home := _HOME.get(next(iter(places)))) is None:
        return None
    if same_offset(home, zone, day) or _usual("12:00 " + home, day).utcoffset() != own:
        return None
    logger.debug("zone-less clock rows naming one country read in its zone %s (the outlet's offset)", home)
    return home


def _hour(row: re.Match[str]) -> int:
    """The row's hour on a 24-hour clock ("10:00pm" is 22)."""
    hour, half = int(row["h"]), (row["half"] or "").lower()
    return hour % 12 + (12 if half == "p" else 0) if half and hour <= 12 else hour


def rows_zone(text: str, zone: str, day: date, own: timedelta | None = None) -> str | None:
    """The zone in which the zone-less clock rows of ``text`` agree with their releases' usual times,
    when that is not ``zone`` (the article's); else that of the one country the rows name, when it keeps
    the publication's own offset ``own``; None when the rows give no such evidence."""
    fits: Counter[str] = Counter()
    known = rows = 0
    places: set[str] = set()
    for line in text.split("\n"):
        if (m := _ROW.match(line)) is None or _STATED.match(m["rest"]):
            continue
        rows += 1
        places |= {region_of(m["rest"][:80], default="")} - {""}
        timed = [n.release for n in distinct(releases_in(m["rest"][:80])) if n.release.time]
        if not timed:
            continue
        known += 1
        for z in _zones_showing(timed[0].time or "", day, (_hour(m), int(m["m"]))):
            fits[z] += 1
    if not fits:
        return _home_zone(places, rows, own, zone, day)
    if any(same_offset(zone, z, day) for z in fits):
        return None
    best, count = min(fits.items(), key=lambda kv: (-kv[1], kv[0]))
    if count >= 2 or count == known == 1:
        logger.debug("zone-less clock rows read in %s (%s of %s rows agree)", best, count, known)
        return best
    return None
