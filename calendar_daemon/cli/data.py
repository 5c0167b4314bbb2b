"""``seed``, ``import``, ``list`` and ``export``: events in and out of the calendar."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import click

from calendar_daemon.cli.context import Context, build_filter, counted, filter_options, pass_context
from calendar_daemon.domain.records import EventRecord
from calendar_daemon.feed.listing import event_to_json, format_table
from calendar_daemon.feed.render import render_calendar
from calendar_daemon.intake.seeding import load_seeds
from calendar_daemon.intake.submit import submit_stream
from calendar_daemon.sources.files import iter_event_files
from calendar_daemon.sources.read_ahead import read_ahead
from calendar_daemon.sources.seeds import horizon, reference_options
from calendar_daemon.store.models import Event

SPOOL_BYTES = 16 * 1024 * 1024  # an export to stdout past this size is staged on disk, not in memory
READ_AHEAD_BYTES = 2 * 1024 * 1024  # an import of files this large is read in a second process (~5,000 events)


@click.command()
@click.option("--path", type=click.Path(file_okay=False, exists=True, path_type=Path), help="Seed folder (default: bundled seeds).")
@pass_context
def seed(obj: Context, path: Path | None) -> None:
    """Load the seed calendar; running it again changes nothing.

    Example:

    \b
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


@click.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@pass_context
def import_(obj: Context, files: tuple[Path, ...]) -> None:
    """Import events from .ics, .yaml/.yml, .json or .csv files, all or nothing.

    Re-importing a UID updates that event. A bad file stops the import and nothing is stored.

    Example:

    \b
        calendar-daemon import week-ahead.ics lockups.csv
    """
    window = horizon(datetime.now(UTC), obj.config.reference.horizon_days)  # where an .ics RRULE is expanded
    paths, zone = list(files), obj.config.display.timezone
    if sum(path.stat().st_size for path in paths if path.is_file()) >= READ_AHEAD_BYTES:  # parse beside the write
        tagged = _Counted(read_ahead(iter_event_files, paths, default_timezone=zone, window=window))
    else:
        tagged = _Counted(iter_event_files(paths, default_timezone=zone, window=window))
    counts = submit_stream(obj.runtime().store, tagged, origin="import")
    click.echo(f"imported {counted(tagged.count, 'event')}: {counts.created} new, {counts.updated} updated, {counts.unchanged} unchanged")


@click.command(name="list")
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of events.")
@pass_context
def list_(obj: Context, from_: str | None, to: str | None, category: tuple[str, ...], region: tuple[str, ...], min_importance: int | None, as_json: bool) -> None:
    """List events as a table, or as JSON with --json.

    Example:

    \b
        calendar-daemon list --from 2026-01-26 --to 2026-02-01 --category macro_data --json
    """
    flt = build_filter(obj, from_, to, category, region, min_importance)
    events = obj.runtime().store.list_events(flt)
    if as_json:
        click.echo(json.dumps([event_to_json(e) for e in events], ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(events, obj.config.display.timezone))


@click.command()
@filter_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file instead of stdout.")
@pass_context
def export(obj: Context, from_: str | None, to: str | None, category: tuple[str, ...], region: tuple[str, ...], min_importance: int | None, output: Path | None) -> None:
    """Export events as an iCalendar file (the same form as the feed).

    Example:

    \b
        calendar-daemon export --region US -o us.ics
    """
    flt = build_filter(obj, from_, to, category, region, min_importance)
    counter = _Counter()
    events = counter.count(obj.runtime().store.iter_events(flt))
    calendar = render_calendar(events, name=obj.config.feed.name, refresh_minutes=obj.config.feed.refresh_interval_minutes, roundtrip=True)
    # The whole calendar is written aside first (a temporary file beside the output, or a spooled one
    # for stdout): a failure part-way leaves an existing file as it was and prints nothing.
    if output:
        with tempfile.NamedTemporaryFile("wb", dir=output.parent, prefix=f".{output.name}.", delete=False) as file:
            try:
                file.writelines(calendar)
            except BaseException:
                file.close()
                os.unlink(file.name)
                raise
        os.replace(file.name, output)
        click.echo(f"wrote {counted(counter.events, 'event')} to {output}", err=True)
    else:
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
            spool.writelines(calendar)
            spool.seek(0)
            shutil.copyfileobj(spool, sys.stdout.buffer)


class _Counted:
    """The (file, record) pairs passing through, counted."""

    def __init__(self, tagged: Iterable[tuple[str, EventRecord]]) -> None:
        self.tagged, self.count = tagged, 0

    def __iter__(self) -> Iterator[tuple[str, EventRecord]]:
        for pair in self.tagged:
            self.count += 1
            yield pair


class _Counter:
    """Counts the events passing through on their way to the calendar."""

    def __init__(self) -> None:
        self.events = 0

    def count(self, chunks: Iterable[list[Event]]) -> Iterator[Event]:
        for chunk in chunks:
            self.events += len(chunk)
            yield from chunk
