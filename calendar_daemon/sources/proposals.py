"""From article text to proposed events: extraction and provenance (pure: nothing is stored here).

Each proposal keeps the article as its source (outlet, headline, publication time) and the phrase
its date came from as evidence; :mod:`calendar_daemon.intake.review` stores and reviews them.
"""

from __future__ import annotations

import hashlib
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from calendar_daemon.domain.periods import Precision
from calendar_daemon.domain.records import EventRecord, normalize
from calendar_daemon.domain.vocabulary import Authority, Status
from calendar_daemon.exceptions import InputError
from calendar_daemon.sources.extract import Candidate, detect_published, extract
from calendar_daemon.sources.extract.articles import split_articles
from calendar_daemon.sources.extract.learned import using_gate
from calendar_daemon.sources.extract.normalize import html_to_text, looks_like_html
from calendar_daemon.sources.model_reader import ModelReader, merge, reader_from

if TYPE_CHECKING:
    from calendar_daemon.config.sections import ExtractConfig


@dataclass
class Article:
    """One article to read: its text, where it came from, and when it was published."""

    text: str
    source: str
    headline: str
    outlet: str
    published: datetime


@dataclass
class Proposal:
    candidate: Candidate
    article: Article

    @property
    def uid(self) -> str:
        c = self.candidate
        key = "\x1f".join([c.category, c.start, c.end or "", ",".join(sorted(c.entities)), c.title])
        return f"ingest-{hashlib.sha256(key.encode()).hexdigest()[:20]}@calendar-daemon"

    def to_json(self) -> dict[str, Any]:
        return {**self.candidate.to_json(), "uid": self.uid, "source": self.article.source}


def _first_line(text: str) -> str:
    """The article's first line of text (of its visible text, for HTML: never markup)."""
    return next((line.strip() for line in _visible(text).splitlines() if line.strip()), "")[:300]


def _visible(text: str) -> str:
    return html_to_text(text) if looks_like_html(text) else text


def articles_in(text: str, source: str, published: datetime | None, outlet: str | None = None) -> list[Article]:
    """Split a page holding several dated articles; find each one's publication time and outlet
    (``outlet``, when given, is what the reader says it is)."""
    if not text.strip():
        raise InputError("no text to read", source=source)
    parts = split_articles(text) if published is None else []
    pieces = [(part.text, _first_line(part.headline)) for part in parts] if len(parts) > 1 else [(text, _first_line(text))]
    articles = []
    for body, headline in pieces:
        when, found = detect_published(body)
        when = published or when
        if when is None:
            raise InputError(
                "cannot find the publication time (no 'outlet· YYYY-MM-DD HH:MM' line, HTML meta tag or dateline); "
                "pass --published 2026-01-25T20:41+08:00",
                source=source,
            )
        articles.append(Article(body, source, headline, outlet or found or "unknown outlet", when))
    return articles


@dataclass(frozen=True)
class Reading:
    """How articles are read besides the rules: the learned model's second opinion on the dated mentions
    they pass over (``learned``), and a language model's proposals when one is configured (``reader``)."""

    learned: bool = True
    reader: ModelReader | None = None

    @classmethod
    def configured(cls, extract: ExtractConfig) -> Reading:
        """What the ``[extract]`` section asks for: the same for ``ingest`` and for polled sources."""
        reader = reader_from(extract.llm_url, extract.llm_model, extract.llm_api_key_env, extract.llm_timeout_seconds)
        return cls(learned=extract.learned, reader=reader)


DEFAULT_READING = Reading()  # the rules and the learned model, as `[extract]` has it by default


def propose(articles: list[Article], tz: str | None = None, reading: Reading = DEFAULT_READING) -> list[Proposal]:
    """The rules' candidates of each article (with the learned model's unless ``reading`` turns it off), and the
    language-model reader's added when one is configured."""
    proposals: list[Proposal] = []
    with nullcontext() if reading.learned else using_gate(None):
        for article in articles:
            candidates = extract(article.text, article.published, tz)
            if reading.reader is not None:
                candidates = merge(candidates, reading.reader.read(article.text, article.published, tz))
            proposals.extend(Proposal(candidate, article) for candidate in candidates)
    return proposals


def to_record(proposal: Proposal) -> EventRecord:
    c, article = proposal.candidate, proposal.article
    coarse = c.precision not in (Precision.DATETIME, Precision.DATE)
    moved = f" The article moves it from {c.rescheduled_from}." if c.rescheduled_from else ""
    data: dict[str, Any] = {
        "uid": proposal.uid, "title": c.title, "category": c.category, "region": c.region,
        "importance": c.importance, "entities": c.entities, "precision": c.precision, "timezone": c.timezone,
        "start": c.start, "end": c.end, "status": Status.TENTATIVE if coarse else Status.CONFIRMED,
        "description": f"Proposed from an article ({article.outlet}); confidence {c.confidence:.2f}.{moved}",
        "sources": [{
            "outlet": article.outlet, "headline": article.headline, "published": article.published.isoformat(),
            "evidence": c.evidence[:500], "authority": Authority.NEWS,
        }],
        "extra": {"confidence": c.confidence, "fiscal": c.fiscal, "rescheduled_from": c.rescheduled_from,
                  "mentions": c.mentions[:5]},
    }  # fmt: skip
    return normalize({k: v for k, v in data.items() if v is not None}, source=article.source, where=f"candidate {c.title!r}")


