"""Reconciling sources: one event per real-world event, the most authoritative date, conflicts kept."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from calendar_daemon.domain.records import EventRecord, normalize
from calendar_daemon.feed.vevent import description_text, render_vevent
from calendar_daemon.intake.claims import record_from_event
from calendar_daemon.intake.reconcile import Reconciler, reconcile
from calendar_daemon.intake.seeding import load_seeds
from calendar_daemon.intake.submit import submit
from calendar_daemon.sources.files import read_event_files
from calendar_daemon.sources.seeds import reference_files
from calendar_daemon.store.events import EventFilter, EventStore
from calendar_daemon.store.models import Event
from tests.helpers import REPO_ROOT

SEEDS = REPO_ROOT / "seeds"
NEWS_FED = "us-fomc-decision-2026-01@seeds.calendar-daemon"
NEWS_PRESS = "us-fomc-press-conference-2026-01@seeds.calendar-daemon"
FED_STATEMENT = "fomc-2026-01-statement@reference.calendar-daemon"
FED_PRESS = "fomc-2026-01-press-conference@reference.calendar-daemon"
NOW = datetime(2026, 1, 10, tzinfo=UTC)

NEWS = {"outlet": "Daily Paper", "headline": "Week ahead", "published": "2026-03-01T08:00:00+08:00", "authority": "news"}
OTHER_NEWS = {"outlet": "Evening Wire", "headline": "Update", "published": "2026-04-20T08:00:00+08:00", "authority": "news"}
EXCHANGE = {"outlet": "SSE", "headline": "Announcement", "published": "2026-03-02T18:00:00+08:00", "authority": "exchange"}
OFFICIAL = {"outlet": "Central bank", "headline": "Schedule", "published": "2025-09-01T00:00:00+00:00", "authority": "official"}


def record(uid: str, start: str, source: dict[str, str], **fields: Any) -> EventRecord:
    data: dict[str, Any] = {
        "uid": uid, "title": fields.pop("title", "Rate decision"), "category": "central_bank", "region": "US",
        "entities": ["Federal Reserve"], "timezone": "America/New_York", "start": start, "sources": [source],
    }  # fmt: skip
    data.update(fields)
    return normalize(data)


def live(store: EventStore, **flt: Any) -> list[Event]:
    return store.list_events(EventFilter(**flt))


def seed_records() -> list[EventRecord]:
    return read_event_files(sorted(SEEDS.glob("*.yaml")))


def reference_records() -> list[EventRecord]:
    events, _ = reference_files(SEEDS)
    return read_event_files(events)


def january_fed(store: EventStore) -> list[Event]:
    window = EventFilter(categories=("central_bank",), regions=("US",),
                         start=datetime(2026, 1, 26), end=datetime(2026, 2, 2))  # fmt: skip
    return [e for e in store.list_events(window) if "press" not in e.title.casefold() and "发布会" not in e.title
            and e.entities and "Federal Reserve" in e.entities]  # fmt: skip


def test_fed_january_decision_follows_the_fed_schedule(store: EventStore) -> None:
    load_seeds(store, SEEDS, now=NOW)
    [decision] = january_fed(store)
    assert decision.uid == FED_STATEMENT
    assert decision.start_at == datetime(2026, 1, 28, 19, 0)
    assert decision.timezone == "America/New_York"
    assert {s["authority"] for s in decision.sources} == {"official", "news"}
    assert "美联储" in decision.entities  # the news names survive for search
    [official, news] = decision.extra["conflicts"]
    assert official["followed"] and official["authority"] == "official"
    assert "2026-01-28 19:00 UTC" in official["value"]
    assert not news["followed"] and news["uid"] == NEWS_FED
    assert "2026-01-30 03:00 Asia/Shanghai" in news["value"] and "2026-01-29 19:00 UTC" in news["value"]
    # The news UID is a tombstone pointing at the official event, so feeds drop it.
    gone = store.get(NEWS_FED, include_deleted=True)
    assert gone is not None and gone.deleted and gone.extra["merged_into"] == FED_STATEMENT
    assert store.get(NEWS_FED) is None
    text = description_text(decision)
    assert "Conflict between sources" in text and "搜狐财经 (news): Fri 30 Jan 2026 03:00 Beijing (UTC+08:00)" in text
    assert b"DTSTART:20260128T190000Z" in render_vevent(decision)


def test_press_conference_news_date_is_a_second_conflict(store: EventStore) -> None:
    load_seeds(store, SEEDS, now=NOW)
    press = store.get(FED_PRESS)
    assert press is not None and press.start_at == datetime(2026, 1, 28, 19, 30)
    assert [c["value"] for c in press.extra["conflicts"]][1] == "2026-01-30 (date)"
    assert store.get(NEWS_PRESS) is None


def _snapshot(store: EventStore) -> dict[frozenset[str], tuple[object, ...]]:
    """Each live event's content, keyed by every UID it answers to (its own and those merged into it):
    the content must not depend on the order sources arrive in; which of those UIDs is kept does."""
    return {
        frozenset([e.uid, *e.extra.get("aliases", [])]): (
            e.start_at, e.start_date, e.precision, e.title, sorted(map(str, e.sources)), e.extra.get("conflicts"),
            sorted(e.entities))
        for e in live(store)
    }  # fmt: skip


@pytest.mark.parametrize("order", ["news-first", "reference-first"])
def test_order_of_sources_does_not_matter(tmp_path: Path, order: str, store: EventStore) -> None:
    together = tmp_path / "together"
    shutil.copytree(SEEDS, together)
    from calendar_daemon.store.db import open_engine

    both = EventStore(open_engine(f"sqlite:///{tmp_path / 'both.db'}"))
    both.initialise()
    submit(both, seed_records() + reference_records(), origin="seed")

    batches = [seed_records(), reference_records()]
    if order == "reference-first":
        batches.reverse()
    for batch in batches:
        submit(store, batch, origin="seed")
    assert _snapshot(store) == _snapshot(both)
    # Re-submitting either source again changes nothing: no revision bump, no new version.
    version = store.data_version()
    for batch in batches:
        result = submit(store, batch, origin="seed")
        assert not result.created and not result.updated and not result.retired
    assert store.data_version() == version
    [decision] = january_fed(store)
    assert decision.start_at == datetime(2026, 1, 28, 19, 0)
    kept, gone = (NEWS_FED, FED_STATEMENT) if order == "news-first" else (FED_STATEMENT, NEWS_FED)
    assert decision.uid == kept and store.get(gone) is None  # the UID stored first is kept


def test_reseeding_is_idempotent(store: EventStore) -> None:
    first = load_seeds(store, SEEDS, now=NOW)
    assert FED_STATEMENT in first.created and NEWS_FED not in first.created
    assert NEWS_FED in first.retired and (NEWS_FED, FED_STATEMENT) in first.merged
    again = load_seeds(store, SEEDS, now=NOW)
    assert again.created == [] and again.updated == [] and again.retired == []
    assert store.get(FED_STATEMENT).revision == 1  # type: ignore[union-attr]


def test_news_stored_first_keeps_its_uid_when_the_schedule_arrives(store: EventStore) -> None:
    """Subscribers see the stored event move (same UID, higher SEQUENCE), not vanish and reappear."""
    submit(store, seed_records(), origin="seed")
    before = store.get(NEWS_FED)
    assert before is not None and before.start_at == datetime(2026, 1, 29, 19, 0)
    result = submit(store, reference_records(), origin="seed")
    assert NEWS_FED in result.updated and NEWS_PRESS in result.updated
    assert FED_STATEMENT in result.retired and FED_STATEMENT not in result.created
    event = store.get(NEWS_FED)
    assert event is not None and event.revision == before.revision + 1
    assert event.start_at == datetime(2026, 1, 28, 19, 0) and event.timezone == "America/New_York"
    assert [c["authority"] for c in event.extra["conflicts"]] == ["official", "news"]
    assert event.extra["conflicts"][0]["followed"]
    assert b"DTSTART:20260128T190000Z" in render_vevent(event) and b"SEQUENCE:1" in render_vevent(event)
    gone = store.get(FED_STATEMENT, include_deleted=True)
    assert gone is not None and gone.deleted and gone.extra["merged_into"] == NEWS_FED
    # A later change to the news record updates the merged event; the official date still wins.
    [news] = [r for r in seed_records() if r.uid == NEWS_FED]
    news.start_at = datetime(2026, 1, 29, 20, 0)
    update = submit(store, [news], origin="seed")
    assert update.updated == [NEWS_FED]
    merged = store.get(NEWS_FED)
    assert merged is not None and merged.start_at == datetime(2026, 1, 28, 19, 0)
    assert "2026-01-29 20:00 UTC" in merged.extra["conflicts"][1]["value"]
    # The schedule sent again is redirected to the kept UID and changes nothing.
    assert not submit(store, reference_records(), origin="seed").changed
    assert store.get(FED_STATEMENT) is None


def test_aliases_merge_and_agreeing_sources_are_not_a_conflict(store: EventStore) -> None:
    official = record("official@t", "2026-06-17T14:00:00", OFFICIAL, entities=["FOMC"])
    news = record("news@t", "2026-06-18T02:00:00+08:00", NEWS, entities=["美联储"], timezone="Asia/Shanghai")
    result = submit(store, [news, official], origin="import")
    assert result.created == ["official@t"]
    event = store.get("official@t")
    assert event is not None and "conflicts" not in event.extra  # same instant, two time zones
    assert event.extra["aliases"] == ["news@t"]


def test_a_day_only_news_claim_that_contains_the_instant_agrees(store: EventStore) -> None:
    official = record("official@t", "2026-06-17T14:00:00", OFFICIAL)
    news = record("news@t", "2026-06-18", NEWS, timezone="Asia/Shanghai")  # 02:00 Beijing on the 18th
    submit(store, [official, news], origin="import")
    [event] = live(store)
    assert event.start_at == datetime(2026, 6, 17, 18, 0) and "conflicts" not in event.extra


def test_exchange_outranks_news(store: EventStore) -> None:
    common = {"category": "lockup", "region": "CN", "entities": ["摩尔线程"], "title": "限售股解禁",
              "timezone": "Asia/Shanghai"}  # fmt: skip
    news = record("lock-news@t", "2026-06-10", NEWS, **common)
    exchange = record("lock-sse@t", "2026-06-12", EXCHANGE, **common)
    submit(store, [news], origin="import")
    submit(store, [exchange], origin="import")
    [event] = live(store)
    assert event.uid == "lock-news@t" and event.start_date == date(2026, 6, 12)  # stored UID, exchange's date
    assert [(c["authority"], c["followed"]) for c in event.extra["conflicts"]] == [("exchange", True), ("news", False)]
    # Arriving together, the exchange's UID is kept.
    submit(store, [record("lock-news2@t", "2026-07-10", NEWS, **common),
                   record("lock-sse2@t", "2026-07-13", EXCHANGE, **common)], origin="import")  # fmt: skip
    assert {e.uid for e in live(store, start=datetime(2026, 7, 1))} == {"lock-sse2@t"}


@pytest.mark.parametrize(
    ("other", "why"),
    [
        ({"entities": ["European Central Bank"]}, "different institution"),
        ({"entities": ["ECB"], "region": "EU"}, "different region"),
        ({"title": "Fed Chair press conference"}, "a press conference is not the decision"),
        ({"category": "macro_data"}, "different category"),
        ({"start": "2026-06-21T14:00:00"}, "four days apart"),
        ({"entities": []}, "no entities to compare"),
    ],
)
def test_near_misses_stay_separate(store: EventStore, other: dict[str, Any], why: str) -> None:
    fed = record("fed@t", "2026-06-17T14:00:00", OFFICIAL)
    fields = {"start": "2026-06-17T14:15:00", **other}
    candidate = record("other@t", fields.pop("start"), NEWS, **fields)
    submit(store, [fed, candidate], origin="import")
    assert {e.uid for e in live(store)} == {"fed@t", "other@t"}, why


def test_one_source_never_merges_with_itself(store: EventStore) -> None:
    submit(store, [record("a@t", "2026-06-17T14:00:00", NEWS), record("b@t", "2026-06-18T14:00:00", NEWS)], origin="import")
    assert len(live(store)) == 2


def test_tentative_quarter_becomes_the_dated_event_with_the_same_uid(store: EventStore) -> None:
    common = {"category": "corporate", "region": "KR", "entities": ["SK hynix"], "timezone": "Asia/Seoul"}
    coarse = record("hbm4@t", "2026-Q2", NEWS, title="HBM4 mass production", status="tentative",
                    precision="quarter", **common)  # fmt: skip
    submit(store, [coarse], origin="seed")
    before = store.get("hbm4@t")
    assert before is not None and before.precision == "quarter" and before.revision == 1
    version = store.data_version()
    exact = record("hbm4-date@t", "2026-05-20", OTHER_NEWS, title="HBM4 mass production starts", **common)
    result = submit(store, [exact], origin="ingest")
    assert result.updated == ["hbm4@t"] and result.created == []
    [event] = live(store)
    assert event.uid == "hbm4@t"
    assert (event.precision, event.start_date, event.status) == ("date", date(2026, 5, 20), "confirmed")
    assert event.revision == 2 and event.change_seq > version  # alerts re-plan on the new data version
    assert b"SEQUENCE:1" in render_vevent(event) and b"STATUS:CONFIRMED" in render_vevent(event)
    assert "conflicts" not in event.extra  # a finer date inside the quarter is not a disagreement
    # Sent again (a re-ingest), the dated record changes nothing.
    assert not submit(store, [exact], origin="ingest").changed
    # The company's own announcement (a more authoritative source) moves it, still under the same UID.
    announced = record("hbm4-sk@t", "2026-05-22", EXCHANGE, title="HBM4 mass production", **common)
    assert submit(store, [announced], origin="import").updated == ["hbm4@t"]
    [event] = live(store)
    assert (event.uid, event.start_date, event.revision) == ("hbm4@t", date(2026, 5, 22), 3)
    assert b"SEQUENCE:2" in render_vevent(event)


def test_a_coarse_claim_matching_two_events_stays_apart(store: EventStore) -> None:
    june = record("jun@t", "2026-06-17T14:00:00", OFFICIAL)
    april = record("apr@t", "2026-04-29T14:00:00", OFFICIAL, sources=[{**OFFICIAL, "headline": "Other"}])
    coarse = record("q2@t", "2026-Q2", NEWS, precision="quarter")
    submit(store, [june, april, coarse], origin="import")
    assert {e.uid for e in live(store)} == {"jun@t", "apr@t", "q2@t"}


def test_export_and_edit_of_a_merged_event(store: EventStore) -> None:
    """An exported merged event re-imports unchanged; a copy with an edited date speaks for itself."""
    official = record("official@t", "2026-06-17T14:00:00", OFFICIAL)
    news = record("news@t", "2026-06-19T14:00:00", NEWS)
    submit(store, [official, news], origin="import")
    stored = store.get("official@t")
    assert stored is not None and len(stored.extra["conflicts"]) == 2

    assert not submit(store, [record_from_event(stored)], origin="import").changed
    edited = record_from_event(stored)
    edited.start_at = datetime(2026, 6, 17, 20, 0)  # the Fed moved the statement (a PUT through the API)
    assert submit(store, [edited], origin="api").updated == ["official@t"]
    after = store.get("official@t")
    assert after is not None and after.start_at == datetime(2026, 6, 17, 20, 0)
    assert after.extra["conflicts"][1]["value"] == "2026-06-19 14:00 America/New_York = 2026-06-19 18:00 UTC"


def test_a_single_sources_own_conflict_note_is_kept(store: EventStore) -> None:
    noted = record("noted@t", "2026-06-17T14:00:00", NEWS, extra={"conflicts": [{"source": "Other paper", "value": "a day later"}]})
    submit(store, [noted], origin="import")
    event = store.get("noted@t")
    assert event is not None and event.extra["conflicts"] == [{"source": "Other paper", "value": "a day later"}]


def test_a_batch_reads_only_the_stretches_of_calendar_near_its_records(store: EventStore) -> None:
    """Cost grows with the batch, not the calendar: two records a year apart read the events near
    each of them, not the year of events between them; matches near either are still found."""
    daily = [record(f"day{i}@t", f"2026-{1 + i // 28:02d}-{1 + i % 28:02d}T14:00:00", {**NEWS, "headline": f"h{i}"},
                    entities=[f"Company {i}"]) for i in range(28 * 12)]  # fmt: skip
    submit(store, daily, origin="import")
    january = record("jan@t", "2026-01-10T14:30:00", OFFICIAL, entities=["Company 9"])
    december = record("dec@t", "2026-12-20T14:00:00", OFFICIAL, entities=["Company 327"])
    reconciler = Reconciler(store, [january, december])
    read = set(reconciler._index.records)
    assert 0 < len(read) <= 2 * (2 * 4 + 1)  # about a week around each record, not 336 events
    assert "day9@t" in read and "day327@t" in read and "day150@t" not in read
    plan = reconcile(store, [january, december])
    assert plan.records["day9@t"].start_at == datetime(2026, 1, 10, 19, 30)  # merged, official time
    assert plan.records["day327@t"].start_at == datetime(2026, 12, 20, 19, 0)


def test_a_batch_compares_only_records_that_share_a_name(store: EventStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """300 unrelated events on one day are never compared with each other (each import would
    otherwise cost O(n²) comparisons); two that name the same entity still merge."""
    from calendar_daemon.intake import reconcile

    compared: list[tuple[str, str]] = []
    original = reconcile.profiles_match

    def counting(a: Any, b: Any) -> bool:
        compared.append((a.record.uid, b.record.uid))
        return original(a, b)

    monkeypatch.setattr(reconcile, "profiles_match", counting)
    plain = [record(f"plain{i}", "2026-03-18T14:00:00", NEWS, entities=[], title=f"Release {i}") for i in range(300)]
    fed = [record("fed-a", "2026-03-18T14:00:00", NEWS), record("fed-b", "2026-03-18T14:00:00", EXCHANGE)]
    submit(store, [*plain, *fed], origin="import")
    assert compared == [("fed-b", "fed-a")]
    assert len(store.list_events(EventFilter())) == 301  # the two Fed records are one event
