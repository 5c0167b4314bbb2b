"""Reading a large import in a second process while this one reconciles and writes.

Parsing (icalendar, validation) and the write (reconciliation, SQLite) each take a core's worth of
work; :func:`read_ahead` runs the reading in a child process (started fresh, so it shares no
database connection with this one) that sends the records in pieces through a pipe, and a thread
here queues up to :data:`DEPTH` pieces: the child reads on while this process writes, and waits
when it is that far ahead, so memory stays that of a few pieces whatever the size of the files.
An error in the child (a bad record) is raised here, as raised there; a child that dies without a
word (killed, out of memory, a bug) is an error too.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from calendar_daemon.exceptions import CalendarDaemonError, InputError

logger = logging.getLogger(__name__)

T = TypeVar("T")
PIECE = 500  # items sent at a time
DEPTH = 10  # pieces the reader may run ahead of the writer: a batch of the import (5,000 records)


def read_ahead(
    produce: Callable[..., Iterable[T]], *args: Any, piece: int = PIECE, depth: int = DEPTH, **kwargs: Any
) -> Iterator[T]:
    """The items of ``produce(*args, **kwargs)`` in order, produced in a child process (``produce``
    and its arguments must be picklable: a module-level function and plain values). A thread here
    takes the pieces off the pipe as they come, up to ``depth`` pieces ahead of the caller, so the
    child goes on reading while the caller works on what it has."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_produce, args=(sender, produce, args, kwargs, piece), daemon=True)
    child.start()
    sender.close()  # the child holds the sending end; this process sees its end when the child exits
    pieces: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=depth)
    stop = threading.Event()
    pump = threading.Thread(target=_pump, args=(receiver, pieces, stop), name="read-ahead", daemon=True)
    pump.start()
    try:
        while True:
            kind, payload = pieces.get()
            if kind == "items":
                yield from payload
            elif kind == "error":
                raise payload
            elif kind == "eof":
                child.join()  # it has closed its end of the pipe: it is exiting
                raise InputError(f"the reading process stopped without finishing (exit code {child.exitcode})")
            else:
                return
    finally:
        stop.set()
        if child.is_alive():
            child.kill()  # this side stopped first (an error in the write): the rest is not needed
        child.join()
        pump.join()  # it sees the end of the pipe once the child is gone
        receiver.close()


def _pump(receiver: Connection, pieces: queue.Queue[tuple[str, Any]], stop: threading.Event) -> None:
    """Move the child's messages from the pipe to ``pieces`` until its last one, or until told to stop."""
    while True:
        try:
            message = receiver.recv()
        except (EOFError, OSError):
            message = ("eof", None)
        while not stop.is_set():
            try:
                pieces.put(message, timeout=0.1)
                break
            except queue.Full:
                continue
        if stop.is_set() or message[0] != "items":
            return


def _produce(sender: Connection, produce: Callable[..., Iterable[Any]], args: tuple[Any, ...], kwargs: dict[str, Any],
             piece: int) -> None:  # fmt: skip
    try:
        items: list[Any] = []
        for item in produce(*args, **kwargs):
            items.append(item)
            if len(items) >= piece:
                sender.send(("items", items))
                items = []
        sender.send(("items", items))
        sender.send(("done", None))
    except CalendarDaemonError as exc:  # sent as it is: an InputError keeps its file and line
        sender.send(("error", exc))
    finally:
        sender.close()
