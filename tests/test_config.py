"""Config: defaults, the shipped file documents every option, and errors name the file and the key."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from calendar_daemon.config.settings import Config, database_url, iter_options, load_config
from calendar_daemon.exceptions import ConfigError
from tests.helpers import REPO_ROOT, invoke_cli

SHIPPED = REPO_ROOT / "config" / "calendar-daemon.toml"


def toml_literal(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_literal(v) for v in value) + "]"
    return str(value)


def test_shipped_config_documents_every_option_with_its_default() -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    assert load_config(SHIPPED) == Config(source=str(SHIPPED))
    sections = {m.group(1): m.start() for m in re.finditer(r"^\[([a-z_]+)\]$", text, re.M)}
    for key, default, help_text in iter_options():
        section, _, name = key.rpartition(".")
        assert section in sections, f"section [{section}] missing from {SHIPPED.name}"
        line = f"# {name} = {toml_literal(default)}"
        assert line in text, f"{key}: expected '{line}'"
        assert help_text, f"{key} has no help text"
        # The commented default parses to the declared default.
        assert tomllib.loads(line.removeprefix("# "))[name] == default


def test_unknown_key_names_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("[server]\nprot = 8000\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"c\.toml: unknown key 'server\.prot'"):
        load_config(path)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[server]\nport = 99999\n", "key 'server.port'"),
        ("[display]\ntimezone = \"Mars/Base\"\n", "unknown time zone 'Mars/Base'"),
        ("[display]\nlocale = \"fr\"\n", "key 'display.locale': must be 'zh-CN' or 'en'"),
        ("[feed]\nrefresh_interval_minutes = \"often\"\n", "key 'feed.refresh_interval_minutes'"),
        ("[server\nport = 1\n", "invalid TOML"),
        ("[alerts]\nlease_seconds = 15\nsend_timeout_seconds = 10\n", "lease_seconds must be at least twice send_timeout"),
        ("[server]\nreplica_id = \"a b\"\n", "key 'server.replica_id'"),
        ("[extract]\nlearned = \"maybe\"\n", "key 'extract.learned'"),
    ],
)
def test_bad_values(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    result = invoke_cli("list", config=path, db=f"sqlite:///{tmp_path / 'x.db'}")
    assert result.returncode == 1
    assert "bad.toml" in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr


def test_config_from_environment_and_default_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "env.toml"
    path.write_text('[feed]\nname = "Desk"\n', encoding="utf-8")
    monkeypatch.setenv("CALENDAR_DAEMON_CONFIG", str(path))
    assert load_config().feed.name == "Desk"
    monkeypatch.delenv("CALENDAR_DAEMON_DB", raising=False)
    monkeypatch.setenv("STATE_DIRECTORY", str(tmp_path / "state"))
    assert database_url(Config()) == f"sqlite:///{tmp_path / 'state' / 'calendar-daemon.db'}"
    monkeypatch.delenv("STATE_DIRECTORY")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    assert database_url(Config()) == f"sqlite:///{tmp_path / 'xdg' / 'calendar-daemon' / 'calendar-daemon.db'}"
    monkeypatch.setenv("CALENDAR_DAEMON_DB", "sqlite:///override.db")
    assert database_url(Config()) == "sqlite:///override.db"


def test_missing_config_file_is_a_clear_error(tmp_path: Path) -> None:
    result = invoke_cli("list", config=tmp_path / "absent.toml")
    assert result.returncode == 1 and "absent.toml: cannot read config file" in result.stderr


def test_alerts_example_is_a_valid_config(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DINGTALK_URL", "WECOM_URL", "FEISHU_URL", "TELEGRAM_URL", "SMTP_URL"):
        monkeypatch.setenv(name, "json://127.0.0.1:9/hook")
    config = load_config(REPO_ROOT / "config" / "alerts.example.toml")
    assert {c.name for c in config.channels} == {"dingtalk", "wecom", "feishu", "telegram", "email"}
    assert [r.name for r in config.alert_rules] == ["rates-and-data", "dated-events", "evening-before"]


def test_a_misspelt_key_is_named_with_the_nearest_one_and_an_empty_list_says_so(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[server]\nprot = 8641\n\n[[channels]]\nname = "c"\nurll = "json://127.0.0.1:9/x"\n\n'
                    '[[alert_rules]]\nname = "r"\nbefore = ["1h"]\nchannels = []\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert "unknown key 'server.prot' (did you mean 'port'?)" in message
    assert "unknown key 'channels.0.urll' (did you mean 'url'?)" in message
    assert "key 'alert_rules.0.channels': must not be empty" in message and "List should have" not in message
