"""Half-open connections on the real daemon: a header deadline and a connection cap keep it serving."""

from __future__ import annotations

import os
import select
import socket
from pathlib import Path

import httpx

from tests.alerting import wait_until
from tests.helpers import DaemonProcess, free_port, write_config

HALF_OPEN = 200
CAP = 50


def _closed_by_server(sock: socket.socket) -> bool:
    """True once the server closed ``sock`` (EOF, possibly after a 503); never blocks."""
    readable, _, _ = select.select([sock], [], [], 0)
    if not readable:
        return False
    try:
        while chunk := sock.recv(4096):
            if not select.select([sock], [], [], 0)[0]:
                return False  # data but no EOF yet
            del chunk
    except (ConnectionResetError, BlockingIOError):
        return True
    return True


def test_half_open_connections_are_closed_and_new_clients_served(tmp_path: Path, db_url: str) -> None:
    seeds = tmp_path / "no-seeds"
    seeds.mkdir()
    config = write_config(tmp_path / "calendar-daemon.toml", port=free_port(), seeds_path=seeds)
    text = config.read_text(encoding="utf-8").replace(
        "[server]\n", f"[server]\nheader_timeout_seconds = 1.0\nmax_connections = {CAP}\n", 1
    )
    config.write_text(text, encoding="utf-8")
    with DaemonProcess(config, db_url) as daemon:
        assert daemon.process is not None
        sockets: list[socket.socket] = []
        try:
            for _ in range(HALF_OPEN):
                sock = socket.create_connection(("127.0.0.1", daemon.port), timeout=10)
                sock.sendall(b"GET /calendar.ics HTTP/1.1\r\nHo")  # a partial request, then silence
                sockets.append(sock)
            # The connections over the cap are answered 503 and closed at once: the daemon's open files stay bounded.
            first = sockets[-1]
            first.settimeout(10)
            assert first.recv(4096).startswith(b"HTTP/1.1 503")
            open_files = len(os.listdir(f"/proc/{daemon.process.pid}/fd"))
            assert open_files < CAP + 40, open_files
            # The others get no more than the header deadline: every half-open connection ends.
            wait_until(lambda: all(_closed_by_server(s) for s in sockets), timeout=30)
            # A new client is served.
            response = httpx.get(f"{daemon.base_url}/calendar.ics", timeout=10)
            assert response.status_code == 200 and b"BEGIN:VCALENDAR" in response.content
        finally:
            for sock in sockets:
                sock.close()
        assert daemon.get("/healthz").status_code == 200
    assert daemon.returncode == 0
