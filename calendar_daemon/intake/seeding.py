"""Loading the seed calendar into the store: the first time, when its files change, and as the
reference horizon rolls forward. All records go through :func:`calendar_daemon.intake.submit.submit`
in one batch, which reconciles news with the official dates."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time
from pathlib import Path

from calendar_daemon.intake.submit import submit
from calendar_daemon.sources.files import read_event_files
from calendar_daemon.sources.seeds import (
    ReferenceOptions,
    all_files,
    bundled_seeds_dir,
    expand_rule_files,
    horizon,
    inputs,
    recurring_ics,
    seeds_digest,
)
from calendar_daemon.store.events import EventStore, UpsertResult

logger = logging.getLogger(__name__)

SEED_DIGEST_MARKER = "seed_digest"
FILES_DIGEST_MARKER = "seed_files_digest"  # the same files' bytes in name order, compared without parsing any
HORIZON_MARKER = "reference_horizon_end"


def load_seeds(
    store: EventStore, folder: Path | None = None, *, default_timezone: str = "Asia/Shanghai",
    reference: ReferenceOptions | None = None, now: datetime | None = None,
) -> UpsertResult:
    """Load every seed and reference file in one transaction; unchanged seeds change nothing."""
    folder = folder or bundled_seeds_dir()
    options = reference or ReferenceOptions()
    event_files, rule_files = inputs(folder, options)
    start, end = horizon(now or datetime.now(UTC), options.horizon_days)
    records = read_event_files(event_files, default_timezone=default_timezone, window=(start, end))
    records += expand_rule_files(rule_files, start, end, default_timezone)
    result = submit(store, records, origin="seed")
    store.set_marker(SEED_DIGEST_MARKER, seeds_digest(event_files + rule_files))
    store.set_marker(FILES_DIGEST_MARKER, seeds_digest(all_files(folder, options)))
    store.set_marker(HORIZON_MARKER, end.date().isoformat())
    if result.merged:
        logger.info("seeds: %s records joined an event from another source", len(result.merged))
    return result


def load_seeds_if_changed(
    store: EventStore, folder: Path | None = None, *, default_timezone: str = "Asia/Shanghai",
    reference: ReferenceOptions | None = None, now: datetime | None = None,
) -> UpsertResult | None:
    """On start: load the seeds the first time and when their files changed; else roll the horizon.

    Unchanged seed files are not read again (an event edited through the API keeps its edit); when
    only the day moved, :func:`roll_horizon` adds the recurring occurrences newly inside the window.
    Telling that nothing changed hashes the files' bytes and parses none of them, so it costs the
    same however many reference events the files hold.
    """
    folder = folder or bundled_seeds_dir()
    options = reference or ReferenceOptions()
    files_digest = seeds_digest(all_files(folder, options))
    if store.get_marker(FILES_DIGEST_MARKER) != files_digest:
        event_files, rule_files = inputs(folder, options)
        if store.get_marker(SEED_DIGEST_MARKER) != seeds_digest(event_files + rule_files):
            return load_seeds(store, folder, default_timezone=default_timezone, reference=options, now=now)
        store.set_marker(FILES_DIGEST_MARKER, files_digest)  # loaded by a version that kept only the other digest
    logger.info("seeds unchanged since last load")
    return roll_horizon(store, folder, default_timezone=default_timezone, reference=options, now=now)


def roll_horizon(
    store: EventStore, folder: Path | None = None, *, default_timezone: str = "Asia/Shanghai",
    reference: ReferenceOptions | None = None, now: datetime | None = None,
) -> UpsertResult | None:
    """Add the recurring occurrences (of rule files and of the RRULEs in .ics seed files) that entered
    the window since the last expansion; None when the window has not moved. Only the days between
    the last expansion's end and the new end are expanded and looked up, so a roll costs the
    occurrences it adds, not the whole window. Stored occurrences are left as they are. A running
    daemon calls this periodically, so the horizon rolls without a restart."""
    options = reference or ReferenceOptions()
    start, end = horizon(now or datetime.now(UTC), options.horizon_days)
    marker = store.get_marker(HORIZON_MARKER)
    if marker == end.date().isoformat():
        return None
    event_files, rule_files = inputs(folder or bundled_seeds_dir(), options)
    ics_files = recurring_ics(event_files)  # their RRULEs roll with the window as rule files do
    if not (rule_files or ics_files):
        return None
    start = max(start, _expanded_until(marker))
    records = expand_rule_files(rule_files, start, end, default_timezone) if start < end else []
    if ics_files and start < end:
        records += read_event_files(ics_files, default_timezone=default_timezone, window=(start, end))
    known = store.get_many([r.uid for r in records])
    result = submit(store, [r for r in records if r.uid not in known], origin="seed")
    store.set_marker(HORIZON_MARKER, end.date().isoformat())
    if result.created:
        logger.info("reference horizon now ends %s: %s new occurrences", end.date(), len(result.created))
    return result


def _expanded_until(marker: str | None) -> datetime:
    """The start of the day the last expansion ended on (occurrences before it are stored); the
    distant past when there was none or the marker cannot be read."""
    try:
        return datetime.combine(date.fromisoformat(marker or ""), time(0), tzinfo=UTC)
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
