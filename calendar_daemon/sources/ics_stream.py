"""An iCalendar file cut into its components' text, line by line, without holding the file.

The file is read as physical lines (split at LF, as icalendar splits content lines); a line that
starts with a space or TAB continues the one before (folding). :func:`prescan` reads the whole file
once to check its structure (every ``BEGIN`` closed by its ``END``, in order, inside one VCALENDAR) and
to collect what a VEVENT may refer to from anywhere in the file: the ``VTIMEZONE`` components and the
changed occurrences of recurring events (``RECURRENCE-ID``). :func:`vevent_blocks` then hands out one
VEVENT at a time as the exact text of the file, for icalendar to parse, with the line it starts on.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from calendar_daemon.domain.zones import MAX_ZONE_NAME, check_zone
from calendar_daemon.exceptions import InputError

Lines = Callable[[], Iterable[str]]  # each call reads the file again from its first line (LF kept)

_TZID_PARAM = re.compile(r';TZID=("[^"]*"|[^;:]*)', re.IGNORECASE)


@dataclass
class Logical:
    """One content line: its first line number, its text unfolded, and the file's text of it."""

    number: int
    text: str
    raw: list[str]


@dataclass
class Block:
    """One top-level VEVENT (with any component inside it): where it starts and its text."""

    number: int
    text: str
    lines: list[Logical]


@dataclass
class Prescan:
    """What the whole file says that a single VEVENT may need."""

    zones: set[str] = field(default_factory=set)  # the TZIDs the file's VTIMEZONEs define
    timezones: list[Block] = field(default_factory=list)  # each VTIMEZONE
    overrides: list[Block] = field(default_factory=list)  # VEVENTs with a RECURRENCE-ID


def text_lines(text: str) -> Lines:
    """The lines of ``text`` already in memory (a polled feed, a test)."""

    def lines() -> Iterator[str]:
        start = 0
        while start < len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end + 1
            yield text[start:end]
            start = end

    return lines


def file_lines(path: Path, source: str) -> Lines:
    """The lines of a UTF-8 file (a byte-order mark allowed), decoded one at a time; a byte that is not
    UTF-8 or a NUL byte stops the reading, naming its offset, as :func:`~calendar_daemon.sources.files.decode_text` does."""

    def lines() -> Iterator[str]:
        offset = 0
        try:
            with path.open("rb") as file:
                for raw in file:
                    try:
                        line = raw.decode("utf-8")
                    except UnicodeDecodeError as exc:
                        raise InputError(f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {offset + exc.start}); "
                                         "save the file as UTF-8", source=source) from None  # fmt: skip
                    if "\x00" in line:
                        raise InputError(f"not UTF-8 text (NUL byte at offset {offset + raw.index(0)}, as in UTF-16 without a "
                                         "byte-order mark); save the file as UTF-8", source=source)  # fmt: skip
                    if offset == 0:
                        line = line.removeprefix("\ufeff")
                    offset += len(raw)
                    yield line
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror}", source=source) from None

    return lines


def starts_utf16(path: Path) -> bool:
    """Whether the file starts with a UTF-16 byte-order mark (read whole then: such files are small)."""
    with path.open("rb") as file:
        return file.read(2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def logical_lines(lines: Iterable[str]) -> Iterator[Logical]:
    """Content lines unfolded, each with the number of its first line and its physical lines."""
    current: Logical | None = None
    for number, raw in enumerate(lines, start=1):
        if raw[:1] in (" ", "\t") and current is not None:
            current.text += raw[1:].rstrip("\r\n")
            current.raw.append(raw)
            continue
        if current is not None:
            yield current
        current = Logical(number, raw.rstrip("\r\n"), [raw])
    if current is not None:
        yield current


def _keyword(text: str) -> tuple[str, str]:
    """(``BEGIN``/``END`` or "", the component's name) of a content line."""
    name, _, value = text.partition(":")
    keyword = name.strip().upper()
    return (keyword, value.strip().upper()) if keyword in ("BEGIN", "END") else ("", "")


def prescan(lines: Iterable[str], source: str) -> Prescan:
    """Check the structure of the whole file and collect its VTIMEZONEs and changed occurrences; an
    unclosed or misnested component names its line (icalendar's own message names neither)."""
    found = Prescan()
    opened: list[tuple[str, int]] = []
    block: list[Logical] | None = None
    calendars = 0
    for line in logical_lines(lines):
        keyword, component = _keyword(line.text)
        if keyword == "BEGIN":
            if not opened:
                calendars += 1
                if component != "VCALENDAR" or calendars > 1:
                    raise InputError("expected one VCALENDAR", source=source, where=f"line {line.number}")
            opened.append((component, line.number))
            if len(opened) == 2 and component in ("VEVENT", "VTIMEZONE"):
                block = []
        elif keyword == "END":
            if not opened:
                raise InputError(f"END:{component} without a BEGIN:{component} before it", source=source, where=f"line {line.number}")
            if opened[-1][0] != component:
                inner, at = opened[-1]
                raise InputError(f"END:{component} closes BEGIN:{inner} of line {at}: END:{inner} is missing", source=source,
                                 where=f"line {line.number}")  # fmt: skip
            opened.pop()
        elif not opened and line.text.strip() and not line.text.upper().startswith("X-COMMENT"):
            shown = line.text if len(line.text) <= 40 else line.text[:40] + "..."
            raise InputError(f"a line outside the VCALENDAR: {shown!r}", source=source, where=f"line {line.number}")
        elif line.text.upper().startswith("TZID:") and opened and opened[-1][0] == "VTIMEZONE":
            found.zones.add(line.text.partition(":")[2].strip())
        if block is not None:
            block.append(line)
            if len(opened) == 1:  # the block's END
                _keep(found, block)
                block = None
    if opened:
        component, at = opened[-1]
        raise InputError(f"BEGIN:{component} is never closed (END:{component} is missing)", source=source, where=f"line {at}")
    if not calendars:
        raise InputError("expected one VCALENDAR; the file has none", source=source)
    return found


def _keep(found: Prescan, lines: list[Logical]) -> None:
    if _keyword(lines[0].text)[1] == "VTIMEZONE":
        found.timezones.append(Block(lines[0].number, _joined(lines), lines))
    elif any(line.text.upper().startswith(("RECURRENCE-ID:", "RECURRENCE-ID;")) for line in lines):
        found.overrides.append(Block(lines[0].number, _joined(lines), lines))


def _joined(lines: list[Logical]) -> str:
    return "".join(raw for line in lines for raw in line.raw)


def vevent_blocks(lines: Iterable[str], source: str, zones: set[str]) -> Iterator[Block]:
    """Each VEVENT directly inside the VCALENDAR, in file order (call after :func:`prescan` passed).

    Every ``TZID=`` of the file must name an IANA zone or one of ``zones`` (its VTIMEZONEs); otherwise
    stop, naming the VEVENT (or the line) and the TZID, before icalendar guesses (it used the default
    zone for ``Mars/Olympus``)."""
    depth = 0
    block: list[Logical] | None = None
    for line in logical_lines(lines):
        keyword, component = _keyword(line.text)
        if keyword == "BEGIN":
            depth += 1
            if depth == 2 and component == "VEVENT":
                block = []
        if block is None:
            problem = zone_problem(line.text, zones)
            if problem:
                raise InputError(problem, source=source, where=f"line {line.number}")
        else:
            block.append(line)
        if keyword == "END":
            depth -= 1
            if depth == 1 and block is not None:
                yield Block(block[0].number, _joined(block), block)
                block = None


def zone_problem(text: str, zones: set[str]) -> str | None:
    """What is wrong with the ``TZID=`` parameter of a content line, if anything."""
    found = _TZID_PARAM.search(text.partition(":")[0] + ":")
    if found is None:
        return None
    tzid = found.group(1).strip('"')
    if tzid in zones:
        return None
    try:
        check_zone(tzid)
    except ValueError:
        shown = tzid if len(tzid) <= MAX_ZONE_NAME else tzid[:MAX_ZONE_NAME] + "..."
        return f"unknown time zone TZID={shown!r}: not an IANA name and the file has no VTIMEZONE for it"
    return None
