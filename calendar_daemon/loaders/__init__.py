"""Reading event files: YAML, JSON, CSV and iCalendar, all validated through :mod:`records`."""

from __future__ import annotations

from calendar_daemon.loaders.files import SUPPORTED_SUFFIXES, read_event_file, read_event_files

__all__ = ["SUPPORTED_SUFFIXES", "read_event_file", "read_event_files"]
