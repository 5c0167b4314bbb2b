""""That day" pointing back to the day a sentence opens with (issue 15, corpus 7 Chinese shape 13): "9月6日(周一)
为某国劳动节,某国股市将于当日休市一天" closes the market on 6 September. The day is written again where
"当日" stands, so that the clause with the event has its day."""

from __future__ import annotations

import re

_SAME_DAY = re.compile(
    r"(?P<day>(?<![\d年])\d{1,2}月\d{1,2}日(?:\((?:周|星期)[一二三四五六日天]\))?)(?P<mid>[^。;\d]{1,30}?,[^。;\d]{0,20}?(?:将于|将在|于|在))当[日天]"
)


def same_days(text: str, zh: bool) -> str:
    """The text with "将于当日" after a sentence's opening day written as that day."""
    if not zh or "当" not in text:
        return text
    return _SAME_DAY.sub(lambda m: f"{m['day']}{m['mid']}{m['day']}", text)
