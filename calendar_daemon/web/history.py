"""Read-only access to the alert ledger (``alert_ledger``), when the alerts component created it.

The page works without the table: :func:`alert_history` returns ``None`` when it does not exist.
Errors and channel names are redacted before display (they may hold URLs with credentials).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from calendar_daemon.ops.redact import redact

logger = logging.getLogger(__name__)

LEDGER_TABLE = "alert_ledger"
_COLUMNS = ("channel", "kind", "status", "due_at", "sent_at", "attempts", "last_error")


@dataclass(frozen=True)
class AlertEntry:
    channel: str
    kind: str
    status: str
    due_at: str
    sent_at: str
    attempts: int
    last_error: str


def _text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat(sep=" ", timespec="minutes") if hasattr(value, "hour") else value.isoformat())
    return str(value)


def alert_history(engine: Engine, uid: str, *, limit: int = 200) -> list[AlertEntry] | None:
    """The ledger rows of event ``uid`` (oldest due first), or ``None`` when there is no ledger."""
    try:
        if not inspect(engine).has_table(LEDGER_TABLE):
            return None
        columns = {column["name"] for column in inspect(engine).get_columns(LEDGER_TABLE)}
        selected = [name if name in columns else f"NULL AS {name}" for name in _COLUMNS]
        order = "due_at" if "due_at" in columns else "1"
        statement = text(
            f"SELECT {', '.join(selected)} FROM {LEDGER_TABLE} WHERE event_uid = :uid ORDER BY {order} LIMIT :limit"
        )
        with engine.connect() as conn:
            rows = conn.execute(statement, {"uid": uid, "limit": limit}).mappings().all()
    except SQLAlchemyError as exc:
        logger.warning("cannot read the alert ledger: %s", redact(str(exc).splitlines()[0] if str(exc) else "error"))
        return None
    entries = []
    for row in rows:
        try:
            attempts = int(row["attempts"] or 0)
        except (TypeError, ValueError):
            attempts = 0
        entries.append(
            AlertEntry(
                channel=redact(_text(row["channel"])), kind=_text(row["kind"]), status=_text(row["status"]),
                due_at=_text(row["due_at"]), sent_at=_text(row["sent_at"]), attempts=attempts,
                last_error=redact(_text(row["last_error"]))[:500],
            )
        )
    return entries
