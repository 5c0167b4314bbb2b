"""Releases listed in running Chinese prose, each after its clock (issue 15, corpus 11 Chinese): a day's
paragraph under its heading writes "北京时间 14:00 某国8月批发物价、17:00 某区7月贸易收支,若…" rather
than one row a line. A line with two clock-led items or more is cut before each of them, so that every item
becomes a clock row of its own, dated by the day heading above (the clock-row reader's lead). Only items whose
clock follows the start of the line, a "、", a comma, a semicolon or a colon (perhaps after "随后", when one such
item is enough), and whose text starts right after the clock, are cut; a clock inside a range ("9:30至11:30") or after a day word ("周二14:00") is not. What an
item's sentence goes on to suppose ("…,若数据好于预期,…") is put on a line of its own."""

from __future__ import annotations

import re
from itertools import pairwise

# a clock that leads an item: after the line's start or a separator, perhaps after "北京时间"/a day part
_LEADING_CLOCK = re.compile(
    r"(?:^|(?<=[、,，;；:：]))\s*(?=(?P<next>随后|之后|接着|其后)?\s*(?:北京时间|香港时间|本港时间)?\s*(?:凌晨|早上|上午|中午|下午|傍晚|晚上|晚间)?\s*"
    r"(?:[01]?\d|2[0-3])[:：][0-5]\d(?!\d)\s*(?![至到\-–~])[\u4e00-\u9fffA-Za-z])", re.MULTILINE)
_MIN_ITEMS = 2  # (one is enough when it says it comes next: "…9:30,某国公布房价;随后 10:00 发布的…")
_NEXT = re.compile(r"^(?:随后|之后|接着|其后)\s*")
_COMMENT = re.compile(r"[,，](?=\s*(?:若|如果|倘若|一旦|假如))")


def prose_clock_items(text: str, zh: bool) -> str:
    """The text with each line of several clock-led items cut into one line per item."""
    if not zh or (":" not in text and "：" not in text):
        return text
    out: list[str] = []
    for line in text.split("\n"):
        found = list(_LEADING_CLOCK.finditer(line))
        cuts = [m.start() for m in found]
        if len(cuts) < _MIN_ITEMS and not any(m["next"] and m.start() > 0 for m in found):
            out.append(line)
            continue
        bounds = [0, *cuts, len(line)] if cuts[0] > 0 else [*cuts, len(line)]
        parts = [_NEXT.sub("", line[a:b].strip()).rstrip("、,，;；") for a, b in pairwise(bounds)]
        # an item's comment ("…贸易收支,若顺差扩大,将…") goes on a line of its own: the item is no condition
        out.extend(q.strip() for p in parts for q in _COMMENT.split(p) if q.strip())
    return "\n".join(out)
