"""Clauses that repeat the dated clause's shape: "5月7日,星期二,德国公布3月贸易账,德国公布3月制造业订单月率" names
two releases of that day, the second in a clause of its own with no date. A later clause of the sentence that,
like the dated one, opens with a subject and its release verb ("英国央行公布利率决定", "德国休市") is an event
of the same day; a clause of commentary ("市场预计…", "其中…") is not, nor one that has a date of its own."""

from __future__ import annotations

import re
from dataclasses import replace

from .candidate import Candidate

# "德国公布…", "英国央行将公布…", "美国亦将发布…", "德国休市": a subject of a few characters, then the verb
_SUBJECT_VERB = re.compile(r"^\s*(?P<subj>[\u4e00-\u9fff]{2,6}?)(?:将|亦将|也将|亦|也)?(?:公布|发布|休市)")
# what a subject of commentary or a reference back says instead of a place or an institution
_NOT_SUBJECT = re.compile(r"市场|预计|预期|其中|此外|同时|随后|分析|投资者|数据|该|此|这")


def _opens_with_subject(text: str) -> bool:
    m = _SUBJECT_VERB.match(text)
    return m is not None and _NOT_SUBJECT.search(m["subj"]) is None


def parallel_clauses(sentence: str, clauses: list[tuple[int, int]], dated: tuple[int, int], until: int) -> list[tuple[int, int]]:
    """The clauses after the ``dated`` one, before ``until`` (where the next date is), that repeat its
    subject-and-verb shape."""
    cs, ce = dated
    if not _opens_with_subject(re.split(r"[,，]", sentence[cs:ce])[-1]):  # "5月7日,星期二,德国公布…": its last part
        return []
    return [(a, b) for a, b in clauses if a >= ce and b <= until and _opens_with_subject(sentence[a:b])]


def kept_apart(made: list[tuple[Candidate, str, int]], repeated: list[tuple[Candidate, str, int]]) -> list[tuple[Candidate, str, int]]:
    """The events ``made`` of the dated clause and those of the clauses ``repeated`` after it, marked as different
    events of one day (each a release of its own unless the gazetteer already names one). A repeated clause the
    dated one's readers already took ("…,德国休市" read as a closure) adds nothing."""
    seen = {(c.category, c.title) for c, _, _ in made}
    new = [one for one in repeated if (one[0].category, one[0].title) not in seen]
    return [(replace(c, release=c.release or f"clause:{c.title}"), clause, pos) for c, clause, pos in made + new] if new else made
