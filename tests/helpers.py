"""Test helpers: run the CLI in-process (or, where the process boundary is under test, as a subprocess) and the
daemon as a subprocess on loopback."""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from click.testing import CliRunner

from calendar_daemon.cli.main import cli
from calendar_daemon.ops import redact

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
    """Run ``calendar-daemon ARGS`` in a fresh interpreter, as a user would: for tests of the process boundary
    (the real binary's exit status, a daemon that must start or refuse to); everything else uses ``invoke_cli``."""
    command = [sys.executable, "-m", "calendar_daemon"]
    if config is not None:
        command += ["--config", str(config)]
    if db is not None:
        command += ["--db", db]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, env=cli_env(env), timeout=timeout, input=input_text,
        check=False,
    )


@dataclass(frozen=True)
class CliResult:
    """What a finished CLI call left behind: the same attributes tests read from ``subprocess.CompletedProcess``."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str


@contextmanager
def _restored_process_state() -> Iterator[None]:
    """Undo what one CLI call changes in the interpreter: the root and package loggers (``setup_logging``,
    ``daemon_logging``), the secrets the redactor learnt from the channels (``register_secret``) and the cwd."""
    root = logging.getLogger()
    package = logging.getLogger("calendar_daemon")
    saved = (list(root.handlers), root.level, package.level)
    secrets = set(redact._SECRETS)
    cwd = Path.cwd()
    try:
        yield
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        package.setLevel(saved[2])
        with redact._lock:
            redact._SECRETS.clear()
            redact._SECRETS.update(secrets)
        os.chdir(cwd)


def invoke_cli(*args: str, db: str | None = None, config: Path | None = None, env: dict[str, str] | None = None,
               input_text: str | None = None) -> CliResult:
    """Run ``calendar-daemon ARGS`` in this interpreter, as ``run_cli`` would in a fresh one.

    The environment is the one ``cli_env`` gives a subprocess (no inherited ``CALENDAR_DAEMON_*``, no journald),
    restored afterwards together with the rest of the process state the CLI touches (``_restored_process_state``). An unexpected exception ends
    with status 1 and its traceback on stderr, as the interpreter would print it."""
    command: list[str] = []
    if config is not None:
        command += ["--config", str(config)]
    if db is not None:
        command += ["--db", db]
    command += args
    overrides: dict[str, str | None] = {k: None for k in os.environ if k.startswith("CALENDAR_DAEMON_")}
    overrides["JOURNAL_STREAM"] = None
    overrides.update(env or {})
    with _restored_process_state():
        result = CliRunner().invoke(cli, command, input=input_text, env=overrides, prog_name="calendar-daemon")
    stderr = result.stderr
    if result.exc_info is not None and result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(*result.exc_info))
    return CliResult(["calendar-daemon", *command], result.exit_code, result.stdout, stderr)


def write_config(path: Path, *, port: int, seeds_path: Path | None = None, poll_seconds: float = 0.2,
                 extra: str = "") -> Path:
    lines = ["[server]", 'host = "127.0.0.1"', f"port = {port}", "", "[feed]", f"poll_seconds = {poll_seconds}", ""]
    if seeds_path is not None:
        lines += ["[seeds]", f'path = "{seeds_path}"', ""]
    path.write_text("\n".join(lines) + extra, encoding="utf-8")
    return path


def api_config(root: Path, token: str) -> Path:
    """A config for a daemon on a free loopback port with no seeds and ``token`` allowed to write."""
    seeds = root / "seeds"
    seeds.mkdir(exist_ok=True)
    return write_config(root / "calendar-daemon.toml", port=free_port(), seeds_path=seeds, extra=f'[api]\ntokens = ["{token}"]\n')


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

    @property
    def returncode(self) -> int | None:
        """The exit status once the daemon has ended (after the ``with`` block, say); ``None`` while it runs."""
        return None if self.process is None else self.process.poll()

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

    def wait_for_feed(self, marker: str, path: str = "/calendar.ics", timeout: float = 30) -> httpx.Response:
        """Poll ``path`` until its body contains ``marker`` (a UID, say) and return that response.

        The feed learns of another process's change within ``poll_seconds``, not at once: a test that changed the
        store from outside waits for the change to show instead of assuming it already does."""
        deadline = time.monotonic() + timeout
        while True:
            response = self.get(path)
            if marker.encode() in response.content or time.monotonic() > deadline:
                return response
            time.sleep(0.05)
