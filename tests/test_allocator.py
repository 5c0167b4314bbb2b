"""The daemon caps glibc's malloc arenas, so its many threads do not each keep their own heap."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

from tests.helpers import cli_env

pytestmark = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc arenas are glibc's")

# glibc's own report of its heaps and mappings (malloc_info), read back into ``info``.
MALLOC_INFO = """
libc = ctypes.CDLL(None)
libc.fdopen.restype = ctypes.c_void_p
with tempfile.TemporaryFile() as report:
    stream = libc.fdopen(os.dup(report.fileno()), b"w")
    libc.malloc_info(0, ctypes.c_void_p(stream))
    libc.fclose(ctypes.c_void_p(stream))
    report.seek(0)
    info = report.read()
"""

# Threads that allocate at the same time, then the number of arenas (<heap nr=...>).
PROBE = """
import ctypes, os, sys, tempfile, threading
from calendar_daemon.ops.allocator import limit_malloc_arenas
print(limit_malloc_arenas() if sys.argv[1] == "limit" else None)
barrier = threading.Barrier(8)
def work():
    barrier.wait()
    kept = [bytearray(4096) for _ in range(200)]  # > 512 bytes: malloc, not Python's small-object pool
    barrier.wait()
threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
""" + MALLOC_INFO + """
print(info.count(b"<heap nr="))
"""


def run_probe(script: str, mode: str, unset: str, **env: str) -> tuple[str, int]:
    """Run ``script`` in a fresh interpreter without ``unset`` in its environment: its two printed values."""
    environment = cli_env()
    environment.pop(unset, None)
    result = subprocess.run([sys.executable, "-c", script, mode], capture_output=True, text=True,
                            env={**environment, **env}, timeout=60, check=True)  # fmt: skip
    answer, number = result.stdout.split()
    return answer, int(number)


def probe(mode: str, **env: str) -> tuple[str, int]:
    return run_probe(PROBE, mode, "MALLOC_ARENA_MAX", **env)


def test_threads_share_at_most_two_arenas_once_limited() -> None:
    answer, arenas = probe("limit")
    assert answer == "True" and arenas <= 2
    _, unlimited = probe("none")
    assert unlimited > 2  # what the daemon's threads did before


def test_an_operators_malloc_arena_max_wins() -> None:
    answer, arenas = probe("limit", MALLOC_ARENA_MAX="4")
    assert answer == "False" and 2 < arenas <= 4


# A large block freed, then 1 MB blocks: glibc's own count of blocks it mapped (not heap).
MAPPED = """
import ctypes, os, re, sys, tempfile
from calendar_daemon.ops.allocator import fix_mmap_threshold
print(fix_mmap_threshold() if sys.argv[1] == "fix" else None)
big = bytearray(8 << 20)  # mapped, and freed: glibc's dynamic threshold rises to 8 MB
del big
kept = [bytearray(1 << 20) for _ in range(20)]
""" + MALLOC_INFO + """
print(re.findall(rb'<total type="mmap" count="(\\d+)"', info)[-1].decode())
"""


def mapped(mode: str, **env: str) -> tuple[str, int]:
    return run_probe(MAPPED, mode, "MALLOC_MMAP_THRESHOLD_", **env)


def test_large_blocks_stay_mapped_after_a_larger_one_was_freed() -> None:
    answer, count = mapped("fix")
    assert answer == "True" and count >= 20  # each 1 MB block its own mapping, returned when freed
    _, unfixed = mapped("none")
    assert unfixed < 20  # glibc's default: they went into the heap


def test_an_operators_mmap_threshold_wins() -> None:
    answer, count = mapped("fix", MALLOC_MMAP_THRESHOLD_=str(16 << 20))
    assert answer == "False" and count < 20
