"""Who this process is among the replicas sharing one database."""

from __future__ import annotations

import os
import socket

from calendar_daemon.config.settings import Config


def replica_id(config: Config) -> str:
    """``[server] replica_id``, or ``hostname:pid`` (short enough for the ledger's claim column)."""
    return config.server.replica_id or f"{socket.gethostname()[:32]}:{os.getpid()}"


def _alive(pid: int) -> bool:
    """The process exists and is not a zombie (a killed child its parent has not reaped yet)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except OSError:
        return True  # no /proc: existing is alive enough


def dead_holder(token: str, replica: str) -> bool:
    """A claim token ``<replica>:<run>:<n>`` whose process is known to be gone.

    Either this replica's earlier run (the same replica id: ``[server] replica_id`` is one process at
    a time; the caller excludes its own run), or a ``hostname:pid`` replica of this host whose process
    no longer exists. A claim of any other replica is left to its lease: it may be alive.
    """
    parts = token.rsplit(":", 2)
    if len(parts) != 3:
        return False
    holder = parts[0]
    if holder == replica:
        return True
    host, _, pid = holder.rpartition(":")
    return host == socket.gethostname()[:32] and pid.isdigit() and not _alive(int(pid))
