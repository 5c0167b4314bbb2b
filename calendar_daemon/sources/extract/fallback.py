"""Optional hook: try an external Chinese time parser for what the rules miss.

If the optional ``jionlp`` package is importable (extra ``zh``; not a core
dependency — it is large and pulls a GPL-3.0 package) its time parser is
consulted for expressions the rule layer cannot resolve.  Anything it
returns that does not fit our model is ignored.
"""

from __future__ import annotations

import importlib
import logging
from datetime import date, datetime
from typing import Any

from .resolved import Resolved
from .timematch import Anchor

logger = logging.getLogger(__name__)

_PARSER: Any = None
_TRIED = False


def _parser() -> Any:
    global _PARSER, _TRIED
    if not _TRIED:
        _TRIED = True
        try:
            _PARSER = importlib.import_module("jionlp")
        except ImportError:  # not installed: the rule layer stands alone
            logger.debug("optional time parser not available")
            _PARSER = None
    return _PARSER


def fallback_resolve(expr: str, anchor: Anchor) -> Resolved | None:
    mod = _parser()
    if mod is None:
        return None
    try:
        out = mod.parse_time(expr, time_base=anchor.published.timestamp())
        lo, hi = out["time"][0], out["time"][1]
        start = datetime.fromisoformat(lo).date()
        end = datetime.fromisoformat(hi).date()
    except Exception:
        logger.debug("fallback parser failed on %r", expr, exc_info=True)
        return None
    if not isinstance(start, date) or end < start:
        return None
    return Resolved(start, end, "date", kind="point", timezone=anchor.tz)
