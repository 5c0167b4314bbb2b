"""Keep secrets out of logs, errors, the ledger, the event page and ``check-config`` output: declared once.

:func:`redact` hides registered secrets (expanded ``${ENV}`` values, channel URLs), every URL's
credentials, path and query (``https://[redacted]@host/***``), ``token=`` values, bearer credentials
and ``Authorization:`` headers. :class:`RedactingFilter` applies it to log records;
:func:`install_log_redaction` attaches the filter to loggers and the root handlers.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import threading
from urllib.parse import urlsplit

_lock = threading.Lock()
_SECRETS: set[str] = set()
_URL_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"<>]+")
_CREDENTIAL_PATTERNS = (
    (re.compile(r"(?i)(token=)[^&\s\"']+"), r"\1[redacted]"),
    (re.compile(r"(?i)(bearer\s+)[^\s\"',]+"), r"\1[redacted]"),
    (re.compile(r"(?i)(authorization:\s*)[^\r\n]+"), r"\1[redacted]"),
    (re.compile(r"([a-z][a-z0-9+.-]*://)[^/\s@]+@"), r"\1[redacted]@"),
)


def _public_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        # Every label non-empty: apprise masks a secret host as ``h...z`` (its first and last character).
        labels = host.split(".")
        return len(labels) > 1 and all(labels) and not labels[0][:1].isdigit()


def redact_url(url: str) -> str:
    """Keep the scheme and a plain host name (or IP) and port; mask everything else.

    Tokens often sit in the host part (``dingtalk://TOKEN``, ``tgram://BOT:TOKEN``), so a host
    that does not look like a domain name or address is masked too.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return "***"
    if not parts.scheme:
        return "***"
    host = parts.hostname or ""
    shown = host if host and _public_host(host) else "***"
    try:
        port = parts.port
    except ValueError:
        port = None
    if port and shown != "***":
        shown += f":{port}"
    rest = "/***" if (parts.path.strip("/") or parts.query or parts.username) else ""
    return f"{parts.scheme}://{shown}{rest}"


def register_secret(value: str) -> None:
    """Remember a secret value (an expanded ``${ENV}`` or a channel URL) so :func:`redact` hides it."""
    if len(value) >= 4:
        with _lock:
            _SECRETS.add(value)


def register_expanded(value: str) -> None:
    """Remember a secret value (a channel URL, or one that came from the environment), and the pieces of
    it that a log line may show on their own: a token in a URL's host or path (``tgram://BOT:TOKEN/chat``;
    apprise logs the path of a failed request by itself). The scheme, a plain
    host or address and short path segments stay readable, so other URLs do not turn into ``***``."""
    register_secret(value)
    for piece in re.split(r"[/?&=#@]", value.split("://", 1)[-1]):
        host = piece.rsplit(":", 1)[0] if piece.count(":") == 1 else piece
        if len(piece) >= 8 and not _public_host(host):
            register_secret(piece)


def _mask_url(match: re.Match[str]) -> str:
    url = match.group(0)
    masked = redact_url(url)
    try:
        has_credentials = "@" in urlsplit(url).netloc
    except ValueError:
        return masked
    return masked.replace("://", "://[redacted]@", 1) if has_credentials and masked != "***" else masked


def redact(text: str, *, urls: bool = True) -> str:
    """Hide registered secrets, URL credentials, tokens and bearer credentials in ``text``.

    With ``urls`` (the default) every URL keeps only its scheme and plain host; without it URL paths
    stay readable (for log lines such as the feed's address) and only their credentials are hidden.
    """
    with _lock:
        secrets = sorted(_SECRETS, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, "***")
    if urls:
        text = _URL_RE.sub(_mask_url, text)
    for pattern, replacement in _CREDENTIAL_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """A logging filter that redacts the formatted message of each record (see :func:`redact`)."""

    def __init__(self, *, urls: bool = True) -> None:
        super().__init__()
        self.urls = urls

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message, urls=self.urls)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        return True


def install_log_redaction(*logger_names: str, root_handlers: bool = False, urls: bool = True) -> None:
    """Attach a :class:`RedactingFilter` to the named loggers, and to the root logger's handlers (idempotent).

    A filter on a logger sees only records logged through that very logger; one on the root handlers
    sees every record that reaches them.
    """
    targets: list[logging.Filterer] = list(logging.getLogger().handlers) if root_handlers else []
    targets += [logging.getLogger(name) for name in logger_names]
    for target in targets:
        if not any(isinstance(f, RedactingFilter) for f in target.filters):
            target.addFilter(RedactingFilter(urls=urls))
