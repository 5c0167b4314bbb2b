"""calendar-daemon: a calendar of market-moving dates."""

from __future__ import annotations
