"""Semicolon chains (issue 15, corpus 6 shape 4): one sentence names the event once, then lists further
dated links of it, parted by semicolons: "speeches by the Atlanta Fed's president on Monday; the
Richmond Fed's on Tuesday; and the Chicago Fed's on Wednesday", "the bank's second meeting takes
place on June 9-11; next meeting (August 12-14); last meeting (October 7-9)". A link read alone says
neither what happens (no event word) nor whose it is (no bank). Each link without them is written
with the head's event word and name as a label before it ("speeches, the Richmond Fed's on
Tuesday", "RBI, next meeting (August 12-14)"), which the sentence reader reads with the link.

The links of such a schedule run in order: when a later link writes its year ("sixth meeting
(February 4-6, 2020)"), the year-less links before it are counted back from it (December and October
before that February are in 2019), not read as the month-day nearest the publication day."""

from __future__ import annotations

import re

from . import classify as C
from .english import RE_MD, _mon

_WORD = re.compile(r"\w*")
# a link must name its own day: a weekday, a month, or a number
_DAYISH = re.compile(r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
                     r"|\d", re.IGNORECASE)
# where a sentence ends inside a line: a full stop and a capital after it
_END = re.compile(r"(?<=[a-z0-9)%])[.!?]\s+(?=[A-Z\"“])")
_CONJ = re.compile(r"(?:and|or)\s+")
_RANGE_END = re.compile(r"\s*[-\u2013]\s*\d{1,2}\b")
MIN_LINKS = 3
MAX_LINK = 90


def _name_of(category: str, head: str) -> str:
    """The word of the head that gives its category (the bank, the agency), "" when none."""
    for name, rx in C.CATEGORY_RULES:
        if name == category and (m := rx.search(head)) is not None:
            return m[0]
    return ""


def _labelled(head: str, links: list[str]) -> list[str]:
    trig = list(C.TRIGGER.rx.finditer(head))
    word = head[trig[-1].start():trig[-1].end()] + _WORD.match(head, trig[-1].end())[0] if trig else ""  # type: ignore[index]
    category = C.category_of(head, head)
    name = _name_of(category, head) if category != "other" else ""
    out = []
    for link in links:
        label = [name] if name and C.category_of(link, link) == "other" else []
        label += [word] if word and not C.TRIGGER.found(link) else []
        conj = _CONJ.match(link)  # "and the Dallas Fed's on Tuesday": the label replaces the "and"
        rest = link[conj.end():] if conj else link
        out.append(f"{' '.join(label)}, {rest}" if label else link)
    return out


def _with_years(links: list[str]) -> list[str]:
    """The links with the year of a later dated link written into the year-less month-days before it."""
    found = [(i, m) for i, link in enumerate(links) for m in RE_MD.finditer(link)]
    out = list(links)
    year, month = None, None
    for i, m in reversed(found):
        if m["y"] or m["ry"]:
            year, month = int(m["y"] or m["ry"]), _mon(m["mon"])
            continue
        if year is None or month is None:
            continue
        mo = _mon(m["mon"])
        year, month = (year - 1 if mo > month else year), mo
        end = r.end() if (r := _RANGE_END.match(out[i], m.end())) is not None else m.end()
        out[i] = f"{out[i][:end]}, {year}{out[i][end:]}"  # (later matches of the link were written first)
    return out


def _chain(line: str) -> str:
    parts = line.split("; ")
    if len(parts) < MIN_LINKS:
        return line
    starts = [m.end() for m in _END.finditer(parts[0])]
    lead, head = (parts[0][:starts[-1]], parts[0][starts[-1]:]) if starts else ("", parts[0])
    last_end = _END.search(parts[-1])
    tail = parts[-1][last_end.start():] if last_end else ""
    links = [*parts[1:-1], parts[-1][:last_end.start()] if last_end else parts[-1]]
    if (_DAYISH.search(head) is None
            or any(len(link) > MAX_LINK or _DAYISH.search(link) is None for link in links)):
        return line
    links = _labelled(head, _with_years(links))
    return lead + "; ".join([head, *links]) + tail


def semicolon_chains(text: str, zh: bool) -> str:
    """``text`` with the links of each English semicolon chain labelled with its head's event and name."""
    if zh or text.count("; ") < MIN_LINKS - 1:
        return text
    return "\n".join(_chain(line) if line.count("; ") >= MIN_LINKS - 1 else line for line in text.split("\n"))
