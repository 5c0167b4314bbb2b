"""The items of an RSS 2.0 or Atom feed (feedparser), each with what an article needs. Pure: the
caller fetches the feed and, for an item that carries only a summary, its link."""

from __future__ import annotations

import calendar
import hashlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser

from calendar_daemon.exceptions import InputError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedItem:
    """One entry: its stable key (GUID, else link, else a hash of title and text), link, title,
    publication time, text (HTML or plain) and whether that text is the whole article."""

    key: str
    link: str
    title: str
    published: datetime | None
    text: str
    full: bool


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    items: list[FeedItem]


def _when(entry: Any) -> datetime | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(name)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    return None


def _item(entry: Any) -> FeedItem:
    link = str(entry.get("link") or "")
    title = str(entry.get("title") or "")
    contents = entry.get("content") or []
    full_text = "\n".join(str(part.get("value") or "") for part in contents).strip()
    summary = str(entry.get("summary") or "").strip()
    text = full_text or summary
    key = str(entry.get("id") or link or "")
    if not key:
        key = "sha256:" + hashlib.sha256(f"{title}\x1f{text}".encode()).hexdigest()[:32]
    return FeedItem(key=key[:500], link=link, title=title, published=_when(entry), text=text, full=bool(full_text))


def parse_feed(body: bytes, source: str) -> ParsedFeed:
    """The feed's title and items, newest first as published; a document that is no feed is an InputError."""
    parsed = feedparser.parse(body)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise InputError(f"not an RSS or Atom feed{f': {problem}' if problem else ''}", source=source)
    return ParsedFeed(title=str(parsed.feed.get("title") or ""), items=[_item(entry) for entry in parsed.entries])
