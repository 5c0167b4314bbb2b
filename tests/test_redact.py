"""Secret redaction, declared once in ops/redact.py: the union of what alerts and the web used to hide."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import apprise
import pytest

from calendar_daemon.alerts.delivery.notifier import AppriseNotifier, SendError, quiet_apprise_here, resolve_channels
from calendar_daemon.config.settings import load_config
from calendar_daemon.ops import redact as redact_module
from calendar_daemon.ops.redact import RedactingFilter, install_log_redaction, redact, redact_url, register_secret
from tests.alerting import make_config
from tests.receiver import Receiver


def test_urls_keep_only_scheme_and_plain_host_and_mark_credentials() -> None:
    text = "POST https://user:hunter2secret@hooks.example/x?token=abcdef123 failed: 500"
    assert redact(text) == "POST https://[redacted]@hooks.example/*** failed: 500"
    assert redact("sent to dingtalk://a1b2c3d4a1b2c3d4/ and json://127.0.0.1:9/hook") == "sent to dingtalk://*** and json://127.0.0.1:9/***"
    assert redact_url("json://127.0.0.1:9/hook") == "json://127.0.0.1:9/***"


def test_tokens_bearer_credentials_and_authorization_headers() -> None:
    assert redact("GET /feeds/desk.ics?token=s3cr3tvalue HTTP/1.1") == "GET /feeds/desk.ics?token=[redacted] HTTP/1.1"
    assert redact("sent Bearer abcdef0123456789, retrying") == "sent Bearer [redacted], retrying"
    assert redact("Authorization: Basic dXNlcjpwYXNz") == "Authorization: [redacted]"


def test_registered_secrets_are_hidden_everywhere() -> None:
    register_secret("env-secret-for-redaction-test")
    assert redact("value env-secret-for-redaction-test in a message") == "value *** in a message"
    assert redact("value env-secret-for-redaction-test", urls=False) == "value ***"


def test_log_lines_keep_url_paths_but_not_credentials() -> None:
    line = "serving the feed at http://127.0.0.1:8080/calendar.ics; hook https://u:pw@hooks.example/x?token=abc"
    assert redact(line, urls=False) == (
        "serving the feed at http://127.0.0.1:8080/calendar.ics; hook https://[redacted]@hooks.example/x?token=[redacted]"
    )


def test_filter_rewrites_only_records_that_hold_a_secret(caplog: pytest.LogCaptureFixture) -> None:
    plain = logging.LogRecord("x", logging.INFO, __file__, 1, "hello %s", ("world",), None)
    assert RedactingFilter().filter(plain) and plain.msg == "hello %s" and plain.args == ("world",)
    secret = logging.LogRecord("x", logging.INFO, __file__, 1, "calling %s", ("https://h.example/p?token=abc",), None)
    assert RedactingFilter().filter(secret) and secret.getMessage() == "calling https://h.example/***"
    install_log_redaction("test.redaction")
    install_log_redaction("test.redaction")
    logger = logging.getLogger("test.redaction")
    assert sum(isinstance(f, RedactingFilter) for f in logger.filters) == 1
    with caplog.at_level(logging.INFO, logger="test.redaction"):
        logger.info("token=%s", "abcdef123456")
    assert "abcdef123456" not in caplog.text and "token=[redacted]" in caplog.text


def test_a_channel_url_from_the_environment_hides_its_token_but_not_every_other_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A URL wholly in ``${ENV}`` (``json://127.0.0.1:9/…``) once made ``json:`` and ``127.0.0.1:9`` secrets,
    so every later URL of the process read ``***//***``; only what is secret in it is hidden now."""
    monkeypatch.setattr(redact_module, "_SECRETS", set())  # what this test registers stays in this test
    monkeypatch.setenv("REDACT_TEST_HOOK", "tgram://123456789:AAbbCCddEEff-secret-token/4242")
    monkeypatch.setenv("REDACT_TEST_LOCAL", "json://127.0.0.1:9/hook")
    config = tmp_path / "calendar-daemon.toml"
    config.write_text(
        '[[channels]]\nname = "tg"\nurl = "${REDACT_TEST_HOOK}"\n\n[[channels]]\nname = "local"\nurl = "${REDACT_TEST_LOCAL}"\n',
        encoding="utf-8",
    )
    resolve_channels(load_config(str(config)))
    assert "AAbbCCddEEff-secret-token" not in redact("bot 123456789:AAbbCCddEEff-secret-token said no", urls=False)
    assert redact("serving the feed at json://127.0.0.1:9/calendar.ics", urls=False) == "serving the feed at json://127.0.0.1:9/calendar.ics"
    assert redact("POST json://127.0.0.1:8000/other") == "POST json://127.0.0.1:8000/***"


TOKEN = "Zq9xW7vBk2PmQ4tYh8Rj"


def _pieces(secret: str) -> list[str]:
    return [secret[i : i + 4] for i in range(len(secret) - 3)]


def test_apprise_logs_no_part_of_a_channel_secret(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """apprise logs at TRACE/DEBUG the URL it posts to and the path of a failed request, and on a bad
    URL its first and last characters (``notascheme://h...z``): none of it reaches the log."""
    monkeypatch.setattr(redact_module, "_SECRETS", set())
    with Receiver() as hook, caplog.at_level(1):  # apprise's TRACE and DEBUG lines too
        config = make_config([{"name": "hook", "url": f"json://127.0.0.1:{hook.port}/{TOKEN}"}],
                             [{"name": "all", "channels": ["hook"], "before": ["1h"]}])  # fmt: skip
        notifier = AppriseNotifier(resolve_channels(config), timeout=5)
        hook.failing_until = time.time() + 60
        with pytest.raises(SendError):
            notifier.send("hook", "title", "body")
        hook.failing_until = 0
        notifier.send("hook", "title", "body")
        assert apprise.Apprise.instantiate(f"notascheme://h{TOKEN}z") is None  # outside a check: logged, redacted
        assert len(hook.messages) == 1
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "JSON POST URL" in logged and "Unparseable URL notascheme://***" in logged  # apprise did log them
    assert [piece for piece in _pieces(TOKEN) if piece in logged] == []
    assert "h...z" not in logged


def test_checking_a_channel_hides_apprise_lines_of_that_thread_only(caplog: pytest.LogCaptureFixture) -> None:
    """While one thread checks channel URLs, apprise's level stays as it was and other threads' lines
    (a send failing at that moment) are still logged."""
    log = logging.getLogger("apprise")
    level = log.level
    with caplog.at_level(logging.WARNING, logger="apprise"), quiet_apprise_here():
        assert log.level == logging.WARNING
        log.error("from the checking thread")
        other = threading.Thread(target=lambda: log.error("from a send thread"))
        other.start()
        other.join()
    log.error("after the check")
    assert [r.getMessage() for r in caplog.records if r.name == "apprise"] == ["from a send thread", "after the check"]
    assert log.level == level
