"""The optional language-model reader, against a loopback server speaking the OpenAI chat-completions API.

The model proposes candidates as JSON; each must quote its evidence verbatim from the article (else it is
dropped) and is dated by the rules from that evidence, never by the model; the rules' own candidates stay
as they are. A timeout or a malformed answer leaves the rules' candidates alone.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import invoke_cli

ARTICLE = """Lantern Markets Daily: the week ahead
Lantern Markets Daily, Dec. 10, 2026

The European Central Bank will announce its policy decision on Thursday, December 17, at 14:15 Frankfurt time.
Northwind Foods puts its merger to a shareholder ballot in Oslo on December 21.
"""

Answer = Callable[[dict[str, Any]], bytes | None]  # request body -> response body (None: never answer)


class ChatServer:
    """A chat-completions endpoint on 127.0.0.1 whose answer the test chooses; it records the requests."""

    def __init__(self) -> None:
        self.answer: Answer = lambda _: b"{}"
        self.requests: list[dict[str, Any]] = []
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
                reply = server.answer(body)
                if reply is None:  # a model that never answers: hold the connection until the test ends
                    server.release.wait(30)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def completion(content: str) -> bytes:
    return json.dumps({"id": "x", "object": "chat.completion", "model": "test-model",
                       "choices": [{"index": 0, "finish_reason": "stop",
                                    "message": {"role": "assistant", "content": content}}]}).encode()


@pytest.fixture
def chat() -> Iterator[ChatServer]:
    server = ChatServer()
    yield server
    server.close()


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
