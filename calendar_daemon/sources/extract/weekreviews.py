"""A weekly open-market note's review of the week that is ending, written before its preview of the next:

    本周,央行平稳进行500亿元逆回购操作,期间200亿元逆回购到期,实现300亿元净投放。

What the week's operations came to ("实现300亿元净投放", "净回笼") is a result, not a plan: the sentence names no
event to come. Such a sentence, with its week and no future word, is blanked before the sentences are read (a
layout reader below would otherwise hand its parts to the week one by one)."""

from __future__ import annotations

import re

_REVIEW = re.compile(r"(?:^|(?<=[。!?！？\n]))(?P<s>[^。!?！？\n]*(?:本周|本星期)[^。!?！？\n]*?(?:实现\S{0,12}?净(?:投放|回笼)|净(?:投放|回笼)了?\S{0,6}?亿元)"
                     r"[^。!?！？\n]*[。!?！？]?)")
_FUTURE = re.compile(r"将|预计|有望|计划|即将")


def without_week_reviews(text: str, zh: bool) -> str:
    """``text`` without the sentences that sum up the current week's operations."""
    if not zh or "净" not in text:
        return text
    return _REVIEW.sub(lambda m: m.group(0) if _FUTURE.search(m["s"]) else "", text)
