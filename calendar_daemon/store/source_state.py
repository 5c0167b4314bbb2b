"""The polled sources' state (table ``source_state``): one row per ``[[sources]]`` name.

It keeps what makes the next poll cheap (ETag, Last-Modified, the body's hash, the feed items
already read), when the source is due, and what its polls did. Replicas share it: a poll first
*claims* the row (its token and a lease, committed) and only a row that is due and not claimed (or
whose lease ran out) can be claimed, so one replica polls a source at a time, as the alert ledger
does with its rows (an UPDATE whose condition is checked again on the locked row).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from calendar_daemon.store.models import SourceState

logger = logging.getLogger(__name__)

MAX_SEEN = 5000  # feed item keys remembered per source (a feed lists its latest few dozen)


class SourceStates:
    """Reads, claims and records the state rows; safe to share between threads."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.table: Any = SourceState.__table__  # type: ignore[attr-defined]

    def ensure(self, names: Sequence[str]) -> None:
        """A row (due at once) for every configured source that has none yet."""
        if not names:
            return
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        rows = [{"name": name, "url": "", "content_hash": "", "last_error": "", "failures": 0, "polls": 0, "errors": 0,
                 "added": 0, "updated": 0, "cancelled": 0, "proposals": 0, "items": 0, "seen": [], "uids": []}
                for name in names]  # fmt: skip
        with self.engine.begin() as conn:
            conn.execute(dialect.insert(self.table).on_conflict_do_nothing(), rows)

    def get(self, name: str) -> SourceState | None:
        with Session(self.engine) as session:
            row = session.get(SourceState, name)
            if row is not None:
                session.expunge(row)
            return row

    def all(self, names: Sequence[str] | None = None) -> list[SourceState]:
        statement = select(SourceState).order_by(col(SourceState.name))
        if names is not None:
            statement = statement.where(col(SourceState.name).in_(list(names)))
        with Session(self.engine) as session:
            rows = list(session.exec(statement))
            session.expunge_all()
        return rows

    def due(self, names: Sequence[str], now: datetime) -> list[str]:
        """The configured sources whose next poll has come and that no live claim holds."""
        statement = select(SourceState.name).where(col(SourceState.name).in_(list(names)), self._due(now))
        with Session(self.engine) as session:
            found = set(session.exec(statement))
        return [name for name in names if name in found]

    def _due(self, now: datetime) -> Any:
        t = self.table
        return and_(or_(t.c.next_poll_at.is_(None), t.c.next_poll_at <= now), or_(t.c.claimed_by.is_(None), t.c.lease_until < now))

    def claim(self, name: str, token: str, now: datetime, lease: timedelta, *, force: bool = False) -> SourceState | None:
        """Claim ``name`` for one poll and commit the claim; None when it is not due (``force``: due
        or not) or another poller holds it. The condition is checked again on the locked row, so two
        replicas claiming at once never both succeed."""
        t = self.table
        condition = or_(t.c.claimed_by.is_(None), t.c.lease_until < now) if force else self._due(now)
        with self.engine.begin() as conn:
            result = conn.execute(
                update(t).where(t.c.name == name, condition)
                .values(claimed_by=token, lease_until=now + lease).returning(*t.c)
            )  # fmt: skip
            row = result.first()
        return None if row is None else SourceState(**row._mapping)

    def finish(self, name: str, token: str, values: dict[str, Any]) -> bool:
        """Record a poll's outcome and release the claim; False when the claim was lost meanwhile."""
        t = self.table
        if "seen" in values:
            values = {**values, "seen": list(values["seen"])[-MAX_SEEN:]}
        with self.engine.begin() as conn:
            result = conn.execute(
                update(t).where(t.c.name == name, t.c.claimed_by == token)
                .values(**values, claimed_by=None, lease_until=None)
            )  # fmt: skip
        if result.rowcount != 1:
            logger.warning("source %s: claim %s was lost before the poll was recorded", name, token)
            return False
        return True

    def holders(self) -> list[str]:
        """The tokens holding claims (to find those of a process that died)."""
        with Session(self.engine) as session:
            return sorted({str(token) for token in session.exec(select(SourceState.claimed_by).where(col(SourceState.claimed_by).is_not(None)))})

    def release(self, tokens: Sequence[str]) -> int:
        """Give back the claims held by ``tokens`` (this process's on shutdown, a dead one's at start)."""
        if not tokens:
            return 0
        t = self.table
        with self.engine.begin() as conn:
            result = conn.execute(update(t).where(t.c.claimed_by.in_(list(tokens))).values(claimed_by=None, lease_until=None))
        return max(result.rowcount, 0)
