"""A loopback publisher for the polled-sources tests: serves files like a real site (ETag and
Last-Modified with 304 answers, gzip when asked, redirects), and can answer 500 or hang."""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
LAST_MODIFIED = "Sun, 03 Jan 2027 12:00:00 GMT"


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    status: int = 200
    hang: bool = False  # never answer (until the server stops)
    redirect: str = ""
    validators: bool = True  # send ETag / Last-Modified and answer 304 to a matching conditional GET


class Publisher:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.answers: list[tuple[str, int]] = []  # (path, status) of every answer
        self.headers: list[dict[str, str]] = []
        self.released = threading.Event()
        self._lock = threading.Lock()
        publisher = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                publisher._serve(self)

            def log_message(self, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=lambda: self.server.serve_forever(poll_interval=0.05), daemon=True)

    def serve_file(self, path: str, name: str, content_type: str) -> None:
        body = (FIXTURES / name).read_bytes().replace(b"ARTICLE_BASE", self.base.encode())
        self.routes[path] = Route(body, content_type)

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        with self._lock:
            self.hits[path] += 1
            self.headers.append({k.lower(): v for k, v in handler.headers.items()})
        route = self.routes.get(path, Route(b"not found", status=404))
        if route.hang:
            self.released.wait()
            return
        if route.redirect:
            self._answer(handler, path, 302, b"", {"Location": route.redirect})
            return
        etag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
        extra = {"ETag": etag, "Last-Modified": LAST_MODIFIED} if route.validators and route.status == 200 else {}
        if extra and handler.headers.get("If-None-Match") == etag:
            self._answer(handler, path, 304, b"", extra)
            return
        body = route.body
        if "gzip" in handler.headers.get("Accept-Encoding", "") and route.status == 200:
            body = gzip.compress(body)
            extra["Content-Encoding"] = "gzip"
        self._answer(handler, path, route.status, body, {"Content-Type": route.content_type, **extra})

    def _answer(self, handler: BaseHTTPRequestHandler, path: str, status: int, body: bytes, headers: dict[str, str]) -> None:
        with self._lock:
            self.answers.append((path, status))
        handler.send_response(status)
        for key, value in headers.items():
            handler.send_header(key, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def statuses(self, path: str) -> list[int]:
        with self._lock:
            return [status for p, status in self.answers if p == path]

    def __enter__(self) -> Publisher:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()
