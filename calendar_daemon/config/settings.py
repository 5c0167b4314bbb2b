"""Configuration: one TOML file, every option declared once with its default, type and help.

The shipped ``config/calendar-daemon.toml`` documents every option; a test keeps it in step with
the declarations (the sections in :mod:`calendar_daemon.config.sections`, assembled in :class:`Config`
below). Unknown keys and bad values raise :class:`ConfigError` naming the file,
the key and the problem.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from pathlib import Path
from typing import Any, Protocol, TypeVar, get_args, get_origin

from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from calendar_daemon.config.sections import (
    AlertRuleConfig,
    AlertsConfig,
    ApiConfig,
    ChannelConfig,
    DatabaseConfig,
    DisplayConfig,
    ExtractConfig,
    FeedConfig,
    NamedFeedConfig,
    ReferenceConfig,
    Section,
    SeedsConfig,
    ServerConfig,
    env_value,
    expand_env,
)
from calendar_daemon.config.sources import PollingConfig, SourceConfig
from calendar_daemon.exceptions import ConfigError

__all__ = [
    "CONFIG_ENV", "DB_ENV", "AlertRuleConfig", "AlertsConfig", "ChannelConfig", "Config", "NamedFeedConfig",
    "SourceConfig", "changed_options", "database_url", "env_value", "expand_env", "iter_options", "iter_table_arrays", "load_config",
    "parse_config", "sqlite_url_if_path", "state_directory",
]  # fmt: skip

CONFIG_ENV = "CALENDAR_DAEMON_CONFIG"
DB_ENV = "CALENDAR_DAEMON_DB"


class Config(Section):
    server: ServerConfig = Field(default_factory=ServerConfig)
    database: DatabaseConfig = Field(default_factory=DatabaseConfig)
    feed: FeedConfig = Field(default_factory=FeedConfig)
    seeds: SeedsConfig = Field(default_factory=SeedsConfig)
    reference: ReferenceConfig = Field(default_factory=ReferenceConfig)
    display: DisplayConfig = Field(default_factory=DisplayConfig)
    extract: ExtractConfig = Field(default_factory=ExtractConfig)
    api: ApiConfig = Field(default_factory=ApiConfig)
    feeds: list[NamedFeedConfig] = Field(
        default_factory=list, description="Named feeds ([[feeds]] tables) served at /feeds/<name>.ics."
    )

    @field_validator("feeds")
    @classmethod
    def _unique_feed_names(cls, value: list[NamedFeedConfig]) -> list[NamedFeedConfig]:
        return _unique_names(value, "feed")

    alerts: AlertsConfig = Field(default_factory=AlertsConfig)
    channels: list[ChannelConfig] = Field(default_factory=list, description="Notification channels ([[channels]]).")
    alert_rules: list[AlertRuleConfig] = Field(default_factory=list, description="When to alert ([[alert_rules]]).")
    polling: PollingConfig = Field(default_factory=PollingConfig)
    sources: list[SourceConfig] = Field(
        default_factory=list, description="Calendars, feeds and pages the daemon polls ([[sources]] tables)."
    )

    @field_validator("sources")
    @classmethod
    def _unique_source_names(cls, value: list[SourceConfig]) -> list[SourceConfig]:
        return _unique_names(value, "source")

    source: str = Field("<defaults>", exclude=True, description="Where this configuration was read from.")

    @model_validator(mode="after")
    def _references(self) -> Config:
        names = [c.name for c in self.channels]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"channels: channel name {duplicates[0]!r} is used twice")
        for index, rule in enumerate(self.alert_rules):
            for channel in rule.channels:
                if channel not in names:
                    known = ", ".join(names) or "none defined"
                    raise ValueError(f"alert_rules.{index}.channels: unknown channel {channel!r} (channels: {known})")
        return self


def _section_model(annotation: Any) -> type[BaseModel] | None:
    """The section model a field holds (``ServerConfig``, ``list[ChannelConfig]`` -> ``ChannelConfig``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        if (model := _section_model(arg)) is not None:
            return model
    return None


def _known_keys(loc: tuple[Any, ...]) -> list[str]:
    """The keys allowed beside the last part of ``loc`` (a path such as ``("server", "prot")``)."""
    model: type[BaseModel] | None = Config
    for part in loc[:-1]:
        if model is None:
            return []
        if isinstance(part, int):
            continue
        field = model.model_fields.get(str(part))
        model = None if field is None else _section_model(field.annotation)
    return [] if model is None else [name for name in model.model_fields if name != "source"]


def _table_name(data: dict[str, Any], loc: tuple[Any, ...]) -> str:
    """`` (name "bls")`` for an error inside the ``[[sources]]`` table that has a name, else nothing."""
    if len(loc) < 2 or loc[0] != "sources" or not isinstance(loc[1], int):
        return ""
    tables = data.get("sources")
    if not isinstance(tables, list) or loc[1] >= len(tables) or not isinstance(tables[loc[1]], dict):
        return ""
    name = tables[loc[1]].get("name")
    return f" (name {name!r})" if isinstance(name, str) else ""


def _format_error(err: dict[str, Any], data: dict[str, Any] | None = None) -> str:
    location = ".".join(str(part) for part in err["loc"])
    named = _table_name(data or {}, tuple(err["loc"]))
    if not location:
        return str(err["msg"]).removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        close = difflib.get_close_matches(str(err["loc"][-1]), _known_keys(tuple(err["loc"])), n=1)
        return f"unknown key '{location}'{named}" + (f" (did you mean '{close[0]}'?)" if close else "")
    if err["type"] == "too_short" and isinstance(err.get("input"), list) and not err["input"]:
        return f"key '{location}'{named}: must not be empty"
    message = str(err["msg"]).removeprefix("Value error, ")
    return f"key '{location}'{named}: {message}"


def parse_config(data: dict[str, Any], source: str) -> Config:
    """Validate a parsed TOML document; errors name ``source`` and the key."""
    try:
        return Config.model_validate({**data, "source": source})
    except ValidationError as exc:
        problems = "; ".join(_format_error(dict(err), data) for err in exc.errors())
        raise ConfigError(f"{source}: {problems}") from None


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Load the config from ``path``, from $CALENDAR_DAEMON_CONFIG, or return the defaults."""
    chosen = path if path is not None else os.environ.get(CONFIG_ENV)
    if not chosen:
        return Config()
    file = Path(chosen)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read config file: {exc.strerror}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{file}: config file is not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: invalid TOML: {exc}") from None
    return parse_config(data, str(file))


def state_directory() -> Path:
    """Where the SQLite file lives by default: $STATE_DIRECTORY (systemd) or the user state dir."""
    systemd_dir = os.environ.get("STATE_DIRECTORY")
    if systemd_dir:
        return Path(systemd_dir.split(":")[0])
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "calendar-daemon"


def database_url(config: Config, override: str | None = None) -> str:
    """The effective database URL: ``--db``/$CALENDAR_DAEMON_DB, then the config, then the default file.

    ``${NAME}`` in the config's ``[database] url`` is replaced by the environment variable NAME (as in channel
    URLs), so a password can live in ``secrets.env``; an unset variable is a :class:`ConfigError`."""
    url = override or os.environ.get(DB_ENV)
    if not url and config.database.url:
        url = expand_env(config.database.url, where="database.url", source=config.source)
    if url:
        return sqlite_url_if_path(url)
    directory = state_directory()
    return f"sqlite:///{directory / 'calendar-daemon.db'}"


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")
# A URL whose colon went missing (``postgresql+psycopg//user:pw@host/db``): not a file path to create.
_SCHEME_NO_COLON = re.compile(r"^(?:[A-Za-z][A-Za-z0-9.-]*\+[A-Za-z0-9.-]*|sqlite|postgres|postgresql)//")


def sqlite_url_if_path(value: str) -> str:
    """A plain file path (``cal.db``, ``~/cal.db``, ``/var/lib/cal.db``) means a SQLite file: its absolute
    ``sqlite:///`` URL. Anything that starts with a scheme (``sqlite:///…``, ``postgresql+psycopg://…``, even a
    malformed ``postgresql:/db``) is kept as given, for the database layer to open or reject."""
    if _SCHEME.match(value) or _SCHEME_NO_COLON.match(value):
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def iter_options(model: type[BaseModel] = Config, prefix: str = "") -> list[tuple[str, object, str]]:
    """Every declared option as (dotted key, default, help) — used by docs and their test."""
    options: list[tuple[str, object, str]] = []
    for name, field in model.model_fields.items():
        if field.exclude:
            continue
        annotation = field.annotation
        args = get_args(annotation)
        if get_origin(annotation) is list and args and isinstance(args[0], type) and issubclass(args[0], Section):
            continue  # arrays of tables ([[feeds]]) are documented by an example, see iter_table_arrays
        if isinstance(annotation, type) and issubclass(annotation, Section):
            options.extend(iter_options(annotation, f"{prefix}{name}."))
        else:
            default = field.get_default(call_default_factory=True)
            options.append((f"{prefix}{name}", default, field.description or ""))
    return options


def iter_table_arrays(model: type[BaseModel] = Config) -> list[tuple[str, list[tuple[str, object, str]]]]:
    """Each ``[[name]]`` array of tables with its keys as (key, default, help)."""
    arrays: list[tuple[str, list[tuple[str, object, str]]]] = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        args = get_args(annotation)
        if get_origin(annotation) is list and args and isinstance(args[0], type) and issubclass(args[0], Section):
            item: type[BaseModel] = args[0]
            keys = [
                (key, None if sub.is_required() else sub.get_default(call_default_factory=True), sub.description or "")
                for key, sub in item.model_fields.items()
            ]
            arrays.append((name, keys))
    return arrays


def changed_options(old: Config, new: Config) -> list[str]:
    """The options that differ between two configurations, as dotted keys (``server.port``) or, for
    arrays of tables, their name (``feeds``); never their values (tokens and URLs are secrets)."""
    changed: list[str] = []
    for name, field in Config.model_fields.items():
        if field.exclude:
            continue
        before, after = getattr(old, name), getattr(new, name)
        if isinstance(before, Section) and isinstance(after, Section):
            changed += [f"{name}.{key}" for key in type(before).model_fields if getattr(before, key) != getattr(after, key)]
        elif before != after:
            changed.append(name)
    return changed


class _HasName(Protocol):
    @property
    def name(self) -> str: ...


_Named = TypeVar("_Named", bound=_HasName)


def _unique_names(tables: list[_Named], kind: str) -> list[_Named]:
    """``tables`` unchanged when no two share a name, else the error naming the first repeated one."""
    names = [table.name for table in tables]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ValueError(f"{kind} name {duplicates[0]!r} is used more than once")
    return tables
