"""calendar-daemon: a calendar of market-moving dates, served as iCalendar and pushed as alerts."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
