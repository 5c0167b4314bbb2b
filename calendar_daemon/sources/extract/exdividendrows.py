"""Companies listed one a line under day headings on an ex-dividend page (issue 15, corpus 13 English):

    Stocks Going Ex-Dividend This Week
    Thursday, August 2
    Acme Stores (ACME)
    Bluegum Foods (BLUE)
    quarterly
    $0.37

Each day's companies go ex-dividend on that day; the heading and its company lines are rewritten as one
sentence the day reader and the corporate rules take ("Thursday, August 2: Acme Stores (ACME), Bluegum Foods
(BLUE) go ex-dividend."). The rows are read only on a page that names going ex-dividend, and a company line is
a capitalised name with its ticker in brackets; the other cells (frequency, amount, yield) are left as they are."""

from __future__ import annotations

import re

from .enwords import MONTH_NAMES

_DAY = re.compile(r"^[ \t]*(?:Mon|Tues|Wednes|Thurs|Fri)day,?\s+(?:" + "|".join(m[:3] for m in MONTH_NAMES) + r")[a-z]*\.?"
                  r"\s+\d{1,2}(?:,\s+\d{4})?[ \t]*$")
_COMPANY = re.compile(r"^[ \t]*(?P<name>[A-Z][\w&'.\-]*(?:\s+[A-Z0-9&][\w&'.\-]*){0,5})\s*\((?P<ticker>[A-Z][A-Z.]{0,5})\)[ \t]*$")
_PAGE = re.compile(r"\bex-?dividend\b", re.IGNORECASE)
_MAX_COMPANIES = 40


def ex_dividend_days(text: str) -> str:
    """The text with each day heading of an ex-dividend page and the company lines under it as one sentence."""
    if not _PAGE.search(text[:2000]):
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _DAY.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        names: list[str] = []
        while j < len(lines) and len(names) < _MAX_COMPANIES and (m := _COMPANY.match(lines[j])):
            names.append(f"{m['name']} ({m['ticker']})")
            j += 1
        if names:
            out.append(f"{lines[i].strip()}: {', '.join(names)} {'goes' if len(names) == 1 else 'go'} ex-dividend.")
        else:
            out.append(lines[i])
        i = max(j, i + 1)
    return "\n".join(out)
