"""An offer's timetable, in English: one step a row, each row ending in its date.

A rights issue, a placement or a share purchase plan prints its indicative timetable as rows of a step
and a full date, sometimes two or three rows run together on one line by the page's text export::

    Indicative Timetable for the Offer
    Entity announces Rights Issue Tuesday 2nd February 2031
    Record date (5.00pm WST) Tuesday 9th February 2031
    Opening Date Friday 12th February 2031 Closing Date* Thursday 25th February 2031
    Quotation of new shares Friday 4th March 2031

Under a heading that names a timetable (or key dates) of an offer, each step becomes a sentence of its
own, "Record date (5.00pm WST): rights issue step due on Tuesday 9th February 2031.", one corporate event on that
day (an IPO timetable's, "…: ipo step due on …", is the IPO's). The steps of an offer are events whatever their words,
which the sentence reader would not know as such. Other rows are left as they are.

A '|' table exported a cell a line puts each step over its time and day::

    General Meeting |
    10.30 a.m. on 12 September 2031 |

Such pairs are joined into one row ("General Meeting 12 September 2031 at 10.30 a.m."), and a run of at least three
of them that names an offer is its timetable even where the page has cut the heading off. A step's words are cut at
a word before :data:`STEP_CHARS`.
"""

from __future__ import annotations

import re

from .english import CLOCK_WORDS, FULL_DATE_WORDS

_DATE = re.compile(rf"{FULL_DATE_WORDS}(?:\s+at\s+{CLOCK_WORDS})?(?!\w)")
# a '|' table exported a cell a line: the step ("General Meeting |"), then its time and day ("10:30a.m. on 12 September 2031 |")
_PAIR_DAY = re.compile(rf"^\s*(?:by\s+)?(?:(?P<clock>{CLOCK_WORDS})\s+on\s+)?(?P<day>{FULL_DATE_WORDS})\s*\|\s*$", re.IGNORECASE)
_HEADING = re.compile(r"\b(?:timetable|key dates|important dates|indicative dates)\b", re.IGNORECASE)
_IPO = re.compile(r"\b(?:IPO|initial public offering)\b")
_OFFER = re.compile(r"\b(?:rights (?:issue|offer)|entitlement (?:offer|issue)|offer|placement|share purchase plan|"
                    r"renounceable|capital raising)\b", re.IGNORECASE)
_STEP_TITLE = re.compile(r"^(?:Rights issue|Offer|IPO): ")
# a row's clock between its step and its day ("Offer Closes 4:00 p.m. 12 August", "… by 5:00 p.m. 3 September")
_TAIL_CLOCK = re.compile(rf"\s*(?:\bby\s+|\bat\s+)?(?P<clock>{CLOCK_WORDS})$", re.IGNORECASE)
_ROW_NUMBER = re.compile(r"^\d{1,2}\s+(?=[A-Z])")  # "1 Offer Opens"
_MIN_ROWS = 3
STEP_CHARS = 120  # a step's words kept (titles are made of them)
_HEAD_LINES = 3  # lines between the heading and the first row
_LEAD_CHARS = 400


def _steps(line: str) -> list[tuple[str, str]] | None:
    """The (step, date) pairs of a row that ends in a date, or None."""
    found = list(_DATE.finditer(line))
    if not found or line[found[-1].end():].strip(" \t*"):
        return None
    steps, start = [], 0
    for m in found:
        step, day = line[start:m.start()].strip(" \t*:-–"), m.group(0)
        if (clock := _TAIL_CLOCK.search(step)) is not None and " at " not in day:  # "Offer Opens 9:00 a.m. 24 July 2031"
            step, day = step[:clock.start()].rstrip(" \t*:-–"), f"{day} at {clock['clock']}"
        if not (step := _ROW_NUMBER.sub("", step)):
            return None
        steps.append((step, day))
        start = m.end()
    return steps


def _short(step: str) -> str:
    """A step's words, cut at a word before :data:`STEP_CHARS` (a title is made of them)."""
    return step if len(step) <= STEP_CHARS else step[:step.rfind(" ", 0, STEP_CHARS)].rstrip(" ,(")


def different_steps(a: str, b: str) -> bool:
    """Whether the titles ``a`` and ``b`` are two steps of an offer's timetable (two steps of one day, "Lodgement
    of the offer document" and "Entity announces the rights issue", are two events)."""
    return a != b and _STEP_TITLE.match(a) is not None and _STEP_TITLE.match(b) is not None


def _paired_rows(lines: list[str]) -> tuple[list[str], list[int]]:
    """``lines`` with each two-line row of a '|' table joined into one ("General Meeting 12 September 2031 at
    10:30a.m."), and where the joined rows are."""
    out: list[str] = []
    joined: list[int] = []
    i = 0
    while i < len(lines):
        step = lines[i].rstrip()
        if (i + 1 < len(lines) and step.endswith("|") and not _DATE.search(step)
                and (m := _PAIR_DAY.match(lines[i + 1])) and (step := step.rstrip("| ").strip())):
            joined.append(len(out))
            out.append(f"{step} {m['day']}" + (f" at {m['clock']}" if m["clock"] else ""))
            i += 2
            continue
        out.append(lines[i])
        i += 1
    return out, joined


def _runs(rows: list[int]) -> list[list[int]]:
    """Runs of consecutive line numbers."""
    runs: list[list[int]] = []
    for i in rows:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _blocks(lines: list[str], joined: list[int]) -> list[tuple[str, list[int]]]:
    """(heading, rows) of each timetable: the rows under a heading that names one, and a run of joined '|' rows
    (whose heading the page may have cut off)."""
    blocks = [("", run) for run in _runs(joined)]
    for h, heading in enumerate(lines):
        if not _HEADING.search(heading) or len(heading) > 120:
            continue
        rows: list[int] = []
        for i in range(h + 1, len(lines)):
            if _steps(lines[i]) is not None:
                rows.append(i)
            elif lines[i].strip() and (rows or i - h > _HEAD_LINES):
                break
        blocks.append((heading, rows))
    return blocks


def offer_timetables(text: str) -> str:
    """The text with each step of an offer's timetable as a dated sentence of its own."""
    if not _HEADING.search(text) and "|" not in text:
        return text
    lines, joined = _paired_rows(text.split("\n"))
    out = list(lines)
    lead = text[:_LEAD_CHARS]  # the headline and the lead say whose timetable a bare "INDICATIVE TIMETABLE" is
    for heading, rows in _blocks(lines, joined):
        block = "\n".join([heading] + [lines[i] for i in rows])
        if len(rows) < _MIN_ROWS:
            continue
        if not (_OFFER.search(block) or _IPO.search(block)) and heading:
            block = f"{lead}\n{block}" if _IPO.search(lead) else block
        if not (_OFFER.search(block) or _IPO.search(block)):
            continue
        kind = "IPO" if _IPO.search(block) else ("Rights issue" if re.search(r"\brights\b", block, re.IGNORECASE) else "Offer")
        for i in rows:
            out[i] = " ".join(f"{_short(step)}: {kind.lower()} step due on {day}." for step, day in _steps(lines[i]) or [])
    return "\n".join(out)
