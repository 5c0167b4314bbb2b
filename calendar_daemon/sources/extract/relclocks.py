"""Clocks said relative to the moment of writing (issue 15, corpus 3 shapes 7 and 13): "due at the
bottom of the hour" in a post written at 13:05 is 13:30; "今午截止招股" in an edition of that morning
is noon that day, local time; "明午" noon the next day."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from .resolved import Resolved
from .timematch import Anchor, TimeMatch

_HOUR = re.compile(r"\b(?:at\s+)?the\s+(?P<which>top|bottom)\s+of\s+the\s+hour\b", re.IGNORECASE)
_NOON = re.compile(r"(?P<day>今|明)(?:日|天)?(?:中午|午间|午(?![前后盘市餐饭休夜]))(?:\s?12时|\s?十二时)?")


def relative_clocks(text: str, a: Anchor) -> list[TimeMatch]:
    """Atoms for the next top or bottom of the hour after publication, and for today's or tomorrow's noon."""
    out: list[TimeMatch] = []
    if "午" not in text and "hour" not in text:
        return out
    for m in _HOUR.finditer(text):
        now = a.published.replace(second=0, microsecond=0)
        target = now.replace(minute=30 if m["which"].lower() == "bottom" else 0)
        if target <= now:
            target += timedelta(minutes=30 if m["which"].lower() == "bottom" and now.minute < 30 else 60)
            target = target.replace(minute=30 if m["which"].lower() == "bottom" else 0)
        res = Resolved(target, target, "datetime", timezone=str(a.published.tzinfo or "UTC"))
        out.append(TimeMatch(m.start(), m.end(), res, res, False, (target.year, target.month, target.day), {"relclock"}))
    for m in _NOON.finditer(text):
        day = a.today + timedelta(days=1 if m["day"] == "明" else 0)
        noon = datetime(day.year, day.month, day.day, 12, 0, tzinfo=ZoneInfo(a.tz))
        res = Resolved(noon, noon, "datetime", timezone=a.tz)
        out.append(TimeMatch(m.start(), m.end(), res, res, False, (day.year, day.month, day.day), {"relclock", "rel"}))
    return out
