"""Replicas sharing one database must plan the same alerts: this notices when they do not.

Each replica with alerts on keeps a heartbeat row ``replica.<id>`` in the shared ``state`` table
holding a fingerprint of its alert configuration (the rules, display zone and horizon that decide
which ledger rows are planned, and the channel names — never channel URLs, which hold secrets) and
when it last wrote the row. Every ``HEARTBEAT`` it rewrites its row and reads the others'; a live
peer (seen within ``STALE``) with another fingerprint is logged as a WARNING once and reported in
``/healthz`` until it agrees again or stops. A replica that stops cleanly removes its row.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from calendar_daemon.alerts.planning.planner import Rule
from calendar_daemon.alerts.planning.replan import rules_digest
from calendar_daemon.store.events import EventStore

logger = logging.getLogger(__name__)

HEARTBEAT = timedelta(seconds=30)
STALE = 3 * HEARTBEAT  # a peer whose heartbeat is older than this is taken to be down
PREFIX = "replica."


def config_fingerprint(rules: Sequence[Rule], zone: str, horizon_days: int, channels: Sequence[str]) -> str:
    """A short hash of what decides the planned ledger rows; equal configs give equal fingerprints."""
    text = json.dumps({"rules": rules_digest(rules, zone, horizon_days), "channels": sorted(channels)})
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class Peers:
    def __init__(self, store: EventStore, replica: str, fingerprint: str) -> None:
        self.store = store
        self.replica = replica
        self.fingerprint = fingerprint
        self.differing: dict[str, str] = {}  # live peers with another fingerprint: replica → fingerprint
        self._last_beat: datetime | None = None

    @property
    def key(self) -> str:
        return PREFIX + self.replica

    def beat(self, now: datetime, *, force: bool = False) -> None:
        """Every ``HEARTBEAT`` (or when ``force``): record this replica's fingerprint, compare the peers'."""
        if not force and self._last_beat is not None and now - self._last_beat < HEARTBEAT:
            return
        self._last_beat = now
        self.store.set_marker(self.key, json.dumps({"fingerprint": self.fingerprint, "seen": now.isoformat()}))
        differing: dict[str, str] = {}
        for key, text in self.store.markers(PREFIX):
            peer = key.removeprefix(PREFIX)
            try:
                data = json.loads(text)
                seen = datetime.fromisoformat(str(data["seen"]))
                theirs = str(data["fingerprint"])
            except (ValueError, KeyError, TypeError):
                continue
            if peer != self.replica and now - seen <= STALE and theirs != self.fingerprint:
                differing[peer] = theirs
        if differing and differing != self.differing:
            logger.warning(
                "replicas on this database have different alert configurations (rules, zone, horizon or channel "
                "names): this replica %s has %s, %s; they plan different alerts — give every replica the same "
                "[[alert_rules]] and [[channels]]",
                self.replica, self.fingerprint, ", ".join(f"{peer} has {fp}" for peer, fp in sorted(differing.items())),
            )  # fmt: skip
        elif self.differing and not differing:
            logger.warning("replicas on this database agree on the alert configuration again (%s)", self.fingerprint)
        self.differing = differing

    def leave(self) -> None:
        """Remove this replica's heartbeat (a clean stop), so peers stop comparing against it."""
        self.store.delete_marker(self.key)

    def health(self) -> dict[str, Any]:
        return {"fingerprint": self.fingerprint, "agree": not self.differing, "differing": dict(sorted(self.differing.items()))}
