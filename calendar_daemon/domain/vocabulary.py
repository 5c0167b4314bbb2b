"""The words of the calendar, declared once: event categories, statuses, source authorities, region
codes, and the alert ledger's row statuses and kinds.

The enums are ``StrEnum``: a member compares equal to its text, so stored rows, JSON and the feed carry
the same strings as before; the tuples list the values in their declared order for choices and messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum


class Category(StrEnum):
    """What kind of event it is (docs/event-format.md)."""

    CENTRAL_BANK = "central_bank"
    MACRO_DATA = "macro_data"
    LIQUIDITY = "liquidity"
    LOCKUP = "lockup"
    IPO = "ipo"
    EARNINGS = "earnings"
    BOND = "bond"
    POLICY = "policy"
    CORPORATE = "corporate"
    LEGAL = "legal"
    CONFERENCE = "conference"
    OTHER = "other"


class Status(StrEnum):
    """An event's status, as the feed's ``STATUS`` shows it."""

    CONFIRMED = "confirmed"
    TENTATIVE = "tentative"
    CANCELLED = "cancelled"


class Authority(StrEnum):
    """How far a source can be trusted; a higher :attr:`rank` wins a conflict."""

    OFFICIAL = "official"
    EXCHANGE = "exchange"
    NEWS = "news"

    @property
    def rank(self) -> int:
        return _AUTHORITY_RANKS[self]


_AUTHORITY_RANKS = {Authority.OFFICIAL: 3, Authority.EXCHANGE: 2, Authority.NEWS: 1}

CATEGORIES: tuple[str, ...] = tuple(c.value for c in Category)
STATUSES: tuple[str, ...] = tuple(s.value for s in Status)
AUTHORITIES: tuple[str, ...] = tuple(a.value for a in Authority)
AUTHORITY_RANK: dict[str, int] = {a.value: a.rank for a in Authority}
LIVE_STATUSES: tuple[str, ...] = (Status.CONFIRMED.value, Status.TENTATIVE.value)  # what digests and alerts list
PROPOSED = "proposed"  # a stored status only: an article's candidate waiting for review, in no feed or alert


def check_categories(values: Iterable[str]) -> None:
    """Raise ``ValueError`` naming the first value that is not a category, with the list to choose from."""
    unknown = [value for value in values if value not in CATEGORIES]
    if unknown:
        raise ValueError(f"unknown category {unknown[0]!r}; use one of {', '.join(CATEGORIES)}")

# A region code (CN, US, GLOBAL, EU-CORE...): 2 to 16 characters, a letter then letters, digits, '_' or '-'.
REGION_PATTERN = r"^[A-Za-z][A-Za-z0-9_-]*$"
REGION_MIN_LENGTH, REGION_MAX_LENGTH = 2, 16
_REGION_RE = re.compile(REGION_PATTERN)
# Regions a feed or list filter may name before any stored event has them (README "Events"); any other
# well-formed code is valid once an event in the feed has it. The list of regions stays open.
COMMON_REGIONS: tuple[str, ...] = ("CN", "HK", "US", "EU", "JP", "CA", "GLOBAL")



def is_region(text: str) -> bool:
    """True when ``text`` is a well-formed region code (any case)."""
    return REGION_MIN_LENGTH <= len(text) <= REGION_MAX_LENGTH and _REGION_RE.fullmatch(text) is not None


def check_regions(values: Iterable[str], stored: Iterable[str]) -> None:
    """Raise ``ValueError`` naming the first of ``values`` (upper-case codes) that is neither a common region
    nor one of ``stored`` (the regions events have), with the valid ones."""
    known = {*COMMON_REGIONS, *stored}
    unknown = [value for value in values if value not in known]
    if unknown:
        shown = sorted(known)
        listed = ", ".join(shown[:200]) + (f" and {len(shown) - 200} more" if len(shown) > 200 else "")
        raise ValueError(f"unknown region {unknown[0][:40]!r}; use one of {listed}")


# The alert ledger (store.models.AlertRow): a row's status, its kind, and the statuses that count as delivered.
LEDGER_STATUSES = ("planned", "sending", "sent", "failed", "late", "missed", "cancelled")
LEDGER_KINDS = ("alert", "moved", "cancelled", "missed_summary", "digest")
DELIVERED = ("sent", "late")

# The iCalendar properties an export carries for a lossless re-import, and the line that separates an
# event's own description from the facts the feed appends to it (the reader strips what follows).
X_PREFIX = "X-CALENDAR-DAEMON-"
DESCRIPTION_SEPARATOR = "\n\n———\n"
ASSUMED_END = "assumed"  # X-CALENDAR-DAEMON-END: the DTEND is start + an assumed length, not the source's


# An event's kind, from its tags and title: a press conference is not the decision it follows.
KIND_MARKERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("press-conference", ("press-conference", "press conference", "news conference", "新闻发布会", "记者会")),
    ("minutes", ("minutes", "纪要")),
)


def event_kind(title: str, tags: Iterable[str]) -> str:
    haystack = " ".join([title, *tags]).casefold()
    for kind, markers in KIND_MARKERS:
        if any(marker in haystack for marker in markers):
            return kind
    return "main"


# How long a timed event lasts when its source gives only the start, so a calendar draws a slot, not a
# line: a data release or minutes 15 minutes, a decision 30, a press conference, an earnings call or a
# conference session an hour.
_ASSUMED_MINUTES = {"press-conference": 60, "minutes": 15}
_ASSUMED_MINUTES_BY_CATEGORY: dict[str, int] = {
    Category.MACRO_DATA: 15, Category.LIQUIDITY: 15, Category.CENTRAL_BANK: 30, Category.EARNINGS: 60,
    Category.CONFERENCE: 60,
}  # fmt: skip
_ASSUMED_MINUTES_OTHERWISE = 30


def assumed_minutes(category: str, title: str, tags: Iterable[str]) -> int:
    """The length, in minutes, a timed event without an end is shown with (see above)."""
    kind = event_kind(title, tags)
    if kind in _ASSUMED_MINUTES:
        return _ASSUMED_MINUTES[kind]
    return _ASSUMED_MINUTES_BY_CATEGORY.get(category, _ASSUMED_MINUTES_OTHERWISE)
