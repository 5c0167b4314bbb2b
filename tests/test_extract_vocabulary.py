"""Lookups made faster answer as before: a vocabulary split for speed as its single pattern (whether it
occurs, and where first), the share of Chinese as counted character by character."""

from __future__ import annotations

import re

import pytest

from calendar_daemon.sources.extract import classify as C
from calendar_daemon.sources.extract import regions as R
from calendar_daemon.sources.extract.normalize import cjk_ratio
from calendar_daemon.sources.extract.vocabulary import FOLDED_LATIN, Vocabulary, alternatives, may_hold

TEXTS = (
    "", "下周三美联储将公布利率决议,欧洲央行周四召开会议", "The Fed decides on Wednesday; Apple reports Thursday.",
    "微软与SK海力士本周公布财报", "sk海力士", "META and Meta", "ſwiss and Kelvin Kanada", "台湾时间18日凌晨2时,英国央行公布决议",
    "Treasury auction of 10-year notes", "the U.S. jobs report on Friday", "A股与港股", "a股", "半导体", "FOMC minutes",
    "Bank of Canada rate decision, then the BoC press conference", "英伟达 Nvidia nvidia", "lock-up expiry", "Lockup",
    "the central bank", "Beige Book", "储备银行行长讲话", "10-year notes", "创业板上市", "第三季度报告", "aab", "ac",
)


@pytest.mark.parametrize(("pattern", "flags"), [
    (C.TRIGGER.rx.pattern, C.TRIGGER.rx.flags), *((rx.pattern, rx.flags) for _, rx in C.CATEGORY_RULES),
    ("|".join(R._REGION_ALTERNATIVES), re.IGNORECASE),
    (r"会议|\bFed\b|S?wiss|(?-i:Meta)|(?-i:A|b)|[Cc]entral|日(?![本元])|x{0}y", re.IGNORECASE),
    (r"(?i)fed|美联储", 0), (r"(a)\1|美", 0), (r"[|]|a\|b|(x|y)z|会", 0),
    (r"(?:a|b)+c|(?:a|ab)(?:b|c)|(?:季度|年度)报告|(?:储备银行|央行)\S{0,6}?行长|[Cc]entral|\b(?:ac|b)", re.IGNORECASE),
])  # fmt: skip
def test_answers_as_the_single_pattern(pattern: str, flags: int) -> None:
    whole, words = re.compile(pattern, flags), Vocabulary(pattern, flags)
    for text in TEXTS:
        m = whole.search(text)
        assert words.found(text) is (m is not None), text
        assert words.first(text) == (m.start() if m else None), text


def test_alternatives_split_only_at_the_top_level() -> None:
    assert alternatives(r"a|(?:b|c)d|[|x]|\||e") == ["a", "(?:b|c)d", "[|x]", r"\|", "e"]
    assert alternatives(r"[]|]x|y") == ["[]|]x", "y"]
    assert alternatives("a") == ["a"]


def test_a_latin_letter_is_seen_with_the_patterns_flags() -> None:
    """The look-ahead "[A-Za-z]" lets through every character a letter matches ignoring case ("ſ", "K")."""
    letter = re.compile("|".join("abcdefghijklmnopqrstuvwxyz"), re.IGNORECASE)
    ahead = re.compile("[A-Za-z]", re.IGNORECASE)
    assert [cp for cp in range(0x110000) if letter.match(chr(cp)) and not ahead.match(chr(cp))] == []
    assert "".join(chr(cp) for cp in range(0x80, 0x110000) if letter.match(chr(cp))) == FOLDED_LATIN


@pytest.mark.parametrize("text", ["This Week", "NEXT MONTH", "thıs week", "tomorrow", "the week ahead", "month-end",
                                  "ſ", "no such words", "下周", ""])
def test_may_hold_is_never_wrong_when_it_says_no(text: str) -> None:
    rel = re.compile(r"\b(?:this|next|last)\s+week\b|\btomorrow\b|\bweek ahead|month-end", re.IGNORECASE)
    if rel.search(text):
        assert may_hold(text, ("this", "next", "last", "tomorrow", "week", "end"))


@pytest.mark.parametrize("text", ["", "abc中文", "Fed 周三公布利率决议", "ſKıİ Ünïcode 中", "\ud800x", "x" * 6000 + "中"])
def test_cjk_ratio_counts_latin_letters_only(text: str) -> None:
    sample = text[:5000]
    cjk, latin = len(re.findall("[\u4e00-\u9fff]", sample)), len(re.findall("[A-Za-z]", sample))
    assert cjk_ratio(text) == (cjk / (cjk + latin) if cjk + latin else 0.0)
