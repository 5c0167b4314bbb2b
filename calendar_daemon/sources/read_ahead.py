"""Reading a large import in a second process while this one reconciles and writes.

Parsing (icalendar, validation) and the write (reconciliation, SQLite) each take a core's worth of
work; :func:`read_ahead` runs the reading in a child process (started fresh, so it shares no
database connection with this one) that sends the records in pieces through a pipe. The pipe's
buffer bounds what is in flight: the child waits while this process writes, so memory stays that of
a few pieces whatever the size of the files. An error in the child (a bad record) is raised here,
as raised there; a child that dies without a word (killed, out of memory, a bug) is an error too.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

from calendar_daemon.exceptions import CalendarDaemonError, InputError

logger = logging.getLogger(__name__)

T = TypeVar("T")
PIECE = 500  # items sent at a time


def read_ahead(produce: Callable[..., Iterable[T]], *args: Any, piece: int = PIECE, **kwargs: Any) -> Iterator[T]:
    """The items of ``produce(*args, **kwargs)`` in order, produced in a child process (``produce``
    and its arguments must be picklable: a module-level function and plain values)."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_produce, args=(sender, produce, args, kwargs, piece), daemon=True)
    child.start()
    sender.close()  # the child holds the sending end; this process sees its end when the child exits
    try:
        while True:
            if receiver not in wait([receiver, child.sentinel]):
                raise _died(child)
            try:
                kind, payload = receiver.recv()
            except EOFError:
                raise _died(child) from None
            if kind == "items":
                yield from payload
            elif kind == "error":
                raise payload
            else:
                return
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()  # this side stopped first (an error in the write): the rest is not needed
        child.join()


def _died(child: Any) -> InputError:
    child.join()  # it has closed its end of the pipe: it is exiting
    return InputError(f"the reading process stopped without finishing (exit code {child.exitcode})")


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
