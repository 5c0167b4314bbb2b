"""Page furniture that carries a date but names no event.

- a forum or portal byline: ``2031-03-01 10:05| 发布者: someone| 查看: 3| 评论: 0``, ``Posted by
  someone | 12 comments``: fields apart by ``|``, at least two of them byline fields;
- a notice's signature: the issuer's name on a line of its own, then the signing date alone on the
  next (``某证券交易所`` / ``2031年12月20日``). The date would otherwise head the text after it;
- a press-release service's credit: ``Media Release on 18 May 2031 from Jane Roe, Communications
  Adviser for Acme Bank``: the day the release went out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_BYLINE_FIELD = re.compile(r"(?:发布者|发布人|作者|查看|浏览|阅读|评论|来自|来源|责编|编辑|\bposted by\b|\bcomments?\b|\bviews\b)\s*[:：]?",
                           re.IGNORECASE)
# An issuer's name: a short line ending in what issuers are ("…交易所", "…管理局", "…Exchange").
_ISSUER = re.compile(r"^[^\s,，。;；:：]{2,24}(?:交易所|公司|局|部|署|委员会|会|行|办公室|中心|协会|政府|"
                     r"Exchange|Inc\.|Ltd\.?|Corporation|Commission|Board)$", re.IGNORECASE)
_CREDIT = re.compile(r"^\s*(?:Media|Press|News) [Rr]elease (?:on|dated) [^.;]{4,30}? from [A-Z]")
_DATE_ONLY = re.compile(r"^\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*$")


def is_byline(sentence: str) -> bool:
    """A byline of fields apart by ``|`` (poster, views, comments, source)."""
    return "|" in sentence and len(_BYLINE_FIELD.findall(sentence)) >= 2


def without_furniture(sentences: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """The (paragraph, sentence) pairs without bylines and without a signature's date line."""
    before = ""
    for para_no, sentence in sentences:
        skip = is_byline(sentence) or _CREDIT.match(sentence) is not None or (_DATE_ONLY.match(sentence) is not None and _ISSUER.match(before.strip()) is not None)
        before = sentence
        if not skip:
            yield para_no, sentence
