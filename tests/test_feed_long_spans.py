"""Long all-day spans are served as the day they begin (and the day they end), not as a block.

A three-year equity freeze, a construction period from one month to another, a product span over
years: in the feed each is an all-day event on its first day ("… begins" / "…开始"), plus, when the
end is a real day the source gives (day precision), one on its last day ("… ends" / "…结束") under a
UID of its own. Short spans (a nine-day market closure) and single periods stay blocks. The JSON
API keeps the span as stored. Checked over HTTP against a running daemon, with three independent
iCalendar readers (icalendar, ical.js, libical).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from calendar_daemon.domain.periods import LONG_SPAN_DAYS
from tests.helpers import DaemonProcess, invoke_cli
from tests.readers.harness import assert_readers_agree, read_with_all, require_reader

SOURCE = {"outlet": "Test desk", "headline": "Spans", "published": "2026-01-05T09:00:00+08:00"}


def _event(uid: str, title: str, precision: str, start: str, end: str | None = None) -> dict[str, Any]:
    event = {"uid": uid, "title": title, "category": "other", "importance": 2, "region": "CN",
             "precision": precision, "timezone": "Asia/Shanghai", "start": start}  # fmt: skip
    return event | ({"end": end} if end else {})


EVENTS = [
    _event("freeze@t", "罗永浩所持股权冻结期", "date", "2026-01-20", "2029-01-19"),
    _event("lockup-window@t", "Lock-up window", "date", "2026-03-02", "2026-04-02"),  # 32 days: long
    _event("construction@t", "IC substrate plant construction", "month", "2026-05", "2028-09"),
    _event("roadmap@t", "产品路线图", "year", "2026", "2028"),
    _event("closure@t", "Markets closed (Spring Festival)", "date", "2026-02-15", "2026-02-23"),  # 9 days
    _event("month-window@t", "Thirty-one days", "date", "2026-07-01", "2026-07-31"),  # exactly 31: not long
    _event("one-month@t", "Mid-year review", "month", "2026-06"),  # a single period
    _event("last@t", "Last marker", "date", "2026-12-31"),
]
DAY = timedelta(days=1)


def _serve(daemon: DaemonProcess, tmp_path: Path, events: list[dict[str, Any]]) -> bytes:
    path = tmp_path / "spans.yaml"
    path.write_text(yaml.safe_dump({"source": SOURCE, "events": events}, allow_unicode=True), encoding="utf-8")
    result = invoke_cli("import", str(path), db=daemon.db)
    assert result.returncode == 0, result.stderr
    daemon.wait_for_feed("last@t")
    response = daemon.get("/calendar.ics", headers={"Cache-Control": "no-cache"})
    assert response.status_code == 200
    return response.content


def _days(event: dict[str, Any]) -> tuple[date, date]:
    return date.fromisoformat(event["start"]), date.fromisoformat(event["end"])


def test_every_reader_sees_a_start_and_an_end_day_instead_of_a_block(daemon: DaemonProcess, tmp_path: Path) -> None:
    for name in ("icalendar", "icaljs", "libical"):
        require_reader(name)
    readings = read_with_all(_serve(daemon, tmp_path, EVENTS))
    assert_readers_agree(readings)
    for reader, events in readings.items():
        by_uid: dict[str, list[dict[str, Any]]] = {}
        for event in events:
            by_uid.setdefault(event["uid"], []).append(event)
        assert all(len(found) == 1 for found in by_uid.values()), f"{reader}: a UID served twice"
        got = {uid: found[0] for uid, found in by_uid.items()}
        assert all(event["allday"] for event in got.values())
        # The freeze: its first day under its own UID, its last day under a derived one.
        assert _days(got["freeze@t"]) == (date(2026, 1, 20), date(2026, 1, 21)), reader
        assert got["freeze@t"]["summary"] == "罗永浩所持股权冻结期开始"
        assert _days(got["freeze-end@t"]) == (date(2029, 1, 19), date(2029, 1, 20)), reader
        assert got["freeze-end@t"]["summary"] == "罗永浩所持股权冻结期结束"
        assert _days(got["lockup-window@t"]) == (date(2026, 3, 2), date(2026, 3, 3))
        assert got["lockup-window@t"]["summary"] == "Lock-up window begins"
        assert _days(got["lockup-window-end@t"]) == (date(2026, 4, 2), date(2026, 4, 3))
        assert got["lockup-window-end@t"]["summary"] == "Lock-up window ends"
        # Coarse spans: their first period's first day, labelled with it; a month or a year bound
        # is no day anything happens, so no end event.
        assert _days(got["construction@t"]) == (date(2026, 5, 1), date(2026, 5, 2))
        assert got["construction@t"]["summary"] == "[2026-05] IC substrate plant construction begins"
        assert _days(got["roadmap@t"]) == (date(2026, 1, 1), date(2026, 1, 2))
        assert got["roadmap@t"]["summary"] == "[2026] 产品路线图开始"
        assert "construction-end@t" not in got and "roadmap-end@t" not in got
        # Short spans and single periods stay what they are: every day of a closure counts.
        assert _days(got["closure@t"]) == (date(2026, 2, 15), date(2026, 2, 24))
        assert _days(got["month-window@t"]) == (date(2026, 7, 1), date(2026, 8, 1))
        assert _days(got["one-month@t"]) == (date(2026, 6, 1), date(2026, 7, 1))
        assert "closure-end@t" not in got and "month-window-end@t" not in got and "one-month-end@t" not in got
        longest = max((end - start).days for start, end in map(_days, got.values()))
        assert longest <= LONG_SPAN_DAYS, f"{reader}: a block of {longest} days"


def test_the_two_days_keep_their_uids_across_an_edit_and_the_api_keeps_the_span(
    daemon: DaemonProcess, tmp_path: Path
) -> None:
    first = {e["uid"] for e in read_with_all(_serve(daemon, tmp_path, EVENTS))["icalendar"]}
    edited = [dict(e, description="Extended notice") if e["uid"] == "freeze@t" else e for e in EVENTS]
    edited = [dict(e, title="Last marker (edited)") if e["uid"] == "last@t" else e for e in edited]
    path = tmp_path / "spans.yaml"
    path.write_text(yaml.safe_dump({"source": SOURCE, "events": edited}, allow_unicode=True), encoding="utf-8")
    assert invoke_cli("import", str(path), db=daemon.db).returncode == 0
    body = daemon.wait_for_feed("Last marker (edited)").content
    second = read_with_all(body)["icalendar"]
    assert {e["uid"] for e in second} == first  # a refresh replaces the two days, never adds more
    assert body.count(b"UID:freeze@t") == 1 and body.count(b"UID:freeze-end@t") == 1
    api = daemon.get("/api/v1/events/freeze@t").json()
    assert (api["precision"], api["start"], api["end"]) == ("date", "2026-01-20", "2029-01-19")
    construction = daemon.get("/api/v1/events/construction@t").json()
    assert (construction["start"], construction["end"]) == ("2026-05-01", "2028-09-30")
