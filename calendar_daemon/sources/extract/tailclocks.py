"""List rows that end with their clock in brackets, under a day heading::

    02月05日
      • 某国央行利率决定(20:00)
      • 某国季调后失业率(%)(21:30)

Each such row is rewritten with its clock first ("20:00, 某国央行利率决定"), the clock-row shape the
clock-row reader dates from the heading above it; an as-of day after the row's place ("某区至2月5日某央行
存款机制利率", the figure's day) is no day of the row's own and is dropped (not a week's, "至1月31日当周"). Only a list is read so: two rows or more of the text
must end so, and a row with another clock or a date of its own is left alone."""

from __future__ import annotations

import re

_TAIL = re.compile(r"(?m)^(?P<lead>[ \t]*[•·\-*]?[ \t]*)(?P<item>[^\n:：]*?[^\s\d:：(（][^\n:：]*?)\s*[(（]"
                   r"(?P<h>[01]?\d|2[0-3])[:：](?P<m>[0-5]\d)[)）][ \t]*[;；。]?[ \t]*$")
_OWN_TIME = re.compile(r"\d{1,2}[:：]\d{2}|\d{1,2}\s*[点时]|[日号]\s*$")
# "某区至2月5日某央行存款机制利率": the figure's as-of day after the place, no day of the row's own
_AS_OF = re.compile(r"^(?P<place>[^\s\d]{1,6}?)至\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?!\s*(?:当周|当月|止))")
# the cheap test for a line's end, so the row pattern runs only on lines that end with a clock
_END = re.compile(r"[(（](?:[01]?\d|2[0-3])[:：][0-5]\d[)）][ \t]*[;；。]?[ \t]*$", re.M)
MIN_ROWS = 2


def _rows(text: str) -> list[re.Match[str]]:
    """The rows of ``text`` that end with their clock, the row pattern tried on those lines only."""
    found = []
    for end in _END.finditer(text):
        start = text.rfind("\n", 0, end.start()) + 1
        m = _TAIL.match(text, start, end.end())
        if m is not None and not _OWN_TIME.search(m["item"]):
            found.append(m)
    return found


def tail_clock_rows(text: str, zh: bool) -> str:
    """``text`` with its rows "name(HH:MM)" written "HH:MM, name"."""
    if not zh or "(" not in text:
        return text
    rows = _rows(text)
    if len(rows) < MIN_ROWS:
        return text
    out, pos = [], 0
    for m in rows:
        item = _AS_OF.sub(r"\g<place>", m["item"].strip())
        out += [text[pos:m.start()], f"{m['lead']}{int(m['h']):02d}:{m['m']}, {item}"]
        pos = m.end()
    return "".join(out) + text[pos:]
