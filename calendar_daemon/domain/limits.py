"""What a record's text and ``extra`` may hold, checked before anything is stored.

Control characters (NUL, ESC, VT, FF, DEL...) have no place in a calendar: iCalendar forbids them in
TEXT, so one of them in a title made libical reject the whole feed, and PostgreSQL refuses NUL in
text. Free text (titles, descriptions, notes) may hold TAB and line breaks; names (entities, tags,
outlets, URLs) may hold TAB only.

``extra`` is free-form JSON, so its shape is bounded instead: at most :data:`MAX_EXTRA_DEPTH` levels of
nesting and :data:`MAX_EXTRA_BYTES` bytes as JSON. Deeper values made every reader that walks it
recursively (the JSON answer of the API, the encoder) fail, and the check here walks it without
recursion so any depth is refused cleanly.

An event's days lie between :data:`EARLIEST_DAY` and :data:`LATEST_DAY`: the years 1900 to 2999 hold
every market date there is, and the margin to Python's year 1/9999 limits keeps all the date arithmetic
done on an event (zone shifts, the day after its end, reminders days before it) in range.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator

MAX_EXTRA_DEPTH = 16  # levels of objects/arrays; the daemon's own entries (conflicts, shifts) use 3
MAX_EXTRA_BYTES = 64 * 1024  # as compact UTF-8 JSON; the API's whole request body is at most 1 MiB
EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2999, 12, 31)

_CONTROL_NAMES = {0x00: "NUL", 0x09: "TAB", 0x0A: "LF", 0x0B: "VT", 0x0C: "FF", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL"}
_CONTROL_BUT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # TAB, LF and CR are text
_CONTROL_BUT_TAB = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def _describe(char: str) -> str:
    code = ord(char)
    name = _CONTROL_NAMES.get(code)
    return f"U+{code:04X}" + (f" ({name})" if name else "")


def _check(value: str, pattern: re.Pattern[str], allowed: str) -> str:
    found = pattern.search(value)
    if found is not None:
        raise ValueError(f"control character {_describe(found.group())} at position {found.start()}; {allowed}")
    return value


def check_text(value: str) -> str:
    """``value`` if it holds no control character but TAB, LF and CR; else ``ValueError`` naming it."""
    return _check(value, _CONTROL_BUT_TEXT, "only TAB and line breaks are allowed in text")


def check_name(value: str) -> str:
    """``value`` if it holds no control character but TAB; else ``ValueError`` naming it."""
    return _check(value, _CONTROL_BUT_TAB, "only TAB is allowed here")


Text = Annotated[str, AfterValidator(check_text)]
Name = Annotated[str, AfterValidator(check_name)]


def check_extra(value: Any) -> Any:
    """``value`` (a record's ``extra``) if it is within :data:`MAX_EXTRA_DEPTH` and :data:`MAX_EXTRA_BYTES`
    and its keys and strings hold only text characters; else ``ValueError`` saying which limit, and where."""
    stack: list[tuple[Any, int, str]] = [(value, 1, "extra")]
    nodes = 0
    while stack:
        item, depth, path = stack.pop()
        nodes += 1
        if nodes > MAX_EXTRA_BYTES:  # every value takes at least a byte of JSON (YAML aliases can repeat one)
            raise ValueError(f"more than the {MAX_EXTRA_BYTES} bytes allowed as JSON")
        if isinstance(item, str):
            _check_extra_text(item, path)
            continue
        if not isinstance(item, dict | list):
            continue
        if depth > MAX_EXTRA_DEPTH:
            raise ValueError(f"nested more than {MAX_EXTRA_DEPTH} levels deep (at {path})")
        if isinstance(item, dict):
            for key, child in item.items():
                _check_extra_text(str(key), f"{path} key {str(key)[:40]!r}")
                stack.append((child, depth + 1, f"{path}.{str(key)[:40]}"))
        else:
            stack.extend((child, depth + 1, f"{path}[{index}]") for index, child in enumerate(item))
    try:
        size = len(json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8"))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"not representable as JSON: {exc}") from None
    if size > MAX_EXTRA_BYTES:
        raise ValueError(f"{size} bytes as JSON, more than the {MAX_EXTRA_BYTES} allowed")
    return value


def _check_extra_text(text: str, path: str) -> None:
    found = _CONTROL_BUT_TEXT.search(text)
    if found is not None:
        raise ValueError(f"control character {_describe(found.group())} in {path}; only TAB and line breaks are allowed")



def check_day(day: date) -> date:
    """``day`` if it lies between :data:`EARLIEST_DAY` and :data:`LATEST_DAY`; else ``ValueError`` saying so."""
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise ValueError(
            f"{day.isoformat()} is outside the supported years {EARLIEST_DAY.year} to {LATEST_DAY.year}"
        )
    return day


def value_problem(exc: BaseException) -> str:
    """A one-line reason for a value a parser recognised but Python could not hold (``2027-02-30``, ``10**5000``)."""
    text = (str(exc).splitlines() or [type(exc).__name__])[0]
    if "integer string conversion" in text:
        return "a number of more than 4300 digits"
    return text[:200]
