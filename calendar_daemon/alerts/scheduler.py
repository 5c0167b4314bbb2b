"""The alert service: an APScheduler job that ticks every ``tick_seconds`` and sends what is due.

APScheduler only wakes the daemon — its job set stays at two (the tick, and a one-shot wake-up
at the next due time when that comes before the next tick); the ledger holds every alert.
Each tick: feed the systemd watchdog, apply a pending reload, re-plan events changed since the
last data version (including imports by other processes), extend the horizon, queue digests,
and claim due rows, which a thread pool hands to :class:`~calendar_daemon.alerts.delivery.sender.Sender`
(it renders, sends and records each row) — one row per channel, so channels never wait on each other.

Start-up work runs in the first tick, not in :meth:`AlertService.start`, so readiness does not
wait for it: the claims of this replica's dead predecessor are taken back at once (not when their
lease ends), then the catch-up (nothing is sent before overdue rows are sorted into late and
missed), then planning. Each tick also lists the alerts delivery set aside (too late to send) in
their channels' missed summaries. Planning in a tick stops after ``PLAN_BUDGET`` seconds (``QUIET_BUDGET``
when no send is in flight and nothing falls due within ``QUIET``, so the walk of a million-event horizon
takes minutes, not an hour) and carries on at the next tick, nearest events first, and waits while sends are in flight or alerts are about to fall
due (at most ``MAX_DEFERRED_TICKS`` ticks), so a large calendar neither delays readiness nor holds up alerts
that are due. Changed events (an import, an edit, another replica's write) whose alerts may fall due
within ``URGENT`` are the exception: they are planned at once, nearest first, for up to
``URGENT_BUDGET`` seconds a tick with a dispatch after each step, so an import's earliest alerts are
in the ledger before they fall due.
"""

from __future__ import annotations

import logging
import threading
import time as time_module
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.schedulers.background import BackgroundScheduler

from calendar_daemon.alerts.delivery.notifier import Notifier
from calendar_daemon.alerts.delivery.sender import Sender
from calendar_daemon.alerts.ledger import NOTICE_KINDS, Ledger
from calendar_daemon.alerts.peers import Peers, config_fingerprint
from calendar_daemon.alerts.planning.catchup import catch_up, summarise_parked
from calendar_daemon.alerts.planning.digests import Digests
from calendar_daemon.alerts.planning.planner import Rule
from calendar_daemon.alerts.planning.replan import Replanner
from calendar_daemon.config.settings import Config
from calendar_daemon.domain.durations import parse_duration
from calendar_daemon.ops.metrics import Metrics
from calendar_daemon.ops.redact import redact
from calendar_daemon.ops.replica import dead_holder, replica_id
from calendar_daemon.ops.sdnotify import Watchdog
from calendar_daemon.store.events import EventStore
from calendar_daemon.store.models import AlertRow

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]
CLAIM_BATCH = 1000
PLAN_BUDGET = 0.3  # seconds of planning per tick; the rest carries on at the next tick
QUIET_BUDGET = 0.8  # ... when no send is in flight and nothing falls due within QUIET: a long walk goes faster
QUIET = timedelta(seconds=10)
MAX_DEFERRED_TICKS = 60  # sends in flight or due put planning off for at most this many ticks
DUE_SOON = timedelta(seconds=2)  # alerts due this soon put planning off
URGENT = timedelta(minutes=10)  # changed events with an alert due this soon are planned at once ...
SUMMARY_EVERY = timedelta(seconds=10)  # alerts set aside during a burst are summarised at least this often
URGENT_BUDGET = 3.0  # ... for up to this many seconds per tick, sending what is due between steps


def precise_utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class AlertService:
    def __init__(
        self, config: Config, store: EventStore, notifier: Notifier, *, clock: Clock = precise_utcnow,
        metrics: Metrics | None = None,
    ) -> None:  # fmt: skip
        self.store = store
        self.notifier = notifier
        self.clock = clock
        self.replica = replica_id(config)
        self.metrics = metrics or Metrics(self.replica)
        self.ledger = Ledger(store.engine)
        # Claim tokens start with this prefix: the replica, then a per-run suffix so a restarted
        # replica never mistakes its predecessor's claims for its own.
        self.worker = f"{self.replica}:{uuid.uuid4().hex[:8]}"
        self.last_claim: datetime | None = None
        self._claims = 0
        self._lock = threading.Lock()
        self._inflight = 0
        self._backlog = False  # the last claim was full: more rows may be due
        self._stopping = False
        self._pending_config: Config | None = None
        self.scheduler: Any = None
        self.last_tick: datetime | None = None
        self.failed_ticks = 0  # in a row; /healthz says "degraded" from FAILING_TICKS on
        self.last_tick_error = ""
        self.watchdog = Watchdog()
        self.version = 0
        self._started = False
        self._deferred = 0
        self._quiet = False  # set by _plan_now: nothing in flight or due within QUIET
        self._last_summary: datetime | None = None
        self.sender = Sender(config, store, self.ledger, notifier, clock=clock, metrics=self.metrics)
        self._apply_config(config)
        self.executor = ThreadPoolExecutor(max_workers=config.alerts.send_workers, thread_name_prefix="alert-send")

    def _apply_config(self, config: Config) -> None:
        self.config = config
        a = config.alerts
        self.grace = parse_duration(a.grace)
        self.rules = [Rule.from_config(r) for r in config.alert_rules]
        zone = config.display.timezone
        self.replanner = Replanner(self.store, self.ledger, self.rules, zone=zone, grace=self.grace, horizon_days=a.horizon_days)
        self.digests = Digests(self.ledger, config.channels, zone=zone, grace=self.grace)
        self.sender.apply_config(config)
        fingerprint = config_fingerprint(self.rules, zone, a.horizon_days, [c.name for c in config.channels])
        self.peers = Peers(self.store, self.replica, fingerprint)

    # -- life cycle -------------------------------------------------------------------------
    def startup(self, budget: float | None = None) -> None:
        """Catch up on what fell due while down, then plan (only what changed, when rules are the same).

        Without a ``budget`` planning runs to the end; with one it stops after that many seconds
        and the ticks finish it.
        """
        now = self.clock()
        self._take_back_claims(now)
        result = catch_up(self.ledger, self.store, now, self.grace)
        for channel, count in result.missed.items():
            self.metrics.alert("missed", channel, count)
        self._started = True
        deadline = None if budget is None else time_module.monotonic() + budget
        self.version = self.replanner.warm_start(now, deadline)
        self.metrics.track_events(self.store.count)
        self.metrics.track_claims(lambda: self._inflight)

    def _take_back_claims(self, now: datetime) -> None:
        """Release at once the claims of this replica's earlier run (or of a dead process on this
        host) instead of waiting for their leases: their alerts go out now, late if past due."""
        dead = [token for token in self.ledger.claim_holders()
                if not token.startswith(self.worker + ":") and dead_holder(token, self.replica)]  # fmt: skip
        taken = self.ledger.take_back(dead, now)
        if taken:
            logger.warning("took back %s alerts claimed by a process that died (%s); they are sent now", taken, ", ".join(dead))

    def start(self) -> None:
        """Start ticking; the first tick runs :meth:`startup` (so readiness does not wait for it)."""
        self.scheduler = BackgroundScheduler(timezone=UTC)
        self.scheduler.add_job(
            self.tick, "interval", seconds=self.config.alerts.tick_seconds, id="tick", max_instances=1, coalesce=True,
            next_run_time=datetime.now(UTC), misfire_grace_time=None,  # a tick that runs late still runs
        )  # fmt: skip
        self.scheduler.start()
        logger.warning("alerts on: %s rules, %s channels", len(self.rules), len(self.config.channels))

    def request_reload(self, config: Config) -> None:
        """Apply a new config at the next tick (called from the SIGHUP handler)."""
        self._pending_config = config

    def stop(self, timeout: float = 6.0) -> bool:
        """Stop taking work, let running sends finish, and release every claim not yet sent.

        Returns False when some sends were still running after ``timeout``: their claims are
        released too (a restart sends them again), and the caller should exit without waiting.
        """
        self._stopping = True
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
        done = threading.Event()

        def drain() -> None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            done.set()

        threading.Thread(target=drain, daemon=True).start()
        finished = done.wait(timeout)
        if not finished:
            logger.warning("some sends were still running at shutdown; their alerts are released and sent again")
        released = self.ledger.release(self.worker, self.clock())
        if released:
            logger.info("released %s claimed alerts for another sender", released)
        try:
            self.peers.leave()
        except Exception:
            logger.debug("could not remove this replica's heartbeat", exc_info=True)
        return finished

    # -- the tick ---------------------------------------------------------------------------
    def tick(self) -> None:
        if self._stopping:
            return
        try:
            self._tick()
        except Exception as exc:
            self.failed_ticks += 1
            self.last_tick_error = redact(f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}")
            logger.exception("alert tick failed (%s in a row)", self.failed_ticks)
        else:
            self.failed_ticks = 0

    def _tick(self) -> None:
        now = self.clock()
        self.last_tick = now
        self.watchdog.feed()
        started = time_module.monotonic()
        deadline = started + PLAN_BUDGET
        if not self._started:
            self.startup(PLAN_BUDGET)
        self._summarise_parked(now)
        pending, self._pending_config = self._pending_config, None
        if pending is not None:
            self._apply_config(pending)
            self.version = self.replanner.full(now)
            logger.warning("configuration reloaded: %s rules, alerts re-planned", len(self.rules))
            self.peers.beat(now, force=True)
        else:
            self.dispatch()  # what is due goes out before any planning
            self.peers.beat(now)
            current = self.store.data_version()  # read once a tick: both kinds of change planning use it
            if current != self.version:
                self._plan_urgent()
            if self._plan_now(now):
                if self._quiet:  # nothing to send for a while: the walk of a large calendar gets most of the tick
                    deadline = max(deadline, started + QUIET_BUDGET)
                if current != self.version:
                    self.version = self.replanner.changed(self.version, now, deadline)
                self.replanner.extend(now, deadline)
        self.digests.queue_due(now)
        self.dispatch()

    def _summarise_parked(self, now: datetime) -> None:
        """List the alerts delivery set aside in their channels' missed summaries: once the sends in
        flight are done (a burst gives one summary, not one per row), or every ``SUMMARY_EVERY``."""
        if self._inflight > 0 and self._last_summary is not None and now - self._last_summary < SUMMARY_EVERY:
            return
        counts = summarise_parked(self.ledger, self.store, now)
        if counts:
            self._last_summary = now
        for channel, count in counts.items():
            self.metrics.alert("missed", channel, count)

    def _plan_urgent(self) -> None:
        """Changed events with an alert due within ``URGENT`` are planned now, nearest first: planning
        them is part of sending them, so sends in flight do not put it off; each step is followed by a
        dispatch, so what falls due meanwhile is not held up. The rest waits for :meth:`_plan_now`."""
        stop = time_module.monotonic() + URGENT_BUDGET
        while time_module.monotonic() < stop and not self._stopping:
            now = self.clock()
            earliest = self.replanner.next_changed_alert(self.version, now)
            if earliest is None or earliest - now > URGENT:
                return
            self.version = self.replanner.changed(self.version, now, deadline=0.0)  # one step
            self.watchdog.feed()
            self.dispatch()

    def _plan_now(self, now: datetime) -> bool:
        """Sending comes first: while sends are in flight or alerts fall due, planning waits (not for long).
        Sets ``_quiet`` when no send is in flight and nothing falls due within ``QUIET``."""
        next_due = None if self._inflight > 0 else self.ledger.next_due(now)
        self._quiet = self._inflight == 0 and (next_due is None or next_due - now > QUIET)
        if self._deferred < MAX_DEFERRED_TICKS and (self._inflight > 0 or (next_due is not None and next_due - now <= DUE_SOON)):
            self._deferred += 1
            return False
        self._deferred = 0
        return True

    def dispatch(self) -> int:
        """Claim due rows and hand them to the send pool; returns how many were claimed.

        A replica claims at most what its pool can start soon (twice its workers), so replicas
        share a burst instead of one claiming it all, and a claimed row waits little before its
        send begins; when the pool drains, the next claim follows at once (see _deliver_safely).
        """
        with self._lock:
            room = min(CLAIM_BATCH, 2 * self.config.alerts.send_workers) - self._inflight
            self._claims += 1
            token = f"{self.worker}:{self._claims}"
        if room <= 0 or self._stopping or not self._started:  # nothing goes out before the catch-up
            self._backlog = room <= 0
            return 0
        now = self.clock()
        rows = self.ledger.claim(token, now, self.sender.lease(), room)
        if rows:
            self.last_claim = now
        self._backlog = len(rows) == room
        for row in rows:
            with self._lock:
                self._inflight += 1
            self.executor.submit(self._deliver_safely, row, token)
        self._schedule_wake(now, full=len(rows) == room)
        return len(rows)

    def _schedule_wake(self, now: datetime, *, full: bool) -> None:
        if self.scheduler is None or self._stopping:
            return
        next_due = now if full else self.ledger.next_due(now)
        if next_due is None or next_due - now > timedelta(seconds=self.config.alerts.tick_seconds):
            return
        delay = max((next_due - now).total_seconds(), 0.0)
        run_at = datetime.now(UTC) + timedelta(seconds=delay)
        try:
            self.scheduler.add_job(self.dispatch, "date", run_date=run_at, id="wake", replace_existing=True, misfire_grace_time=None)
        except Exception:  # noqa: BLE001 - the scheduler is shutting down; the tick will catch up
            logger.debug("could not schedule the wake-up job")

    # -- handing rows to the send pool ----------------------------------------------------------------------
    def _deliver_safely(self, row: AlertRow, token: str) -> None:
        try:
            self.deliver(row, token)
        except Exception:
            logger.exception("alert %s: unexpected error while sending", row.id)
        finally:
            with self._lock:
                self._inflight -= 1
                refill = self._backlog and self._inflight <= self.config.alerts.send_workers
                if refill:
                    self._backlog = False
            # More was due than this replica could take, or a notice is recorded and its event's
            # reminders (held back while it went out) can go: claim the next rows now.
            if refill or row.kind in NOTICE_KINDS:
                self._schedule_wake(self.clock(), full=True)

    def deliver(self, row: AlertRow, token: str) -> str:
        """Send one claimed row and record the outcome (see :class:`Sender`); returns its new status."""
        return self.sender.deliver(row, token)

    @property
    def digests_sent(self) -> int:
        return self.sender.digests_sent

    # -- health -----------------------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        now = self.clock()
        limit = timedelta(seconds=max(5.0, 5 * self.config.alerts.tick_seconds))
        alive = self.last_tick is not None and now - self.last_tick <= limit and not self._stopping
        return {
            "scheduler": "ok" if alive else "stalled", "last_send": self.sender.last_send,
            # Replicas are peers: any of them claims due alerts and digests; these say what this one holds.
            "claim_prefix": self.worker, "claims_held": self._inflight,
            "last_claim": None if self.last_claim is None else self.last_claim.isoformat(),
            "digests_sent": self.digests_sent, "config": self.peers.health(),
            "failed_ticks": self.failed_ticks,
            **({"last_tick_error": self.last_tick_error} if self.failed_ticks else {}),
        }  # fmt: skip
