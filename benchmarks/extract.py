"""Benchmark the news-extraction engine on a labelled article set and the gold expressions.

Usage: PYTHONPATH=. python benchmarks/extract.py [--set founding|heldout|unseen]
       [--articles DIR --labels FILE [--split dev|blind]] [--seeds DIR] [--cli] [--json] [-v]
Outputs precision/recall/F1 against the set's labels (lenient, and one-to-one: each label matched at most
once, every extra candidate a false positive), calibration (of the candidates with confidence >= 0.8, the
share paired with a label one-to-one), exact-instant accuracy, gold-expression resolution accuracy (needs
the seeds), and throughput (articles/s) on the set's articles.

Sets: ``founding`` = the ten founding articles (one page in the seeds, labels in
tests/data/extract_labels.json); ``heldout`` = benchmarks/heldout/articles (one file per article,
labels.json beside them, each label entry naming its ``file``); ``unseen`` = benchmarks/heldout/unseen,
kept out of rule development. ``--articles DIR --labels FILE`` scores any directory in the held-out layout;
``--split dev|blind`` keeps the articles of that part of a labels file whose entries carry a ``split``
(benchmarks/real/corpus2/labels.json). ``-v`` cuts titles and evidence to ``SHOWN`` characters so that
verbose runs can be kept without copying sentences of third-party articles.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from calendar_daemon.sources.extract import Candidate, extract, resolve_expression
from calendar_daemon.sources.extract.articles import split_articles
from tests.extract_scoring import CONFIDENT, Score, gold_ok, matches, pair_one_to_one, score_article

logger = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "benchmarks" / "heldout"
SETS = {"heldout": HELDOUT / "articles", "unseen": HELDOUT / "unseen"}
FOUNDING_LABELS = ROOT / "tests" / "data" / "extract_labels.json"
SPLITS = ("dev", "blind")
SHOWN = 40  # characters of a title or an evidence string shown by -v


def default_seeds() -> Path:
    env = os.environ.get("CALENDAR_DAEMON_SHARED_SEEDS")
    return Path(env) if env else ROOT.parent / "shared" / "seeds"


def run_cli(text: str) -> list[Candidate]:
    """Run the engine through the CLI: ``calendar-daemon ingest - --dry-run --json``."""
    out = subprocess.run([sys.executable, "-m", "calendar_daemon", "ingest", "-", "--dry-run", "--json"], input=text,
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return [Candidate(**row) for row in json.loads(out.stdout)]


def load_founding(seeds: Path, labels_file: Path) -> list[tuple[str, dict[str, Any]]]:
    """(article text, label entry) pairs of the founding page."""
    page = (seeds / "000_dcc5131f58164046.txt").read_text(encoding="utf-8")
    labels = json.loads(labels_file.read_text(encoding="utf-8"))["articles"]
    articles = split_articles(page)
    if len(articles) != len(labels):
        raise SystemExit(f"expected {len(labels)} articles, found {len(articles)}")
    return [(art.text, lab) for art, lab in zip(articles, labels, strict=True)]


def load_dir(
    articles_dir: Path, labels_file: Path, only: set[str] | None = None, *, skip_missing: bool = False,
) -> list[tuple[str, dict[str, Any]]]:  # fmt: skip
    """(article text, label entry) pairs of a directory with one file per article (``only``: these files;
    ``skip_missing``: score the articles whose text is there, naming the others on stderr)."""
    labels = [lab for lab in json.loads(labels_file.read_text(encoding="utf-8"))["articles"]
              if only is None or lab["file"] in only]
    missing = [lab["file"] for lab in labels if not (articles_dir / lab["file"]).is_file()]
    if missing and skip_missing:
        gone = sum(len(lab.get("events", [])) for lab in labels if lab["file"] in missing)
        print(f"{articles_dir}: scoring without {', '.join(missing)} ({gone} labels): texts missing", file=sys.stderr)
        labels = [lab for lab in labels if lab["file"] not in missing]
    elif missing:
        raise SystemExit(f"{articles_dir}: missing {', '.join(missing)} (the real set's texts are third-party "
                         f"and not committed: fetch each from its 'url' in {labels_file})")
    return [((articles_dir / lab["file"]).read_text(encoding="utf-8"), lab) for lab in labels]


def select_split(labels: list[dict[str, Any]], split: str | None) -> list[dict[str, Any]]:
    """The label entries of one part (``dev`` or ``blind``) of a labels file that records a split; all if None."""
    if split is None:
        return labels
    if not any("split" in lab for lab in labels):
        raise SystemExit(f"--split {split}: these labels record no split")
    return [lab for lab in labels if lab.get("split") == split]


def load_labels_only(labels_file: Path, split: str | None) -> list[dict[str, Any]]:
    """Label entries of one part, without their article texts."""
    return select_split(json.loads(labels_file.read_text(encoding="utf-8"))["articles"], split)


def shown(text: str, limit: int = SHOWN) -> str:
    """``text`` on one line, cut to ``limit`` characters (an ellipsis marks the cut)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def published_of(lab: dict[str, Any]) -> datetime | None:
    """The publication time to pass (like ``ingest --published``) for a page that shows none."""
    return datetime.fromisoformat(lab["published"]) if lab.get("pass_published") else None


def gold_figures(seeds: Path) -> tuple[int, int, list[str]]:
    """(resolved exactly, total, missed ids) on the gold time expressions of the founding articles."""
    pairs = load_founding(seeds, FOUNDING_LABELS)
    heads = {lab["id"]: text.splitlines()[0].strip() for text, lab in pairs}
    gold = json.loads((seeds / "time_expressions_gold.json").read_text(encoding="utf-8"))
    ok = 0
    misses = []
    for g in gold:
        res = resolve_expression(g["text_span"], datetime.fromisoformat(g["article_date"]), "Asia/Shanghai",
                                 context=heads.get(g["article"]))
        if gold_ok(res, g["expected_start"], g["expected_end"]):
            ok += 1
        else:
            misses.append(g["id"])
    return ok, len(gold), misses


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=("founding", *SETS), default="founding", help="labelled set to score")
    ap.add_argument("--articles", type=Path, help="directory of articles (one file each); needs --labels")
    ap.add_argument("--seeds", type=Path, default=default_seeds())
    ap.add_argument("--labels", type=Path, help="labels file (default: the set's)")
    ap.add_argument("--split", choices=SPLITS, help="score only this part of a labels file that records a split")
    ap.add_argument("--skip-missing", action="store_true",
                    help="with --articles: score the articles whose text is there and name the missing ones")
    ap.add_argument("--cli", action="store_true", help="go through the CLI instead of the package")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("-v", "--verbose", action="store_true", help="list candidates, misses and false positives")
    args = ap.parse_args(argv)
    if args.articles is not None and args.labels is None:
        ap.error("--articles needs --labels")
    if args.split is not None and args.articles is None:
        ap.error("--split needs --articles and --labels")
    return args


def load_pairs(args: argparse.Namespace) -> list[tuple[str, dict[str, Any]]]:
    if args.articles is not None:
        # Only the chosen part's texts are needed: whoever develops on "dev" never fetches the blind texts.
        wanted = None if args.split is None else {lab["file"] for lab in load_labels_only(args.labels, args.split)}
        return load_dir(args.articles, args.labels, only=wanted, skip_missing=args.skip_missing)
    if args.set == "founding":
        return load_founding(args.seeds, args.labels or FOUNDING_LABELS)
    return load_dir(SETS[args.set], args.labels or SETS[args.set] / "labels.json")


def print_article(lab: dict[str, Any], headline: str, cands: list[Candidate]) -> None:
    """The verbose listing of one article: candidates (FP, 1:1 or paired) and the labels nothing matched."""
    print(f"== {lab['id']} {shown(headline)}")
    paired = pair_one_to_one(cands, lab["events"])
    for i, c in enumerate(cands):
        # FP: matches no label; "1:1": matches one, but its label is taken by another candidate
        ok = ("  " if i in paired else "1:1") if any(matches(c, e) for e in lab["events"]) else "FP"
        print(f"   {ok:3} {c.category:12} {c.start:25} {c.end or '-':10} {c.precision:8} "
              f"{c.confidence:.2f} {shown(c.title)}  | {shown(c.evidence)}")
    taken = set(paired.values())
    for j, e in enumerate(lab["events"]):
        # MISS: no candidate of its category overlaps it; "MISS 1:1": one does, but it is paired with
        # another label (several events read as one candidate)
        if j in taken:
            continue
        kind = "MISS 1:1" if any(matches(c, e) for c in cands) else "MISS"
        print(f"   {kind:8} {e['category']:12} {e['start']:25} {e['end'] or '-':10} {e['precision']:8} "
              f"{shown(e['title'])}")


def score_pairs(pairs: list[tuple[str, dict[str, Any]]], cli: bool, verbose: bool) -> tuple[Score, list[dict[str, Any]]]:
    total = Score()
    per: list[dict[str, Any]] = []
    for text, lab in pairs:
        headline = text.strip().splitlines()[0].strip()
        if not headline.startswith(lab.get("headline_prefix", "")):
            raise SystemExit(f"{lab['id']}: headline {headline!r} does not start with {lab['headline_prefix']!r}")
        published = published_of(lab)
        cands = (run_cli if cli else extract)(text) if published is None else extract(text, published=published)
        s = score_article(cands, lab["events"])
        total.add(s)
        per.append({"article": lab["id"], "labels": s.labels, "candidates": s.candidates,
                    "found": s.matched_labels, "correct": s.matched_candidates, "one_to_one": s.one_to_one,
                    "timed_exact": f"{s.timed_exact}/{s.timed}"})
        if verbose:
            print_article(lab, headline, cands)
    return total, per


def score_figures(total: Score) -> dict[str, Any]:
    return {
        "labels": total.labels, "candidates": total.candidates,
        "precision": round(total.precision, 3), "recall": round(total.recall, 3), "f1": round(total.f1, 3),
        "precision_one_to_one": round(total.precision_1to1, 3), "recall_one_to_one": round(total.recall_1to1, 3),
        "f1_one_to_one": round(total.f1_1to1, 3),
        "f1_one_to_one_max_matching": round(total.f1_1to1_max, 3),
        "confident_candidates": total.confident, "confident_right_one_to_one": total.confident_right,
        "calibration": None if total.calibration is None else round(total.calibration, 3),
        "calibration_threshold": CONFIDENT,
        "timed_exact": f"{total.timed_exact}/{total.timed}",
    }


def throughput(sample: list[str]) -> dict[str, Any]:
    """``extract()`` over the articles for 2 s; wall-clock figures depend on what else the machine runs,
    CPU-time figures measure the code."""
    chars = sum(len(t) for t in sample)
    rounds = 0
    t0, c0 = time.perf_counter(), time.process_time()
    while time.perf_counter() - t0 < 2.0:
        for t in sample:
            extract(t)
        rounds += 1
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    n_articles = rounds * len(sample)
    per_3k = n_articles * (chars / len(sample)) / 3000 / elapsed
    return {"articles_per_s": round(n_articles / elapsed, 1), "articles_3k_chars_per_s": round(per_3k, 1),
            "articles_3k_chars_per_cpu_s": round(n_articles * (chars / len(sample)) / 3000 / cpu, 1),
            "load_average_1min": round(os.getloadavg()[0], 2)}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    pairs = load_pairs(args)
    total, per = score_pairs(pairs, args.cli, args.verbose)
    figures: dict[str, Any] = {"set": str(args.articles) if args.articles else args.set, "split": args.split,
                               "articles": len(pairs), **score_figures(total)}
    if (args.seeds / "time_expressions_gold.json").exists():
        ok, n, misses = gold_figures(args.seeds)
        figures.update({"gold_accuracy": round(ok / n, 3), "gold_correct": ok, "gold_total": n,
                        "gold_misses": misses})
    figures.update({**throughput([text for text, _ in pairs]), "per_article": per})
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
    else:
        for k, v in figures.items():
            if k != "per_article":
                print(f"{k:28} {v}")
        for row in per:
            print("   ", row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
