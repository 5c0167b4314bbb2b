"""The curated seed calendar under ``seeds/``: structure, key facts, and fidelity to the articles.

Independent of the package code on purpose: the files are read with PyYAML and checked against
``docs/event-format.md`` with small local helpers, so a loader bug cannot hide a data error.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
SEEDS_DIR = REPO / "seeds"
ARTICLES_NAME = "000_dcc5131f58164046.txt"

CATEGORIES = {
    "central_bank", "macro_data", "liquidity", "lockup", "ipo", "earnings",
    "bond", "policy", "corporate", "legal", "conference", "other",
}  # fmt: skip
PRECISIONS = {"datetime", "date", "week", "month", "quarter", "half", "year"}
STATUSES = {"confirmed", "tentative", "cancelled"}
AUTHORITIES = {"official", "exchange", "news"}
FILE_KEYS = {"source", "events"}
EVENT_KEYS = {
    "uid", "title", "description", "category", "importance", "region", "entities", "tags",
    "precision", "timezone", "start", "end", "status", "sources", "note",
}  # fmt: skip
SOURCE_KEYS = {"outlet", "headline", "published", "url", "note", "evidence", "authority"}
UID_RE = re.compile(r"^[a-z0-9][a-z0-9.-]*[a-z0-9]@seeds\.calendar-daemon$")
REGION_RE = re.compile(r"^[A-Z][A-Z0-9_-]{1,15}$")
FILE_NAME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.ya?ml$")
SHORTHAND_RE = re.compile(r"^(\d{4})(?:-(?:(\d{1,2})|Q([1-4])|H([12])))?$", re.IGNORECASE)

# Longest run of characters (whitespace ignored) a field may share verbatim with the articles.
# Titles may repeat indicator or product names; descriptions and notes must be own words.
MAX_SHARED_RUN = {"title": 23, "description": 15, "note": 15}


# ---------------------------------------------------------------- loading


@dataclass(frozen=True)
class SeedEvent:
    path: Path
    index: int
    data: dict[str, Any]
    sources: list[dict[str, Any]]

    @property
    def where(self) -> str:
        return f"{self.path.name}[{self.index}] {self.data.get('uid', '?')}"


def seed_files() -> list[Path]:
    reference = SEEDS_DIR / "reference"
    files = [p for p in sorted(SEEDS_DIR.rglob("*")) if p.suffix in {".yaml", ".yml"} and p.is_file()]
    return [p for p in files if reference not in p.parents]


def load_file(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def iter_events(path: Path) -> Iterator[SeedEvent]:
    doc = load_file(path)
    if isinstance(doc, list):
        events, default = doc, None
    else:
        events, default = doc.get("events") or [], doc.get("source")
    for index, data in enumerate(events):
        own = data.get("sources") or []
        sources = list(own) if own else ([default] if default else [])
        yield SeedEvent(path, index, data, sources)


def all_events() -> list[SeedEvent]:
    return [event for path in seed_files() for event in iter_events(path)]


def shared_seeds_dir() -> Path:
    env = os.environ.get("CALENDAR_DAEMON_SHARED_SEEDS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


# ---------------------------------------------------------------- periods (local, package-free)


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _period_first_day(value: Any, precision: str) -> date:
    """First day of the period ``value`` names, for a coarse precision; raises if malformed."""
    as_day = _as_date(value)
    if as_day is not None:
        return as_day
    match = SHORTHAND_RE.match(str(value).strip())
    if match is None:
        raise ValueError(f"{value!r} is not a {precision} value")
    year, month, quarter, half = match.groups()
    kind = "year" if month is None and quarter is None and half is None else None
    if month is not None:
        kind, first = "month", date(int(year), int(month), 1)
    elif quarter is not None:
        kind, first = "quarter", date(int(year), 3 * (int(quarter) - 1) + 1, 1)
    elif half is not None:
        kind, first = "half", date(int(year), 1 if half == "1" else 7, 1)
    else:
        first = date(int(year), 1, 1)
    if kind != precision:
        raise ValueError(f"shorthand {value!r} does not match precision {precision}")
    return first


def _is_period_start(day: date, precision: str) -> bool:
    if precision == "week":
        return day.weekday() == 0
    if precision == "month":
        return day.day == 1
    if precision == "quarter":
        return day.day == 1 and day.month in (1, 4, 7, 10)
    if precision == "half":
        return day.day == 1 and day.month in (1, 7)
    if precision == "year":
        return (day.month, day.day) == (1, 1)
    return True


def _period_last_day(first: date, precision: str) -> date:
    if precision == "week":
        return first + timedelta(days=6)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12}[precision]
    index = first.month - 1 + months
    following = date(first.year + index // 12, index % 12 + 1, 1)
    return following - timedelta(days=1)


def _aware(value: Any, zone: str) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        raise ValueError(f"{value!r} is not a date-time")
    return value if value.tzinfo is not None else value.replace(tzinfo=ZoneInfo(zone))


def span(event: dict[str, Any]) -> tuple[date, date] | tuple[datetime, datetime]:
    """Inclusive span of an event: UTC instants for ``datetime``, dates otherwise."""
    precision = event["precision"]
    zone = event["timezone"]
    if precision == "datetime":
        start = _aware(event["start"], zone).astimezone(UTC)
        end = _aware(event["end"], zone).astimezone(UTC) if "end" in event else start
        return start, end
    if precision == "date":
        start_day = _as_date(event["start"])
        end_day = _as_date(event["end"]) if "end" in event else start_day
        if start_day is None or end_day is None:
            raise ValueError("date precision needs ISO dates")
        return start_day, end_day
    first = _period_first_day(event["start"], precision)
    if not _is_period_start(first, precision):
        raise ValueError(f"{first} is not the first day of a {precision}")
    last_first = _period_first_day(event["end"], precision) if "end" in event else first
    if not _is_period_start(last_first, precision):
        raise ValueError(f"end {last_first} is not the first day of a {precision}")
    return first, _period_last_day(last_first, precision)


# ---------------------------------------------------------------- articles


@dataclass(frozen=True)
class Article:
    headline: str
    outlet: str
    published: datetime
    body: str


STAMP_RE = re.compile(r"^(?:(?P<outlet>.+?)\u00b7\s*)?(?P<stamp>\d{4}-\d{2}-\d{2} \d{2}:\d{2})$")


def parse_articles(text: str) -> list[Article]:
    lines = text.splitlines()
    stamps = [i for i, line in enumerate(lines) if i > 0 and STAMP_RE.match(line.strip())]
    articles = []
    for n, i in enumerate(stamps):
        match = STAMP_RE.match(lines[i].strip())
        assert match is not None
        body_end = stamps[n + 1] - 1 if n + 1 < len(stamps) else len(lines)
        published = datetime.strptime(match["stamp"], "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo("Asia/Shanghai"))
        articles.append(
            Article(
                headline=lines[i - 1].strip(),
                outlet=(match["outlet"] or "").strip(),
                published=published,
                body="\n".join(lines[i + 1 : body_end]),
            )
        )
    return articles


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    path = shared_seeds_dir() / ARTICLES_NAME
    if not path.is_file():
        pytest.skip(
            f"founding articles not found at {path} (set CALENDAR_DAEMON_SHARED_SEEDS to the folder "
            "holding shared/seeds); cannot cross-check headlines against the source text"
        )
    found = parse_articles(path.read_text(encoding="utf-8"))
    assert len(found) == 10, f"expected ten founding articles, parsed {len(found)}"
    return found


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def longest_shared_run(text: str, corpus: str) -> str:
    text = _squash(text)
    best = ""
    for i in range(len(text)):
        size = len(best) + 1
        while i + size <= len(text) and text[i : i + size] in corpus:
            best = text[i : i + size]
            size += 1
    return best


# ---------------------------------------------------------------- (a) structure

EVENTS = all_events()


def test_seed_files_present_and_named() -> None:
    files = seed_files()
    assert len(files) >= 10, f"expected one seed file per founding article, found {len(files)}"
    bad = [p.name for p in files if not FILE_NAME_RE.match(p.name)]
    assert not bad, f"seed files not named YYYY-MM-DD-slug.yaml: {bad}"


@pytest.mark.parametrize("path", seed_files(), ids=lambda p: p.name)
def test_file_shape_and_source(path: Path) -> None:
    doc = load_file(path)
    assert isinstance(doc, dict), "seed files are mappings with a source and an events list"
    assert set(doc) <= FILE_KEYS, f"unknown top-level keys {set(doc) - FILE_KEYS}"
    assert isinstance(doc.get("events"), list)
    source = doc.get("source")
    assert isinstance(source, dict), "every seed file carries a file-level source"
    _check_source(source, str(path.name))
    assert path.name.startswith(source["published"].date().isoformat()), "file name starts with the publication date"


def _check_source(source: dict[str, Any], where: str) -> None:
    assert set(source) <= SOURCE_KEYS, f"{where}: unknown source keys {set(source) - SOURCE_KEYS}"
    for key in ("outlet", "headline"):
        assert isinstance(source.get(key), str) and source[key].strip(), f"{where}: source needs {key}"
    published = source.get("published")
    if isinstance(published, str):
        published = datetime.fromisoformat(published)
    assert isinstance(published, datetime) and published.tzinfo is not None, f"{where}: published needs an offset"
    assert source.get("authority", "news") in AUTHORITIES, f"{where}: bad authority"


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.where)
def test_event_structure(event: SeedEvent) -> None:
    data = event.data
    assert set(data) <= EVENT_KEYS, f"unknown keys {set(data) - EVENT_KEYS}"
    assert UID_RE.match(str(data.get("uid", ""))), f"uid not '<slug>@seeds.calendar-daemon': {data.get('uid')!r}"
    assert isinstance(data.get("title"), str) and data["title"].strip()
    assert re.search(r"[\u4e00-\u9fff]", data["title"]), "titles are in the source language (Chinese)"
    assert isinstance(data.get("description"), str) and data["description"].strip()
    assert data.get("category") in CATEGORIES
    assert data.get("precision") in PRECISIONS
    assert data.get("status") in STATUSES
    importance = data.get("importance")
    assert isinstance(importance, int) and not isinstance(importance, bool) and 1 <= importance <= 3
    assert REGION_RE.match(str(data.get("region", ""))), f"bad region {data.get('region')!r}"
    for key in ("entities", "tags"):
        value = data.get(key, [])
        assert isinstance(value, list) and all(isinstance(x, str) and x.strip() for x in value), key
    try:
        ZoneInfo(str(data.get("timezone")))
    except (ZoneInfoNotFoundError, ValueError):
        pytest.fail(f"timezone {data.get('timezone')!r} is not an IANA zone")
    assert event.sources, "every event has a source (its own or the file's)"
    for source in event.sources:
        _check_source(source, event.where)


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.where)
def test_start_end_match_precision(event: SeedEvent) -> None:
    data = event.data
    precision = data["precision"]
    start = data["start"]
    if precision == "datetime":
        assert isinstance(start, datetime | str) and "T" in str(start).replace(" ", "T"), "needs a date-time"
    elif precision == "date":
        assert _as_date(start) is not None, "date precision needs an ISO date"
    first, last = span(data)
    assert first <= last, f"end before start: {first} > {last}"


def test_uids_unique() -> None:
    seen: dict[str, str] = {}
    for event in EVENTS:
        uid = event.data["uid"]
        assert uid not in seen, f"uid {uid} used by {seen[uid]} and {event.where}"
        seen[uid] = event.where


def test_event_count_in_expected_range() -> None:
    assert 45 <= len(EVENTS) <= 60, f"{len(EVENTS)} events"


# ---------------------------------------------------------------- (b) facts


def event_dicts() -> list[dict[str, Any]]:
    return [e.data for e in EVENTS]


def find(predicate: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    matches = [e.data for e in EVENTS if predicate(e.data)]
    assert len(matches) == 1, f"expected exactly one matching event, got {[m.get('uid') for m in matches]}"
    return matches[0]


def by_entity(name: str, category: str) -> dict[str, Any]:
    return find(lambda d: d["category"] == category and name in d.get("entities", []))


def days(event: dict[str, Any]) -> tuple[date, date]:
    first, last = span(event)
    assert isinstance(first, date) and not isinstance(first, datetime)
    assert isinstance(last, date) and not isinstance(last, datetime)
    return first, last


def test_fed_decision_instant_as_the_article_states() -> None:
    fed = find(lambda d: d["category"] == "central_bank" and d["precision"] == "datetime" and "美联储" in d["entities"])
    start, _ = span(fed)
    assert start == datetime(2026, 1, 29, 19, 0, tzinfo=UTC)  # 北京时间1月30日凌晨3点
    assert fed["timezone"] == "Asia/Shanghai"
    assert "14:00" in fed["description"] and "28 Jan" in fed["description"], "official NY slot noted"


def test_powell_press_conference_follows_the_decision_on_the_same_local_day() -> None:
    fed = find(lambda d: d["category"] == "central_bank" and d["precision"] == "datetime" and "美联储" in d["entities"])
    presser = find(lambda d: "press-conference" in d.get("tags", []) and "鲍威尔" in d["entities"])
    decision_local = _aware(fed["start"], fed["timezone"]).astimezone(ZoneInfo(presser["timezone"]))
    first, _ = span(presser)
    if isinstance(first, datetime):
        assert first >= decision_local
    else:
        assert first == decision_local.date()


@pytest.mark.parametrize(
    ("entity", "category", "expected"),
    [
        ("北芯生命", "ipo", (date(2026, 1, 26), date(2026, 1, 26))),
        ("林平发展", "ipo", (date(2026, 1, 30), date(2026, 1, 30))),
        ("电科蓝天", "ipo", (date(2026, 1, 30), date(2026, 1, 30))),
        ("万科", "bond", (date(2026, 1, 28), date(2026, 1, 28))),
        ("宏昌电子", "corporate", (date(2026, 1, 21), date(2026, 7, 20))),
        ("普诺威", "corporate", (date(2026, 5, 1), date(2028, 9, 30))),
        ("锤子科技(成都)股份有限公司", "legal", (date(2026, 1, 20), date(2029, 1, 19))),
        ("白鹭", "corporate", (date(2026, 1, 1), date(2026, 6, 30))),
        ("朱雀", "corporate", (date(2026, 7, 1), date(2026, 12, 31))),
    ],
)
def test_dated_facts(entity: str, category: str, expected: tuple[date, date]) -> None:
    assert days(by_entity(entity, category)) == expected


def test_gpu_roadmap_launch_day() -> None:
    roadmap = find(lambda d: "天数智芯" in d["entities"] and d["precision"] == "date")
    assert days(roadmap) == (date(2026, 1, 26), date(2026, 1, 26))


def test_macro_and_liquidity_dates() -> None:
    pmi = find(lambda d: "pmi" in d.get("tags", []))
    assert (pmi["category"], pmi["region"], days(pmi)) == ("macro_data", "CN", (date(2026, 1, 31),) * 2)
    mlf = find(lambda d: "mlf" in d.get("tags", []))
    assert (mlf["category"], days(mlf)) == ("liquidity", (date(2026, 1, 26),) * 2)
    repo = find(lambda d: "reverse-repo" in d.get("tags", []))
    assert repo["precision"] == "week" and days(repo) == (date(2026, 1, 26), date(2026, 2, 1))
    assert "11810" in repo["title"] + repo.get("note", "")
    cips = find(lambda d: "CIPS" in d["entities"])
    assert (cips["category"], days(cips)) == ("policy", (date(2026, 2, 1),) * 2)
    profits = find(lambda d: "industrial-profits" in d.get("tags", []))
    assert profits["precision"] == "week" and days(profits)[0] == date(2026, 1, 26)


def test_lockups_week_and_peak_day() -> None:
    peak = find(lambda d: d["category"] == "lockup" and d["precision"] == "date")
    assert days(peak) == (date(2026, 1, 27), date(2026, 1, 27))
    assert {"海博思创", "福斯达", "益方生物-U"} <= set(peak["entities"])
    for amount in ("231.54", "53.67", "42.51"):
        assert amount in peak.get("note", ""), f"lock-up value {amount} (亿元) missing from the note"
    week = find(lambda d: d["category"] == "lockup" and d["precision"] == "week")
    assert days(week) == (date(2026, 1, 26), date(2026, 2, 1))


def test_us_risk_dates() -> None:
    shutdown = find(lambda d: "shutdown" in d.get("tags", []))
    assert days(shutdown) == (date(2026, 1, 31),) * 2 and shutdown["status"] == "tentative"
    tariffs = find(lambda d: "tariffs" in d.get("tags", []))
    assert days(tariffs) == (date(2026, 2, 1),) * 2 and tariffs["status"] == "cancelled"


def test_super_earnings_week_covers_all_named_companies() -> None:
    week = [e.data for e in EVENTS if "super-earnings-week" in e.data.get("tags", [])]
    assert week and all(d["category"] == "earnings" for d in week)
    assert all(days(d) == (date(2026, 1, 26), date(2026, 2, 1)) for d in week)
    named = {entity for d in week for entity in d["entities"]}
    expected = {
        "微软", "Meta", "特斯拉", "苹果", "阿斯麦", "IBM", "闪迪", "西部数据", "希捷科技",
        "三星电子", "SK海力士", "埃克森美孚", "雪佛龙", "新东方", "东方甄选",
    }  # fmt: skip
    assert expected <= named, f"missing {expected - named}"


def test_product_milestones() -> None:
    hbm4 = find(lambda d: "hbm4" in d.get("tags", []))
    assert hbm4["precision"] == "quarter" and days(hbm4) == (date(2026, 4, 1), date(2026, 6, 30))
    tpu = find(lambda d: "谷歌" in d["entities"] and "product-launch" in d.get("tags", []))
    assert days(tpu) == (date(2026, 1, 1), date(2026, 12, 31))
    meta = sorted(days(d) for d in event_dicts() if "Meta" in d["entities"] and "tpu" in d.get("tags", []))
    assert [m[0] for m in meta] == [date(2026, 1, 1), date(2027, 1, 1)]
    ascend = [d for d in event_dicts() if {"昇腾950PR", "昇腾950DT"} & set(d["entities"]) and "ascend" in d["tags"]]
    assert ascend and all(days(d) == (date(2026, 1, 1), date(2026, 12, 31)) for d in ascend)


def test_iren_deadlines() -> None:
    deadlines = sorted(days(d)[0] for d in event_dicts() if "IREN" in d["entities"])
    assert deadlines == [date(2025, 12, 31), date(2026, 3, 31)]


def test_week_ahead_relative_dates_resolve_to_the_following_week() -> None:
    """Week-precision events of a Sunday preview start on the Monday after publication."""
    for path in seed_files():
        source = load_file(path)["source"]
        published = source["published"]
        if "下周" not in source["headline"] or published.weekday() != 6:
            continue
        next_monday = published.date() + timedelta(days=1)
        weekly = [e for e in iter_events(path) if e.data["precision"] == "week"]
        assert weekly, path.name
        for event in weekly:
            assert days(event.data)[0] == next_monday, event.where


def test_no_event_lies_wholly_before_its_article() -> None:
    """Past-dated context facts are not events: each event ends on or after publication."""
    for event in EVENTS:
        published = min(s["published"] for s in event.sources)
        _, last = span(event.data)
        if isinstance(last, datetime):
            assert last >= published, event.where
        else:
            local_day = published.astimezone(ZoneInfo(event.data["timezone"])).date()
            assert last >= local_day, f"{event.where} ends before its article was published"


# ---------------------------------------------------------------- (c) fidelity to the articles


def _article_for(source: dict[str, Any], found: list[Article]) -> Article:
    matches = [a for a in found if a.headline == source["headline"]]
    assert len(matches) == 1, f"headline not found verbatim in the founding articles: {source['headline']!r}"
    return matches[0]


def test_every_source_matches_an_article(articles: list[Article]) -> None:
    covered = set()
    for path in seed_files():
        source = load_file(path)["source"]
        article = _article_for(source, articles)
        covered.add(article.headline)
        assert source["published"] == article.published, f"{path.name}: publication time differs"
        if article.outlet:
            assert source["outlet"] == article.outlet, f"{path.name}: outlet differs"
    assert covered == {a.headline for a in articles}, "one seed file per founding article"
    for event in EVENTS:
        for source in event.sources:
            article = _article_for(source, articles)
            assert source["published"] == article.published, event.where


def test_evidence_phrases_come_from_the_cited_article(articles: list[Article]) -> None:
    checked = 0
    for event in EVENTS:
        for source in event.sources:
            evidence = source.get("evidence")
            if evidence:
                body = _squash(_article_for(source, articles).body)
                assert _squash(evidence) in body, f"{event.where}: evidence {evidence!r} not in the cited article"
                checked += 1
    assert checked >= len(EVENTS), "every event cites the phrase its date came from"


def test_titles_and_descriptions_are_own_words(articles: list[Article]) -> None:
    corpus = _squash("\n".join(a.headline + a.body for a in articles))
    for event in EVENTS:
        for field_name, limit in MAX_SHARED_RUN.items():
            text = event.data.get(field_name)
            if text:
                run = longest_shared_run(text, corpus)
                assert len(run) <= limit, f"{event.where}: {field_name} copies {run!r} from an article"
