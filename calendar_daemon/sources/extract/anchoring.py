"""What an article's relative dates count from: the zone of its wall-clock times, its publication time and,
in a week-ahead preview, the week it previews ("下周…", "Week Ahead: …", "Schedule for Week of December 7")."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from .compose import anchor_for, find_times
from .leads import week_opening
from .normalize import cjk_ratio, traditional_place
from .published import BEIJING, NEW_YORK, detect_published
from .releases import PLACE_ZONES
from .timematch import Anchor
from .vocabulary import Vocabulary

logger = logging.getLogger(__name__)

WEEK_AHEAD = Vocabulary(r"下周|下一周|未来一周|周前瞻|本周前瞻|本周看点|本周.{0,4}(?:日历|日志|事件|要闻)|本周.{0,2}(?:关注|焦点|重点)|财经日历|财经日志|"
                         r"周历|事件一览|week ahead|next week|coming week|week of|this week", re.IGNORECASE)


def week_ahead(headline: str, anchor: Anchor) -> date | None:
    """The Monday of the week a week-ahead headline previews, or None when it previews none."""
    if not WEEK_AHEAD.found(headline):
        return None
    for tm in find_times(headline, anchor):
        first = tm.resolved.first_day()
        if (tm.resolved.precision in ("week", "date") and tm.resolved.kind in ("point", "range")
                and first is not None and first >= anchor.today):
            return first + timedelta(days=1) if tm.resolved.precision == "date" and first.weekday() == 6 else first - timedelta(days=first.weekday())
    today = anchor.today
    if "下" in headline or today.weekday() >= 4:
        return today + timedelta(days=7 - today.weekday())
    return today - timedelta(days=today.weekday())


def article_zone(norm: str, text: str) -> str:
    """The zone of the article's wall-clock times when it names none: Hong Kong or Taipei for a
    Traditional-Chinese article from there, Beijing for other Chinese text, else New York."""
    zh = cjk_ratio(norm) >= 0.3
    return PLACE_ZONES.get((traditional_place(text) if zh else None) or "", BEIJING if zh else NEW_YORK)


def article_anchor(text: str, headline: str, published: datetime | None, zone: str) -> tuple[Anchor, bool]:
    """What the article's relative dates count from: its publication time (found in the text when not
    given, else now) and, in a week-ahead preview, the week it previews; and whether it is a guess (now)."""
    if published is None:
        published, _ = detect_published(text)
    guessed = published is None
    if published is None:
        published = datetime.now(ZoneInfo(zone))
        logger.debug("no publication time found; anchoring on now")
    plain = anchor_for(published, zone)
    return anchor_for(published, zone, week_ahead(headline, plain) or week_ahead(week_opening(text), plain)), guessed
