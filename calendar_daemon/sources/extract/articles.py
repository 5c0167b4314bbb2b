"""Split a page holding several concatenated articles (headline + ``outlet· date`` line each)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

logger = logging.getLogger(__name__)

_DATE_LINE = re.compile(r"[ \t]{0,8}(?:[^\n·•]{0,40}?[·•][ \t]{0,4})?\d{4}-\d{1,2}-\d{1,2}[ \t]{1,4}\d{1,2}:\d{2}[ \t]{0,8}")


@dataclass(frozen=True)
class ArticleOnPage:
    """One article of a page that holds several."""

    headline: str
    dateline: str
    text: str  # headline + dateline + body


def split_articles(page: str) -> list[ArticleOnPage]:
    """One :class:`ArticleOnPage` per dateline; the line before a dateline is its headline.
    Lines before the first headline (page chrome) are dropped."""
    lines = page.splitlines()
    idx = [i for i, ln in enumerate(lines) if i > 0 and _DATE_LINE.fullmatch(ln)]
    out: list[ArticleOnPage] = []
    for k, i in enumerate(idx):
        stop = idx[k + 1] - 1 if k + 1 < len(idx) else len(lines)
        out.append(ArticleOnPage(lines[i - 1].strip(), lines[i].strip(), "\n".join(lines[i - 1:stop])))
    return out
