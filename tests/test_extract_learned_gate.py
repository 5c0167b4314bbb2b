"""The learned gate (issue 15, round 24): a dated mention the rules leave out is shown to a small model, which
may propose it with a category; its guesses never change what the rules read, never repeat a day the rules
already date, and stay below the confident band. The articles are our own."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.learned import GATE_FILE, LEARNED_CAP, NONE, Gate, Mention, using_gate

PUBLISHED = datetime.fromisoformat("2031-06-20T10:00+05:30")
RIGHTS = ("Acme Holdings PLC: rights issue timetable\n\nThe board announces the following dates.\n\n"
          "Ex Rights date: 1st July 2031\nDispatch of provisional Letter of Allotment: 7th July 2031\n"
          "Rights Trading Commences: 13th July 2031\nLast date of Acceptance & Payment: 22nd July 2031.\n")  # fmt: skip


def always(category: str, probability: float, threshold: float = 0.6) -> Gate:
    """A gate that calls every left-out mention ``category`` with ``probability`` (its bias alone)."""
    import math

    logit = math.log(probability / (1 - probability))
    return Gate(classes=[NONE, category], dim=16, bias=[0.0, logit], weights={}, threshold=threshold)


def days(cands: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return sorted((c.start, c.category) for c in cands)


def test_the_rules_alone_leave_out_the_payment_day() -> None:
    with using_gate(None):
        got = days(extract(RIGHTS, PUBLISHED))
    assert got == [("2031-07-01", "corporate"), ("2031-07-07", "corporate"), ("2031-07-13", "corporate")]


def test_a_mention_the_rules_leave_out_is_proposed_with_the_gates_category_and_a_modest_confidence() -> None:
    with using_gate(always("bond", 0.99)):
        cands = extract(RIGHTS, PUBLISHED)
    added = [c for c in cands if c.start == "2031-07-22"]
    assert [(c.category, c.confidence) for c in added] == [("bond", LEARNED_CAP)]
    assert "learned" not in added[0].to_json()  # internal, as the gazetteer's release id
    # the rules' own candidates are untouched
    assert [(c.start, c.category, c.confidence >= 0.8) for c in cands if c.start != "2031-07-22"] == [
        ("2031-07-01", "corporate", True), ("2031-07-07", "corporate", True), ("2031-07-13", "corporate", True)]


def test_below_its_threshold_the_gate_proposes_nothing() -> None:
    with using_gate(always("bond", 0.55, threshold=0.6)):
        assert "2031-07-22" not in [c.start for c in extract(RIGHTS, PUBLISHED)]


def test_the_gate_never_repeats_a_day_the_rules_already_date() -> None:
    text = ("Acme Bank timetable\n\nAcme Bank will hold its shareholders' meeting on 3 July 2031.\n\n"
            "Dividend register closes: 3 July 2031\n")
    with using_gate(None):
        ruled = days(extract(text, PUBLISHED))
    with using_gate(always("corporate", 0.99)):
        guessed = days(extract(text, PUBLISHED))
    assert [day for day, _ in ruled] == ["2031-07-03"] and guessed == ruled


def test_a_guess_does_not_change_what_the_rules_read_next() -> None:
    """A day list: the gate's guess on a heading line must not become the day or clock the next rows inherit."""
    text = ("Markets week ahead\nNov 27, 2026\n\nSchedule: Thursday, Dec 3\n\n"
            "Thursday, Dec 3, 8:30 a.m. ET: housing starts (November)\n\nFriday, Dec 4, 8:30 a.m. ET: US nonfarm payrolls\n")
    published = datetime.fromisoformat("2026-11-27T08:00-05:00")
    with using_gate(None):
        ruled = [(c.start, c.category) for c in extract(text, published)]
    with using_gate(always("other", 0.99)):
        guessed = [(c.start, c.category) for c in extract(text, published)]
    assert [g for g in guessed if g in ruled] == ruled  # every rules' candidate, with its clock, is still there
    assert ("2026-12-03T08:30-05:00", "macro_data") in ruled


def test_a_reopening_after_a_closure_is_no_event_even_to_the_gate() -> None:
    text = "2032年春节休市安排\n\n2月11日至2月13日全天休市,2月16日(初四)起正常开市。\n"
    with using_gate(always("other", 0.99)):
        got = days(extract(text, datetime.fromisoformat("2032-02-02T12:00+08:00")))
    assert ("2032-02-16", "other") not in got and ("2032-02-11", "other") in got


def test_the_gate_judges_by_the_words_of_the_clause() -> None:
    mention = Mention("Last date of Acceptance & Payment:", "22nd July 2031", ".", "date", False, True, False, "other")
    features = mention.features()
    assert "b:payment" in features and "a:." in features and "p=date" in features and "t=0" in features
    from calendar_daemon.sources.extract.learned import hashed

    index = hashed(["b:payment"], 1 << 18)[0]
    gate = Gate(classes=[NONE, "corporate"], dim=1 << 18, bias=[0.0, -3.0], weights={index: [0.0, 6.0]}, threshold=0.6)
    assert gate.keeps(mention) == ("corporate", LEARNED_CAP)
    other = Mention("Weather on", "22nd July 2031", ".", "date", False, True, False, "other")
    assert gate.keeps(other) is None


def test_the_shipped_gate_reads_a_timetable_row_the_rules_leave_out() -> None:
    """The model shipped in the package (trained on the labelled development corpora) proposes the payment
    day of a rights timetable, and loads back exactly as written."""
    assert GATE_FILE.is_file()
    data = json.loads(GATE_FILE.read_text(encoding="utf-8"))
    gate = Gate.from_json(data)
    assert gate.to_json() == json.loads(json.dumps(gate.to_json()))
    assert NONE in gate.classes and {"central_bank", "macro_data", "corporate"} <= set(gate.classes)
    assert 0.5 <= gate.threshold < 1
    added = [c for c in extract(RIGHTS, PUBLISHED) if c.start == "2031-07-22"]
    assert [(c.category, c.confidence <= LEARNED_CAP) for c in added] == [("corporate", True)]


def test_training_writes_a_gate_that_reads_what_it_was_taught(tmp_path: Path) -> None:
    pytest.importorskip("sklearn", reason="training needs the train extra (scikit-learn)")
    from benchmarks.train_gate import Article, fit, gather

    labels = [{"category": "corporate", "precision": "date", "start": f"2031-07-{d:02d}", "end": f"2031-07-{d:02d}"}
              for d in (1, 7, 13, 22)]  # fmt: skip
    noise = "Weather outlook: rain expected on 22nd July 2031.\n"
    pairs = [(RIGHTS, {"id": "A", "published": PUBLISHED.isoformat(), "pass_published": True, "events": labels}),
             (noise, {"id": "B", "published": PUBLISHED.isoformat(), "pass_published": True, "events": []})] * 3
    articles: list[Article] = gather(pairs)
    assert any(k == "corporate" for a in articles for _, k in a.examples)
    assert any(k == NONE for a in articles for _, k in a.examples)
    gate = fit(articles, 0.6, 10.0)
    path = tmp_path / "gate.json"
    path.write_text(json.dumps(gate.to_json()), encoding="utf-8")
    loaded = Gate.from_json(json.loads(path.read_text(encoding="utf-8")))
    with using_gate(loaded):
        assert ("2031-07-22", "corporate") in days(extract(RIGHTS, PUBLISHED))


def test_a_guess_is_titled_by_the_kind_the_gate_gave_it() -> None:
    """The title is composed with the gate's kind, not the rules' fallback: a bare region was all it said before."""
    text = "US calendar\n\nThe Treasury's numbers arrive on 14 July 2031.\n"
    with using_gate(always("macro_data", 0.99)):
        assert [(c.category, c.title) for c in extract(text, PUBLISHED)] == [("macro_data", "US data release")]
    with using_gate(always("bond", 0.99)):
        assert [(c.category, c.title) for c in extract(text, PUBLISHED)] == [("bond", "US bond auction")]
