"""Known events are known: an article about events the calendar already has proposes nothing new for
them, and `ingest --dry-run --json` marks each candidate new, known (with the event's UID) or conflict.
(The founding articles after `seed`: tests/test_ingest_merge.py.)"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.helpers import invoke_cli

FED_UID = "fomc-2026-01-statement@reference.calendar-daemon"

# Our own article: the Fed decision at its official time (known), a day later (conflict), and a listing
# the calendar does not have (new). No byline: the outlet is given with --outlet.
MIXED = """Rates and listings: what to watch
Jan 20, 2026

The Federal Reserve will announce its policy decision on Wednesday, January 28, at 2 p.m. ET.
"""

LATE = """Fed decision may come late, newsletter says
Jan 21, 2026

The Federal Reserve will announce its policy decision on Thursday, January 29, at 2 p.m. ET.
"""

LISTING = """New listing next month
Jan 21, 2026

Quarrystone Analytics will begin trading on the Nasdaq on February 12.
"""


def dry_run(db: str, path: Path, *extra: str) -> list[dict[str, Any]]:
    result = invoke_cli("ingest", str(path), "--dry-run", "--json", *extra, db=db)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def pending(db: str) -> list[dict[str, Any]]:
    return json.loads(invoke_cli("review", "--json", db=db).stdout)  # type: ignore[no-any-return]


def test_dry_run_marks_known_conflict_and_new(tmp_path: Path, db_url: str) -> None:
    assert invoke_cli("seed", db=db_url).returncode == 0
    for name, text in (("mixed.txt", MIXED), ("late.txt", LATE), ("listing.txt", LISTING)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    [known] = dry_run(db_url, tmp_path / "mixed.txt", "--outlet", "Rates Letter")
    assert (known["status"], known["known_uid"], known["outlet"]) == ("known", FED_UID, "Rates Letter")
    [late] = dry_run(db_url, tmp_path / "late.txt")
    assert (late["status"], late["known_uid"]) == ("conflict", FED_UID)
    [listing] = dry_run(db_url, tmp_path / "listing.txt")
    assert (listing["status"], listing["known_uid"], listing["category"]) == ("new", None, "ipo")
    assert pending(db_url) == []  # a dry run stores nothing


def test_outlet_option_names_the_source_of_stored_proposals(tmp_path: Path, db_url: str) -> None:
    (tmp_path / "listing.txt").write_text(LISTING, encoding="utf-8")
    result = invoke_cli("ingest", str(tmp_path / "listing.txt"), "--outlet", "Quarry Weekly", db=db_url)
    assert result.returncode == 0, result.stderr
    [proposal] = pending(db_url)
    assert [s["outlet"] for s in proposal["sources"]] == ["Quarry Weekly"]
