"""event names by category, for reconciliation's look-ups

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_BATCH = 2000


def upgrade() -> None:
    op.create_table(
        "event_keys",
        sa.Column("uid", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("uid", "name"),
    )
    op.create_index("ix_event_keys_lookup", "event_keys", ["category", "name"])
    _fill_keys()


def _fill_keys() -> None:
    """The names of the events already stored, read and written a batch at a time."""
    from calendar_daemon.store.event_keys import key_rows

    conn = op.get_bind()
    events = sa.table("events", sa.column("id"), sa.column("uid"), sa.column("category"),
                      sa.column("entities", sa.JSON()), sa.column("extra", sa.JSON()))  # fmt: skip
    keys = sa.table("event_keys", sa.column("uid"), sa.column("name"), sa.column("category"))
    after = 0
    while True:
        statement = sa.select(events).where(events.c.id > after).order_by(events.c.id).limit(_BATCH)
        rows = conn.execute(statement).all()
        if not rows:
            return
        batch = [key for row in rows for key in key_rows(row.uid, row.category, row.entities or [], row.extra or {})]
        if batch:
            conn.execute(keys.insert(), batch)
        after = rows[-1].id


def downgrade() -> None:
    op.drop_index("ix_event_keys_lookup", table_name="event_keys")
    op.drop_table("event_keys")
