"""The curated seed calendar bundled with the package, loaded idempotently.

Seeds are the event files directly in the seed folder (news-derived, ``authority: news``) plus the
official reference schedules in its ``reference/`` sub-folder: event files (e.g. the FOMC
meetings) and recurrence-rule files (a top-level ``rules`` list), whose occurrences are expanded
from the start of today (UTC) to ``horizon_days`` ahead.  All of them go through
:func:`calendar_daemon.intake.submit` in one batch, which reconciles news with the official dates.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import yaml

from calendar_daemon.config import Config
from calendar_daemon.exceptions import InputError
from calendar_daemon.intake import submit
from calendar_daemon.loaders import read_event_files
from calendar_daemon.records import EventRecord, normalize
from calendar_daemon.recurrence import expand
from calendar_daemon.recurrence_files import load_recurring
from calendar_daemon.store import EventStore, UpsertResult

logger = logging.getLogger(__name__)

SEED_DIGEST_MARKER = "seed_digest"
HORIZON_MARKER = "reference_horizon_end"
REFERENCE_FOLDER = "reference"


@dataclass(frozen=True)
class ReferenceOptions:
    """Whether to load ``reference/`` and how far ahead to expand recurring releases."""

    load: bool = True
    horizon_days: int = 400


def reference_options(config: Config) -> ReferenceOptions:
    return ReferenceOptions(load=config.reference.load, horizon_days=config.reference.horizon_days)


def bundled_seeds_dir() -> Path:
    """The seeds shipped in the wheel, or the ``seeds/`` folder of a source checkout."""
    packaged = Path(__file__).resolve().parent / "seed_data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "seeds"


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def seed_files(folder: Path) -> list[Path]:
    """The event files directly in ``folder`` (reference schedules in sub-folders load separately)."""
    if not folder.is_dir():
        raise InputError("seed folder not found", source=str(folder))
    return _yaml_files(folder)


def is_rule_file(path: Path) -> bool:
    """A recurrence-rule file has a top-level ``rules`` list (event files have ``events``)."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return False  # the event loader reports the problem with its position
    return isinstance(document, dict) and "rules" in document


def reference_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """(event files, rule files) in ``folder/reference``; both empty when there is none."""
    reference = folder / REFERENCE_FOLDER
    if not reference.is_dir():
        return [], []
    files = _yaml_files(reference)
    rules = [p for p in files if is_rule_file(p)]
    return [p for p in files if p not in rules], rules


def horizon(now: datetime, days: int) -> tuple[datetime, datetime]:
    """The expansion window: from the start of ``now``'s UTC day to ``days`` later."""
    start = datetime.combine(now.astimezone(UTC).date(), time(0), tzinfo=UTC)
    return start, start + timedelta(days=days)


def expand_rule_files(files: list[Path], start: datetime, end: datetime, default_timezone: str) -> list[EventRecord]:
    records = []
    for path in files:
        for rule in load_recurring(path):
            for index, occurrence in enumerate(expand(rule, start, end), start=1):
                records.append(
                    normalize(occurrence.as_event(), default_timezone=default_timezone, source=str(path),
                              where=f"rule {rule.uid}, occurrence {index}")
                )  # fmt: skip
    return records


def _inputs(folder: Path, options: ReferenceOptions) -> tuple[list[Path], list[Path]]:
    events = seed_files(folder)
    rules: list[Path] = []
    if options.load:
        reference_events, rules = reference_files(folder)
        events += reference_events
    return events, rules


def seeds_digest(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_seeds(
    store: EventStore, folder: Path | None = None, *, default_timezone: str = "Asia/Shanghai",
    reference: ReferenceOptions | None = None, now: datetime | None = None,
) -> UpsertResult:
    """Load every seed and reference file in one transaction; unchanged seeds change nothing."""
    folder = folder or bundled_seeds_dir()
    options = reference or ReferenceOptions()
    event_files, rule_files = _inputs(folder, options)
    start, end = horizon(now or datetime.now(UTC), options.horizon_days)
    records = read_event_files(event_files, default_timezone=default_timezone)
    records += expand_rule_files(rule_files, start, end, default_timezone)
    result = submit(store, records, origin="seed")
    store.set_marker(SEED_DIGEST_MARKER, seeds_digest(event_files + rule_files))
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
    """
    folder = folder or bundled_seeds_dir()
    options = reference or ReferenceOptions()
    event_files, rule_files = _inputs(folder, options)
    if store.get_marker(SEED_DIGEST_MARKER) != seeds_digest(event_files + rule_files):
        return load_seeds(store, folder, default_timezone=default_timezone, reference=options, now=now)
    logger.info("seeds unchanged since last load")
    return roll_horizon(store, folder, default_timezone=default_timezone, reference=options, now=now)


def roll_horizon(
    store: EventStore, folder: Path | None = None, *, default_timezone: str = "Asia/Shanghai",
    reference: ReferenceOptions | None = None, now: datetime | None = None,
) -> UpsertResult | None:
    """Add the recurring occurrences that entered the window since the last expansion; None when the
    window has not moved. Stored occurrences are left as they are. A running daemon calls this
    periodically, so the horizon rolls without a restart."""
    options = reference or ReferenceOptions()
    _, rule_files = _inputs(folder or bundled_seeds_dir(), options)
    start, end = horizon(now or datetime.now(UTC), options.horizon_days)
    if not rule_files or store.get_marker(HORIZON_MARKER) == end.date().isoformat():
        return None
    records = expand_rule_files(rule_files, start, end, default_timezone)
    known = store.get_many([r.uid for r in records])
    result = submit(store, [r for r in records if r.uid not in known], origin="seed")
    store.set_marker(HORIZON_MARKER, end.date().isoformat())
    if result.created:
        logger.info("reference horizon now ends %s: %s new occurrences", end.date(), len(result.created))
    return result
