"""A recurring rule can move an occurrence to another day (``moves``), not only delete it (``exdate``).

China's official PMI is released on the last day of each month, except February's, which NBS puts
in early March; a move keeps the occurrence (and its UID) on its published day, or, while NBS has
not published the day, as a tentative month-precision event.
"""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from calendar_daemon.domain.records import normalize
from calendar_daemon.intake.seeding import load_seeds
from calendar_daemon.sources.recurrence import RecurrenceError, expand
from calendar_daemon.sources.rule_files import load_recurring
from calendar_daemon.sources.seeds import ReferenceOptions
from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventStore
from tests.helpers import REPO_ROOT

SH = ZoneInfo("Asia/Shanghai")
PMI = "cn-nbs-pmi-{}@reference.calendar-daemon"

_RULE = """
source: {outlet: NBS, headline: Release calendar, published: 2026-01-01T00:00:00+08:00, authority: official}
rules:
  - uid: pmi@x
    title: PMI
    category: macro_data
    region: CN
    importance: 3
    timezone: Asia/Shanghai
    dtstart: 2026-01-31T09:30:00
    rrule: FREQ=MONTHLY;BYMONTHDAY=-1
    until: 2027-12-31
"""
_MOVE = """    moves:
      2026-02-28: {to: 2026-03-04T09:30:00, reason: February's reading comes out in March}
"""
YEAR_2026 = (datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))


def _rules(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_move_puts_the_occurrence_on_its_new_day_under_its_own_uid(tmp_path: Path) -> None:
    [rule] = load_recurring(_rules(tmp_path, _RULE + _MOVE))
    occurrences = expand(rule, *YEAR_2026)
    by_uid = {o.uid: o for o in occurrences}
    assert len(occurrences) == 12  # one per month: February's is moved, not lost
    moved = by_uid["pmi-20260228@x"]
    assert moved.start_utc == datetime(2026, 3, 4, 1, 30, tzinfo=UTC)  # 09:30 Beijing (UTC+8)
    assert (moved.start.astimezone(SH).hour, moved.start.astimezone(SH).minute) == (9, 30)
    assert not [o for o in occurrences if o.start.astimezone(SH).date() == date(2026, 2, 28)]
    assert [o.start for o in occurrences] == sorted(o.start for o in occurrences)
    record = normalize(moved.as_event(), default_timezone="UTC", source="rules.yaml", where="moved")
    assert record.start_at == datetime(2026, 3, 4, 1, 30) and record.precision == "datetime"
    assert record.status == "confirmed"
    assert "February's reading comes out in March" in record.description


def test_exdate_alone_removes_the_occurrence(tmp_path: Path) -> None:
    [rule] = load_recurring(_rules(tmp_path, _RULE + "    exdate: [2026-02-28]\n"))
    occurrences = expand(rule, *YEAR_2026)
    assert len(occurrences) == 11
    assert "pmi-20260228@x" not in {o.uid for o in occurrences}
    assert not [o for o in occurrences if o.start.astimezone(SH).month == 2]


def test_a_month_only_move_is_a_tentative_month_event_while_its_month_is_ahead(tmp_path: Path) -> None:
    text = _RULE + "    moves:\n      2027-02-28: {to: 2027-03, reason: the day is not published yet}\n"
    [rule] = load_recurring(_rules(tmp_path, text))
    window = (datetime(2027, 3, 10, tzinfo=UTC), datetime(2027, 6, 1, tzinfo=UTC))  # starts inside March
    [moved] = [o for o in expand(rule, *window) if o.uid == "pmi-20270228@x"]
    record = normalize(moved.as_event(), default_timezone="UTC", source="rules.yaml", where="moved")
    assert (record.precision, record.status) == ("month", "tentative")
    assert (record.start_date, record.end_date) == (date(2027, 3, 1), date(2027, 3, 31))
    assert record.start_at is None
    after_march = (datetime(2027, 4, 1, tzinfo=UTC), datetime(2027, 6, 1, tzinfo=UTC))
    assert "pmi-20270228@x" not in {o.uid for o in expand(rule, *after_march)}


@pytest.mark.parametrize(
    ("moves", "problem"),
    [
        ("      2026-02-27: {to: 2026-03-04, reason: r}", "moves 2026-02-27: the rule has no occurrence on that date"),
        ("      2026-02-28: {to: 2026-13, reason: r}", "moves 2026-02-28: to '2026-13' is not a month (YYYY-MM)"),
        ("      2026-02-28: {to: 2026-03-04T09:30:00+08:00, reason: r}", "moves 2026-02-28: to: 2026-03-04T09:30:00+08:00 must be naive"),
        ("      2026-02-28: {to: soon, reason: r}", "moves 2026-02-28: to: 'soon' is not an ISO date or date-time (or a month, YYYY-MM)"),
        ("      2026-02-28: {to: 2026-03-04}", "moves 2026-02-28: 'reason' must say why"),
        ("      2026-02-28: {reason: r}", "moves 2026-02-28: missing field 'to'"),
        ("      2026-02-28: {to: 2026-03-04, reason: r, when: later}", "moves 2026-02-28: unknown field(s) ['when']"),
        ("      2026-02-28: {to: 2026-03-04, reason: r, source: {outlet: NBS}}", "moves 2026-02-28: source: missing field 'headline'"),
        ("      2026-02-28: 2026-03-04", "moves 2026-02-28: expected a mapping with 'to' and 'reason'"),
        ("      someday: {to: 2026-03-04, reason: r}", "moves: key 'someday' is not an ISO date"),
    ],
)
def test_a_bad_move_names_the_file_the_rule_and_the_key(tmp_path: Path, moves: str, problem: str) -> None:
    path = _rules(tmp_path, _RULE + "    moves:\n" + moves + "\n")
    with pytest.raises(RecurrenceError) as info:
        load_recurring(path)
    message = str(info.value)
    assert message.startswith(f"{path}: rule pmi@x: "), message
    assert problem in message


def test_a_date_both_moved_and_excluded_is_refused(tmp_path: Path) -> None:
    path = _rules(tmp_path, _RULE + "    exdate: [2026-02-28]\n" + _MOVE)
    with pytest.raises(RecurrenceError, match=r"rule pmi@x: moves 2026-02-28: the date is also in exdate"):
        load_recurring(path)


def test_the_seeded_pmi_has_february_2026_on_4_march_and_february_2027_in_march(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copytree(REPO_ROOT / "seeds" / "reference", folder / "reference")
    store = EventStore(open_engine(f"sqlite:///{tmp_path / 'cal.db'}"))
    store.initialise()
    load_seeds(store, folder, now=datetime(2026, 3, 1, 12, tzinfo=UTC), reference=ReferenceOptions(horizon_days=400))
    february_2026 = store.get(PMI.format("20260228"))
    assert february_2026 is not None and february_2026.start_at == datetime(2026, 3, 4, 1, 30)  # 09:30 Beijing
    assert february_2026.timezone == "Asia/Shanghai" and february_2026.status == "confirmed"
    assert february_2026.sources[0]["authority"] == "official"
    february_2027 = store.get(PMI.format("20270228"))
    assert february_2027 is not None
    assert (february_2027.precision, february_2027.status) == ("month", "tentative")
    assert (february_2027.start_date, february_2027.end_date) == (date(2027, 3, 1), date(2027, 3, 31))
    assert "2027 release calendar" in february_2027.description
    march_2027 = store.get(PMI.format("20270331"))
    assert march_2027 is not None and march_2027.start_at == datetime(2027, 3, 31, 1, 30)
