"""Whose hearing it is (issue 15, corpus 6 shape 1): a US week calendar lists several congressional
hearings, often two at the same hour ("The Senate Agriculture Committee holds a hearing … at 10 a.m. … The
House Ways and Means Committee holds a subcommittee hearing … at 10 a.m."). The committee is the
hearing's name, so that two hearings of one hour stay two events."""

from __future__ import annotations

import re

_COMMITTEE = re.compile(r"\b(?:House|Senate)\s+(?:[A-Z][\w&'\u2019]*\s+){0,4}(?:Committee|Subcommittee)\b")


def committees(text: str) -> list[str]:
    """The congressional committees ``text`` names, in order."""
    return [m[0] for m in _COMMITTEE.finditer(text)] if "ommittee" in text else []
