"""Candidates proposed by a reader other than the rules (a language model): each must quote its
evidence verbatim from the article, and its date is read by the rules from that evidence alone, never
taken from the proposer."""

from __future__ import annotations

import logging
import re
from datetime import datetime

from calendar_daemon.domain.vocabulary import CATEGORIES

from . import classify as C
from . import confidence as K
from .anchoring import article_zone, week_ahead
from .candidate import Candidate
from .compose import anchor_for, find_times
from .engine import _candidate_span
from .entities import entities_of
from .headings import is_period
from .normalize import normalize
from .published import zone_region
from .regions import region_of
from .titles import tidy

logger = logging.getLogger(__name__)

MAX_TITLE = 60
_REGION = re.compile(r"[A-Z]{2}|GLOBAL")


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", normalize(text))


def quoted(evidence: str, article: str) -> bool:
    """Whether ``evidence`` is a verbatim quotation of the article (spacing and full-width forms aside)."""
    needle = _squeezed(evidence)
    return len(needle) >= 4 and needle in _squeezed(article)


def from_evidence(proposed: dict[str, object], article: str, published: datetime, tz: str | None = None) -> Candidate | None:
    """A candidate from a proposal ``{"title", "category", "region", "evidence"}`` whose evidence the
    article contains and dates by the rules; None when either fails."""
    evidence = str(proposed.get("evidence") or "").strip()
    if not evidence or not quoted(evidence, article):
        logger.info("proposal %r dropped: its evidence is not in the article", proposed.get("title"))
        return None
    norm_article, text = normalize(article), normalize(evidence)
    zone = tz or article_zone(norm_article, article)
    anchor = anchor_for(published, zone)
    anchor = anchor_for(published, zone, week_ahead(norm_article.split("\n", 1)[0], anchor))
    times = [t for t in find_times(text, anchor) if t.resolved.kind != "as_of" and not is_period(text, t)]
    span = next((s for t in times if (s := _candidate_span(t)) is not None), None)
    if span is None:
        logger.info("proposal %r dropped: its evidence gives no date", proposed.get("title"))
        return None
    tm = times[0]
    category = str(proposed.get("category") or "")
    if category not in CATEGORIES:
        category = C.category_of(text, text)
    region = str(proposed.get("region") or "")
    if not _REGION.fullmatch(region):
        region = region_of(text, default="CN" if zone == "Asia/Shanghai" else zone_region(zone))
    title = tidy(str(proposed.get("title") or ""), MAX_TITLE) or category
    return Candidate(title=title, category=category, region=region, importance=C.importance_of(category, text),
                     start=span[0], end=span[1], precision=span[2], timezone=tm.resolved.timezone,
                     entities=entities_of(text, category), evidence=evidence[:200], confidence=K.MODEL)
