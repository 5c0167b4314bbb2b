"""docs/make_screenshot.py shows the real calendar (the bundled seeds) as of a fixed date, never test data."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from tests.helpers import REPO_ROOT

SCRIPT = REPO_ROOT / "docs" / "make_screenshot.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_screenshot", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_script_serves_the_bundled_seeds_as_of_its_date(tmp_path: Path) -> None:
    from datetime import datetime

    script = load_script()
    with script.serve(tmp_path, datetime.fromisoformat(script.DEFAULT_NOW), "en") as url:
        page = httpx.get(url + "/", timeout=30).text
    today = page.split('class="day today"', 1)[1].split("</section>", 1)[0]
    assert "Fri 4 Dec 2026" in today  # the fixed date, whatever the real one
    assert "US Employment Situation for November 2026" in today  # BLS's schedule, that day
    assert "FOMC policy statement (meeting Dec 8-9, 2026)" in page  # the Fed's schedule, days on
    assert "ECB monetary policy decision" in page and "China loan prime rate" in page
    assert 'id="spans"' in page  # the founding calendar's multi-year spans sit in their band
    assert "Test desk" not in page and "&lt;script&gt;" not in page


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.browser
def test_the_script_writes_the_screenshot(tmp_path: Path) -> None:
    pytest.importorskip("playwright")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("/usr/bin/chromium is missing")
    script = load_script()
    output = tmp_path / "agenda.png"
    assert script.main(["--output", str(output), "--lang", "en"]) == 0
    assert _png_size(output) == (script.VIEWPORT["width"], script.VIEWPORT["height"])
    assert _png_size(REPO_ROOT / "docs" / "screenshot-agenda.png") == _png_size(output)  # the committed one is the script's
