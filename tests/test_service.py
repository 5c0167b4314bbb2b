"""The systemd unit passes `systemd-analyze verify`; the notify protocol reaches a real socket."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from calendar_daemon.ops.sdnotify import notify, watchdog_interval
from tests.helpers import REPO_ROOT

UNIT = REPO_ROOT / "systemd" / "calendar-daemon.service"


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def test_unit_verifies(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        if _in_ci():
            pytest.fail("systemd-analyze is required in CI (apt-get install systemd)")
        pytest.skip("systemd-analyze not installed")
    executable = shutil.which("calendar-daemon") or str(Path(sys.executable).with_name("calendar-daemon"))
    if not Path(executable).exists():
        pytest.skip("the calendar-daemon console script is not installed (pip install -e .)")
    text = UNIT.read_text(encoding="utf-8")
    for required in ("Type=notify", "WatchdogSec=", "Restart=on-failure", "StateDirectory=", "ConfigurationDirectory=",
                     "DynamicUser=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes",
                     "NoNewPrivileges=yes", "RestrictAddressFamilies=", "LimitNOFILE=", "MemoryHigh=", "MemoryMax="):
        assert required in text, required
    unit = tmp_path / "calendar-daemon.service"
    unit.write_text(text.replace("/opt/calendar-daemon/bin/calendar-daemon", executable), encoding="utf-8")
    result = subprocess.run([analyze, "verify", str(unit)], capture_output=True, text=True, timeout=60, check=False)
    problems = [line for line in result.stderr.splitlines() if "calendar-daemon.service" in line]
    assert result.returncode == 0 and not problems, result.stderr


def test_notify_sends_to_the_socket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "notify.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(str(path))
        monkeypatch.setenv("NOTIFY_SOCKET", str(path))
        assert notify("READY=1")
        assert server.recv(100) == b"READY=1"
    monkeypatch.delenv("NOTIFY_SOCKET")
    assert not notify("READY=1")


def test_watchdog_interval(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WATCHDOG_USEC", "60000000")
    monkeypatch.setenv("WATCHDOG_PID", str(os.getpid()))
    assert watchdog_interval() == 30.0
    monkeypatch.setenv("WATCHDOG_PID", "1")
    assert watchdog_interval() is None


def test_daemon_reports_ready_and_stops_cleanly_on_sigterm(tmp_path: Path, db_url: str) -> None:
    from tests.helpers import DaemonProcess, free_port, write_config

    path = tmp_path / "notify.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(str(path))
        server.settimeout(20)
        seeds = tmp_path / "seeds"
        seeds.mkdir()
        config = write_config(tmp_path / "c.toml", port=free_port(), seeds_path=seeds)
        with DaemonProcess(config, db_url, env={"NOTIFY_SOCKET": str(path)}) as daemon:
            assert server.recv(100) == b"READY=1"
            assert daemon.stop(timeout=30) == 0  # how long it takes: benchmarks/timings.py
        assert server.recv(100) == b"STOPPING=1"


def test_a_stop_requested_while_starting_is_honoured_once_serving() -> None:
    """SIGTERM before the server's own handlers exist: remembered, then a clean stop (not death by signal)."""
    import signal
    import time

    import uvicorn
    from fastapi import FastAPI

    from calendar_daemon.daemon import STOP_SIGNALS, DaemonServer, EarlyStop
    from tests.helpers import free_port

    previous = {sig: signal.getsignal(sig) for sig in STOP_SIGNALS}
    try:
        early = EarlyStop()
        os.kill(os.getpid(), signal.SIGTERM)  # arrives while "starting": recorded, not fatal
        deadline = time.monotonic() + 10
        while early.signum is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert early.signum == signal.SIGTERM
        server = DaemonServer(uvicorn.Config(FastAPI(), host="127.0.0.1", port=free_port(), log_config=None), early=early)
        server.run()  # returns (the test would hang otherwise) ...
        assert server.should_exit  # ... because the remembered stop was honoured
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
