"""English dates that name no event day though an event word is near:

* a security's maturity ("$18 billion of ten-year notes, set to mature March 15th, 2036", "notes
  maturing June 30, 2031", "with a maturity date of May 2, 2030"): the auction is the event, the
  maturity years away is none (a maturity with no year, "reverse repos maturing on Monday", is a
  liquidity event and stays);
* the publication day's announcement told in the past ("Monday morning, the Treasury revealed the
  details of this week's auctions"): the day something was said, when it is today or before;
* the article's own contents announced for a period ("Here's what to watch this week", "The following
  are forecasts for next week's data", "Here is the list of holidays for 2028:"): the items come below,
  each with its own date; the period is none."""

from __future__ import annotations

import re
from datetime import date

from .timematch import TimeMatch

_MATURITY = re.compile(r"\b(?:matur(?:e|es|ing|ity)|redeemable)(?:\s+(?:date|on|in|of|at))*\s*$", re.IGNORECASE)
# "Tuesday evening, the Commerce Department said …": a weekday opening the sentence, then who said what
_TOLD = re.compile(r"^\s*(?:morning|afternoon|evening|night)?\s*,?\s*(?:the\s+)?[A-Z][\w.&'\- ]{0,50}?\s+"
                   r"(?:revealed|announced|said|unveiled|set out|published|released|disclosed|confirmed)\b")


def is_maturity(sentence: str, tm: TimeMatch) -> bool:
    """Whether ``tm`` is a security's maturity written with its year."""
    return tm.has_year and _MATURITY.search(sentence[max(0, tm.start - 40): tm.start]) is not None


def is_told_today(sentence: str, tm: TimeMatch, today: date) -> bool:
    """Whether ``tm`` opens the sentence as the day (today or before) on which something was said."""
    first = tm.resolved.first_day()
    return (first is not None and first <= today and not sentence[: tm.start].strip(" \"'")
            and _TOLD.match(sentence[tm.end:]) is not None)


_SELF = re.compile(r"^\W*(?:here's|here is|here are|the following|what's happening|what to (?:watch|expect)|below (?:is|are))\b",
                   re.IGNORECASE)


def is_own_contents(sentence: str, tm: TimeMatch) -> bool:
    """Whether ``tm`` is the period of a sentence announcing what the article lists."""
    return tm.resolved.precision in ("week", "month", "year") and _SELF.match(sentence) is not None
