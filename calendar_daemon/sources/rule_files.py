"""Reading recurring-release rule files (``seeds/reference/recurring.yaml``) into
:class:`~calendar_daemon.sources.recurrence.RecurringRule` objects; the format is described in
:mod:`calendar_daemon.sources.recurrence`.

A rule is validated by the pydantic model :class:`RuleIn` (as event records are by
:class:`~calendar_daemon.domain.records.EventIn`); every error names the file, the rule and the field.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from datetime import datetime, time
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from dateutil.rrule import rrule, rrulestr
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic import ValidationError as PydanticValidationError

from calendar_daemon.domain.dates import parse_datetime
from calendar_daemon.domain.documents import safe_load
from calendar_daemon.domain.vocabulary import AUTHORITIES, CATEGORIES, Authority
from calendar_daemon.sources.recurrence import RecurrenceError, RecurringRule, Source, naive_local
from calendar_daemon.sources.rule_moves import check_moves, parse_moves

logger = logging.getLogger(__name__)

_REGION_RE = re.compile(r"^[A-Z]{2,8}$")  # reference data uses plain upper-case codes (US, CN, EU)
_END_OF_DAY = time(23, 59, 59)


def _fail(where: str, problem: str) -> RecurrenceError:
    return RecurrenceError(f"{where}: {problem}")


def _required_text(value: Any, info: ValidationInfo) -> str:
    if value is None:
        raise ValueError(f"missing field {info.field_name!r}")
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"field {info.field_name!r} must be a non-empty string, got {value!r}")
    return value.strip()


def _optional_text(value: Any, info: ValidationInfo) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"field {info.field_name!r} must be a non-empty string, got {value!r}")
    return value.strip() or None


def _string_list(value: Any, info: ValidationInfo) -> tuple[str, ...]:
    value = value or []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"field {info.field_name!r} must be a list of strings")
    return tuple(value)


Text = Annotated[str, BeforeValidator(_required_text)]
OptionalText = Annotated[str | None, BeforeValidator(_optional_text)]
Strings = Annotated[tuple[str, ...], BeforeValidator(_string_list)]


class RuleSourceIn(BaseModel):
    """A rule's (or the file's) ``source`` mapping; ``published`` must carry an offset."""

    model_config = ConfigDict(extra="forbid")

    outlet: str
    headline: str
    published: datetime | None = Field(None, validate_default=True)
    authority: Authority = Authority.NEWS
    url: str | None = None
    note: OptionalText = None
    evidence: OptionalText = None

    @field_validator("outlet", "headline", mode="before")
    @classmethod
    def _in_source(cls, value: Any, info: ValidationInfo) -> str:
        try:
            return _required_text(value, info)
        except ValueError as exc:
            raise ValueError(f"source: {exc}") from None

    @field_validator("published", mode="before")
    @classmethod
    def _published(cls, value: Any) -> datetime:
        if isinstance(value, str):
            try:
                value = parse_datetime(value)
            except ValueError:
                raise ValueError(f"source.published {value!r} is not ISO 8601") from None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError("source.published must be an ISO date-time with an offset")
        return value

    @field_validator("authority", mode="before")
    @classmethod
    def _authority(cls, value: Any) -> Any:
        if value not in AUTHORITIES:
            raise ValueError(f"source.authority must be one of {sorted(AUTHORITIES)}, got {value!r}")
        return value

    @field_validator("url", mode="before")
    @classmethod
    def _url(cls, value: Any) -> Any:
        if value is not None and (not isinstance(value, str) or not value.startswith(("http://", "https://"))):
            raise ValueError(f"source.url must be an http(s) URL, got {value!r}")
        return value

    def to_source(self) -> Source:
        assert self.published is not None  # the validator rejects a missing one
        return Source(
            outlet=self.outlet, headline=self.headline, published=self.published, authority=self.authority.value,
            url=self.url, note=self.note, evidence=self.evidence,
        )  # fmt: skip


class RuleIn(BaseModel):
    """One rule of a rule file; the checks that need several fields run after the fields."""

    model_config = ConfigDict(extra="forbid")

    uid: Text
    title: Text
    category: Text
    region: Text
    importance: int
    timezone: Text
    dtstart: datetime
    rrule: Text
    description: str = ""
    entities: Strings = ()
    tags: Strings = ()
    rdate: tuple[datetime, ...] = ()
    exdate: tuple[datetime, ...] = ()
    until: datetime | None = None
    count: int | None = None
    moves: Any = ()  # ((own date, Move), ...): see calendar_daemon.sources.rule_moves
    source: RuleSourceIn | None = None

    @field_validator("category")
    @classmethod
    def _category(cls, value: str) -> str:
        if value not in CATEGORIES:
            raise ValueError(f"category {value!r} is not one of {sorted(CATEGORIES)}")
        return value

    @field_validator("region")
    @classmethod
    def _region(cls, value: str) -> str:
        if not _REGION_RE.match(value):
            raise ValueError(f"region {value!r} must be an upper-case code such as US or CN")
        return value

    @field_validator("importance", mode="before")
    @classmethod
    def _importance(cls, value: Any) -> int:
        if value is None:
            raise ValueError("missing field 'importance'")
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 3:
            raise ValueError(f"importance must be 1, 2 or 3, got {value!r}")
        return value

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}") from None
        return value

    @field_validator("dtstart", mode="before")
    @classmethod
    def _dtstart(cls, value: Any) -> datetime:
        if value is None:
            raise ValueError("missing field 'dtstart'")
        return naive_local(value, None, "dtstart")

    @field_validator("rrule")
    @classmethod
    def _rrule(cls, value: str, info: ValidationInfo) -> str:
        if value.upper().startswith("RRULE:"):
            value = value[6:]
        if "DTSTART" in value.upper() or "\n" in value:
            raise ValueError("rrule must be a single RRULE value; give the start in 'dtstart'")
        try:
            parsed = rrulestr(value, dtstart=info.data.get("dtstart"))
        except (ValueError, TypeError) as exc:
            raise ValueError(f"invalid rrule {value!r}: {exc}") from None
        if not isinstance(parsed, rrule):
            raise ValueError(f"rrule {value!r} must be one RRULE")
        return value

    @field_validator("description", mode="before")
    @classmethod
    def _description(cls, value: Any) -> str:
        if not isinstance(value or "", str):
            raise ValueError("description must be a string")
        return str(value or "").strip()

    @field_validator("rdate", "exdate", mode="before")
    @classmethod
    def _extra_dates(cls, value: Any, info: ValidationInfo) -> tuple[datetime, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise ValueError(f"{info.field_name} must be a list")
        dtstart = info.data.get("dtstart")
        at = dtstart.time() if isinstance(dtstart, datetime) else time(0)
        return tuple(naive_local(item, at, str(info.field_name)) for item in value)

    @field_validator("moves", mode="before")
    @classmethod
    def _moves(cls, value: Any, info: ValidationInfo) -> Any:
        dtstart = info.data.get("dtstart")
        at = dtstart.time() if isinstance(dtstart, datetime) else time(0)
        return parse_moves(value, at, _move_source)

    @field_validator("until", mode="before")
    @classmethod
    def _until(cls, value: Any) -> datetime | None:
        return None if value is None else naive_local(value, _END_OF_DAY, "until")

    @field_validator("count", mode="before")
    @classmethod
    def _count(cls, value: Any) -> int | None:
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            raise ValueError(f"count must be a positive integer, got {value!r}")
        return value

    @model_validator(mode="after")
    def _bounded(self) -> RuleIn:
        upper = self.rrule.upper()
        given = sum(x is not None for x in (self.until, self.count)) + int("UNTIL=" in upper or "COUNT=" in upper)
        if given == 0:
            raise ValueError("the rule is unbounded: give 'until' or 'count' (or UNTIL/COUNT in the rrule)")
        if given > 1:
            raise ValueError("give only one of 'until', 'count', UNTIL/COUNT in the rrule")
        if self.until is not None and self.until < self.dtstart:
            raise ValueError(f"until {self.until.isoformat()} is before dtstart {self.dtstart.isoformat()}")
        if self.moves:
            base = rrulestr(self.rrule, dtstart=self.dtstart)
            assert isinstance(base, rrule)  # checked by _rrule
            base = base.replace(until=self.until) if self.until is not None else base
            base = base.replace(count=self.count) if self.count is not None else base
            check_moves(self.moves, base, self.dtstart.time(), self.exdate)
        return self

    def to_rule(self, source: Source) -> RecurringRule:
        return RecurringRule(
            uid=self.uid, title=self.title, category=self.category, region=self.region,
            importance=self.importance, timezone=self.timezone, dtstart=self.dtstart, rrule=self.rrule,
            source=source, description=self.description, entities=self.entities, tags=self.tags,
            rdate=self.rdate, exdate=self.exdate, until=self.until, count=self.count, moves=self.moves,
        )  # fmt: skip


def _problem(exc: PydanticValidationError, *, in_source: bool = False) -> str:
    """The first problem of a failed validation, worded as the rule-file errors always were.

    A missing field comes first, then unknown fields (all of them), then the first other problem in
    field order.
    """
    missing: list[str] = []
    unknown: dict[str, list[str]] = {}
    others: list[str] = []
    for err in exc.errors():
        loc = [str(part) for part in err["loc"]]
        prefix = "source: " if in_source or loc[:1] == ["source"] else ""
        message = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "missing":
            missing.append(f"{prefix}missing field {loc[-1]!r}")
        elif err["type"] == "extra_forbidden":
            unknown.setdefault(prefix, []).append(loc[-1])
        elif err["type"] in ("model_type", "model_attributes_type", "dict_type"):
            others.append("source must be a mapping with outlet, headline, published")
        elif err["type"] == "value_error":
            (missing if message.startswith("missing field") else others).append(message)
        else:
            others.append(f"{'.'.join(loc) or 'rule'}: {message}")
    extra = [f"{prefix}unknown field(s) {sorted(names)}" for prefix, names in unknown.items()]
    return [*missing, *extra, *others][0]


def _move_source(raw: Any) -> Source:
    """A move's own ``source``, its first problem worded as a rule's source problems are."""
    try:
        return RuleSourceIn.model_validate(raw).to_source()
    except PydanticValidationError as exc:
        raise ValueError(_problem(exc, in_source=True)) from None


def parse_source(raw: Any, where: str) -> Source:
    """A :class:`Source` from its mapping; ``published`` must carry an offset."""
    try:
        return RuleSourceIn.model_validate(raw).to_source()
    except PydanticValidationError as exc:
        raise _fail(where, _problem(exc, in_source=True)) from None


def make_rule(raw: Any, where: str, default_source: Source | None = None) -> RecurringRule:
    """Validate one rule mapping; ``where`` prefixes every error (e.g. ``file: rule #3``)."""
    if not isinstance(raw, Mapping):
        raise _fail(where, "a rule must be a mapping")
    uid = raw.get("uid")
    if isinstance(uid, str) and uid.strip():
        where = f"{where.rsplit(': rule', 1)[0]}: rule {uid.strip()}"
    try:
        rule = RuleIn.model_validate(raw)
    except PydanticValidationError as exc:
        raise _fail(where, _problem(exc)) from None
    if rule.source is not None:
        source = rule.source.to_source()
    elif default_source is not None:
        source = default_source
    else:
        raise _fail(where, "missing field 'source' (no file-wide source either)")
    return rule.to_rule(source)


def load_recurring(path: str | Path) -> list[RecurringRule]:
    """Read and validate a rule file; errors name the file, the rule uid and the problem."""
    path = Path(path)
    try:
        data = safe_load(path.read_text(encoding="utf-8"))
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
