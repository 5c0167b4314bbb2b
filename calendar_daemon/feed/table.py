"""The feed cache's events in feed order: one body holding every rendered block, and compact columns.

A cached calendar of 100,000 events is ~50 MB of VEVENT blocks. :class:`BlockTable` keeps them once,
joined into the unfiltered feed body itself (header, blocks, footer), and beside it only what the
cache needs per event, in flat columns rather than one object per event: where its block lies in the
body, the block's SHA-256 (the ETag hashes these, so it never hashes megabytes), its place in the feed
order (start, UID; the UIDs kept as one newline-separated text), its Last-Modified and revision, and
the fields a feed filter reads. Text is not kept: a text query asks the store
(:meth:`EventStore.text_matches`). A body above ``[feed] max_body_memory_mb`` lives in an unlinked
temporary file (:mod:`calendar_daemon.feed.body`).

A change writes a new body, copying unchanged runs of blocks out of the old one (as slices, or file
to file by the kernel) and adding the newly rendered blocks where they belong in the order, so an
edit costs one copy of the body plus the edited blocks, not a re-join of 100,000 small objects. The
old body is left as it is (a response may still be streaming it). The columns are changed in place,
one column at a time, under the cache's lock, which every reader of them holds: an edit of a
million-event table holds one column twice at most, not the whole table, and an edit of a few events
changes the two widest columns (UID text and digests, ~32 MB each at a million) where they are. Category, region, status
and entities are codes into a :class:`~calendar_daemon.feed.columns.Vocabulary` shared by the
cache's tables (:mod:`calendar_daemon.feed.columns`). A filtered body is joined from runs of the
unfiltered one.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from itertools import pairwise

from calendar_daemon.feed.body import Body, BodyFiles
from calendar_daemon.feed.columns import (
    DIGEST_SIZE,
    PLAIN_COLUMNS,
    SEPARATOR,
    Columns,
    Entry,
    Vocabulary,
    append_entry,
    entry_values,
    extend_from,
    extend_offsets,
    extend_plain,
    extend_uids,
    from_micros,
    to_micros,
)
from calendar_daemon.feed.render import FOOTER
from calendar_daemon.store.events import EventFilter

SPLICE_LIMIT = 64  # changes up to which an edit changes the widest columns in place (each a move of the column's tail)


class TableBuilder(Columns):
    """Appends blocks (new ones, or runs copied from another table) in feed order into a new table."""

    def __init__(self, header: bytes, files: BodyFiles, expected_size: int | None = None, vocabulary: Vocabulary | None = None) -> None:
        self.header = header
        self.files = files
        self.vocabulary = vocabulary or Vocabulary()
        self._body = files.writer(expected_size)  # in memory or a file (feed_body)
        self._body.write(header)
        self._empty_columns(len(header))

    def add(self, entry: Entry) -> None:
        self._body.write(entry.block)
        append_entry(self, entry, self.vocabulary)

    def copy(self, table: BlockTable, start: int, stop: int) -> None:
        """Append ``table``'s events ``start`` to ``stop`` (exclusive) as they are."""
        if start >= stop:
            return
        self._body.copy(table.body, table.starts[start], table.starts[stop])
        extend_from(self, table, start, stop)

    def finish(self, *, ordered: bool = False) -> BlockTable:
        """The table, in feed order: reordered here if the blocks were added out of order, unless the
        caller knows they were not (``ordered``)."""
        self._body.write(FOOTER)
        table = BlockTable(self, self._body.finish())
        self._body = self.files.writer(0)
        if ordered or table.in_order():
            return table
        # The store's order differed from ours (a database collation): copy the runs into place.
        builder = TableBuilder(self.header, self.files, len(table.body), self.vocabulary)
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


class BlockTable(Columns):
    """Cached events in feed order (start, then UID); see the module docstring."""

    def __init__(self, built: TableBuilder, body: Body) -> None:
        self.header = built.header
        self.files = built.files
        self.vocabulary = built.vocabulary
        self.body = body
        self.uid_text, self.uid_starts, self.starts, self.digests = built.uid_text, built.uid_starts, built.starts, built.digests
        for name, _ in PLAIN_COLUMNS:
            setattr(self, name, getattr(built, name))

    @classmethod
    def empty(cls, header: bytes, files: BodyFiles, vocabulary: Vocabulary | None = None) -> BlockTable:
        return TableBuilder(header, files, vocabulary=vocabulary).finish()

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

    def regions(self) -> frozenset[str]:
        """The regions of the events in the table."""
        names = self.vocabulary.regions.values
        return frozenset(names[code] for code in set(self.region))

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
        """This table with ``changed`` entries added or replacing the old ones and ``removed`` UIDs gone.

        ``positions``: those of :meth:`positions` for the changed and removed UIDs, if already known.
        The body is written anew (responses may still be streaming the old one); the columns are
        replaced one at a time, so an edit of a million-event table holds one column twice at most,
        not the whole table. The caller holds the cache's lock, which every reader of the columns takes.
        """
        if positions is None:
            positions = self.positions({*changed, *removed})
        gone = sorted(positions.values())
        if not changed and not gone:
            return self
        plan: list[tuple[int, int] | Entry] = []  # runs of this table kept, and new entries, in order
        places: list[tuple[int, Entry]] = []  # where each new entry goes, before which old event
        cursor = 0
        for entry in sorted(changed.values(), key=lambda e: e.key):
            place = bisect_left(range(len(self)), entry.key, key=self.key)
            plan += self._kept(cursor, place, gone)
            plan.append(entry)
            places.append((place, entry))
            cursor = place
        plan += self._kept(cursor, len(self), gone)
        writer = self.files.writer(len(self.body) + sum(len(e.block) for e in changed.values()))
        writer.write(self.header)
        for step in plan:
            if isinstance(step, Entry):
                writer.write(step.block)
            else:
                writer.copy(self.body, self.starts[step[0]], self.starts[step[1]])
        writer.write(FOOTER)
        body = writer.finish()
        if len(places) + len(gone) <= SPLICE_LIMIT:
            self._splice_wide(places, gone)
        self._replace_columns(plan, spliced=len(places) + len(gone) <= SPLICE_LIMIT)
        self.body = body
        return self

    def _splice_wide(self, places: Sequence[tuple[int, Entry]], gone: Sequence[int]) -> None:
        """Edit the two widest columns (UID text, digests: ~32 bytes an event each) in place: the old
        events at ``gone`` out, the new entries in before the old events at their places. From the
        end, so the old offsets of what is still to edit stay valid; at one index the old event goes
        first, then the new ones, last first (each goes in front of the one after it)."""
        edits: list[tuple[int, int, Entry | None]] = [(index, 1, None) for index in gone]
        edits += [(place, 0, entry) for place, entry in places]
        edits.sort(key=lambda edit: (edit[0], edit[1], edit[2].key if edit[2] is not None else (0, "")), reverse=True)
        text, starts, digests = self.uid_text, self.uid_starts, self.digests
        for index, _, entry in edits:
            if entry is None:
                del text[starts[index] : starts[index + 1]]
                del digests[index * DIGEST_SIZE : (index + 1) * DIGEST_SIZE]
            else:
                text[starts[index] : starts[index]] = entry.uid.encode() + SEPARATOR
                digests[index * DIGEST_SIZE : index * DIGEST_SIZE] = entry.digest

    def _kept(self, start: int, stop: int, gone: Sequence[int]) -> list[tuple[int, int]]:
        """Events ``start``..``stop`` except the positions in ``gone`` (sorted), as runs."""
        kept = []
        for index in gone[bisect_left(gone, start) : bisect_left(gone, stop)]:
            if index > start:
                kept.append((start, index))
            start = index + 1
        if stop > start:
            kept.append((start, stop))
        return kept

    def _replace_columns(self, plan: Sequence[tuple[int, int] | Entry], *, spliced: bool = False) -> None:
        """Every column rebuilt from ``plan`` (runs of this table's events, and new entries), one
        column at a time: each old column is dropped as soon as its new one is built. ``spliced``:
        the UID text and the digests were already edited in place (:meth:`_splice_wide`)."""
        values = [entry_values(step, self.vocabulary) if isinstance(step, Entry) else None for step in plan]
        text, uid_starts = bytearray(SEPARATOR), array("I", [len(SEPARATOR)])
        starts, digests = array("q", [len(self.header)]), bytearray()
        for step in plan:
            if isinstance(step, Entry):
                if not spliced:
                    text += step.uid.encode() + SEPARATOR
                uid_starts.append(uid_starts[-1] + len(step.uid.encode()) + len(SEPARATOR))
            elif spliced:
                extend_offsets(uid_starts, self.uid_starts, *step)
            else:
                extend_uids(text, uid_starts, self, *step)
        self.uid_starts = uid_starts
        if not spliced:
            self.uid_text = text
        for step in plan:
            if isinstance(step, Entry):
                starts.append(starts[-1] + len(step.block))
            else:
                extend_offsets(starts, self.starts, *step)
        self.starts = starts
        if not spliced:
            for step in plan:
                digests += step.digest if isinstance(step, Entry) else memoryview(self.digests)[step[0] * DIGEST_SIZE : step[1] * DIGEST_SIZE]
            self.digests = digests
        for name, typecode in PLAIN_COLUMNS:
            old, new = getattr(self, name), array(typecode)
            for step, value in zip(plan, values, strict=True):
                if value is None:
                    assert not isinstance(step, Entry)
                    extend_plain(new, old, *step)
                else:
                    new.append(value[name])
            setattr(self, name, new)

    # -- reading ----------------------------------------------------------------------------
    def select(self, flt: EventFilter, text_matches: Collection[str] = ()) -> list[int]:
        """The positions of the events ``flt`` matches, as :meth:`EventFilter.matches` decides.

        ``text_matches`` holds the UIDs that match ``flt.query`` (the store knows; the table keeps no text).
        The table holds no deleted events.
        """
        selected: Iterable[int] = range(len(self))
        words = self.vocabulary
        if flt.categories:
            categories = words.categories.codes_where(set(flt.categories).__contains__)
            selected = [i for i in selected if self.category[i] in categories]
        if flt.regions:
            regions = words.regions.codes_where({r.upper() for r in flt.regions}.__contains__)
            selected = [i for i in selected if self.region[i] in regions]
        if flt.min_importance is not None:
            least = flt.min_importance
            selected = [i for i in selected if self.importance[i] >= least]
        if flt.entities:
            wanted = {e.casefold() for e in flt.entities}
            naming = words.entities.codes_where(lambda names: not wanted.isdisjoint(e.casefold() for e in names))
            selected = [i for i in selected if self.entities[i] in naming]
        if flt.start is not None:
            start = to_micros(flt.start)
            selected = [i for i in selected if self.sort_end[i] > start or self.sort_start[i] >= start]
        if flt.end is not None:
            end = to_micros(flt.end)
            selected = [i for i in selected if self.sort_start[i] < end]
        if flt.query:
            matching = {uid.encode() for uid in text_matches}
            selected = [i for i in selected if self.uid(i).encode() in matching]
        statuses = words.statuses.codes_where(set(flt.statuses).__contains__)
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
