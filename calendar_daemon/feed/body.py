"""Feed bodies: ``bytes`` up to a size limit, an unlinked temporary file above it.

The unfiltered feed of 100,000 events is ~50 MB, and while an edit is applied the old and the new
body exist at once. Held as ``bytes`` that is anonymous process memory, counted in the daemon's RSS
for as long as it runs. A body larger than ``[feed] max_body_memory_mb`` is therefore written by
:class:`BodyWriter` to an unlinked :func:`tempfile.TemporaryFile` (next to the SQLite file when
there is one) and kept as a :class:`FileBody` holding only its file descriptor: its pages are page
cache the kernel can write back and drop, not memory of the process.

A body is never changed once written, so any number of readers may read it at once with
:func:`os.pread`. Whoever holds a :class:`FileBody` (the cache, a response still streaming it) keeps
the file open; when the last reference goes, the file is closed and its space freed.

A new body is written from the blocks rendered for it and from ranges of an older body: between two
files those ranges are copied by the kernel (:func:`os.copy_file_range`), or where that is not
supported in :data:`CHUNK`-sized :func:`os.pread`/:func:`os.write` steps; a body is never read
into memory whole.
"""

from __future__ import annotations

import errno
import io
import logging
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

logger = logging.getLogger(__name__)

CHUNK = 1 << 20  # bytes read or written at once: the most a file-backed body costs in memory
MEBIBYTE = 1 << 20
DEFAULT_MAX_BODY_MEMORY = 16 * MEBIBYTE
# Errors meaning "copy_file_range cannot copy between these files": copy them by hand instead.
_NO_COPY_FILE_RANGE = {errno.ENOSYS, errno.EXDEV, errno.EOPNOTSUPP, errno.EINVAL, errno.EPERM}


class FileBody:
    """A finished feed body in an unlinked temporary file (see the module docstring)."""

    __slots__ = ("_file", "size")

    def __init__(self, file: BinaryIO, size: int) -> None:
        self._file = file
        self.size = size

    def __len__(self) -> int:
        return self.size

    def __del__(self) -> None:
        self.close()

    def close(self) -> None:
        self._file.close()

    @property
    def closed(self) -> bool:
        return self._file.closed

    def fileno(self) -> int:
        return self._file.fileno()

    def chunks(self, start: int = 0, stop: int | None = None, size: int = CHUNK) -> Iterator[bytes]:
        """Bytes ``start`` to ``stop`` in pieces of at most ``size``; safe alongside other readers."""
        stop = self.size if stop is None else stop
        fd = self.fileno()
        while start < stop:
            data = os.pread(fd, min(size, stop - start), start)
            if not data:
                raise OSError(errno.EIO, f"feed body file ended at {start} of {self.size} bytes")
            start += len(data)
            yield data

    def read(self) -> bytes:
        """The whole body in memory (small bodies, tests); serve large ones with :meth:`chunks`."""
        return b"".join(self.chunks())


Body = bytes | FileBody


def body_chunks(body: Body, size: int = CHUNK) -> Iterator[bytes]:
    """A body as pieces of at most ``size`` bytes, whichever way it is held."""
    if isinstance(body, bytes):
        view = memoryview(body)
        for start in range(0, len(body), size):
            yield bytes(view[start : start + size])
    else:
        yield from body.chunks(size=size)


def body_bytes(body: Body) -> bytes:
    """A body in memory, whichever way it is held."""
    return body if isinstance(body, bytes) else body.read()


@dataclass(frozen=True)
class BodyFiles:
    """Where and above which size bodies go to a file: ``limit`` bytes stay in memory; ``directory``
    (``None``: the system's temporary directory) holds the files."""

    limit: int = DEFAULT_MAX_BODY_MEMORY
    directory: str | None = None

    def writer(self, expected: int | None = None) -> BodyWriter:
        return BodyWriter(self, expected)


class BodyWriter:
    """Writes one body in order, in memory or into a temporary file; :meth:`finish` gives ``bytes``
    exactly when the body fits the limit.

    ``expected``: the body's size if known, roughly. A body expected to fit is written in memory (and
    moved to a file should it outgrow the limit); one expected not to fit, or of unknown size (the
    first fill), goes to a file after its first :data:`CHUNK`, so building a large body never holds
    more than about a chunk of it in memory. One that then turns out to fit is read back.
    """

    copy_file_range = hasattr(os, "copy_file_range")  # turned off for good once the kernel refuses

    def __init__(self, files: BodyFiles, expected: int | None = None) -> None:
        self.files = files
        fits = expected is not None and expected <= files.limit
        self._threshold = files.limit if fits else min(files.limit, CHUNK)  # memory used before a file
        self._memory: io.BytesIO | None = io.BytesIO()
        self._file: BinaryIO | None = None
        self._pending = bytearray()  # written to the file in CHUNK-sized writes
        self.size = 0

    def write(self, data: bytes | memoryview) -> None:
        self.size += len(data)
        if self._memory is not None:
            self._memory.write(data)
            if self._memory.tell() > self._threshold:
                self._spill()
            return
        self._pending += data
        if len(self._pending) >= CHUNK:
            self._flush()

    def copy(self, source: Body, start: int, stop: int) -> None:
        """Append bytes ``start`` to ``stop`` of another body."""
        if stop <= start:
            return
        if isinstance(source, bytes):
            self.write(memoryview(source)[start:stop])
            return
        if self._memory is not None and self._memory.tell() + (stop - start) > self._threshold:
            self._spill()
        if self._memory is not None:  # a small piece of a large body: it fits in memory
            for data in source.chunks(start, stop):
                self.write(data)
            return
        self._flush()
        assert self._file is not None
        self._copy_range(source.fileno(), self._file.fileno(), start, stop - start)
        self.size += stop - start

    def finish(self) -> Body:
        """The body written: ``bytes`` if it fits the limit, else a :class:`FileBody`."""
        if self._memory is not None:
            body = self._memory.getvalue()  # hands over the buffer without a copy
            self._memory = None
            return body
        self._flush()
        assert self._file is not None
        spilled = FileBody(self._file, self.size)
        self._file = None
        return spilled.read() if self.size <= self.files.limit else spilled  # read back: it fits after all

    def _spill(self) -> None:
        assert self._memory is not None
        self._file = tempfile.TemporaryFile(dir=self.files.directory, buffering=0)  # noqa: SIM115 - owned by the FileBody
        _write_all(self._file.fileno(), self._memory.getbuffer())
        self._memory = None

    def _flush(self) -> None:
        if self._pending:
            assert self._file is not None
            _write_all(self._file.fileno(), self._pending)
            self._pending = bytearray()

    def _copy_range(self, source: int, target: int, offset: int, count: int) -> None:
        """Copy ``count`` bytes from ``offset`` in ``source`` to the end of ``target``."""
        while count > 0:
            copied = 0
            if BodyWriter.copy_file_range:
                try:
                    copied = os.copy_file_range(source, target, min(count, 1 << 30), offset)
                except OSError as exc:
                    if exc.errno not in _NO_COPY_FILE_RANGE:
                        raise
                    logger.info("copy_file_range unsupported here (%s); copying feed bodies in chunks", exc)
                    BodyWriter.copy_file_range = False
            if not BodyWriter.copy_file_range:
                copied = _write_all(target, os.pread(source, min(count, CHUNK), offset))
            if copied <= 0:
                raise OSError(errno.EIO, f"feed body file ended at {offset} ({count} bytes short)")
            offset += copied
            count -= copied


def _write_all(fd: int, data: bytes | bytearray | memoryview) -> int:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    return len(data)
