"""Calendar-list lines that lean on the line before them: "同日，A、B、C亦会公布…" (the same day as the
item before) and a day of the month alone opening a list line ("24日：公司(代码)等发布业绩")."""

from __future__ import annotations

import logging
import re
from datetime import date

from . import resolved as P

logger = logging.getLogger(__name__)

_SAME_DAY = re.compile(r"^(?:同日|同一天|同一日|当日|当天|same day)\s*[,，:：]?\s*", re.IGNORECASE)
_BARE_DAY_LINE = re.compile(r"^(?P<d>[1-9]|[12]\d|3[01])\s*[日号]\s*(?P<wd>\(\s*(?:周|星期)[一二三四五六日天]\s*\))?\s*[:：]")


def _md(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def with_list_day(sentence: str, last_day: date | None, today: date) -> str:
    """The sentence with the day it leans on written out: "同日" becomes the day of the item before it,
    and a bare "24日：" the next such day of the month from the publication on."""
    if last_day is not None and (m := _SAME_DAY.match(sentence)):
        return f"{_md(last_day)}," + sentence[m.end():]
    if m := _BARE_DAY_LINE.match(sentence):
        d = int(m["d"])
        y, mo = today.year, today.month
        if d < today.day:
            nxt = P.add_months(date(y, mo, 1), 1)
            y, mo = nxt.year, nxt.month
        if P.valid_ymd(y, mo, d):
            return f"{_md(date(y, mo, d))}:" + sentence[m.end():]
    return sentence
