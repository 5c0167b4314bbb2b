"""Logging to stderr; without timestamps under journald, which adds its own."""

from __future__ import annotations

import logging
import os
import sys


def setup_logging(verbosity: int = 0) -> None:
    level = logging.DEBUG if verbosity > 1 else logging.INFO if verbosity == 1 else logging.WARNING
    if os.environ.get("JOURNAL_STREAM"):
        fmt = "%(levelname)s %(name)s: %(message)s"
    else:
        fmt = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(fmt))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)


def daemon_logging() -> None:
    """A running daemon reports its own progress (INFO) even without -v."""
    logger = logging.getLogger("calendar_daemon")
    if logger.getEffectiveLevel() > logging.INFO:
        logger.setLevel(logging.INFO)
