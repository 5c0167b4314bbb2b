"""The CLI: every command explains itself with an example; errors are one line, no traceback."""

from __future__ import annotations

import pytest

from calendar_daemon.cli.main import cli
from tests.helpers import run_cli

COMMANDS = sorted(cli.commands)


def test_top_level_help_lists_commands() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for name in COMMANDS:
        assert name in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_example(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Example:" in result.stdout
    assert "calendar-daemon" in result.stdout.split("Example:", 1)[1]


def test_bad_database_url_is_reported_without_traceback() -> None:
    result = run_cli("list", db="nosuchdb://x")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "database" in result.stderr.lower()
