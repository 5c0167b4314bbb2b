"""A prose preview written one paragraph per day: the day's later items take the day the paragraph opens with.

A week preview in prose opens each day's paragraph with its day and goes on with more items in further
sentences, or in a paragraph of their own, without repeating the day (invented example)::

    周二(2月3日)某国宣布利率决议。某机构公布周度报告,投资者可观察持仓。
    某国公布职位空缺,该数据反映劳动力市场。
    澳洲利率决议引关注
    周三(2月4日)…

An item that opens a sentence with its subject and a publishing verb ("某机构公布…", "某国将发布…") and
names no day in that first clause (nor says it is done: "已公布", "公布的数据显示") is the day's: it is written with the paragraph's day in front. The
day carries over to the next paragraphs until a line that names another day or a heading (a line
without a sentence's end). Needs two day-led paragraphs, so a single dated paragraph lends nothing.
"""

from __future__ import annotations

import re

_LEAD = re.compile(r"^\s*(?P<day>(?:周|星期)[一二三四五六日天]\s*[(（]\s*\d{1,2}月\d{1,2}日\s*[)）])")
_LEADS = re.compile(_LEAD.pattern, re.MULTILINE)
_SENTENCE = re.compile(r"[^。!?！？]*[。!?！？]|[^。!?！？]+")
_ITEM = re.compile(r"^\s*[^,，。;；:：()（）\s]{1,12}?(?:将|会|亦|也)?(?:公布|发布|宣布|举行|召开)(?!的)")
_PAST = re.compile(r"已|曾|此前|昨|上周|日前")
_NAMES_DAY = re.compile(r"\d{1,2}\s*[月日号]|[周星期礼拜][一二三四五六日天末]|今[日天晚]|明[日天]|本周|下周|当[日天]")
_ENDS = "。!?！？"


def _with_day(sentence: str, day: str) -> str:
    first = re.split(r"[,，;；]", sentence, maxsplit=1)[0]
    if _ITEM.match(sentence) and not _NAMES_DAY.search(first) and not _PAST.search(first):
        return day + sentence.lstrip()
    return sentence


def day_paragraphs(text: str, zh: bool) -> str:
    """``text`` with the undated items of a day's paragraphs written with that day."""
    if not zh or "月" not in text or len(_LEADS.findall(text)) < 2:
        return text
    lines = text.split("\n")
    day: str | None = None
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        lead = _LEAD.match(line)
        if lead is not None:
            day = lead["day"]
            sentences = _SENTENCE.findall(line)
            lines[i] = sentences[0] + "".join(_with_day(s, day) for s in sentences[1:])
            continue
        if day is None:
            continue
        if line.rstrip()[-1:] not in _ENDS or _NAMES_DAY.search(re.split(r"[,，;；]", line, maxsplit=1)[0]):
            day = None if line.rstrip()[-1:] not in _ENDS else day
            continue
        lines[i] = "".join(_with_day(s, day) for s in _SENTENCE.findall(line))
    return "\n".join(lines)
