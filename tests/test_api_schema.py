"""Schemathesis against the real daemon's /openapi.json: generated requests never cause a 500."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402

from tests.helpers import REPO_ROOT, DaemonProcess, free_port, write_config  # noqa: E402

TOKEN = "schema-test-token-0123456789"
KNOWN_UID = "cn-official-manufacturing-pmi-2026-01@seeds.calendar-daemon"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DaemonProcess]:
    root = tmp_path_factory.mktemp("schema")
    seeds = REPO_ROOT / "seeds"  # real data, so reads and writes also meet existing events
    extra = f'[api]\ntokens = ["{TOKEN}"]\n'
    config = write_config(Path(root) / "calendar-daemon.toml", port=free_port(), seeds_path=seeds, extra=extra)
    with DaemonProcess(config, f"sqlite:///{root / 'calendar.db'}") as process:
        yield process


# schemathesis' lazy pytest loader (``schemathesis.pytest.from_fixture``) does not work with pytest 9,
# so each operation's strategy is driven by a plain Hypothesis test here.
@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_no_server_errors(server: DaemonProcess, mode: str) -> None:
    api_schema = schemathesis.openapi.from_url(server.base_url + "/openapi.json")
    operations = [result.ok() for result in api_schema.get_all_operations()]
    labels = {operation.label for operation in operations}
    assert {"GET /api/v1/events", "POST /api/v1/events", "PATCH /api/v1/events/{uid}"} <= labels
    headers = {"Authorization": f"Bearer {TOKEN}"}
    generation_mode = schemathesis.GenerationMode(mode)
    exercised = []
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=generation_mode), known=st.booleans())
        @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
        def exercise(case: Any, known: bool) -> None:
            if known and "uid" in (case.path_parameters or {}):
                case.path_parameters["uid"] = KNOWN_UID  # also change and delete a real event
            response = case.call(base_url=server.base_url, headers=headers, timeout=10)
            assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.status_code}"
            assert "Traceback" not in response.text

        try:
            exercise()
        except Unsatisfiable:
            # Negative mode finds nothing invalid to send for some operations (a path-only DELETE).
            assert mode == "negative", operation.label
            continue
        exercised.append(operation.label)
    assert "POST /api/v1/events" in exercised and "GET /api/v1/events" in exercised
    if mode == "positive":  # only meaningful if authorised, valid writes got through validation
        assert "API: created event" in server.log() and "API: updated event" in server.log()


def test_server_log_has_no_tracebacks(server: DaemonProcess) -> None:
    assert "Traceback" not in server.log(), server.log()[-3000:]

