"""Early closes listed after one clock (issue 15, corpus 11 and 13 English): "They will close early, at 1 p.m. ET, on
three occasions: the day before Independence Day (Thursday, July 3); the day after Thanksgiving (Friday, Nov.
28); and Christmas Eve (Wednesday, Dec. 24)." is three early closes at 1 p.m. Each item is written as a line of
its own with its day and the clock ("Friday, Nov. 28, 1 p.m. ET: market early close."), the form the day and clock
readers take; before, only the first item had the clock. The item's name is not written: it may hold another day
("the day after Thanksgiving"). Items named by their holiday alone ("… at 2 p.m. ET on three more occasions: the day
after Thanksgiving, Christmas Eve and New Year's Eve") are written as "Market early close on Christmas Eve at 2 p.m.
ET.", which the named-holiday reader then dates; so are items in the sentence after the clock ("The remaining half
days this year are …")."""

from __future__ import annotations

import itertools
import re

_CLOCK = r"(?:1[0-2]|0?\d)(?::[0-5]\d)?\s?[ap]\.?m\.?(?:\s+(?:ET|EST|EDT|CT|GMT|BST))?"
# "close early, at 1 p.m. ET, on three occasions: …", "shut down early (at 2 p.m. ET) on three more occasions in 2024:
# …", or the items in the next sentence: "… close early (at 1 p.m. ET) on three occasions. The remaining half days
# this year are …"
_LEAD = re.compile(rf"\b(?:close[sd]?|shuts?\s+down)\s+early,?\s+\(?at\s+(?P<clock>{_CLOCK})\)?"
                   r"(?:[^.:\n]{0,60}:\s*|[^.\n]{0,80}\.\s+(?:The\s+)?(?:remaining\s+)?(?:half[- ]days|early (?:closes|closings))\b"
                   r"[^.\n]{0,40}?\bare\s+)(?P<items>[^\n]+)", re.IGNORECASE)
_MAX_ITEMS = 24  # a year's early closes are a handful; a longer run is no such list
_ITEM = re.compile(r"(?:and\s+)?(?P<name>[^;()]{3,60}?)\s*\((?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})\)")
# an item named by its holiday alone ("the day after Thanksgiving, Christmas Eve and New Year's Eve"): the closure
# reader for named holidays dates it
_NAMED = re.compile(r"\b(?:the day (?:after|before) (?:Thanksgiving|Independence Day)|Christmas Eve|New Year['’]s Eve|Black Friday)\b")


def early_close_lists(text: str) -> str:
    """The text with each early close of a list after one clock written as a line with that clock."""
    if "early" not in text:
        return text

    def lines(m: re.Match[str]) -> str:
        items = list(itertools.islice(_ITEM.finditer(m["items"]), _MAX_ITEMS))
        if len(items) >= 2:
            said = [f"{i['day']}, {m['clock']}: market early close." for i in items]
        else:
            named = list(itertools.islice(_NAMED.finditer(m["items"]), _MAX_ITEMS))
            if len(named) < 2:
                return m[0]
            market = "Bond market" if re.search(r"\bbond", m[0][:m.start("items") - m.start()], re.IGNORECASE) else "Market"
            said = [f"{market} early close on {n[0]} at {m['clock']}." for n in named]
        return m[0] + "\n" + "\n".join(said)

    return _LEAD.sub(lines, text)
