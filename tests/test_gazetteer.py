"""The gazetteer (calendar_daemon/domain/gazetteer.yaml): recurring releases and institutions with their
names in Simplified and Traditional Chinese and English, read once; extraction recognises releases by it
and matching compares entities through its aliases."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from calendar_daemon.domain.aliases import canonical_entity
from calendar_daemon.domain.gazetteer import load_gazetteer
from calendar_daemon.domain.vocabulary import CATEGORIES
from calendar_daemon.exceptions import ConfigError
from calendar_daemon.sources.extract.releases import releases_in


def test_a_few_hundred_names_each_mapped_to_category_region_importance_time() -> None:
    gaz = load_gazetteer()
    names = [n for r in gaz.releases for lang in ("en", "zh", "zh_hant") for n in r.names[lang]]
    names += [n for group in gaz.institutions for n in group]
    assert len(names) >= 300 and len(gaz.releases) >= 100
    assert all(r.category in CATEGORIES and 1 <= r.importance <= 3 for r in gaz.releases)
    assert all(r.names["en"] and r.names["zh"] for r in gaz.releases if r.region in ("US", "CN", "HK"))
    timed = [r for r in gaz.releases if r.time]
    assert timed and all(len(r.time.split()) == 2 and r.time[2] == ":" for r in timed if r.time)
    twice = [n for n, k in Counter(n for g in gaz.institutions for n in {m.casefold() for m in g}).items() if k > 1]
    assert not twice, f"a name in two institutions: {twice}"
    assert load_gazetteer() is gaz  # read once


def test_aliases_join_names_across_languages() -> None:
    assert canonical_entity("国新办") == canonical_entity("国务院新闻办公室") == canonical_entity("SCIO")
    assert canonical_entity("央行") == canonical_entity("People's Bank of China")
    assert canonical_entity("聯準會") == canonical_entity("Fed") == canonical_entity("美联储")
    assert canonical_entity("非农") == canonical_entity("nonfarm payrolls")
    assert canonical_entity("Harbourline Robotics") == "harbourline robotics"  # unknown names stay themselves


@pytest.mark.parametrize(("text", "release"), [
    ("将先后迎来官方 PMI 与财新 PMI 两组数据", "cn-official-pmi"),
    ("統計處將公布零售業總銷貨價值", "hk-retail-sales"),
    ("The Empire State manufacturing index comes out on Monday", "us-empire-state"),
    ("Initial jobless claims are due Thursday", "us-jobless-claims"),
    ("美国非农就业报告周五公布", "us-nfp"),
])
def test_releases_are_recognised_in_every_script(text: str, release: str) -> None:
    assert releases_in(text)[0].release.id == release


def test_words_inside_other_words_are_no_release() -> None:
    assert releases_in("The CPIs of several countries and ISMs were discussed") == []


def test_a_broken_gazetteer_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "gazetteer.yaml"
    bad.write_text("institutions: []\nreleases:\n  - {id: x, category: weather, en: [rain]}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown category"):
        load_gazetteer(bad)
