"""import -> export -> import keeps UIDs, instants and all-day spans."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from calendar_daemon.exceptions import DatabaseError
from calendar_daemon.store.events import EventStore
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


def test_a_failed_export_leaves_the_output_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The database failing part-way through an export neither truncates the file already there nor
    leaves a half-written one (nor prints half a calendar)."""
    db = f"sqlite:///{tmp_path / 'cal.db'}"
    assert invoke_cli("import", str(FIXTURES / "events.json"), db=db).returncode == 0
    output = tmp_path / "out.ics"
    output.write_bytes(b"the previous export\n")

    def failing(self: EventStore, flt: object, chunk: int = 1000) -> Iterator[list[object]]:
        yield list(self.list_events())[:1]
        raise DatabaseError("database is locked (simulated)")

    monkeypatch.setattr(EventStore, "iter_events", failing)
    result = invoke_cli("export", "-o", str(output), db=db)
    assert result.returncode == 1 and "database is locked" in result.stderr
    assert output.read_bytes() == b"the previous export\n"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.ics")]
    to_stdout = invoke_cli("export", db=db)
    assert to_stdout.returncode == 1 and to_stdout.stdout == ""
