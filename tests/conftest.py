from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventStore
from tests.chat_server import ChatServer
from tests.helpers import REPO_ROOT, DaemonProcess, free_port, write_config

FIXTURES = Path(__file__).parent / "fixtures"


def shared_seeds_path() -> Path:
    configured = os.environ.get("CALENDAR_DAEMON_SHARED_SEEDS")
    return Path(configured) if configured else REPO_ROOT.parent / "shared" / "seeds"


@pytest.fixture
def shared_seeds() -> Path:
    path = shared_seeds_path()
    if not (path / "time_expressions_gold.json").is_file():
        pytest.skip(f"founding articles not found at {path} (set CALENDAR_DAEMON_SHARED_SEEDS)")
    return path


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'calendar.db'}"


@pytest.fixture
def store(db_url: str) -> EventStore:
    event_store = EventStore(open_engine(db_url))
    event_store.initialise()
    return event_store


@pytest.fixture
def daemon(tmp_path: Path, db_url: str) -> Iterator[DaemonProcess]:
    """A real ``calendar-daemon run`` on a loopback port, with an empty seed folder."""
    seeds = tmp_path / "no-seeds"
    seeds.mkdir()
    config = write_config(tmp_path / "calendar-daemon.toml", port=free_port(), seeds_path=seeds, poll_seconds=0.2)
    with DaemonProcess(config, db_url) as process:
        yield process


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database (skips without a server, fails under CI)."""
    from tests.postgres import temporary_database

    with temporary_database() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The same test on both backends."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'calendar.db'}"
        return
    from tests.postgres import temporary_database

    with temporary_database() as url:
        yield url


@pytest.fixture
def chat() -> Iterator[ChatServer]:
    """A loopback chat-completions endpoint (the language-model reader's counterpart)."""
    server = ChatServer()
    yield server
    server.close()
