"""A large .ics import is read VEVENT by VEVENT and written in batches inside one transaction: the same
events as a whole-file read, all or nothing, and a bad VEVENT near the end of a large file names its line.

Memory and speed are measured in benchmarks/imports.py; these tests pin what users rely on.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from calendar_daemon.cli.data import READ_AHEAD_BYTES
from calendar_daemon.domain.records import EventRecord
from calendar_daemon.exceptions import InputError
from calendar_daemon.intake.submit import submit, submit_stream
from calendar_daemon.sources import ics_file
from calendar_daemon.sources.files import iter_event_files, read_event_files
from calendar_daemon.sources.ics_stream import file_lines
from calendar_daemon.sources.read_ahead import read_ahead
from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventStore
from tests.alerting import wait_until
from tests.conftest import FIXTURES
from tests.helpers import cli_env, invoke_cli

WINDOW = (datetime(2026, 11, 20, tzinfo=UTC), datetime(2027, 6, 1, tzinfo=UTC))
ICS_FIXTURES = sorted(FIXTURES.rglob("*.ics"))
GOOD_ICS = [path for path in ICS_FIXTURES if path.parent.name != "bad" and "tzid" not in path.name and "malformed" not in path.name]
LONG = "Lock-up expiry of 上海某某科技股份有限公司 首次公开发行 restricted shares, tranche " * 3


def fold(line: str) -> str:
    """``line`` folded as RFC 5545 says: 75 characters, then CRLF and a space (inside a multibyte text too)."""
    parts = [line[i : i + 60] for i in range(0, len(line), 60)]
    return "\r\n ".join(parts) + "\r\n"


def vevent(i: int, start: datetime, summary: str | None = None, dtstart: str | None = None) -> str:
    return ("BEGIN:VEVENT\r\n" + f"UID:big-{i}@example.com\r\n" + "DTSTAMP:20260101T000000Z\r\n"
            + f"DTSTART:{dtstart or f'{start:%Y%m%dT%H%M%SZ}'}\r\n" + fold(f"SUMMARY:{summary or f'{LONG}{i}'}")
            + "CATEGORIES:lockup\r\n" + fold(f'X-CALENDAR-DAEMON-ENTITIES:["Company {i}"]') + "END:VEVENT\r\n")  # fmt: skip


def big_ics(path: Path, count: int, bad_at: int | None = None) -> int:
    """``count`` folded VEVENTs; the one numbered ``bad_at`` (from 1) has a DTSTART that is no date.
    Returns the line the bad VEVENT starts on."""
    start = datetime(2027, 1, 4, 1, 0, tzinfo=UTC)
    text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
    bad_line = 0
    for i in range(1, count + 1):
        if i == bad_at:
            bad_line = text.count("\r\n") + 1
        text += vevent(i, start + timedelta(hours=i), dtstart="notadate" if i == bad_at else None)
    path.write_text(text + "END:VCALENDAR\r\n", encoding="utf-8", newline="")
    return bad_line


def whole_file_records(path: Path) -> list[EventRecord]:
    """What the import read before it streamed: icalendar parses the whole calendar at once."""
    calendar = Calendar.from_ical(path.read_text(encoding="utf-8"))
    records: list[EventRecord] = []
    overrides: list[EventRecord] = []
    for index, component in enumerate(calendar.walk("VEVENT"), start=1):
        target = overrides if "recurrence-id" in component else records
        target.extend(ics_file._records(component, str(path), "Asia/Shanghai", WINDOW, index, 0))
    replaced = {record.uid for record in overrides}
    return [record for record in records if record.uid not in replaced] + overrides


def stored(store: EventStore) -> list[dict[str, Any]]:
    """Every row, tombstones included, without the write's timestamps and version."""
    rows = []
    for chunk in store.iter_changed_since(-1):
        for event in chunk:
            row = event.model_dump(exclude={"id", "created_at", "updated_at", "change_seq"})
            rows.append(json.loads(json.dumps(row, default=str)))
    return sorted(rows, key=lambda row: row["uid"])


def new_store(path: Path) -> EventStore:
    store = EventStore(open_engine(f"sqlite:///{path}"))
    store.initialise()
    return store


@pytest.mark.parametrize("path", GOOD_ICS, ids=lambda path: path.name)
def test_a_streamed_read_gives_the_events_of_a_whole_file_read(path: Path) -> None:
    streamed = list(ics_file.ics_records(file_lines(path, str(path)), str(path), "Asia/Shanghai", WINDOW))
    assert streamed == whole_file_records(path)
    assert streamed  # each fixture has events


def test_a_streamed_import_stores_what_the_whole_batch_path_stored(tmp_path: Path) -> None:
    files = [FIXTURES / "events.json", FIXTURES / "events.csv", *(path for path in GOOD_ICS if "founding-feed" not in path.name
                                                                   and "revised" not in path.name)]  # fmt: skip
    old, new = new_store(tmp_path / "old.db"), new_store(tmp_path / "new.db")
    first = submit(old, read_event_files(files, window=WINDOW), origin="import")
    counts = submit_stream(new, iter_event_files(files, window=WINDOW), origin="import", batch=7)
    assert stored(new) == stored(old)
    assert (counts.created, counts.updated, counts.merged) == (len(first.created), len(first.updated), len(first.merged)) != (0, 0, 0)
    old_again = submit(old, read_event_files(files, window=WINDOW), origin="import")
    again = submit_stream(new, iter_event_files(files, window=WINDOW), origin="import", batch=7)
    assert (again.created, again.updated, again.unchanged) == (0, len(old_again.updated), len(old_again.unchanged))
    assert stored(new) == stored(old)


def test_a_bad_vevent_near_the_end_of_a_large_folded_file_changes_nothing_and_names_its_line(tmp_path: Path) -> None:
    store = new_store(tmp_path / "calendar.db")
    submit(store, read_event_files([FIXTURES / "events.json"]), origin="import")
    before, version = stored(store), store.data_version()
    path = tmp_path / "large.ics"
    bad_line = big_ics(path, 1200, bad_at=1190)
    with pytest.raises(InputError) as caught:
        submit_stream(store, iter_event_files([path], window=WINDOW), origin="import", batch=100)
    assert caught.value.where == f"VEVENT 1190 (UID big-1190@example.com), line {bad_line}"
    assert "notadate" in str(caught.value) or "DTSTART" in str(caught.value)
    assert stored(store) == before and store.data_version() == version  # eleven batches written, none kept


def test_the_cli_names_the_file_and_line_of_a_bad_vevent_and_stores_nothing(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'calendar.db'}"
    path = tmp_path / "large.ics"
    bad_line = big_ics(path, 300, bad_at=299)
    result = invoke_cli("import", str(FIXTURES / "events.json"), str(path), db=db)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{path}: VEVENT 299 (UID big-299@example.com), line {bad_line}" in result.stderr
    listed = invoke_cli("list", "--json", "--from", "2000-01-01", "--to", "2999-12-31", db=db)
    assert json.loads(listed.stdout) == []


def test_a_large_folded_file_imports_whole(tmp_path: Path) -> None:
    store = new_store(tmp_path / "calendar.db")
    path = tmp_path / "large.ics"
    big_ics(path, 1200)
    counts = submit_stream(store, iter_event_files([path], window=WINDOW), origin="import", batch=100)
    assert counts.created == 1200 and store.count() == 1200
    event = store.get("big-1200@example.com")
    assert event is not None and event.title == f"{LONG}1200".strip() and event.entities == ["Company 1200"]


def test_a_uid_repeated_in_a_later_batch_or_file_is_refused(tmp_path: Path) -> None:
    store = new_store(tmp_path / "calendar.db")
    path = tmp_path / "large.ics"
    big_ics(path, 250)
    again = tmp_path / "again.yaml"
    again.write_text("- {uid: big-3@example.com, title: Again, start: 2027-02-01}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"uid 'big-3@example.com' appears twice \(also in .*large.ics\)") as caught:
        submit_stream(store, iter_event_files([path, again], window=WINDOW), origin="import", batch=100)
    assert caught.value.source == str(again)
    assert store.count() == 0


def test_records_in_different_batches_merge_as_in_one(tmp_path: Path) -> None:
    """Two sources of one event that land in different batches still become one event."""
    path = tmp_path / "two-sources.yaml"
    news = {"outlet": "Daily Paper", "headline": "Week ahead", "published": "2026-12-01T08:00:00+08:00"}
    official = {**news, "outlet": "Federal Reserve", "headline": "FOMC calendar", "authority": "official"}
    path.write_text(json.dumps([
        {"uid": "news-fomc@x", "title": "FOMC decision", "category": "central_bank", "entities": ["FOMC"],
         "start": "2027-01-27T14:00:00-05:00", "sources": [news]},
        {"uid": "other@x", "title": "Other", "start": "2027-01-05"},
        {"uid": "fed-fomc@x", "title": "FOMC rate decision", "category": "central_bank", "entities": ["Fed"],
         "start": "2027-01-27T14:00:00-05:00", "sources": [official]},
    ]), encoding="utf-8")  # fmt: skip
    whole, streamed = new_store(tmp_path / "whole.db"), new_store(tmp_path / "batches.db")
    submit_stream(whole, iter_event_files([path]), origin="import")
    counts = submit_stream(streamed, iter_event_files([path]), origin="import", batch=1)
    assert counts.merged == 1
    live = {event.uid: event for event in streamed.list_events()}
    assert len(live) == 2 == whole.count()
    [fomc] = [event for event in live.values() if event.category == "central_bank"]
    assert {s["outlet"] for s in fomc.sources} == {"Daily Paper", "Federal Reserve"}


@pytest.mark.parametrize(
    ("text", "where", "problem"),
    [
        ("BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20270101T000000Z\r\nEND:VEVENT\r\n", "line 1", "expected one VCALENDAR"),
        ("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "line 3", "expected one VCALENDAR"),
        ("", None, "expected one VCALENDAR"),
        ("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nSUMMARY:after the end\r\n", "line 3", "a line outside the VCALENDAR: 'SUMMARY:after the end'"),
        ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20270101T000000Z\r\nEND:VEV\r\n ENT\r\nBEGIN:VEVENT\r\n"
         "END:VCALENDAR\r\n", "line 8", "END:VCALENDAR closes BEGIN:VEVENT of line 7"),
        ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Mars/Olympus:20270101T000000\r\n END\r\nEND:VEVENT\r\n"
         "END:VCALENDAR\r\n", "VEVENT 1 (UID a), line 4", "unknown time zone TZID='Mars/Olympus'"),
    ],
    ids=["no-calendar", "two-calendars", "empty", "line-after-the-end", "folded-end-then-unclosed", "folded-tzid"],
)
def test_a_malformed_file_names_the_line(tmp_path: Path, text: str, where: str | None, problem: str) -> None:
    path = tmp_path / "bad.ics"
    path.write_text(text, encoding="utf-8", newline="")
    store = new_store(tmp_path / "calendar.db")
    with pytest.raises(InputError, match=problem) as caught:
        submit_stream(store, iter_event_files([path], window=WINDOW), origin="import")
    assert caught.value.where == where and caught.value.source == str(path)
    assert store.count() == 0


def test_bytes_that_are_not_utf8_late_in_a_file_name_their_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.ics"
    big_ics(path, 50)
    good = path.read_bytes()
    path.write_bytes(good.replace(b"END:VCALENDAR", b"X-NOTE:caf\xe9\r\nEND:VCALENDAR"))
    with pytest.raises(InputError, match=rf"byte 0xe9 at offset {len(good) - len(b'END:VCALENDAR') - 2 + 10}"):
        list(iter_event_files([path], window=WINDOW))


def _dies(count: int) -> Iterator[int]:
    """Yields ``count`` items, then the process ends without a word (as when killed)."""
    yield from range(count)
    os._exit(3)


def test_read_ahead_gives_the_records_in_order_and_raises_the_readers_error_here(tmp_path: Path) -> None:
    path = tmp_path / "large.ics"
    big_ics(path, 120)
    direct = list(iter_event_files([path], window=WINDOW))
    assert list(read_ahead(iter_event_files, [path], window=WINDOW, piece=7)) == direct
    bad_line = big_ics(path, 120, bad_at=117)
    with pytest.raises(InputError) as caught:
        list(read_ahead(iter_event_files, [path], window=WINDOW, piece=7))
    assert (caught.value.source, caught.value.where) == (str(path), f"VEVENT 117 (UID big-117@example.com), line {bad_line}")


def test_read_ahead_stops_with_an_error_when_the_reader_dies() -> None:
    items = read_ahead(_dies, 1200, piece=500)
    with pytest.raises(InputError, match=r"stopped without finishing \(exit code 3\)"):
        list(items)


def test_an_import_large_enough_to_read_ahead_stops_at_a_bad_vevent_and_stores_nothing(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'calendar.db'}"
    assert invoke_cli("import", str(FIXTURES / "events.json"), db=db).returncode == 0
    before = invoke_cli("list", "--json", db=db).stdout
    path = tmp_path / "large.ics"
    count = 1 + READ_AHEAD_BYTES // len(vevent(1, datetime(2027, 1, 1, tzinfo=UTC)))
    bad_line = big_ics(path, count, bad_at=count - 2)
    assert path.stat().st_size >= READ_AHEAD_BYTES
    result = invoke_cli("import", str(path), db=db)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{path}: VEVENT {count - 2} (UID big-{count - 2}@example.com), line {bad_line}" in result.stderr
    assert invoke_cli("list", "--json", db=db).stdout == before


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/status").read_text().find("State:\tZ") >= 0  # exited, not yet reaped
    except OSError:
        return True


def test_kill_9_in_the_middle_of_a_large_import_leaves_the_calendar_as_it_was(tmp_path: Path) -> None:
    db_file = tmp_path / "calendar.db"
    db = f"sqlite:///{db_file}"
    assert invoke_cli("import", str(FIXTURES / "events.json"), db=db).returncode == 0
    before = invoke_cli("list", "--json", db=db).stdout
    wal = Path(f"{db_file}-wal")
    written = wal.stat().st_size if wal.exists() else 0
    path = tmp_path / "large.ics"
    big_ics(path, 3 * READ_AHEAD_BYTES // len(vevent(1, datetime(2027, 1, 1, tzinfo=UTC))))
    command = [sys.executable, "-m", "calendar_daemon", "--db", db, "import", str(path)]
    importer = subprocess.Popen(command, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        reader = wait_until(lambda: _children(importer.pid), timeout=60)[0]
        # Batches are being written: the transaction has spilled pages into the WAL.
        wait_until(lambda: wal.exists() and wal.stat().st_size > written + 2 * 2**20, timeout=120)
        assert importer.poll() is None, importer.communicate()
        importer.kill()
        importer.wait()
        wait_until(lambda: _gone(reader), timeout=60)  # the reading process ends once nobody reads
    finally:
        if importer.poll() is None:
            importer.kill()
            importer.wait()
        importer.stdout.close()  # type: ignore[union-attr]
        importer.stderr.close()  # type: ignore[union-attr]
    assert invoke_cli("list", "--json", db=db).stdout == before
    again = invoke_cli("import", str(FIXTURES / "events.json"), db=db)
    assert again.returncode == 0 and "0 new, 0 updated, 2 unchanged" in again.stdout
