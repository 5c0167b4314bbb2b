"""Keep secrets out of logs, errors, the ledger and ``check-config`` output."""

from __future__ import annotations

import ipaddress
import logging
import re
import threading
from urllib.parse import urlsplit

_lock = threading.Lock()
_SECRETS: set[str] = set()
_URL_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"<>]+")


def _public_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return "." in host and not any(ch.isdigit() for ch in host.split(".")[0][:1])


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


def redact(text: str) -> str:
    """Hide registered secrets and every URL's path, credentials and query in ``text``."""
    with _lock:
        secrets = sorted(_SECRETS, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, "***")
    return _URL_RE.sub(lambda m: redact_url(m.group(0)), text)


class RedactingFilter(logging.Filter):
    """Applied to apprise's logger so its messages never leak a token."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        return True


def install_log_filter() -> None:
    logger = logging.getLogger("apprise")
    if not any(isinstance(f, RedactingFilter) for f in logger.filters):
        logger.addFilter(RedactingFilter())
