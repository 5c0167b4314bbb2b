"""Importing .ics/.yaml/.json/.csv files through the CLI: kept UIDs, all-or-nothing, clear errors."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.helpers import REPO_ROOT, invoke_cli

BAD = FIXTURES / "bad"


def listed(db: str) -> list[dict[str, object]]:
    result = invoke_cli("list", "--json", db=db)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_import_each_format_keeps_uids_and_instants(db_url: str) -> None:
    result = invoke_cli("import", str(FIXTURES / "week_ahead.ics"), str(FIXTURES / "events.json"), str(FIXTURES / "events.csv"), db=db_url)
    assert result.returncode == 0, result.stderr
    events = {e["uid"]: e for e in listed(db_url)}
    assert set(events) == {
        "desk-fomc-march-2026@example.com", "desk-cpi-feb-2026@example.com", "desk-lockup-week@example.com",
        "desk-holiday@example.com", "json-ipo@example.com", "json-boj@example.com", "csv-bond@example.com",
        "csv-ecb@example.com",
    }  # fmt: skip
    fomc = events["desk-fomc-march-2026@example.com"]
    # 14:00 New York on 18 March 2026 is after the US switch to EDT (UTC-4).
    assert fomc["start"] == "2026-03-18T14:00:00-04:00"
    assert fomc["timezone"] == "America/New_York"
    assert fomc["category"] == "central_bank" and fomc["importance"] == 3
    lockup = events["desk-lockup-week@example.com"]
    assert (lockup["start"], lockup["end"], lockup["precision"]) == ("2026-03-23", "2026-03-27", "date")
    assert lockup["category"] == "lockup" and lockup["status"] == "tentative"
    holiday = events["desk-holiday@example.com"]
    assert holiday["category"] == "other" and holiday["tags"] == ["Holiday"]
    ecb = events["csv-ecb@example.com"]
    assert ecb["start"] == "2026-03-26T14:15:00+01:00"
    bond = events["csv-bond@example.com"]
    assert bond["entities"] == ["万科", "Vanke"] and bond["title"] == "Vanke MTN repayment, tranche A"
    boj = events["json-boj@example.com"]
    assert boj["start"] == "2026-03-19T12:00:00+09:00"


def test_reimport_updates_in_place(db_url: str, tmp_path: Path) -> None:
    first = tmp_path / "one.yaml"
    first.write_text("- {uid: move@x, title: Moving, start: 2026-03-01}\n", encoding="utf-8")
    assert invoke_cli("import", str(first), db=db_url).returncode == 0
    again = invoke_cli("import", str(first), db=db_url)
    assert "0 new, 0 updated, 1 unchanged" in again.stdout
    first.write_text("- {uid: move@x, title: Moving, start: 2026-03-02}\n", encoding="utf-8")
    assert invoke_cli("import", str(first), db=db_url).returncode == 0
    [event] = listed(db_url)
    assert event["start"] == "2026-03-02" and event["revision"] == 2


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("malformed.ics", "VEVENT 1 (UID x)"),
        ("malformed.yaml", "invalid YAML"),
        ("malformed.json", "invalid JSON"),
        ("bad_date.csv", "line 3"),
        ("unknown_category.yaml", "unknown category 'gossip'"),
        ("unknown_zone.yaml", "unknown time zone 'Mars/Olympus_Mons'"),
        ("end_before_start.json", "end 2026-02-01 is before start 2026-02-05"),
        ("not_utf8.csv", "not UTF-8"),
        ("missing_end_vevent.ics", "line 8: END:VCALENDAR closes BEGIN:VEVENT of line 4: END:VEVENT is missing"),
        ("truncated.ics", "line 4: BEGIN:VEVENT is never closed (END:VEVENT is missing)"),
        ("misspelt_column.csv", "unknown column 'catgory' (did you mean 'category'?)"),
    ],
)
def test_bad_file_names_file_and_record_and_stores_nothing(db_url: str, name: str, expected: str) -> None:
    good = FIXTURES / "events.json"
    result = invoke_cli("import", str(good), str(BAD / name), db=db_url)
    assert result.returncode == 1
    assert name in result.stderr and expected in result.stderr
    assert "Traceback" not in result.stderr and "[...]" not in result.stderr  # no dump of the file's start
    assert listed(db_url) == []


def test_record_position_is_named(db_url: str) -> None:
    result = invoke_cli("import", str(BAD / "unknown_category.yaml"), db=db_url)
    assert "event 2 (uid cat@x)" in result.stderr and "category" in result.stderr


def test_missing_file_and_unknown_suffix(db_url: str, tmp_path: Path) -> None:
    missing = invoke_cli("import", str(tmp_path / "nope.ics"), db=db_url)
    assert missing.returncode == 1 and "nope.ics" in missing.stderr and "cannot read" in missing.stderr
    odd = tmp_path / "events.txt"
    odd.write_text("hello", encoding="utf-8")
    result = invoke_cli("import", str(odd), db=db_url)
    assert result.returncode == 1 and "unsupported file type .txt" in result.stderr


def test_duplicate_uid_in_one_batch_is_rejected(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text("- {uid: d@x, title: A, start: 2026-03-01}\n- {uid: d@x, title: B, start: 2026-03-02}\n", encoding="utf-8")
    result = invoke_cli("import", str(path), db=db_url)
    assert result.returncode == 1 and "appears twice" in result.stderr
    assert listed(db_url) == []


def test_list_filters(db_url: str) -> None:
    assert invoke_cli("import", str(FIXTURES / "events.json"), str(FIXTURES / "events.csv"), db=db_url).returncode == 0
    by_region = invoke_cli("list", "--json", "--region", "eu", db=db_url)
    assert [e["uid"] for e in json.loads(by_region.stdout)] == ["csv-ecb@example.com"]
    by_range = invoke_cli("list", "--json", "--from", "2026-03-11", "--to", "2026-03-19", "--min-importance", "2", db=db_url)
    assert [e["uid"] for e in json.loads(by_range.stdout)] == ["csv-bond@example.com", "json-boj@example.com"]
    table = invoke_cli("list", "--category", "ipo", db=db_url)
    assert "某公司新股申购" in table.stdout and "ECB" not in table.stdout


def test_the_csv_examples_of_the_format_doc_import(db_url: str, tmp_path: Path) -> None:
    """docs/event-format.md's CSV blocks are files that import as they say: a `date` column is a day event."""
    doc = (REPO_ROOT / "docs" / "event-format.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```csv\n(.*?)```", doc, re.S)
    assert len(blocks) == 2
    for index, block in enumerate(blocks):
        path = tmp_path / f"doc-{index}.csv"
        path.write_text(block, encoding="utf-8")
        result = invoke_cli("import", str(path), db=db_url)
        assert result.returncode == 0, result.stderr
    events = {e["title"]: e for e in listed(db_url)}
    assert events["Vanke bond repayment"]["precision"] == "date" and events["Vanke bond repayment"]["start"] == "2027-03-12"
    assert datetime.fromisoformat(events["Fed decision"]["start"]) == datetime(2027, 1, 27, 19, 0, tzinfo=UTC)
    assert events["Vanke MTN repayment, tranche A"]["entities"] == ["万科", "Vanke"]
