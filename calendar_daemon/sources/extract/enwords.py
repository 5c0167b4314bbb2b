"""How the English layout readers write what they read back as a line: a month's name, and several names said
together ("Acme, Beta and Coral"), the forms the day and title readers take."""

from __future__ import annotations

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
# A month written in full or cut short, with or without a full stop ("Jun", "June", "Sept."), for a layout reader's pattern
MONTH_PATTERN = "(?:" + "|".join(m[:3] + (m[3:] and f"(?:{m[3:]})?") for m in MONTH_NAMES) + r")\.?"


def said_together(names: list[str]) -> str:
    """``["A"]`` -> "A"; ``["A", "B", "C"]`` -> "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
