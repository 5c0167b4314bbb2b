"""The feed cache's events in feed order: one body holding every rendered block, and compact columns.

A cached calendar of 100,000 events is ~50 MB of VEVENT blocks. :class:`BlockTable` keeps them once,
joined into the unfiltered feed body itself (header, blocks, footer), and beside it only what the
cache needs per event, in flat columns rather than one object per event: where its block lies in the
body, the block's SHA-256 (the ETag hashes these, so it never hashes megabytes), its place in the feed
order (start, UID; the UIDs kept as one newline-separated text), its Last-Modified and revision, and
the fields a feed filter reads. Text is not kept: a text query asks the store
(:meth:`EventStore.text_matches`). A body above ``[feed] max_body_memory_mb`` lives in an unlinked
temporary file (:mod:`calendar_daemon.feed.body`).

A table is never changed once built. A change makes a new table with :class:`TableBuilder`, copying
unchanged runs of blocks out of the old body (as slices, or file to file by the kernel) and adding
the newly rendered blocks where they belong in the order, so an edit costs one copy of the body plus
the edited blocks, not a re-join of 100,000 small objects. A filtered body is joined from runs of
the unfiltered one.
"""

from __future__ import annotations

import hashlib
import sys
from array import array
from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import accumulate, pairwise

from calendar_daemon.feed.body import Body, BodyFiles
from calendar_daemon.feed.render import FOOTER
from calendar_daemon.store.events import EventFilter
from calendar_daemon.store.models import Event

SEPARATOR = b"\n"  # between UIDs in BlockTable.uid_text; records.py forbids whitespace in a UID
DIGEST_SIZE = hashlib.sha256().digest_size
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
            # Interned: a few distinct values shared by every event, one pointer each.
            category=sys.intern(event.category), region=sys.intern(event.region), status=sys.intern(event.status),
            entities=tuple(sys.intern(e) for e in event.entities),
        )  # fmt: skip

    @property
    def key(self) -> tuple[int, str]:
        return (self.sort_start, self.uid)


class TableBuilder:
    """Appends blocks (new ones, or runs copied from another table) in feed order into a new table."""

    def __init__(self, header: bytes, files: BodyFiles, expected_size: int | None = None) -> None:
        self.header = header
        self.files = files
        self._body = files.writer(expected_size)  # in memory or a file (feed_body)
        self._body.write(header)
        # Every UID in UTF-8, each followed by a newline (which a UID cannot hold), so b"\nUID\n"
        # finds one: ~26 bytes an event instead of a str object and a pointer (~88).
        self.uid_text = bytearray(SEPARATOR)
        self.uid_lengths = array("I")  # with the separator
        self.lengths = array("I")
        self.digests = bytearray()
        self.sort_start, self.sort_end, self.updated, self.revision = array("q"), array("q"), array("q"), array("q")
        self.importance = array("b")
        self.category: list[str] = []
        self.region: list[str] = []
        self.status: list[str] = []
        self.entities: list[tuple[str, ...]] = []

    def add(self, entry: Entry) -> None:
        self._body.write(entry.block)
        uid = entry.uid.encode()
        self.uid_text += uid
        self.uid_text += SEPARATOR
        self.uid_lengths.append(len(uid) + 1)
        self.lengths.append(len(entry.block))
        self.digests += entry.digest
        self.sort_start.append(entry.sort_start)
        self.sort_end.append(entry.sort_end)
        self.updated.append(entry.updated)
        self.revision.append(entry.revision)
        self.importance.append(entry.importance)
        self.category.append(entry.category)
        self.region.append(entry.region)
        self.status.append(entry.status)
        self.entities.append(entry.entities)

    def copy(self, table: BlockTable, start: int, stop: int) -> None:
        """Append ``table``'s events ``start`` to ``stop`` (exclusive) as they are."""
        if start >= stop:
            return
        self._body.copy(table.body, table.starts[start], table.starts[stop])
        self.uid_text += memoryview(table.uid_text)[table.uid_starts[start] : table.uid_starts[stop]]
        self.uid_lengths += table.uid_lengths[start:stop]
        self.lengths += table.lengths[start:stop]
        self.digests += table.digests[start * DIGEST_SIZE : stop * DIGEST_SIZE]
        self.sort_start += table.sort_start[start:stop]
        self.sort_end += table.sort_end[start:stop]
        self.updated += table.updated[start:stop]
        self.revision += table.revision[start:stop]
        self.importance += table.importance[start:stop]
        self.category += table.category[start:stop]
        self.region += table.region[start:stop]
        self.status += table.status[start:stop]
        self.entities += table.entities[start:stop]

    def finish(self, *, ordered: bool = False) -> BlockTable:
        """The table, in feed order: reordered here if the blocks were added out of order, unless the
        caller knows they were not (``ordered``)."""
        self._body.write(FOOTER)
        table = BlockTable(self, self._body.finish())
        self._body = self.files.writer(0)
        if ordered or table.in_order():
            return table
        # The store's order differed from ours (a database collation): copy the runs into place.
        builder = TableBuilder(self.header, self.files, len(table.body))
        for start, stop in runs(sorted(range(len(table)), key=table.key)):
            builder.copy(table, start, stop)
        return builder.finish(ordered=True)


def runs(indices: Iterable[int]) -> Iterable[tuple[int, int]]:
    """Consecutive indices as ``(start, stop)`` ranges: [1, 2, 3, 7] gives (1, 4), (7, 8)."""
    start = stop = -1
    for index in indices:
        if index != stop:
            if stop > start:
                yield start, stop
            start = index
        stop = index + 1
    if stop > start:
        yield start, stop


class BlockTable:
    """Cached events in feed order (start, then UID); see the module docstring."""

    def __init__(self, built: TableBuilder, body: Body) -> None:
        self.header = built.header
        self.files = built.files
        self.body = body
        self.uid_text, self.uid_lengths = built.uid_text, built.uid_lengths  # never changed once built
        self.uid_starts = array("I", accumulate(built.uid_lengths, initial=len(SEPARATOR)))
        self.lengths = built.lengths
        # starts[i] is where block i begins in the body; starts[len] where the footer begins.
        self.starts = array("q", accumulate(built.lengths, initial=len(built.header)))
        self.digests = built.digests  # never changed once the table is built
        self.sort_start, self.sort_end = built.sort_start, built.sort_end
        self.updated, self.revision, self.importance = built.updated, built.revision, built.importance
        self.category, self.region, self.status, self.entities = built.category, built.region, built.status, built.entities

    @classmethod
    def empty(cls, header: bytes, files: BodyFiles) -> BlockTable:
        return TableBuilder(header, files).finish()

    def __len__(self) -> int:
        return len(self.uid_lengths)

    def uid(self, index: int) -> str:
        return self.uid_text[self.uid_starts[index] : self.uid_starts[index + 1] - 1].decode()

    def uids(self) -> Iterator[bytes]:
        """Every UID in order, UTF-8 encoded (whose byte order is the text's code point order), one
        at a time: a list of them would cost what the text saves."""
        text, starts = memoryview(self.uid_text), self.uid_starts
        for index in range(len(self)):
            yield text[starts[index] : starts[index + 1] - 1].tobytes()

    def key(self, index: int) -> tuple[int, str]:
        return (self.sort_start[index], self.uid(index))

    def in_order(self) -> bool:
        return all(a < b for a, b in pairwise(zip(self.sort_start, self.uids(), strict=True)))

    def positions(self, uids: Collection[str]) -> dict[str, int]:
        """Where the events with these UIDs are (absent ones are left out).

        A scan of the UID column rather than an index kept in memory (~100 bytes an event); a few
        UIDs (an edit) are looked up one by one, each a scan in C.
        """
        if len(uids) > 8:
            wanted = {uid.encode(): uid for uid in uids}
            return {wanted[uid]: index for index, uid in enumerate(self.uids()) if uid in wanted}
        found = {}
        for uid in uids:
            at = self.uid_text.find(SEPARATOR + uid.encode() + SEPARATOR)
            if at >= 0:
                found[uid] = bisect_left(self.uid_starts, at + 1)
        return found

    def with_changes(
        self, changed: Mapping[str, Entry], removed: Collection[str], positions: Mapping[str, int] | None = None
    ) -> BlockTable:
        """A new table: ``changed`` entries added or replacing the old ones, ``removed`` UIDs gone.

        ``positions``: those of :meth:`positions` for the changed and removed UIDs, if already known.
        """
        if positions is None:
            positions = self.positions({*changed, *removed})
        gone = sorted(positions.values())
        if not changed and not gone:
            return self
        builder = TableBuilder(self.header, self.files, len(self.body) + sum(len(e.block) for e in changed.values()))
        cursor = 0
        for entry in sorted(changed.values(), key=lambda e: e.key):
            place = bisect_left(range(len(self)), entry.key, key=self.key)
            self._copy_kept(builder, cursor, place, gone)
            builder.add(entry)
            cursor = place
        self._copy_kept(builder, cursor, len(self), gone)
        return builder.finish(ordered=True)

    def _copy_kept(self, builder: TableBuilder, start: int, stop: int, gone: Sequence[int]) -> None:
        """Copy events ``start``..``stop`` except the positions in ``gone`` (sorted)."""
        for index in gone[bisect_left(gone, start) : bisect_left(gone, stop)]:
            builder.copy(self, start, index)
            start = index + 1
        builder.copy(self, start, stop)

    # -- reading ----------------------------------------------------------------------------
    def select(self, flt: EventFilter, text_matches: Collection[str] = ()) -> list[int]:
        """The positions of the events ``flt`` matches, as :meth:`EventFilter.matches` decides.

        ``text_matches`` holds the UIDs that match ``flt.query`` (the store knows; the table keeps no text).
        The table holds no deleted events.
        """
        selected: Iterable[int] = range(len(self))
        if flt.categories:
            categories = set(flt.categories)
            selected = [i for i in selected if self.category[i] in categories]
        if flt.regions:
            regions = {r.upper() for r in flt.regions}
            selected = [i for i in selected if self.region[i] in regions]
        if flt.min_importance is not None:
            least = flt.min_importance
            selected = [i for i in selected if self.importance[i] >= least]
        if flt.entities:
            wanted = {e.casefold() for e in flt.entities}
            selected = [i for i in selected if not wanted.isdisjoint(e.casefold() for e in self.entities[i])]
        if flt.start is not None:
            start = to_micros(flt.start)
            selected = [i for i in selected if self.sort_end[i] > start or self.sort_start[i] >= start]
        if flt.end is not None:
            end = to_micros(flt.end)
            selected = [i for i in selected if self.sort_start[i] < end]
        if flt.query:
            matching = {uid.encode() for uid in text_matches}
            selected = [i for i in selected if self.uid(i).encode() in matching]
        statuses = set(flt.statuses)
        return [i for i in selected if self.status[i] in statuses]

    def digests_of(self, indices: Sequence[int]) -> bytes:
        """The digests of the events at ``indices`` (in order), joined."""
        view = memoryview(self.digests)
        return b"".join(view[start * DIGEST_SIZE : stop * DIGEST_SIZE] for start, stop in runs(indices))

    def join(self, indices: Sequence[int], header: bytes | None = None) -> Body:
        """The feed body holding the events at ``indices`` (in order): runs of this body copied, after
        ``header`` (a filtered feed's own name) or this body's."""
        spans = list(runs(indices))
        header = self.header if header is None else header
        writer = self.files.writer(len(header) + sum(self.starts[b] - self.starts[a] for a, b in spans) + len(FOOTER))
        writer.write(header)
        for start, stop in spans:
            writer.copy(self.body, self.starts[start], self.starts[stop])
        writer.write(FOOTER)
        return writer.finish()

    def newest(self, indices: Sequence[int] | None = None) -> datetime | None:
        """The latest Last-Modified of the events at ``indices`` (all: ``None``); None for no events."""
        if indices is None:
            return from_micros(max(self.updated)) if len(self) else None
        return from_micros(max(self.updated[i] for i in indices)) if indices else None
