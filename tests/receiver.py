"""A loopback HTTP receiver for apprise ``json://`` channels: records every body, can answer 503."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class Receiver:
    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []
        self.arrivals: list[float] = []  # time.time() of each recorded message
        self.failing_until = 0.0  # time.time() before which requests get 503
        self.rejected = 0
        self.delay_seconds = 0.0  # answer this long after recording (a slow endpoint: sends stay in flight)
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                if time.time() < receiver.failing_until:
                    with receiver._lock:
                        receiver.rejected += 1
                    self.send_response(503)
                    self.end_headers()
                    return
                with receiver._lock:
                    receiver.messages.append(json.loads(raw))
                    receiver.arrivals.append(time.time())
                if receiver.delay_seconds:
                    time.sleep(receiver.delay_seconds)
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = int(self.server.server_address[1])
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"json://127.0.0.1:{self.port}/hook"

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def titles(self) -> list[str]:
        with self._lock:
            return [str(m.get("title", "")) for m in self.messages]

    def wait_for(self, count: int, timeout: float = 20.0) -> list[dict[str, Any]]:
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self._lock:
                if len(self.messages) >= count:
                    return list(self.messages)
            time.sleep(0.05)
        with self._lock:
            return list(self.messages)
