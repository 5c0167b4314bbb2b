"""``run`` and ``migrate``: the daemon and its database schema."""

from __future__ import annotations

import click

from calendar_daemon.alerts.delivery.notifier import resolve_channels
from calendar_daemon.cli.context import Context, pass_context
from calendar_daemon.config.settings import database_url
from calendar_daemon.daemon import EarlyStop, bind_address, listen, serve
from calendar_daemon.ops.allocator import fix_mmap_threshold, limit_malloc_arenas
from calendar_daemon.ops.logs import daemon_logging
from calendar_daemon.store.db import open_configured
from calendar_daemon.store.schema import current_revision, ensure_schema


@click.command()
@click.option("--host", help="Listen address (default from config: 127.0.0.1).")
@click.option("--port", type=int, help="Listen port (default from config: 8640).")
@click.option("--migrate", is_flag=True, help="Upgrade an outdated database schema before starting.")
@pass_context
def run(obj: Context, host: str | None, port: int | None, migrate: bool) -> None:
    """Run the daemon: load seeds if they changed, serve the feed.

    Example:

    \b
        calendar-daemon --config /etc/calendar-daemon/calendar-daemon.toml run
    """
    daemon_logging()
    early = EarlyStop()  # from here a stop or reload signal is remembered, not fatal
    limit_malloc_arenas()  # before the daemon starts its threads
    fix_mmap_threshold()
    listener = listen(*bind_address(obj.config, host, port))  # a taken port stops here, before the database and seeds
    try:
        # The whole configuration is checked (channel URLs and their ${ENV} secrets too) before the
        # database is opened and the seeds load: a bad one changes nothing.
        channels = resolve_channels(obj.config) if obj.config.channels else None
        runtime = obj.runtime(migrate=migrate)
    except BaseException:
        listener.close()
        raise
    serve(runtime, host, port, obj.config_path, early=early, listener=listener, channels=channels)


@click.command()
@pass_context
def migrate(obj: Context) -> None:
    """Upgrade the database schema to this version (safe to run twice).

    Example:

    \b
        calendar-daemon --db postgresql+psycopg://cal@db.internal/calendar migrate
    """
    url = database_url(obj.config, obj.db)
    engine = open_configured(url, obj.config.database)
    before = current_revision(engine)
    after = ensure_schema(engine, migrate=True)
    click.echo(f"schema: {before or 'empty'} -> {after}" if before != after else f"schema already at {after}")
