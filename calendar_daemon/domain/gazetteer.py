"""The gazetteer: recurring releases and events with their names in Chinese and English, and the
institutions that publish them (``gazetteer.yaml`` beside this module, read once).

Extraction uses it to recognise a release named without a verb and to title it; matching and
reconciliation compare entities through the institutions' aliases (:mod:`.aliases`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from calendar_daemon.domain.documents import safe_load
from calendar_daemon.domain.vocabulary import Category
from calendar_daemon.exceptions import ConfigError

logger = logging.getLogger(__name__)

GAZETTEER_FILE = Path(__file__).with_name("gazetteer.yaml")
LANGUAGES = ("en", "zh", "zh_hant")


@dataclass(frozen=True)
class Release:
    """One recurring release or event."""

    id: str
    category: str
    region: str | None
    importance: int
    time: str | None  # usual release time, "HH:MM Area/City"
    names: dict[str, tuple[str, ...]]  # language -> names, the first is the display name

    def name(self, language: str) -> str:
        """The display name in ``language`` ("en" or "zh"), else in the other one."""
        for lang in (language, "zh" if language == "en" else "en", "zh_hant"):
            if self.names.get(lang):
                return self.names[lang][0]
        return self.id


@dataclass(frozen=True)
class Gazetteer:
    institutions: tuple[tuple[str, ...], ...]
    releases: tuple[Release, ...]


def _release(raw: dict[str, Any]) -> Release:
    names = {lang: tuple(str(n) for n in raw.get(lang) or ()) for lang in LANGUAGES}
    return Release(id=str(raw["id"]), category=str(raw["category"]), region=raw.get("region"),
                   importance=int(raw.get("importance", 1)), time=raw.get("time"), names=names)


@cache
def load_gazetteer(path: Path = GAZETTEER_FILE) -> Gazetteer:
    """The gazetteer, read and checked once per process."""
    try:
        raw = safe_load(path.read_text(encoding="utf-8"))
        institutions = tuple(tuple(str(n) for n in group) for group in raw["institutions"])
        releases = tuple(_release(item) for item in raw["releases"])
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"the gazetteer {path} cannot be read: {exc}") from exc
    categories = {str(c) for c in Category}
    wrong = [r.id for r in releases if r.category not in categories or not 1 <= r.importance <= 3]
    if wrong:
        raise ConfigError(f"the gazetteer {path} has entries with an unknown category or importance: {wrong}")
    logger.debug("gazetteer: %s institutions, %s releases", len(institutions), len(releases))
    return Gazetteer(institutions, releases)
