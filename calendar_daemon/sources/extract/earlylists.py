"""Early closes listed after one clock (issue 15, corpus 11 English): "They will close early, at 1 p.m. ET, on
three occasions: the day before Independence Day (Thursday, July 3); the day after Thanksgiving (Friday, Nov.
28); and Christmas Eve (Wednesday, Dec. 24)." is three early closes at 1 p.m. Each item is written as a line of
its own with its day and the clock ("Friday, Nov. 28, 1 p.m. ET: market early close."), the form the day and clock
readers take; before, only the first item had the clock. The item's name is not written: it may hold another day
("the day after Thanksgiving")."""

from __future__ import annotations

import itertools
import re

_LEAD = re.compile(r"\bclose\s+early,?\s+at\s+(?P<clock>(?:1[0-2]|0?\d)(?::[0-5]\d)?\s?[ap]\.?m\.?(?:\s+(?:ET|EST|EDT|CT|GMT|BST))?)"
                   r"[^.:\n]{0,60}:\s*(?P<items>[^\n]+)", re.IGNORECASE)
_MAX_ITEMS = 24  # a year's early closes are a handful; a longer run is no such list
_ITEM = re.compile(r"(?:and\s+)?(?P<name>[^;()]{3,60}?)\s*\((?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})\)")


def early_close_lists(text: str) -> str:
    """The text with each early close of a list after one clock written as a line with that clock."""
    if "early" not in text:
        return text

    def lines(m: re.Match[str]) -> str:
        items = list(itertools.islice(_ITEM.finditer(m["items"]), _MAX_ITEMS))
        if len(items) < 2:
            return m[0]
        said = [f"{i['day']}, {m['clock']}: market early close." for i in items]
        return m[0] + "\n" + "\n".join(said)

    return _LEAD.sub(lines, text)
