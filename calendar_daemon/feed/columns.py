"""The feed cache's per-event columns (see :mod:`calendar_daemon.feed.table`): flat arrays rather than
an object per event, and codes for the few distinct values of category, region, status and entities."""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Generic, TypeVar

from calendar_daemon.store.models import Event

SEPARATOR = b"\n"  # between UIDs in uid_text; records.py forbids whitespace in a UID
DIGEST_SIZE = hashlib.sha256().digest_size  # each block's SHA-256, which the ETag hashes
T = TypeVar("T", str, tuple[str, ...])


_UNIX = datetime(1970, 1, 1)
_MICROSECOND = timedelta(microseconds=1)


def to_micros(value: datetime) -> int:
    """A naive UTC datetime (an aware one is converted) as microseconds since 1970: sortable, 8 bytes."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return (value - _UNIX) // _MICROSECOND


def from_micros(value: int) -> datetime:
    return _UNIX + timedelta(microseconds=value)


@dataclass(frozen=True, slots=True)
class Entry:
    """One event's rendered block and what the table keeps of it."""

    uid: str
    block: bytes
    digest: bytes
    sort_start: int  # microseconds, see to_micros
    sort_end: int
    updated: int
    revision: int
    importance: int
    category: str
    region: str
    status: str
    entities: tuple[str, ...]

    @classmethod
    def of(cls, event: Event, block: bytes) -> Entry:
        return cls(
            uid=event.uid, block=block, digest=hashlib.sha256(block).digest(),
            sort_start=to_micros(event.sort_start), sort_end=to_micros(event.sort_end),
            updated=to_micros(event.updated_at), revision=event.revision, importance=event.importance,
            category=event.category, region=event.region, status=event.status, entities=tuple(event.entities),
        )  # fmt: skip

    @property
    def key(self) -> tuple[int, str]:
        return (self.sort_start, self.uid)


class Codes(Generic[T]):
    """Values numbered in the order first seen (a category, a region, a tuple of entities), so a
    column holds a two- or four-byte code per event instead of a pointer. Append-only: every table
    of one cache shares it, and a code never changes meaning."""

    def __init__(self) -> None:
        self.values: list[T] = []
        self._codes: dict[T, int] = {}

    def code(self, value: T) -> int:
        found = self._codes.get(value)
        if found is None:
            found = self._codes[value] = len(self.values)
            self.values.append(value)
        return found

    def codes_where(self, wanted: Callable[[T], bool]) -> set[int]:
        return {code for code, value in enumerate(self.values) if wanted(value)}


@dataclass
class Vocabulary:
    """The coded columns' values, shared by the tables of one cache."""

    categories: Codes[str] = field(default_factory=Codes)
    regions: Codes[str] = field(default_factory=Codes)
    statuses: Codes[str] = field(default_factory=Codes)
    entities: Codes[tuple[str, ...]] = field(default_factory=Codes)


# The per-event columns besides the UIDs and the offsets: (name, array type code). A table of a
# million events keeps ~100 bytes an event in them, with the UID text and the offsets.
PLAIN_COLUMNS = (
    ("sort_start", "q"), ("sort_end", "q"), ("updated", "q"), ("revision", "i"), ("importance", "b"),
    ("category", "H"), ("region", "H"), ("status", "H"), ("entities", "I"),
)  # fmt: skip


class Columns:
    """The per-event columns, shared by :class:`TableBuilder` and :class:`BlockTable`."""

    uid_text: bytearray  # every UID in UTF-8 after a newline, ending with one: b"\nUID\n" finds one
    uid_starts: array[int]  # uid_starts[i]: where UID i begins in uid_text; one more entry at the end
    starts: array[int]  # starts[i]: where block i begins in the body; starts[len]: where the footer does
    digests: bytearray  # DIGEST_SIZE bytes an event
    sort_start: array[int]
    sort_end: array[int]
    updated: array[int]
    revision: array[int]
    importance: array[int]
    category: array[int]  # codes, see Vocabulary
    region: array[int]
    status: array[int]
    entities: array[int]

    def _empty_columns(self, header_size: int) -> None:
        self.uid_text = bytearray(SEPARATOR)
        self.uid_starts = array("I", [len(SEPARATOR)])
        self.starts = array("q", [header_size])
        self.digests = bytearray()
        for name, typecode in PLAIN_COLUMNS:
            setattr(self, name, array(typecode))

    def __len__(self) -> int:
        return len(self.uid_starts) - 1


def entry_values(entry: Entry, vocabulary: Vocabulary) -> dict[str, int]:
    """An event's values for the :data:`PLAIN_COLUMNS`, coded with ``vocabulary``."""
    return {
        "sort_start": entry.sort_start, "sort_end": entry.sort_end, "updated": entry.updated, "revision": entry.revision,
        "importance": entry.importance, "category": vocabulary.categories.code(entry.category),
        "region": vocabulary.regions.code(entry.region), "status": vocabulary.statuses.code(entry.status),
        "entities": vocabulary.entities.code(entry.entities),
    }  # fmt: skip


def append_entry(columns: Columns, entry: Entry, vocabulary: Vocabulary) -> None:
    """Append one event's values to ``columns`` (its block goes into the body separately)."""
    columns.uid_text += entry.uid.encode()
    columns.uid_text += SEPARATOR
    columns.uid_starts.append(len(columns.uid_text))
    columns.starts.append(columns.starts[-1] + len(entry.block))
    columns.digests += entry.digest
    for name, value in entry_values(entry, vocabulary).items():
        getattr(columns, name).append(value)


def extend_uids(text: bytearray, starts: array[int], table: Columns, start: int, stop: int) -> None:
    """Append ``table``'s UIDs ``start`` to ``stop`` to a UID text and its offsets."""
    shift = len(text) - table.uid_starts[start]
    text += memoryview(table.uid_text)[table.uid_starts[start] : table.uid_starts[stop]]
    starts.extend(map(shift.__add__, table.uid_starts[start + 1 : stop + 1]))


def extend_offsets(starts: array[int], source: array[int], start: int, stop: int) -> None:
    """Append the block offsets ``start + 1`` to ``stop`` of ``source``, moved to follow ``starts``."""
    shift = starts[-1] - source[start]
    starts.extend(map(shift.__add__, source[start + 1 : stop + 1]))


def extend_plain(column: array[int], source: array[int], start: int, stop: int) -> None:
    """Append values ``start`` to ``stop`` of ``source`` (a column of the same type), copied as bytes."""
    size = source.itemsize
    column.frombytes(memoryview(source).cast("B")[start * size : stop * size])


def extend_from(columns: Columns, table: Columns, start: int, stop: int) -> None:
    """Append ``table``'s events ``start`` to ``stop`` to ``columns`` (the same vocabulary)."""
    extend_uids(columns.uid_text, columns.uid_starts, table, start, stop)
    extend_offsets(columns.starts, table.starts, start, stop)
    columns.digests += memoryview(table.digests)[start * DIGEST_SIZE : stop * DIGEST_SIZE]
    for name, _ in PLAIN_COLUMNS:
        extend_plain(getattr(columns, name), getattr(table, name), start, stop)
