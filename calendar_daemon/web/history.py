"""The alert history shown on an event's page, read from the ledger and redacted for display.

Errors and channel names are redacted before display (they may hold URLs with credentials).
:func:`alert_history` returns ``None`` when the ledger cannot be read.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from calendar_daemon.alerts.ledger import Ledger
from calendar_daemon.ops.redact import redact

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class AlertEntry:
    channel: str
    kind: str
    status: str
    due_at: str
    sent_at: str
    attempts: int
    last_error: str


def _when(value: datetime | None) -> str:
    return "" if value is None else value.isoformat(sep=" ", timespec="minutes")


def alert_history(engine: Engine, uid: str, *, limit: int = 200) -> list[AlertEntry] | None:
    """The ledger rows of event ``uid`` (oldest due first), or ``None`` when the ledger cannot be read."""
    try:
        rows = Ledger(engine).history(uid, limit=limit)
    except SQLAlchemyError as exc:
        logger.warning("cannot read the alert ledger: %s", redact(str(exc).splitlines()[0] if str(exc) else "error"))
        return None
    return [
        AlertEntry(
            channel=redact(row.channel or ""), kind=row.kind or "", status=row.status or "", due_at=_when(row.due_at),
            sent_at=_when(row.sent_at), attempts=int(row.attempts or 0), last_error=redact(row.last_error or "")[:500],
        )
        for row in rows
    ]
