"""One event, one candidate: mentions of the same event in one article collapse into the most precise.

Articles name an event more than once: the headline or lead ("下周…美联储公布利率决议", "Week ahead: Fed
minutes") previews what a later paragraph dates exactly. Two candidates describe the same event when
they share category and region, one's period contains the other's, nothing tells them apart (different
companies, different kinds of event: "租用" is not "上市") and something ties them (a shared company or
a shared word of the category's vocabulary). The coarser mention then folds into the finer one, which
keeps its own evidence and lists the other phrase in ``mentions``. A summary of several items ("下周共有
3只新股申购", "30家公司解禁") stays beside its dated members: it is an event of its own.

While the article is read, :class:`Findings` already merges a mention of exactly the same period into
the one found before it (:func:`merge_into`); :func:`collapse` runs once the whole article is read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from calendar_daemon.domain.aliases import canonical_entity

from .candidate import Candidate
from .closureruns import joined_closures
from .companies import each_of_a_list, one_of_a_count
from .kinds import AGGREGATE, category_terms
from .offertimetables import different_steps
from .pressconf import PRESS_CONFERENCE, SPEECH
from .ruletitles import different_rules
from .samereport import one_report

logger = logging.getLogger(__name__)

FAR = date(9999, 12, 31)
_PREVIEW = ("week", "month")  # a lead's relative period ("下周", "下月", "next week") previews a dated item


@dataclass
class Found:
    """A candidate and what the collapse needs to know about where it came from."""

    cand: Candidate
    sentence: int
    pos: int  # where its time expression starts in the sentence
    headline: bool
    terms: frozenset[str]
    aggregate: bool
    span: tuple[date, date] = (FAR, FAR)
    paragraph: int = -1

    def __post_init__(self) -> None:
        c = self.cand
        first = date.fromisoformat(c.start[:10])
        last = first if c.precision == "datetime" else date.fromisoformat(c.end[:10]) if c.end else FAR
        self.span = (first, last)

    def interval(self) -> tuple[date, date]:
        return self.span


def _overlap(a: list[str], b: list[str]) -> bool:
    """A shared name, also across languages and short forms ("Fed", "美联储", "Federal Reserve")."""
    ca, cb = [canonical_entity(x) for x in a], [canonical_entity(y) for y in b]
    return any(x in y or y in x for x in ca for y in cb)


def same_event(a: Found, b: Found, preview: Found | None = None) -> bool:
    """A headline packs several items into a few words, so its region and names may belong to another
    of them: for a headline the kind of event (a shared vocabulary word) is enough."""
    ca, cb = a.cand, b.cand
    headline = a.headline or b.headline
    if ca.category != cb.category or (ca.region != cb.region and not headline):
        return False
    if (ca.release and cb.release and ca.release != cb.release) or different_steps(ca.title, cb.title):
        return False
    if ca.category == "policy" and not headline and different_rules(ca.title, cb.title):
        return False  # two rules of one day ("台铁订票时间延长", "房地合一2.0版上路")
    if preview is not None and ca.release and ca.release == cb.release:
        return True  # "下周…非农将挑战…" previews the dated payrolls row: one recurring release
    if ca.release != cb.release and PRESS_CONFERENCE in (ca.release, cb.release):
        return False  # the press conference after a decision is an event of its own
    same_release = bool(ca.release) and ca.release == cb.release  # "CPI" and "消费者物价指数" are one release
    if a.terms and b.terms and not a.terms & b.terms and not same_release:
        return False  # different kinds of event ("租用" is not "上市")
    if same_release and not (ca.entities and cb.entities):
        return True  # "Tuesday: December CPI" and "the bureau releases the CPI at 8:30 on Tuesday": one release
    if _overlap(ca.entities, cb.entities):
        return True
    if ca.entities and cb.entities and not headline:
        return False  # different companies or institutions
    if ca.entities and cb.entities and ca.region != cb.region and ca.release != cb.release:
        return False  # a named release of one region ("英国央行利率决策") is not another's, in a headline too
    # Without names on both sides, the shared word must come with no name on either side; a preview
    # without a name ("CPI数据将公布", next week) may fold into the dated item that names its publisher
    # ("12月9日，国家统计局将公布11月CPI").
    if headline and not (a.terms or ca.entities) if a.headline else headline and not (b.terms or cb.entities):
        return True  # a headline naming only the kind of subject ("a central bank in Tokyo") previews the item
    return (bool(a.terms & b.terms) or same_release) and (headline or not (ca.entities or cb.entities)
                                        or (preview is not None and not preview.cand.entities))


def _folds_into(coarse: Found, fine: Found) -> bool:
    (c0, c1), (f0, f1) = coarse.interval(), fine.interval()
    if (not (c0 <= f0 and f1 <= c1) or (fine.headline and not coarse.headline) or each_of_a_list(coarse.cand, fine.cand)
            or one_of_a_count(coarse.cand, fine.cand)):
        return False
    if (c1 == FAR) != (f1 == FAR) and c0 != f0:
        return False  # an open-ended period ("自2月1日起施行") is no preview of a day (but "今起招股" is of "今日起至24日招股")
    if coarse.cand.precision == fine.cand.precision == "datetime" and coarse.cand.start != fine.cand.start:
        return False  # 14:00 and 14:30 on one day are two moments (a decision and its press conference)
    if coarse.headline:  # a headline's count ("本周21家公司解禁") is a summary of its own, as in the text
        return not (coarse.aggregate and coarse.cand.precision in _PREVIEW and fine.cand.precision in ("date", "datetime")) and same_event(coarse, fine)
    if (coarse.sentence == fine.sentence and coarse.cand.precision == "date" and fine.cand.precision == "datetime"
            and coarse.cand.region == fine.cand.region
            and (not coarse.cand.release or coarse.cand.release == fine.cand.release
                 or (fine.cand.release is None and coarse.cand.release.startswith(SPEECH)))):
        return True  # "the bank is on Thursday, … the announcement due at 11:00": the day, then its moment
    if (c0, c1) == (f0, f1):  # a summary absorbs a plain mention of its period, not the other way round
        return not (coarse.aggregate and not fine.aggregate) and same_event(coarse, fine)
    return (coarse.cand.precision in _PREVIEW and fine.cand.precision in ("date", "datetime")
            and not coarse.aggregate and same_event(coarse, fine, preview=coarse))


def _width(f: Found) -> tuple[int, int]:
    a, b = f.interval()
    return (b - a).days, f.cand.precision != "datetime"


def collapse(found: list[Found], merge: Callable[[Candidate, Candidate], None]) -> list[Found]:
    """Fold each coarse mention into the finest mention of the same event; ``merge(kept, folded)``."""
    order = sorted(found, key=lambda f: (-_width(f)[0], not f.headline, f.sentence, f.pos))
    gone: set[int] = set()
    by_category: dict[str, list[Found]] = {}
    for f in found:
        by_category.setdefault(f.cand.category, []).append(f)
    for coarse in order:
        targets = [f for f in by_category[coarse.cand.category]
                   if f is not coarse and id(f) not in gone and _folds_into(coarse, f)]
        if not targets:
            continue
        best = min(targets, key=lambda f: (coarse.interval() != f.interval(),
                                           -len(coarse.terms & f.terms), -_overlap(coarse.cand.entities, f.cand.entities),
                                           abs(f.sentence - coarse.sentence), abs(f.pos - coarse.pos), _width(f)))
        merge(best.cand, coarse.cand)
        best.aggregate = best.aggregate or (coarse.aggregate and not coarse.headline)  # still a summary
        gone.add(id(coarse))
        logger.debug("%r (%s) folds into %r (%s)", coarse.cand.title, coarse.cand.start, best.cand.title,
                     best.cand.start)
    return joined_closures([f for f in found if id(f) not in gone])


MAX_SECOND_GUESSES = 200  # the learned gate's guesses kept per article (collapse and the day check are quadratic)


@dataclass
class Findings:
    """The candidates found so far; one naming an event already found in the same sentence, or with
    the same title or a shared entity, is merged into it. ``sentence`` and ``in_headline``: where the
    reader is."""

    found: list[Found] = field(default_factory=list)
    index: dict[tuple[str, str, str | None, str], list[Found]] = field(default_factory=dict)
    sentence: int = 0
    paragraph: int = 0
    in_headline: bool = False
    second_guesses: list[Found] = field(default_factory=list)  # the learned gate's, kept out of the rules' reading

    def add(self, c: Candidate, scope: str, pos: int) -> None:
        if c.learned:  # what the rules read next (the list's day, the row's clock) is never the gate's guess
            if len(self.second_guesses) >= MAX_SECOND_GUESSES:  # a hostile text of endless dated lines stays linear
                return
            self.second_guesses.append(Found(c, self.sentence, pos, self.in_headline, category_terms(c.category, scope),
                                             AGGREGATE.found(scope), paragraph=self.paragraph))
            return
        # one instant written in two zones ("美东时间9日下午2时(台湾时间10日凌晨3时)") is one event
        start = datetime.fromisoformat(c.start).astimezone(UTC).isoformat() if c.precision == "datetime" else c.start
        key = (c.category, start, c.end, c.region)
        # a later mention of the day of a timed event ("周三…14:00公布纪要", then "周三…官员") is that event
        timed = (c.category, c.start[:10], "clock", c.region) if c.precision == "date" and c.end == c.start else None
        for old in self.index.get(key, []) + (self.index.get(timed, []) if timed else []):
            if one_report(old.cand, c):  # payrolls and the unemployment rate: one employment report
                merge_into(old.cand, c)
                return
            if old.cand.release and c.release and old.cand.release != c.release:
                continue  # two releases on one day ("失业率、外汇储备及楼价指数") stay two events
            if old.cand.release != c.release and PRESS_CONFERENCE in (old.cand.release, c.release):
                continue  # the press conference after a decision is an event of its own
            if each_of_a_list(old.cand, c) or different_steps(old.cand.title, c.title):
                continue  # "three companies are expected to price this week: A, B and C": one each
            # (one release on one day is one event, however differently each mention words it)
            if (old.sentence == self.sentence or old.cand.title == c.title or set(old.cand.entities) & set(c.entities)
                    or (c.release is not None and old.cand.release == c.release)):
                merge_into(old.cand, c)
                return
        terms = category_terms(c.category, scope)
        f = Found(c, self.sentence, pos, self.in_headline, terms, AGGREGATE.found(scope), paragraph=self.paragraph)
        self.found.append(f)
        self.index.setdefault(key, []).append(f)
        if c.precision == "datetime":
            self.index.setdefault((c.category, c.start[:10], "clock", c.region), []).append(f)


def merge_into(kept: Candidate, other: Candidate) -> None:
    """``other`` names the same event as ``kept``: keep its names, confidence and phrase."""
    if other.release and other.release.startswith(SPEECH) and not kept.release:
        kept.title, kept.release = other.title, other.release  # "周一早上9点" is the moment of "主席甲将发表讲话"
    kept.entities.extend(e for e in other.entities if e not in kept.entities)
    kept.confidence = max(kept.confidence, other.confidence)
    for phrase in (other.evidence, *other.mentions):
        if phrase and phrase != kept.evidence and phrase not in kept.mentions:
            kept.mentions.append(phrase)
