"""A day that "has" a release, without a release verb: a week-ahead in prose names each item with the
existential 有 after its day ("周三有某國第2季經濟增長修訂", "今晚有上月某銷售數字"), often chaining more
items on one day with an adverb ("周三亦會有某指數", "周四還會有某採購經理指數", "同樣於星期二有某城市樓價
指數"). Each such item is a release on that day: its 有 is read as 公布, so the day's sentence dates it like
"周三公布…". Only an item the classifier takes for data, a bank or results (or a release the gazetteer
names) is read: "周二有雨", "周三有望反彈" stay as they are."""

from __future__ import annotations

import re

from . import classify as C
from .releases import releases_in
from .vocabulary import led_by

_DAY = r"(?:今晚|今日|今天|明天|明日|明晚|(?:本|下)?(?:周|星期|礼拜)[一二三四五六日天])"
_HAS = led_by("同今明本下周星礼", rf"(?:同样于)?(?P<head>{_DAY})\s*(?:亦|还|也|同样)?\s*(?:会|将)?有(?![望所关些可机消报传人])"
                  r"(?P<item>[^,，。;；!！?？\n]{2,40})")
_KINDS = ("macro_data", "central_bank", "earnings")


def _release(m: re.Match[str]) -> str:
    item = m["item"]
    if C.category_of(item, item) in _KINDS or releases_in(item):
        return f"{m['head']}公布{item}"
    return m[0]


def day_has_items(text: str, zh: bool) -> str:
    """The text with each "<day>(亦/還)(會)有 <data item>" read as a release of the item on that day."""
    if not zh or "有" not in text:
        return text
    return _HAS.sub(_release, text)
