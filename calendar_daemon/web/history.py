"""The alert history shown on an event's page, read from the ledger and redacted for display.

Errors and channel names are redacted before display (they may hold URLs with credentials). Times are
in the display zone to the minute; statuses, kinds and leads are words of the page's language; the
attempts column counts every try, the successful one included (the ledger counts failures only).
:func:`alert_history` returns ``None`` when the ledger cannot be read.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from calendar_daemon.alerts.ledger import HistoryRow, Ledger
from calendar_daemon.i18n.moments import instant_text
from calendar_daemon.i18n.terms import lead_text, term
from calendar_daemon.ops.redact import redact

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class AlertEntry:
    channel: str
    kind: str
    lead: str
    status: str
    due_at: str
    sent_at: str
    attempts: int
    last_error: str


SUCCEEDED = ("sent", "late")


def _when(value: datetime | None, zone: str, locale: str) -> str:
    return "" if value is None else instant_text(value, zone, locale, with_zone=False)


def _entry(row: HistoryRow, zone: str, locale: str) -> AlertEntry:
    tries = int(row.attempts or 0) + (1 if row.status in SUCCEEDED else 0)
    return AlertEntry(
        channel=redact(row.channel or ""), kind=term("alert_kind", row.kind or "", locale),
        lead=lead_text(row.lead or "", locale), status=term("alert_status", row.status or "", locale),
        due_at=_when(row.due_at, zone, locale), sent_at=_when(row.sent_at, zone, locale), attempts=tries,
        last_error=redact(row.last_error or "")[:500],
    )  # fmt: skip


def alert_history(engine: Engine, uid: str, zone: str, locale: str, *, limit: int = 200) -> list[AlertEntry] | None:
    """The ledger rows of event ``uid`` (oldest due first), or ``None`` when the ledger cannot be read."""
    try:
        rows = Ledger(engine).history(uid, limit=limit)
    except SQLAlchemyError as exc:
        logger.warning("cannot read the alert ledger: %s", redact(str(exc).splitlines()[0] if str(exc) else "error"))
        return None
    return [_entry(row, zone, locale) for row in rows]
