"""The delivery ledger: planned alerts, their claims, attempts and outcomes.

Claim-with-lease: a sender first *claims* due rows (status ``sending``, its token, a lease
deadline) and commits that claim, then sends, then records ``sent``. Several replicas may share
one database: on PostgreSQL the claim uses ``SELECT … FOR UPDATE SKIP LOCKED``, on SQLite the
single writer lock serialises claims. If a process dies after sending but before recording, the
lease runs out and the row is sent again — that is the one window in which a duplicate can occur.
A restarted replica does not wait for the lease: it takes back at once the claims of its own
earlier run (see :func:`~calendar_daemon.ops.replica.dead_holder`). A row taken back, or taken over
after its lease ran out, records :data:`INTERRUPTED` as its last error: its send was tried.

A row that can no longer be sent in time is *parked* (``planned`` without a next attempt) rather
than dropped: the next tick lists it in its channel's missed summary and marks it ``missed``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, update
from sqlalchemy import select as core_select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col, select

from calendar_daemon.alerts.planning.planner import PlannedAlert
from calendar_daemon.ops.redact import redact
from calendar_daemon.store.models import AlertRow

logger = logging.getLogger(__name__)

CHUNK = 2000
MAX_BACKOFF_SECONDS = 3600.0
INTERRUPTED = "interrupted: the process sending it stopped before recording the outcome"
NOTICE_KINDS = ("moved", "cancelled")
LOCKED_RETRY_SECONDS = (0.2, 0.5, 1.0, 2.0)  # between tries to record an outcome while another writer holds SQLite
LOCKED_LOG_EVERY = 30  # tries between two warnings about it: about a minute at the longest pause


def was_tried(row: AlertRow) -> bool:
    """A send of this row failed or was interrupted (it is sent late rather than dropped)."""
    return row.attempts > 0 or bool(row.last_error)


@dataclass(frozen=True)
class LedgerKey:
    id: int
    event_uid: str
    event_revision: int
    rule: str
    lead: str
    channel: str
    kind: str
    status: str
    due_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class HistoryRow:
    """What the event page shows of one ledger row."""

    channel: str
    kind: str
    status: str
    due_at: datetime
    sent_at: datetime | None
    attempts: int  # failed tries; a sent row was also tried once more, successfully
    last_error: str
    lead: str = ""


def _locked(exc: OperationalError) -> bool:
    """SQLite's "database is locked" / "database is busy": another writer holds the file."""
    text = str(exc.orig if exc.orig is not None else exc).lower()
    return "database is locked" in text or "database is busy" in text


class Ledger:
    def __init__(self, engine: Engine, *, sleep: Callable[[float], None] = time.sleep) -> None:
        self.engine = engine
        self.sleep = sleep  # injected by tests that hold the database locked
        self.table: Any = AlertRow.__table__  # type: ignore[attr-defined]

    def _insert(self) -> Any:
        if self.engine.dialect.name == "postgresql":
            return postgresql.insert(self.table).on_conflict_do_nothing()
        return sqlite.insert(self.table).on_conflict_do_nothing()

    # -- planning ---------------------------------------------------------------------------
    def insert_planned(self, alerts: Sequence[PlannedAlert], now: datetime) -> int:
        """Insert alerts that are not in the ledger yet (the unique key skips the others)."""
        inserted = 0
        with self.engine.begin() as conn:
            for start in range(0, len(alerts), CHUNK):
                rows = [
                    {
                        "event_uid": a.event_uid, "event_revision": a.event_revision, "rule": a.rule, "lead": a.lead,
                        "channel": a.channel, "kind": "alert", "period_key": "", "due_at": a.due_at,
                        "expires_at": a.expires_at, "status": "planned", "attempts": 0, "next_attempt_at": a.due_at,
                        "last_error": "", "payload": "", "created_at": now, "updated_at": now,
                    }
                    for a in alerts[start : start + CHUNK]
                ]
                result = conn.execute(self._insert(), rows)
                inserted += max(result.rowcount, 0)
        return inserted

    def insert_message(
        self, *, kind: str, channel: str, due_at: datetime, expires_at: datetime, payload: str, now: datetime,
        event_uid: str = "", event_revision: int = 0, rule: str = "", lead: str = "", period_key: str = "",
    ) -> bool:  # fmt: skip
        """Queue a notice, summary or digest; False when that exact message is already in the ledger."""
        row = {
            "event_uid": event_uid, "event_revision": event_revision, "rule": rule, "lead": lead, "channel": channel,
            "kind": kind, "period_key": period_key, "due_at": due_at, "expires_at": expires_at, "status": "planned",
            "attempts": 0, "next_attempt_at": due_at, "last_error": "", "payload": payload, "created_at": now,
            "updated_at": now,
        }  # fmt: skip
        with self.engine.begin() as conn:
            return bool(conn.execute(self._insert(), [row]).rowcount)

    def keys(self, uids: Iterable[str] | None = None, statuses: Sequence[str] | None = None) -> list[LedgerKey]:
        """Alert rows (kind ``alert``) of some events, or of all events."""
        t = self.table
        statement = core_select(
            t.c.id, t.c.event_uid, t.c.event_revision, t.c.rule, t.c.lead, t.c.channel, t.c.kind, t.c.status,
            t.c.due_at, t.c.expires_at,
        ).where(t.c.kind == "alert")  # fmt: skip
        if statuses:
            statement = statement.where(t.c.status.in_(list(statuses)))
        out: list[LedgerKey] = []
        with self.engine.connect() as conn:
            if uids is None:
                out = [LedgerKey(*row) for row in conn.execute(statement)]  # type: ignore[call-arg]
            else:
                wanted = list(uids)
                for start in range(0, len(wanted), 500):
                    chunk = statement.where(t.c.event_uid.in_(wanted[start : start + 500]))
                    out.extend(LedgerKey(*row) for row in conn.execute(chunk))  # type: ignore[call-arg]
        return out

    def set_status(self, ids: Sequence[int], status: str, now: datetime, *, only_from: Sequence[str] = ("planned",)) -> int:
        changed = 0
        with self.engine.begin() as conn:
            for start in range(0, len(ids), 500):
                result = conn.execute(
                    update(self.table)
                    .where(self.table.c.id.in_(list(ids[start : start + 500])), self.table.c.status.in_(list(only_from)))
                    .values(status=status, updated_at=now, claimed_by=None, lease_until=None)
                )
                changed += max(result.rowcount, 0)
        return changed

    def take_planned(self, ids: Sequence[int], status: str, now: datetime) -> set[int]:
        """Move planned rows to ``status``; returns the ids this call moved (not those another replica
        moved first), so a summary of them is written by one replica only."""
        taken: set[int] = set()
        t = self.table
        with self.engine.begin() as conn:
            for start in range(0, len(ids), 500):
                result = conn.execute(
                    update(t).where(t.c.id.in_(list(ids[start : start + 500])), t.c.status == "planned")
                    .values(status=status, updated_at=now, claimed_by=None, lease_until=None).returning(t.c.id)
                )  # fmt: skip
                taken.update(int(row[0]) for row in result)
        return taken

    # -- claiming and recording -------------------------------------------------------------
    def claim(self, token: str, now: datetime, lease: timedelta, limit: int) -> list[AlertRow]:
        """Claim up to ``limit`` due rows for ``token`` and commit the claim.

        On PostgreSQL the candidate rows are locked with ``FOR UPDATE SKIP LOCKED``, so replicas
        claiming at the same instant take disjoint rows without waiting on each other; the ``due``
        condition is checked again on the locked row, so a row another replica claimed (or sent) in
        between is never taken twice. A claim whose lease ran out is due again: that is the takeover.
        """
        t = self.table
        # Expired claims first (a takeover: they were due before anything planned now), then planned
        # rows in due order. Each condition alone walks ix_alert_ledger_due in order and stops at
        # ``limit``; one query with both (an OR) read and sorted every due row, ~5 ms with 10,000 due.
        # A reminder whose event has a "moved"/"cancelled" notice to the same channel going out now is
        # not claimed: the notice goes first, and the reminder is claimed once it is recorded.
        conditions: tuple[tuple[Any, dict[str, Any]], ...] = (
            (and_(t.c.status == "sending", t.c.lease_until < now), {"last_error": INTERRUPTED}),
            (and_(t.c.status == "planned", t.c.next_attempt_at <= now, ~self._notice_first(now)), {}),
        )
        rows: list[AlertRow] = []
        with self.engine.begin() as conn:
            for due, extra in conditions:
                if len(rows) >= limit:
                    break
                candidates = core_select(t.c.id).where(due).order_by(t.c.next_attempt_at).limit(limit - len(rows))
                if self.engine.dialect.name == "postgresql":
                    candidates = candidates.with_for_update(skip_locked=True)
                result = conn.execute(
                    update(t).where(t.c.id.in_(candidates.scalar_subquery()), due)
                    .values(status="sending", claimed_by=token, lease_until=now + lease, updated_at=now, **extra)
                    .returning(*t.c)
                )  # fmt: skip
                rows.extend(AlertRow(**row._mapping) for row in result)
        rows.sort(key=lambda row: (row.next_attempt_at or row.due_at, row.id or 0))
        return rows

    def _notice_first(self, now: datetime) -> Any:
        """True for an alert row (of the statement's ``alert_ledger``) whose event has a notice to the same
        channel being sent or due at ``now`` (not one waiting for a retry)."""
        t, notice = self.table, self.table.alias("notice")
        pending = core_select(notice.c.id).where(
            notice.c.event_uid == t.c.event_uid, notice.c.channel == t.c.channel, notice.c.kind.in_(NOTICE_KINDS),
            (notice.c.status == "sending") | and_(notice.c.status == "planned", notice.c.next_attempt_at <= now),
        )  # fmt: skip
        return and_(t.c.kind == "alert", pending.exists())

    def renew(self, row_id: int, token: str, now: datetime, lease: timedelta) -> bool:
        """Extend a claim still held by ``token``; False when it expired and another sender took it."""
        t = self.table
        with self.engine.begin() as conn:
            result = conn.execute(
                update(t).where(t.c.id == row_id, t.c.claimed_by == token, t.c.status == "sending")
                .values(lease_until=now + lease, updated_at=now)
            )  # fmt: skip
        return result.rowcount == 1

    def _finish(self, row_id: int, token: str, values: dict[str, Any]) -> bool:
        """Record a claimed row's outcome. The send has happened: on SQLite, a writer that holds the
        database longer than ``busy_timeout_ms`` (a large import, a backup) must not make us drop the
        outcome, or the lease would run out and the alert be sent again; so a locked database is
        waited out. No other sender can claim the row meanwhile: a claim is a write too."""
        t = self.table
        statement = update(t).where(t.c.id == row_id, t.c.claimed_by == token, t.c.status == "sending").values(**values)
        tries, waited = 0, 0.0
        while True:
            try:
                with self.engine.begin() as conn:
                    result = conn.execute(statement)
                break
            except OperationalError as exc:
                if not _locked(exc):
                    raise
                if tries % LOCKED_LOG_EVERY == 0:  # the first time, then about once a minute
                    logger.warning("alert %s: the database is locked by another writer; waiting to record its outcome "
                                   "(%.0f s so far)", row_id, waited)  # fmt: skip
                pause = LOCKED_RETRY_SECONDS[min(tries, len(LOCKED_RETRY_SECONDS) - 1)]
                self.sleep(pause)
                tries, waited = tries + 1, waited + pause
        if result.rowcount != 1:
            logger.warning("alert %s: claim %s was lost before the outcome was recorded", row_id, token)
            return False
        return True

    def mark_sent(self, row_id: int, token: str, now: datetime, *, late: bool) -> bool:
        return self._finish(row_id, token, {
            "status": "late" if late else "sent", "sent_at": now, "lease_until": None, "updated_at": now,
        })  # fmt: skip

    def mark_cancelled(self, row_id: int, token: str, now: datetime, *, status: str = "cancelled") -> bool:
        return self._finish(row_id, token, {"status": status, "lease_until": None, "updated_at": now})

    def mark_failure(
        self, row: AlertRow, token: str, error: str, now: datetime, *, max_attempts: int, base_seconds: float,
        last_chance: datetime | None = None,
    ) -> str:  # fmt: skip
        """Record a failed attempt: retry later with exponential backoff, or give up.

        A message gives up after ``max_attempts`` (``failed``). An alert (``last_chance`` given: the
        last instant it is worth sending) never ends there: past ``max_attempts`` it keeps retrying,
        at the latest at ``last_chance``, and once that has passed it is parked (returns ``parked``)
        for its channel's missed summary."""
        attempts = row.attempts + 1
        values: dict[str, Any] = {"attempts": attempts, "last_error": redact(error)[:500], "lease_until": None, "updated_at": now}
        backoff = now + timedelta(seconds=min(base_seconds * 2 ** (attempts - 1), MAX_BACKOFF_SECONDS))
        retry_at: datetime | None = backoff
        outcome = "planned"
        if attempts >= max_attempts and last_chance is None:
            retry_at, outcome = None, "failed"
        elif attempts >= max_attempts and last_chance is not None:
            retry_at, outcome = (None, "parked") if now >= last_chance else (min(backoff, last_chance), "planned")
        values.update(status="failed" if outcome == "failed" else "planned", next_attempt_at=retry_at)
        if outcome != "failed":
            values["claimed_by"] = None
        self._finish(row.id or 0, token, values)
        return outcome

    def park(self, row_id: int, token: str, now: datetime) -> bool:
        """Set aside a claimed alert that can no longer be sent in time, for the channel's missed summary."""
        return self._finish(row_id, token, {
            "status": "planned", "next_attempt_at": None, "claimed_by": None, "lease_until": None, "updated_at": now,
        })  # fmt: skip

    def claim_holders(self) -> list[str]:
        """The tokens holding ``sending`` rows (to find the claims of a process that died)."""
        t = self.table
        statement = core_select(t.c.claimed_by).where(t.c.status == "sending", t.c.claimed_by.is_not(None)).distinct()
        with self.engine.connect() as conn:
            return [str(row[0]) for row in conn.execute(statement)]

    def take_back(self, tokens: Sequence[str], now: datetime) -> int:
        """Release the claims of a process that died, at once (not when their lease ends); the rows
        record that their send was interrupted, so they are still sent late within the grace period."""
        if not tokens:
            return 0
        t = self.table
        with self.engine.begin() as conn:
            result = conn.execute(
                update(t).where(t.c.status == "sending", t.c.claimed_by.in_(list(tokens)))
                .values(status="planned", claimed_by=None, lease_until=None, last_error=INTERRUPTED, updated_at=now)
            )  # fmt: skip
        return max(result.rowcount, 0)

    def parked(self) -> list[AlertRow]:
        """Alerts set aside by :meth:`park`, waiting for their channel's missed summary."""
        with Session(self.engine) as session:
            statement = select(AlertRow).where(
                AlertRow.status == "planned", col(AlertRow.next_attempt_at).is_(None), AlertRow.kind == "alert"
            )  # fmt: skip
            rows = list(session.exec(statement))
            for row in rows:
                session.expunge(row)
        return rows

    def release(self, token_prefix: str, now: datetime) -> int:
        """Give back every claim of this process (used on shutdown) so another sender can take them."""
        t = self.table
        with self.engine.begin() as conn:
            result = conn.execute(
                update(t).where(t.c.status == "sending", t.c.claimed_by.like(f"{token_prefix}%"))
                .values(status="planned", claimed_by=None, lease_until=None, updated_at=now)
            )  # fmt: skip
        return max(result.rowcount, 0)

    # -- reading ----------------------------------------------------------------------------
    def overdue(self, now: datetime) -> list[AlertRow]:
        """Planned rows whose due time has passed (for the start-up catch-up)."""
        with Session(self.engine) as session:
            rows = list(session.exec(select(AlertRow).where(AlertRow.status == "planned", col(AlertRow.due_at) < now)))
            for row in rows:
                session.expunge(row)
        return rows

    def rows(self, *, statuses: Sequence[str] = (), limit: int = 200, since: datetime | None = None) -> list[AlertRow]:
        statement = select(AlertRow)
        if statuses:
            statement = statement.where(col(AlertRow.status).in_(list(statuses)))
        if since is not None:
            statement = statement.where(col(AlertRow.due_at) >= since)
        statement = statement.order_by(col(AlertRow.due_at), col(AlertRow.id)).limit(limit)
        with Session(self.engine) as session:
            rows = list(session.exec(statement))
            for row in rows:
                session.expunge(row)
        return rows

    def history(self, event_uid: str, *, limit: int = 200) -> list[HistoryRow]:
        """Every ledger row of one event, oldest due first (for the event page)."""
        t = self.table
        statement = (
            core_select(t.c.channel, t.c.kind, t.c.status, t.c.due_at, t.c.sent_at, t.c.attempts, t.c.last_error, t.c.lead)
            .where(t.c.event_uid == event_uid).order_by(t.c.due_at, t.c.id).limit(limit)
        )  # fmt: skip
        with self.engine.connect() as conn:
            return [HistoryRow(*row) for row in conn.execute(statement)]

    def next_due(self, now: datetime) -> datetime | None:
        """When the next planned row can be claimed (a reminder held back by its event's notice waits for
        the notice's send to end: the scheduler claims again then)."""
        t = self.table
        statement = core_select(func.min(t.c.next_attempt_at)).where(t.c.status == "planned", ~self._notice_first(now))
        with self.engine.connect() as conn:
            value: datetime | None = conn.execute(statement).scalar()
        return value
