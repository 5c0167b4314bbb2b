"""The feed's DESCRIPTION speaks the display locale (``[display] locale``): labels and values.

Under zh-CN a subscriber reads 重要性/地区/类别/精度/当地时间/时长/相关主体/来源 with translated
categories, precisions and region names, as the page and the alerts say them; under en the English
words. Zones are named by city and offset, never "CST". A locale changed between two runs of the
daemon on the same database is served at once, and a client revalidating by date or ETag is not told
its copy in the old language is current. Real daemon, real HTTP, parsed with icalendar.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from icalendar import Calendar

from calendar_daemon.domain.trading import next_trading_day
from calendar_daemon.domain.vocabulary import COMMON_REGIONS
from calendar_daemon.i18n.feed_text import FEED_TEXT, REGION_NAMES
from tests.helpers import DaemonProcess, free_port, invoke_cli, write_config

SOURCE = {"outlet": "国家统计局", "headline": "发布日程表", "published": "2026-01-05T09:30:00+08:00", "authority": "official"}
EVENTS = [
    {"uid": "pmi@t", "title": "国家统计局公布制造业PMI", "description": "Official PMI.", "category": "macro_data",
     "importance": 3, "region": "CN", "entities": ["国家统计局", "中国物流与采购联合会"], "precision": "datetime",
     "timezone": "Asia/Shanghai", "start": "2026-03-31T09:30:00"},
    {"uid": "fomc@t", "title": "FOMC statement", "category": "central_bank", "importance": 2, "region": "US",
     "precision": "datetime", "timezone": "America/New_York", "start": "2026-03-18T14:00:00"},
    {"uid": "freeze@t", "title": "股权冻结期", "category": "legal", "importance": 1, "region": "XX",
     "precision": "date", "timezone": "Asia/Shanghai", "start": "2026-01-20", "end": "2029-01-19"},
    {"uid": "lockup@t", "title": "某公司限售股解禁", "category": "lockup", "importance": 2, "region": "CN",
     "extra": {"exchange": "SSE"}, "precision": "date", "timezone": "Asia/Shanghai", "start": "2026-10-01"},
]  # fmt: skip
# The lock-up falls on National Day; the store moves it to the SSE's next trading day.
SHIFTED = next_trading_day("XSHG", date(2026, 10, 1)).shifted.isoformat()

EXPECTED = {
    "zh-CN": {
        "pmi@t": ["重要性：★★★ (3/3)", "地区：中国 (CN)", "类别：宏观数据", "精度：精确时间",
                  "当地时间：2026年3月31日 周二 09:30 北京时间 (UTC+8)", "时长：来源未给出，按 15 分钟显示",
                  "相关主体：国家统计局、中国物流与采购联合会", "来源："],
        "fomc@t": ["地区：美国 (US)", "类别：央行", "当地时间：2026年3月18日 周三 14:00 纽约时间 (UTC−4)"],
        "freeze@t": ["地区：XX", "类别：法律", "精度：日", "时段：2026年1月20日 周二 – 2029年1月19日 周五"],
        "lockup@t": [f"日期顺延：2026-10-01为上交所休市日，顺延至下一交易日 {SHIFTED}"],
    },
    "en": {
        "pmi@t": ["Importance: ★★★ (3/3)", "Region: China (CN)", "Category: Macro data", "Precision: exact time",
                  "Local time: Tue 31 Mar 2026 09:30 Beijing (UTC+08:00)",
                  "Length: not given by the source; shown as 15 min",
                  "Entities: 国家统计局, 中国物流与采购联合会", "Sources:"],
        "fomc@t": ["Region: United States (US)", "Category: Central bank", "Local time: Wed 18 Mar 2026 14:00 New York (UTC−04:00)"],
        "freeze@t": ["Region: XX", "Category: Legal", "Precision: day", "Span: Tue 20 Jan 2026 – Fri 19 Jan 2029"],
        "lockup@t": [f"Date moved: 2026-10-01 is an SSE holiday (National Day); moved to the next SSE trading day {SHIFTED}"],
    },
}  # fmt: skip
ENGLISH_LABELS = ("Importance", "Region:", "Category:", "Precision:", "Local time", "Length:", "Entities", "Sources", "Span:")
CHINESE_LABELS = ("重要性", "地区", "类别", "精度", "当地时间", "时长", "相关主体", "来源：", "时段")


def _config(tmp_path: Path, locale: str, port: int) -> Path:
    seeds = tmp_path / "no-seeds"
    seeds.mkdir(exist_ok=True)
    return write_config(tmp_path / "calendar-daemon.toml", port=port, seeds_path=seeds,
                        extra=f'[display]\nlocale = "{locale}"\n')  # fmt: skip


def _footers(body: bytes) -> dict[str, str]:
    """Each VEVENT's DESCRIPTION footer (after the event's own text), by UID."""
    events = Calendar.from_ical(body).walk("VEVENT")
    return {str(e["UID"]): str(e["DESCRIPTION"]).rsplit("———\n", 1)[-1] for e in events}


def _import(tmp_path: Path, db: str) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(yaml.safe_dump({"source": SOURCE, "events": EVENTS}, allow_unicode=True), encoding="utf-8")
    result = invoke_cli("import", str(path), db=db)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_the_served_description_speaks_the_display_locale(tmp_path: Path, db_url: str, locale: str) -> None:
    _import(tmp_path, db_url)
    with DaemonProcess(_config(tmp_path, locale, free_port()), db_url) as daemon:
        footers = _footers(daemon.wait_for_feed("freeze@t").content)
    for uid, lines in EXPECTED[locale].items():
        for line in lines:
            assert line in footers[uid].splitlines(), f"{locale} {uid}: {line!r} not in {footers[uid]!r}"
    foreign = ENGLISH_LABELS if locale == "zh-CN" else CHINESE_LABELS
    for uid, footer in footers.items():
        assert not [label for label in foreign if label in footer], f"{locale} {uid}: {footer!r}"
        assert "CST" not in footer and "macro_data" not in footer and "datetime" not in footer


def test_a_locale_changed_between_runs_is_served_and_not_revalidated_as_current(tmp_path: Path, db_url: str) -> None:
    _import(tmp_path, db_url)
    port = free_port()
    with DaemonProcess(_config(tmp_path, "en", port), db_url) as daemon:
        english = daemon.wait_for_feed("freeze@t")
    assert "Region: China (CN)" in _footers(english.content)["pmi@t"]
    with DaemonProcess(_config(tmp_path, "zh-CN", port), db_url) as daemon:
        by_date = daemon.get("/calendar.ics", headers={"If-Modified-Since": english.headers["last-modified"]})
        by_etag = daemon.get("/calendar.ics", headers={"If-None-Match": english.headers["etag"]})
        again = daemon.get("/calendar.ics", headers={"If-None-Match": by_etag.headers["etag"]})
    assert (by_date.status_code, by_etag.status_code) == (200, 200)  # never "your English copy is current"
    for response in (by_date, by_etag):
        assert "地区：中国 (CN)" in _footers(response.content)["pmi@t"]
        assert "Region:" not in response.text
    assert again.status_code == 304  # the Chinese body, once held, revalidates as usual


def test_both_locales_have_every_word_of_the_footer() -> None:
    assert set(FEED_TEXT["zh-CN"]) == set(FEED_TEXT["en"])
    assert set(REGION_NAMES["zh-CN"]) == set(REGION_NAMES["en"]) >= set(COMMON_REGIONS)
