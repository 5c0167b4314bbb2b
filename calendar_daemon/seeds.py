"""The curated seed calendar bundled with the package, loaded idempotently."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from calendar_daemon.exceptions import InputError
from calendar_daemon.intake import submit
from calendar_daemon.loaders import read_event_files
from calendar_daemon.store import EventStore, UpsertResult

logger = logging.getLogger(__name__)

SEED_DIGEST_MARKER = "seed_digest"


def bundled_seeds_dir() -> Path:
    """The seeds shipped in the wheel, or the ``seeds/`` folder of a source checkout."""
    packaged = Path(__file__).resolve().parent / "seed_data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "seeds"


def seed_files(folder: Path) -> list[Path]:
    """The event files directly in ``folder`` (reference schedules in sub-folders load separately)."""
    if not folder.is_dir():
        raise InputError("seed folder not found", source=str(folder))
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def seeds_digest(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_seeds(store: EventStore, folder: Path | None = None, *, default_timezone: str = "Asia/Shanghai") -> UpsertResult:
    """Load every seed file in one transaction; unchanged seeds change nothing."""
    folder = folder or bundled_seeds_dir()
    files = seed_files(folder)
    records = read_event_files(files, default_timezone=default_timezone)
    result = submit(store, records, origin="seed")
    store.set_marker(SEED_DIGEST_MARKER, seeds_digest(files))
    return result


def load_seeds_if_changed(store: EventStore, folder: Path | None = None, *, default_timezone: str = "Asia/Shanghai") -> UpsertResult | None:
    """On start: load the seeds the first time, and again only when the seed files changed."""
    folder = folder or bundled_seeds_dir()
    files = seed_files(folder)
    if store.get_marker(SEED_DIGEST_MARKER) == seeds_digest(files):
        logger.info("seeds unchanged since last load; skipping")
        return None
    return load_seeds(store, folder, default_timezone=default_timezone)
