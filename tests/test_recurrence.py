from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import holidays
import pytest

from calendar_daemon.sources.recurrence import RecurrenceError, RecurringRule, expand, occurrence_uid
from calendar_daemon.sources.rule_files import load_recurring, make_rule

REPO = Path(__file__).resolve().parents[1]
RECURRING = REPO / "seeds" / "reference" / "recurring.yaml"
NY = ZoneInfo("America/New_York")
SH = ZoneInfo("Asia/Shanghai")

SOURCE = {
    "outlet": "Test outlet",
    "headline": "Test headline",
    "published": "2026-01-01T00:00:00+00:00",
    "authority": "official",
    "url": "https://example.org/x",
}


def _rule(**overrides: Any) -> RecurringRule:
    raw: dict[str, Any] = {
        "uid": "us-jobless-claims@reference.calendar-daemon",
        "title": "Jobless claims",
        "category": "macro_data",
        "region": "US",
        "importance": 2,
        "timezone": "America/New_York",
        "dtstart": "2026-01-01T08:30:00",
        "rrule": "FREQ=WEEKLY;BYDAY=TH",
        "until": "2027-12-31",
        "source": SOURCE,
    }
    raw.update(overrides)
    return make_rule({k: v for k, v in raw.items() if v is not None}, "test.yaml: rule #1")


def _ny(y: int, m: int, d: int, hh: int = 8, mm: int = 30) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=NY)


def _by_uid(path: Path) -> dict[str, RecurringRule]:
    return {rule.uid: rule for rule in load_recurring(path)}


def test_thursday_rule_across_march_dst_start() -> None:
    rule = _rule()
    occ = expand(rule, datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 3, 20, tzinfo=UTC))
    assert [o.local_date for o in occ] == [date(2026, 3, 5), date(2026, 3, 12), date(2026, 3, 19)]
    expected = [_ny(2026, 3, 5).astimezone(UTC), _ny(2026, 3, 12).astimezone(UTC), _ny(2026, 3, 19).astimezone(UTC)]
    assert [o.start_utc for o in occ] == expected
    # Before 8 March New York is on EST (UTC-5), after it on EDT (UTC-4).
    assert (occ[0].start_utc.hour, occ[0].start_utc.minute) == (13, 30)
    assert (occ[1].start_utc.hour, occ[1].start_utc.minute) == (12, 30)
    assert all(o.start.astimezone(NY).time() == time(8, 30) for o in occ)
    assert occ[1].uid == "us-jobless-claims-20260312@reference.calendar-daemon"


def test_thursday_rule_across_november_dst_end() -> None:
    rule = _rule()
    occ = expand(rule, datetime(2026, 10, 25, tzinfo=UTC), datetime(2026, 11, 8, tzinfo=UTC))
    assert [o.local_date for o in occ] == [date(2026, 10, 29), date(2026, 11, 5)]
    assert [o.start_utc for o in occ] == [_ny(2026, 10, 29).astimezone(UTC), _ny(2026, 11, 5).astimezone(UTC)]
    assert occ[0].start_utc.hour == 12 and occ[1].start_utc.hour == 13


def test_window_is_half_open() -> None:
    rule = _rule()
    first = _ny(2026, 3, 5)
    second = _ny(2026, 3, 12)
    occ = expand(rule, first, second)
    assert [o.start for o in occ] == [first]
    assert expand(rule, second, first) == []


def test_expand_requires_aware_bounds() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        expand(_rule(), datetime(2026, 1, 1), datetime(2026, 2, 1, tzinfo=UTC))


def test_exdate_and_rdate_honoured() -> None:
    rule = _rule(exdate=["2026-11-26"], rdate=["2026-11-25", "2026-11-27T10:00:00"])
    occ = expand(rule, datetime(2026, 11, 16, tzinfo=UTC), datetime(2026, 12, 5, tzinfo=UTC))
    assert [o.local for o in occ] == [
        datetime(2026, 11, 19, 8, 30),
        datetime(2026, 11, 25, 8, 30),
        datetime(2026, 11, 27, 10, 0),
        datetime(2026, 12, 3, 8, 30),
    ]


def test_count_and_inline_until_bound_the_rule() -> None:
    counted = _rule(until=None, count=3)
    occ = expand(counted, datetime(2025, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC))
    assert [o.local_date for o in occ] == [date(2026, 1, 1), date(2026, 1, 8), date(2026, 1, 15)]
    inline = _rule(until=None, rrule="RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20260120T235959")
    occ = expand(inline, datetime(2025, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC))
    assert len(occ) == 3


def test_until_date_includes_that_day() -> None:
    rule = _rule(until="2026-01-15")
    occ = expand(rule, datetime(2025, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC))
    assert occ[-1].local_date == date(2026, 1, 15)


def test_nonexistent_local_time_moves_forward_and_ambiguous_takes_first() -> None:
    daily = _rule(dtstart="2026-03-07T02:30:00", rrule="FREQ=DAILY", until=None, count=3)
    occ = expand(daily, datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 3, 12, tzinfo=UTC))
    gap = occ[1]
    assert gap.local == datetime(2026, 3, 8, 2, 30)
    assert gap.shifted
    assert gap.start.replace(tzinfo=None) == datetime(2026, 3, 8, 3, 30)
    assert gap.start_utc == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)
    assert not occ[0].shifted and not occ[2].shifted

    fall = _rule(dtstart="2026-10-31T01:30:00", rrule="FREQ=DAILY", until=None, count=2)
    occ = expand(fall, datetime(2026, 10, 30, tzinfo=UTC), datetime(2026, 11, 3, tzinfo=UTC))
    # 01:30 happens twice on 1 November; the first (EDT, UTC-4) instance is used.
    assert occ[1].start_utc == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)


def test_occurrence_uid_and_event_record() -> None:
    assert occurrence_uid("a@b.c", date(2026, 3, 12)) == "a-20260312@b.c"
    assert occurrence_uid("plain", date(2026, 3, 12)) == "plain-20260312"
    rule = _rule()
    record = expand(rule, _ny(2026, 3, 12), _ny(2026, 3, 13))[0].as_event()
    assert record["start"] == "2026-03-12T08:30:00-04:00"
    assert record["precision"] == "datetime"
    assert record["timezone"] == "America/New_York"
    assert record["sources"][0]["authority"] == "official"
    assert record["sources"][0]["url"] == "https://example.org/x"


# --- the shipped rule file ---------------------------------------------------------------------


def test_jobless_claims_thanksgiving_week_moves_to_wednesday() -> None:
    rule = _by_uid(RECURRING)["us-jobless-claims@reference.calendar-daemon"]
    occ = expand(rule, datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC))
    assert [o.local_date for o in occ] == [
        date(2026, 11, 5),
        date(2026, 11, 12),
        date(2026, 11, 19),
        date(2026, 11, 25),
    ]
    assert occ[-1].uid == "us-jobless-claims-20261125@reference.calendar-daemon"
    assert occ[-1].start_utc == _ny(2026, 11, 25).astimezone(UTC)


def test_jobless_claims_exdates_are_exactly_the_federal_holiday_thursdays() -> None:
    rule = _by_uid(RECURRING)["us-jobless-claims@reference.calendar-daemon"]
    assert rule.until is not None
    federal = holidays.country_holidays("US", years=range(rule.dtstart.year, rule.until.year + 1))
    holiday_thursdays = {
        d for d in federal if d.weekday() == 3 and rule.dtstart.date() <= d <= rule.until.date()
    }
    assert {x.date() for x in rule.exdate} == holiday_thursdays
    # every replacement is the Wednesday before an excluded Thursday
    for extra in rule.rdate:
        assert extra.weekday() == 2
        assert (extra + timedelta(days=1)).date() in holiday_thursdays
        assert extra.time() == time(8, 30)


def test_pmi_monthly_expansion() -> None:
    rule = _by_uid(RECURRING)["cn-nbs-pmi@reference.calendar-daemon"]
    occ = expand(rule, datetime(2026, 1, 1, tzinfo=SH), datetime(2027, 1, 1, tzinfo=SH))
    months = [m for m in range(1, 13) if m != 2]  # no release at the end of February
    expected = [
        datetime(2026, m, calendar.monthrange(2026, m)[1], 9, 30, tzinfo=SH).astimezone(UTC)
        for m in months
    ]
    expected.insert(1, datetime(2026, 3, 4, 9, 30, tzinfo=SH).astimezone(UTC))  # February's, moved to 4 March
    assert [o.start_utc for o in occ] == expected
    assert occ[1].uid == "cn-nbs-pmi-20260228@reference.calendar-daemon"
    assert occ[0].uid == "cn-nbs-pmi-20260131@reference.calendar-daemon"
    assert all(o.start_utc.hour == 1 and o.start_utc.minute == 30 for o in occ)


# --- loading errors ----------------------------------------------------------------------------


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path


_GOOD = """
source: {outlet: O, headline: H, published: 2026-01-01T00:00:00+00:00, authority: official}
rules:
  - uid: r1@x
    title: R1
    category: macro_data
    region: US
    importance: 2
    timezone: America/New_York
    dtstart: 2026-01-01T08:30:00
    rrule: FREQ=WEEKLY;BYDAY=TH
    count: 4
"""


def test_load_uses_file_wide_source(tmp_path: Path) -> None:
    rules = load_recurring(_write(tmp_path, _GOOD))
    assert rules[0].source.outlet == "O"
    assert rules[0].count == 4


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("FREQ=WEEKLY;BYDAY=TH", "FREQ=SOMETIMES", "invalid rrule"),
        ("    count: 4", "    count: 0", "count must be a positive integer"),
        ("    count: 4\n", "", "unbounded"),
        ("America/New_York", "Mars/Olympus", "unknown time zone"),
        ("macro_data", "gossip", "category 'gossip'"),
        ("importance: 2", "importance: 7", "importance must be"),
        ("dtstart: 2026-01-01T08:30:00", "dtstart: 2026-01-01T08:30:00+00:00", "naive local"),
        ("dtstart: 2026-01-01T08:30:00", "dtstart: 2026-01-01", "date-time is required"),
        ("    count: 4", "    count: 4\n    colour: red", "unknown field"),
    ],
)
def test_load_errors_name_file_rule_and_problem(tmp_path: Path, old: str, new: str, problem: str) -> None:
    assert old in _GOOD
    path = _write(tmp_path, _GOOD.replace(old, new))
    with pytest.raises(RecurrenceError) as info:
        load_recurring(path)
    message = str(info.value)
    assert str(path) in message
    assert "rule r1@x" in message
    assert problem in message


def test_load_rejects_duplicates_missing_source_and_bad_yaml(tmp_path: Path) -> None:
    body = _GOOD.split("rules:\n", 1)[1]
    dup = _write(tmp_path, _GOOD + body)
    with pytest.raises(RecurrenceError, match="rule r1@x: duplicate uid"):
        load_recurring(dup)
    no_source = _write(tmp_path, "rules:\n" + body)
    with pytest.raises(RecurrenceError, match="missing field 'source'"):
        load_recurring(no_source)
    broken = _write(tmp_path, "rules: [\n")
    with pytest.raises(RecurrenceError, match="invalid YAML"):
        load_recurring(broken)
    with pytest.raises(RecurrenceError, match="cannot read"):
        load_recurring(tmp_path / "absent.yaml")
