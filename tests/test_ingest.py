"""`ingest` proposes dated events from articles; `review` decides; proposals stay out of the feed until accepted."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import invoke_cli

REQUIRED = {"title", "category", "region", "importance", "start", "end", "precision", "timezone", "entities", "evidence", "confidence"}

WEEK_AHEAD = """Week ahead: Fed decision and payrolls
Jan 25, 2026

The Federal Reserve announces its rate decision on Wednesday at 2:00 p.m. ET, followed by the chair's
press conference. The Labor Department releases initial jobless claims on Thursday 8:30 a.m. ET.
"""


def events(db: str) -> list[dict[str, object]]:
    return json.loads(invoke_cli("list", "--json", db=db).stdout)  # type: ignore[no-any-return]


def test_dry_run_json_on_founding_articles_stores_nothing(shared_seeds: Path, db_url: str) -> None:
    article = shared_seeds / "000_dcc5131f58164046.txt"
    result = invoke_cli("ingest", str(article), "--dry-run", "--json", db=db_url)
    assert result.returncode == 0, result.stderr
    candidates = json.loads(result.stdout)
    assert len(candidates) >= 30
    assert all(set(c) >= REQUIRED for c in candidates)
    pmi = [c for c in candidates if c["category"] == "macro_data" and c["start"] == "2026-01-31"]
    assert pmi, "the January PMI release on 2026-01-31"
    fed = [c for c in candidates if c["category"] == "central_bank" and c["precision"] == "datetime"]
    assert any(c["start"].startswith("2026-01-30T03:00") for c in fed)
    assert events(db_url) == []


def test_proposals_wait_for_review(tmp_path: Path, db_url: str) -> None:
    article = tmp_path / "week.txt"
    article.write_text(WEEK_AHEAD, encoding="utf-8")
    stored = invoke_cli("ingest", str(article), db=db_url)
    assert stored.returncode == 0, stored.stderr
    assert events(db_url) == []  # proposed events are not listed, exported or served
    assert "BEGIN:VEVENT" not in invoke_cli("export", db=db_url).stdout
    pending = json.loads(invoke_cli("review", "--json", db=db_url).stdout)
    assert len(pending) >= 2
    fed = next(p for p in pending if p["category"] == "central_bank")
    claims = next(p for p in pending if p["category"] == "macro_data")
    assert fed["start"] == "2026-01-28T14:00:00-05:00"
    assert fed["sources"][0]["evidence"] and fed["sources"][0]["published"].startswith("2026-01-25")
    assert invoke_cli("review", "--accept", fed["uid"], "--reject", claims["uid"], db=db_url).returncode == 0
    listed = events(db_url)
    assert [e["uid"] for e in listed] == [fed["uid"]] and listed[0]["status"] == "confirmed"
    again = invoke_cli("review", "--accept", claims["uid"], db=db_url)
    assert again.returncode == 1 and "no proposed event" in again.stderr
    # Ingesting the same article again does not resurrect decisions or duplicate the accepted event.
    assert invoke_cli("ingest", str(article), db=db_url).returncode == 0
    assert [e["uid"] for e in events(db_url)] == [fed["uid"]]


def test_accept_above_confidence(tmp_path: Path, db_url: str) -> None:
    article = tmp_path / "week.txt"
    article.write_text(WEEK_AHEAD, encoding="utf-8")
    assert invoke_cli("ingest", str(article), db=db_url).returncode == 0
    pending = json.loads(invoke_cli("review", "--json", db=db_url).stdout)
    threshold = max(p["confidence"] for p in pending)
    assert invoke_cli("review", "--accept-above", str(threshold), db=db_url).returncode == 0
    accepted = {e["uid"] for e in events(db_url)}
    assert accepted == {p["uid"] for p in pending if p["confidence"] >= threshold}


def test_stdin_and_published_option(db_url: str) -> None:
    text = "下周一(1月26日)北芯生命新股发行。"
    result = invoke_cli("ingest", "-", "--published", "2026-01-25T20:41+08:00", "--dry-run", "--json", db=db_url, input_text=text)
    assert result.returncode == 0, result.stderr
    [ipo] = [c for c in json.loads(result.stdout) if c["category"] == "ipo"]
    assert ipo["start"] == "2026-01-26" and "北芯生命" in ipo["entities"]


def test_bad_inputs_are_clear_errors(tmp_path: Path, db_url: str) -> None:
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\xff\xfe\x00\x01" * 100)
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    undated = tmp_path / "undated.txt"
    undated.write_text("The committee meets on Wednesday.", encoding="utf-8")
    for path, message in ((binary, "not UTF-8"), (empty, "no text to read"), (undated, "--published")):
        result = invoke_cli("ingest", str(path), db=db_url)
        assert result.returncode == 1, path
        assert path.name in result.stderr and message in result.stderr
        assert "Traceback" not in result.stderr
    bad = invoke_cli("ingest", "-", "--published", "yesterday", db=db_url, input_text="x")
    assert bad.returncode == 2 and "--published" in bad.stderr


def test_rescheduled_event_is_proposed_once_with_its_old_date_recorded(db_url: str) -> None:
    article = Path(__file__).parent / "data" / "articles" / "zh_ipo_calendar.txt"
    assert invoke_cli("ingest", str(article), db=db_url).returncode == 0
    pending = json.loads(invoke_cli("review", "--json", db=db_url).stdout)
    listings = [p for p in pending if "恒远医疗" in p["entities"]]
    assert [p["start"] for p in listings] == ["2026-06-15"]
    assert "moves it from 2026-06-11" in listings[0]["description"]
    assert listings[0]["extra"]["rescheduled_from"] == "2026-06-11"


def test_counts_read_in_the_right_number(tmp_path: Path, db_url: str) -> None:
    """"2 candidates from 1 article", "1 event": never "1 articles" (issue 16)."""
    article = tmp_path / "week.txt"
    article.write_text(WEEK_AHEAD, encoding="utf-8")
    stored = invoke_cli("ingest", str(article), db=db_url)
    assert stored.returncode == 0, stored.stderr
    assert " from 1 article: " in stored.stdout and "1 articles" not in stored.stdout
    pending = json.loads(invoke_cli("review", "--json", db=db_url).stdout)
    assert len(pending) >= 2
    rejected = [arg for p in pending[1:] for arg in ("--reject", p["uid"])]
    waiting = invoke_cli("review", *rejected, db=db_url)
    assert waiting.stdout.splitlines()[-1] == "1 proposal waiting", waiting.stdout
    single = tmp_path / "one.yaml"
    single.write_text("events:\n  - {title: One event, start: 2027-01-05, category: other}\n", encoding="utf-8")
    imported = invoke_cli("import", str(single), db=db_url)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith("imported 1 event: "), imported.stdout


def test_an_html_article_is_cited_by_its_headline_in_text_not_markup(tmp_path: Path, db_url: str) -> None:
    article = tmp_path / "fed.html"
    article.write_text(
        '<!doctype html><html><head><meta charset="utf-8"><title>Fed week &amp; payrolls</title>'
        '<meta property="article:published_time" content="2026-01-25T20:41:00+08:00"></head>'
        "<body><h1>Fed week</h1><p>The Federal Reserve announces its rate decision on Wednesday at 2:00 p.m. ET.</p>"
        "</body></html>", encoding="utf-8",
    )  # fmt: skip
    assert invoke_cli("ingest", str(article), db=db_url).returncode == 0
    pending = json.loads(invoke_cli("review", "--json", db=db_url).stdout)
    headlines = {source["headline"] for proposal in pending for source in proposal["sources"]}
    assert headlines == {"Fed week & payrolls"}
