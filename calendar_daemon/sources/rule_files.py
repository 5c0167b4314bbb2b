"""Reading recurring-release rule files (``seeds/reference/recurring.yaml``) into
:class:`~calendar_daemon.sources.recurrence.RecurringRule` objects; the format is described in
:mod:`calendar_daemon.sources.recurrence`. Every error names the file, the rule and the field.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from dateutil.rrule import rrule, rrulestr

from calendar_daemon.domain.vocabulary import AUTHORITIES, CATEGORIES
from calendar_daemon.sources.recurrence import RecurrenceError, RecurringRule, Source

logger = logging.getLogger(__name__)

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
