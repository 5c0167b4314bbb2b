"""The ``calendar-daemon`` command line: thin commands over the store, the sources and the daemon.

Each command group lives in its own module and is added here with ``add_command``."""

from __future__ import annotations

import sys
from typing import Any

import click
from sqlalchemy.exc import OperationalError

from calendar_daemon import __version__
from calendar_daemon.cli import alerts, conflicts, data, ingest, run, sources
from calendar_daemon.cli.context import Context
from calendar_daemon.config.settings import CONFIG_ENV, DB_ENV
from calendar_daemon.exceptions import CalendarDaemonError
from calendar_daemon.ops.logs import setup_logging
from calendar_daemon.ops.redact import redact
from calendar_daemon.store.db import database_problem


class Group(click.Group):
    """Turns calendar-daemon's own errors into one clean line and a non-zero exit."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CalendarDaemonError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
        except OperationalError as exc:  # read-only file, full disk, server gone: one line, no traceback
            runtime = getattr(ctx.obj, "_runtime", None)
            engine = runtime.store.engine if runtime is not None else None
            click.echo(f"Error: {redact(database_problem(exc, engine), urls=False)}", err=True)
            sys.exit(1)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", envvar=CONFIG_ENV, type=click.Path(dir_okay=False), help=f"Config file (TOML). Env: {CONFIG_ENV}.")
@click.option("--db", envvar=DB_ENV, help=f"Database URL (sqlite:///cal.db, postgresql+psycopg://host/db) or a SQLite file path. Env: {DB_ENV}.")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(__version__, prog_name="calendar-daemon")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None, db: str | None, verbose: int) -> None:
    """Keep a calendar of market-moving dates, serve it as iCalendar, alert before each event.

    Example:

    \b
        calendar-daemon run
    """
    setup_logging(verbose)
    ctx.obj = Context(config_path=config_path, db=db)


for _command in (
    run.run, run.migrate, data.seed, data.import_, data.list_, data.export,
    alerts.alerts, alerts.notify_test, alerts.check_config, ingest.ingest, ingest.review, conflicts.conflicts,
    sources.sources,
):
    cli.add_command(_command)


def main() -> None:
    cli(prog_name="calendar-daemon")
