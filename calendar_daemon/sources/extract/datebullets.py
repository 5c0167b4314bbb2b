"""A name heading over a list of bare dates (issue 15, corpus 12 Chinese): a fund's schedule post gives each
kind of day as a heading line and its dates as bullets under it ("某ETF除息交易日" then "• 2031年2月18日",
"• 2031年5月19日"). Each bullet is that heading's event on its day, so the heading is written after every
date of its list ("• 2031年2月18日 某ETF除息交易日"). Without this, a bare date line was read with the
line after it, the next list's heading. Only bulleted full dates (with their year) alone on a line are taken:
a table exported one cell a line (a date line, then its name line) is another reader's."""

from __future__ import annotations

import re

_DATE_LINE = re.compile(r"^\s*[•·\-*]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
_HEADING = re.compile(r"^\s*(?P<name>[^\s•·*\-][^\n]{1,38}?)\s*[:：]?\s*$")
_HAS_DATE = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}")


def date_bullets(text: str, zh: bool) -> str:
    """The text with the heading over a list of bare full dates written after each of its dates."""
    if not zh or "年" not in text:
        return text
    lines = text.split("\n")
    heading: str | None = None
    for i, line in enumerate(lines):
        if _DATE_LINE.match(line):
            if heading is not None:
                lines[i] = f"{line.rstrip()} {heading}"
            continue
        h = _HEADING.match(line)
        heading = h["name"] if h and not _HAS_DATE.search(line) and i + 1 < len(lines) and _DATE_LINE.match(lines[i + 1]) else None
    return "\n".join(lines)
