"""An article page fetched from the web, read into an :class:`~calendar_daemon.sources.proposals.Article`.

The page's main text is found by readability-lxml when it is installed (``pip install
'calendar-daemon[articles]'``: it drops navigation, related links and footers), else the whole page's
visible text is read (the extractor still finds the dates; boilerplate may add a few candidates).
Pure: the caller fetches the page.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime

from calendar_daemon.sources.extract import detect_published
from calendar_daemon.sources.extract.normalize import html_to_text, looks_like_html
from calendar_daemon.sources.proposals import Article

logger = logging.getLogger(__name__)

_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def main_text(html: str) -> tuple[str, str]:
    """(headline, text) of an HTML page: readability's main content when available, else the whole page."""
    try:
        from readability import Document
    except ImportError:
        Document = None
    if Document is not None:
        try:
            document = Document(html)
            title = str(document.short_title() or "")
            return title, html_to_text(str(document.summary(html_partial=True)))
        except Exception:
            logger.debug("readability could not read the page; reading it whole", exc_info=True)
    found = _TITLE.search(html)
    title = html_to_text(found.group(1)).strip() if found else ""
    return title, html_to_text(html)


def page_article(body: str, *, url: str, fallback_outlet: str, fetched_at: datetime, published: datetime | None = None,
                 headline: str = "", outlet: str = "") -> Article:  # fmt: skip
    """The article of one fetched page (HTML or plain text).

    Its publication time is ``published`` (from a feed item), else what the page says (meta tags, a
    dateline), else the fetch time; its outlet ``outlet`` (a feed's title), else the page's site name,
    else ``fallback_outlet`` (the source's name)."""
    found_when, found_outlet = detect_published(body)
    if looks_like_html(body):
        title, text = main_text(body)
    else:
        title, text = "", body
    headline = (headline or title or next((line.strip() for line in text.splitlines() if line.strip()), url))[:300]
    if not text.lstrip().startswith(headline[:40]):
        text = f"{headline}\n\n{text}"
    when = published or found_when or fetched_at
    return Article(text=text, source=url, headline=headline, outlet=(outlet or found_outlet or fallback_outlet)[:200], published=when)
