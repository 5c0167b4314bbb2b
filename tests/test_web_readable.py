"""The pages read as a person expects, in both languages (Chromium against the real daemon).

An event's page gives dates with their day in the display zone and in the event's own zone, named
without ambiguous abbreviations, every stored value in words, and an alert history in the display
zone with lead times and the real number of tries. Long spans still running sit in their own band,
and the month view shows its grid first.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine, text

from tests.helpers import DaemonProcess, free_port, write_config
from tests.test_web_page import browser  # noqa: F401  (the shared Chromium fixture)

pytestmark = pytest.mark.browser

FED = "readable-fed@test"


def _month_start(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def seeds_yaml(today: date) -> str:
    long_title = "Test very long cell title about a shareholder meeting that votes on a restructuring"
    return f"""
source: {{outlet: Readable desk, headline: Readable, published: '2026-01-10T09:30:00+08:00', authority: official}}
events:
  - uid: {FED}
    title: Test Fed decision
    category: central_bank
    importance: 3
    region: US
    entities: [Federal Reserve]
    precision: datetime
    timezone: America/New_York
    start: 2026-01-28T14:00:00
    extra: {{mentions: [first phrase, second phrase], fiscal: true}}
  - uid: readable-freeze@test
    title: Test equity freeze
    category: lockup
    region: CN
    start: {today - timedelta(days=40)}
    end: {today + timedelta(days=3 * 365)}
  - uid: readable-build@test
    title: Test construction period
    category: corporate
    region: CN
    precision: month
    start: {_month_start(today, -2):%Y-%m}
    end: {_month_start(today, 20):%Y-%m}
  - uid: readable-soon@test
    title: {long_title}
    category: corporate
    region: CN
    start: {today + timedelta(days=1)}
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DaemonProcess]:
    root = tmp_path_factory.mktemp("readable")
    seeds = root / "seeds"
    seeds.mkdir()
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    (seeds / "readable.yaml").write_text(seeds_yaml(today), encoding="utf-8")
    extra = '[display]\ntimezone = "Asia/Shanghai"\nlocale = "en"\n\n[reference]\nload = false\n'
    config = write_config(root / "calendar-daemon.toml", port=free_port(), seeds_path=seeds, extra=extra)
    db = root / "calendar.db"
    with DaemonProcess(config, f"sqlite:///{db}") as process:
        engine = create_engine(f"sqlite:///{db}")
        with engine.begin() as conn:
            for lead, status, attempts, sent in (("1h", "sent", 0, "'2026-01-28 18:00:00.123456'"),
                                                 ("d-1@09:00", "failed", 3, "NULL")):  # fmt: skip
                conn.execute(text(
                    "INSERT INTO alert_ledger (event_uid, event_revision, rule, lead, channel, kind, period_key, due_at,"
                    " expires_at, status, attempts, last_error, payload, created_at, updated_at, sent_at) VALUES"
                    f" ('{FED}', 1, 'r', '{lead}', 'desk', 'alert', '', '2026-01-28 18:00:00.123456',"
                    f" '2026-01-28 19:00:00', '{status}', {attempts}, '', '', '2026-01-01 00:00:00',"
                    f" '2026-01-28 18:00:00', {sent})"
                ))  # fmt: skip
        engine.dispose()
        yield process


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:  # noqa: F811
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    try:
        yield context.new_page()
    finally:
        context.close()


EXPECTED = {
    "en": {
        "#ev-when": "Thu 29 Jan 2026 03:00 Beijing (UTC+08:00) · Wed 28 Jan 2026 14:00 New York (UTC−05:00)",
        "#ev-end": "—", "#ev-precision": "exact time", "#ev-zone": "New York (UTC−05:00)", "#ev-status": "confirmed",
        "#ev-origin": "bundled seed",
    },
    "zh-CN": {
        "#ev-when": "2026年1月29日 周四 03:00 北京时间 (UTC+8) · 2026年1月28日 周三 14:00 纽约时间 (UTC−5)",
        "#ev-end": "—", "#ev-precision": "精确时间", "#ev-zone": "纽约时间 (UTC−5)", "#ev-status": "已确认",
        "#ev-origin": "内置种子数据",
    },
}  # fmt: skip
HISTORY = {
    "en": [["desk", "reminder", "1 h before", "sent", "Thu 29 Jan 2026 02:00", "Thu 29 Jan 2026 02:00", "1", ""],
           ["desk", "reminder", "1 day before, 09:00", "failed", "Thu 29 Jan 2026 02:00", "", "3", ""]],
    "zh-CN": [["desk", "提醒", "提前1小时", "已发送", "2026年1月29日 周四 02:00", "2026年1月29日 周四 02:00", "1", ""],
              ["desk", "提醒", "前1天 09:00", "失败", "2026年1月29日 周四 02:00", "", "3", ""]],
}  # fmt: skip
EXPECTED_ZONE = {"en": "Beijing (UTC+08:00)", "zh-CN": "北京时间 (UTC+8)"}
SOURCE_META = {"en": "Published: Sat 10 Jan 2026 09:30 Beijing (UTC+08:00) · Authority: official",
               "zh-CN": "发布时间: 2026年1月10日 周六 09:30 北京时间 (UTC+8) · 权威级别: 官方"}  # fmt: skip
EXTRA = {"en": {"Other mentions": "first phrase, second phrase", "Fiscal period": "yes"},
         "zh-CN": {"其他提及": "first phrase, second phrase", "财年口径": "是"}}  # fmt: skip


@pytest.mark.parametrize("locale", ["en", "zh-CN"])
def test_event_page_reads_in_words(server: DaemonProcess, page: Any, locale: str) -> None:
    page.goto(server.base_url + f"/events/{FED}?lang={locale}")
    shown = {selector: page.inner_text(selector).strip() for selector in EXPECTED[locale]}
    assert shown == EXPECTED[locale]
    assert page.inner_text(".src-meta").strip() == SOURCE_META[locale]
    terms = page.locator(".extra dt").all_inner_texts()
    values = page.locator(".extra dd").all_inner_texts()
    assert dict(zip(terms, values, strict=True)) == EXTRA[locale]
    rows = page.eval_on_selector_all("#alert-history tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.innerText.trim()))")
    assert rows == HISTORY[locale]
    from calendar_daemon.i18n.page import texts

    t = texts(locale)
    fields = ["when", "end", "precision", "timezone", "status", "entities", "uid", "revision", "updated_at", "created_at", "origin"]
    assert [d.strip() for d in page.locator("article > dl.fields > dt").all_inner_texts()] == [t[k] for k in fields]
    columns = ["channel", "kind", "lead", "status", "due_at", "sent_at", "attempts", "last_error"]
    assert [h.strip() for h in page.locator("#alert-history th").all_inner_texts()] == [t[k] for k in columns]
    assert page.inner_text("#alert-history caption").strip() == f"{t['times_in']} {EXPECTED_ZONE[locale]}"
    body = page.inner_text("body")
    for internal in ("CST", "+00:00", ".123456", "['", "True", "datetime"):
        assert internal not in body, f"{internal!r} on the {locale} event page"


@pytest.mark.parametrize("locale", ["en", "zh-CN"])
def test_ongoing_long_spans_sit_in_their_own_band(server: DaemonProcess, page: Any, locale: str) -> None:
    from calendar_daemon.i18n.page import texts

    page.goto(server.base_url + f"/?lang={locale}")
    agenda = [t.strip() for t in page.locator("#agenda .ev-title").all_inner_texts()]
    assert agenda and agenda[0].startswith("Test very long cell title")
    assert "Test equity freeze" not in agenda and "Test construction period" not in agenda
    assert page.inner_text("#spans summary").strip() == f"{texts(locale)['ongoing_spans']} (2)"
    page.click("#spans summary")
    band = sorted(t.strip() for t in page.locator("#spans .ev-title").all_inner_texts())
    assert band == ["Test construction period", "Test equity freeze"]
    freeze = page.inner_text("#spans .event[data-uid='readable-freeze@test'] .when").strip()
    assert freeze.count("-") == 4 and " – " in freeze and texts(locale)["all_day"] not in freeze  # its dates only


@pytest.mark.parametrize("locale", ["en", "zh-CN"])
def test_month_view_shows_the_grid_first_and_whole_titles(server: DaemonProcess, page: Any, locale: str) -> None:
    from calendar_daemon.i18n.page import texts

    page.goto(server.base_url + f"/?view=month&lang={locale}")
    grid_top = page.locator("#month table.grid").bounding_box()["y"]
    spans = page.locator("#month-spans")
    assert spans.locator("h2").inner_text().strip() == texts(locale)["month_spans"]
    assert grid_top < spans.bounding_box()["y"]
    assert grid_top < 700  # on the first screen, whatever the number of spans
    assert {"Test equity freeze", "Test construction period"} <= set(spans.locator(".ev-title").all_inner_texts())
    cut = page.eval_on_selector_all("#month a.mini", "els => els.filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)")
    assert cut == []  # titles wrap inside their cell instead of running out of it
