"""``[database] url``: ``${VAR}`` expands as in channel URLs; a bad URL is a clean error that never shows the password."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import invoke_cli

SECRET = "hunter2-Sekrit"


def _config(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f'[database]\nurl = "{url}"\n\n[seeds]\nload_on_start = false\n', encoding="utf-8")
    return path


def test_database_url_expands_environment_variables(tmp_path: Path) -> None:
    db_file = tmp_path / "from-env.db"
    config = _config(tmp_path, "sqlite:///${CAL_TEST_DB_FILE}")
    result = invoke_cli("list", "--json", config=config, env={"CAL_TEST_DB_FILE": str(db_file)})
    assert result.returncode == 0, result.stderr
    assert db_file.exists()


def test_database_url_unset_variable_is_a_config_error(tmp_path: Path) -> None:
    config = _config(tmp_path, "postgresql+psycopg://cal:${CAL_TEST_UNSET_PW}@127.0.0.1/cal")
    result = invoke_cli("list", config=config)
    assert result.returncode == 1
    assert "database.url: environment variable CAL_TEST_UNSET_PW is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_mistyped_database_url_hides_the_password(tmp_path: Path) -> None:
    config = _config(tmp_path, "postgresql+psycopg//cal:${CAL_TEST_PW}@127.0.0.1/cal")
    result = invoke_cli("list", config=config, env={"CAL_TEST_PW": SECRET})
    assert result.returncode == 1
    assert "invalid database URL" in result.stderr
    assert SECRET not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_non_numeric_port_is_a_clean_error(tmp_path: Path) -> None:
    result = invoke_cli("list", db=f"postgresql+psycopg://cal:{SECRET}@127.0.0.1:54x2/cal")
    assert result.returncode == 1
    assert "its port is not a number" in result.stderr
    assert SECRET not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
