"""Benchmark the news-extraction engine on the founding articles and the gold expressions.

Usage: PYTHONPATH=. python benchmarks/extract.py [--seeds DIR] [--labels FILE] [--cli] [--json]
Outputs precision/recall on tests/data/extract_labels.json, exact-instant accuracy,
gold-expression resolution accuracy, and throughput (articles/s).
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
from calendar_daemon.extract import Candidate, extract, resolve_expression
from calendar_daemon.extract.articles import split_articles
from calendar_daemon.extract.scoring import Score, gold_ok, score_article

logger = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[1]


def default_seeds() -> Path:
    env = os.environ.get("CALENDAR_DAEMON_SHARED_SEEDS")
    return Path(env) if env else ROOT.parent / "shared" / "seeds"


def run_cli(text: str) -> list[Candidate]:
    """Run the engine through the CLI: ``calendar-daemon ingest - --dry-run --json``."""
    out = subprocess.run([sys.executable, "-m", "calendar_daemon", "ingest", "-", "--dry-run", "--json"], input=text,
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return [Candidate(**row) for row in json.loads(out.stdout)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seeds", type=Path, default=default_seeds())
    ap.add_argument("--labels", type=Path, default=ROOT / "tests" / "data" / "extract_labels.json")
    ap.add_argument("--cli", action="store_true", help="go through the CLI instead of the package")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("-v", "--verbose", action="store_true", help="list candidates per article")
    args = ap.parse_args(argv)

    page = (args.seeds / "000_dcc5131f58164046.txt").read_text(encoding="utf-8")
    labels = json.loads(args.labels.read_text(encoding="utf-8"))["articles"]
    articles = split_articles(page)
    if len(articles) != len(labels):
        print(f"expected {len(labels)} articles, found {len(articles)}", file=sys.stderr)
        return 2
    run = run_cli if args.cli else extract
    total = Score()
    per: list[dict[str, Any]] = []
    for art, lab in zip(articles, labels, strict=True):
        assert art.headline.startswith(lab["headline_prefix"]), (art.headline, lab["headline_prefix"])
        cands = run(art.text)
        s = score_article(cands, lab["events"])
        total.add(s)
        per.append({"article": lab["id"], "labels": s.labels, "candidates": s.candidates,
                    "found": s.matched_labels, "correct": s.matched_candidates})
        if args.verbose:
            print(f"== {lab['id']} {art.headline[:30]}")
            for c in cands:
                print(f"   {c.category:12} {c.start:25} {c.end or '-':10} {c.precision:8} {c.title}")

    gold = json.loads((args.seeds / "time_expressions_gold.json").read_text(encoding="utf-8"))
    heads = {lab["id"]: art.headline for art, lab in zip(articles, labels, strict=True)}
    ok = 0
    misses = []
    for g in gold:
        res = resolve_expression(g["text_span"], datetime.fromisoformat(g["article_date"]), "Asia/Shanghai",
                                 context=heads.get(g["article"]))
        if gold_ok(res, g["expected_start"], g["expected_end"]):
            ok += 1
        else:
            misses.append(g["id"])

    sample = [a.text for a in articles]
    chars = sum(len(t) for t in sample)
    rounds = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < 2.0:
        for t in sample:
            extract(t)
        rounds += 1
    elapsed = time.perf_counter() - t0
    n_articles = rounds * len(sample)
    per_3k = n_articles * (chars / len(sample)) / 3000 / elapsed

    figures = {
        "labels": total.labels, "candidates": total.candidates,
        "precision": round(total.precision, 3), "recall": round(total.recall, 3),
        "precision_one_to_one": round(total.precision_1to1, 3), "recall_one_to_one": round(total.recall_1to1, 3),
        "timed_exact": f"{total.timed_exact}/{total.timed}",
        "gold_accuracy": round(ok / len(gold), 3), "gold_correct": ok, "gold_total": len(gold),
        "gold_misses": misses, "articles_per_s": round(n_articles / elapsed, 1),
        "articles_3k_chars_per_s": round(per_3k, 1), "per_article": per,
    }
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
