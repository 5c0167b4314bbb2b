"""Every labelled set of real articles under `benchmarks/real/` is well-formed, so that a figure taken on
it means what `benchmarks/README-extract.md` says: known categories and precisions, datetimes with their
offset, a week from Monday to Sunday, an address and a length for rebuilding each text."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import REPO_ROOT

LABEL_FILES = sorted((REPO_ROOT / "benchmarks" / "real").glob("**/labels*.json"))
CATEGORIES = {"central_bank", "macro_data", "liquidity", "lockup", "ipo", "earnings", "bond", "policy",
              "corporate", "conference", "other"}
PRECISIONS = {"datetime", "date", "week", "month", "quarter", "half", "year"}
SPLITS = {None, "dev", "blind", "heldout"}


def _articles(path: Path) -> list[dict[str, Any]]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(doc.get("description"), str) and doc["description"], f"{path}: no description"
    articles: list[dict[str, Any]] = doc["articles"]
    return articles


def test_the_real_corpora_are_all_checked() -> None:
    names = {p.relative_to(REPO_ROOT / "benchmarks" / "real").as_posix() for p in LABEL_FILES}
    assert {"corpus2/labels.json", "corpus3/labels.json", "corpus4/labels-en.json",
            "corpus5/labels-zh.json", "corpus6/labels-zh.json", "corpus6/labels-en.json",
            "corpus7/labels-zh.json", "corpus7/labels-en.json", "corpus8/labels-zh.json", "corpus8/labels-en.json",
            "corpus9/labels-zh.json", "corpus9/labels-en.json", "corpus10/labels-zh.json", "corpus10/labels-en.json",
            "corpus11/labels-zh.json", "corpus11/labels-en.json",
            "corpus12/labels-zh.json", "corpus12/labels-en.json"} <= names


@pytest.mark.parametrize("path", LABEL_FILES, ids=lambda p: p.relative_to(REPO_ROOT).as_posix())
def test_labels_file_is_well_formed(path: Path) -> None:
    articles = _articles(path)
    ids = [a["id"] for a in articles]
    assert len(ids) == len(set(ids)), f"{path}: an id twice"
    for a in articles:
        where = f"{path.name} {a['id']}"
        assert a.get("split") in SPLITS, f"{where}: split {a.get('split')!r}"
        assert a["events"], f"{where}: no labels"
        if "chars_labelled" in a:
            assert a["url"].startswith("http") and a["chars_labelled"] > 0, where
        for e in a["events"]:
            what = f"{where} {e['title']!r}"
            assert e["category"] in CATEGORIES and e["precision"] in PRECISIONS, what
            if e["precision"] == "datetime":
                start = datetime.fromisoformat(e["start"])
                assert start.tzinfo is not None, f"{what}: a datetime without its offset"
                if "instant" in e:
                    assert datetime.fromisoformat(e["instant"]) == start, f"{what}: instant is not start"
            else:
                assert "instant" not in e, f"{what}: an instant on a {e['precision']} label"
            if e["precision"] == "week":
                first, last = date.fromisoformat(e["start"][:10]), date.fromisoformat(e["end"][:10])
                assert first.weekday() == 0 and (last - first).days == 6, f"{what}: a week is Monday to Sunday"
