"""The ``calendar-daemon`` command line: thin commands over the store, the loaders and the daemon."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import click

from calendar_daemon import __version__
from calendar_daemon.allocator import limit_malloc_arenas
from calendar_daemon.config import CONFIG_ENV, DB_ENV, Config, database_url, load_config
from calendar_daemon.daemon import EarlyStop, Runtime, feed_cache, serve
from calendar_daemon.db import open_configured
from calendar_daemon.exceptions import CalendarDaemonError
from calendar_daemon.feed import FeedQuery
from calendar_daemon.intake import submit
from calendar_daemon.listing import event_to_json, format_table
from calendar_daemon.loaders import read_event_files
from calendar_daemon.logs import daemon_logging, setup_logging
from calendar_daemon.records import CATEGORIES
from calendar_daemon.schema import current_revision, ensure_schema
from calendar_daemon.seeds import load_seeds, reference_options
from calendar_daemon.store import EventFilter

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Context:
    config_path: str | None
    db: str | None
    _config: Config | None = None
    _runtime: Runtime | None = None

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config = load_config(self.config_path)
        return self._config

    def runtime(self, *, migrate: bool = False) -> Runtime:
        if self._runtime is None:
            self._runtime = Runtime.build(self.config, self.db, migrate=migrate)
        return self._runtime


pass_context = click.make_pass_decorator(Context)


class Group(click.Group):
    """Turns calendar-daemon's own errors into one clean line and a non-zero exit."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CalendarDaemonError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", envvar=CONFIG_ENV, type=click.Path(dir_okay=False), help=f"Config file (TOML). Env: {CONFIG_ENV}.")
@click.option("--db", envvar=DB_ENV, help=f"Database URL, e.g. sqlite:///cal.db or postgresql+psycopg://host/db. Env: {DB_ENV}.")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(__version__, prog_name="calendar-daemon")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None, db: str | None, verbose: int) -> None:
    """Keep a calendar of market-moving dates, serve it as iCalendar, alert before each event.

    Example:

        calendar-daemon run
    """
    setup_logging(verbose)
    ctx.obj = Context(config_path=config_path, db=db)


def filter_options(func: F) -> F:
    """The event filters shared by list and export."""
    options = [
        click.option("--from", "from_", help="Events ending on/after this date or ISO time (display zone)."),
        click.option("--to", "to", help="Events starting before the end of this date or ISO time."),
        click.option("--category", multiple=True, type=click.Choice(CATEGORIES), help="Repeatable."),
        click.option("--region", multiple=True, help="Region code, e.g. CN, US. Repeatable."),
        click.option("--min-importance", type=click.IntRange(1, 3), help="1 (all) to 3 (high only)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _instant(value: str | None, zone: str, *, end: bool) -> datetime | None:
    if not value:
        return None
    try:
        if "T" in value or " " in value:
            parsed = datetime.fromisoformat(value)
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=ZoneInfo(zone))
        else:
            day = date.fromisoformat(value)
            if end:
                day = date.fromordinal(day.toordinal() + 1)
            parsed = datetime.combine(day, time(0), tzinfo=ZoneInfo(zone))
    except ValueError:
        raise click.BadParameter(f"not an ISO date or date-time: {value!r}") from None
    return parsed.astimezone(UTC).replace(tzinfo=None)


def build_filter(obj: Context, from_: str | None, to: str | None, category: Sequence[str], region: Sequence[str], min_importance: int | None) -> EventFilter:
    zone = obj.config.display.timezone
    return EventFilter(
        categories=tuple(category), regions=tuple(region), min_importance=min_importance,
        start=_instant(from_, zone, end=False), end=_instant(to, zone, end=True),
    )  # fmt: skip


@cli.command()
@click.option("--host", help="Listen address (default from config: 127.0.0.1).")
@click.option("--port", type=int, help="Listen port (default from config: 8640).")
@click.option("--migrate", is_flag=True, help="Upgrade an outdated database schema before starting.")
@pass_context
def run(obj: Context, host: str | None, port: int | None, migrate: bool) -> None:
    """Run the daemon: load seeds if they changed, serve the feed.

    Example:

        calendar-daemon --config /etc/calendar-daemon/calendar-daemon.toml run
    """
    daemon_logging()
    early = EarlyStop()  # from here a stop or reload signal is remembered, not fatal
    limit_malloc_arenas()  # before the daemon starts its threads
    serve(obj.runtime(migrate=migrate), host, port, obj.config_path, early=early)


@cli.command()
@pass_context
def migrate(obj: Context) -> None:
    """Upgrade the database schema to this version (safe to run twice).

    Example:

        calendar-daemon --db postgresql+psycopg://cal@db.internal/calendar migrate
    """
    url = database_url(obj.config, obj.db)
    engine = open_configured(url, obj.config.database)
    before = current_revision(engine)
    after = ensure_schema(engine, migrate=True)
    click.echo(f"schema: {before or 'empty'} -> {after}" if before != after else f"schema already at {after}")


@cli.command()
@click.option("--path", type=click.Path(file_okay=False, exists=True, path_type=Path), help="Seed folder (default: bundled seeds).")
@pass_context
def seed(obj: Context, path: Path | None) -> None:
    """Load the seed calendar; running it again changes nothing.

    Example:

        calendar-daemon seed
    """
    folder = path or (Path(obj.config.seeds.path) if obj.config.seeds.path else None)
    result = load_seeds(
        obj.runtime().store, folder, default_timezone=obj.config.display.timezone, reference=reference_options(obj.config)
    )
    click.echo(
        f"seeds: {len(result.created)} new, {len(result.updated)} updated, {len(result.unchanged)} unchanged"
        f", {len(result.merged)} matched an event from another source"
    )


@cli.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@pass_context
def import_(obj: Context, files: tuple[Path, ...]) -> None:
    """Import events from .ics, .yaml/.yml, .json or .csv files, all or nothing.

    Re-importing a UID updates that event. A bad file stops the import and nothing is stored.

    Example:

        calendar-daemon import week-ahead.ics lockups.csv
    """
    records = read_event_files(list(files), default_timezone=obj.config.display.timezone)
    result = submit(obj.runtime().store, records, origin="import")
    click.echo(f"imported {len(records)} events: {len(result.created)} new, {len(result.updated)} updated, {len(result.unchanged)} unchanged")


@cli.command(name="list")
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of events.")
@pass_context
def list_(obj: Context, from_: str | None, to: str | None, category: tuple[str, ...], region: tuple[str, ...], min_importance: int | None, as_json: bool) -> None:
    """List events as a table, or as JSON with --json.

    Example:

        calendar-daemon list --from 2026-01-26 --to 2026-02-01 --category macro_data --json
    """
    flt = build_filter(obj, from_, to, category, region, min_importance)
    events = obj.runtime().store.list_events(flt)
    if as_json:
        click.echo(json.dumps([event_to_json(e) for e in events], ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(events, obj.config.display.timezone))


@cli.command()
@filter_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file instead of stdout.")
@pass_context
def export(obj: Context, from_: str | None, to: str | None, category: tuple[str, ...], region: tuple[str, ...], min_importance: int | None, output: Path | None) -> None:
    """Export events as an iCalendar file (the same form as the feed).

    Example:

        calendar-daemon export --region US -o us.ics
    """
    flt = build_filter(obj, from_, to, category, region, min_importance)
    runtime = obj.runtime()
    cache = feed_cache(obj.config, runtime.store, roundtrip=True)
    cache.sync(force=True)
    body = cache.get(FeedQuery(categories=tuple(flt.categories), regions=tuple(r.upper() for r in flt.regions), min_importance=flt.min_importance))
    if flt.start or flt.end:
        body = cache.filtered(flt)
    if output:
        with output.open("wb") as file:
            file.writelines(body.chunks())
        click.echo(f"wrote {body.event_count} events to {output}", err=True)
    else:
        sys.stdout.buffer.writelines(body.chunks())


def main() -> None:
    from calendar_daemon import cli_alerts, cli_ingest, cli_sources  # noqa: F401  (register their commands)

    cli(prog_name="calendar-daemon")
