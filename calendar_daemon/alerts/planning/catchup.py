"""What can no longer be sent in time: the start-up catch-up and the missed summaries.

An alert that fell due while down is still sent — marked late — if it is within ``grace`` and its
event has not begun; one whose send was tried (it failed, or the process died during it) is sent
late within ``grace`` even when its event has begun. Older ones become ``missed`` and each channel
gets ONE summary listing them (the row holds each missed alert's title and due time; delivery
renders the text). Notices and digests older than ``grace`` are dropped as missed too.

While running, delivery *parks* an alert it can no longer send in time instead of dropping it;
:func:`summarise_parked` (every tick) marks those ``missed`` and lists them in the same kind of
summary, with a WARNING in the log: no alert ends silently.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from calendar_daemon.alerts.ledger import Ledger, was_tried
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
        parked = row.kind == "alert" and row.next_attempt_at is None
        if not parked and row.kind == "alert" and worth_sending(row.due_at, row.expires_at, now, grace, tried=was_tried(row)):
            result.late += 1
        elif row.kind == "alert" or now - row.due_at > grace:
            missed.append(row)
    result.missed = _summarise(ledger, store, missed, now, down=True)
    if result.late:
        logger.warning("%s alerts fell due while the daemon was down and will be sent late", result.late)
    return result


def summarise_parked(ledger: Ledger, store: EventStore, now: datetime) -> dict[str, int]:
    """Mark the alerts delivery could not send in time ``missed`` and queue their channels' summaries."""
    return _summarise(ledger, store, ledger.parked(), now, down=False)


def _summarise(ledger: Ledger, store: EventStore, missed: Sequence[AlertRow], now: datetime, *, down: bool) -> dict[str, int]:
    """Move ``missed`` rows to ``missed`` and queue one summary per channel of the alerts among them."""
    if not missed:
        return {}
    # Replicas see the same rows: each summarises only the rows it moved.
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
    counts: dict[str, int] = {}
    for channel, items in per_channel.items():
        items.sort(key=lambda item: item[1])
        missed_items = [[title, due_at.isoformat()] for title, due_at in items]
        payload: dict[str, object] = {"missed": missed_items} if down else {"missed": missed_items, "while": "running"}
        ledger.insert_message(
            # The lead keeps two summaries of one channel in the same second apart (the ledger key).
            kind="missed_summary", channel=channel, rule="missed", lead=f"{now:%Y-%m-%dT%H:%M:%S}#{min(taken)}",
            due_at=now, expires_at=now + timedelta(days=1), now=now, payload=json.dumps(payload, ensure_ascii=False),
        )  # fmt: skip
        counts[channel] = len(items)
        why = "while the daemon was down" if down else "that could not be sent in time"
        logger.warning("channel %s: %s alerts were missed %s; they are listed in a missed summary", channel, len(items), why)
    return counts
