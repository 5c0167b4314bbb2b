"""Fetching a polled source from a real loopback server: redirects within a bound, the size limit
(after gzip is undone), timeouts; and the README's [[sources]] example is a valid configuration."""

from __future__ import annotations

import gzip
import re
import tomllib
from collections.abc import Iterator

import pytest

from calendar_daemon.config.settings import parse_config
from calendar_daemon.exceptions import FetchError
from calendar_daemon.sources.fetch import Fetcher
from tests.helpers import REPO_ROOT
from tests.sources_server import Publisher, Route


@pytest.fixture
def publisher() -> Iterator[Publisher]:
    with Publisher() as server:
        server.serve_file("/schedule.ics", "release-schedule.ics", "text/calendar")
        yield server


def test_redirects_are_followed_up_to_the_limit(publisher: Publisher) -> None:
    publisher.routes["/old.ics"] = Route(redirect="/schedule.ics")
    for n in range(3):
        publisher.routes[f"/loop{n}"] = Route(redirect=f"/loop{(n + 1) % 3}")
    fetcher = Fetcher(timeout=2, max_redirects=2)
    got = fetcher.get(publisher.base + "/old.ics")
    assert got.url == publisher.base + "/schedule.ics" and got.body is not None and b"BEGIN:VCALENDAR" in got.body
    with pytest.raises(FetchError, match="more than 2 redirects"):
        fetcher.get(publisher.base + "/loop0")


def test_a_body_over_the_limit_is_refused_even_when_gzip_makes_it_small(publisher: Publisher) -> None:
    publisher.routes["/big"] = Route(b"A" * 200_000)
    fetcher = Fetcher(timeout=2, max_bytes=100_000)
    assert len(gzip.compress(b"A" * 200_000)) < 100_000  # what travels is small; what it unpacks to is not
    with pytest.raises(FetchError, match="over the 100000-byte limit"):
        fetcher.get(publisher.base + "/big")
    assert publisher.headers[-1]["accept-encoding"].startswith("gzip")


def test_a_server_that_hangs_times_out_and_an_error_status_is_named(publisher: Publisher) -> None:
    publisher.routes["/stuck"] = Route(hang=True)
    publisher.routes["/gone"] = Route(b"", status=410)
    fetcher = Fetcher(timeout=0.5)
    with pytest.raises(FetchError, match=r"/stuck: timed out"):
        fetcher.get(publisher.base + "/stuck")
    with pytest.raises(FetchError, match=r"/gone: HTTP 410"):
        fetcher.get(publisher.base + "/gone")


def test_the_readme_sources_example_is_a_valid_configuration() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Keeping the calendar current", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```toml\n(.*?)```", section, re.S)
    assert block is not None
    config = parse_config(tomllib.loads(block.group(1)), "README")
    assert [(s.name, s.kind, s.accept) for s in config.sources] == [("stats-office", "ics", "auto"), ("macro-news", "feed", "review")]
    assert config.sources[0].fetch_url.startswith("https://")
