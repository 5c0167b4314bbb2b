"""The C allocator's settings for the long-running daemon.

glibc gives each thread that allocates its own malloc arena (up to eight per core), and each arena
keeps the memory it once used. The daemon's threads (feed warm-up, alert planning, 32 send workers,
the server's thread pool) each allocate a little, so a 100,000-event run held ~40 MB in thread
arenas beyond what its main heap held. Two arenas are plenty for a service whose work is mostly in
one interpreter lock. ``MALLOC_ARENA_MAX`` in the environment (e.g. the systemd unit) still wins.
"""

from __future__ import annotations

import ctypes
import logging
import os

logger = logging.getLogger(__name__)

M_ARENA_MAX = -8  # glibc's mallopt() parameter number
DAEMON_ARENAS = 2


def limit_malloc_arenas(count: int = DAEMON_ARENAS) -> bool:
    """Cap glibc's malloc arenas at ``count`` for the threads created from now on; True when set.

    A no-op (False) when ``MALLOC_ARENA_MAX`` is set or the C library is not glibc (musl, macOS).
    """
    if os.environ.get("MALLOC_ARENA_MAX"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    done = bool(mallopt(M_ARENA_MAX, count))
    logger.debug("malloc arenas limited to %s: %s", count, done)
    return done
