"""A large calendar: reconciliation and the seed load look stored events up by name instead of reading
the calendar, a batch writes only what changed, and the reference window rolls by the days it gains.

Speed itself is measured in benchmarks/ (scheduler.py, imports.py); these tests pin the mechanisms.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event as sqlalchemy_event
from sqlalchemy import select

from calendar_daemon.domain.records import EventRecord, normalize
from calendar_daemon.intake import seeding
from calendar_daemon.intake.reconcile import Reconciler
from calendar_daemon.intake.seeding import load_seeds, load_seeds_if_changed, roll_horizon
from calendar_daemon.intake.submit import submit
from calendar_daemon.sources.seeds import ReferenceOptions
from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventStore
from calendar_daemon.store.models import EventKey
from calendar_daemon.store.schema import current_revision, head_revision
from tests.conftest import FIXTURES
from tests.helpers import REPO_ROOT, invoke_cli

SEEDS = REPO_ROOT / "seeds"
NOW = datetime(2026, 1, 10, tzinfo=UTC)
SOURCE = {"outlet": "Daily Paper", "headline": "Week ahead", "published": "2025-12-01T08:00:00+08:00", "authority": "news"}


def event(uid: str, start: str, entities: list[str], category: str = "central_bank", **fields: Any) -> EventRecord:
    data: dict[str, Any] = {
        "uid": uid, "title": fields.pop("title", "Rate decision"), "category": category, "region": "US", "entities": entities,
        "timezone": "America/New_York", "start": start, "sources": [fields.pop("source", SOURCE)],
    }  # fmt: skip
    return normalize({**data, **fields})


def crowd(count: int, start: datetime) -> list[EventRecord]:
    """``count`` events of the seeds' own categories around their dates, each naming its own company."""
    return [
        event(f"crowd-{i}@t", (start + timedelta(hours=7 * i)).isoformat(), [f"Company {i}"],
              category=("central_bank", "macro_data", "ipo", "lockup")[i % 4], source={**SOURCE, "headline": f"h{i}"})
        for i in range(count)
    ]  # fmt: skip


def test_a_record_reads_only_stored_events_that_share_a_name_with_it(store: EventStore) -> None:
    """Events of the same category on the same days but naming other companies are never read; one
    naming the same institution under another spelling (美联储 = Fed) is, and the two merge."""
    submit(store, crowd(400, datetime(2026, 3, 10, tzinfo=UTC)), origin="import")
    submit(store, [event("fed-news@t", "2026-03-18T14:00:00", ["美联储"])], origin="import")
    official = event("fed-official@t", "2026-03-18T14:00:00", ["Fed"],
                     source={"outlet": "Central bank", "headline": "Schedule", "published": "2025-09-01T00:00:00+00:00", "authority": "official"})  # fmt: skip
    reconciler = Reconciler(store, [official])
    assert set(reconciler._index.records) == {"fed-news@t"}
    result = submit(store, [official], origin="import")
    assert result.merged == [("fed-official@t", "fed-news@t")]


def test_the_seed_load_on_a_large_calendar_reads_none_of_its_unrelated_events(
    store: EventStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first start on a calendar imported before it: reconciling the seeds reads only the
    stored events that name what the seeds name, not the calendar around their dates."""
    submit(store, crowd(1500, datetime(2025, 12, 1, tzinfo=UTC)), origin="import")
    learned: list[str] = []
    original = Reconciler._learn

    def spy(self: Reconciler, stored: Any) -> None:
        learned.append(stored.uid)
        original(self, stored)

    monkeypatch.setattr(Reconciler, "_learn", spy)
    result = load_seeds(store, SEEDS, now=NOW)
    assert result.created and not [uid for uid in learned if uid.startswith("crowd-")]
    assert store.get("fomc-2026-01-statement@reference.calendar-daemon") is not None
    assert store.count() == 1500 + len(result.created)  # the crowd is untouched


def test_an_unchanged_batch_reads_four_columns_and_writes_nothing(store: EventStore) -> None:
    records = crowd(300, datetime(2026, 5, 1, tzinfo=UTC))
    submit(store, records, origin="import")
    statements: list[str] = []

    def record_statement(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    sqlalchemy_event.listen(store.engine, "before_cursor_execute", record_statement)
    try:
        again = submit(store, crowd(300, datetime(2026, 5, 1, tzinfo=UTC)), origin="import")
    finally:
        sqlalchemy_event.remove(store.engine, "before_cursor_execute", record_statement)
    assert len(again.unchanged) == 300 and not again.changed
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "events.title" in s]
    writes = [s for s in statements if s.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")) and "state" not in s]
    assert len(reads) == 1 and not writes  # reconciliation reads the batch's events once; the write reads four columns


def test_names_follow_every_write(store: EventStore) -> None:
    """A changed entity is found under its new name only, by any case of it."""
    submit(store, [event("acme@t", "2026-06-01T10:00:00", ["Acme"], category="ipo", title="Acme listing")], origin="import")
    submit(store, [event("acme@t", "2026-06-01T10:00:00", ["Acme Holdings"], category="ipo", title="Acme listing")], origin="import")
    with store.engine.connect() as conn:
        names = set(conn.execute(select(EventKey.name).where(EventKey.uid == "acme@t")).scalars())  # type: ignore[arg-type]
    assert names == {"acme holdings"}
    later = event("acme-exchange@t", "2026-06-02T10:00:00", ["ACME HOLDINGS"], category="ipo", title="Acme listing",
                  source={"outlet": "SSE", "headline": "Listing notice", "published": "2026-05-20T18:00:00+08:00", "authority": "exchange"})  # fmt: skip
    assert submit(store, [later], origin="import").merged == [("acme-exchange@t", "acme@t")]  # the stored UID stays


def test_migrating_an_old_database_indexes_the_names_of_its_events(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "schema-0001.db", tmp_path / "old.db")
    url = f"sqlite:///{tmp_path / 'old.db'}"
    assert invoke_cli("migrate", db=url).returncode == 0
    engine = open_engine(url)
    store = EventStore(engine)
    store.initialise()
    with engine.connect() as conn:
        keys = conn.execute(select(EventKey.uid, EventKey.name)).all()  # type: ignore[call-overload]
    named = [e for e in store.list_events() if e.entities]
    assert named and {e.uid for e in named} <= {uid for uid, _ in keys}
    stored = named[0]
    twin = normalize({
        "uid": "twin@t", "title": stored.title, "category": stored.category, "region": stored.region,
        "entities": [stored.entities[0].upper()], "timezone": stored.timezone, "tags": stored.tags,
        "start": stored.start_at.isoformat() + "Z" if stored.start_at else (stored.start_date or NOW).isoformat(),
        "precision": stored.precision, "sources": [{"outlet": "Another desk", "headline": "Notice", "authority": "official"}],
    })  # fmt: skip
    assert [uid for uid, _ in submit(store, [twin], origin="import").merged] in (["twin@t"], [stored.uid])
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_a_roll_of_the_reference_window_expands_only_the_days_it_gains(
    store: EventStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "seeds"
    (folder / "reference").mkdir(parents=True)
    shutil.copy(SEEDS / "reference" / "recurring.yaml", folder / "reference" / "recurring.yaml")
    options = ReferenceOptions(horizon_days=30)
    day_one = datetime(2026, 3, 1, 12, tzinfo=UTC)
    load_seeds(store, folder, reference=options, now=day_one)
    windows: list[tuple[datetime, datetime]] = []
    original = seeding.expand_rule_files

    def spy(files: list[Path], start: datetime, end: datetime, zone: str) -> list[EventRecord]:
        windows.append((start, end))
        return original(files, start, end, zone)

    monkeypatch.setattr(seeding, "expand_rule_files", spy)
    rolled = roll_horizon(store, folder, reference=options, now=day_one + timedelta(days=7))
    assert rolled is not None and rolled.created and not rolled.updated
    assert windows == [(datetime(2026, 3, 31, tzinfo=UTC), datetime(2026, 4, 7, tzinfo=UTC))]


def test_an_unchanged_start_parses_no_seed_file(store: EventStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Telling that the seeds did not change hashes their bytes: however many reference events the
    files hold, no file is parsed and nothing is written, on the same day and on the next."""
    day_one = datetime(2026, 3, 1, 12, tzinfo=UTC)
    load_seeds(store, SEEDS, now=day_one)
    version = store.data_version()
    store.delete_marker(seeding.FILES_DIGEST_MARKER)  # as a database seeded by an earlier version has it
    assert load_seeds_if_changed(store, SEEDS, now=day_one + timedelta(hours=1)) is None
    assert store.get_marker(seeding.FILES_DIGEST_MARKER) and store.data_version() == version

    def parse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("a seed file was parsed")

    monkeypatch.setattr(seeding, "inputs", parse)
    monkeypatch.setattr(seeding, "read_event_files", parse)
    assert load_seeds_if_changed(store, SEEDS, now=day_one + timedelta(hours=6)) is None
    assert store.data_version() == version
