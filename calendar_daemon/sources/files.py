"""Parse event files into validated records; any problem names the file and the record or line."""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

from calendar_daemon.domain.documents import SafeLoader
from calendar_daemon.domain.limits import value_problem
from calendar_daemon.domain.records import EventIn, EventRecord, SourceIn, normalize
from calendar_daemon.exceptions import InputError
from calendar_daemon.sources.ics_file import ics_records, parse_ics
from calendar_daemon.sources.ics_recurrence import Window
from calendar_daemon.sources.ics_stream import file_lines, starts_utf16

logger = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".ics", ".yaml", ".yml", ".json", ".csv")
CSV_LIST_FIELDS = ("entities", "tags")
CSV_SOURCE_PREFIX = "source_"
# A CSV column is an event field (not ``sources``/``extra``, which have no flat form), ``source_`` + a
# source field, or one of the obvious aliases people write.
CSV_COLUMNS = tuple(name for name in EventIn.model_fields if name not in ("sources", "extra"))
CSV_SOURCE_COLUMNS = tuple(CSV_SOURCE_PREFIX + name for name in SourceIn.model_fields)
CSV_ALIASES = {"date": "start", "start_date": "start", "end_date": "end", "summary": "title", "name": "title"}


def decode_text(raw: bytes, source: str) -> str:
    """Decode UTF-8 (with or without BOM), or UTF-16 text that starts with its byte-order mark (as some
    spreadsheets save CSV); anything else (UTF-16 without a mark shows as NUL bytes) is an :class:`InputError`."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _utf16_text(raw)
        if text is not None:
            return text
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); save the file as UTF-8",
            source=source,
        ) from None
    if "\x00" in text:
        raise InputError(
            f"not UTF-8 text (NUL byte at offset {raw.index(0)}, as in UTF-16 without a byte-order mark); "
            "save the file as UTF-8",
            source=source,
        )
    return text


def _utf16_text(raw: bytes) -> str | None:
    """``raw`` as UTF-16 if it reads as text (no control characters but TAB and line breaks, no second
    byte-order mark), else ``None``: binary data can start with the same two bytes."""
    try:
        text = raw.decode("utf-16")
    except UnicodeDecodeError:
        return None
    if "\ufeff" in text or any(ord(c) < 0x20 and c not in "\t\r\n" for c in text):
        return None
    return text


def _records_from_document(
    document: Any, source: str, default_timezone: str
) -> list[EventRecord]:
    default_source: dict[str, Any] | None = None
    items: Any = document
    if isinstance(document, dict):
        unknown = set(document) - {"source", "events", "timezone"}
        if unknown:
            raise InputError(f"unknown top-level key(s): {', '.join(sorted(unknown))}", source=source)
        default_source = document.get("source")
        if default_source is not None and not isinstance(default_source, dict):
            raise InputError("'source' must be a mapping (outlet, headline, published, ...)", source=source)
        default_timezone = str(document.get("timezone") or default_timezone)
        items = document.get("events")
    if not isinstance(items, list):
        raise InputError("expected a list of events, or a mapping with an 'events' list", source=source)
    records = []
    for index, item in enumerate(items, start=1):
        where = f"event {index}"
        if not isinstance(item, dict):
            raise InputError("each event must be a mapping of fields", source=source, where=where)
        if item.get("uid"):
            where = f"event {index} (uid {item['uid']})"
        records.append(
            normalize(item, default_timezone=default_timezone, default_source=default_source, source=source, where=where)
        )
    return records


_TOO_DEEP = "nested too deeply to read (lists or mappings inside each other thousands of levels deep)"


class _Loader(SafeLoader):  # type: ignore[valid-type,misc]
    """The safe loader; a value YAML recognises but Python cannot hold (``2027-02-30``, an integer of
    thousands of digits) is a YAML error at its line instead of a bare ``ValueError``."""


def _checked(construct: Any) -> Any:
    def wrapper(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(None, None, f"{value_problem(exc)}: {node.value[:40]!r}",
                                                    node.start_mark) from None  # fmt: skip
    return wrapper


for _tag, _construct in (("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_timestamp),
                         ("tag:yaml.org,2002:int", yaml.SafeLoader.construct_yaml_int),
                         ("tag:yaml.org,2002:float", yaml.SafeLoader.construct_yaml_float)):  # fmt: skip
    _Loader.add_constructor(_tag, _checked(_construct))


def parse_yaml(text: str, source: str, default_timezone: str) -> list[EventRecord]:
    try:
        document = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        if "maximum nesting depth" in problem:  # libyaml's own limit; the pure-Python parser recurses instead
            raise InputError(_TOO_DEEP, source=source, where=where) from None
        raise InputError(f"invalid YAML: {problem}", source=source, where=where) from None
    except RecursionError:
        raise InputError(_TOO_DEEP, source=source) from None
    if document is None:
        return []
    return _records_from_document(document, source, default_timezone)


def parse_json(text: str, source: str, default_timezone: str) -> list[EventRecord]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", source=source, where=f"line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise InputError(_TOO_DEEP, source=source) from None
    except ValueError as exc:  # a number of more than 4300 digits
        raise InputError(f"invalid JSON value: {value_problem(exc)}", source=source) from None
    return _records_from_document(document, source, default_timezone)


def parse_csv(text: str, source: str, default_timezone: str) -> list[EventRecord]:
    """CSV with a header row of event fields; ``entities``/``tags`` split on ';'; ``source_*`` columns."""
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        return []
    reader.fieldnames = _csv_header(reader.fieldnames, source)
    records = []
    try:
        for row in reader:
            line = reader.line_num
            if None in row:
                raise InputError("more values than header columns", source=source, where=f"line {line}")
            item: dict[str, Any] = {}
            origin: dict[str, Any] = {}
            for key, value in row.items():
                if value is None or value == "":
                    continue
                key = key.strip()
                if key in CSV_LIST_FIELDS:
                    item[key] = [part.strip() for part in value.split(";") if part.strip()]
                elif key.startswith(CSV_SOURCE_PREFIX):
                    origin[key.removeprefix(CSV_SOURCE_PREFIX)] = value
                elif key == "importance":
                    try:
                        item[key] = int(value)
                    except ValueError:
                        raise InputError(f"importance: not a whole number: {value!r}", source=source, where=f"line {line}") from None
                else:
                    item[key] = value
            if origin:
                item["sources"] = [origin]
            records.append(normalize(item, default_timezone=default_timezone, source=source, where=f"line {line}"))
    except csv.Error as exc:
        raise InputError(f"invalid CSV: {exc}", source=source, where=f"line {reader.line_num}") from None
    return records


def _csv_header(names: Sequence[str], source: str) -> list[str]:
    """The header with aliases resolved (``date`` -> ``start``); an unknown column is an error that
    suggests the nearest known one."""
    known = (*CSV_COLUMNS, *CSV_SOURCE_COLUMNS)
    header: list[str] = []
    for raw in names:
        name = raw.strip()
        column = CSV_ALIASES.get(name, name)
        if column not in known:
            close = difflib.get_close_matches(name, [*known, *CSV_ALIASES], n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise InputError(f"unknown column {name!r}{hint}; the columns are {', '.join(CSV_COLUMNS)}, source_* "
                             f"({', '.join(SourceIn.model_fields)}) and the aliases {', '.join(CSV_ALIASES)}", source=source,
                             where="line 1")  # fmt: skip
        if column in header:
            raise InputError(f"columns {raw.strip()!r} and {column!r} both give the {column}; keep one", source=source, where="line 1")
        header.append(column)
    return header


def read_event_file(path: Path, *, default_timezone: str = "Asia/Shanghai", window: Window | None = None) -> list[EventRecord]:
    """Read one file of events; raise :class:`InputError` naming the file and the record or line.

    ``window`` (aware start and end) is where the RRULE of an .ics event is expanded; without it a
    recurring event is an error."""
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(f"unsupported file type {suffix or '(none)'}; use one of {', '.join(SUPPORTED_SUFFIXES)}", source=source)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", source=source) from None
    text = decode_text(raw, source)
    if suffix == ".ics":
        return parse_ics(text, source, default_timezone, window)
    if suffix == ".json":
        return parse_json(text, source, default_timezone)
    if suffix == ".csv":
        return parse_csv(text, source, default_timezone)
    return parse_yaml(text, source, default_timezone)


def iter_event_files(
    paths: Sequence[Path], *, default_timezone: str = "Asia/Shanghai", window: Window | None = None
) -> Iterator[tuple[str, EventRecord]]:
    """(file, record) of every record of ``paths`` in order, an .ics file read one VEVENT at a time
    (its size does not matter), the others whole; the caller checks that UIDs are unique."""
    for path in paths:
        source = str(path)
        if path.suffix.lower() == ".ics" and path.is_file() and not starts_utf16(path):
            yield from ((source, record) for record in ics_records(file_lines(path, source), source, default_timezone, window))
        else:
            yield from ((source, record) for record in read_event_file(path, default_timezone=default_timezone, window=window))


def check_unique(records: Iterable[tuple[str, EventRecord]]) -> None:
    """Two records with one uid in one batch is an error: which one should win is unclear."""
    seen: dict[str, str] = {}
    for source, record in records:
        if record.uid in seen:
            raise InputError(f"uid {record.uid!r} appears twice (also in {seen[record.uid]})", source=source)
        seen[record.uid] = source


def read_event_files(
    paths: Sequence[Path], *, default_timezone: str = "Asia/Shanghai", window: Window | None = None
) -> list[EventRecord]:
    """Read every file before anything is stored, so one bad file stops the whole batch."""
    tagged: list[tuple[str, EventRecord]] = []
    for path in paths:
        tagged.extend((str(path), record) for record in read_event_file(path, default_timezone=default_timezone, window=window))
    check_unique(tagged)
    return [record for _, record in tagged]
