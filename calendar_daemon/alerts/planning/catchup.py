"""Start-up catch-up: what fell due while the daemon was down.

An alert that fell due while down is still sent — marked late — if it is within ``grace`` and its
event has not begun; older ones become ``missed`` and each channel gets ONE "missed while down"
summary listing them (the row holds each missed alert's title and due time; delivery renders the
text). Notices and digests older than ``grace`` are dropped as missed too.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from calendar_daemon.alerts.ledger import Ledger
from calendar_daemon.alerts.planning.planner import worth_sending
from calendar_daemon.store.events import EventStore
from calendar_daemon.store.models import AlertRow

logger = logging.getLogger(__name__)


@dataclass
class CatchUp:
    late: int = 0
    missed: dict[str, int] = field(default_factory=dict)


def catch_up(ledger: Ledger, store: EventStore, now: datetime, grace: timedelta) -> CatchUp:
    result = CatchUp()
    missed: list[AlertRow] = []
    for row in ledger.overdue(now):
        if row.kind == "alert" and worth_sending(row.due_at, row.expires_at, now, grace):
            result.late += 1
        elif row.kind == "alert" or now - row.due_at > grace:
            missed.append(row)
    # Replicas starting together see the same overdue rows: each summarises only the rows it moved.
    taken = ledger.take_planned([row.id or 0 for row in missed], "missed", now)
    per_channel: dict[str, list[tuple[str, datetime]]] = defaultdict(list)
    titles: dict[str, str] = {}
    for row in missed:
        if row.kind != "alert" or row.id not in taken:
            continue
        if row.event_uid not in titles:
            event = store.get(row.event_uid, include_deleted=True)
            titles[row.event_uid] = event.title if event is not None else row.event_uid
        per_channel[row.channel].append((titles[row.event_uid], row.due_at))
    for channel, items in per_channel.items():
        items.sort(key=lambda item: item[1])
        missed_items = [[title, due_at.isoformat()] for title, due_at in items]
        ledger.insert_message(
            kind="missed_summary", channel=channel, rule="missed", lead=now.isoformat(timespec="seconds"),
            due_at=now, expires_at=now + timedelta(days=1), now=now,
            payload=json.dumps({"missed": missed_items}, ensure_ascii=False),
        )  # fmt: skip
        result.missed[channel] = len(items)
        logger.warning("channel %s: %s alerts were missed while the daemon was down", channel, len(items))
    if result.late:
        logger.warning("%s alerts fell due while the daemon was down and will be sent late", result.late)
    return result
