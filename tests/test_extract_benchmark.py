"""The extraction benchmark's scoring (F1, calibration) and the real-article corpus 2 with its frozen blind part."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import random
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from calendar_daemon.sources.extract.candidate import Candidate
from tests.extract_scoring import CONFIDENT, Score, score_article
from tests.helpers import REPO_ROOT

CORPUS2 = REPO_ROOT / "benchmarks" / "real" / "corpus2" / "labels.json"
CATEGORIES = {"central_bank", "macro_data", "liquidity", "lockup", "ipo", "earnings", "bond", "policy", "legal",
              "corporate", "conference", "other"}


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_extract", REPO_ROOT / "benchmarks" / "extract.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _corpus() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(CORPUS2.read_text(encoding="utf-8"))
    return doc


def _cand(start: str, confidence: float, category: str = "macro_data") -> Candidate:
    return Candidate(title="t", category=category, region="CN", importance=3, start=start, end=start,
                     precision="date", timezone="Asia/Shanghai", confidence=confidence)


def _label(start: str, category: str = "macro_data") -> dict[str, Any]:
    return {"title": "t", "category": category, "region": "CN", "precision": "date", "start": start, "end": start}


def test_f1_and_calibration_count_a_confident_duplicate_as_wrong() -> None:
    labels = [_label("2026-03-09"), _label("2026-03-10"), _label("2026-03-11")]
    cands = [_cand("2026-03-09", 0.9), _cand("2026-03-09", 0.85),  # the second is a duplicate: wrong one-to-one
             _cand("2026-03-10", 0.5), _cand("2026-03-20", 0.95)]  # the last matches nothing
    total = Score()
    total.add(score_article(cands, labels))
    assert (total.confident, total.confident_right) == (3, 1)
    assert total.calibration == 1 / 3
    assert (total.precision_1to1, total.recall_1to1) == (2 / 4, 2 / 3)
    assert abs(total.f1_1to1 - 2 * 0.5 * (2 / 3) / (0.5 + 2 / 3)) < 1e-9
    assert abs(total.f1 - 2 * 0.75 * (2 / 3) / (0.75 + 2 / 3)) < 1e-9  # lenient: 3 of 4 right, 2 of 3 found
    assert CONFIDENT == 0.8


def test_the_maximum_matching_pairs_what_the_greedy_pairing_leaves_apart() -> None:
    """The greedy pairing serves day labels first: a two-day label takes the candidate on its first day, the
    only one a timed label on that day could have, though the candidate on its second day was free. The
    maximum matching pairs both; the greedy figure stays the headline, for comparability."""
    two_days = {"title": "t", "category": "macro_data", "region": "CN", "precision": "date", "start": "2026-03-09",
                "end": "2026-03-10"}
    timed = {"title": "t", "category": "macro_data", "region": "CN", "precision": "datetime",
             "start": "2026-03-09T14:00:00+08:00", "end": None}
    cands = [_cand("2026-03-09", 0.5), _cand("2026-03-10", 0.5)]
    s = score_article(cands, [two_days, timed])
    assert (s.one_to_one, s.one_to_one_max) == (1, 2)
    total = Score()
    total.add(s)
    assert total.f1_1to1 == 0.5 and total.f1_1to1_max == 1.0
    assert score_article([_cand("2026-03-12", 0.5)], [_label("2026-03-12"), _label("2026-03-12")]).one_to_one_max == 1


def test_no_confident_candidate_means_no_calibration_figure() -> None:
    s = score_article([_cand("2026-03-09", 0.79)], [_label("2026-03-09")])
    assert s.calibration is None and s.f1 == 1.0


def test_corpus2_is_large_varied_and_fully_described() -> None:
    arts = _corpus()["articles"]
    assert len(arts) >= 50
    assert {a["language"] for a in arts} == {"en", "zh-Hans", "zh-Hant"}
    assert len({a["outlet"].split(" (")[0] for a in arts}) >= 12
    assert len({a["id"] for a in arts}) == len({a["file"] for a in arts}) == len(arts)
    for a in arts:
        assert a["url"].startswith("http") and a["published_from"] and a["chars_labelled"] > 0, a["id"]
        assert datetime.fromisoformat(a["published"]).tzinfo is not None, a["id"]
        for e in a["events"]:
            assert e["category"] in CATEGORIES, (a["id"], e)
            first = date.fromisoformat(e["start"][:10])
            if e["precision"] == "datetime":
                assert datetime.fromisoformat(e["instant"]).tzinfo is not None, (a["id"], e)
            elif e["end"] is not None:
                assert date.fromisoformat(e["end"]) >= first, (a["id"], e)


def test_corpus2_split_is_the_recorded_seeded_stratified_split() -> None:
    doc = _corpus()
    seed, share = doc["split"]["seed"], doc["split"]["dev_share"]
    arts = doc["articles"]
    for lang in {a["language"] for a in arts}:
        ids = sorted(a["id"] for a in arts if a["language"] == lang)
        random.Random(f"{seed}-{lang}").shuffle(ids)
        dev = set(ids[: round(share * len(ids))])
        assert {a["id"] for a in arts if a["language"] == lang and a["split"] == "dev"} == dev, lang
    dev_share = sum(a["split"] == "dev" for a in arts) / len(arts)
    assert 0.35 <= dev_share <= 0.45


def test_corpus2_blind_part_is_frozen() -> None:
    """Editing a blind label changes this digest: the blind part is scored, never tuned."""
    doc = _corpus()
    blind = [a for a in doc["articles"] if a["split"] == "blind"]
    digest = hashlib.sha256(json.dumps(blind, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                            .encode()).hexdigest()
    assert digest == doc["split"]["blind_sha256"]


def test_benchmark_scores_one_part_without_the_other_parts_texts(tmp_path: Path) -> None:
    bench = _bench()
    labels = {"articles": [
        {"id": "D1", "file": "d1.txt", "split": "dev", "events": []},
        {"id": "B1", "file": "b1.txt", "split": "blind", "events": []},
    ]}
    labels_file = tmp_path / "labels.json"
    labels_file.write_text(json.dumps(labels), encoding="utf-8")
    (tmp_path / "d1.txt").write_text("下周一公布数据\n", encoding="utf-8")  # no b1.txt: blind texts not fetched
    args = bench.parse_args(["--articles", str(tmp_path), "--labels", str(labels_file), "--split", "dev"])
    pairs = bench.load_pairs(args)
    assert [lab["id"] for _, lab in pairs] == ["D1"]
    assert [lab["id"] for lab in bench.load_labels_only(labels_file, "blind")] == ["B1"]


def test_a_missing_text_stops_the_run_unless_skipped_and_then_it_is_named(
    tmp_path: Path, capsys: Any,
) -> None:  # fmt: skip
    bench = _bench()
    labels = {"articles": [
        {"id": "D1", "file": "d1.txt", "split": "dev", "events": []},
        {"id": "D2", "file": "d2.txt", "split": "dev", "events": [{"category": "macro_data"}] * 3},
    ]}  # fmt: skip
    labels_file = tmp_path / "labels.json"
    labels_file.write_text(json.dumps(labels), encoding="utf-8")
    (tmp_path / "d1.txt").write_text("下周一公布数据\n", encoding="utf-8")  # d2.txt could not be rebuilt
    argv = ["--articles", str(tmp_path), "--labels", str(labels_file), "--split", "dev"]
    with pytest.raises(SystemExit, match=r"missing d2\.txt"):
        bench.load_pairs(bench.parse_args(argv))
    pairs = bench.load_pairs(bench.parse_args([*argv, "--skip-missing"]))
    assert [lab["id"] for _, lab in pairs] == ["D1"]
    assert "without d2.txt (3 labels)" in capsys.readouterr().err


def test_verbose_listing_cuts_long_strings() -> None:
    bench = _bench()
    long_text = "甲" * 100
    assert len(bench.shown(long_text)) == bench.SHOWN and bench.shown(long_text).endswith("…")
    assert bench.shown("short\n text") == "short text"


def test_verbose_listing_names_events_read_as_one_candidate(capsys: pytest.CaptureFixture[str]) -> None:
    """A week-long candidate overlapping two dated labels pairs with one; the other is a `MISS 1:1`, and a
    label no candidate overlaps is a plain `MISS`."""
    bench = _bench()
    week = Candidate(title="w", category="macro_data", region="CN", importance=3, start="2026-03-09",
                     end="2026-03-15", precision="week", timezone="Asia/Shanghai", confidence=0.5)
    labels = [_label("2026-03-10"), _label("2026-03-11"), _label("2026-03-20")]
    bench.print_article({"id": "X1", "events": labels}, "headline", [week])
    out = capsys.readouterr().out.splitlines()
    misses = [line.split()[:3] for line in out if "MISS" in line]
    assert misses == [["MISS", "1:1", "macro_data"], ["MISS", "macro_data", "2026-03-20"]]
    assert sum("2026-03-10" in line for line in out if "MISS" in line) == 0  # the paired label is not listed
