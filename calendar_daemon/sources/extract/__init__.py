"""News extraction engine: dated market events from article text (pure, no I/O)."""

from __future__ import annotations

from .candidate import Candidate
from .compose import find_times, resolve_expression
from .engine import extract
from .published import detect_published
from .resolved import Resolved
from .sentences import split_sentences

__all__ = ["Candidate", "Resolved", "detect_published", "extract", "find_times",
           "resolve_expression", "split_sentences"]
