"""The first hour of a new user: the quick start, the first `run`, the first mistakes on the command line.

Each test is one thing a newcomer runs into; the daemon itself runs as a real process where its start or
refusal to start is the point, the other commands in-process."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import click
import pytest

from calendar_daemon.cli.main import cli
from calendar_daemon.config.settings import Config, database_url
from tests.helpers import REPO_ROOT, DaemonProcess, free_port, invoke_cli, run_cli, write_config

EVENT_YAML = """
source: {outlet: Test desk, headline: Week ahead, published: '2026-01-01T00:00:00+08:00', evidence: test}
events:
  - {uid: first-hour@test, title: First hour event, category: other, importance: 2, region: CN, start: 2026-03-02}
"""


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


def test_run_with_a_bad_channel_stops_before_the_database_and_the_seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A channel whose secret is missing from the environment is a configuration error: `run` says so
    before it opens the database or loads a single seed."""
    monkeypatch.delenv("FIRST_HOUR_MISSING_TOKEN", raising=False)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "events.yaml").write_text(EVENT_YAML, encoding="utf-8")
    db = tmp_path / "cal.db"
    config = write_config(tmp_path / "calendar-daemon.toml", port=free_port(), seeds_path=seeds, extra="""
[[channels]]
name = "desk"
url = "tgram://${FIRST_HOUR_MISSING_TOKEN}/4242"

[[alert_rules]]
name = "all"
channels = ["desk"]
before = ["1h"]
""")  # fmt: skip
    result = run_cli("run", db=f"sqlite:///{db}", config=config)
    assert result.returncode == 1, result.stderr
    assert "FIRST_HOUR_MISSING_TOKEN" in result.stderr and "channels.0.url" in result.stderr
    assert "Traceback" not in result.stderr and "serving the feed" not in result.stderr
    assert not db.exists()  # stopped before opening the database, let alone loading the seeds


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


def test_a_plain_database_path_is_a_sqlite_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "events.yaml").write_text(EVENT_YAML, encoding="utf-8")
    assert invoke_cli("import", "events.yaml", db="cal.db").returncode == 0
    assert (tmp_path / "cal.db").is_file()
    listed = invoke_cli("list", db=str(tmp_path / "cal.db"))  # the same file by its absolute path
    assert listed.returncode == 0 and "First hour event" in listed.stdout
    via_env = invoke_cli("list", env={"CALENDAR_DAEMON_DB": "cal.db"})
    assert via_env.returncode == 0 and "First hour event" in via_env.stdout


def test_database_url_resolves_plain_paths_and_keeps_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CALENDAR_DAEMON_DB", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    config = Config()
    assert database_url(config, "cal.db") == f"sqlite:///{tmp_path / 'cal.db'}"
    assert database_url(config, "~/state/cal.db") == f"sqlite:///{tmp_path / 'home' / 'state' / 'cal.db'}"
    assert database_url(config, "sqlite:///rel.db") == "sqlite:///rel.db"
    assert database_url(config, "postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url(config, "postgresql:/db") == "postgresql:/db"  # a malformed URL stays one, to be refused


def test_a_malformed_database_url_says_how_to_write_one() -> None:
    result = invoke_cli("list", db="postgresql:/calendar")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "invalid database URL 'postgresql:/calendar'" in result.stderr
    assert "sqlite:///PATH" in result.stderr and "postgresql+psycopg://" in result.stderr


@pytest.mark.parametrize("form", ["url", "path"])
def test_an_unopenable_database_file_is_named(tmp_path: Path, form: str) -> None:
    folder = tmp_path / "a-folder"  # a folder where the file should be: SQLite cannot open it
    folder.mkdir()
    result = invoke_cli("list", db=f"sqlite:///{folder}" if form == "url" else str(folder))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "unable to open database file" in result.stderr
    assert str(folder) in result.stderr


def test_notify_test_without_channels_fails_saying_why(tmp_path: Path) -> None:
    config = write_config(tmp_path / "calendar-daemon.toml", port=free_port())
    result = invoke_cli("notify-test", config=config)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"no channels to test: {config} has no [[channels]] table" in result.stderr
    assert invoke_cli("notify-test").returncode == 1  # the defaults have no channel either


@pytest.mark.parametrize("command", ["list", "export"])
def test_a_reversed_range_is_refused(tmp_path: Path, command: str) -> None:
    result = invoke_cli(command, "--from", "2026-03-01", "--to", "2026-02-01", db=f"sqlite:///{tmp_path / 'cal.db'}")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "--from 2026-03-01 is after --to 2026-02-01" in result.stderr
    assert invoke_cli(command, "--from", "2026-02-01", "--to", "2026-02-01", db=f"sqlite:///{tmp_path / 'cal.db'}").returncode == 0


def _example(command: click.Command) -> str:
    """The example line of a command's docstring (the line after ``Example:``)."""
    lines = [line.strip() for line in (command.help or "").split("Example:", 1)[1].splitlines()]
    return next(line for line in lines if line.startswith("calendar-daemon"))


@pytest.mark.parametrize("name", ["", *sorted(cli.commands)])
def test_help_examples_are_printed_on_one_line_to_copy(name: str) -> None:
    command = cli.commands[name] if name else cli
    example = _example(command)
    result = invoke_cli(*([name] if name else []), "--help", env={"COLUMNS": "60"})
    assert result.returncode == 0
    assert example in [line.strip() for line in result.stdout.splitlines()], result.stdout


ARTICLE = """Week ahead: Fed decision and payrolls
Jan 25, 2026

The Federal Reserve announces its rate decision on Wednesday at 2:00 p.m. ET, followed by the chair's
press conference. The Labor Department releases initial jobless claims on Thursday 8:30 a.m. ET.
"""


def _column(table: str, name: str) -> list[str]:
    """One column of a ``list``/``review`` table, by its header (cells hold no spaces: UIDs)."""
    header, *rows = table.splitlines()
    start = header.index(name)
    return [row[start:].split()[0] for row in rows]


def test_review_and_list_tables_show_the_uid_review_takes(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cal.db'}"
    article = tmp_path / "week.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert invoke_cli("ingest", str(article), db=db).returncode == 0
    table = invoke_cli("review", db=db).stdout  # not a terminal: the table of proposals
    uids = _column(table, "UID")
    assert len(uids) >= 2 and all("@" in uid for uid in uids), table
    accepted = invoke_cli("review", "--accept", uids[0], db=db)  # copied from the table, as a user would
    assert accepted.returncode == 0, accepted.stderr
    assert _column(invoke_cli("list", db=db).stdout, "UID") == [uids[0]]


def _quick_start() -> list[str]:
    """The commands of the README's quick start, in order (the line under each ``# N.`` comment)."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines = block.strip().splitlines()
    return [lines[i + 1] for i, line in enumerate(lines) if re.match(r"# \d\.", line)]


def test_quick_start_steps_use_separate_environments() -> None:
    """Step 2 installing into step 1's environment replaced the files under the running daemon (500 on /)."""
    run, tests = _quick_start()
    assert run.endswith("calendar-daemon run") and re.search(r"-m pytest( -n \w+)?$", tests), tests
    venvs = [re.findall(r"python3 -m venv (\S+)", command) for command in (run, tests)]
    assert all(len(v) == 1 for v in venvs) and venvs[0] != venvs[1], venvs
    assert venvs[0][0] + "/" not in tests, "step 2 must not touch step 1's environment"
    assert {p.split("/bin/")[0] for p in re.findall(r"\S+/bin/\S+", tests)} == {venvs[1][0]}


def test_ci_runs_the_readme_commands() -> None:
    """`.ci/run` runs the README's test command exactly as written, and the quick start on a fresh clone."""
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    _, tests = _quick_start()
    assert tests in ci
    assert "bash .ci/quickstart" in ci
    quickstart = (REPO_ROOT / ".ci" / "quickstart").read_text(encoding="utf-8")
    assert "git clone" in quickstart and "README.md" in quickstart and "## Quick start" in quickstart


def test_readme_says_why_tests_skip_on_a_fresh_clone() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    note = readme.split("Some tests need outside programs", 1)[1].split("\n## ", 1)[0]
    assert "`../shared/seeds`" in note and "$CALENDAR_DAEMON_SHARED_SEEDS" in note
    assert "Nine tests also skip on a fresh clone" in note
