"""A diary's labelled row whose items are events of different kinds, in English: "Economics: construction
PMI, Bank of England rate announcement, inflation report" holds a data release and a central-bank
decision. The row is written as one row per kind, in the order the kinds come ("Economics: construction
PMI" / "Economics: Bank of England rate announcement, inflation report"), so that each kind is an
event of the row's day. An item of no kind of its own, or of a kind already given a row, goes with the
item before it ("inflation report" after the bank's decision is the bank's)."""

from __future__ import annotations

import re

from . import classify as C

_ROW = re.compile(r"^(?P<label>[A-Z][A-Za-z]+(?: [a-z]+)?): (?P<items>[^\n.;:!?]+(?:, [^\n.;:!?]+)+)$", re.MULTILINE)
_KINDS = ("macro_data", "central_bank")
_MIN_ITEMS = 3


def rows_by_kind(text: str) -> str:
    """The text with each labelled row of several kinds of event split into one row per kind."""
    if ": " not in text or ", " not in text:
        return text
    return _ROW.sub(_split, text)


def _split(m: re.Match[str]) -> str:
    items = m["items"].split(", ")
    if m.start() == 0 or len(items) < _MIN_ITEMS:  # a headline ("Week ahead: Fed, payrolls and tech") is no row
        return m.group(0)
    groups: list[tuple[str, list[str]]] = []
    for item in items:
        kind = C.category_of(item, item)
        if kind in _KINDS and not any(k == kind for k, _ in groups):
            if groups and groups[-1][0] == "":
                groups[-1] = (kind, groups[-1][1])
            else:
                groups.append((kind, []))
        elif not groups:
            groups.append(("", []))
        groups[-1][1].append(item)
    if len({kind for kind, _ in groups if kind}) < 2:
        return m.group(0)
    return "\n".join(f"{m['label']}: {', '.join(items)}" for _, items in groups)
