"""``calendar-daemon run``: open the store, load seeds, serve the feed until told to stop."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import signal
import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any

import uvicorn
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from calendar_daemon.alerts.delivery.notifier import AppriseNotifier, ResolvedChannel, resolve_channels
from calendar_daemon.alerts.scheduler import AlertService
from calendar_daemon.config.settings import Config, changed_options, database_url, load_config
from calendar_daemon.exceptions import CalendarDaemonError, DatabaseError
from calendar_daemon.feed.body import MEBIBYTE
from calendar_daemon.feed.cache import FeedCache
from calendar_daemon.intake.polling import Poller
from calendar_daemon.intake.seeding import load_seeds_if_changed, roll_horizon
from calendar_daemon.ops.metrics import Metrics
from calendar_daemon.ops.redact import register_secret
from calendar_daemon.ops.replica import dead_holder, replica_id
from calendar_daemon.ops.sdnotify import Watchdog, notify
from calendar_daemon.sources.fetch import Fetcher
from calendar_daemon.sources.proposals import Reading
from calendar_daemon.sources.seeds import reference_options
from calendar_daemon.store.db import database_problem, describe, open_configured
from calendar_daemon.store.events import EventStore
from calendar_daemon.web.app import create_app
from calendar_daemon.web.connections import bounded_protocol
from calendar_daemon.web.state import AppState

logger = logging.getLogger(__name__)

HORIZON_CHECK_SECONDS = 3600.0  # how often a running daemon rolls the reference window forward


def feed_body_directory(engine: Engine) -> str | None:
    """Where large feed bodies' temporary files go: beside the SQLite file; for another database (or
    an in-memory one) systemd's state directory if there is one, else the system's temporary directory
    (``None``), which may be a tmpfs."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:" or database.startswith("file:"):
        systemd_dir = os.environ.get("STATE_DIRECTORY")
        return systemd_dir.split(":")[0] if systemd_dir else None
    return str(Path(database).resolve().parent)


def feed_cache(config: Config, store: EventStore) -> FeedCache:
    """A feed cache with the ``[feed]`` settings, worded in ``[display] locale``; its Last-Modified is
    never before now, since a restart may word the feed differently (a changed locale)."""
    return FeedCache(
        store, name=config.feed.name, refresh_minutes=config.feed.refresh_interval_minutes,
        poll_seconds=config.feed.poll_seconds,
        max_body_memory=int(config.feed.max_body_memory_mb * MEBIBYTE), body_dir=feed_body_directory(store.engine),
        max_filtered_bytes=int(config.feed.max_filtered_bodies_mb * MEBIBYTE), locale=config.display.locale,
        modified_floor=datetime.now(UTC).replace(tzinfo=None, microsecond=0),
    )  # fmt: skip


@dataclass
class Runtime:
    """The parts of a running daemon, built from a config."""

    config: Config
    store: EventStore
    feed: FeedCache

    @classmethod
    def build(cls, config: Config, db_override: str | None = None, *, migrate: bool = False) -> Runtime:
        url = database_url(config, db_override)
        engine = open_configured(url, config.database)
        if engine.url.password:  # keep it out of every log line and error (a driver may echo the URL)
            register_secret(str(engine.url.password))
        store = EventStore(engine)
        try:
            store.initialise(migrate=migrate)
        except OperationalError as exc:  # read-only, full disk, unreachable server: say which and where
            raise DatabaseError(database_problem(exc, engine)) from None
        logger.info("database: %s", describe(engine))
        return cls(config=config, store=store, feed=feed_cache(config, store))

    def _seed_options(self) -> dict[str, Any]:
        """What the seed loaders take from the config: folder (None: the bundled one), zone, reference."""
        config = self.config
        folder = Path(config.seeds.path) if config.seeds.path else None
        return {"folder": folder, "default_timezone": config.display.timezone, "reference": reference_options(config)}

    def load_seeds(self) -> None:
        if not self.config.seeds.load_on_start:
            return
        result = load_seeds_if_changed(self.store, **self._seed_options())
        if result is not None:
            logger.info("seeds: %s new, %s updated, %s unchanged", len(result.created), len(result.updated), len(result.unchanged))

    def poller(self, run: str, observer: Metrics | None = None, *, take_back: bool = False) -> Poller:
        """The poller of the ``[[sources]]``, its claims tagged with this replica and ``run``. ``take_back``
        (the daemon, not a one-off command): the claims of this replica's earlier run, or of a dead process
        of this host, are given back at once rather than when their lease ends."""
        config = self.config
        replica = replica_id(config)
        token = f"{replica}:{run}:0"
        fetcher = Fetcher(timeout=config.polling.timeout_seconds, max_bytes=int(config.polling.max_body_mb * MEBIBYTE),
                          max_redirects=config.polling.max_redirects)  # fmt: skip
        poller = Poller(
            self.store, config.sources, fetcher, token=token, horizon_days=config.reference.horizon_days,
            default_timezone=config.display.timezone, observer=observer, workers=config.polling.workers,
            reading=Reading.configured(config.extract),
        )  # fmt: skip
        dead = [h for h in poller.states.holders() if take_back and h != token and dead_holder(h, replica)]
        if poller.states.release(dead):
            logger.warning("took back the source claims of a stopped run: %s", ", ".join(dead))
        return poller

    def roll_horizon(self) -> None:
        """Add recurring occurrences that entered the reference window (a no-op within the same day)."""
        if not self.config.seeds.load_on_start:
            return
        try:
            roll_horizon(self.store, **self._seed_options())
        except CalendarDaemonError as exc:  # a bad rule file edited under a running daemon: say so, keep serving
            logger.error("reference horizon not extended: %s", exc)

    def roll_horizon_periodically(self, stop: threading.Event, every_seconds: float = HORIZON_CHECK_SECONDS) -> threading.Thread:
        """A daemon thread that rolls the horizon every ``every_seconds`` until ``stop`` is set."""

        def run() -> None:
            while not stop.wait(every_seconds):
                self.roll_horizon()

        thread = threading.Thread(target=run, name="reference-horizon", daemon=True)
        thread.start()
        return thread


STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class EarlyStop:
    """Remembers SIGTERM/SIGINT and SIGHUP while the daemon is still starting, before its own handlers exist.

    Without it a stop request in that window killed the process by the signal (exit -15) instead
    of the clean stop (exit 0); :class:`DaemonServer` acts on a remembered one as soon as it serves.
    A SIGHUP (reload) killed it too, by default; a remembered one is applied once the reload
    handler is installed (:func:`_install_reload`).
    """

    def __init__(self) -> None:
        self.signum: int | None = None
        self.reload_requested = False
        if threading.current_thread() is threading.main_thread():
            for sig in STOP_SIGNALS:
                signal.signal(sig, self._record)
            signal.signal(signal.SIGHUP, self._record_reload)

    def _record(self, signum: int, _frame: FrameType | None) -> None:
        self.signum = signum

    def _record_reload(self, _signum: int, _frame: FrameType | None) -> None:
        self.reload_requested = True


class DaemonServer(uvicorn.Server):
    """uvicorn, plus systemd readiness, work started once listening (``on_ready``), and a clean exit
    (status 0) on SIGTERM/SIGINT.

    With a ``watchdog`` (alerts off, so no scheduler loop to feed it), the server's own main loop
    feeds systemd's watchdog.
    """

    def __init__(
        self,
        config: uvicorn.Config,
        watchdog: Watchdog | None = None,
        early: EarlyStop | None = None,
        on_ready: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(config)
        self.watchdog = watchdog
        self.early = early
        self.on_ready = on_ready

    async def on_tick(self, counter: int) -> bool:
        if self.watchdog is not None:
            self.watchdog.feed()
        return await super().on_tick(counter)

    async def startup(self, sockets: Any = None) -> None:
        await super().startup(sockets)
        if self.started:
            notify("READY=1")
            if self.on_ready is not None:
                self.on_ready()

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return

        def stop(signum: int, _frame: FrameType | None) -> None:
            logger.warning("received %s: stopping", signal.Signals(signum).name)
            notify("STOPPING=1")
            self.should_exit = True

        previous = {sig: signal.signal(sig, stop) for sig in STOP_SIGNALS}
        if self.early is not None and self.early.signum is not None:
            stop(self.early.signum, None)
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def start_alerts(runtime: Runtime, metrics: Metrics, channels: list[ResolvedChannel] | None = None) -> AlertService | None:
    """Start the scheduler with the channels (resolved here unless given; a bad one stops the start);
    None when alerts are off."""
    config = runtime.config
    if not config.channels:
        logger.warning("alerts are off: no [[channels]] in the configuration")
        return None
    channels = resolve_channels(config) if channels is None else channels
    metrics.declare_channels(c.name for c in channels)
    notifier = AppriseNotifier(channels, timeout=config.alerts.send_timeout_seconds)
    service = AlertService(config, runtime.store, notifier, metrics=metrics)
    service.start()
    return service


# What a SIGHUP applies to the running daemon: the routes read these through the app state on every
# request, the alert service re-plans with the new rules and channels. Anything else needs a restart.
RELOADED_OPTIONS = ("api.", "feeds")
RELOADED_WITH_ALERTS = ("alerts.", "channels", "alert_rules")
# Fixed when the alert service starts (its tick interval, send pool and channel timeouts).
RESTART_ONLY = ("alerts.tick_seconds", "alerts.send_workers", "alerts.send_timeout_seconds")


def reload_config(state: AppState, service: AlertService | None, config_path: str | None) -> None:
    """Read the config again and apply it: API and feed tokens at once, alert rules and channels at the
    next tick; the log names every changed option that only a restart applies. A bad file keeps the
    running configuration."""
    try:
        new = load_config(config_path)
        channels = resolve_channels(new) if service is not None else []
    except CalendarDaemonError as exc:
        logger.error("SIGHUP: configuration not reloaded: %s", exc)
        return
    changed = changed_options(state.config, new)
    reloaded = RELOADED_OPTIONS + (RELOADED_WITH_ALERTS if service is not None else ())
    restart = [key for key in changed if not key.startswith(reloaded) or key in RESTART_ONLY]
    state.config = new  # one attribute swap: each request sees the old or the new config, whole
    if service is not None:
        if isinstance(service.notifier, AppriseNotifier):
            service.notifier.replace_channels(channels)
        service.metrics.declare_channels(c.name for c in new.channels)
        service.request_reload(new)
    applied = [key for key in changed if key not in restart]
    logger.warning("SIGHUP: configuration reloaded; applied: %s", ", ".join(applied) or "nothing changed")
    if restart:
        logger.warning("SIGHUP: these changed options take effect only after a restart: %s", ", ".join(restart))


def _install_reload(
    state: AppState, service: AlertService | None, config_path: str | None, early: EarlyStop | None = None
) -> None:
    """SIGHUP: :func:`reload_config`. A SIGHUP that ``early`` recorded during start-up is applied now."""

    def reload(_signum: int, _frame: FrameType | None) -> None:
        reload_config(state, service, config_path)

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGHUP, reload)
    if early is not None and early.reload_requested:
        logger.warning("SIGHUP arrived while starting: applying it now")
        reload(signal.SIGHUP, None)


def bind_address(config: Config, host: str | None = None, port: int | None = None) -> tuple[str, int]:
    """Where the daemon listens: ``--host``/``--port`` over ``[server] host``/``port``."""
    return host or config.server.host, config.server.port if port is None else port


def listen(host: str, port: int) -> socket.socket:
    """Bind the listening socket, before anything slow, so a taken port stops the start at once.

    Raises :class:`CalendarDaemonError` naming the address and the way out.
    """
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0][0]
        return socket.create_server((host, port), family=family, backlog=2048)
    except socket.gaierror as exc:
        raise CalendarDaemonError(f"cannot listen on {host}:{port}: {exc.strerror}; set [server] host or pass --host") from None
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise CalendarDaemonError(f"port {port} on {host} is in use; set [server] port or pass --port") from None
        raise CalendarDaemonError(
            f"cannot listen on {host}:{port}: {exc.strerror}; set [server] host and port or pass --host and --port"
        ) from None


def serve(
    runtime: Runtime, host: str | None = None, port: int | None = None, config_path: str | None = None,
    early: EarlyStop | None = None, listener: socket.socket | None = None,
    channels: list[ResolvedChannel] | None = None,
) -> None:  # fmt: skip
    """Run the HTTP server and the alert scheduler in the foreground until SIGINT/SIGTERM.

    ``early``: the signal recorder installed when the start began (made here if not given).
    ``listener``: the socket :func:`listen` bound (bound here, before the seeds load, if not given).
    ``channels``: the channels :func:`resolve_channels` checked (checked here, before the seeds load,
    if not given): a bad configuration stops the start before anything is written.
    """
    config = runtime.config
    early = early or EarlyStop()
    bind_host, bind_port = bind_address(config, host, port)
    listener = listener or listen(bind_host, bind_port)
    bind_port = listener.getsockname()[1]
    if channels is None and config.channels:
        channels = resolve_channels(config)
    replica = replica_id(config)
    metrics = Metrics(replica)
    metrics.track_events(lambda: runtime.store.count(proposed=False))
    runtime.load_seeds()
    service = start_alerts(runtime, metrics, channels)
    state = AppState(config, runtime.store, runtime.feed, alerts=service, metrics=metrics, replica=replica)
    _install_reload(state, service, config_path, early)
    app = create_app(state)
    # The feed cache renders every event (~0.5 ms each) in the background once the socket listens, so
    # a large calendar does not delay READY; feed requests made meanwhile wait for it.
    server = DaemonServer(
        uvicorn.Config(
            app, host=bind_host, port=bind_port, log_config=None, access_log=False, server_header=False,
            http=bounded_protocol(config.server.header_timeout_seconds, config.server.max_connections),
            timeout_keep_alive=config.server.keep_alive_seconds,  # type: ignore[arg-type]  # float works
        ),
        watchdog=Watchdog() if service is None else None,  # with alerts on, the scheduler's tick feeds it
        early=early,
        on_ready=runtime.feed.warm_up_in_background,
    )
    logger.info("serving the feed at http://%s:%s/calendar.ics", bind_host, bind_port)
    drained = True
    stop_rolling = threading.Event()
    runtime.roll_horizon_periodically(stop_rolling)  # a long-running daemon keeps its reference window
    if config.sources:  # polled in a thread of its own: a slow or failing source never holds up the feed or alerts
        metrics.declare_sources(source.name for source in config.sources)
        runtime.poller(uuid.uuid4().hex[:8], metrics, take_back=True).run_in_background(stop_rolling)
    try:
        server.run(sockets=[listener])
    finally:
        listener.close()
        stop_rolling.set()
        if service is not None:
            drained = service.stop()
    if not drained:
        # A send is stuck on a slow channel; its alert was released and goes out after a restart.
        # Exit now rather than wait for the send thread (systemd would kill us after TimeoutStopSec).
        logger.warning("exiting with sends still in flight")
        logging.shutdown()
        os._exit(0)
