"""Chinese numerals and weekday names used by the time recognisers."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9}

CN_DIGITS = "〇零一二两三四五六七八九十"  # the characters of a Chinese numeral
CN_NUM = f"[{CN_DIGITS}]{{1,3}}"
NUM = rf"(?:\d{{1,3}}|{CN_NUM})"
WEEKDAYS_CN = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 5}


def cn_int(token: str) -> int | None:
    """Parse ``12``, ``十二``, ``二十一``, ``两``, ``二〇二六`` -> int (None if not a number)."""
    token = token.strip()
    if not token:
        return None
    if token.isdigit():
        return int(token)
    if "十" not in token:
        if all(ch in _DIGITS for ch in token):
            value = 0
            for ch in token:
                value = value * 10 + _DIGITS[ch]
            return value
        return None
    head, _, tail = token.partition("十")
    if (head and head not in _DIGITS) or (tail and tail not in _DIGITS) or len(tail) > 1:
        return None
    tens = _DIGITS[head] if head else 1
    return tens * 10 + (_DIGITS[tail] if tail else 0)
