"""The optional language-model reader, against a loopback server speaking the OpenAI chat-completions API.

The model proposes candidates as JSON; each must quote its evidence verbatim from the article (else it is
dropped) and is dated by the rules from that evidence, never by the model; the rules' own candidates stay
as they are. A timeout or a malformed answer leaves the rules' candidates alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.chat_server import ChatServer, completion
from tests.helpers import invoke_cli

ARTICLE = """Lantern Markets Daily: the week ahead
Lantern Markets Daily, Dec. 10, 2026

The European Central Bank will announce its policy decision on Thursday, December 17, at 14:15 Frankfurt time.
Northwind Foods puts its merger to a shareholder ballot in Oslo on December 21.
"""

def run(tmp_path: Path, chat: ChatServer, timeout: float = 5.0) -> list[dict[str, Any]]:
    config = tmp_path / "config.toml"
    config.write_text(f'[extract]\nllm_url = "{chat.url}"\nllm_model = "test-model"\nllm_api_key_env = "TEST_LLM_KEY"\n'
                      f"llm_timeout_seconds = {timeout}\n", encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = invoke_cli("ingest", str(article), "--dry-run", "--json", config=config, db=f"sqlite:///{tmp_path / 'c.db'}",
                        env={"TEST_LLM_KEY": "sekrit"})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def days(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return sorted((r["category"], r["start"][:10]) for r in rows)


RULES_ONLY = [("central_bank", "2026-12-17")]


def test_a_good_answer_adds_what_the_rules_missed_dated_by_the_rules(tmp_path: Path, chat: ChatServer) -> None:
    proposals = {"events": [
        # the model gets the date wrong: the rules read 21 December from the quoted words
        {"title": "Northwind Foods shareholder vote", "category": "corporate", "region": "NO",
         "evidence": "Northwind Foods puts its merger to a shareholder ballot in Oslo on December 21", "date": "2026-12-22"},
        # what the rules found already stays the rules' candidate
        {"title": "ECB decision", "category": "central_bank", "region": "EU",
         "evidence": "on Thursday, December 17, at 14:15 Frankfurt time"},
    ]}
    chat.answer = lambda _: completion("```json\n" + json.dumps(proposals) + "\n```")
    rows = run(tmp_path, chat)
    assert days(rows) == sorted([*RULES_ONLY, ("corporate", "2026-12-21")])
    vote = next(r for r in rows if r["category"] == "corporate")
    assert (vote["title"], vote["region"], vote["precision"]) == ("Northwind Foods shareholder vote", "NO", "date")
    ecb = next(r for r in rows if r["category"] == "central_bank")
    assert ecb["start"] == "2026-12-17T14:15+01:00" and ecb["title"] != "ECB decision"
    [request] = chat.requests
    assert request["path"] == "/v1/chat/completions" and request["auth"] == "Bearer sekrit"
    assert request["body"]["model"] == "test-model"
    assert "Northwind Foods" in request["body"]["messages"][-1]["content"]


def test_invented_evidence_is_dropped(tmp_path: Path, chat: ChatServer) -> None:
    invented = {"events": [
        {"title": "Northwind Foods listing", "category": "ipo", "evidence": "Northwind Foods lists in Oslo on December 23"},
        {"title": "No date at all", "category": "corporate", "evidence": "puts its merger to a shareholder ballot"},
    ]}
    chat.answer = lambda _: completion(json.dumps(invented))
    assert days(run(tmp_path, chat)) == RULES_ONLY


def test_malformed_json_leaves_the_rules_alone(tmp_path: Path, chat: ChatServer) -> None:
    chat.answer = lambda _: completion('{"events": [{"title": "ECB", "evidence": ')
    assert days(run(tmp_path, chat)) == RULES_ONLY
    chat.answer = lambda _: b"not json at all"
    assert days(run(tmp_path, chat)) == RULES_ONLY


def test_a_model_that_never_answers_times_out_and_the_rules_stand(tmp_path: Path, chat: ChatServer) -> None:
    chat.answer = lambda _: None
    assert days(run(tmp_path, chat, timeout=0.5)) == RULES_ONLY
    assert len(chat.requests) == 1


def test_no_url_means_no_request(tmp_path: Path, chat: ChatServer) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = invoke_cli("ingest", str(article), "--dry-run", "--json", db=f"sqlite:///{tmp_path / 'c.db'}")
    assert result.returncode == 0, result.stderr
    assert days(json.loads(result.stdout)) == RULES_ONLY
    assert chat.requests == []
