"""An IPO table with an opening and a closing date a row, flattened into one line by the page's text export:

    IPO Opening date Closing date IPO size Price band (per share) Acme Health May 6 May 8 ₹ 1841.76 crore ₹ 430-452
    Bolt Tek May 8 May 10 ₹ 1550.81 crore ₹ 875-920 …

After a header that names both dates, each "Name Mon D Mon D" is a company's subscription window. Each row is
written on a line of its own as a sentence, "Acme Health IPO will be open for subscription from May 6 to May 8.",
so that each deal is one event over its days."""

from __future__ import annotations

import re

from .enwords import MONTH_PATTERN

_HEADER = re.compile(r"\bOpen(?:ing|s)?(?: [Dd]ate)?\s+Clos(?:ing|es?)(?: [Dd]ate)?\b")
_NAME = r"[A-Z][\w&.'’\-]*(?: [A-Z(][\w&.'’()\-]*){0,5}"
_ROW = re.compile(rf"(?P<name>{_NAME}) (?P<open>{MONTH_PATTERN} \d{{1,2}}) (?P<close>{MONTH_PATTERN} \d{{1,2}})\b")
_NOT_NAME = re.compile(r"^(?:IPO|Opening|Closing|Price|Issue|Date|Size)\b")


def ipo_windows(text: str) -> str:
    """``text`` with each flattened row after an opening/closing-date header written as a sentence of its own."""
    if _HEADER.search(text) is None:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        head = _HEADER.search(line)
        if head is None:
            continue
        rows = [m for m in _ROW.finditer(line, head.end()) if not _NOT_NAME.match(m["name"])]
        if len(rows) < 2:
            continue
        said = [f"{m['name']} IPO will be open for subscription from {m['open']} to {m['close']}." for m in rows]
        lines[i] = "\n".join([line[:rows[0].start()].rstrip(), *said, line[rows[-1].end():].strip()]).rstrip()
    return "\n".join(lines)
