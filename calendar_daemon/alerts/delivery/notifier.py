"""Channels: resolve ``[[channels]]`` into apprise targets, and send through them.

A :class:`Notifier` is anything with ``send(channel, title, body)``; the scheduler only knows that
protocol. :class:`AppriseNotifier` is the real one: one :class:`apprise.Apprise` per channel and
thread, so parallel sends never share a connection.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import apprise

from calendar_daemon.config.sections import ENV_REFERENCE
from calendar_daemon.config.settings import Config, expand_env
from calendar_daemon.exceptions import ChannelError, ConfigError
from calendar_daemon.ops.redact import install_log_redaction, redact_url, register_expanded

logger = logging.getLogger(__name__)

DEFAULT_MAX_LENGTH = 4000


class SendError(Exception):
    """A send that did not go through; the message is already redacted."""


class Notifier(Protocol):
    def send(self, channel: str, title: str, body: str) -> None: ...

    def limits(self, channel: str) -> tuple[int, int]: ...


@dataclass(frozen=True)
class ResolvedChannel:
    name: str
    urls: tuple[str, ...]  # secret: never print
    display: str  # redacted, safe to show
    body_limit: int
    title_limit: int


def _load_config_file(path: str, where: str, source: str) -> list[str]:
    file = Path(path)
    if not file.is_file():
        raise ConfigError(f"{source}: {where}: apprise config file {path} not found")
    loader = apprise.AppriseConfig()
    if not loader.add(str(file)):
        raise ConfigError(f"{source}: {where}: cannot read apprise config file {path}")
    urls = [server.url(privacy=False) for server in loader.services()]  # type: ignore[no-untyped-call]
    if not urls:
        raise ConfigError(f"{source}: {where}: apprise config file {path} defines no usable URL")
    return urls


class _QuietWhileChecking(logging.Filter):
    """Drops apprise's records logged by a thread while it checks channel URLs (the caller reports the
    problem in its own words); records of other threads, such as a send's error, pass as usual. The
    apprise logger's level is never changed."""

    def __init__(self) -> None:
        super().__init__()
        self._local = threading.local()

    def filter(self, record: logging.LogRecord) -> bool:
        return not getattr(self._local, "depth", 0)

    @contextmanager
    def here(self) -> Iterator[None]:
        log = logging.getLogger("apprise")
        if self not in log.filters:
            log.addFilter(self)
        self._local.depth = getattr(self._local, "depth", 0) + 1
        try:
            yield
        finally:
            self._local.depth -= 1


quiet_apprise_here = _QuietWhileChecking().here


def resolve_channels(config: Config, timeout: float | None = None) -> list[ResolvedChannel]:
    """Expand ``${ENV}``, read apprise config files and check that apprise understands every URL.

    Errors name the config file and key and never contain the secret.
    """
    # apprise logs the URLs it sends to, and urllib3 (under it) the path of each request, at DEBUG
    install_log_redaction("apprise", "urllib3.connectionpool")
    resolved: list[ResolvedChannel] = []
    for index, channel in enumerate(config.channels):
        if channel.url:
            where = f"channels.{index}.url ({channel.name})"
            url = expand_env(channel.url, where=where, source=config.source)
            register_expanded(url)  # the URL and its secret-looking pieces, which apprise logs on their own
            for name in ENV_REFERENCE.findall(channel.url):
                register_expanded(os.environ[name])
            urls = [url]
            display = redact_url(url)
        else:
            where = f"channels.{index}.config_path ({channel.name})"
            urls = _load_config_file(channel.config_path, where, config.source)
            for url in urls:
                register_expanded(url)
            display = f"apprise config {channel.config_path}"
        body_limit, title_limit = DEFAULT_MAX_LENGTH * 8, 250
        for url in urls:
            with quiet_apprise_here():  # its own "Unparseable URL" line would come before our clean error
                plugin = apprise.Apprise.instantiate(url)
            if plugin is None:
                raise ConfigError(f"{config.source}: {where}: apprise cannot use the URL {redact_url(url)}")
            body_limit = min(body_limit, int(getattr(plugin, "body_maxlen", body_limit) or body_limit))
            title_limit = min(title_limit, int(getattr(plugin, "title_maxlen", title_limit) or title_limit))
        if channel.max_length is not None:
            body_limit = min(body_limit, channel.max_length)
        resolved.append(ResolvedChannel(channel.name, tuple(urls), display, body_limit, title_limit))
    return resolved


class AppriseNotifier:
    """Sends through apprise; ``send`` raises :class:`SendError` with a redacted reason."""

    def __init__(self, channels: Sequence[ResolvedChannel], timeout: float = 10.0) -> None:
        self.channels: Mapping[str, ResolvedChannel] = {c.name: c for c in channels}
        self.timeout = timeout
        self._local = threading.local()
        self._generation = 0

    def replace_channels(self, channels: Sequence[ResolvedChannel]) -> None:
        """Use these channels from the next send on (a reload): each send thread drops its cached apprise objects."""
        self.channels = {c.name: c for c in channels}
        self._generation += 1

    def _apprise(self, name: str) -> Any:
        cache: dict[str, Any] = getattr(self._local, "cache", None) or {}
        if getattr(self._local, "generation", 0) != self._generation:
            cache = {}
            self._local.generation = self._generation
        self._local.cache = cache
        if name not in cache:
            channel = self.channels.get(name)
            if channel is None:
                raise ChannelError(f"unknown channel {name!r}")
            instance = apprise.Apprise()
            for url in channel.urls:
                plugin = apprise.Apprise.instantiate(url)
                if plugin is None:
                    raise SendError(f"apprise cannot use {channel.display}")
                for attribute in ("socket_connect_timeout", "socket_read_timeout"):
                    if hasattr(plugin, attribute):
                        setattr(plugin, attribute, self.timeout)
                instance.add(plugin)
            cache[name] = instance
        return cache[name]

    def limits(self, channel: str) -> tuple[int, int]:
        found = self.channels[channel]
        return found.body_limit, found.title_limit

    def send(self, channel: str, title: str, body: str) -> None:
        instance = self._apprise(channel)
        try:
            ok = instance.notify(title=title, body=body, body_format=apprise.NotifyFormat.TEXT)
        except Exception as exc:  # noqa: BLE001 - any plugin failure is a failed send
            raise SendError(f"{type(exc).__name__} while sending to {self.channels[channel].display}") from None
        if not ok:
            raise SendError(f"apprise could not deliver to {self.channels[channel].display}")
