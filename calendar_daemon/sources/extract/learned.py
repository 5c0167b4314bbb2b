"""A learned second opinion on a dated mention the rules passed over.

The rules decide whether a date in a clause is an event by its trigger words. A mention they leave out is
shown to a small linear model (multinomial logistic regression over hashed word and character n-grams of
its clause, trained on labelled real articles by ``benchmarks/train_gate.py``): when the model names a
category with enough probability, the mention becomes a candidate of that category, with that probability
as its confidence. The model's weights ship as ``gate.json`` beside this module; without the file the
rules decide alone. Inference is plain Python: no numerical library is needed at run time.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any, TypeVar

from .candidate import Candidate
from .classify import category_of

T = TypeVar("T")

GATE_FILE = Path(__file__).with_name("gate.json")
NONE = "none"  # the class of a mention that is no event
LEARNED_CAP = 0.75  # the most confidence a candidate the model alone kept gets
_WORD = re.compile(r"[a-z]+|\d+|[^\sa-z\d]", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u9fff]")
_YEAR = re.compile(r"\d{4}")
_CLOCK = re.compile(r"\d:\d\d|[点时]")
_SIDE = 24  # characters of context either side of the date that the model reads


@dataclass(frozen=True)
class Mention:
    """What the model reads of one dated mention: its clause around the date, and what the rules made of it."""

    before: str  # the clause up to the date
    date_text: str
    after: str  # the clause after the date
    precision: str
    zh: bool
    listed: bool  # an entry of a calendar list or table
    triggered: bool  # the rules' trigger words fired
    rule_category: str  # what the rules' classifier calls the clause

    def features(self) -> list[str]:
        before, after = self.before[-_SIDE * 3 :], self.after[: _SIDE * 3]
        year, clock = _YEAR.search(self.date_text) is not None, _CLOCK.search(self.date_text) is not None
        meta = [f"p={self.precision}", f"l={int(self.listed)}", f"t={int(self.triggered)}", f"c={self.rule_category}",
                f"z={int(self.zh)}", f"y={int(year)}", f"k={int(clock)}"]  # fmt: skip
        if self.zh:
            return meta + _grams("b", before[-_SIDE:], 2, 3) + _grams("a", after[:_SIDE], 2, 3)
        return meta + _words("b", before, 4) + _words("a", after, 6) + _words("w", before + " " + after, 0)


def _grams(tag: str, text: str, low: int, high: int) -> list[str]:
    text = "".join(text.split())
    return [f"{tag}:{text[i:i + n]}" for n in range(low, high + 1) for i in range(len(text) - n + 1)]


def _words(tag: str, text: str, near: int) -> list[str]:
    """Words (lowercased) and word pairs; ``near``: only the ``near`` words nearest the date (0: all, unordered)."""
    words = [w.lower() for w in _WORD.findall(text) if not _CJK.match(w)]
    if near:
        words = words[-near:] if tag == "b" else words[:near]
    return [f"{tag}:{w}" for w in words] + [f"{tag}:{a}_{b}" for a, b in pairwise(words)]


def hashed(features: list[str], dim: int) -> list[int]:
    """Feature indices (a stable hash: the same in training and at run time)."""
    return [zlib.crc32(f.encode("utf-8")) % dim for f in features]


@dataclass(frozen=True)
class Gate:
    classes: list[str]
    dim: int
    bias: list[float]
    weights: dict[int, list[float]]  # feature index -> one weight per class
    threshold: float  # least probability of an event class for a left-out mention to be kept

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Gate:
        return cls(classes=list(data["classes"]), dim=int(data["dim"]), bias=[float(b) for b in data["bias"]],
                   weights={int(k): [float(w) for w in v] for k, v in data["weights"].items()},
                   threshold=float(data["threshold"]))

    def to_json(self) -> dict[str, Any]:
        return {"classes": self.classes, "dim": self.dim, "bias": self.bias, "threshold": self.threshold,
                "weights": {str(k): v for k, v in sorted(self.weights.items())}}

    def judge(self, mention: Mention) -> tuple[str, float]:
        """The most probable class of ``mention`` and its probability."""
        scores = list(self.bias)
        for index in hashed(mention.features(), self.dim):
            if (ws := self.weights.get(index)) is not None:
                scores = [s + w for s, w in zip(scores, ws, strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        best = max(range(len(scores)), key=scores.__getitem__)
        return self.classes[best], exps[best] / sum(exps)

    def keeps(self, mention: Mention) -> tuple[str, float] | None:
        """The category and confidence to propose a left-out mention with, or None to leave it out. The
        confidence stays below the rules' "confident" band (0.8): the model's word is a second opinion."""
        category, probability = self.judge(mention)
        if category == NONE or probability < self.threshold:
            return None
        return category, round(min(probability, LEARNED_CAP), 2)


@cache
def _shipped() -> Gate | None:
    if not GATE_FILE.is_file():
        return None
    return Gate.from_json(json.loads(GATE_FILE.read_text(encoding="utf-8")))


MAX_JUDGED = 400  # left-out mentions the gate reads per article: a hostile text of endless dated lines stays cheap
_JUDGED: ContextVar[list[int] | None] = ContextVar("gate_judged", default=None)
_GATE: ContextVar[Gate | bool | None] = ContextVar("gate", default=True)  # True: the shipped model
Observer = Callable[[Mention, tuple[str, str | None, str]], None]
_OBSERVER: ContextVar[Observer | None] = ContextVar("gate_observer", default=None)


def current_gate() -> Gate | None:
    gate = _GATE.get()
    return _shipped() if gate is True else (gate or None)


@contextmanager
def using_gate(gate: Gate | None) -> Iterator[None]:
    """Read with ``gate`` (None: the rules alone) instead of the shipped model."""
    token = _GATE.set(gate)
    try:
        yield
    finally:
        _GATE.reset(token)


@contextmanager
def observing(observer: Observer) -> Iterator[None]:
    """Show every dated mention (and its day span) to ``observer``: how training data is gathered."""
    token = _OBSERVER.set(observer)
    try:
        yield
    finally:
        _OBSERVER.reset(token)


@contextmanager
def judging_one_article() -> Iterator[None]:
    """Count the gate's judgements of one article against :data:`MAX_JUDGED`."""
    token = _JUDGED.set([0])
    try:
        yield
    finally:
        _JUDGED.reset(token)


def observing_now() -> bool:
    return _OBSERVER.get() is not None


def observe(mention: Mention, span: tuple[str, str | None, str]) -> None:
    if (observer := _OBSERVER.get()) is not None:
        observer(mention, span)


def second_opinion(mention: Mention, clause: str, sentence: str, span: tuple[str, str | None, str]) -> tuple[bool, tuple[str, float] | None]:
    """The rules' verdict on a dated mention, or the gate's (category, confidence) on one the rules left out."""
    gate, watched = current_gate(), observing_now()
    if not watched and (mention.triggered or gate is None):
        return mention.triggered, None
    if not watched and (judged := _JUDGED.get()) is not None:
        if judged[0] >= MAX_JUDGED:
            return False, None
        judged[0] += 1
    mention = replace(mention, rule_category=category_of(clause, sentence))
    observe(mention, span)
    if mention.triggered or gate is None:
        return mention.triggered, None
    kept = gate.keeps(mention)
    return kept is not None, kept


def unrepeated(items: list[T], candidate: Callable[[T], Candidate]) -> list[T]:
    """``items`` without the gate's candidates on a day the rules already date an event (of any kind: the gate
    fills days the rules left empty), or repeating an earlier one of the gate's own (same category and start)."""
    ruled = [c for c in map(candidate, items) if not c.learned]
    kept: list[T] = []
    seen: set[tuple[str, str]] = set()
    for item in items:
        c = candidate(item)
        if c.learned:
            first, last = c.start[:10], (c.end or c.start)[:10]
            if (c.category, c.start) in seen or any(
                    r.start[:10] <= last and first <= (r.end or r.start)[:10] for r in ruled):
                continue
            seen.add((c.category, c.start))
        kept.append(item)
    return kept
