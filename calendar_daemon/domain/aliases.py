"""Names that denote the same institution, person or recurring release (``Fed`` = ``美联储`` =
``FOMC``; ``非农`` = ``nonfarm payrolls``), compared case-insensitively. The names live in the
gazetteer (``gazetteer.yaml``); matching, reconciliation and extraction all compare entities through
:func:`canonical_entity`."""

from __future__ import annotations

from functools import cache

from calendar_daemon.domain.gazetteer import load_gazetteer


@cache
def alias_groups() -> tuple[tuple[str, ...], ...]:
    """Every group of names for one thing: the gazetteer's institutions, then its releases (each
    release's names in every language, its English display name first)."""
    gaz = load_gazetteer()
    releases = tuple(tuple(n for lang in ("en", "zh", "zh_hant") for n in r.names[lang]) for r in gaz.releases)
    return gaz.institutions + tuple(g for g in releases if g)


@cache
def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in alias_groups():
        for name in group:
            table.setdefault(name.casefold(), group[0].casefold())  # an institution's name is not a release's
    return table


def canonical_entity(name: str) -> str:
    key = entity_key(name)
    return _aliases().get(key, key)


def entity_key(name: str) -> str:
    """A name as it is compared before aliases: without surrounding blanks, case-folded."""
    return name.strip().casefold()


@cache
def _spellings() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for key, canonical in _aliases().items():
        groups.setdefault(canonical, {canonical}).add(key)
    return {canonical: frozenset(keys) for canonical, keys in groups.items()}


def spellings(canonical: str) -> frozenset[str]:
    """Every :func:`entity_key` whose :func:`canonical_entity` is ``canonical`` (itself when it has no aliases),
    so a store that keeps names as written can be asked for all the names of one institution."""
    return _spellings().get(canonical, frozenset((canonical,)))
