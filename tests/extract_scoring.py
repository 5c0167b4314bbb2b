"""Scoring extraction against labels: shared by benchmarks/extract.py and tests/test_extract_gold.py (pure functions)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from calendar_daemon.sources.extract.candidate import Candidate
from calendar_daemon.sources.extract.resolved import Resolved

logger = logging.getLogger(__name__)

FAR = date(9999, 12, 31)
CONFIDENT = 0.8  # calibration: of the candidates at or above this confidence, the share that is right


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value[:10])


def interval(start: str, end: str | None, precision: str) -> tuple[date, date]:
    """Inclusive day interval of a record (open end = far future)."""
    first = _day(start)
    assert first is not None
    if precision == "datetime":
        return first, first
    last = _day(end) if end is not None else FAR
    return first, last or FAR


def overlaps(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


@dataclass
class Score:
    labels: int = 0
    candidates: int = 0
    matched_labels: int = 0
    matched_candidates: int = 0
    one_to_one: int = 0
    one_to_one_max: int = 0  # pairs of a maximum matching (the greedy pairing's upper bound)
    timed: int = 0
    timed_exact: int = 0
    confident: int = 0  # candidates with confidence >= CONFIDENT
    confident_right: int = 0  # ... of which paired with a label one-to-one

    @property
    def precision(self) -> float:
        return self.matched_candidates / self.candidates if self.candidates else 1.0

    @property
    def recall(self) -> float:
        return self.matched_labels / self.labels if self.labels else 1.0

    @property
    def precision_1to1(self) -> float:
        return self.one_to_one / self.candidates if self.candidates else 1.0

    @property
    def recall_1to1(self) -> float:
        return self.one_to_one / self.labels if self.labels else 1.0

    @property
    def f1_1to1_max(self) -> float:
        """F1 of a maximum one-to-one matching: what an optimal pairing would give the same candidates."""
        p = self.one_to_one_max / self.candidates if self.candidates else 1.0
        r = self.one_to_one_max / self.labels if self.labels else 1.0
        return _f1(p, r)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def f1_1to1(self) -> float:
        return _f1(self.precision_1to1, self.recall_1to1)

    @property
    def calibration(self) -> float | None:
        """Share of the confident candidates (confidence >= CONFIDENT) that are right one-to-one; None if none."""
        return self.confident_right / self.confident if self.confident else None

    def add(self, other: Score) -> None:
        for name in ("labels", "candidates", "matched_labels", "matched_candidates", "one_to_one", "one_to_one_max", "timed",
                     "timed_exact", "confident", "confident_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def matches(c: Candidate, lab: dict[str, Any]) -> bool:
    """Same category and overlapping day intervals (the lenient criterion)."""
    return c.category == lab["category"] and overlaps(
        interval(c.start, c.end, c.precision), interval(lab["start"], lab["end"], lab["precision"]))


def pair_one_to_one(cands: list[Candidate], labels: list[dict[str, Any]]) -> dict[int, int]:
    """Greedy one-to-one pairing {candidate index: label index}: each label takes at most one candidate
    (the one on its start day first), so a second candidate for the same event stays unpaired."""
    free = list(range(len(cands)))
    pairs: dict[int, int] = {}
    for j in sorted(range(len(labels)), key=lambda j: labels[j]["precision"] != "date"):
        lab = labels[j]
        hits = [i for i in free if matches(cands[i], lab)]
        if hits:
            best = min(hits, key=lambda i: (cands[i].start[:10] != lab["start"][:10], i))
            free.remove(best)
            pairs[best] = j
    return pairs


def max_pairs(cands: list[Candidate], labels: list[dict[str, Any]]) -> int:
    """Size of a maximum one-to-one matching between candidates and the labels they match (augmenting
    paths): unlike the greedy pairing, a date label never keeps a candidate another label needed."""
    edges = [[i for i, c in enumerate(cands) if matches(c, lab)] for lab in labels]
    owner: dict[int, int] = {}

    def augment(j: int, seen: set[int]) -> bool:
        for i in edges[j]:
            if i in seen:
                continue
            seen.add(i)
            if i not in owner or augment(owner[i], seen):
                owner[i] = j
                return True
        return False

    return sum(1 for j in range(len(labels)) if augment(j, set()))


def score_article(cands: list[Candidate], labels: list[dict[str, Any]]) -> Score:
    """Lenient: a label is found if some candidate of its category overlaps it, and vice versa.
    Strict (``one_to_one``): greedy one-to-one pairing."""
    s = Score(labels=len(labels), candidates=len(cands))
    s.matched_labels = sum(1 for lab in labels if any(matches(c, lab) for c in cands))
    s.matched_candidates = sum(1 for c in cands if any(matches(c, lab) for lab in labels))
    paired = pair_one_to_one(cands, labels)
    s.one_to_one = len(paired)
    s.one_to_one_max = max_pairs(cands, labels)
    confident = [i for i, c in enumerate(cands) if c.confidence >= CONFIDENT]
    s.confident = len(confident)
    s.confident_right = sum(1 for i in confident if i in paired)
    for lab in labels:
        if "instant" in lab:
            s.timed += 1
            want = datetime.fromisoformat(lab["instant"])
            for c in cands:
                if (c.precision == "datetime" and c.category == lab["category"]
                        and datetime.fromisoformat(c.start) == want):
                    s.timed_exact += 1
                    break
    return s


def same_value(got: str | None, want: str | None) -> bool:
    """Gold comparison: minutes when both sides carry a time, else the calendar day."""
    if got is None or want is None:
        return got == want
    if len(got) > 10 and len(want) > 10:
        return got[:16] == want[:16]
    return got[:10] == want[:10]


def gold_ok(res: Resolved | None, expected_start: str | None, expected_end: str | None) -> bool:
    if res is None:
        return False
    return same_value(res.start_iso(), expected_start) and same_value(res.end_iso(), expected_end)
