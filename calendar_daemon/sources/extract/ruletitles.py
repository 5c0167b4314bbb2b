"""Whether two rules taking effect on one day are one rule: the same rule said twice shares its name
("《办法》自6月1日起施行", "该办法6月1日起实施"); two rules of one day's list share at most the words that say they
take effect ("台铁订票时间延长" and "房地合一2.0版上路") and a word of their kind ("Savings Allowance", "Marriage
Allowance")."""

from __future__ import annotations

import re

_WORD_EN = re.compile(r"[A-Za-z][a-z]{3,}")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
# the words any rule's title may hold: when it starts, what it is, how it changes
_GENERIC = re.compile(r"施行|实施|实行|生效|上路|起跑|调整|新制|新规|规定|措施|政策|正式|开始|起|将|的|"
                      r"\b(?:takes?|taking|effect|force|comes?|coming|into|from|rules?|changes?|launch(?:es)?|starts?|"
                      r"rises?|falls?|new|will|with|that|this|their|policy)\b", re.IGNORECASE)


def _words(title: str) -> set[str]:
    rest = _GENERIC.sub(" ", title)
    words = {w.casefold() for w in _WORD_EN.findall(rest)}
    for run in _HAN.findall(rest):
        words.update(run[k:k + 2] for k in range(len(run) - 1))
    return words


def different_rules(a: str, b: str) -> bool:
    """Whether the titles ``a`` and ``b`` of two rules name different things: they share less than two words of
    their names, and less than the whole of the shorter name ("Savings Allowance" is not "Marriage Allowance";
    "办法" is "该办法")."""
    wa, wb = _words(a), _words(b)
    return bool(wa) and bool(wb) and len(wa & wb) < min(2, len(wa), len(wb))
