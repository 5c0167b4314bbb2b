"""Read one .ics with several independent iCalendar parsers and compare what they see.

Three readers, each returning the same normalized shape (a list, in file order, of)::

    {"uid": str | None, "summary": str | None, "allday": bool,
     "start": str, "end": str | None}

* timed values: UTC instants ``"2026-01-28T19:00:00Z"`` (floating times, which name no
  instant, keep their wall clock without ``Z``);
* all-day values: ISO dates ``"2026-01-26"``;
* ``end``: DTEND as written (exclusive for all-day events), else DTSTART + DURATION,
  else ``None``.

Readers:

* ``icalendar`` - the Python ``icalendar`` package (>= 7) in this interpreter;
* ``icaljs`` - Mozilla's ical.js under Node (``tests/readers/icaljs/read.mjs``), needs
  ``npm ci --prefix tests/readers/icaljs``;
* ``libical`` - libical through GObject introspection, run by Debian's system Python
  (``tests/readers/libical_read.py``), needs ``apt-get install gir1.2-ical-3.0 python3-gi``.

A reader whose runtime is missing raises :class:`ReaderUnavailable`; tests turn that into a
skip locally and a failure under CI (``CI=true``) with :func:`skip_or_fail` /
:func:`require_reader`. A reader that runs but cannot read the calendar faithfully (parse
error, TZID with no definition) raises :class:`ReaderFailed`.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import os
import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn

import pytest

logger = logging.getLogger(__name__)

ReadResult = list[dict[str, Any]]
Reader = Callable[[bytes], ReadResult]

READERS_DIR = Path(__file__).resolve().parent
ICALJS_DIR = READERS_DIR / "icaljs"
ICALJS_SCRIPT = ICALJS_DIR / "read.mjs"
LIBICAL_SCRIPT = READERS_DIR / "libical_read.py"

NODE_ENV = "CALENDAR_DAEMON_NODE"
SYSTEM_PYTHON_ENV = "CALENDAR_DAEMON_SYSTEM_PYTHON"
DEFAULT_SYSTEM_PYTHON = "/usr/bin/python3"
SUBPROCESS_TIMEOUT_S = 60.0

ICALJS_INSTALL_HINT = (
    "run `npm ci --prefix tests/readers/icaljs` (or `bash .ci/readers-setup.sh`)"
)
LIBICAL_INSTALL_HINT = (
    "run `apt-get install gir1.2-ical-3.0 python3-gi` (or `bash .ci/readers-setup.sh`)"
)
LIBICAL_EXIT_NO_BINDINGS = (
    4  # libical_read.py's exit code when gi / ICal cannot be loaded
)

FIELDS = ("uid", "summary", "allday", "start", "end")


class ReaderUnavailable(RuntimeError):
    """The runtime a reader needs is not installed; the message says how to install it."""

    def __init__(self, reader: str, message: str) -> None:
        super().__init__(f"{reader} reader unavailable: {message}")
        self.reader = reader


class ReaderFailed(RuntimeError):
    """The reader ran but could not turn the calendar into faithful values."""

    def __init__(self, reader: str, message: str) -> None:
        super().__init__(f"{reader} reader failed: {message}")
        self.reader = reader


def in_ci() -> bool:
    """True when running under CI (env ``CI`` set to true/1/yes)."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def skip_or_fail(exc: ReaderUnavailable) -> NoReturn:
    """Skip the current test for a missing reader runtime, or fail it under CI."""
    if in_ci():
        pytest.fail(f"{exc} (CI=true: every reader must be installed)", pytrace=False)
    pytest.skip(str(exc))


# --- icalendar (in-process) -------------------------------------------------------------


def _format_value(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            return value.replace(microsecond=0).isoformat()
        utc = value.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
        return utc.isoformat() + "Z"
    return value.isoformat()


def _reject_unresolved_tzid(event: Any, name: str, value: dt.date | None) -> None:
    """icalendar turns an unknown TZID into a naive (floating) time; treat that as an error."""
    prop = event.get(name)
    tzid = None if prop is None else prop.params.get("TZID")
    if tzid and isinstance(value, dt.datetime) and value.tzinfo is None:
        raise ReaderFailed(
            "icalendar", f"VEVENT {event.get('UID')}: {name} uses unknown TZID={tzid}"
        )


def read_with_icalendar(ics_bytes: bytes) -> ReadResult:
    """Read calendar bytes with the Python ``icalendar`` package (>= 7)."""
    try:
        import icalendar
    except ImportError as exc:
        raise ReaderUnavailable(
            "icalendar", f"{exc}; run `pip install 'icalendar>=7'`"
        ) from exc
    try:
        calendar = icalendar.Calendar.from_ical(ics_bytes)
    except ValueError as exc:
        raise ReaderFailed("icalendar", f"cannot parse calendar: {exc}") from exc
    out: ReadResult = []
    for event in calendar.events:
        try:
            start = event.DTSTART
            end = event.DTEND
            duration = event.DURATION
        except icalendar.InvalidCalendar as exc:
            raise ReaderFailed(
                "icalendar", f"VEVENT {event.get('UID')}: {exc}"
            ) from exc
        if start is None:
            raise ReaderFailed("icalendar", f"VEVENT {event.get('UID')} has no DTSTART")
        for name, value in (("DTSTART", start), ("DTEND", end)):
            _reject_unresolved_tzid(event, name, value)
        if end is None and duration is not None:
            end = start + duration
        out.append(
            {
                "uid": str(event.uid) if "UID" in event else None,
                "summary": None if event.summary is None else str(event.summary),
                "allday": not isinstance(start, dt.datetime),
                "start": _format_value(start),
                "end": None if end is None else _format_value(end),
            }
        )
    return out


# --- external readers -------------------------------------------------------------------


def _node_binary() -> str | None:
    configured = os.environ.get(NODE_ENV)
    if configured:
        return shutil.which(configured)  # None unless it names an executable
    return shutil.which("node") or shutil.which("nodejs")


def _system_python() -> str:
    return os.environ.get(SYSTEM_PYTHON_ENV, DEFAULT_SYSTEM_PYTHON)


def _check_icaljs() -> str:
    """Return the node binary, or raise ReaderUnavailable."""
    node = _node_binary()
    if node is None:
        raise ReaderUnavailable(
            "icaljs",
            f"node not found (PATH or ${NODE_ENV}); install nodejs/npm and "
            f"{ICALJS_INSTALL_HINT}",
        )
    if not (ICALJS_DIR / "node_modules" / "ical.js" / "package.json").is_file():
        raise ReaderUnavailable(
            "icaljs",
            f"{ICALJS_DIR / 'node_modules'} has no ical.js; {ICALJS_INSTALL_HINT}",
        )
    return node


@functools.cache
def _libical_probe(python: str) -> str | None:
    """Return why libical cannot run under ``python``, or None (checked once per path)."""
    if not Path(python).is_file():
        return f"system Python {python} not found; {LIBICAL_INSTALL_HINT}"
    probe = (
        "import gi; gi.require_version('ICal', '3.0'); gi.require_version('ICalGLib', '3.0');"
        " from gi.repository import ICal, ICalGLib"
    )
    try:
        proc = subprocess.run(
            [python, "-I", "-c", probe],
            capture_output=True,
            timeout=SUBPROCESS_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"cannot run {python}: {exc}; {LIBICAL_INSTALL_HINT}"
    if proc.returncode != 0:
        last = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
        return f"{python} cannot load gi/ICal ({last[0]}); {LIBICAL_INSTALL_HINT}"
    return None


def _check_libical() -> str:
    """Return the system Python binary, or raise ReaderUnavailable."""
    python = _system_python()
    reason = _libical_probe(python)
    if reason is not None:
        raise ReaderUnavailable("libical", reason)
    return python


def _run_reader(reader: str, argv: Sequence[str], ics_bytes: bytes) -> ReadResult:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    logger.debug("running %s reader: %s", reader, argv)
    try:
        proc = subprocess.run(
            list(argv),
            input=ics_bytes,
            capture_output=True,
            timeout=SUBPROCESS_TIMEOUT_S,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ReaderFailed(reader, f"timed out after {SUBPROCESS_TIMEOUT_S}s") from exc
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    if reader == "libical" and proc.returncode == LIBICAL_EXIT_NO_BINDINGS:
        raise ReaderUnavailable(reader, stderr or LIBICAL_INSTALL_HINT)
    if proc.returncode != 0:
        raise ReaderFailed(reader, f"exit {proc.returncode}: {stderr}")
    try:
        result = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReaderFailed(reader, f"printed invalid JSON: {exc}") from exc
    if not isinstance(result, list):
        raise ReaderFailed(reader, f"printed {type(result).__name__}, expected a list")
    return result


def read_with_icaljs(ics_bytes: bytes) -> ReadResult:
    """Read calendar bytes with Mozilla ical.js (Node)."""
    node = _check_icaljs()
    return _run_reader("icaljs", [node, str(ICALJS_SCRIPT), "-"], ics_bytes)


def read_with_libical(ics_bytes: bytes) -> ReadResult:
    """Read calendar bytes with libical via GObject introspection (Debian's system Python)."""
    python = _check_libical()
    return _run_reader("libical", [python, "-I", str(LIBICAL_SCRIPT), "-"], ics_bytes)


READERS: dict[str, Reader] = {
    "icalendar": read_with_icalendar,
    "icaljs": read_with_icaljs,
    "libical": read_with_libical,
}


def _check_icalendar() -> None:
    try:
        import icalendar  # noqa: F401
    except ImportError as exc:
        raise ReaderUnavailable(
            "icalendar", f"{exc}; run `pip install 'icalendar>=7'`"
        ) from exc


_CHECKS: dict[str, Callable[[], object]] = {
    "icalendar": _check_icalendar,
    "icaljs": _check_icaljs,
    "libical": _check_libical,
}


def check_reader(name: str) -> None:
    """Raise ReaderUnavailable (with an install hint) unless reader ``name`` can run here."""
    if name not in READERS:
        raise KeyError(f"unknown reader {name!r}; known: {', '.join(READERS)}")
    _CHECKS[name]()


def reader_unavailable_reason(name: str) -> str | None:
    """Return why reader ``name`` cannot run here, or None when it can."""
    try:
        check_reader(name)
    except ReaderUnavailable as exc:
        return str(exc)
    return None


def available_readers() -> dict[str, Reader]:
    """Readers whose runtime is installed, by name (subset of ``READERS``, same order)."""
    return {
        name: fn
        for name, fn in READERS.items()
        if reader_unavailable_reason(name) is None
    }


def require_reader(name: str) -> Reader:
    """Return reader ``name``; skip the calling test if it is missing (fail under CI)."""
    try:
        check_reader(name)
    except ReaderUnavailable as exc:
        skip_or_fail(exc)
    return READERS[name]


def read_with_all(
    ics_bytes: bytes, names: Sequence[str] = tuple(READERS)
) -> dict[str, ReadResult]:
    """Read with every named reader; skip (or fail under CI) when one is missing."""
    readers = {name: require_reader(name) for name in names}
    return {name: fn(ics_bytes) for name, fn in readers.items()}


def diff_readings(readings: Mapping[str, ReadResult]) -> list[str]:
    """Describe every disagreement between readers, event by event ([] when they agree)."""
    problems: list[str] = []
    names = list(readings)
    if len(names) < 2:
        return problems
    base_name = names[0]
    base = readings[base_name]
    for other_name in names[1:]:
        other = readings[other_name]
        if len(base) != len(other):
            problems.append(
                f"{base_name} saw {len(base)} events, {other_name} saw {len(other)}"
            )
        for index, (mine, theirs) in enumerate(zip(base, other, strict=False)):
            for field in FIELDS:
                if mine.get(field) != theirs.get(field):
                    problems.append(
                        f"event #{index} uid={mine.get('uid')!r} {field}: "
                        f"{base_name}={mine.get(field)!r} {other_name}={theirs.get(field)!r}"
                    )
    return problems


def assert_readers_agree(readings: Mapping[str, ReadResult]) -> None:
    """Fail with a readable event-by-event diff when readers disagree."""
    problems = diff_readings(readings)
    assert not problems, "readers disagree:\n" + "\n".join(problems)
