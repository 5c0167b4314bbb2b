"""Ingesting an article about an event the calendar already knows merges into it instead of proposing a twin."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.helpers import invoke_cli

FED_UID = "fomc-2026-01-statement@reference.calendar-daemon"

AGREEING = """Fed set to hold rates as FOMC meets
Reuters· 2026-01-26 09:00
The Federal Reserve will announce its policy decision on Wednesday, January 28, at 2 p.m. ET.
"""

DISAGREEING = """Fed decision day moved, says wire
Evening Wire· 2026-01-26 10:00
The Federal Reserve will announce its policy decision on Thursday, January 29, at 2 p.m. ET.
"""

IPO_A = """新股速递
财经日报· 2027-03-07 18:00
某某精密科技将于3月10日在上交所发行新股。
"""

IPO_B = """本周打新日历
证券晚报· 2027-03-08 08:00
某某精密科技将于3月11日在上交所发行新股。
"""


def listed(db: str, **flt: str) -> list[dict[str, Any]]:
    args = [item for key, value in flt.items() for item in (f"--{key}", value)]
    return json.loads(invoke_cli("list", "--json", *args, db=db).stdout)  # type: ignore[no-any-return]


def pending(db: str) -> list[dict[str, Any]]:
    return json.loads(invoke_cli("review", "--json", db=db).stdout)  # type: ignore[no-any-return]


def ingest(tmp_path: Path, db: str, name: str, text: str) -> None:
    article = tmp_path / name
    article.write_text(text, encoding="utf-8")
    result = invoke_cli("ingest", str(article), db=db)
    assert result.returncode == 0, result.stderr


def fed_event(db: str) -> dict[str, Any]:
    events = listed(db, category="central_bank", **{"from": "2026-01-27", "to": "2026-01-31"})
    return next(e for e in events if e["uid"] == FED_UID)


def test_an_article_about_a_known_event_adds_its_source_and_keeps_the_event_live(tmp_path: Path, db_url: str) -> None:
    assert invoke_cli("seed", db=db_url).returncode == 0
    ingest(tmp_path, db_url, "agree.txt", AGREEING)
    fed = fed_event(db_url)  # still listed: a proposal never hides a confirmed event
    assert fed["status"] == "confirmed"
    assert fed["start"] == "2026-01-28T14:00:00-05:00"
    assert "Reuters" in [s["outlet"] for s in fed["sources"]]
    assert not [p for p in pending(db_url) if p["category"] == "central_bank"], "no twin proposed"


def test_a_disagreeing_article_is_a_conflict_not_a_second_event(tmp_path: Path, db_url: str) -> None:
    assert invoke_cli("seed", db=db_url).returncode == 0
    ingest(tmp_path, db_url, "disagree.txt", DISAGREEING)
    fed = fed_event(db_url)
    assert fed["start"] == "2026-01-28T14:00:00-05:00"  # the official schedule wins
    conflicts = json.loads(invoke_cli("conflicts", "--json", db=db_url).stdout)
    entry = next(c for c in conflicts if c["uid"] == FED_UID)
    wire = [s for s in entry["conflicts"] if "Evening Wire" in json.dumps(s, ensure_ascii=False)]
    assert wire and "2026-01-29" in json.dumps(wire, ensure_ascii=False)
    assert not [p for p in pending(db_url) if p["category"] == "central_bank"]


def test_two_articles_about_one_listing_become_one_proposal_with_both_sources(tmp_path: Path, db_url: str) -> None:
    ingest(tmp_path, db_url, "a.txt", IPO_A)
    ingest(tmp_path, db_url, "b.txt", IPO_B)
    ipos = [p for p in pending(db_url) if p["category"] == "ipo"]
    assert len(ipos) == 1, ipos
    outlets = {s["outlet"] for s in ipos[0]["sources"]}
    assert outlets == {"财经日报", "证券晚报"}


def test_the_article_a_seed_was_written_from_proposes_nothing_the_seeds_have(shared_seeds: Path, db_url: str) -> None:
    assert invoke_cli("seed", db=db_url).returncode == 0
    before = {e["uid"]: e["revision"] if "revision" in e else e["sources"] for e in listed(db_url)}
    dry = invoke_cli("ingest", str(shared_seeds / "000_dcc5131f58164046.txt"), "--dry-run", "--json", db=db_url)
    rows = json.loads(dry.stdout)
    assert len(rows) >= 30
    # every candidate is marked known, with the UID of the seeded event it is (near-duplicates included)
    assert {r["status"] for r in rows} == {"known"}, [r["title"] for r in rows if r["status"] != "known"]
    assert {r["known_uid"] for r in rows} <= set(before)
    assert {r["known_uid"] for r in rows if r["category"] == "central_bank" and r["precision"] == "datetime"} == {FED_UID}
    assert {r["known_uid"] for r in rows if "自研HBM" in r["title"]} == {
        "huawei-hbm-bailu-2026-h1@seeds.calendar-daemon", "huawei-hbm-zhuque-2026-h2@seeds.calendar-daemon"}
    result = invoke_cli("ingest", str(shared_seeds / "000_dcc5131f58164046.txt"), db=db_url)
    assert result.returncode == 0, result.stderr
    proposals = pending(db_url)
    # The PMI release, the Fed decision (kept under the official UID) and the MLF maturity are in the seeds.
    assert not [p for p in proposals if p["category"] == "macro_data" and p["start"] == "2026-01-31"]
    assert not [p for p in proposals if p["category"] == "central_bank"]
    assert not [p for p in proposals if p["category"] == "liquidity"]
    assert len(proposals) < 10, [p["title"] for p in proposals]
    assert proposals == [], [p["title"] for p in proposals]  # not even the near-duplicates (950 series, HBM names)
    assert "0 proposed" in result.stdout
    after = {e["uid"]: e["revision"] if "revision" in e else e["sources"] for e in listed(db_url)}
    assert after == before  # re-reading a cited article changes no event
