"""Hostile variants of valid records through every importer and the API's write routes.

Each example is one good record followed by a variant of it with hostile fields (dates at the year 1/9999
limits, impossible calendar dates, zone names that are folders, paths or 300 characters, numbers of
thousands of digits, nesting thousands of levels deep) rendered to .yaml/.json/.csv/.ics, sometimes
re-encoded (UTF-16 with and without a byte-order mark), given a NUL byte or cut short. An import either
succeeds or ends with exit status 1, a message naming the file and nothing stored; the API answers 4xx
with a message, never a 500.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import DaemonProcess, api_config, invoke_cli

TOKEN = "fuzz-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)

EDGE_DATES = [
    "0001-01-01", "9999-12-31", "9999", "0001", "9999Q4", "0001Q1", "9999-12", "9999-W52", "9999H2", "2027-02-30",
    "2026-13-01", "2026-00-10", "2024-02-29", "2026-03-18", "9999-12-31T23:59:59", "0001-01-01T00:00:00",
    "0001-01-01T00:30:00+14:00", "9999-12-31T23:00:00-12:00", "2026-03-18T25:00", "1899-12-31", "3000-01-01",
]  # fmt: skip
ZONES = [
    "America", "../../etc/passwd", "../../../etc/passwd", "A" * 300, "Mars/Olympus", "America/", "/etc/passwd",
    "Etc", "UTC", "Asia/Shanghai", "America/New_York", "posixrules", "zone.tab", "tzdata.zi", "",
]  # fmt: skip
RRULES = [
    "FREQ=DAILY", "FREQ=SECONDLY", "FREQ=MINUTELY;INTERVAL=0", "FREQ=YEARLY;UNTIL=99991231T000000Z", "FREQ=WEEKLY;COUNT=" + "9" * 5000,
    "FREQ=MONTHLY;UNTIL=20270101", "GARBAGE", "FREQ=HOURLY;BYSETPOS=400", "FREQ=WEEKLY;BYDAY=TH;COUNT=3", "FREQ=DAILY;UNTIL=1",
]  # fmt: skip
NUMBERS = ["9" * 5000, "-" + "9" * 4400, str(2**64), "-1", "3", "0", "1e400", "NaN"]


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


dates = st.one_of(st.sampled_from(EDGE_DATES), st.dates().map(lambda d: d.isoformat()))
zones = st.one_of(st.sampled_from(ZONES), st.text(alphabet="abcAZ/_.-+0", min_size=1, max_size=40))
records = st.fixed_dictionaries(
    {"start": dates, "end": st.none() | dates, "timezone": st.none() | zones, "importance": st.none() | st.sampled_from(NUMBERS),
     "extra_depth": st.none() | st.sampled_from([1, 20, 3000, 100_000]), "rrule": st.none() | st.sampled_from(RRULES)}
)  # fmt: skip
damage = st.sampled_from(["none", "utf-16", "utf-16-be", "utf-16-le", "nul", "truncate"])

GOOD = {"uid": "good@fuzz", "title": "Good event", "start": "2026-03-18"}


def _json_record(uid: str, r: dict[str, Any]) -> str:
    parts = [f'"uid": "{uid}"', '"title": "Fuzzed"', f'"start": {json.dumps(r["start"])}']
    if r["end"] is not None:
        parts.append(f'"end": {json.dumps(r["end"])}')
    if r["timezone"] is not None:
        parts.append(f'"timezone": {json.dumps(r["timezone"])}')
    if r["importance"] is not None:
        parts.append(f'"importance": {r["importance"]}')
    if r["extra_depth"] is not None:
        parts.append(f'"extra": {{"deep": {nested(r["extra_depth"])}}}')
    return "{" + ", ".join(parts) + "}"


def render_json(r: dict[str, Any]) -> str:
    return "[" + json.dumps(GOOD) + ", " + _json_record("fuzz@fuzz", r) + "]"


def _yaml_scalar(value: str) -> str:
    return value if value and all(c in "0123456789-:TQWH+" for c in value) else json.dumps(value)


def render_yaml(r: dict[str, Any]) -> str:
    lines = ["- {uid: good@fuzz, title: Good event, start: 2026-03-18}", "- uid: fuzz@fuzz", "  title: Fuzzed",
             f"  start: {_yaml_scalar(r['start'])}"]  # fmt: skip
    if r["end"] is not None:
        lines.append(f"  end: {_yaml_scalar(r['end'])}")
    if r["timezone"] is not None:
        lines.append(f"  timezone: {json.dumps(r['timezone'])}")
    if r["importance"] is not None:
        lines.append(f"  importance: {r['importance']}")
    if r["extra_depth"] is not None:
        lines.append(f"  extra: {{deep: {nested(r['extra_depth'])}}}")
    return "\n".join(lines) + "\n"


def render_csv(r: dict[str, Any]) -> str:
    importance = r["importance"] or ""
    return (
        "uid,title,start,end,timezone,importance\n"
        "good@fuzz,Good event,2026-03-18,,,\n"
        f'fuzz@fuzz,Fuzzed,{r["start"]},{r["end"] or ""},"{r["timezone"] or ""}",{importance}\n'
    )


def _ics_when(value: str, zone: str | None) -> str:
    compact = value.replace("-", "").replace(":", "")
    if "T" not in compact:
        return f";VALUE=DATE:{compact}"
    return (f";TZID={zone}" if zone else "") + f":{compact[:15]}"


def render_ics(r: dict[str, Any]) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//fuzz//EN",
             "BEGIN:VEVENT", "UID:good@fuzz", "SUMMARY:Good event", "DTSTART;VALUE=DATE:20260318", "END:VEVENT",
             "BEGIN:VEVENT", "UID:fuzz@fuzz", "SUMMARY:Fuzzed", "DTSTART" + _ics_when(r["start"], r["timezone"])]  # fmt: skip
    if r["end"] is not None:
        lines.append("DTEND" + _ics_when(r["end"], r["timezone"]))
    if r["importance"] is not None:
        lines.append(f"PRIORITY:{r['importance']}")
    if r["extra_depth"] is not None:
        lines.append(f"X-CALENDAR-DAEMON-EXTRA:{nested(r['extra_depth'])}")
    if r.get("rrule") is not None:
        lines += [f"RRULE:{r['rrule']}", "EXDATE" + _ics_when(r["start"], r["timezone"])]
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"


RENDER = {".json": render_json, ".yaml": render_yaml, ".csv": render_csv, ".ics": render_ics}


def encode(text: str, how: str, cut: float) -> bytes:
    if how in ("utf-16", "utf-16-be", "utf-16-le"):
        return text.encode(how)
    raw = text.encode("utf-8")
    if how == "nul":
        at = int(len(raw) * cut)
        return raw[:at] + b"\x00" + raw[at:]
    if how == "truncate":
        return raw[: int(len(raw) * cut)]
    return raw


def check_import(suffix: str, record: dict[str, Any], how: str, cut: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzzed{suffix}"
        path.write_bytes(encode(RENDER[suffix](record), how, cut))
        db = f"sqlite:///{Path(folder) / 'calendar.db'}"
        result = invoke_cli("import", str(path), db=db)
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode in (0, 1), (result.returncode, result.stderr)
        listed = invoke_cli("list", "--json", db=db)
        assert listed.returncode == 0, listed.stderr
        if result.returncode == 1:
            assert str(path) in result.stderr, result.stderr
            assert json.loads(listed.stdout) == [], "a failed import stored events"


@pytest.mark.parametrize("suffix", sorted(RENDER))
@FUZZ
@given(record=records, how=damage, cut=st.floats(0.0, 1.0))
def test_import_never_crashes_and_is_all_or_nothing(suffix: str, record: dict[str, Any], how: str, cut: float) -> None:
    check_import(suffix, record, how, cut)


@pytest.mark.parametrize(
    ("suffix", "start", "zone"),
    [(".yaml", "9999-12-31", None), (".yaml", "0001-01-01T00:30:00+14:00", "UTC"), (".ics", "9999-12-31", None),
     (".json", "2026-03-18T10:00", "America"), (".csv", "2026-03-18T10:00", "A" * 300),
     (".ics", "2026-03-18T10:00", "America"), (".ics", "2026-03-18T10:00", "Mars/Olympus"), (".yaml", "2027-02-30", None)],
)  # fmt: skip
def test_known_crashes_are_clean_errors(suffix: str, start: str, zone: str | None) -> None:
    """The inputs of the original report, each a clean error whatever the examples hypothesis picks."""
    record = {"start": start, "end": None, "timezone": zone, "importance": None, "extra_depth": None}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzzed{suffix}"
        path.write_text(RENDER[suffix](record), encoding="utf-8")
        db = f"sqlite:///{Path(folder) / 'calendar.db'}"
        result = invoke_cli("import", str(path), db=db)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert str(path) in result.stderr and re.search(r"fuzz@fuzz|line [34]\b", result.stderr), result.stderr
        assert json.loads(invoke_cli("list", "--json", db=db).stdout) == []


@pytest.mark.parametrize(
    ("how", "expected"), [("utf-16", 0), ("utf-16-be", 1), ("huge", 1), ("deep-json", 1), ("deep-yaml", 1)]
)
def test_encodings_and_parser_limits(how: str, expected: int) -> None:
    """UTF-16 with a byte-order mark is read; without one it is 'not UTF-8'; giant numbers and deep nesting are refused."""
    ok = {"start": "2026-03-18", "end": None, "timezone": None, "importance": None, "extra_depth": None}
    suffix, raw = ".csv", b""
    if how in ("utf-16", "utf-16-be"):
        raw = render_csv(ok).encode(how)
    elif how == "huge":
        suffix, raw = ".json", render_json({**ok, "importance": "9" * 5000}).encode()
    else:
        suffix = ".json" if how == "deep-json" else ".yaml"
        raw = RENDER[suffix]({**ok, "extra_depth": 100_000}).encode()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzzed{suffix}"
        path.write_bytes(raw)
        result = invoke_cli("import", str(path), db=f"sqlite:///{Path(folder) / 'calendar.db'}")
        assert result.returncode == expected and "Traceback" not in result.stderr, result.stderr
        if how == "utf-16-be":
            assert "not UTF-8" in result.stderr
        elif how == "huge":
            assert "more than 4300 digits" in result.stderr
        elif how.startswith("deep"):
            assert "nested too deeply" in result.stderr


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DaemonProcess]:
    root = tmp_path_factory.mktemp("fuzz-api")
    with DaemonProcess(api_config(root, TOKEN), f"sqlite:///{root / 'calendar.db'}") as process:
        yield process


def api_body(r: dict[str, Any], uid: str) -> str:
    body = _json_record(uid, r)
    return body[:-1] + ', "category": "macro_data", "region": "US"}'


@FUZZ
@given(record=records, method=st.sampled_from(["POST", "PUT", "PATCH"]))
def test_api_writes_never_answer_500(server: DaemonProcess, record: dict[str, Any], method: str) -> None:
    uid = "fuzz-api@fuzz"
    path = "/api/v1/events" if method == "POST" else f"/api/v1/events/{uid}"
    if method != "POST":  # something to replace or patch
        httpx.put(server.base_url + path, json={**GOOD, "uid": uid}, headers=AUTH, timeout=30)
    response = httpx.request(method, server.base_url + path, content=api_body(record, uid).encode(), timeout=30,
                             headers={**AUTH, "Content-Type": "application/json"})  # fmt: skip
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        assert response.json(), response.text
    httpx.delete(server.base_url + f"/api/v1/events/{uid}", headers=AUTH, timeout=30)
