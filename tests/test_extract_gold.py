"""Scores on the shared gold files (skipped when the shared seeds are absent)."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import pytest

from calendar_daemon.sources.extract import extract, resolve_expression
from calendar_daemon.sources.extract.articles import split_articles
from tests.extract_scoring import Score, gold_ok, score_article

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "extract_labels.json"


def _seeds() -> Path:
    env = os.environ.get("CALENDAR_DAEMON_SHARED_SEEDS")
    path = Path(env) if env else ROOT.parent / "shared" / "seeds"
    if not (path / "time_expressions_gold.json").is_file() or not (path / "000_dcc5131f58164046.txt").is_file():
        pytest.skip(f"shared seeds not found at {path} (set CALENDAR_DAEMON_SHARED_SEEDS)")
    return path


def _articles(seeds: Path) -> list[tuple[str, str, dict[str, object]]]:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["articles"]
    arts = split_articles((seeds / "000_dcc5131f58164046.txt").read_text(encoding="utf-8"))
    assert len(arts) == len(labels) == 10
    return [(a.headline, a.text, lab) for a, lab in zip(arts, labels, strict=True)]


def test_gold_expressions_resolve() -> None:
    seeds = _seeds()
    heads = {lab["id"]: head for head, _, lab in _articles(seeds)}
    gold = json.loads((seeds / "time_expressions_gold.json").read_text(encoding="utf-8"))
    assert len(gold) == 57
    ok = sum(
        gold_ok(resolve_expression(g["text_span"], datetime.fromisoformat(g["article_date"]), "Asia/Shanghai",
                                   context=heads.get(g["article"])), g["expected_start"], g["expected_end"])
        for g in gold)
    assert ok / len(gold) >= 0.9, f"{ok}/{len(gold)}"


def test_founding_articles_precision_recall() -> None:
    total = Score()
    for head, text, lab in _articles(_seeds()):
        assert head.startswith(str(lab["headline_prefix"]))
        total.add(score_article(extract(text), lab["events"]))  # type: ignore[arg-type]
    assert total.labels >= 30
    assert total.recall >= 0.95, total
    assert total.precision >= 0.90, total
    assert total.timed_exact == total.timed


def test_published_times_of_founding_articles() -> None:
    from calendar_daemon.sources.extract import detect_published

    for _, text, lab in _articles(_seeds()):
        dt, outlet = detect_published(text)
        assert dt == datetime.fromisoformat(str(lab["published"]))
        assert outlet == lab["outlet"]
