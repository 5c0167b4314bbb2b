"""The exceptions calendar-daemon raises.

Every error the user can cause derives from :class:`CalendarDaemonError`; the CLI turns those
into a one-line message and a non-zero exit, never a traceback::

    CalendarDaemonError          anything calendar-daemon raises on purpose
    ├── Error                    a problem with one input; the command stops, nothing is stored
    │   ├── InputError           a bad file, record or field (names the file and the record/line)
    │   ├── ValidationError      an event record that breaks the rules of the event model
    │   ├── NotFoundError        a uid, channel or feed that does not exist
    │   └── FetchError           a polled source that cannot be fetched (network, HTTP status, timeout, size)
    └── FatalError               the daemon or command cannot run at all
        ├── ConfigError          a bad config file, key or value (names the file and the key)
        ├── DatabaseError        the database cannot be opened, or its schema is out of date
        └── ChannelError         a notification channel cannot be set up
"""

from __future__ import annotations


class CalendarDaemonError(Exception):
    """Base class of every error calendar-daemon raises on purpose."""


class Error(CalendarDaemonError):
    """A problem with one input: the command stops and stores nothing."""


class InputError(Error):
    """A file, record or field that cannot be read; the message names where it is."""

    def __init__(self, message: str, *, source: str | None = None, where: str | None = None) -> None:
        self.source = source
        self.where = where
        prefix = ""
        if source:
            prefix = f"{source}: "
            if where:
                prefix = f"{source}: {where}: "
        elif where:
            prefix = f"{where}: "
        super().__init__(prefix + message)


class ValidationError(InputError):
    """An event record that breaks the rules of the event model."""

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        where: str | None = None,
        field_errors: list[tuple[str, str]] | None = None,
    ) -> None:
        self.field_errors = field_errors or []
        super().__init__(message, source=source, where=where)


class NotFoundError(Error):
    """A uid, channel or feed that does not exist."""


class FetchError(Error):
    """A polled source that cannot be fetched: a network error, an HTTP error status, a timeout or a
    body over the size limit; the message names the URL."""


class FatalError(CalendarDaemonError):
    """The daemon or command cannot run at all."""


class ConfigError(FatalError):
    """A bad config file, key or value; the message names the file and the key."""


class DatabaseError(FatalError):
    """The database cannot be opened or its schema is out of date."""


class ChannelError(FatalError):
    """A notification channel cannot be set up."""
