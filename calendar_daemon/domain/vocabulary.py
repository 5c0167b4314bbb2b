"""The words of the calendar, declared once: event categories, statuses and source authorities."""

from __future__ import annotations

CATEGORIES = (
    "central_bank", "macro_data", "liquidity", "lockup", "ipo", "earnings",
    "bond", "policy", "corporate", "legal", "conference", "other",
)  # fmt: skip
STATUSES = ("confirmed", "tentative", "cancelled")
AUTHORITIES = ("official", "exchange", "news")
AUTHORITY_RANK = {"official": 3, "exchange": 2, "news": 1}

# The iCalendar properties an export carries for a lossless re-import, and the line that separates an
# event's own description from the facts the feed appends to it (the reader strips what follows).
X_PREFIX = "X-CALENDAR-DAEMON-"
DESCRIPTION_SEPARATOR = "\n\n———\n"
