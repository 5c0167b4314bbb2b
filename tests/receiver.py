"""A loopback HTTP receiver for apprise ``json://`` channels: records every body, can answer 503, slowly,
or not at all until released (requests to one path held open, so a sender can be caught mid-send)."""

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
        self.delay = 0.0  # seconds to wait, after recording a message, before answering 200
        self.paths: list[str] = []  # request path of each recorded message
        self.hold_path: str | None = None  # requests to this path are recorded, then left unanswered until release()
        self.held = 0  # requests held so far
        self._released = threading.Event()
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
                    receiver.paths.append(self.path)
                if receiver.hold_path is not None and self.path.split("?")[0] == receiver.hold_path:
                    with receiver._lock:
                        receiver.held += 1
                    receiver._released.wait(timeout=120)
                elif receiver.delay:
                    time.sleep(receiver.delay)
                try:
                    self.send_response(200)
                    self.end_headers()
                except OSError:  # the sender died while its request was held: nobody to answer
                    return

            def log_message(self, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = int(self.server.server_address[1])
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return self.url_for("hook")

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def url_for(self, path: str) -> str:
        """A channel URL posting to ``/path`` on this receiver (one per sender, to hold one sender's requests)."""
        return f"json://127.0.0.1:{self.port}/{path}"

    def hold(self, path: str) -> None:
        """Leave requests to ``/path`` unanswered from now on, until :meth:`release`."""
        self._released.clear()
        self.hold_path = "/" + path

    def release(self) -> None:
        self.hold_path = None
        self._released.set()

    def wait_held(self, timeout: float) -> bool:
        """Wait until some request is being held; False if none came within ``timeout`` seconds."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self._lock:
                if self.held:
                    return True
            time.sleep(0.05)
        return False

    def __exit__(self, *exc: object) -> None:
        self.release()
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
