"""An optional language-model reader: any OpenAI-compatible chat-completions endpoint (a local
Ollama, vLLM or llama.cpp server, or a hosted one) proposes candidates as JSON.

The model never decides a date. Each proposal must quote its evidence verbatim from the article (else
it is dropped), the rules read the date from that evidence alone, and what the rules found already is
kept as the rules found it. A slow, failing or garbled endpoint costs its timeout and nothing else:
the rules' candidates stand.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx

from calendar_daemon.domain.vocabulary import CATEGORIES
from calendar_daemon.sources.extract import Candidate
from calendar_daemon.sources.extract.evidence import from_evidence

logger = logging.getLogger(__name__)

MAX_ARTICLE_CHARS = 24_000  # what is sent of one article
MAX_PROPOSALS = 200

# The schema the model answers in (sent with the request, and checked on the answer).
SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"events": {"type": "array", "items": {
        "type": "object",
        "properties": {
            "title": {"type": "string", "description": "short: who + what kind of event"},
            "category": {"type": "string", "enum": list(CATEGORIES)},
            "region": {"type": "string", "description": "ISO country code, EU or GLOBAL"},
            "evidence": {"type": "string", "description": "the article's own words that give the date, copied exactly"},
        },
        "required": ["title", "category", "evidence"],
    }}},
    "required": ["events"],
}  # fmt: skip

INSTRUCTIONS = (
    "You read a financial news article and list the scheduled, upcoming events it dates: data releases, "
    "central-bank decisions, listings, lock-up expiries, earnings dates, bond repayments, policies taking "
    "effect, conferences, market holidays. Leave out past facts and market moves. Answer with JSON only, "
    "matching this schema: " + json.dumps(SCHEMA, ensure_ascii=False) + ". The evidence must be copied "
    "character for character from the article and must contain the date or day of the event."
)


@dataclass(frozen=True)
class ModelReader:
    """Where the model is and how to ask it (``[extract] llm_*`` in the configuration)."""

    url: str
    model: str
    api_key: str | None = None
    timeout: float = 30.0

    @property
    def endpoint(self) -> str:
        base = self.url.rstrip("/")
        return base if base.endswith("/chat/completions") else base + "/chat/completions"

    def ask(self, text: str) -> list[dict[str, Any]]:
        """The model's proposals for one article; [] when the endpoint fails or answers nonsense."""
        body = {"model": self.model, "temperature": 0, "response_format": {"type": "json_object"},
                "messages": [{"role": "system", "content": INSTRUCTIONS},
                             {"role": "user", "content": text[:MAX_ARTICLE_CHARS]}]}  # fmt: skip
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        try:
            response = httpx.post(self.endpoint, json=body, headers=headers, timeout=self.timeout)
            response.raise_for_status()
            content = response.json()["choices"][0]["message"]["content"]
            events = json.loads(_unfenced(content))["events"]
        except httpx.HTTPError as exc:
            logger.warning("language-model reader at %s failed: %s; using the rules alone", self.endpoint, exc)
            return []
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            logger.warning("language-model reader at %s answered no valid JSON (%s); using the rules alone", self.endpoint, exc)
            return []
        if not isinstance(events, list):
            logger.warning("language-model reader at %s answered no list of events", self.endpoint)
            return []
        return [e for e in events[:MAX_PROPOSALS] if isinstance(e, dict)]

    def read(self, text: str, published: datetime, tz: str | None = None) -> list[Candidate]:
        """Candidates from the model's proposals that quote the article and that the rules can date."""
        found = [c for proposal in self.ask(text) if (c := from_evidence(proposal, text, published, tz)) is not None]
        logger.info("language-model reader: %s candidates kept", len(found))
        return found


def _unfenced(content: str) -> str:
    """The JSON inside a ```json fence, which some models add although asked not to."""
    text = content.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
        text = text.rsplit("```", 1)[0]
    return text


def reader_from(url: str, model: str, api_key_env: str, timeout: float) -> ModelReader | None:
    """The configured reader, or None when ``url`` is empty (the default: rules alone)."""
    if not url:
        return None
    return ModelReader(url, model, os.environ.get(api_key_env) if api_key_env else None, timeout)


def merge(rules: list[Candidate], model: list[Candidate]) -> list[Candidate]:
    """The rules' candidates, and the model's that none of them already covers: one of the same
    category on the same day, or any on that day quoting the same words."""
    out = list(rules)
    for c in model:
        day = c.start[:10]
        if not any(o.start[:10] == day and (o.category == c.category or _same_words(o, c)) for o in out):
            out.append(c)
    return out


def _same_words(a: Candidate, b: Candidate) -> bool:
    pa, pb = ({t[i:i + 3].casefold() for i in range(len(t) - 2)} for t in (a.evidence, b.evidence))
    return bool(pa and pb) and len(pa & pb) >= min(len(pa), len(pb)) // 2
