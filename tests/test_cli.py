"""The CLI: every command explains itself with an example; errors are one line, no traceback.

Only the last test starts the real binary (``python -m calendar_daemon``); the rest run the CLI in-process."""

from __future__ import annotations

import pytest

from calendar_daemon.cli.main import cli
from tests.helpers import invoke_cli, run_cli

COMMANDS = sorted(cli.commands)


def test_top_level_help_lists_commands() -> None:
    result = invoke_cli("--help")
    assert result.returncode == 0
    for name in COMMANDS:
        assert name in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_example(command: str) -> None:
    result = invoke_cli(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Example:" in result.stdout
    assert "calendar-daemon" in result.stdout.split("Example:", 1)[1]


def test_bad_database_url_is_reported_without_traceback() -> None:
    result = invoke_cli("list", db="nosuchdb://x")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "database" in result.stderr.lower()


def test_the_real_binary_helps_and_exits_with_status_1_on_an_error() -> None:
    helped = run_cli("--help")
    assert helped.returncode == 0
    for name in COMMANDS:
        assert name in helped.stdout
    failed = run_cli("list", db="nosuchdb://x")
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr and "database" in failed.stderr.lower()
