"""Who this process is among the replicas sharing one database."""

from __future__ import annotations

import os
import socket

from calendar_daemon.config.settings import Config


def replica_id(config: Config) -> str:
    """``[server] replica_id``, or ``hostname:pid`` (short enough for the ledger's claim column)."""
    return config.server.replica_id or f"{socket.gethostname()[:32]}:{os.getpid()}"
