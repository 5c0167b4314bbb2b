"""The sections of the configuration file, each option declared once with its default, type and
help (the whole file is :class:`calendar_daemon.config.settings.Config`).
"""

from __future__ import annotations

import os
import re

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from calendar_daemon.domain.durations import parse_clock, parse_duration, parse_weekly
from calendar_daemon.domain.vocabulary import CATEGORIES, check_categories
from calendar_daemon.domain.zones import check_zone
from calendar_daemon.exceptions import ConfigError

ENV_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def env_value(value: str) -> str:
    """Replace ``${NAME}`` by the environment variable NAME (for secrets); a missing one is a ValueError."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in os.environ:
            raise ValueError(f"environment variable {name} is not set")
        return os.environ[name]

    return ENV_REFERENCE.sub(replace, value)


def expand_env(value: str, *, where: str, source: str) -> str:
    """Replace ``${NAME}`` by the environment variable NAME; a missing one is a config error."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in os.environ:
            raise ConfigError(f"{source}: {where}: environment variable {name} is not set")
        return os.environ[name]

    return ENV_REFERENCE.sub(replace, value)


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ServerConfig(Section):
    host: str = Field("127.0.0.1", description="Address the HTTP server listens on.")
    port: int = Field(8640, ge=0, le=65535, description="TCP port of the HTTP server (0 picks a free one).")
    public_url: str = Field(
        "",
        description="Public base URL (e.g. https://cal.example.com) used in subscribe links; "
        "empty means the address the request came to.",
    )
    max_request_bytes: int = Field(1_048_576, ge=1024, description="Largest request body accepted, in bytes.")
    header_timeout_seconds: float = Field(
        10.0, gt=0, description="How long a client may take to send a request's line and headers (on a new "
        "connection, or after the previous response on a kept-alive one) before the connection is closed.",
    )
    keep_alive_seconds: float = Field(
        5.0, gt=0, description="How long an idle kept-alive connection stays open after a response."
    )
    max_connections: int = Field(
        512, ge=1, description="Open HTTP connections at most; one more is answered 503 and closed at once. "
        "Keep it well below the open-file limit (LimitNOFILE in the systemd unit).",
    )
    replica_id: str = Field(
        "",
        pattern=r"^[A-Za-z0-9._-]{0,40}$",
        description="This replica's name in /healthz, /metrics and the alert ledger's claims; "
        "empty means hostname:pid.",
    )


class DatabaseConfig(Section):
    url: str = Field(
        "",
        description="SQLAlchemy URL, or a plain file path for SQLite. Empty: a SQLite file under $STATE_DIRECTORY when systemd sets it, "
        "else under the per-user state directory ($XDG_STATE_HOME/calendar-daemon). ${NAME} is replaced by the "
        "environment variable NAME (e.g. the password); messages never show the password.",
    )
    busy_timeout_ms: int = Field(10_000, ge=0, description="SQLite: how long a writer waits for a lock.")
    sqlite_cache_kib: int = Field(
        512, ge=64, description="SQLite: page cache of each connection, in KiB (SQLite's own default is "
        "2000); the file's pages stay in the OS page cache, so a small cache keeps the daemon small.",
    )  # fmt: skip
    pool_size: int = Field(5, ge=1, description="PostgreSQL: connections kept in the pool per process.")


class FeedConfig(Section):
    name: str = Field("Market calendar", description="Calendar name shown by clients (NAME, X-WR-CALNAME).")
    refresh_interval_minutes: int = Field(
        60, ge=5, description="How often clients should re-fetch (REFRESH-INTERVAL, X-PUBLISHED-TTL)."
    )
    poll_seconds: float = Field(
        1.0, gt=0, description="How often the server checks the database for changes made by other processes."
    )
    max_body_memory_mb: float = Field(
        16, ge=0,
        description="Feed bodies larger than this (MB) are kept in an unlinked temporary file beside the SQLite file,"
        " not in memory, and served from it in chunks; 0 puts every body in a file.",
    )  # fmt: skip
    max_filtered_bodies_mb: float = Field(
        64, ge=0,
        description="Filtered feed bodies (one per distinct filter of /calendar.ics and named feeds) kept together,"
        " in MB of memory and temporary files; beyond it the least recently used are dropped and rebuilt when"
        " asked for again. The unfiltered feed is always kept.",
    )  # fmt: skip


class SeedsConfig(Section):
    path: str = Field("", description="Folder of seed files; empty means the seeds bundled with the package.")
    load_on_start: bool = Field(
        True, description="Load the seeds when the daemon starts and they changed since the last load."
    )


class ReferenceConfig(Section):
    load: bool = Field(
        True, description="Load the official reference schedules in the seed folder's reference/ sub-folder with the seeds."
    )
    horizon_days: int = Field(
        400, ge=7, le=3660,
        description="Expand recurring releases (reference/ rule files) this many days ahead; rolled forward at each start and `seed`. "
        "Also the window in which `import` expands the RRULE of an .ics event.",
    )


class ExtractConfig(Section):
    learned: bool = Field(
        True, description="Let the learned model shipped with the extractor propose dated mentions the rules pass over "
        "(at most 0.75 sure, never on a day the rules already date); false: the rules alone.",
    )
    llm_url: str = Field(
        "", description="OpenAI-compatible chat-completions endpoint of a language model that also reads articles "
        "(e.g. http://127.0.0.1:11434/v1 for a local Ollama); empty: the rules alone. Its proposals must quote the "
        "article and are dated by the rules.",
    )
    llm_model: str = Field("", description="Model name sent to llm_url.")
    llm_api_key_env: str = Field("", description="Environment variable holding the API key for llm_url (none sent when empty).")
    llm_timeout_seconds: float = Field(
        30.0, gt=0, le=600, description="How long to wait for the model's answer to one article before using the rules alone."
    )


class DisplayConfig(Section):
    timezone: str = Field("Asia/Shanghai", description="Zone used to show times and to place all-day alerts.")
    locale: str = Field("zh-CN", description="Language of messages, pages and the feed's descriptions: zh-CN or en.")

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        return check_zone(value)

    @field_validator("locale")
    @classmethod
    def _locale(cls, value: str) -> str:
        if value not in ("zh-CN", "en"):
            raise ValueError("must be 'zh-CN' or 'en'")
        return value


class ApiConfig(Section):
    tokens: list[str] = Field(
        default_factory=list,
        repr=False,
        description="Bearer tokens allowed to write through the JSON API (at least 16 characters each; "
        "${ENV_VAR} allowed); empty disables API writes.",
    )

    @field_validator("tokens")
    @classmethod
    def _tokens(cls, value: list[str]) -> list[str]:
        value = [env_value(token) for token in value]
        for token in value:
            if len(token) < 16 or any(ch.isspace() for ch in token):
                raise ValueError("each token needs at least 16 characters and no spaces")
        return value


class NamedFeedConfig(Section):
    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", description="Served at /feeds/<name>.ics.")
    categories: list[str] = Field(default_factory=list, description="Only these categories (empty: all).")
    regions: list[str] = Field(default_factory=list, description="Only these regions (empty: all).")
    min_importance: int | None = Field(None, ge=1, le=3, description="Only events at least this important.")
    entities: list[str] = Field(
        default_factory=list, description="Watchlist: only events naming one of these entities (empty: all)."
    )
    token: str = Field(
        "",
        repr=False,
        description="If set, the feed needs ?token=<token> (at least 16 characters; ${ENV_VAR} allowed); "
        "a missing or wrong token answers 404.",
    )

    @field_validator("categories")
    @classmethod
    def _categories(cls, value: list[str]) -> list[str]:
        check_categories(value)
        return value

    @field_validator("regions")
    @classmethod
    def _regions(cls, value: list[str]) -> list[str]:
        return [region.upper() for region in value]

    @field_validator("token")
    @classmethod
    def _token(cls, value: str) -> str:
        value = env_value(value)
        if value and (len(value) < 16 or any(ch.isspace() for ch in value)):
            raise ValueError("a feed token needs at least 16 characters and no spaces")
        return value


def _check_durations(values: list[str]) -> list[str]:
    for value in values:
        parse_duration(value)
    return values


def _check_clock(value: str) -> str:
    parse_clock(value)
    return value


class ChannelConfig(Section):
    name: str = Field(min_length=1, description="Name rules use to pick this channel.")
    url: str = Field(
        "", description="Apprise URL (dingtalk://, wecombot://, feishu://, tgram://, mailto://, json://...); "
        "${ENV} is replaced by the environment variable, so secrets can stay out of the file.",
    )  # fmt: skip
    config_path: str = Field("", description="Apprise YAML/text config file with the URL(s), instead of url.")
    max_length: int | None = Field(
        None, ge=50, description="Longest message body; default: the service's own limit from apprise."
    )
    digest_daily: bool = Field(False, description="Send a daily digest of today's events.")
    digest_daily_at: str = Field("08:00", description="Local time (display.timezone) of the daily digest.")
    digest_weekly: bool = Field(False, description="Send a weekly preview of next week's events.")
    digest_weekly_at: str = Field("SUN 20:00", description="Weekday and local time of the weekly preview.")

    @field_validator("digest_daily_at")
    @classmethod
    def _daily(cls, value: str) -> str:
        return _check_clock(value)

    @field_validator("digest_weekly_at")
    @classmethod
    def _weekly(cls, value: str) -> str:
        parse_weekly(value)
        return value

    @model_validator(mode="after")
    def _one_target(self) -> ChannelConfig:
        if bool(self.url) == bool(self.config_path):
            raise ValueError("give exactly one of 'url' or 'config_path'")
        return self


class AlertRuleConfig(Section):
    name: str = Field(min_length=1, description="Rule name (shown in the ledger and in `alerts`).")
    categories: list[str] = Field(default_factory=lambda: ["*"], description='Event categories; "*" for all.')
    regions: list[str] = Field(default_factory=list, description="Region codes (e.g. CN, US); empty for all.")
    min_importance: int = Field(1, ge=1, le=3, description="Only events at least this important (1-3).")
    channels: list[str] = Field(min_length=1, description="Names of the channels this rule sends to.")
    before: list[str] = Field(default_factory=list, description='Timed events: lead times such as "1d", "1h", "10m".')
    days_before: list[int] = Field(default_factory=list, description="Day events: days ahead (0 = the day itself).")
    all_day_at: str = Field("08:30", description="Local time (display.timezone) of day-event and coarse alerts.")
    coarse: bool = Field(True, description="Week/month/quarter/half/year events: alert once when the period starts.")

    @field_validator("before")
    @classmethod
    def _before(cls, value: list[str]) -> list[str]:
        return _check_durations(value)

    @field_validator("days_before")
    @classmethod
    def _days(cls, value: list[int]) -> list[int]:
        if any(day < 0 for day in value):
            raise ValueError("days_before values must be 0 or more")
        return value

    @field_validator("all_day_at")
    @classmethod
    def _at(cls, value: str) -> str:
        return _check_clock(value)

    @field_validator("categories")
    @classmethod
    def _categories(cls, value: list[str]) -> list[str]:
        unknown = [c for c in value if c != "*" and c not in CATEGORIES]
        if unknown:
            raise ValueError(f"unknown category {unknown[0]!r}; use \"*\" or one of {', '.join(CATEGORIES)}")
        return value


class AlertsConfig(Section):
    grace: str = Field(
        "15m", description="Alerts that fell due this recently while down, or whose send failed or was interrupted, "
        "are still sent (marked late); later ones go into the channel's missed summary.",
    )  # fmt: skip
    max_attempts: int = Field(
        8, ge=1,
        description="Send attempts per message and channel before a digest or notice is marked failed; an alert"
        " is retried past it while still within grace, then missed and listed in the channel's missed summary.",
    )  # fmt: skip
    retry_base_seconds: float = Field(
        5.0, gt=0, description="First retry delay; doubles each attempt (capped at one hour)."
    )
    horizon_days: int = Field(400, ge=1, description="Plan alerts for events starting within this many days.")
    tick_seconds: float = Field(1.0, gt=0, le=1.0, description="How often the scheduler wakes to plan and send.")
    lease_seconds: float = Field(
        60.0, ge=1, description="A claimed alert not recorded as sent within this time is sent again (by any "
        "replica); at least twice send_timeout_seconds."
    )
    send_workers: int = Field(32, ge=1, le=256, description="Parallel sends (across all channels).")
    send_timeout_seconds: float = Field(10.0, gt=0, description="Network timeout of one send.")

    @field_validator("grace")
    @classmethod
    def _grace(cls, value: str) -> str:
        _check_durations([value])
        return value

    @model_validator(mode="after")
    def _lease_outlasts_a_send(self) -> AlertsConfig:
        # A send still running when its lease ends could be repeated by another replica.
        if self.lease_seconds < 2 * self.send_timeout_seconds:
            raise ValueError("lease_seconds must be at least twice send_timeout_seconds")
        return self
