"""A preview's numbered items whose time opens the paragraph below (issue 15, corpus 15 Chinese shape S09):
"1) 美国消费者物价指数(CPI)" on its own line, then "北京时间周三20:30。美国通胀是否重新加速?…". The heading
names the release and the line below says only when; the line below is rewritten with the heading's name after
its time ("北京时间周三20:30 美国消费者物价指数(CPI)。…"), so that the sentence reader sees both together."""

from __future__ import annotations

import re

from .releases import placed_releases

# a numbered heading: "1) 名称", "2. 名称", "三、名称", short and without a sentence in it
_HEAD = re.compile(r"^[ \t]*(?:\d{1,2}\s?[).、]|[一二三四五六七八九十][、.])\s*(?P<name>[^\n。,，;；:：!?]{2,30}?)[ \t]*$")
# the line below opens with when: a zone word, a weekday or a day, and a clock
_WHEN = re.compile(r"^[ \t]*(?P<when>(?:北京时间|美东时间|本港时间|香港时间|台北时间|台湾时间)?\s*"
                   r"(?:周[一二三四五六日天]|星期[一二三四五六日天]|\d{1,2}月\d{1,2}日)?\s*(?:凌晨|上午|中午|下午|晚上|晚间)?\s*\d{1,2}[:：]\d{2})")
_DECISION = re.compile(r"决议|议息|决策|纪要|讲话|发布会|听证")


def numbered_heads(text: str, zh: bool) -> str:
    """The text with the time line under each numbered release heading carrying the heading's name."""
    if not zh or (")" not in text and "、" not in text and "." not in text):
        return text
    lines = text.split("\n")
    for i in range(len(lines) - 1):
        head = _HEAD.match(lines[i])
        if head is None or not (placed_releases(head["name"]) or _DECISION.search(head["name"])):
            continue
        nxt = next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k].strip()), None)
        if nxt is not None and (when := _WHEN.match(lines[nxt])) is not None:
            lines[nxt] = f"{when['when']} {head['name'].strip()}{lines[nxt][when.end():]}"
    return "\n".join(lines)
