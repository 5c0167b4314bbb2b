"""An article cut into paragraphs, sentences and clauses: the units the extractor reads a date in."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .vocabulary import led_by

MAX_SENTENCE = 2000  # a longer run without a sentence end is cut, so no single unit is unbounded
# English full stops end a sentence, except in "2 p.m. ET" (a zone abbreviation follows) and after a title
# ("St. Louis", "Mr. Smith", "U. Mich. April sentiment", "Gov. Quill").
# (The look-ahead for the full stop comes first: the look-behinds are then tried only there.)
_SENT_SPLIT = led_by(r"。！？!?；;\s.", r"[。！？!?；;\n]|\s[-*•]\s|(?=\.)(?:(?<=[a-z0-9)%])(?<!\bSt)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMich)(?<!\bGov)(?<!\bProf)"
                         r"(?<!\bSen)(?<!\bRep)(?<!\bGen)(?<!\bJr)(?<!\bSr)(?<!\bvs)(?<!\bUniv)(?<!\bDept)"
                         r"|(?<=\b[A-Z]T)|(?<=\b[A-Z][A-Z]T)|(?<=UTC))"
                         r"\.\s+(?=[A-Z\"“])(?!(?:ET|EST|EDT|CT|CDT|PT|PDT|GMT|BST|UTC|CET|CEST|JST|HKT|SGT|Eastern)\b)")
_CLAUSE_SPLIT_ZH = led_by(r"，,\s", r"[，,]|(?<=[^\x00-\x7f%)])\s+(?=[^\x00-\x7f]|[A-Z0-9])")
# English clauses for trigger and category scope: "X is due Thursday, and Y follows on Friday".
# An aside between em dashes is a clause of its own: "X is due Tuesday—the last reading before the
# bank's March 18 meeting—and Y follows".
# "the third, and last, estimate": a word or two between commas is an aside, not a new clause.
# (", with" and a name after a date goes on with what happens on it: "on Monday, October 20, with Acme unveiling its
# results"; "on Thursday, with inflation expectations remaining lower" is another clause)
_CLAUSE_SPLIT_EN = re.compile(r",\s+(?:and|while|but|whereas|so)\s+(?![a-z-]+(?:\s+[a-z-]+)?,)"
                              r"|(?:(?<!\d)(?<!day)|(?=,\s+with\s+(?![A-Z]))),\s+with\s+(?![a-z-]+(?:\s+[a-z-]+)?,)|;\s+|\s*\u2014\s*")


def split_sentences(text: str) -> list[str]:
    """Sentences (long ones are cut, so no single unit is unbounded)."""
    out: list[str] = []
    pos = 0
    for m in _SENT_SPLIT.finditer(text):
        out.append(text[pos:m.start() + (1 if m.group().startswith(".") else 0)])
        pos = m.end()
    out.append(text[pos:])
    result: list[str] = []
    for s in out:
        s = s.strip()
        while len(s) > MAX_SENTENCE:
            result.append(s[:MAX_SENTENCE])
            s = s[MAX_SENTENCE:]
        if s:
            result.append(s)
    return result


def paragraph_sentences(text: str) -> Iterator[tuple[int, str]]:
    """(paragraph number, sentence) for each sentence; paragraphs are separated by blank lines."""
    for para_no, paragraph in enumerate(text.split("\n\n")):
        for sentence in split_sentences(paragraph):
            yield para_no, sentence


def _in_brackets(sentence: str, at: int, end: int) -> bool:
    """Whether a Chinese clause break at ``at`` is inside a short bracket: "重阳节(2031年10月24日,星期五)是公众假期"."""
    return sentence.rfind("(", 0, at) > sentence.rfind(")", 0, at) and ")" in sentence[end:end + 12]


# a list item's label before an em dash: "Sunday, January 26: Peru — Extraordinary election" (the place, not an aside)
_LABEL_BEFORE_DASH = re.compile(r":\s*[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2}\s*$")


def clauses(sentence: str, zh: bool) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    pos = 0
    for m in (_CLAUSE_SPLIT_ZH if zh else _CLAUSE_SPLIT_EN).finditer(sentence):
        if zh and _in_brackets(sentence, m.start(), m.end()):
            continue
        if not zh and "\u2014" in m.group() and _LABEL_BEFORE_DASH.search(sentence, pos, m.start()):
            continue
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(sentence)))
    return [(a, b) for a, b in bounds if b > a]


def word_start(text: str, at: int) -> int:
    """``at``, moved on to the start of the next word when it falls inside a Latin-script word (a clause's window
    cut at "…the U|S Treasury…" starts at "Treasury", not at "S")."""
    if at <= 0 or at >= len(text) or not (text[at - 1].isascii() and text[at - 1].isalnum() and text[at].isascii()
                                          and text[at].isalnum()):
        return max(at, 0)
    while at < len(text) and text[at].isascii() and text[at].isalnum():
        at += 1
    return at
