"""The C allocator's settings for the long-running daemon.

glibc gives each thread that allocates its own malloc arena (up to eight per core), and each arena
keeps the memory it once used. The daemon's threads (feed warm-up, alert planning, 32 send workers,
the server's thread pool) each allocate a little, so a 100,000-event run held ~40 MB in thread
arenas beyond what its main heap held. Two arenas are plenty for a service whose work is mostly in
one interpreter lock. ``MALLOC_ARENA_MAX`` in the environment (e.g. the systemd unit) still wins.

glibc also serves a block from the heap rather than its own mapping when it is smaller than a
threshold that rises with the largest mapped block freed so far (up to 32 MB). Once the feed's
1 MB body pieces have been freed, the feed cache's growing columns were reallocated inside the heap,
leaving holes the heap cannot give back: ~6 MB of a 100,000-event daemon, more with a million.
:func:`fix_mmap_threshold` pins the threshold at 256 KiB, so large blocks are mapped, grow by
remapping and are returned when freed. ``MALLOC_MMAP_THRESHOLD_`` in the environment still wins.
"""

from __future__ import annotations

import ctypes
import logging
import os

logger = logging.getLogger(__name__)

M_ARENA_MAX = -8  # glibc's mallopt() parameter numbers
M_MMAP_THRESHOLD = -3
DAEMON_ARENAS = 2
DAEMON_MMAP_THRESHOLD = 256 * 1024


def _mallopt(parameter: int, value: int) -> bool:
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    return bool(mallopt(parameter, value))


def limit_malloc_arenas(count: int = DAEMON_ARENAS) -> bool:
    """Cap glibc's malloc arenas at ``count`` for the threads created from now on; True when set.

    A no-op (False) when ``MALLOC_ARENA_MAX`` is set or the C library is not glibc (musl, macOS).
    """
    if os.environ.get("MALLOC_ARENA_MAX"):
        return False
    done = _mallopt(M_ARENA_MAX, count)
    logger.debug("malloc arenas limited to %s: %s", count, done)
    return done


def fix_mmap_threshold(size: int = DAEMON_MMAP_THRESHOLD) -> bool:
    """Blocks of ``size`` bytes or more get their own mapping, whatever was freed before; True when set.

    A no-op (False) when ``MALLOC_MMAP_THRESHOLD_`` is set or the C library is not glibc.
    """
    if os.environ.get("MALLOC_MMAP_THRESHOLD_"):
        return False
    done = _mallopt(M_MMAP_THRESHOLD, size)
    logger.debug("malloc mmap threshold fixed at %s bytes: %s", size, done)
    return done
