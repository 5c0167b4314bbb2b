"""Reference schedules and recurring releases load with the seeds, over a rolling horizon."""

from __future__ import annotations

import shutil
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from calendar_daemon.config.settings import load_config
from calendar_daemon.daemon import Runtime
from calendar_daemon.domain.records import normalize
from calendar_daemon.exceptions import InputError
from calendar_daemon.feed.vevent import render_vevent
from calendar_daemon.intake.seeding import load_seeds, load_seeds_if_changed, roll_horizon
from calendar_daemon.intake.submit import submit
from calendar_daemon.sources.seeds import ReferenceOptions
from calendar_daemon.store.events import EventFilter, EventStore
from tests.helpers import REPO_ROOT, write_config

SEEDS = REPO_ROOT / "seeds"
CLAIMS = "us-jobless-claims-{}@reference.calendar-daemon"


def reference_only(tmp_path: Path) -> Path:
    """A seed folder holding only the reference sub-folder (no news seeds)."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copytree(SEEDS / "reference", folder / "reference")
    return folder


def dtstart(store: EventStore, uid: str) -> datetime:
    event = store.get(uid)
    assert event is not None, uid
    [component] = Calendar.from_ical(b"BEGIN:VCALENDAR\r\n" + render_vevent(event) + b"END:VCALENDAR\r\n").walk("VEVENT")
    value = component.decoded("DTSTART")
    assert isinstance(value, datetime)
    return value


@pytest.mark.parametrize(
    ("day", "utc"),
    [
        ("20260305", datetime(2026, 3, 5, 13, 30, tzinfo=UTC)),  # EST, before the 8 March switch
        ("20260312", datetime(2026, 3, 12, 12, 30, tzinfo=UTC)),  # EDT
        ("20260702", datetime(2026, 7, 2, 12, 30, tzinfo=UTC)),  # summer
        ("20261029", datetime(2026, 10, 29, 12, 30, tzinfo=UTC)),  # EDT, before the 1 November switch
        ("20261105", datetime(2026, 11, 5, 13, 30, tzinfo=UTC)),  # EST
        ("20261125", datetime(2026, 11, 25, 13, 30, tzinfo=UTC)),  # Wednesday before Thanksgiving (RDATE)
        ("20270107", datetime(2027, 1, 7, 13, 30, tzinfo=UTC)),  # winter
    ],
)
def test_jobless_claims_stay_at_0830_new_york_across_dst(tmp_path: Path, store: EventStore, day: str, utc: datetime) -> None:
    load_seeds(store, reference_only(tmp_path), now=datetime(2026, 3, 1, 12, tzinfo=UTC))
    assert dtstart(store, CLAIMS.format(day)) == utc


def test_exdates_and_the_horizon(tmp_path: Path, store: EventStore) -> None:
    folder = reference_only(tmp_path)
    load_seeds(store, folder, now=datetime(2026, 3, 1, 12, tzinfo=UTC), reference=ReferenceOptions(horizon_days=300))
    us_data = store.list_events(EventFilter(categories=("macro_data",), regions=("US",)))
    claims = [e for e in us_data if e.uid.startswith("us-jobless-claims-")]  # BLS/BEA dated releases are files
    assert store.get(CLAIMS.format("20261126")) is None  # Thanksgiving: moved to the Wednesday
    starts = [e.start_at for e in claims if e.start_at is not None]
    assert min(starts) == datetime(2026, 3, 5, 13, 30)
    assert max(starts) < datetime(2026, 3, 1) + timedelta(days=300)
    pmi = store.get("cn-nbs-pmi-20260331@reference.calendar-daemon")
    assert pmi is not None and pmi.start_at == datetime(2026, 3, 31, 1, 30)  # 09:30 Beijing
    february = store.get("cn-nbs-pmi-20260228@reference.calendar-daemon")  # moved to 4 March 09:30 Beijing
    assert february is not None and february.start_at == datetime(2026, 3, 4, 1, 30)
    assert store.get("cn-nbs-pmi-20270228@reference.calendar-daemon") is None  # beyond the 300 days
    fomc = store.get("fomc-2026-12-statement@reference.calendar-daemon")
    assert fomc is not None and fomc.start_at == datetime(2026, 12, 9, 19, 0)
    assert fomc.sources[0]["authority"] == "official"


def test_horizon_rolls_forward_without_touching_stored_occurrences(tmp_path: Path, store: EventStore) -> None:
    folder = reference_only(tmp_path)
    options = ReferenceOptions(horizon_days=30)
    day_one = datetime(2026, 3, 1, 12, tzinfo=UTC)
    first = load_seeds(store, folder, reference=options, now=day_one)
    assert CLAIMS.format("20260326") in first.created and store.get(CLAIMS.format("20260402")) is None
    assert load_seeds_if_changed(store, folder, reference=options, now=day_one + timedelta(hours=6)) is None
    week_later = load_seeds_if_changed(store, folder, reference=options, now=day_one + timedelta(days=7))
    assert week_later is not None
    # Newly inside the window: Thursday 2 April, and the March PMI (31 March 09:30 Beijing = 01:30Z).
    assert set(week_later.created) == {CLAIMS.format("20260402"), "cn-nbs-pmi-20260331@reference.calendar-daemon"}
    assert week_later.updated == []
    assert store.get(CLAIMS.format("20260305")).revision == 1  # type: ignore[union-attr]


def test_a_later_day_keeps_edits_to_seed_events(tmp_path: Path, store: EventStore) -> None:
    """Rolling the window on a new day must not reload unchanged seed files over an edit."""
    day_one = datetime(2026, 3, 1, 12, tzinfo=UTC)
    load_seeds(store, SEEDS, now=day_one)
    uid = "cn-nbs-pmi-20260331@reference.calendar-daemon"
    stored = store.get(uid)
    assert stored is not None
    edited = normalize({"uid": uid, "title": "PMI (edited by a user)", "category": stored.category, "region": stored.region,
                        "timezone": stored.timezone, "start": stored.start_at.isoformat() + "Z" if stored.start_at else "",
                        "sources": stored.sources})  # fmt: skip
    submit(store, [edited], origin="api")
    later = load_seeds_if_changed(store, SEEDS, now=day_one + timedelta(days=9))
    assert later is not None and later.created  # new occurrences at the end of the window
    assert store.get(uid).title == "PMI (edited by a user)"  # type: ignore[union-attr]


def test_a_running_daemon_rolls_the_window_itself(tmp_path: Path, store: EventStore) -> None:
    folder = reference_only(tmp_path)
    options = ReferenceOptions(horizon_days=30)
    load_seeds(store, folder, reference=options, now=datetime.now(UTC) - timedelta(days=10))
    assert roll_horizon(store, folder, reference=options, now=datetime.now(UTC) - timedelta(days=10)) is None
    config = load_config(write_config(tmp_path / "c.toml", port=8640, seeds_path=folder,
                                      extra="[reference]\nhorizon_days = 30\n"))  # fmt: skip
    runtime = Runtime(config=config, store=store, feed=None)  # type: ignore[arg-type]
    before = store.count()
    stop = threading.Event()
    thread = runtime.roll_horizon_periodically(stop, every_seconds=0.05)
    try:
        deadline = datetime.now(UTC) + timedelta(seconds=10)
        while store.count() == before and datetime.now(UTC) < deadline:
            stop.wait(0.05)
    finally:
        stop.set()
        thread.join(2)
    assert store.count() > before  # the ten days that entered the window, without a restart


def test_reference_can_be_switched_off(tmp_path: Path, store: EventStore) -> None:
    result = load_seeds(store, SEEDS, reference=ReferenceOptions(load=False), now=datetime(2026, 3, 1, tzinfo=UTC))
    assert not [uid for uid in result.created if uid.endswith("@reference.calendar-daemon")]
    assert store.get("us-fomc-decision-2026-01@seeds.calendar-daemon") is not None


def test_bad_rule_file_names_the_file_and_stores_nothing(tmp_path: Path, store: EventStore) -> None:
    folder = reference_only(tmp_path)
    (folder / "reference" / "broken.yaml").write_text(
        "rules:\n  - uid: x@t\n    title: X\n    category: macro_data\n    region: US\n    importance: 2\n"
        "    timezone: America/New_York\n    dtstart: 2026-01-01T08:30:00\n    rrule: FREQ=WEEKLY;BYDAY=TH\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"broken\.yaml: rule x@t: the rule is unbounded"):
        load_seeds(store, folder, now=datetime(2026, 3, 1, tzinfo=UTC))
    assert store.count() == 0


def test_weekly_claims_cover_the_whole_default_horizon(store: EventStore) -> None:
    """Loaded on 2026-12-04 with the default 400-day horizon (to 2028-01-08), the weekly claims run to
    its end: 2028-01-06 is there (the rule once ended on 2027-12-31)."""
    now = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
    load_seeds(store, now=now)
    assert store.get("us-jobless-claims-20280106@reference.calendar-daemon") is not None


WEEKLY_ICS = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//EN\r
BEGIN:VEVENT\r
UID:desk-weekly@test\r
SUMMARY:Desk weekly call\r
DTSTART;TZID=Asia/Shanghai:20260305T090000\r
RRULE:FREQ=WEEKLY;BYDAY=TH\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_an_ics_seed_with_an_rrule_rolls_with_the_horizon(tmp_path: Path, store: EventStore) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "desk.ics").write_text(WEEKLY_ICS, encoding="utf-8", newline="")
    options = ReferenceOptions(horizon_days=30)
    day_one = datetime(2026, 3, 1, 12, tzinfo=UTC)
    first = load_seeds(store, folder, reference=options, now=day_one)
    assert "desk-weekly-20260326@test" in first.created and store.get("desk-weekly-20260402@test") is None
    assert load_seeds_if_changed(store, folder, reference=options, now=day_one + timedelta(hours=6)) is None
    week_later = load_seeds_if_changed(store, folder, reference=options, now=day_one + timedelta(days=7))
    assert week_later is not None and week_later.created == ["desk-weekly-20260402@test"]
    occurrence = store.get("desk-weekly-20260402@test")
    assert occurrence is not None and occurrence.start_at == datetime(2026, 4, 2, 1, 0)  # 09:00 Beijing
    assert store.get("desk-weekly-20260305@test").revision == 1  # type: ignore[union-attr]
