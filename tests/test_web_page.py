"""The agenda page in a real browser (Playwright driving Debian's Chromium) against the real daemon."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from icalendar import Calendar

from tests.helpers import REPO_ROOT, DaemonProcess, free_port, write_config

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO_ROOT / "tests" / "artifacts"
XSS_TITLE = "<script>alert(1)</script>"

pytestmark = pytest.mark.browser


def _require_browser() -> Any:
    reason = ""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "playwright (Python package) is not installed"
        sync_playwright = None  # type: ignore[assignment]
    if not reason and not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing (apt-get install chromium)"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser test cannot run on CI: {reason}")
        pytest.skip(reason)
    return sync_playwright


def upcoming_yaml(now: datetime) -> str:
    """A few events relative to now, in Beijing time; one title is an XSS probe, one has a conflict."""

    def day(offset: int) -> str:
        return (now + timedelta(days=offset)).astimezone(UTC).date().isoformat()

    fomc = (now + timedelta(days=2)).astimezone(UTC).replace(hour=18, minute=0, second=0, microsecond=0)
    return f"""
source: {{outlet: Test desk, headline: Week ahead, published: '2026-01-01T00:00:00+08:00', evidence: test}}
events:
  - uid: web-fomc@test
    title: Test FOMC rate decision
    category: central_bank
    importance: 3
    region: US
    entities: [Federal Reserve]
    start: {fomc.isoformat().replace("+00:00", "Z")}
    extra: {{conflicts: [{{source: Other paper, value: "a day later"}}]}}
  - uid: web-cpi@test
    title: Test China CPI release
    category: macro_data
    importance: 2
    region: CN
    start: {day(3)}
  - uid: web-ipo@test
    title: Test Hong Kong IPO listing
    category: ipo
    importance: 1
    region: HK
    status: tentative
    start: {day(4)}
  - uid: web-xss@test
    title: "{XSS_TITLE}"
    category: other
    importance: 1
    region: CN
    start: {day(1)}
  - uid: web-cancelled@test
    title: Test cancelled briefing
    category: conference
    importance: 2
    region: CN
    status: cancelled
    start: {day(5)}
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DaemonProcess]:
    root = tmp_path_factory.mktemp("web")
    seeds = root / "seeds"
    seeds.mkdir()
    for path in (REPO_ROOT / "seeds").glob("*.yaml"):  # the real seeds, for the past toggle
        shutil.copy(path, seeds / path.name)
    (seeds / "zz-upcoming.yaml").write_text(upcoming_yaml(datetime.now(UTC)), encoding="utf-8")
    extra = '[display]\ntimezone = "Asia/Shanghai"\nlocale = "en"\n'
    config = write_config(root / "calendar-daemon.toml", port=free_port(), seeds_path=seeds, extra=extra)
    with DaemonProcess(config, f"sqlite:///{root / 'calendar.db'}") as process:
        yield process


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_playwright = _require_browser()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )  # fmt: skip
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(timezone_id="America/New_York", viewport={"width": 1100, "height": 1400})
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.console_errors = []  # type: ignore[attr-defined]
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    try:
        yield page
    finally:
        context.close()


def titles(page: Any) -> list[str]:
    return [t.strip() for t in page.locator("#agenda .ev-title").all_inner_texts()]


def test_upcoming_events_listed_and_title_escaped(server: DaemonProcess, page: Any) -> None:
    page.goto(server.base_url + "/")
    listed = titles(page)
    for title in ("Test FOMC rate decision", "Test China CPI release", "Test Hong Kong IPO listing", XSS_TITLE):
        assert title in listed
    # In order: the CPI day starts at midnight Beijing time, before the FOMC's 02:00 the same day.
    order = [listed.index(t) for t in (XSS_TITLE, "Test China CPI release", "Test FOMC rate decision", "Test Hong Kong IPO listing")]
    assert order == sorted(order)
    # The seeds from early 2026 are in the past and not listed as upcoming.
    assert "国家统计局公布1月官方制造业PMI" not in listed
    # The <script> title is text: no dialog, no script element made from it.
    assert page.dialogs == []
    assert page.locator("script").count() == 1  # only /static/app.js
    assert XSS_TITLE in page.locator(".event[data-uid='web-xss@test'] .ev-title").inner_text()
    # Status and conflict are shown.
    assert "status-tentative" in (page.locator(".event[data-uid='web-ipo@test']").get_attribute("class") or "")
    assert "status-cancelled" in (page.locator(".event[data-uid='web-cancelled@test']").get_attribute("class") or "")
    assert page.locator(".event[data-uid='web-fomc@test'] .badge.conflict").count() == 1
    assert page.locator(".event[data-uid='web-fomc@test'] .sources").inner_text() == "Test desk"
    assert page.console_errors == []  # CSP allows everything the page needs

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "agenda.png"), full_page=False)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(ARTIFACTS / "agenda-phone.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling on a phone


def test_filter_narrows_list_and_subscribe_link_matches(server: DaemonProcess, page: Any) -> None:
    page.goto(server.base_url + "/")
    page.check("input[name=category][value=ipo]")
    page.check("input[name=category][value=central_bank]")
    page.select_option("#f-importance", "1")
    page.click("#f-apply")
    page.wait_for_url("**/?*category=*")
    query = parse_qs(urlsplit(page.url).query)
    assert query["category"] == ["central_bank", "ipo"]
    assert titles(page) == ["Test FOMC rate decision", "Test Hong Kong IPO listing"]

    page.fill("#f-q", "hong kong")
    page.click("#f-apply")
    page.wait_for_url("**q=hong*")
    assert titles(page) == ["Test Hong Kong IPO listing"]

    page.click("#subscribe summary")
    https = page.get_attribute("#sub-https", "href")
    assert https == server.base_url + "/calendar.ics?category=central_bank,ipo&min_importance=1"
    assert page.get_attribute("#sub-webcal", "href") == https.replace("http://", "webcal://")
    google = urlsplit(page.get_attribute("#sub-google", "href") or "")
    assert (google.netloc, google.path) == ("calendar.google.com", "/calendar/r")
    assert parse_qs(google.query)["cid"] == [https.replace("http://", "webcal://")]
    assert page.input_value("#sub-url") == https
    assert page.is_visible("#copy-btn")
    # The link serves the matching feed: both events of the filter, nothing else upcoming.
    feed = Calendar.from_ical(httpx.get(https, timeout=10).content)
    uids = {str(c["UID"]) for c in feed.walk("VEVENT")}
    assert {"web-fomc@test", "web-ipo@test"} <= uids
    assert not uids & {"web-cpi@test", "web-xss@test", "web-cancelled@test"}


def test_past_toggle_month_view_and_event_page(server: DaemonProcess, page: Any) -> None:
    page.goto(server.base_url + "/?lang=zh-CN")
    assert page.inner_text("#past-toggle") == "查看过去的事件"
    page.click("#past-toggle")
    page.wait_for_url("**past=1*")
    assert "国家统计局公布1月官方制造业PMI" in titles(page)
    assert "Test FOMC rate decision" not in titles(page)

    page.goto(server.base_url + "/?view=month&month=2026-01&lang=en")
    assert page.locator("#month .grid a.mini", has_text="国家统计局公布1月官方制造业PMI").count() == 1
    page.locator("#month .grid a.mini", has_text="国家统计局公布1月官方制造业PMI").click()
    page.wait_for_url("**/events/**")
    assert page.inner_text("#event-title") == "国家统计局公布1月官方制造业PMI"
    assert "搜狐财经" in page.inner_text(".sources")
    assert "1月31日" in page.inner_text(".evidence")
    assert page.inner_text("#revision") == "1"
    assert "No alerts recorded" in page.inner_text("#alert-history")
    assert page.dialogs == [] and page.console_errors == []


def test_times_switch_to_the_browser_zone(server: DaemonProcess, page: Any) -> None:
    page.goto(server.base_url + "/")
    fomc_time = page.locator(".event[data-uid='web-fomc@test'] time.ev-time")
    assert fomc_time.inner_text() == "02:00"  # 18:00 UTC is 02:00 next day in Shanghai
    assert page.inner_text("#zone-name") == "Asia/Shanghai"
    page.click("#zone-toggle")
    assert page.inner_text("#zone-name") == "America/New_York"
    shown = fomc_time.inner_text()
    assert shown.endswith(("13:00", "14:00"))  # 18:00 UTC in New York (EST or EDT), on the previous day
    assert shown.startswith(datetime.fromisoformat(fomc_time.get_attribute("datetime").replace("Z", "+00:00"))
                            .strftime("%m-%d"))  # fmt: skip
    page.reload()  # the choice is remembered
    assert page.inner_text("#zone-name") == "America/New_York"


def test_page_works_without_javascript(server: DaemonProcess, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server.base_url + "/?region=US&q=Test&lang=en")
        assert [t.strip() for t in page.locator("#agenda .ev-title").all_inner_texts()] == ["Test FOMC rate decision"]
        assert not page.is_visible("#zone-toggle")  # needs the script; hidden without it
    finally:
        context.close()


def test_event_page_reads_alert_ledger_when_present(tmp_path: Path) -> None:
    """Without a browser: the event page shows the ledger rows (redacted) once the table exists."""
    from fastapi.testclient import TestClient
    from sqlalchemy import text

    from calendar_daemon.config.settings import parse_config
    from calendar_daemon.domain.records import normalize
    from calendar_daemon.feed.cache import FeedCache
    from calendar_daemon.intake.submit import submit
    from calendar_daemon.store.db import open_engine
    from calendar_daemon.store.events import EventStore
    from calendar_daemon.web.app import create_app
    from calendar_daemon.web.state import AppState

    store = EventStore(open_engine(f"sqlite:///{tmp_path / 'ledger.db'}"))
    store.initialise()
    submit(store, [normalize({"uid": "led@test", "title": "Ledger test", "start": "2027-01-05"})], origin="api")
    config = parse_config({"display": {"locale": "en"}}, "test")
    client = TestClient(create_app(AppState(config, store, FeedCache(store, poll_seconds=0))))
    # The ledger table exists from the schema's migrations on; an event nobody was alerted about says so.
    assert "No alerts recorded" in client.get("/events/led@test").text

    with store.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO alert_ledger (event_uid, event_revision, rule, lead, channel, kind, period_key, due_at, expires_at,"
            " status, attempts, last_error, payload, created_at, updated_at) VALUES ('led@test', 1, 'r', 'd-1', 'desk',"
            " 'day_before', '', '2027-01-04 01:00:00', '2027-01-05 00:00:00', 'failed', 3,"
            " 'POST https://user:hunter2secret@hooks.example/x?token=abcdef123 failed: 500', '', '2027-01-01 00:00:00',"
            " '2027-01-04 01:00:00')"
        ))
    page = client.get("/events/led@test")
    assert page.status_code == 200
    history = page.text.split('id="alert-history"', 1)[1]
    assert "desk" in history and "day_before" in history and "failed" in history
    assert "Mon 4 Jan 2027 09:00" in history  # 01:00 UTC in the display zone (Asia/Shanghai by default), to the minute
    assert "hunter2secret" not in page.text and "abcdef123" not in page.text
    assert "[redacted]" in history
    assert client.get("/events/other@test").status_code == 404


PYTHON_INTERNALS = ("<built-in", "built-in method", "object at 0x", "<bound method", "<function ")


def _assert_no_internals(page: Any, where: str) -> None:
    """No rendered text (labels, links, buttons, headings, the body) shows a Python object's repr."""
    texts = [page.inner_text("body"), *page.locator("a, button, label, legend, summary, option, h1, h2, th, dt").all_inner_texts()]
    texts += [v for v in page.eval_on_selector_all("[data-copied], [data-label-mine], [data-label-server], [placeholder], "
                                                   "[aria-label]", "els => els.flatMap(e => [e.getAttribute('data-copied'), "
                                                   "e.getAttribute('data-label-mine'), e.getAttribute('data-label-server'), "
                                                   "e.getAttribute('placeholder'), e.getAttribute('aria-label')])") if v]
    for text in texts:
        assert not any(marker in text for marker in PYTHON_INTERNALS), f"{where}: Python internals in {text!r}"


@pytest.mark.parametrize("locale", ["en", "zh-CN"])
def test_every_label_reads_the_catalog_word(server: DaemonProcess, browser: Any, locale: str) -> None:
    """With filters set and the script running, every label, link and button says the catalog's word."""
    from calendar_daemon.i18n.page import texts

    t = texts(locale)
    context = browser.new_context(viewport={"width": 1100, "height": 1400})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.base_url)
    try:
        page = context.new_page()
        page.goto(server.base_url + f"/?category=ipo&category=central_bank&region=HK,US&min_importance=1&q=Test&lang={locale}")
        page.click("#subscribe summary")
        expected = {
            "#f-clear": t["clear_filters"], "#copy-btn": t["copy_link"], "#f-apply": t["apply"],
            ".cats legend": t["category"], "#subscribe summary": t["subscribe"], "#sub-webcal": t["apple"],
            "#sub-google": t["google"], "#sub-https": t["outlook"], "#month-view": t["month_view"],
            "#past-toggle": t["show_past"], "#zone-toggle": t["use_my_zone"], "#lang-switch": t["language"],
            "#agenda h1": t["upcoming"], "#f-importance option[value='']": t["any"],
        }  # fmt: skip
        shown = {selector: page.inner_text(selector).strip() for selector in expected}
        assert shown == expected
        assert page.get_attribute("#f-q", "placeholder") == t["search_placeholder"]
        _assert_no_internals(page, f"agenda ({locale}, filtered)")

        page.click("#copy-btn")  # the script swaps the label for "copied", then back
        page.wait_for_function("w => document.getElementById('copy-btn').textContent === w", arg=t["copied"], timeout=15000)
        page.click("#zone-toggle")
        assert page.inner_text("#zone-toggle").strip() == t["use_server_zone"]
        _assert_no_internals(page, f"agenda ({locale}, after the script ran)")

        page.goto(server.base_url + f"/?view=month&month=2026-01&lang={locale}")
        _assert_no_internals(page, f"month view ({locale})")
        page.goto(server.base_url + f"/events/web-fomc@test?lang={locale}")
        assert page.inner_text("#alert-history h2").strip() == t["alert_history"]
        _assert_no_internals(page, f"event page ({locale})")
    finally:
        context.close()


@pytest.mark.parametrize("month", ["9999-12", "9999-11", "1899-12", "1900-01", "2026-13"])
def test_month_view_of_any_month_answers(server: DaemonProcess, month: str) -> None:
    response = server.get("/", params={"view": "month", "month": month, "lang": "en"})
    assert response.status_code == 200, response.text[:500]
    assert '<table class="grid">' in response.text
    if month == "9999-11":  # the last month the grid shows: its own heading, not the current month's
        assert "9999" in response.text.split('<div class="month-nav">', 1)[1].split("</h2>", 1)[0]


def test_unknown_region_is_dropped_from_the_page_and_its_subscribe_link(server: DaemonProcess) -> None:
    page = server.get("/", params={"region": "US,ZZ9", "lang": "en"})
    assert page.status_code == 200
    assert "ZZ9" not in page.text  # neither in the filter nor in the subscribe link, which would answer 400
    assert "region=US" in page.text
    assert server.get("/calendar.ics", params={"region": "US"}).status_code == 200


def test_a_tentative_title_is_marked_by_its_word_not_a_question_mark(server: DaemonProcess) -> None:
    """Tentative rows carry the catalog's word ("tentative" / "待定") as a badge; the stylesheet no
    longer appends " ?" to their titles, which read as a typo in both languages."""
    css = server.get("/static/app.css").text
    assert 'content: " ?"' not in css and "content: ' ?'" not in css


def test_conflicting_values_read_as_dates_in_words_on_the_event_page(tmp_path: Path) -> None:
    """The January 2026 Fed decision: the official 14:00 New York is followed, the article's 03:00
    Beijing on the 30th is a conflict; the page gives both in words, not as stored strings."""
    from fastapi.testclient import TestClient

    from calendar_daemon.config.settings import parse_config
    from calendar_daemon.domain.records import normalize
    from calendar_daemon.feed.cache import FeedCache
    from calendar_daemon.intake.submit import submit
    from calendar_daemon.store.db import open_engine
    from calendar_daemon.store.events import EventStore
    from calendar_daemon.web.app import create_app
    from calendar_daemon.web.state import AppState

    store = EventStore(open_engine(f"sqlite:///{tmp_path / 'conflicts.db'}"))
    store.initialise()
    conflicts = [
        {"source": "Fed (official)", "value": "2026-01-28 14:00 America/New_York = 2026-01-28 19:00 UTC", "followed": True},
        {"source": "搜狐财经 (news)", "value": "2026-01-30 03:00 Asia/Shanghai = 2026-01-29 19:00 UTC", "followed": False},
        {"source": "Desk (news)", "value": "2026-01-27 (date)", "followed": False},
    ]
    submit(store, [normalize({"uid": "fed@test", "title": "FOMC statement", "category": "central_bank",
                              "start": "2026-01-28T14:00:00", "timezone": "America/New_York",
                              "extra": {"conflicts": conflicts}})], origin="api")  # fmt: skip
    client = TestClient(create_app(AppState(parse_config({"display": {"locale": "en"}}, "test"), store,
                                            FeedCache(store, poll_seconds=0))))  # fmt: skip
    section = client.get("/events/fed@test").text.split('class="conflicts"', 1)[1].split("</section>", 1)[0]
    assert "Thu 29 Jan 2026 03:00 Beijing (UTC+08:00) · Wed 28 Jan 2026 14:00 New York (UTC−05:00)" in section
    assert "Fri 30 Jan 2026 03:00 Beijing (UTC+08:00)" in section and "Tue 27 Jan 2026" in section
    assert "= 2026-01-29 19:00 UTC" not in section and "(date)" not in section


def test_conflict_values_are_said_from_their_parts_in_the_page_locale(tmp_path: Path) -> None:
    """Entries as intake records them keep the value's parts: the Chinese page says an instant, a day and
    a quarter in Chinese, in the display zone and the source's own zone; an old entry (words only) still
    reads as a date."""
    from fastapi.testclient import TestClient

    from calendar_daemon.config.settings import parse_config
    from calendar_daemon.domain.records import normalize
    from calendar_daemon.feed.cache import FeedCache
    from calendar_daemon.intake.submit import submit
    from calendar_daemon.store.db import open_engine
    from calendar_daemon.store.events import EventStore
    from calendar_daemon.web.app import create_app
    from calendar_daemon.web.state import AppState

    store = EventStore(open_engine(f"sqlite:///{tmp_path / 'parts.db'}"))
    store.initialise()
    conflicts = [
        {"source": "Fed (official)", "authority": "official", "followed": True, "precision": "datetime",
         "value": "2026-01-28 14:00 America/New_York = 2026-01-28 19:00 UTC",
         "start_at": "2026-01-28T19:00:00", "timezone": "America/New_York", "start_date": None, "end_date": None},
        {"source": "某报 (news)", "authority": "news", "followed": False, "precision": "date",
         "value": "2026-01-29 (date)", "start_at": None, "start_date": "2026-01-29", "end_date": "2026-01-29",
         "timezone": "Asia/Shanghai"},
        {"source": "Wire (news)", "authority": "news", "followed": False, "precision": "quarter",
         "value": "2026 Q1 (quarter)", "start_at": None, "start_date": "2026-01-01", "end_date": "2026-03-31",
         "timezone": "UTC"},
        {"source": "Old desk (news)", "value": "2026-01-27 (date)", "followed": False},
    ]  # fmt: skip
    submit(store, [normalize({"uid": "fed-parts@test", "title": "FOMC statement", "category": "central_bank",
                              "start": "2026-01-28T14:00:00", "timezone": "America/New_York",
                              "extra": {"conflicts": conflicts}})], origin="api")  # fmt: skip
    config = parse_config({"display": {"locale": "zh-CN", "timezone": "Asia/Shanghai"}}, "test")
    client = TestClient(create_app(AppState(config, store, FeedCache(store, poll_seconds=0))))
    section = client.get("/events/fed-parts@test").text.split('class="conflicts"', 1)[1].split("</section>", 1)[0]
    assert "2026年1月29日 周四 03:00 北京时间 (UTC+8) · 2026年1月28日 周三 14:00 纽约时间 (UTC−5)" in section
    assert "某报 (新闻)" in section and "2026年1月29日" in section
    assert "2026年第一季度" in section and "(quarter)" not in section and "Q1" not in section
    assert "2026年1月27日" in section and "(date)" not in section and "= 2026-01-28 19:00 UTC" not in section
