"""Make ``docs/screenshot-agenda.png`` from the real calendar: the bundled seeds, as of a fixed date.

    .venv/bin/python docs/make_screenshot.py [--now 2026-12-04T09:00:00+08:00] [--lang zh-CN] [--output PATH]

The seeds and reference schedules are loaded into a temporary SQLite file; the daemon's web app is
served on loopback (uvicorn) with its store's clock fixed at ``--now``, so the agenda shows the same
week every time; headless Chromium (Debian's ``/usr/bin/chromium``, driven by Playwright, as the
browser tests do) takes the screenshot; the seeds' Chinese titles need a CJK font (Debian
``fonts-noto-cjk``). Run it again whenever the page or the seeds change.
"""

from __future__ import annotations

import argparse
import logging
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import uvicorn

from calendar_daemon.config.settings import parse_config
from calendar_daemon.feed.cache import FeedCache
from calendar_daemon.intake.seeding import load_seeds
from calendar_daemon.sources.seeds import bundled_seeds_dir, reference_options
from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventStore
from calendar_daemon.web.app import create_app
from calendar_daemon.web.state import AppState

logger = logging.getLogger("make_screenshot")

DOCS = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
DEFAULT_NOW = "2026-12-04T09:00:00+08:00"  # a fresh install today: the reference schedules ahead (jobs report, CPI, FOMC, ECB, LPR)
VIEWPORT = {"width": 1100, "height": 1400}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(folder: Path, now: datetime, lang: str) -> Iterator[str]:
    """The web app over the seeds in ``folder``, its clock fixed at ``now``; yields its base URL."""
    config = parse_config({"display": {"timezone": "Asia/Shanghai", "locale": lang}}, "make_screenshot")
    fixed = now.astimezone(UTC).replace(tzinfo=None)
    store = EventStore(open_engine(f"sqlite:///{folder / 'calendar.db'}"), clock=lambda: fixed)
    store.initialise()
    result = load_seeds(store, bundled_seeds_dir(), default_timezone="Asia/Shanghai",
                        reference=reference_options(config), now=fixed)  # fmt: skip
    logger.info("seeds: %s events loaded", len(result.created))
    app = create_app(AppState(config, store, FeedCache(store, poll_seconds=0)))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"the web app did not start on 127.0.0.1:{port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def screenshot(url: str, output: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport=VIEWPORT)  # type: ignore[arg-type]
            page.goto(url)
            page.screenshot(path=str(output), full_page=False)
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--now", default=DEFAULT_NOW, help=f"the page's 'now' (ISO instant with offset; default {DEFAULT_NOW})")
    parser.add_argument("--lang", default="zh-CN", choices=["zh-CN", "en"], help="page language (default zh-CN)")
    parser.add_argument("--output", type=Path, default=DOCS / "screenshot-agenda.png", help="where to write the PNG")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    now = datetime.fromisoformat(args.now)
    if now.tzinfo is None:
        parser.error(f"--now {args.now!r} has no UTC offset (e.g. {DEFAULT_NOW})")
    with tempfile.TemporaryDirectory(prefix="calendar-daemon-screenshot-") as tmp, serve(Path(tmp), now, args.lang) as url:
        screenshot(url + "/", args.output)
    logger.info("wrote %s (agenda as of %s)", args.output, now.isoformat())
    return 0


if __name__ == "__main__":
    sys.exit(main())
