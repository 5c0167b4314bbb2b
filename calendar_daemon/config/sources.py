"""``[[sources]]``: the calendars, feeds and pages the daemon polls, each declared once with its
default, type and help (read by :class:`calendar_daemon.config.settings.Config`)."""

from __future__ import annotations

from datetime import timedelta
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, field_validator, model_validator

from calendar_daemon.config.sections import Section
from calendar_daemon.domain.durations import parse_duration
from calendar_daemon.domain.vocabulary import CATEGORIES

SOURCE_KINDS = ("ics", "feed", "page")
MIN_EVERY = timedelta(seconds=1)


def web_url(url: str) -> str:
    """``url`` as the HTTP(S) address to fetch: ``webcal://`` (and ``webcals://``) means https."""
    scheme, _, rest = url.partition("://")
    if scheme.lower() in ("webcal", "webcals"):
        return f"https://{rest}"
    return url


class SourceConfig(Section):
    name: str = Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$",
        description="Unique name, shown in provenance, /healthz, metrics and `calendar-daemon sources`.",
    )
    url: str = Field(
        description="What to fetch: http(s)://, or webcal:// (read as https://)."
    )
    kind: Literal["ics", "feed", "page"] = Field(
        description="ics: an iCalendar file; feed: RSS 2.0 or Atom; page: one article URL re-read when it changes."
    )
    authority: Literal["official", "exchange", "news"] = Field(
        "news", description="How far the source is trusted (official > exchange > news) when sources disagree."
    )
    every: str = Field("6h", description='Poll interval, e.g. "6h", "30m", "1d".')
    accept: Literal["auto", "review", ""] = Field(
        "", description='auto: store as events; review: store as proposals for `calendar-daemon review`. '
        'Empty: auto for ics, review for feed and page.',
    )  # fmt: skip
    category: str = Field("", description="Category for what the source yields when it gives none (empty: as read).")
    region: str = Field("", description="Region for what the source yields when it gives none (empty: as read).")
    importance: int | None = Field(None, ge=1, le=3, description="Importance for what the source yields (omit: as read).")
    min_confidence: float = Field(
        0.8, ge=0, le=1, description='With accept = "auto" on a feed or page: candidates at least this confident are '
        "stored as events, the others as proposals.",
    )  # fmt: skip

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        parts = urlsplit(web_url(value.strip()))
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"{value!r} is not an http://, https:// or webcal:// URL")
        return value.strip()

    @field_validator("every")
    @classmethod
    def _every(cls, value: str) -> str:
        if parse_duration(value) < MIN_EVERY:
            raise ValueError("must be at least 1s")
        return value

    @field_validator("category")
    @classmethod
    def _category(cls, value: str) -> str:
        if value and value not in CATEGORIES:
            raise ValueError(f"unknown category {value!r}; use one of {', '.join(CATEGORIES)}")
        return value

    @field_validator("region")
    @classmethod
    def _region(cls, value: str) -> str:
        return value.upper()

    @model_validator(mode="after")
    def _accept_default(self) -> SourceConfig:
        if not self.accept:
            object.__setattr__(self, "accept", "auto" if self.kind == "ics" else "review")
        return self

    @property
    def fetch_url(self) -> str:
        return web_url(self.url)

    @property
    def interval(self) -> timedelta:
        return parse_duration(self.every)



class PollingConfig(Section):
    timeout_seconds: float = Field(20.0, gt=0, description="Network timeout of one fetch of a source (connect, each read).")
    max_body_mb: float = Field(10.0, gt=0, description="Largest body read from a source, in MB (after gzip is undone).")
    max_redirects: int = Field(5, ge=0, le=20, description="Redirects followed at most for one fetch.")
    workers: int = Field(4, ge=1, le=32, description="Sources polled at once (a source that hangs holds up only its own worker).")
