"""What every command shares: the configuration and runtime it opens lazily, and the event filters of
``list`` and ``export``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import click

from calendar_daemon.config.settings import Config, load_config
from calendar_daemon.daemon import Runtime
from calendar_daemon.domain.dates import parse_instant
from calendar_daemon.domain.vocabulary import CATEGORIES
from calendar_daemon.store.events import EventFilter

F = TypeVar("F", bound=Callable[..., Any])


def counted(n: int, noun: str, plural: str = "") -> str:
    """``1 article``, ``5 articles``, ``0 proposals``: a count with its noun in the right number."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


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
        return parse_instant(value, zone, end=end)
    except ValueError:
        raise click.BadParameter(f"not an ISO date or date-time: {value!r}") from None


def build_filter(obj: Context, from_: str | None, to: str | None, category: Sequence[str], region: Sequence[str], min_importance: int | None) -> EventFilter:
    zone = obj.config.display.timezone
    start, end = _instant(from_, zone, end=False), _instant(to, zone, end=True)
    if start is not None and end is not None and start > end:
        raise click.UsageError(f"--from {from_} is after --to {to}: no event can match; swap them")
    return EventFilter(
        categories=tuple(category), regions=tuple(region), min_importance=min_importance, start=start, end=end,
    )
