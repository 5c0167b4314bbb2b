"""Train the learned gate (``calendar_daemon/sources/extract/gate.json``) on labelled real articles.

Every dated mention the rules leave out (no trigger word fired) becomes one example: its clause's
n-grams, and as its class the category of a label whose days it overlaps (and is no wider than, by more
than a day), else ``none``. A multinomial logistic regression (scikit-learn, the ``train`` extra) is fit
on them; its weights are written as plain numbers. The texts are third-party and not committed: rebuild
them as each corpus's README says.

Leave-one-set-out (``--cv``) trains on every set but one and scores the one left out, with and without
the gate, at each threshold: how the threshold is chosen, on development text only.

Example:
    PYTHONPATH=. python benchmarks/train_gate.py --set DIR9 benchmarks/real/corpus9/labels-en.json \\
        --set DIR2 benchmarks/real/corpus2/labels.json:dev --cv --out calendar_daemon/sources/extract/gate.json
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.extract import load_dir, published_of
from calendar_daemon.sources.extract.engine import extract
from calendar_daemon.sources.extract.learned import NONE, Gate, Mention, hashed, observing, using_gate
from tests.extract_scoring import Score, interval, overlaps, score_article

DIM = 1 << 18
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass
class Article:
    text: str
    label: dict[str, Any]
    examples: list[tuple[list[str], str]] = field(default_factory=list)  # (features, class) of left-out mentions


def _width(days: tuple[date, date]) -> int:
    return min((days[1] - days[0]).days, 10_000)


def mention_class(span: tuple[str, str | None, str], labels: list[dict[str, Any]]) -> str:
    """The category of the label the mention dates (overlapping, at most a day wider), else ``none``."""
    days = interval(*span)
    fits = [lab for lab in labels if overlaps(days, (got := interval(lab["start"], lab["end"], lab["precision"])))
            and _width(days) <= _width(got) + 1]  # fmt: skip
    if not fits:
        return NONE
    nearest = min(fits, key=lambda lab: abs((interval(lab["start"], lab["end"], lab["precision"])[0] - days[0]) / timedelta(days=1)))
    return str(nearest["category"])


def gather(pairs: list[tuple[str, dict[str, Any]]]) -> list[Article]:
    """Each article with the examples of the mentions the rules left out."""
    articles = []
    for text, lab in pairs:
        article = Article(text, lab)

        def seen(mention: Mention, span: tuple[str, str | None, str], article: Article = article) -> None:
            if not mention.triggered:
                article.examples.append((mention.features(), mention_class(span, article.label["events"])))

        with observing(seen), using_gate(None):
            extract(text, published_of(lab))
        articles.append(article)
    return articles


def fit(articles: list[Article], threshold: float, c: float) -> Gate:
    from scipy.sparse import csr_matrix  # the train extra
    from sklearn.linear_model import LogisticRegression

    examples = [ex for a in articles for ex in a.examples]
    classes = sorted({k for _, k in examples})
    rows, cols = [], []
    for i, (feats, _) in enumerate(examples):
        for j in set(hashed(feats, DIM)):
            rows.append(i)
            cols.append(j)
    used = sorted(set(cols))  # fit on the columns that occur: the same model, far faster than on all DIM
    column = {j: n for n, j in enumerate(used)}
    x = csr_matrix(([1.0] * len(rows), (rows, [column[j] for j in cols])), shape=(len(examples), len(used)))
    y = [classes.index(k) for _, k in examples]
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, y)
    learned = [classes[k] for k in model.classes_]
    weights = {j: [round(float(w), 3) for w in model.coef_[:, column[j]]] for j in used}
    weights = {j: ws for j, ws in weights.items() if max(abs(w) for w in ws) >= 0.01}
    if len(learned) == 2:  # scikit-learn's binary case has one row of weights: the second class's
        weights = {j: [0.0, ws[0]] for j, ws in weights.items()}
        bias = [0.0, round(float(model.intercept_[0]), 3)]
    else:
        bias = [round(float(b), 3) for b in model.intercept_]
    return Gate(classes=learned, dim=DIM, bias=bias, weights=weights, threshold=threshold)


def score(articles: list[Article], gate: Gate | None) -> Score:
    total = Score()
    with using_gate(gate):
        for a in articles:
            total.add(score_article(extract(a.text, published_of(a.label)), a.label["events"]))
    return total


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", nargs=2, action="append", metavar=("DIR", "LABELS[:SPLIT]"), required=True,
                        help="a directory of texts and its labels file (':dev' keeps one split)")
    parser.add_argument("--cv", action="store_true", help="leave-one-set-out figures at each threshold")
    parser.add_argument("--threshold", type=float, default=0.7)
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument("--out", type=Path, help="where to write the trained gate")
    return parser.parse_args(argv)


def load_sets(sets: list[list[str]]) -> dict[str, list[Article]]:
    loaded = {}
    for directory, spec in sets:
        labels, _, split = spec.partition(":")
        pairs = load_dir(Path(directory), Path(labels), skip_missing=True)
        pairs = [(t, lab) for t, lab in pairs if not split or lab.get("split") == split]
        loaded[f"{labels}{':' + split if split else ''}"] = gather(pairs)
    return loaded


def cross_validate(sets: dict[str, list[Article]], c: float) -> None:
    before, after = Score(), {t: Score() for t in THRESHOLDS}
    for name, held in sets.items():
        rest = [a for other, arts in sets.items() if other != name for a in arts]
        gate = fit(rest, 0.0, c)
        plain = score(held, None)
        before.add(plain)
        line = [f"{name}: {plain.f1_1to1:.3f}"]
        for t in THRESHOLDS:
            s = score(held, Gate(gate.classes, gate.dim, gate.bias, gate.weights, t))
            after[t].add(s)
            line.append(f"{t}:{s.f1_1to1:.3f}")
        print(" ".join(line), flush=True)
    print(f"all, rules alone: P {before.precision_1to1:.3f} R {before.recall_1to1:.3f} F1 {before.f1_1to1:.3f}")
    for t, s in after.items():
        print(f"all, gate at {t}: P {s.precision_1to1:.3f} R {s.recall_1to1:.3f} F1 {s.f1_1to1:.3f}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sets = load_sets(args.set)
    examples = [k for arts in sets.values() for a in arts for _, k in a.examples]
    print(f"{sum(len(a) for a in sets.values())} articles, {len(examples)} left-out mentions, "
          f"{sum(k != NONE for k in examples)} of them dating a label", flush=True)
    if args.cv:
        cross_validate(sets, args.c)
    if args.out:
        gate = fit([a for arts in sets.values() for a in arts], args.threshold, args.c)
        args.out.write_text(json.dumps(gate.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {args.out}: {len(gate.weights)} features, classes {gate.classes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
