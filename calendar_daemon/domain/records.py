"""Validating event records: the one gate every source (seeds, imports, API, ingest) passes.

A record arrives as a mapping (from YAML, JSON, CSV, iCalendar or an API body); :func:`normalize`
checks it and returns an :class:`EventRecord` with UTC instants or dates, ready for the store.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, field_validator
from pydantic import ValidationError as PydanticValidationError

from calendar_daemon.domain.dates import has_time, local_midnight_utc, parse_date, parse_datetime, to_utc_naive
from calendar_daemon.domain.limits import Name, Text, check_day, check_extra
from calendar_daemon.domain.periods import Precision, parse_period, period_end, period_start
from calendar_daemon.domain.vocabulary import (
    REGION_MAX_LENGTH,
    REGION_MIN_LENGTH,
    REGION_PATTERN,
    Authority,
    Status,
    check_categories,
)
from calendar_daemon.domain.zones import check_zone
from calendar_daemon.exceptions import ValidationError


def _inline(choices: type[StrEnum]) -> WithJsonSchema:
    """Describe an enum field by its values in place (the API schema lists them inline)."""
    return WithJsonSchema({"enum": [c.value for c in choices], "title": choices.__name__, "type": "string"})


class SourceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outlet: Name = Field(min_length=1, max_length=200)
    headline: Text = Field("", max_length=500)
    published: datetime | None = None
    url: Name = Field("", max_length=2000)
    note: Text = Field("", max_length=2000)
    evidence: Text = Field("", max_length=500)
    authority: Annotated[Authority, _inline(Authority)] = Authority.NEWS

    @field_validator("published")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("publication time needs a UTC offset, e.g. 2026-01-25T20:41:00+08:00")
        return value


DateLike = datetime | date | str | int


class EventIn(BaseModel):
    """The accepted shape of an event record (see docs/event-format.md)."""

    model_config = ConfigDict(extra="forbid")

    uid: Name | None = Field(None, min_length=1, max_length=255, pattern=r"^[^\s\r\n]+$")
    title: Text = Field(min_length=1, max_length=500)
    description: Text = Field("", max_length=20_000)
    category: str = "other"
    importance: int = Field(2, ge=1, le=3)
    region: str = Field(
        "GLOBAL", min_length=REGION_MIN_LENGTH, max_length=REGION_MAX_LENGTH, pattern=REGION_PATTERN
    )
    entities: list[Name] = Field(default_factory=list, max_length=200)
    tags: list[Name] = Field(default_factory=list, max_length=200)
    precision: Precision | None = None
    timezone: str | None = None
    start: DateLike
    end: DateLike | None = None
    status: Annotated[Status, _inline(Status)] = Status.CONFIRMED
    sources: list[SourceIn] = Field(default_factory=list, max_length=100)
    note: Text = Field("", max_length=2000)
    extra: dict[str, Any] = Field(default_factory=dict)

    @field_validator("extra", mode="before")
    @classmethod
    def _extra(cls, value: Any) -> Any:
        return check_extra(value)  # depth and size first: nothing walks a deep value recursively before this

    @field_validator("category")
    @classmethod
    def _category(cls, value: str) -> str:
        check_categories([value])
        return value

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str | None) -> str | None:
        return None if value is None else check_zone(value)

    @field_validator("region")
    @classmethod
    def _region(cls, value: str) -> str:
        return value.upper()


@dataclass
class EventRecord:
    """A validated event, normalised for storage."""

    uid: str
    title: str
    description: str
    category: str
    importance: int
    region: str
    entities: list[str]
    tags: list[str]
    precision: Precision
    timezone: str
    start_at: datetime | None
    end_at: datetime | None
    start_date: date | None
    end_date: date | None
    status: str
    sources: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def sort_start(self) -> datetime:
        if self.start_at is not None:
            return self.start_at
        assert self.start_date is not None
        return local_midnight_utc(self.start_date, self.timezone)

    @property
    def sort_end(self) -> datetime:
        if self.start_at is not None:
            return self.end_at or self.start_at
        assert self.end_date is not None
        return local_midnight_utc(self.end_date + timedelta(days=1), self.timezone)

    def content_hash(self) -> str:
        # The fields as they are (no deep copy as ``asdict`` makes): the fields hold only JSON-like
        # values, so the JSON and the digest are the same, at a third of the cost per record.
        payload = {name: getattr(self, name) for name in _FIELD_NAMES}
        return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


_FIELD_NAMES = tuple(f.name for f in fields(EventRecord))


def default_uid(title: str, start: object, category: str) -> str:
    digest = hashlib.sha256(f"{title}\x1f{start}\x1f{category}".encode()).hexdigest()[:20]
    return f"{digest}@calendar-daemon"


def _one_newline_style(text: str) -> str:
    """CR/LF and lone CR become LF: iCalendar TEXT can carry only one kind of line break."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _parse_when(value: DateLike, precision: Precision | None) -> tuple[datetime | date, Precision]:
    """Turn a start/end value into a datetime or date, inferring the precision when not given."""
    if isinstance(value, datetime):
        return value, precision or Precision.DATETIME
    if isinstance(value, date):
        return value, precision or Precision.DATE
    text = str(value).strip()
    if precision is not None and precision.is_coarse:
        parsed = parse_period(text, precision)
        if parsed is not None:
            return parsed, precision
    if precision is None:
        for candidate in (Precision.MONTH, Precision.QUARTER, Precision.HALF, Precision.YEAR, Precision.WEEK):
            shorthand = parse_period(text, candidate)
            if shorthand is not None and not _looks_like_full_date(text):
                return shorthand, _infer_shorthand_precision(text)
    if has_time(text):
        try:
            return parse_datetime(text), precision or Precision.DATETIME
        except ValueError:
            raise ValueError(f"not an ISO date-time: {text!r}") from None
    try:
        return parse_date(text), precision or Precision.DATE
    except ValueError:
        raise ValueError(f"not an ISO date, date-time or period: {text!r}") from None


def _looks_like_full_date(text: str) -> bool:
    return len(text) >= 10 and text[4] == "-" and text[7] == "-"


def _infer_shorthand_precision(text: str) -> Precision:
    upper = text.upper()
    if "-Q" in upper:
        return Precision.QUARTER
    if "-H" in upper:
        return Precision.HALF
    if "-W" in upper:
        return Precision.WEEK
    if "-" in upper:
        return Precision.MONTH
    return Precision.YEAR


def _pydantic_field_errors(exc: PydanticValidationError) -> list[tuple[str, str]]:
    errors = []
    for err in exc.errors():
        location = ".".join(str(part) for part in err["loc"]) or "record"
        message = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            message = "unknown field"
        errors.append((location, message))
    return errors


def normalize(
    data: dict[str, Any],
    *,
    default_timezone: str = "Asia/Shanghai",
    default_source: dict[str, Any] | None = None,
    source: str | None = None,
    where: str | None = None,
) -> EventRecord:
    """Validate one record; raise :class:`ValidationError` naming ``source``/``where`` and the field."""
    try:
        event = EventIn.model_validate(data)
    except PydanticValidationError as exc:
        field_errors = _pydantic_field_errors(exc)
        text = "; ".join(f"{loc}: {msg}" for loc, msg in field_errors)
        raise ValidationError(text, source=source, where=where, field_errors=field_errors) from None
    try:
        return _build(event, default_timezone, default_source)
    except ValueError as exc:
        field_name, _, message = str(exc).partition("|")
        if not message:
            field_name, message = "start", field_name
        raise ValidationError(
            f"{field_name}: {message}", source=source, where=where, field_errors=[(field_name, message)]
        ) from None


def _build(event: EventIn, default_timezone: str, default_source: dict[str, Any] | None) -> EventRecord:
    try:
        start, precision = _parse_when(event.start, event.precision)
        check_day(start.date() if isinstance(start, datetime) else start)
    except ValueError as exc:
        raise ValueError(f"start|{exc}") from None
    zone = event.timezone or _implied_zone(start, default_timezone)
    start_at = end_at = None
    start_date = end_date = None
    if precision is Precision.DATETIME:
        start_at, end_at = _instants(event, start, zone)
    else:
        start_date, end_date = _days(event, start, precision)
    uid = event.uid or default_uid(event.title, event.start, event.category)
    return EventRecord(
        uid=uid,
        title=_one_newline_style(event.title).strip(),
        description=_one_newline_style(event.description).strip(),
        category=event.category,
        importance=event.importance,
        region=event.region,
        entities=[e.strip() for e in event.entities if e.strip()],
        tags=[t.strip() for t in event.tags if t.strip()],
        precision=precision,
        timezone=zone,
        start_at=start_at,
        end_at=end_at,
        start_date=start_date,
        end_date=end_date,
        status=event.status.value,
        sources=_sources(event, default_source),
        extra=dict(event.extra),
    )


def _implied_zone(start: datetime | date, default_timezone: str) -> str:
    """The zone of a record that names none: UTC for a ``...Z``/``+00:00`` start, else the default."""
    if isinstance(start, datetime) and start.tzinfo is not None and start.utcoffset() == timedelta(0):
        return "UTC"
    return default_timezone


def _end_value(event: EventIn, precision: Precision) -> datetime | date:
    assert event.end is not None
    try:
        end = _parse_when(event.end, precision)[0]
        check_day(end.date() if isinstance(end, datetime) else end)
    except ValueError as exc:
        raise ValueError(f"end|{exc}") from None
    return end


def _instants(event: EventIn, start: datetime | date, zone: str) -> tuple[datetime, datetime | None]:
    """Start and end (naive UTC) of a datetime-precision event."""
    if not isinstance(start, datetime):
        raise ValueError("start|a datetime-precision event needs a date-time start (e.g. 2026-01-28T14:00)")
    start_at = to_utc_naive(start, zone)
    if event.end is None:
        return start_at, None
    end_value = _end_value(event, Precision.DATETIME)
    if not isinstance(end_value, datetime):
        raise ValueError("end|a datetime-precision event needs a date-time end")
    end_at = to_utc_naive(end_value, zone)
    if end_at < start_at:
        raise ValueError(f"end|end {event.end} is before start {event.start}")
    return start_at, end_at


def _days(event: EventIn, start: datetime | date, precision: Precision) -> tuple[date, date]:
    """First and last day of a date or period event; a period starts on its first day."""
    start_day = start.date() if isinstance(start, datetime) else start
    if precision.is_coarse:
        aligned = period_start(precision, start_day)
        if aligned != start_day:
            raise ValueError(
                f"start|a {precision.value}-precision event starts on the first day of its period "
                f"({aligned.isoformat()}), not {start_day.isoformat()}"
            )
    if event.end is None:
        return start_day, period_end(precision, start_day)
    end_value = _end_value(event, precision)
    end_day = end_value.date() if isinstance(end_value, datetime) else end_value
    if precision.is_coarse:
        end_day = period_end(precision, period_start(precision, end_day))
    if end_day < start_day:
        raise ValueError(f"end|end {end_day.isoformat()} is before start {start_day.isoformat()}")
    return start_day, end_day


def _sources(event: EventIn, default_source: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The record's sources (or the default one); the record's ``note`` goes onto the first."""
    sources = [source.model_dump(mode="json") for source in event.sources]
    if not sources and default_source:
        sources = [SourceIn.model_validate(default_source).model_dump(mode="json")]
    if event.note:
        if not sources:
            raise ValueError("note|a note needs a source to attach to")
        sources[0] = {**sources[0], "note": event.note}
    return sources
