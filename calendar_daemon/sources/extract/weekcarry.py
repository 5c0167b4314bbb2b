"""A week said in one sentence and the next sentence's undated releases (issue 15, corpus 12 Chinese): a
translated market preview names the week once ("下周，某国经济日程上没有官员讲话。") and lists what comes
in the next sentence without a date ("交易者将关注消费者物价指数数据，随后是生产者价格指数"), or adds to a
week's list ("本周数据密集……。此外某区和某国将公布采购经理人指数初值"). Such a sentence belongs to that
week: the week word is written at its start, after a linking word it opens with. Only a sentence with a
future word, no time of its own and an item the classifier takes for data, a bank or results is taken."""

from __future__ import annotations

import itertools
import re

from . import classify as C

_WEEK = re.compile(r"(?P<w>本周|下周|下星期|本星期)(?![一二三四五六日天末])")
# Any time of its own: a day, weekday, month, clock or relative day.
_OWN_TIME = re.compile(r"\d{1,2}\s?[日号月:]|[周星期][一二三四五六日天]|今[天日晚]|明[天日晚]|昨|上周|本月|下月|月底|月初|季度|年")
_LINK = re.compile(r"^(?:此外|另外|同时|与此同时|随后|接下来)\s?[,，]?\s?")
_FUTURE = re.compile(r"将|即将|会|有望|预计")
_KINDS = ("macro_data", "central_bank", "earnings")
_SENTENCE = re.compile(r"[^。!?！？\n]+[。!?！？]?")


def _carried(sentence: str, week: str) -> str | None:
    """``sentence`` with ``week`` written at its start, or None when it does not take the week."""
    body = sentence.strip()
    if (not body or _OWN_TIME.search(body) or _WEEK.search(body) or not _FUTURE.search(body)
            or C.category_of(body, body) not in _KINDS):
        return None
    link = _LINK.match(body)
    cut = link.end() if link else 0
    lead = sentence[: len(sentence) - len(sentence.lstrip())]
    return f"{lead}{body[:cut]}{week}{body[cut:]}"


def _line(line: str) -> str:
    parts = _SENTENCE.findall(line)
    if len(parts) < 2 or "".join(parts) != line:
        return line
    out = [parts[0]]
    for before, sentence in itertools.pairwise(parts):
        week = _WEEK.search(before)
        carried = _carried(sentence, week["w"]) if week else None
        out.append(carried if carried is not None else sentence)
    return "".join(out)


def week_carry(text: str, zh: bool) -> str:
    """The text with a week named in a sentence written into the next sentence's undated releases."""
    if not zh or ("本周" not in text and "下周" not in text and "星期" not in text):
        return text
    return "\n".join(_line(line) if "周" in line or "星期" in line else line for line in text.split("\n"))
