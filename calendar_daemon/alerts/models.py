"""The delivery ledger table: one row per (event, revision, rule, lead, channel, kind)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, DateTime, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

STATUSES = ("planned", "sending", "sent", "failed", "late", "missed", "cancelled")
KINDS = ("alert", "moved", "cancelled", "missed_summary", "digest")
DELIVERED = ("sent", "late")


class AlertRow(SQLModel, table=True):
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
