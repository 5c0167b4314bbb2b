"""A statistics office's schedule of upcoming releases, in English: a line a day, the day's releases under it.

An office's "Release schedule" or "Upcoming releases" page lists its coming publications by day, each a name and
its reference period, with the office's usual clock said once for all::

    Upcoming releases
    Releases are published in The Daily each working day at 8:30 a.m. Eastern.
    April 23
      Wholesale trade, February 2031
      (A. Person, 613-000-0000)
      Investment in building construction, February 2031

Each release is the office's, whatever its name (most name nothing the vocabulary knows as data): under such a
page each release line is said as the office's release on its day at the page's clock ("Statistics Canada releases
Wholesale trade on April 23 at 8:30 a.m. Eastern."). Contact lines, numbering and the media lockup tag are dropped.
"""

from __future__ import annotations

import re

from .agencyreleases import OFFICE_NAMES
from .english import CLOCK_WORDS, MONTH_WORD, WEEKDAY_WORD

_PAGE = re.compile(r"\b(?:release (?:schedule|calendar|dates)|upcoming releases)\b", re.IGNORECASE)
_OFFICE = re.compile(rf"\b(?P<office>{OFFICE_NAMES})\b")
# the office's clock for every release: "published … each working day at 8:30 a.m. Eastern"
_CLOCK = re.compile(rf"\b(?:each|every) (?:working |business )?day at (?P<clock>{CLOCK_WORDS})"
                    r"(?:\s+(?P<zone>Eastern|Central|Pacific|ET|GMT|UTC|BST|CET|CEST|AEST|AEDT|NZST|NZDT))?", re.IGNORECASE)
_DAY = re.compile(rf"^\s*(?:{WEEKDAY_WORD},?\s+)?(?P<day>{MONTH_WORD}\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?)\s*$")
# what a release line is not: a contact in brackets, a numbering with the lockup tag, a note
_NOT_RELEASE = re.compile(r"^\s*(?:\(.*\)|\d{1,2}\.\s*(?:\(lock-?up\))?|\(lock-?up\)|note\b.*|date modified.*)\s*$", re.IGNORECASE)
_TAG = re.compile(r"^\s*(?:\d{1,2}\.\s*)?\(lock-?up\)\s*", re.IGNORECASE)
_RELEASE = re.compile(r"^\s*[A-Z][\w ,'&()/-]{3,120}$")
_PERIOD = re.compile(rf",\s*(?:{MONTH_WORD}|(?:first|second|third|fourth) quarter|\d{{4}})[^,]*$")
_HEAD_CHARS = 800  # where the page says what it is


def release_schedules(text: str) -> str:
    """The text with each release line of an office's schedule said as the office's release on its day."""
    head = text[:_HEAD_CHARS]
    if not _PAGE.search(head) or not (office := _OFFICE.search(text)):
        return text
    clock = _CLOCK.search(text)
    at = f" at {clock['clock']}" + (f" {clock['zone']}" if clock["zone"] else "") if clock else ""
    out: list[str] = []
    day: str | None = None
    for line in text.split("\n"):
        if (m := _DAY.match(line)) is not None:
            day = m["day"]
            out.append("")
            continue
        item = _TAG.sub("", line)
        if day is None or not item.strip() or _NOT_RELEASE.match(item) or not _RELEASE.match(item):
            day = day if not line.strip() or _NOT_RELEASE.match(line) else None
            out.append(line)
            continue
        name = _PERIOD.sub("", item.strip())
        out.append(f"{office['office']} releases {name} on {day}{at}.")
    return "\n".join(out)
