"""An agency putting out a statistical release (issue 15, corpus 6 shape 2): "the Commerce Department
reports August retail sales", "the Federal Reserve reports on industrial production", "the department
releases three reports: durable goods …". The clause is a data release whoever reports it: read before
a company's "reports" (results) and before the central bank's name."""

from __future__ import annotations

import re

from .releases import releases_in

# Names of scheduled statistical releases (English), read after the agency's verb.
RELEASE_NAMES = (r"(?:retail sales|industrial production|housing starts|(?:existing |new |pending )?home sales|durable goods|"
                 r"current account|business inventories|housing market index|gross domestic product|GDP|personal income|"
                 r"consumer (?:prices|price index|credit|confidence|sentiment)|producer prices|jobless claims|trade (?:deficit|balance)|"
                 r"construction spending|factory orders|import prices|export prices|employment (?:report|data|numbers|figures)|payrolls)\b")
# the verb, then up to three words (a month, "its", "three reports:") before the release's name
AGENCY_RELEASE = r"\b(?:reports?|releases?|issues?|publish(?:es)?)\s+(?:on\s+)?(?:[\w:-]+\s+){0,3}?" + RELEASE_NAMES
# A statistics office as the subject of a release verb: whatever it puts out is data ("StatsCan releases
# March payroll employment, earnings and hours" is no company's results).
OFFICE_NAMES = (r"Statistics (?:Canada|Norway|Sweden|Netherlands|Korea|Indonesia|South Africa|New Zealand)|StatsCan|"
                r"Stats ?NZ|Eurostat|Office for National Statistics|ONS|Census Bureau|Bureau of Labor Statistics|BLS|"
                r"Bureau of Economic Analysis|BEA|Australian Bureau of Statistics|ABS|Destatis|INSEE|Istat")
STATS_OFFICE = (rf"\b(?P<office>{OFFICE_NAMES}|"
                r"(?:the )?statistic(?:s|al) (?:agency|office|bureau))[ \t]+(?:(?:will|is due to|is set to|is scheduled to)[ \t]+)?"
                r"(?:releases?|publish(?:es)?|reports?|issues?|puts? out)\b")

_OFFICE_RX = re.compile(STATS_OFFICE)
_COUNTRY = {"Statistics Canada": "Canada", "StatsCan": "Canada", "Stats NZ": "New Zealand", "StatsNZ": "New Zealand",
            "Statistics New Zealand": "New Zealand", "Eurostat": "Euro area", "Office for National Statistics": "UK",
            "ONS": "UK", "Census Bureau": "US", "Bureau of Labor Statistics": "US", "BLS": "US",
            "Bureau of Economic Analysis": "US", "BEA": "US", "Australian Bureau of Statistics": "Australia",
            "ABS": "Australia", "Destatis": "Germany", "INSEE": "France", "Istat": "Italy"}
# what starts another item of a list of releases: its period ("the 2031 first-quarter …", "March …")
_PERIOD = (r"(?:the\s+|its\s+)?(?:(?:19|20)\d{2}\b|(?:January|February|March|April|May|June|July|August|September|"
           r"October|November|December)\b|(?:first|second|third|fourth)[- ]quarter\b|monthly\b|quarterly\b|annual\b|weekly\b)")
_ITEM_BREAK = re.compile(rf",\s+(?:and\s+)?(?={_PERIOD})|\s+and\s+(?={_PERIOD})")
# the list runs to the sentence's end, or to a clock or day said after it
_LIST = re.compile(rf"{STATS_OFFICE}[ \t]+(?P<items>[^.;\n]{{1,400}}?)(?P<tail>[ \t]+(?:on|at|by)[ \t]+[^.;\n]{{0,120}})?(?P<end>[.;]|$)", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")
# words of an item that are no part of its name: its period and determiners
_QUALIFIER = re.compile(rf"^(?:{_PERIOD}\s*)+|\b(?:figures|numbers|data)\s*$", re.IGNORECASE)


def office_release_lists(text: str) -> str:
    """English text with a statistics office's list of releases, each with its own period ("On Tuesday,
    StatsCan releases the 2031 first-quarter travel account, March employment insurance figures and March
    payroll employment, earnings and hours."), said as one sentence per release with the sentence's lead
    and tail. Items without a period of their own ("payroll employment, earnings and hours") stay one."""
    if _OFFICE_RX.search(text) is None:  # (the office and its verb, as the list itself is found)
        return text

    def each(m: re.Match[str]) -> str:
        items = [i.strip() for i in _ITEM_BREAK.split(m["items"]) if i.strip()]
        line = m.string[max(m.string.rfind("\n", 0, m.start()) + 1, m.start() - 200):m.start()]
        lead = _SENTENCE_END.split(line)[-1]  # the sentence's own lead ("On Tuesday, "), not the sentence before
        if not 2 <= len(items) <= 8 or len(lead) > 80:  # (a list, and a lead, of a sentence's length)
            return m[0]
        verb = m[0][:m.start("items") - m.start()]
        tail, end = m["tail"] or "", m["end"] or "."
        first = f"{verb}{items[0]}{tail}{end}"
        return first + "".join(f" {lead}{verb}{item}{tail}{end}" for item in items[1:])
    return _LIST.sub(each, text)


def office_release_title(clause: str) -> str | None:
    """"Canada employment insurance" for "StatsCan releases March employment insurance figures": the office's
    country and what it releases, when a statistics office is the clause's subject and what it releases is
    not a release the gazetteer knows; else None."""
    m = _OFFICE_RX.search(clause)
    if m is None or releases_in(clause[m.end():]):  # a release the gazetteer knows is titled by its own name
        return None
    rest = re.split(r"[,.;:(]|\s+(?:on|at|by|for|which|that|expected|to show)\s+", clause[m.end():].strip(), maxsplit=1)[0]
    what = _QUALIFIER.sub("", _QUALIFIER.sub("", rest.strip())).strip()
    if not what or len(what.split()) > 8:
        return None
    country = _COUNTRY.get(m["office"], "")
    return f"{country} {what}".strip()


def office_release(clause: str, category: str) -> str | None:
    """A statistics office's release named by what it releases ("macro:canada employment insurance"), so two
    releases of one office on one day stay two events; None for any other clause."""
    title = office_release_title(clause) if category == "macro_data" else None
    return f"macro:{title.casefold()}" if title else None
