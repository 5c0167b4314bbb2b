"""Recurring releases described by RFC 5545 recurrence rules, expanded in their local time zone.

A rule file (``seeds/reference/recurring.yaml``) is a mapping with a ``rules`` list and an
optional file-wide ``source``::

    rules:
      - uid: us-jobless-claims@reference.calendar-daemon
        title: US initial jobless claims
        category: macro_data          # same categories as docs/event-format.md
        region: US
        importance: 2
        timezone: America/New_York    # IANA zone of the publisher's wall clock
        dtstart: 2026-01-01T08:30:00  # naive local wall-clock time (the first candidate)
        rrule: FREQ=WEEKLY;BYDAY=TH   # RFC 5545 RRULE value, without DTSTART
        until: 2027-12-31             # or `count: 52` (or UNTIL/COUNT inside the rrule)
        exdate: [2026-11-26]          # dates (the time of dtstart is used) or naive date-times
        rdate: [2026-11-25]
        source: {outlet: ..., headline: ..., published: ..., authority: official, url: ...}

The recurrence is evaluated on naive local wall-clock times (python-dateutil), and each
occurrence is then placed in the zone with :mod:`zoneinfo`, so 08:30 in New York is 13:30Z in
winter and 12:30Z in summer.  A wall-clock time that does not exist (spring-forward gap) is moved
forward by the gap; an ambiguous one (fall-back) takes its first, daylight-time, instance.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from dateutil.rrule import rrule, rruleset, rrulestr

from calendar_daemon.exceptions import InputError

logger = logging.getLogger(__name__)

CATEGORIES = frozenset(
    {
        "central_bank",
        "macro_data",
        "liquidity",
        "lockup",
        "ipo",
        "earnings",
        "bond",
        "policy",
        "corporate",
        "legal",
        "conference",
        "other",
    }
)
AUTHORITIES = frozenset({"official", "exchange", "news"})

_RULE_KEYS = frozenset(
    {
        "uid",
        "title",
        "description",
        "category",
        "region",
        "importance",
        "entities",
        "tags",
        "timezone",
        "dtstart",
        "rrule",
        "rdate",
        "exdate",
        "until",
        "count",
        "source",
    }
)
_REQUIRED_KEYS = ("uid", "title", "category", "region", "importance", "timezone", "dtstart", "rrule")
_SOURCE_KEYS = frozenset({"outlet", "headline", "published", "url", "note", "evidence", "authority"})
_REGION_RE = re.compile(r"^[A-Z]{2,8}$")


class RecurrenceError(InputError, ValueError):
    """A rule file, rule or field that cannot be used; the message names the file and the rule.

    An :class:`InputError` (so the CLI reports it cleanly) that is also a ``ValueError``.
    """


@dataclass(frozen=True)
class Source:
    """Where a rule comes from (the event-format source shape)."""

    outlet: str
    headline: str
    published: datetime
    authority: str = "official"
    url: str | None = None
    note: str | None = None
    evidence: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "outlet": self.outlet,
            "headline": self.headline,
            "published": self.published.isoformat(),
            "authority": self.authority,
        }
        for key in ("url", "note", "evidence"):
            value = getattr(self, key)
            if value:
                out[key] = value
        return out


@dataclass(frozen=True)
class RecurringRule:
    """A recurring release: an RRULE plus extra (RDATE) and removed (EXDATE) local times."""

    uid: str
    title: str
    category: str
    region: str
    importance: int
    timezone: str
    dtstart: datetime
    rrule: str
    source: Source
    description: str = ""
    entities: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    rdate: tuple[datetime, ...] = ()
    exdate: tuple[datetime, ...] = ()
    until: datetime | None = None
    count: int | None = None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def build_ruleset(self) -> rruleset:
        """The dateutil rule set on naive local wall-clock times."""
        base = rrulestr(self.rrule, dtstart=self.dtstart)
        if not isinstance(base, rrule):  # pragma: no cover - rejected by make_rule
            raise RecurrenceError(f"rule {self.uid}: rrule must be a single RRULE")
        if self.until is not None:
            base = base.replace(until=self.until)
        elif self.count is not None:
            base = base.replace(count=self.count)
        rset = rruleset()
        rset.rrule(base)
        for extra in self.rdate:
            rset.rdate(extra)
        for removed in self.exdate:
            rset.exdate(removed)
        return rset


@dataclass(frozen=True)
class Occurrence:
    """One expanded instance of a :class:`RecurringRule`."""

    uid: str
    rule: RecurringRule
    local: datetime  # naive wall-clock time in rule.timezone, as produced by the rule
    start: datetime  # aware, in rule.timezone
    shifted: bool = field(default=False)  # True when `local` fell into a DST gap

    @property
    def start_utc(self) -> datetime:
        return self.start.astimezone(UTC)

    @property
    def local_date(self) -> date:
        return self.local.date()

    def as_event(self) -> dict[str, Any]:
        """The occurrence as an event record of docs/event-format.md (precision datetime)."""
        rule = self.rule
        return {
            "uid": self.uid,
            "title": rule.title,
            "description": rule.description,
            "category": rule.category,
            "importance": rule.importance,
            "region": rule.region,
            "entities": list(rule.entities),
            "tags": list(rule.tags),
            "precision": "datetime",
            "timezone": rule.timezone,
            "start": self.start.isoformat(),
            "status": "confirmed",
            "sources": [rule.source.as_dict()],
        }


def occurrence_uid(rule_uid: str, day: date) -> str:
    """``us-jobless-claims@x`` + 2026-03-12 -> ``us-jobless-claims-20260312@x``."""
    stamp = day.strftime("%Y%m%d")
    local, sep, domain = rule_uid.partition("@")
    return f"{local}-{stamp}{sep}{domain}"


def _localize(naive: datetime, zone: ZoneInfo) -> tuple[datetime, bool]:
    """Attach ``zone``; a time inside a spring-forward gap is moved forward by the gap."""
    aware = naive.replace(tzinfo=zone, fold=0)
    normalised = aware.astimezone(UTC).astimezone(zone)
    if normalised.replace(tzinfo=None) != naive:
        logger.warning("%s does not exist in %s; using %s", naive, zone.key, normalised)
        return normalised, True
    return aware, False


def expand(rule: RecurringRule, start: datetime, end: datetime) -> list[Occurrence]:
    """Occurrences of ``rule`` with ``start <= instant < end`` (both bounds aware), in order."""
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("expand() needs timezone-aware start and end")
    if end <= start:
        return []
    zone = rule.zone
    # Search a little wider on the local time line, then filter on exact instants.
    lo = start.astimezone(zone).replace(tzinfo=None) - timedelta(days=1)
    hi = end.astimezone(zone).replace(tzinfo=None) + timedelta(days=1)
    result: list[Occurrence] = []
    for naive in rule.build_ruleset().between(lo, hi, inc=True):
        aware, shifted = _localize(naive, zone)
        if start <= aware < end:
            result.append(
                Occurrence(
                    uid=occurrence_uid(rule.uid, naive.date()),
                    rule=rule,
                    local=naive,
                    start=aware,
                    shifted=shifted,
                )
            )
    logger.debug("rule %s: %d occurrences in [%s, %s)", rule.uid, len(result), start, end)
    return result


# --------------------------------------------------------------------------------------------
# Loading


def _fail(where: str, problem: str) -> RecurrenceError:
    return RecurrenceError(f"{where}: {problem}")


def _text(raw: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = raw.get(key)
    if value is None:
        if required:
            raise _fail(where, f"missing field {key!r}")
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise _fail(where, f"field {key!r} must be a non-empty string, got {value!r}")
    return value.strip()


def _naive_local(value: Any, default_time: time | None, where: str, key: str) -> datetime:
    """A naive local date-time from a YAML value (date, datetime or ISO string)."""
    if isinstance(value, str):
        text = value.strip()
        try:
            value = datetime.fromisoformat(text) if ("T" in text or " " in text) else date.fromisoformat(text)
        except ValueError as exc:
            raise _fail(where, f"{key}: {value!r} is not an ISO date or date-time") from exc
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            raise _fail(where, f"{key}: {value.isoformat()} must be naive local wall-clock time (no offset)")
        return value
    if isinstance(value, date):
        if default_time is None:
            raise _fail(where, f"{key}: a date-time is required, got the date {value.isoformat()}")
        return datetime.combine(value, default_time)
    raise _fail(where, f"{key}: expected a date or date-time, got {value!r}")


def _string_list(raw: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _fail(where, f"field {key!r} must be a list of strings")
    return tuple(value)


def parse_source(raw: Any, where: str) -> Source:
    """A :class:`Source` from its mapping; ``published`` must carry an offset."""
    if not isinstance(raw, Mapping):
        raise _fail(where, "source must be a mapping with outlet, headline, published")
    unknown = set(raw) - _SOURCE_KEYS
    if unknown:
        raise _fail(where, f"source: unknown field(s) {sorted(unknown)}")
    published_raw = raw.get("published")
    if isinstance(published_raw, str):
        try:
            published_raw = datetime.fromisoformat(published_raw)
        except ValueError as exc:
            raise _fail(where, f"source.published {published_raw!r} is not ISO 8601") from exc
    if not isinstance(published_raw, datetime) or published_raw.tzinfo is None:
        raise _fail(where, "source.published must be an ISO date-time with an offset")
    authority = raw.get("authority", "news")
    if authority not in AUTHORITIES:
        raise _fail(where, f"source.authority must be one of {sorted(AUTHORITIES)}, got {authority!r}")
    url = raw.get("url")
    if url is not None and (not isinstance(url, str) or not url.startswith(("http://", "https://"))):
        raise _fail(where, f"source.url must be an http(s) URL, got {url!r}")
    return Source(
        outlet=_text(raw, "outlet", where + ": source"),
        headline=_text(raw, "headline", where + ": source"),
        published=published_raw,
        authority=authority,
        url=url,
        note=_text(raw, "note", where, required=False) or None,
        evidence=_text(raw, "evidence", where, required=False) or None,
    )


def make_rule(raw: Any, where: str, default_source: Source | None = None) -> RecurringRule:
    """Validate one rule mapping; ``where`` prefixes every error (e.g. ``file: rule #3``)."""
    if not isinstance(raw, Mapping):
        raise _fail(where, "a rule must be a mapping")
    uid = raw.get("uid")
    if isinstance(uid, str) and uid.strip():
        where = f"{where.rsplit(': rule', 1)[0]}: rule {uid.strip()}"
    for key in _REQUIRED_KEYS:
        if raw.get(key) is None:
            raise _fail(where, f"missing field {key!r}")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise _fail(where, f"unknown field(s) {sorted(unknown)}")

    uid_text = _text(raw, "uid", where)
    category = _text(raw, "category", where)
    if category not in CATEGORIES:
        raise _fail(where, f"category {category!r} is not one of {sorted(CATEGORIES)}")
    region = _text(raw, "region", where)
    if not _REGION_RE.match(region):
        raise _fail(where, f"region {region!r} must be an upper-case code such as US or CN")
    importance = raw.get("importance")
    if isinstance(importance, bool) or not isinstance(importance, int) or not 1 <= importance <= 3:
        raise _fail(where, f"importance must be 1, 2 or 3, got {importance!r}")
    tz_name = _text(raw, "timezone", where)
    try:
        ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise _fail(where, f"unknown time zone {tz_name!r}") from exc

    dtstart = _naive_local(raw["dtstart"], None, where, "dtstart")
    at = dtstart.time()
    rdate = tuple(_naive_local(v, at, where, "rdate") for v in _as_list(raw.get("rdate"), where, "rdate"))
    exdate = tuple(_naive_local(v, at, where, "exdate") for v in _as_list(raw.get("exdate"), where, "exdate"))

    rule_text = _text(raw, "rrule", where)
    if rule_text.upper().startswith("RRULE:"):
        rule_text = rule_text[6:]
    upper = rule_text.upper()
    if "DTSTART" in upper or "\n" in rule_text:
        raise _fail(where, "rrule must be a single RRULE value; give the start in 'dtstart'")
    try:
        parsed = rrulestr(rule_text, dtstart=dtstart)
    except (ValueError, TypeError) as exc:
        raise _fail(where, f"invalid rrule {rule_text!r}: {exc}") from exc
    if not isinstance(parsed, rrule):
        raise _fail(where, f"rrule {rule_text!r} must be one RRULE")

    until: datetime | None = None
    if raw.get("until") is not None:
        until = _naive_local(raw["until"], time(23, 59, 59), where, "until")
    count = raw.get("count")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise _fail(where, f"count must be a positive integer, got {count!r}")
    bounded_inline = "UNTIL=" in upper or "COUNT=" in upper
    given = sum(x is not None for x in (until, count)) + int(bounded_inline)
    if given == 0:
        raise _fail(where, "the rule is unbounded: give 'until' or 'count' (or UNTIL/COUNT in the rrule)")
    if given > 1:
        raise _fail(where, "give only one of 'until', 'count', UNTIL/COUNT in the rrule")
    if until is not None and until < dtstart:
        raise _fail(where, f"until {until.isoformat()} is before dtstart {dtstart.isoformat()}")

    if raw.get("source") is not None:
        source = parse_source(raw["source"], where)
    elif default_source is not None:
        source = default_source
    else:
        raise _fail(where, "missing field 'source' (no file-wide source either)")

    description = raw.get("description") or ""
    if not isinstance(description, str):
        raise _fail(where, "description must be a string")
    return RecurringRule(
        uid=uid_text,
        title=_text(raw, "title", where),
        category=category,
        region=region,
        importance=importance,
        timezone=tz_name,
        dtstart=dtstart,
        rrule=rule_text,
        source=source,
        description=description.strip(),
        entities=_string_list(raw, "entities", where),
        tags=_string_list(raw, "tags", where),
        rdate=rdate,
        exdate=exdate,
        until=until,
        count=count,
    )


def _as_list(value: Any, where: str, key: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _fail(where, f"{key} must be a list")
    return value


def load_recurring(path: str | Path) -> list[RecurringRule]:
    """Read and validate a rule file; errors name the file, the rule uid and the problem."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RecurrenceError(f"{path}: cannot read: {exc}") from exc
    except yaml.YAMLError as exc:
        raise RecurrenceError(f"{path}: invalid YAML: {exc}") from exc
    if not isinstance(data, Mapping) or not isinstance(data.get("rules"), list):
        raise RecurrenceError(f"{path}: expected a mapping with a 'rules' list")
    unknown = set(data) - {"rules", "source"}
    if unknown:
        raise RecurrenceError(f"{path}: unknown top-level key(s) {sorted(unknown)}")
    default_source = parse_source(data["source"], str(path)) if data.get("source") is not None else None
    rules: list[RecurringRule] = []
    seen: set[str] = set()
    for index, raw in enumerate(data["rules"], start=1):
        rule = make_rule(raw, f"{path}: rule #{index}", default_source)
        if rule.uid in seen:
            raise RecurrenceError(f"{path}: rule {rule.uid}: duplicate uid")
        seen.add(rule.uid)
        rules.append(rule)
    logger.info("loaded %d recurring rules from %s", len(rules), path)
    return rules
