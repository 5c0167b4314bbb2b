"""A preview's commentary lines under its items:

    周二(4月22日)
    某央行副主席讲话(21:00)
    关键点:…将在峰会上发表讲话,市场关注其…;若释放鸽派信号,或加剧市场波动。
    市场影响:若会议释放协调应对信号,可能缓解避险情绪…

A line that opens with an analyst's label ("关键点:", "背景:", "市场影响:", "潜在波动:") explains the item above it:
what it may show, what it may move, what led to it. Its days and verbs are the item's again or no event at all, so
under a day heading it would add the item twice, or a "policy" made of a market's worry. Where a text has two or
more such lines, they are blanked (their line count kept)."""

from __future__ import annotations

import re

_LABELS = ("关键点", "关注点", "背景", "核心议题", "市场影响", "潜在影响", "潜在波动", "影响", "解读", "市场解读", "分析",
           "点评", "逻辑", "风险提示", "交易逻辑", "交易策略", "操作建议")
_NOTE_LINE = re.compile(r"^[ \t]*(?:[-•·*][ \t]*)?(?:" + "|".join(sorted(_LABELS, key=len, reverse=True)) + r")[ \t]*[:：]", re.MULTILINE)


def without_comment_lines(text: str) -> str:
    """``text`` with its commentary lines blanked when it has two or more of them; else as it is."""
    if len(_NOTE_LINE.findall(text, 0, 200_000)) < 2:
        return text
    return "\n".join("" if _NOTE_LINE.match(line) else line for line in text.split("\n"))
