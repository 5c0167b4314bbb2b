"""A market closed over consecutive days is one closure (issue 15, corpus 6 shape 5): a holiday-hours
notice lists "Monday 27th December - Trading CLOSED" and "Tuesday 28th December - Trading CLOSED" under
their own headings; the two rows are one event from the Monday to the Tuesday. Only English rows that
say the market is closed, of the same title and region, on days that follow each other.

A Chinese notice does the same with spans (issue 15, corpus 12 Chinese): "1月22日及1月23日市场无交易,仅办理
结算交割" and then "1月24日至2月1日共9天休假" are one closure from the 22nd to the 1st. Spans of several days, of
the same region, that say the market does not trade, each starting the day after the one before ends, are one
(a list's one-day holidays stay one each, and a Stock Connect suspension stays apart)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Protocol, TypeVar

from .candidate import Candidate

_CLOSED = re.compile(r"\bclosed\b|\bclosure\b", re.IGNORECASE)
_DAY_OFF = re.compile(r"closed\b|closure\b|holiday\b", re.IGNORECASE)  # (an evidence window may cut a word)
_SATURDAY = 5
_CLOSED_ZH = re.compile(r"休市|无交易|休假|停止交易|暂停交易")
_MAKE_UP = re.compile(r"补行交易|补班|照常交易|正常交易")
_CONNECT = re.compile(r"港股通|沪股通|深股通|北向|南向")  # a Stock Connect suspension is an event of its own


class _Found(Protocol):
    cand: Candidate
    span: tuple[date, date]
    sentence: int


def _closure_day(c: Candidate, *, titled: bool = False) -> date | None:
    """The day of an English one-day closure; ``titled``: the title may be what says so, or call it a holiday."""
    said, closed = (f"{c.title} {c.evidence}", _DAY_OFF) if titled else (c.evidence, _CLOSED)
    if (c.category != "other" or c.precision != "date" or c.end != c.start or not c.evidence.isascii()
            or closed.search(said) is None):
        return None
    return date.fromisoformat(c.start)


F = TypeVar("F", bound=_Found)


def _weekend_day_off(c: Candidate) -> bool:
    """A market closure or holiday on a Saturday or Sunday alone ("closed on Easter Sunday", "周末及公众假期
    港股休市"): the market is shut every weekend, so it is no event. (A Saturday make-up session is.)"""
    if c.category != "other" or c.precision != "date" or c.end != c.start or date.fromisoformat(c.start).weekday() < _SATURDAY:
        return False
    said = f"{c.title} {c.evidence}"
    if c.evidence.isascii():
        return _DAY_OFF.search(said) is not None
    return _CLOSED_ZH.search(said) is not None and _MAKE_UP.search(said) is None


def _cn_closure(c: Candidate) -> tuple[date, date] | None:
    """The days of a Chinese closure (one day or a span)."""
    if c.category != "other" or c.precision != "date" or c.end is None or c.evidence.isascii():
        return None
    said = f"{c.title} {c.evidence}"
    if _CLOSED_ZH.search(said) is None or _CONNECT.search(said) is not None:
        return None
    return date.fromisoformat(c.start), date.fromisoformat(c.end)


def joined_cn_spans(found: list[F]) -> list[F]:
    """``found`` with each run of Chinese closures of one region, each starting the day after the one before
    ends, folded into its first, which then ends where the run ends. One-day closures join a run only beside a
    span of several days or said in one sentence: a holiday list's one-day rows on consecutive days stay one each."""
    spans = sorted(((d, i) for i, f in enumerate(found) if (d := _cn_closure(f.cand)) is not None), key=lambda x: x[0])
    runs: list[list[tuple[tuple[date, date], int]]] = []
    for (first, last), i in spans:
        prev = runs[-1][-1] if runs else None
        # (one-day closures run on only when said in one sentence: "1月22日及1月23日市场无交易")
        joins = prev is not None and (first < last or prev[0][0] < prev[0][1] or found[i].sentence == found[prev[1]].sentence)
        if prev is not None and joins and first == prev[0][1] + timedelta(days=1) and found[i].cand.region == found[prev[1]].cand.region:
            runs[-1].append(((first, last), i))
        else:
            runs.append([((first, last), i)])
    gone: set[int] = set()
    for run in runs:
        if len(run) < 2:
            continue
        head, end = run[0][1], run[-1][0][1]
        found[head].cand.end = end.isoformat()
        found[head].span = (found[head].span[0], end)
        gone.update(i for _, i in run[1:])
    return [f for i, f in enumerate(found) if i not in gone] if gone else found


def joined_closures(found: list[F]) -> list[F]:
    """``found`` with each run of closures on consecutive days folded into its first day's, which
    then ends on the run's last day; a second closure of the same day and region is dropped, and so is a
    weekend day's closure alone."""
    found = joined_cn_spans([f for f in found if not _weekend_day_off(f.cand)])
    gone: set[int] = set()
    first_of_day: dict[tuple[date, str], int] = {}
    for i, f in enumerate(found):  # a market closed on one day, said twice (a list row and a sentence), is one closure
        if (d := _closure_day(f.cand, titled=True)) is not None and first_of_day.setdefault((d, f.cand.region), i) != i:
            gone.add(i)
    days = sorted(((d, i) for i, f in enumerate(found) if i not in gone and (d := _closure_day(f.cand)) is not None),
                  key=lambda x: x[0])
    if len(days) < 2:
        return [f for i, f in enumerate(found) if i not in gone]
    head: tuple[date, int] | None = None
    last: date | None = None
    for d, i in days:
        c = found[i].cand
        if (head is not None and last is not None and d == last + timedelta(days=1)
                and c.title == found[head[1]].cand.title and c.region == found[head[1]].cand.region):
            first = found[head[1]]
            first.cand.end = d.isoformat()
            first.span = (first.span[0], d)
            gone.add(i)
        else:
            head = (d, i)
        last = d
    return [f for i, f in enumerate(found) if i not in gone]
