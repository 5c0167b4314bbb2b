"""The curated seed calendar bundled with the package, loaded idempotently.

Seeds are the event files (YAML, or iCalendar) directly in the seed folder (news-derived,
``authority: news``) plus the official reference schedules in its ``reference/`` sub-folder: event
files (e.g. the FOMC meetings) and recurrence-rule files (a top-level ``rules`` list), whose
occurrences are expanded from the start of today (UTC) to ``horizon_days`` ahead, as are the RRULEs
of iCalendar event files.  All of them go through
:func:`calendar_daemon.intake.submit.submit` in one batch, which reconciles news with the official dates.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import yaml

from calendar_daemon.config.settings import Config
from calendar_daemon.domain.documents import safe_load
from calendar_daemon.domain.records import EventRecord, normalize
from calendar_daemon.exceptions import InputError
from calendar_daemon.sources.recurrence import expand
from calendar_daemon.sources.rule_files import load_recurring

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
    package = Path(__file__).resolve().parents[1]
    packaged = package / "seed_data"
    if packaged.is_dir():
        return packaged
    return package.parent / "seeds"


SEED_SUFFIXES = (".yaml", ".yml", ".ics")


def _seed_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in SEED_SUFFIXES and p.is_file())


def seed_files(folder: Path) -> list[Path]:
    """The event files directly in ``folder`` (reference schedules in sub-folders load separately)."""
    if not folder.is_dir():
        raise InputError("seed folder not found", source=str(folder))
    return _seed_files(folder)


def recurring_ics(files: list[Path]) -> list[Path]:
    """The iCalendar files among ``files`` with a recurring event (RRULE or RDATE): like rule files, they
    give more occurrences as the horizon rolls forward."""
    recurring = []
    for path in files:
        if path.suffix == ".ics":
            text = path.read_bytes()
            if b"\nRRULE" in text or b"\nRDATE" in text:
                recurring.append(path)
    return recurring


def is_rule_file(path: Path) -> bool:
    """A recurrence-rule file has a top-level ``rules`` list (event files have ``events``)."""
    try:
        document = safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return False  # the event loader reports the problem with its position
    return isinstance(document, dict) and "rules" in document


def reference_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """(event files, rule files) in ``folder/reference``; both empty when there is none."""
    reference = folder / REFERENCE_FOLDER
    if not reference.is_dir():
        return [], []
    files = _seed_files(reference)
    rules = [p for p in files if p.suffix != ".ics" and is_rule_file(p)]
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


def inputs(folder: Path, options: ReferenceOptions) -> tuple[list[Path], list[Path]]:
    events = seed_files(folder)
    rules: list[Path] = []
    if options.load:
        reference_events, rules = reference_files(folder)
        events += reference_events
    return events, rules


def all_files(folder: Path, options: ReferenceOptions) -> list[Path]:
    """Every file the seed load reads, in name order, without reading any: what a start compares
    first to tell that nothing changed, at the cost of hashing the files' bytes."""
    files = seed_files(folder)
    reference = folder / REFERENCE_FOLDER
    if options.load and reference.is_dir():
        files += _seed_files(reference)
    return files


def seeds_digest(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
