"""Test helpers: run the real CLI and daemon as subprocesses on loopback."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cli_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CALENDAR_DAEMON_")}
    env["PYTHONPATH"] = str(REPO_ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("JOURNAL_STREAM", None)
    if extra:
        env.update(extra)
    return env


def run_cli(*args: str, db: str | None = None, config: Path | None = None, env: dict[str, str] | None = None,
            input_text: str | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``calendar-daemon ARGS`` in a fresh interpreter, as a user would."""
    command = [sys.executable, "-m", "calendar_daemon"]
    if config is not None:
        command += ["--config", str(config)]
    if db is not None:
        command += ["--db", db]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, env=cli_env(env), timeout=timeout, input=input_text,
        check=False,
    )


def write_config(path: Path, *, port: int, seeds_path: Path | None = None, poll_seconds: float = 0.2,
                 extra: str = "") -> Path:
    lines = ["[server]", 'host = "127.0.0.1"', f"port = {port}", "", "[feed]", f"poll_seconds = {poll_seconds}", ""]
    if seeds_path is not None:
        lines += ["[seeds]", f'path = "{seeds_path}"', ""]
    path.write_text("\n".join(lines) + extra, encoding="utf-8")
    return path


class DaemonProcess:
    """``calendar-daemon run`` as a subprocess; ``start`` waits until /healthz answers."""

    def __init__(self, config: Path, db: str, env: dict[str, str] | None = None) -> None:
        self.config = config
        self.db = db
        self.env = env
        self.process: subprocess.Popen[str] | None = None
        text = config.read_text(encoding="utf-8")
        self.port = int(text.split("port = ", 1)[1].split()[0])
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = config.with_suffix(".log")

    def start(self, timeout: float = 30) -> None:
        log = self.log_path.open("a", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "calendar_daemon", "--config", str(self.config), "--db", self.db, "run"],
            stdout=log, stderr=log, text=True, env=cli_env(self.env),
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"daemon exited with {self.process.returncode}: {self.log()}")
            try:
                if httpx.get(self.base_url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"daemon did not become healthy: {self.log()}")

    def __enter__(self) -> DaemonProcess:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8") if self.log_path.exists() else ""

    def signal(self, sig: int) -> None:
        assert self.process is not None
        self.process.send_signal(sig)

    def stop(self, timeout: float = 15) -> int | None:
        if self.process is None or self.process.poll() is not None:
            return None if self.process is None else self.process.returncode
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise

    def kill(self) -> None:
        assert self.process is not None
        self.process.kill()
        self.process.wait()

    def get(self, path: str, **kwargs: object) -> httpx.Response:
        return httpx.get(self.base_url + path, timeout=10, **kwargs)  # type: ignore[arg-type]
