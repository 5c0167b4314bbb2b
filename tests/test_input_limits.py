"""Control characters and deeply nested or oversized ``extra``: refused before anything is stored, with the
field named, through the API (422) and through import (exit 1), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from calendar_daemon.domain.limits import MAX_EXTRA_BYTES, MAX_EXTRA_DEPTH
from tests.helpers import DaemonProcess, api_config, invoke_cli

TOKEN = "limits-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def nested(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(depth - 1):
        value = {"a": value}
    return value


def record(uid: str, **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"uid": uid, "title": f"Event {uid}", "category": "macro_data", "region": "US",
                            "start": "2027-03-10T08:30:00-05:00", "timezone": "America/New_York"}  # fmt: skip
    body.update(fields)
    return body


# (fields, the field the error names)
BAD_RECORDS: list[tuple[dict[str, Any], str]] = [
    ({"title": "CPI\x00"}, "title"),
    ({"title": "CPI \x1b[31mred"}, "title"),
    ({"description": "a\x0bb"}, "description"),
    ({"description": "page\x0cbreak"}, "description"),
    ({"title": "rubout\x7f"}, "title"),
    ({"entities": ["Fed\nReserve"]}, "entities.0"),
    ({"tags": ["x\x00"]}, "tags.0"),
    ({"sources": [{"outlet": "Wire", "headline": "bell\x07"}]}, "sources.0.headline"),
    ({"extra": nested(300)}, "extra"),
    ({"extra": "DEEP"}, "extra"),  # 900 levels: written as text below (deeper than json.dumps goes)
    ({"extra": {"blob": "x" * (MAX_EXTRA_BYTES + 1)}}, "extra"),
    ({"extra": {"note": "nul\x00"}}, "extra"),
]
DEEP_JSON = '{"a":' * 899 + "{}" + "}" * 899


def as_json(data: dict[str, Any]) -> str:
    return json.dumps(data).replace('"DEEP"', DEEP_JSON)


BAD_IDS = [f"{i}-{field}" for i, (_, field) in enumerate(BAD_RECORDS)]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("limits")
    with DaemonProcess(api_config(root, TOKEN), f"sqlite:///{root / 'calendar.db'}") as process:
        yield process


@pytest.mark.parametrize(("fields", "field"), BAD_RECORDS, ids=BAD_IDS)
def test_api_refuses_before_storing(server: DaemonProcess, fields: dict[str, Any], field: str) -> None:
    uid = f"bad-{BAD_IDS[BAD_RECORDS.index((fields, field))]}@test"
    headers = {**AUTH, "Content-Type": "application/json"}
    response = httpx.post(server.base_url + "/api/v1/events", content=as_json(record(uid, **fields)), headers=headers,
                          timeout=30)  # fmt: skip
    assert response.status_code == 422, response.text[:500]
    errors = response.json()["errors"]
    assert field in [error["field"] for error in errors], errors
    assert httpx.get(server.base_url + f"/api/v1/events/{uid}", timeout=10).status_code == 404
    listing = httpx.get(server.base_url + "/api/v1/events", timeout=10)
    assert listing.status_code == 200 and uid not in listing.text
    feed = httpx.get(server.base_url + "/calendar.ics", timeout=10)
    assert feed.status_code == 200 and uid.encode() not in feed.content


def test_api_refuses_json_too_deep_to_decode(server: DaemonProcess) -> None:
    body = '{"title": "x", "start": "2027-01-01", "extra": ' + '{"a":' * 100_000 + "{}" + "}" * 100_000 + "}"
    headers = {**AUTH, "Content-Type": "application/json"}
    response = httpx.post(server.base_url + "/api/v1/events", content=body, headers=headers, timeout=30)
    assert response.status_code == 422, response.text[:500]
    assert response.json()["errors"] == [{"field": "body", "message": "JSON nested too deeply"}]


def test_api_keeps_tab_newlines_and_extra_within_limits(server: DaemonProcess) -> None:
    fields = {"title": "CPI\tdata", "description": "line one\r\nline two\ttabbed",
              "extra": {"deep": nested(MAX_EXTRA_DEPTH - 1), "text": "two\nlines"}}  # fmt: skip
    response = httpx.post(server.base_url + "/api/v1/events", json=record("fine@test", **fields), headers=AUTH, timeout=30)
    assert response.status_code == 201, response.text[:500]
    event = httpx.get(server.base_url + "/api/v1/events/fine@test", timeout=10).json()
    assert (event["title"], event["description"]) == ("CPI\tdata", "line one\nline two\ttabbed")
    assert event["extra"]["deep"] == nested(MAX_EXTRA_DEPTH - 1)  # extra itself is the first level
    assert httpx.get(server.base_url + "/api/v1/events", timeout=10).status_code == 200


@pytest.mark.postgres
@pytest.mark.parametrize(("fields", "field"), BAD_RECORDS, ids=BAD_IDS)
def test_import_refuses_whole_file(any_db_url: str, tmp_path: Path, fields: dict[str, Any], field: str) -> None:
    path = tmp_path / "events.json"
    path.write_text("[" + as_json(record("good@test")) + "," + as_json(record("bad@test", **fields)) + "]", encoding="utf-8")
    result = invoke_cli("import", str(path), db=any_db_url)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert field in result.stderr and "Traceback" not in result.stderr, result.stderr
    listed = invoke_cli("list", "--json", db=any_db_url)
    assert listed.returncode == 0 and json.loads(listed.stdout) == []


@pytest.mark.postgres
def test_api_refuses_before_storing_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    headers = {**AUTH, "Content-Type": "application/json"}
    with DaemonProcess(api_config(tmp_path, TOKEN), pg_url) as server:
        for index, (fields, field) in enumerate(BAD_RECORDS):
            body = as_json(record(f"pg-bad-{index}@test", **fields))
            response = httpx.post(server.base_url + "/api/v1/events", content=body, headers=headers, timeout=30)
            assert response.status_code == 422, (field, response.text[:500])
            assert field in [error["field"] for error in response.json()["errors"]]
        listing = httpx.get(server.base_url + "/api/v1/events", timeout=10)
        assert listing.status_code == 200 and listing.json()["total"] == 0
        assert httpx.get(server.base_url + "/calendar.ics", timeout=10).status_code == 200
