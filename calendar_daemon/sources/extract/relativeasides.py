"""A relative clause set off by dashes between a release and what is said of it:

    The June quarter wage price index - which indicates the pace of underlying inflation pressures in the labour
    market - due on Tuesday from the Australian Bureau of Statistics is tipped to show a moderation.

The aside ("which indicates …", "that measures …") explains the release; the day is said of the release. With the
aside in place the two lie too far apart to be read together, so the aside is taken out, the subject and its
day joined again."""

from __future__ import annotations

import re

# " - which … - ", " – that … – ", "—which …—": a relative word right after the first dash, no dash or full stop inside
_ASIDE = re.compile(r"(?P<open>[ \t]+[-–][ \t]+|[ \t]*—[ \t]*)(?:which|that|who)\b[^-–—.\n]{1,200}?(?P=open)")


def without_relative_asides(text: str) -> str:
    """``text`` with each dash-bounded relative aside replaced by a space."""
    return _ASIDE.sub(" ", text) if "which" in text or "that" in text or "who" in text else text
