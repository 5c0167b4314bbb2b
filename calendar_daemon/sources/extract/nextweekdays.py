"""Weekdays chained after a "next week" day share its week: "某市場下周四、周五停止交易" written in the week
of 22 December means Thursday and Friday of the next week (1 and 2 January), not the Friday of the
current week. The second and later weekdays of a chain ("下周四、周五", "下星期一及星期二",
"下周二至周三") are rewritten with the week word of the first ("下周四、下周五").

So are bare weekdays later in a sentence that names its week first: "本周央行每日进行逆回购操作,其中,周一至周三
无逆回购到期" is about this week's Monday to Wednesday (past on a Friday), "下周共有600亿元逆回购到期,周一到期200亿元"
about the next week's Monday, whatever day the article is written on."""

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


# A week said alone ("本周", "下周", not "本周三"), then bare weekdays of the same sentence
_FRAME = re.compile(r"(?P<week>本周|下周|本星期|下星期)(?![一二三四五六日天末])")
_BARE_WEEKDAY = re.compile(r"(?<![本下上这這])(?:周|星期)(?=[一二三四五六日天])")
_SENTENCE = re.compile(r"[^。!?！？\n]+")


def framed_weekdays(text: str, zh: bool) -> str:
    """The text with each bare weekday after a sentence's own "本周" or "下周" carrying that week word."""
    if not zh or ("本周" not in text and "下周" not in text and "星期" not in text):
        return text
    return _SENTENCE.sub(_framed, text)


def _framed(m: re.Match[str]) -> str:
    sentence = m.group(0)
    frames = list(_FRAME.finditer(sentence))
    if not frames:
        return sentence
    out, pos = [], 0
    for k, frame in enumerate(frames):
        end = frames[k + 1].start() if k + 1 < len(frames) else len(sentence)
        week = frame["week"][0] + "周"  # "本周", "下周"
        out.append(sentence[pos:frame.end()])
        out.append(_BARE_WEEKDAY.sub(week, sentence[frame.end():end]))
        pos = end
    return "".join(out)
