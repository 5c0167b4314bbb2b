"""`[extract]` says how articles are read, and it holds wherever articles are read: `ingest` and the daemon's
feed and page sources (`sources poll` takes the daemon's path). `learned = false` leaves the rules alone;
`llm_url` adds a language model's proposals, here from a loopback chat-completions endpoint. Our own articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from calendar_daemon.domain.vocabulary import PROPOSED
from calendar_daemon.store.db import open_engine
from calendar_daemon.store.events import EventFilter, EventStore
from tests.chat_server import ChatServer, completion
from tests.helpers import invoke_cli
from tests.sources_server import Publisher, Route

# A rights timetable: the rules date three rows by their trigger words; the payment row has none, and the learned
# model shipped with the package proposes it (tests/test_extract_learned_gate.py).
RIGHTS = ("Acme Holdings PLC: rights issue timetable\n\nThe board announces the following dates.\n\n"
          "Ex Rights date: 1st July 2031\nDispatch of provisional Letter of Allotment: 7th July 2031\n"
          "Rights Trading Commences: 13th July 2031\nLast date of Acceptance & Payment: 22nd July 2031.\n")  # fmt: skip
RULES = ["2031-07-01", "2031-07-07", "2031-07-13"]
PAYMENT = "2031-07-22"
PAGE = ("<html><head><title>Acme Holdings PLC: rights issue timetable</title>"
        '<meta property="article:published_time" content="2031-06-20T10:00:00+05:30"></head><body><article>'
        + "".join(f"<p>{line}</p>" for line in RIGHTS.splitlines() if line) + "</article></body></html>")


def config(tmp_path: Path, extract: str, publisher: Publisher | None = None) -> Path:
    path = tmp_path / "config.toml"
    sources = (f'\n[[sources]]\nname = "acme"\nkind = "page"\nurl = "{publisher.base}/acme.html"\n'
               if publisher is not None else "")  # fmt: skip
    path.write_text(f"[extract]\n{extract}\n[seeds]\nload_on_start = false\n{sources}", encoding="utf-8")
    return path


def ingested(tmp_path: Path, extract: str) -> list[str]:
    tmp_path.mkdir(exist_ok=True)
    article = tmp_path / "rights.txt"
    article.write_text(RIGHTS, encoding="utf-8")
    result = invoke_cli("ingest", str(article), "--published", "2031-06-20T10:00+05:30", "--dry-run", "--json",
                        config=config(tmp_path, extract), db=f"sqlite:///{tmp_path / 'c.db'}")
    assert result.returncode == 0, result.stderr
    return sorted(row["start"] for row in json.loads(result.stdout))


def polled(tmp_path: Path, extract: str) -> list[str]:
    tmp_path.mkdir(exist_ok=True)
    with Publisher() as publisher:
        publisher.routes["/acme.html"] = Route(PAGE.encode(), "text/html; charset=utf-8")
        db = f"sqlite:///{tmp_path / 'c.db'}"
        result = invoke_cli("sources", "poll", "acme", config=config(tmp_path, extract, publisher), db=db)
        assert result.returncode == 0, result.stderr
        assert publisher.hits["/acme.html"] == 1
    return sorted(str(e.start_date or e.start_at) for e in EventStore(open_engine(db)).list_events(flt=EventFilter(statuses=(PROPOSED,))))


@pytest.mark.parametrize("read", [ingested, polled], ids=["ingest", "sources poll"])
def test_the_learned_model_reads_by_default_and_learned_false_leaves_the_rules_alone(tmp_path: Path, read) -> None:  # type: ignore[no-untyped-def]
    assert read(tmp_path / "default", "") == [*RULES, PAYMENT]
    assert read(tmp_path / "off", "learned = false") == RULES


def test_a_polled_page_is_also_read_by_the_configured_language_model(tmp_path: Path, chat: ChatServer) -> None:
    """Before, only `ingest` asked the model: the daemon's sources were read by the rules alone."""
    answer = {"events": [{"title": "Acme rights: acceptance and payment deadline", "category": "corporate",
                          "evidence": "Last date of Acceptance & Payment: 22nd July 2031"}]}  # fmt: skip
    chat.answer = lambda _: completion(json.dumps(answer))
    got = polled(tmp_path, f'learned = false\nllm_url = "{chat.url}"\nllm_model = "test-model"')
    assert got == [*RULES, PAYMENT]  # the payment row is the model's: the learned gate is off
    [request] = chat.requests
    assert "Rights Trading Commences" in request["body"]["messages"][-1]["content"]
