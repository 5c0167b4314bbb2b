"""What the extractor remembers while it reads one article stays with that article: reading articles
in any order, again, or on several threads at once gives the same candidates."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from datetime import datetime
from zoneinfo import ZoneInfo

from calendar_daemon.sources.extract import extract, find_times
from calendar_daemon.sources.extract.compose import anchor_for
from calendar_daemon.sources.extract.memo import one_article
from tests.helpers import REPO_ROOT

ARTICLES = sorted((REPO_ROOT / "benchmarks" / "heldout" / "articles").glob("*.txt"))
PUBLISHED = datetime(2026, 4, 13, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def _rows(text: str, published: datetime | None = None) -> list[dict[str, object]]:
    return [asdict(c) for c in extract(text, published)]


def test_reading_other_articles_in_between_changes_no_candidate() -> None:
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
    assert len(texts) >= 5
    first = [_rows(t, PUBLISHED) for t in texts]
    again = [_rows(t, PUBLISHED) for t in reversed(texts)][::-1]
    assert again == first
    assert any(first), "the held-out articles propose candidates"


def test_the_same_lines_under_another_publication_day_resolve_to_that_day() -> None:
    # the same text read with another anchor must not reuse the first anchor's dates
    text = "周四(4月16日)美联储公布利率决议。\n下周一国家统计局公布3月CPI。"
    early = _rows(text, PUBLISHED)
    later = _rows(text, datetime(2026, 5, 4, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    assert early and later
    assert [r["start"] for r in early] != [r["start"] for r in later]
    assert _rows(text, PUBLISHED) == early


def test_articles_read_on_several_threads_at_once_match_one_by_one() -> None:
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES] * 3
    alone = [_rows(t, PUBLISHED) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda t: _rows(t, PUBLISHED), texts))
    assert together == alone


def test_changing_a_list_of_times_leaves_the_next_reading_intact() -> None:
    anchor = anchor_for(PUBLISHED, "Asia/Shanghai")
    line = "4月16日美联储公布利率决议,4月17日公布CPI"
    with one_article():
        times = find_times(line, anchor)
        assert len(times) == 2
        times.clear()
        assert [line[t.start:t.end] for t in find_times(line, anchor)] == ["4月16日", "4月17日"]
