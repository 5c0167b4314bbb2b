"""Releases a dated clause goes on to list after it, in the same sentence and before any other date:
"周二迎来PMI数据日，法国、德国PMI先后公布，随后英国PMI跟进" dates each of those PMIs on Tuesday,
one candidate per release and place rather than one for the whole day."""

from __future__ import annotations

import re

from .releases import AFTER, Named, distinct, placed_releases, several

# the rest must say the releases come out, not recall them ("…都是反映经济增长的数据")
_COMES_OUT = re.compile(r"公布|发布|出炉|登场|跟进|释放|揭晓|\b(?:releases?|publish(?:es|ed)?|due|out)\b", re.IGNORECASE)
_JOINED = re.compile(r"以及|及|和|与|、")  # a list goes on with a conjunction
_JOIN_REACH = 40
# the rest goes on with the clause's own verb: "公布12月官方PMI,以及12月民间制造业PMI"
_GOES_ON = re.compile(r"\s*[,，]?\s*(?:以及|及|和|与)")
_REST_LIMIT = 240  # a list runs a few clauses on, not a paragraph
# "…数据将在本周公布,其中包括A,以及B": the clause announces some releases, the rest says which
_INCLUDES = re.compile(r"^\s*[,，:：]?\s*(?:其中(?:包括|包含|有)|包括|包含|涵盖|including|such as|among them)", re.IGNORECASE)


def continued(named: list[Named], rest: str, listing: bool = False) -> list[Named]:
    """``named`` (the dated clause's releases) with those ``rest`` lists: ``rest`` is the sentence after
    the clause up to the next date. Only when the dated clause names a release itself and the whole
    is several releases: ``continued([PMI], "，法国、德国PMI先后公布")`` is the French and German PMI.
``listing``: the dated clause already says they are the period's items (a week's focus), no verb needed."""
    rest = rest[:_REST_LIMIT]
    if not named:
        return _included(rest)
    more = placed_releases(rest)
    listing = listing and _JOINED.search(rest[:_JOIN_REACH]) is not None  # (a headline's next phrase is no list)
    if not more or not (listing or _COMES_OUT.search(rest) or _GOES_ON.match(rest)):
        return named
    shifted = [Named(n.start + AFTER, n.end + AFTER, n.release, n.text, n.place) for n in more]
    whole = distinct([*named, *shifted])
    return whole if (several(whole) or listing) and len(whole) > len(named) else named


def _included(rest: str) -> list[Named]:
    """The releases ``rest`` names when it opens by saying which ones a clause announced ("，其中包括英国CPI,以及美国
    零售销售"); none when it names fewer than two (one is the clause's own subject, not a list), or when all are one
    place's ("多项美国经济数据,包括A、B、C": a summary of that country's data, one event as the articles' readers
    count it)."""
    if _INCLUDES.match(rest) is None:
        return []
    more = distinct(placed_releases(rest))
    places = {place for n in more if (place := n.place or n.release.region)}
    if len(more) < 2 or len(places) < 2:
        return []
    return [Named(n.start + AFTER, n.end + AFTER, n.release, n.text, n.place) for n in more]
