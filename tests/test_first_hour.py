"""The first hour of a new user: the quick start, the first `run`, the first mistakes on the command line.

Each test is one thing a newcomer runs into; the daemon itself runs as a real process where its start or
refusal to start is the point, the other commands in-process."""

from __future__ import annotations

import socket
from pathlib import Path

from tests.helpers import DaemonProcess, free_port, run_cli, write_config


def test_run_on_a_taken_port_exits_at_once_naming_the_port(tmp_path: Path) -> None:
    db = tmp_path / "cal.db"
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        config = write_config(tmp_path / "calendar-daemon.toml", port=port)
        result = run_cli("run", db=f"sqlite:///{db}", config=config)
    assert result.returncode == 1, result.stderr
    assert f"Error: port {port} on 127.0.0.1 is in use; set [server] port or pass --port" in result.stderr
    assert "Traceback" not in result.stderr and "Errno" not in result.stderr
    assert "serving the feed" not in result.stderr
    assert not db.exists()  # it stopped before opening the database, let alone loading the seeds


def test_run_with_a_taken_port_option_names_that_port(tmp_path: Path) -> None:
    config = write_config(tmp_path / "calendar-daemon.toml", port=free_port())
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = run_cli("run", "--port", str(port), db=f"sqlite:///{tmp_path / 'cal.db'}", config=config)
    assert result.returncode == 1
    assert f"port {port} on 127.0.0.1 is in use" in result.stderr


def test_serving_the_feed_is_logged_at_info(tmp_path: Path) -> None:
    port = free_port()
    config = write_config(tmp_path / "calendar-daemon.toml", port=port, extra="[seeds]\nload_on_start = false\n")
    with DaemonProcess(config, f"sqlite:///{tmp_path / 'cal.db'}") as daemon:
        assert daemon.get("/healthz").status_code == 200
    assert f"INFO calendar_daemon.daemon: serving the feed at http://127.0.0.1:{port}/calendar.ics" in daemon.log()
    assert "WARNING calendar_daemon.daemon: serving the feed" not in daemon.log()
