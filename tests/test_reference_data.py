from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

from calendar_daemon.domain.vocabulary import AUTHORITIES, CATEGORIES
from calendar_daemon.sources.recurrence import expand
from calendar_daemon.sources.rule_files import load_recurring
from calendar_daemon.sources.seeds import is_rule_file

REFERENCE = Path(__file__).resolve().parents[1] / "seeds" / "reference"
FOMC = REFERENCE / "fomc-2026-2027.yaml"
EVENT_FILES = sorted(p for p in REFERENCE.glob("*.yaml") if not is_rule_file(p))
UID_RE = re.compile(r"^fomc-(\d{4})-(\d{2})-(statement|press-conference)@reference\.calendar-daemon$")


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("events"), list), path
    return data


def _instant(event: dict[str, Any]) -> datetime:
    start = event["start"]
    if isinstance(start, str):
        start = datetime.fromisoformat(start)
    assert isinstance(start, datetime), event["uid"]
    if start.tzinfo is None:
        start = start.replace(tzinfo=ZoneInfo(event["timezone"]))
    return start.astimezone(UTC)


def _fomc() -> dict[str, datetime]:
    return {e["uid"]: _instant(e) for e in _load(FOMC)["events"]}


def test_fomc_file_parses_with_sixteen_meetings() -> None:
    events = _load(FOMC)["events"]
    uids = [e["uid"] for e in events]
    assert len(uids) == len(set(uids)) == 32
    kinds: dict[str, set[str]] = {}
    for event in events:
        match = UID_RE.match(event["uid"])
        assert match, event["uid"]
        kinds.setdefault(f"{match[1]}-{match[2]}", set()).add(match[3])
        assert event["category"] == "central_bank"
        assert event["region"] == "US"
        assert event["precision"] == "datetime"
        assert event["timezone"] == "America/New_York"
        assert event["entities"] == ["Federal Reserve", "FOMC"]
        assert isinstance(event["start"], datetime) and event["start"].tzinfo is None
        assert event["importance"] in (2, 3)
    assert len(kinds) == 16
    assert sum(k.startswith("2026-") for k in kinds) == 8
    assert sum(k.startswith("2027-") for k in kinds) == 8
    assert all(v == {"statement", "press-conference"} for v in kinds.values())


@pytest.mark.parametrize(
    ("key", "utc"),
    [
        ("fomc-2026-12", datetime(2026, 12, 9, 19, 0, tzinfo=UTC)),
        ("fomc-2027-01", datetime(2027, 1, 27, 19, 0, tzinfo=UTC)),
        ("fomc-2026-01", datetime(2026, 1, 28, 19, 0, tzinfo=UTC)),
        ("fomc-2026-06", datetime(2026, 6, 17, 18, 0, tzinfo=UTC)),  # EDT
    ],
)
def test_fomc_statement_instants(key: str, utc: datetime) -> None:
    events = _fomc()
    assert events[f"{key}-statement@reference.calendar-daemon"] == utc
    assert events[f"{key}-press-conference@reference.calendar-daemon"] == utc + timedelta(minutes=30)


def test_every_fomc_statement_is_2pm_new_york_on_a_wednesday() -> None:
    ny = ZoneInfo("America/New_York")
    events = {e["uid"]: e for e in _load(FOMC)["events"]}
    statements = [u for u in events if u.endswith("-statement@reference.calendar-daemon")]
    assert len(statements) == 16
    for uid in statements:
        local = _instant(events[uid]).astimezone(ny)
        assert (local.hour, local.minute, local.weekday()) == (14, 0, 2), uid
        assert events[uid]["importance"] == 3
        presser = _instant(events[uid.replace("-statement@", "-press-conference@")])
        assert presser - _instant(events[uid]) == timedelta(minutes=30)
    first_days = sorted(_instant(events[u]).astimezone(ny).date() - timedelta(days=1) for u in statements)
    assert first_days[0] == date(2026, 1, 27) and first_days[-1] == date(2027, 12, 7)


def _check_source(source: dict[str, Any], where: str) -> None:
    assert source.get("authority") == "official", where
    assert source["authority"] in AUTHORITIES
    assert str(source.get("url", "")).startswith("https://"), where
    assert source.get("outlet") and source.get("headline"), where
    published = source.get("published")
    if isinstance(published, str):
        published = datetime.fromisoformat(published)
    assert isinstance(published, datetime) and published.tzinfo is not None, where


@pytest.mark.parametrize("path", EVENT_FILES, ids=lambda p: p.name)
def test_event_files_cite_official_sources(path: Path) -> None:
    data = _load(path)
    if data.get("source") is not None:
        _check_source(data["source"], f"{path.name}: file source")
    for event in data["events"]:
        sources = event.get("sources")
        assert sources or data.get("source"), event["uid"]
        for source in sources or []:
            _check_source(source, event["uid"])
        assert event["category"] in CATEGORIES
        assert 1 <= event["importance"] <= 3
        ZoneInfo(event["timezone"])


def test_recurring_rules_cite_official_sources_and_expand() -> None:
    rules = load_recurring(REFERENCE / "recurring.yaml")
    assert {r.uid for r in rules} >= {
        "us-jobless-claims@reference.calendar-daemon",
        "cn-nbs-pmi@reference.calendar-daemon",
    }
    for rule in rules:
        _check_source(rule.source.as_dict(), rule.uid)
        for own_date, move in rule.moves:
            if move.source is not None:
                _check_source(move.source.as_dict(), f"{rule.uid} moves {own_date}")
        occ = expand(rule, datetime(2027, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC))
        assert occ, rule.uid
        assert len({o.uid for o in occ}) == len(occ)
