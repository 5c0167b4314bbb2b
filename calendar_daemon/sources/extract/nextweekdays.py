"""Weekdays chained after a "next week" day share its week: "某市場下周四、周五停止交易" written in the week
of 22 December means Thursday and Friday of the next week (1 and 2 January), not the Friday of the
current week. The second and later weekdays of a chain ("下周四、周五", "下星期一及星期二",
"下周二至周三") are rewritten with the week word of the first ("下周四、下周五")."""

from __future__ import annotations

import re

_CHAIN = re.compile(r"(?P<week>下下周|下个?周|下个?星期|下个?礼拜)(?P<first>[一二三四五六日天](?:\s*(?:[、和及与至到]|以及)\s*"
                    r"(?:下下周|下个?周|下个?星期|下个?礼拜)[一二三四五六日天])*)(?P<sep>\s*(?:[、和及与至到]|以及)\s*)"
                    r"(?:周|星期|礼拜)(?=[一二三四五六日天])")


def next_week_chains(text: str, zh: bool) -> str:
    """The text with each weekday chained after a "下周X" carrying the same week word."""
    if not zh or "下" not in text:
        return text
    while True:
        new = _CHAIN.sub(lambda m: f"{m['week']}{m['first']}{m['sep']}{m['week']}", text)
        if new == text:
            return text
        text = new
