"""Results remembered while one article is read: its lines go through several readers (day headings,
clock rows, the sentence reader) that each ask for the same lines' times and regions."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")

# One dict per article being read (None outside ``one_article``); a context variable keeps threads apart.
_MEMO: ContextVar[dict[Hashable, Any] | None] = ContextVar("calendar_daemon_extract_memo", default=None)


@contextmanager
def one_article() -> Iterator[None]:
    """Within the block, ``remembered`` values are computed once per key; they are forgotten after it,
    so that nothing read from one article is kept for the next."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or its value for ``key`` already computed in this article (``compute`` must be a
    pure function of ``key``, and callers must not change what it returns)."""
    memo = _MEMO.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    found: T = memo[key]
    return found
