"""import -> export -> import keeps UIDs, instants and all-day spans."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import FIXTURES
from tests.helpers import invoke_cli

FIELDS = ("uid", "title", "description", "category", "region", "importance", "entities", "tags", "start", "end",
          "precision", "timezone", "status", "sources")  # fmt: skip


def snapshot(db: str) -> dict[str, dict[str, object]]:
    result = invoke_cli("list", "--json", db=db)
    assert result.returncode == 0, result.stderr
    return {e["uid"]: {f: e[f] for f in FIELDS} for e in json.loads(result.stdout)}


def test_export_reimports_unchanged(tmp_path: Path) -> None:
    first, second = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    seeds = FIXTURES.parent.parent / "seeds"
    assert invoke_cli("seed", "--path", str(seeds), db=first).returncode == 0
    files = [FIXTURES / n for n in ("week_ahead.ics", "events.json", "events.csv", "dst_events.yaml")]
    assert invoke_cli("import", *map(str, files), db=first).returncode == 0
    exported = tmp_path / "all.ics"
    result = invoke_cli("export", "-o", str(exported), db=first)
    assert result.returncode == 0, result.stderr
    assert invoke_cli("import", str(exported), db=second).returncode == 0
    before, after = snapshot(first), snapshot(second)
    assert len(before) > 60
    assert after == before
    # Importing the export back into the first store changes nothing either.
    again = invoke_cli("import", str(exported), db=first)
    assert f"0 new, 0 updated, {len(before)} unchanged" in again.stdout


def test_export_filters_and_stdout(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'a.db'}"
    assert invoke_cli("import", str(FIXTURES / "events.json"), str(FIXTURES / "events.csv"), db=db).returncode == 0
    result = invoke_cli("export", "--region", "JP", db=db)
    assert result.stdout.count("BEGIN:VEVENT") == 1 and "UID:json-boj@example.com" in result.stdout
    ranged = invoke_cli("export", "--from", "2026-03-12", "--to", "2026-03-12", db=db)
    assert "UID:csv-bond@example.com" in ranged.stdout and ranged.stdout.count("BEGIN:VEVENT") == 1
