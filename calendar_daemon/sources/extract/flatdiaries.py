"""A week's diary flattened into one paragraph by the page's text export:

    … due to take place in the week beginning June 13: Monday June 13 07:00: ONS: GDP monthly estimate.
    16:00: Public accounts committee: … Tuesday June 14 07:00: ONS: Latest unemployment figures. 07:00:
    Finals: Acme, Bolt. …

Each day opens with its weekday and date straight before a clock and a colon, and each further item of the
day opens with its clock and a colon after the previous item's full stop. Where a line holds two or more such
day openers, each day goes on a paragraph of its own, its date on a line of its own and every item on its own
line after it, as a diary with line breaks would have them; the day and clock readers then read the rows."""

from __future__ import annotations

import re

from .enwords import MONTH_PATTERN

_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_CLOCK_COLON = r"(?:[01]?\d|2[0-3])[:.][0-5]\d:[ \t]"
# "Monday June 13 07:00:", "Tuesday 14 June 07:00:", "Wednesday, June 15, 07:00:"
_DAY_OPENER = re.compile(rf"\b({_WEEKDAY},?[ \t]+(?:{MONTH_PATTERN}[ \t]+\d{{1,2}}|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{MONTH_PATTERN}),?)"
                         rf"[ \t]+(?={_CLOCK_COLON})")
# A later item of the day: its clock and colon after the full stop that ends the item before it
_NEXT_ITEM = re.compile(rf"(?<=[.!?])[ \t]+(?={_CLOCK_COLON})")


def flat_diary_lines(text: str) -> str:
    """``text`` with each flattened diary line broken into days and items; other lines as they are."""
    if len(_DAY_OPENER.findall(text)) < 2:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        openers = list(_DAY_OPENER.finditer(line))
        if len(openers) < 2:
            continue
        head, days = line[:openers[0].start()].rstrip(), []
        for k, m in enumerate(openers):
            end = openers[k + 1].start() if k + 1 < len(openers) else len(line)
            days.append(m[1] + "\n" + _NEXT_ITEM.sub("\n", line[m.end():end].rstrip()))
        lines[i] = "\n\n".join(([head] if head else []) + days)
    return "\n".join(lines)
