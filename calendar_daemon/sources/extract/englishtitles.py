"""English event titles: the kind of event and who, from the words of an English clause ("US CPI", "Acme results",
"Markets closed for Good Friday", "Personal Allowance rises"), never a copied sentence."""

from __future__ import annotations

import re

from . import classify as C
from .changewords import EXCHANGE_CLOSES
from .english import MONTH_WORD
from .places import place_code
from .vocabulary import Vocabulary

_EN_KEY = re.compile(r"FOMC|rate decision|CPI|PPI|GDP|payrolls|PMI|retail sales|jobless claims|earnings|IPO|"
                     r"lock-?up|auction|minutes|testimony|speech|speakers?|shutdown|tariffs?|conference|summit|results|"
                     r"[A-Z][a-z]+ Day holiday|holiday|statement|vote|(?:general|presidential|congressional|parliamentary|legislative|snap|local|regional|state|midterm|"
                     r"federal|primary|leadership|run-?off) elections?|referendum|hearing|AGM|EGM|meeting|product event|consumer price index|"
                     r"producer prices?|price index|inflation|jobs report|sales|"
                     r"(?:state |official )?visit|ex-dividend|employment (?:numbers|figures|data)|record date|register of members|"
                     r"dividend (?:payment|payable)|(?:final |interim )?dividends? (?:will be )?(?:paid|payable)", re.IGNORECASE)
_EN_KEY_WORDS = Vocabulary(_EN_KEY.pattern, _EN_KEY.flags)
_EN_LEAD = re.compile(r"^(?:(?:And|But|Then)\s+)?(?:(?:On|In|At|For|Elsewhere|Meanwhile|Also|Later|Next|This|Looking|Beyond|After|"
                      r"Before|Further|Overseas|Abroad|From|Starting|Beginning|As of)\b[^,]{0,40},\s*"
                      rf"(?:{MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,\s*)?|"  # "On Sunday, January 26, …"
                      r"[^,]{0,30}\b(?:later|earlier) on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s*)?"
                      r"(?:the\s+)?", re.IGNORECASE)
# The subject ends where the verb begins.
_EN_VERB = re.compile(r"\s+(?:is|are|was|were|will|would|releases?|reports?|publishes|posts|holds?|meets|has|have|"
                      r"due|follows?|following|set|scheduled|expected|ends|begins|starts|lists|prices|debuts|takes|comes|"
                      r"speaks|testifies|announces?|unveils?|gets|lands?|to)\b|,")
_EN_NAME = {"central_bank": "policy decision", "macro_data": "data release", "bond": "bond auction",
            "other": "market event", "corporate": "corporate event", "policy": "policy change", "ipo": "IPO",
            "lockup": "lock-up expiry", "liquidity": "liquidity operation", "legal": "court date"}
NO_KIND_EN = _EN_NAME["other"]  # the words of an English title that found no kind of event ("US market event")


# A calendar list's day heading that was put in front of its items ("Tuesday 12/8", "Monday, Dec. 7").
_EN_DAY_PREFIX = re.compile(r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s*|(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d))(?:\d{1,2}/\d{1,2}|"
                            r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4}(?!\d))?|"
                            r"\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?|"
                            r"\d{1,2}(?:st|nd|rd|th)\s*[–—-](?!\s*\d))?[,:]?\s*")  # ("Tuesday 9th – (Trading Update) …")
_EN_ITEM = re.compile(r"\s*\([^()]*\)|\.\s*$")


# a clock before a row ("8:30 AM ET", "07:30 GMT: Sweden: …")
_EN_CLOCK_PREFIX = re.compile(r"^[-–•|\s]*\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?\s*)?(?:ET|EST|EDT|CT|CDT|PT|PDT|GMT|UTC|BST|CET|CEST|JST|HKT|SGT)?\b:?\s*")
_BRACKET_LABEL = re.compile(r"^\(([A-Za-z][A-Za-z/ -]{2,30})\)\s*(?=[A-Z])")
_EN_NAMED_ITEM = re.compile(r"([A-Z][^:,.;]{2,60}?)\s*:\s")


# A diary's section label before what it lists ("Finals: Acme, Bolt", "Trading update: Crane"): the names are the
# subject, the label what they publish. A statistics office before its release ("ONS: Latest unemployment figures").
_EN_SECTIONS = {"finals": "final results", "final": "final results", "interims": "interim results", "interim": "interim results",
                "results": "results", "trading update": "trading update", "trading updates": "trading updates",
                "trading statement": "trading statement", "trading statements": "trading statements",
                "half/quarterly": "half-year or quarterly results"}
_EN_OFFICES = ("ONS", "BLS", "BEA", "Eurostat", "Destatis", "INSEE", "ISTAT", "ABS", "StatCan", "Statistics Canada", "NBS", "CSO")
_EN_ROW_END = re.compile(r"[.;(]|\s+-\s")


def _en_section_row(label: str, rest: str) -> str:
    """"Finals: Acme, Bolt." -> "Acme, Bolt final results"; "ONS: Latest unemployment figures." -> "ONS latest
    unemployment figures"; "" for any other label."""
    listed = _EN_ROW_END.split(rest, maxsplit=1)[0].strip()
    if len(listed.split()) > 8 and len(names := listed.split(", ")) > 2:  # a long row: its first names stand for it
        listed = f"{names[0]}, {names[1]} and others" if len(names[0] + names[1]) <= 24 else f"{names[0]} and others"
    if not listed or len(listed.split()) > 8:
        return ""
    if (kind := _EN_SECTIONS.get(label.lower())) is not None:
        return f"{listed} {kind}"
    if label not in _EN_OFFICES:
        return ""
    return f"{label} {listed[:1].lower()}{listed[1:]}" if listed[1:2].islower() else f"{label} {listed}"  # (not "gDP")


def _placed_item(place: str, rest: str) -> str:
    """"Germany: Bavaria CPI, % m/m (y/y) Sep Prev 0.1": a calendar row's place, then its release -> "Germany Bavaria
    CPI"; "" when what follows the place is no short name."""
    item = _EN_ROW_END.split(rest.split(",", 1)[0], maxsplit=1)[0].strip()
    if not item or len(item.split()) > 5:
        return ""
    return f"{place} {item}"


def _en_item(clause: str) -> str:
    """A calendar list item without a verb names itself: "German industrial production (2 AM ET)"."""
    text = _EN_LEAD.sub("", _EN_CLOCK_PREFIX.sub("", _EN_DAY_PREFIX.sub("", clause.strip(), count=1), count=1), count=1)
    text = _BRACKET_LABEL.sub(r"\1: ", text, count=1)  # "(Trading Update) Acme, Bolt" is "Trading Update: Acme, Bolt"
    if (head := _EN_NAMED_ITEM.match(text)) and len(head[1].split()) <= 6:  # "Name: one-line description"
        if place_code(head[1].strip()) is not None and (released := _placed_item(head[1].strip(), text[head.end():])):
            return released
        return _en_section_row(head[1].strip(), text[head.end():]) or head[1].strip()
    if _EN_VERB.search(text):
        return ""
    item = _EN_ITEM.sub("", text).strip(" -–•*")
    return item if 0 < len(item.split()) <= 6 and re.match(r"[A-Za-z]|(?:19|20)\d\d [A-Z]", item) else ""


# Subjects that name nothing an event could be titled by: "It is gearing up to be a busy week", "The action begins"
_EN_EMPTY_SUBJECT = re.compile(r"(?:it|this|that|there|they|we|you|(?:the |this |next |a )?(?:busy )?week|(?:the )?action|"
                               r"(?:the )?(?:momentum|pace|day|focus|spotlight|attention))$", re.IGNORECASE)


# a rule that changes from a day on: "From July 1, Queensland will ban single-use plastic bags"
_EN_CHANGE = re.compile(r"\b(?:will|to) (?:(?P<verb>ban|rise|increase|decrease|fall|drop|replace|change)|be (?P<done>banned|cut|raised|"
                        r"increased|reduced|replaced|abolished|introduced))\b(?P<what>(?: (?:\d+(?:\.\d+)?|[^ .;]+)){0,5})")
_EN_BUYBACK = re.compile(r"\bbuybacks? of [^.;,]{0,40}?\b(?:Treasuries|bonds|notes|gilts)\b")
_EN_SETTLE = re.compile(r"\bwill (?:also )?settle\b")
_EN_THE = re.compile(r"^the\s+", re.IGNORECASE)
_EN_LOOSE_END = re.compile(r"(?:,|\s+(?:from|to|for|the|a|an|of|in|on|and|by|at))+$", re.IGNORECASE)


def _en_change(text: str, plural: bool) -> str:
    """"bans single-use plastic bags" of "… will ban single-use plastic bags from major retailers" (with a
    ``plural`` subject, "ban …"); "" for no change."""
    if (m := _EN_CHANGE.search(text)) is None:
        return ""
    verb = m["done"] or (m["verb"] if plural else f"{m['verb']}s")
    return _EN_LOOSE_END.sub("", f"{verb}{m['what']}")


# what a rule that applies from a day is: the noun phrase before "will be applicable from", cut before its qualifiers
_EN_APPLIES = re.compile(r"(?:^|[.;:,]\s*)(?P<what>(?:the |new |revised )[^.;:,(]{3,60}?)(?:\s*\([^)]*\))?(?:\s+(?:under|for|on)\s+[^.;:]{0,80}?)?"
                         r"\s+(?:will\s+)?(?:be\s+)?(?:applicable|in force|comes? into (?:force|effect))\b", re.IGNORECASE)
_EN_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,30}:\s+")  # "KUALA LUMPUR: Bursa Malaysia …"


def _en_subject(clause: str) -> str:
    text = _EN_LEAD.sub("", _EN_DAY_PREFIX.sub("", _EN_DATELINE.sub("", clause.strip(), count=1), count=1), count=1)
    m = _EN_VERB.search(text)
    np = text[:m.start()] if m else ""
    words = np.split()
    if not words or len(words) > 6 or not re.match(r"[A-Za-z0-9$]", np) or _EN_EMPTY_SUBJECT.match(np.strip()):
        return ""
    return np.replace("\u2019s", "").replace("'s", "")


_EN_HEAR = re.compile(r"\bhear from (?P<who>[A-Z]\w*(?: [A-Z]\w*){0,3})")
_EN_CLOSED = re.compile(r"\b(?:closed|close early|shut)\b|\bmarkets (?:will )?close (?:on|for)\b|" + EXCHANGE_CLOSES, re.IGNORECASE)
_EN_CLOSING = re.compile(r"(?P<early>\bclose[sd]? (?:early\b|at \d)|\bearly clos\w*|\b(?:trading|market) ceases\b|\bhalf[- ]day\b)|"
                         r"\bclosed\b|\bclosure\b|\bmarkets (?:will )?close (?:on|for)\b", re.IGNORECASE)
_EN_BOND_MARKET = re.compile(r"\bbond markets?\b|\bSIFMA\b|\bfixed[- ]income\b", re.IGNORECASE)
_EN_CLOSED_FOR = re.compile(r"\bclosed for (?P<name>[A-Z][\w'’. ]{2,40}?) on\b")


# a step of an offer's timetable as offertimetables.py writes it: "Record date: rights issue step due on …"
_EN_STEP = re.compile(r"(?P<step>(?:[^:.]|\.(?=\S)){3,160}): (?P<kind>rights issue|offer|ipo) step due on\b")


def title_en(clause: str, category: str, region: str, entities: list[str], sentence: str = "") -> str:
    """The English title of a candidate of ``category`` read in ``clause`` (of ``sentence``)."""
    if " step due on " in (sentence or clause) and (step := _EN_STEP.search(sentence or clause)):
        kind = "IPO" if step["kind"] == "ipo" else step["kind"].capitalize()
        return f"{kind}: {step['step'].strip()}"
    keys: list[str] = []
    for m in _EN_KEY.finditer(clause):
        if m.group().lower() not in (k.lower() for k in keys):
            keys.append(m.group())
    np = _en_subject(clause)
    what = " / ".join(keys[:2]) or _EN_NAME.get(category, category.replace("_", " "))
    if not keys and (heard := _EN_HEAR.search(clause)):  # "At 1530 GMT we also hear from ECB President Lagarde"
        return f"{heard['who']} speech"
    early = (closing := _EN_CLOSING.search(clause)) is not None and bool(closing["early"])
    if category == "other" and np and _EN_CLOSED.search(clause):  # "U.S. stock markets will be closed on …"
        if _EN_CLOSED.search(np):  # "Markets closed for Harvest Day on Friday": the subject says it already
            return np.split(" on ")[0]
        return f"{np[:1].upper()}{np[1:]} {'early close' if early else 'closed'}"  # ("The bond market will close early …")
    if category == "other" and not keys and closing is not None:  # "11/24/16 Thanksgiving Closed"
        holiday = _EN_CLOSED_FOR.search(clause)
        market = "bond market" if _EN_BOND_MARKET.search(clause) else "market"  # "an early close for U.S. bond markets"
        return f"{region} {market} {'early close' if early else 'closed'}" + (f" for {holiday['name']}" if holiday else "")
    if category == "bond" and (buyback := _EN_BUYBACK.search(clause)):  # "Buyback of 20-year to 30-year Treasuries"
        return buyback[0][:1].upper() + buyback[0][1:]
    if category == "bond" and np and _EN_SETTLE.search(clause):  # "The 2-year and 5-year notes will settle on June 2"
        return f"{_EN_THE.sub('', np)} settlement"
    if category == "policy" and np and _EN_CHANGE.search(clause) and (change := _en_change(sentence or clause, " and " in np)):
        title = f"{_EN_THE.sub('', np)} {change}"  # ("Queensland and Western Australia ban single-use plastic bags")
    elif category == "policy" and (applies := _EN_APPLIES.search(C.around(clause, sentence) if sentence else clause)):  # "The new rates … will be applicable from"
        head = applies["what"].split(" of ")[0].rstrip()  # "rates" of "new rates of Tax Collection at Source"
        title = f"{_EN_THE.sub('', applies['what'].strip())} take{'' if head.endswith('s') else 's'} effect"
    elif item := _en_item(clause):
        title = item
    elif entities and category in ("earnings", "ipo", "lockup") and not any(e in np for e in entities):
        title = f"{', '.join(entities[:2])} {what}"
    elif np and (_EN_KEY_WORDS.found(np) or not keys):
        title = np if _EN_KEY_WORDS.found(np) or what.lower() in np.lower() else f"{np} {what}"
    elif np and not any(np.lower() in k.lower() for k in keys):
        title = f"{np} {keys[0]}"
    else:
        who = ", ".join(entities[:2])
        title = f"{who} {what}" if who else f"{region} {what}"
    return title[:1].upper() + title[1:]
