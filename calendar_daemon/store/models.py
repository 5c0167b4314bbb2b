"""Database tables (SQLModel), all on one metadata: the events and their names, the state markers, the delivery ledger and the polled sources' state.

Timed events store UTC instants (``start_at``/``end_at``, naive datetimes meaning UTC, stored without zone on every backend) plus the
source ``timezone``; day and coarse events store dates (``start_date``/``end_date``, end inclusive).
``sort_start``/``sort_end`` place every event on the UTC time line for filtering and planning.
``change_seq`` is the value of the global data version at the event's last write, so readers can
fetch only what changed since the version they last saw.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Index, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from calendar_daemon.domain.vocabulary import Status

KEY_NAME_LENGTH = 255


class Event(SQLModel, table=True):
    __tablename__ = "events"
    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(sa_column=Column(String(255), unique=True, nullable=False, index=True))
    title: str = Field(sa_column=Column(Text, nullable=False))
    description: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    category: str = Field(max_length=32)
    importance: int = 2
    region: str = Field(max_length=16)
    entities: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    precision: str = Field(max_length=16)
    timezone: str = Field(max_length=64)
    start_at: datetime | None = Field(default=None, sa_column=Column(DateTime(), nullable=True))
    end_at: datetime | None = Field(default=None, sa_column=Column(DateTime(), nullable=True))
    start_date: date | None = None
    end_date: date | None = None
    sort_start: datetime = Field(sa_column=Column(DateTime(), nullable=False, index=True))
    sort_end: datetime = Field(sa_column=Column(DateTime(), nullable=False))
    status: str = Field(default=Status.CONFIRMED.value, max_length=16)
    sources: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    extra: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    origin: str = Field(default="import", max_length=16)
    revision: int = 1
    content_hash: str = Field(max_length=64)
    deleted: bool = False
    created_at: datetime = Field(sa_column=Column(DateTime(), nullable=False))
    updated_at: datetime = Field(sa_column=Column(DateTime(), nullable=False))
    change_seq: int = Field(default=0, index=True)


class EventKey(SQLModel, table=True):
    """Each name an event carries (its entities and those of the claims merged into it), as
    :func:`calendar_daemon.domain.aliases.entity_key` writes it, with the event's category: reconciliation
    finds the stored events a record may describe by (category, name) through an index, without
    reading the calendar. Names longer than the column are cut, which only widens a look-up."""

    __tablename__ = "event_keys"
    __table_args__ = (Index("ix_event_keys_lookup", "category", "name"),)

    uid: str = Field(primary_key=True, max_length=255)
    name: str = Field(primary_key=True, max_length=KEY_NAME_LENGTH)
    category: str = Field(max_length=32)


class State(SQLModel, table=True):
    """Small key/value table: the global data version, the seed digest, and similar markers."""

    __tablename__ = "state"

    key: str = Field(primary_key=True, max_length=64)
    value: int = 0
    text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class AlertRow(SQLModel, table=True):
    """The delivery ledger: one row per (event, revision, rule, lead, channel, kind)."""

    __tablename__ = "alert_ledger"
    __table_args__ = (
        UniqueConstraint("event_uid", "event_revision", "rule", "lead", "channel", "kind", name="uq_alert_ledger_key"),
        Index("ix_alert_ledger_due", "status", "next_attempt_at"),
        Index("ix_alert_ledger_event", "event_uid"),
    )

    id: int | None = Field(default=None, primary_key=True)
    event_uid: str = Field(max_length=255)
    event_revision: int = 0
    rule: str = Field(max_length=64)
    lead: str = Field(max_length=32)
    channel: str = Field(max_length=64)
    kind: str = Field(default="alert", max_length=16)
    period_key: str = Field(default="", max_length=32)
    due_at: datetime = Field(sa_column=Column(DateTime(), nullable=False))
    # After this instant the alert is pointless: a timed event's start, a day event's end.
    expires_at: datetime = Field(sa_column=Column(DateTime(), nullable=False))
    status: str = Field(default="planned", max_length=16)
    attempts: int = 0
    next_attempt_at: datetime | None = Field(default=None, sa_column=Column(DateTime(), nullable=True))
    last_error: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    claimed_by: str | None = Field(default=None, max_length=64)
    lease_until: datetime | None = Field(default=None, sa_column=Column(DateTime(), nullable=True))
    sent_at: datetime | None = Field(default=None, sa_column=Column(DateTime(), nullable=True))
    payload: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    created_at: datetime = Field(sa_column=Column(DateTime(), nullable=False))
    updated_at: datetime = Field(sa_column=Column(DateTime(), nullable=False))


class SourceState(SQLModel, table=True):
    """One polled source ([[sources]]): HTTP validators, schedule, claim, outcome counts and memory."""

    __tablename__ = "source_state"

    name: str = Field(primary_key=True, max_length=64)
    url: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    etag: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    last_modified: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    content_hash: str = Field(default="", max_length=64)
    next_poll_at: datetime | None = Field(default=None, sa_column=Column(DateTime(), nullable=True))
    last_poll_at: datetime | None = Field(default=None, sa_column=Column(DateTime(), nullable=True))
    last_body_at: datetime | None = Field(default=None, sa_column=Column(DateTime(), nullable=True))  # last full answer (not 304)
    last_success_at: datetime | None = Field(default=None, sa_column=Column(DateTime(), nullable=True))
    last_error_at: datetime | None = Field(default=None, sa_column=Column(DateTime(), nullable=True))
    last_error: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    failures: int = 0  # failed polls in a row (the backoff's exponent)
    claimed_by: str | None = Field(default=None, max_length=64)
    lease_until: datetime | None = Field(default=None, sa_column=Column(DateTime(), nullable=True))
    polls: int = 0
    errors: int = 0
    added: int = 0
    updated: int = 0
    cancelled: int = 0
    proposals: int = 0
    items: int = 0
    # Feed item keys (GUID or link) already read, newest last; and the event UIDs an ics source brought.
    seen: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    uids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
