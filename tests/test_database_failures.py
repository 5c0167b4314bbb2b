"""A database that refuses writes or cannot be opened: clean CLI errors, 503 from the API, /healthz says why."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx

from tests.alerting import daemon_config, wait_until
from tests.helpers import DaemonProcess, invoke_cli
from tests.receiver import Receiver
from tests.test_api import event_body

TOKEN = "api-token-0123456789abcdef"

EVENTS = """\
- uid: a@test
  title: Event A
  category: macro_data
  region: US
  start: 2027-03-10
"""


def _read_only_url(path: Path) -> str:
    # Root ignores file modes: open the SQLite file read-only through its URI instead.
    return f"sqlite:///file:{path}?mode=ro&uri=true"


def _post(daemon: DaemonProcess, uid: str) -> httpx.Response:
    return httpx.post(f"{daemon.base_url}/api/v1/events", json=event_body(uid),
                      headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)  # fmt: skip


def test_cli_on_a_read_only_database_exits_with_a_clean_message(tmp_path: Path) -> None:
    events = tmp_path / "events.yaml"
    events.write_text(EVENTS, encoding="utf-8")
    db_file = tmp_path / "cal.db"
    assert invoke_cli("import", str(events), db=str(db_file)).returncode == 0
    for args in (("list", "--json"), ("import", str(events))):
        result = invoke_cli(*args, db=_read_only_url(db_file))
        assert result.returncode == 1, result
        assert result.stderr.startswith("Error: the database is read-only"), result.stderr
        assert f"SQLite file {db_file}" in result.stderr
        assert "Traceback" not in result.stderr and result.stdout == ""



def test_a_database_that_refuses_writes_answers_503_and_healthz_says_degraded(tmp_path: Path, db_url: str) -> None:
    """Another writer holds the SQLite file's write lock (as a read-only file or a full disk would refuse
    writes, but portable and root-proof): API writes answer 503 with the reason, the failing alert ticks and
    the refused write show in /healthz as "degraded", and everything recovers once the lock is gone."""
    db_file = Path(db_url.removeprefix("sqlite:///"))
    with Receiver() as hook:
        config = daemon_config(tmp_path, [{"name": "hook", "url": hook.url}],
                               [{"name": "macro", "channels": ["hook"], "before": ["1h"]}])  # fmt: skip
        text = config.read_text(encoding="utf-8")
        config.write_text(text + f'\n[database]\nbusy_timeout_ms = 100\n\n[api]\ntokens = ["{TOKEN}"]\n', encoding="utf-8")
        with DaemonProcess(config, db_url) as daemon:
            assert _post(daemon, "before@test").status_code == 201
            locker = sqlite3.connect(db_file, isolation_level=None, timeout=30)
            try:
                locker.execute("BEGIN IMMEDIATE")
                refused = _post(daemon, "refused@test")
                assert refused.status_code == 503
                assert refused.json()["detail"].startswith("the database is locked by another writer")
                assert f"SQLite file {db_file}" in refused.json()["detail"]
                health = daemon.get("/healthz")
                assert health.status_code == 200 and health.json()["status"] == "degraded"
                assert health.json()["reason"].startswith("database refuses writes: the database is locked")
                wait_until(lambda: "alert tick failed" in daemon.get("/healthz").json()["reason"], timeout=30)
            finally:
                locker.execute("ROLLBACK")
                locker.close()
            wait_until(lambda: daemon.get("/healthz").json()["status"] == "ok", timeout=30)
            assert _post(daemon, "after@test").status_code == 201
        assert daemon.returncode == 0
