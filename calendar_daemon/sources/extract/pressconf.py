"""Officials' appearances. Several officials named as speakers in one clause ("Governors Waller, Jefferson and
Barr speak on Monday", "理事甲、乙和丙将于周一发表讲话") give one speech each.

A press conference said after a central bank's decision or speech in the same sentence is an event of
its own: "A rate decision is expected at 1:45 p.m. CET and the governor holds a press conference half an
hour later", "The ECB decision on Thursday … the press conference which follows", "日本央行审议委员…发表演讲，
并召开新闻发布会". It is on the decision's day; at a clock when the text gives its distance from the
decision's ("half an hour later", "30分钟后"), else at date precision."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta

from .candidate import Candidate

_PRESS_EN = re.compile(r"\bpress conference\b|\bnews conference\b|\bmedia conference\b|\bpresser\b", re.IGNORECASE)
_PRESS_ZH = re.compile(r"新闻发布会|记者会|记者招待会")
# Said as a step of its own after the decision ("… and Powell holds a press conference", "the press conference
# which follows", "并召开新闻发布会"), not as the item itself ("12:45 GMT Lagarde's press conference", "Decision &
# Press Conference").
_OWN_STEP_EN = re.compile(r"\b(?:holds?|hold|gives?|will give|will hold|to hold|to give)\s+(?:a|an|his|her|the)\s+(?:\w+\s+)?$", re.IGNORECASE)
# "…, followed by a press conference": its own step only with its own clock (else the item's own name).
_FOLLOWED_BY = re.compile(r"\bfollowed by\s+(?:a|an|his|her|the)\s+(?:\w+\s+)?$", re.IGNORECASE)
# Its own clock said right after it, on the decision's day: "followed by a press conference with the chair at 2:30 p.m. ET".
_OWN_CLOCK_EN = re.compile(r"^[^.;:]{0,60}?\bat\s+(?P<h>1[0-2]|0?\d)(?::(?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\.?(?![a-z])", re.IGNORECASE)
_AT_CLOCK_EN = re.compile(r"^\s*at\s+(?:[01]?\d|2[0-3]):[0-5]\d\b")  # its own clock, as a diary writes it
_FOLLOWS_EN = re.compile(
    r"^\s*(?:which|that)?\s*(?:held\s+)?(?:follows|following|afterwards|after the (?:decision|announcement)|half an hour later|"
    r"(?:one|an) hour later|\d{1,2} minutes later)\b",
    re.IGNORECASE,
)
_SECOND = re.compile(r"\b(?:and|than|while|with|then)\b|[,;]", re.IGNORECASE)  # a second noun phrase, not the item's own
# "随后美联储主席将召开货币政策新闻发布会": the speaker may come between the step word and the verb, and the
# conference's own subject between the verb and the conference (a clock between them is the clock reader's).
_OWN_STEP_ZH = re.compile(r"(?:并|随后|之后|然后|会后|后|以及|同时)[^,，。;；\d]{0,14}?(?:将)?\s*(?:召开|举行|出席)[^,，。;；]{0,6}$")
# The press conference's own clock, counted from the decision: "half an hour later", "30 minutes after".
_LATER = re.compile(
    r"\b(?P<en>half an hour|(?P<hour>one hour|an hour)|(?P<n>\d{1,2}|thirty|fifteen|forty-five) minutes)\s+(?:later|after)\b|"
    r"(?P<zh>半小时|(?P<m>\d{1,2})分钟)后",
    re.IGNORECASE,
)
_DECISION_ZH = re.compile(r"利率决议|议息|决议|利率决定")
_VERB_ZH = re.compile(r"将|发表|出席|宣布|召开|公布|举行")  # where a Chinese title's subject ends
_WORDS = {"thirty": 30, "fifteen": 15, "forty-five": 45}
# Marks the press conference as an item of its own: it never merges into the decision of the same day.
PRESS_CONFERENCE = "press-conference"
# Within this many characters after the decision's date; a press conference further off is another item's.
REACH = 160


def _minutes(m: re.Match[str]) -> int:
    if m["hour"]:
        return 60
    if m["n"]:
        return int(m["n"]) if m["n"].isdigit() else _WORDS[m["n"].lower()]
    if m["m"]:
        return int(m["m"])
    return 30


def press_conference(c: Candidate, after: str, zh: bool) -> Candidate | None:
    """The press conference ``after`` (the text following ``c``'s date) says follows ``c``, if any."""
    if c.category != "central_bank" or c.precision not in ("date", "datetime"):
        return None
    after = after[:REACH]
    said = (_PRESS_ZH if zh else _PRESS_EN).search(after)
    if said is None or ((_PRESS_ZH.search(c.title) or _PRESS_EN.search(c.title))
                        and not (zh and _DECISION_ZH.search(c.title))):  # (the title may name both steps)
        return None
    before, rest = after[: said.start()], after[said.end() :]
    own = None if zh else _OWN_CLOCK_EN.match(rest)
    own_step = _OWN_STEP_ZH.search(before) if zh else (_OWN_STEP_EN.search(before) or (_SECOND.search(before) and _FOLLOWS_EN.match(rest))
                                                        or (own and _FOLLOWED_BY.search(before))
                                                        or (_SECOND.search(before) and _AT_CLOCK_EN.match(rest)))  # ", press conference at 18:30"
    if not own_step:
        return None
    subject = c.entities[0] if c.entities else (_VERB_ZH.split(c.title)[0] if zh else c.region)
    title = f"{subject}{said[0]}" if zh else f"{subject} press conference".strip()
    later = _LATER.search(after)
    if own is not None and c.precision == "datetime":
        hour = int(own["h"]) % 12 + (12 if own["ap"].lower() == "p" else 0)
        start = datetime.fromisoformat(c.start).replace(hour=hour, minute=int(own["m"] or 0)).isoformat(timespec="minutes")
        return replace(c, title=title, start=start, end=None, evidence=after[max(0, said.start() - 30): said.end() + own.end()].strip()[:60],
                       mentions=[], release=PRESS_CONFERENCE)
    if later is not None and c.precision == "datetime":
        start = (datetime.fromisoformat(c.start) + timedelta(minutes=_minutes(later))).isoformat(timespec="minutes")
        return replace(c, title=title, start=start, end=None, evidence=after[max(0, said.start() - 30) : later.end()].strip()[:60], mentions=[], release=PRESS_CONFERENCE)
    day = c.start[:10]
    return replace(
        c, title=title, start=day, end=day, precision="date", evidence=after[max(0, said.start() - 30) : said.end()].strip()[:60], mentions=[], release=PRESS_CONFERENCE
    )


_NAME_EN = r"(?:[A-Z][a-z]+\s)?[A-Z][a-z’'-]+"
# "Waller, Jefferson and Barr speak", "speeches by Waller, Jefferson and Barr"
_SPEAKERS_EN = re.compile(rf"(?P<names>{_NAME_EN}(?:,\s{_NAME_EN})*,?\s(?:and|&)\s{_NAME_EN})(?=\s+(?:(?:will|are (?:due|set|scheduled) to|to)\s+)?"
                          r"(?:speak|give speeches|deliver remarks|testify))|(?<=speeches by )(?P<after>"
                          rf"{_NAME_EN}(?:,\s{_NAME_EN})*,?\s(?:and|&)\s{_NAME_EN})")
_NAME_ZH = r"(?:(?!在|将|于|的|会|就)[\u4e00-\u9fffA-Za-z·. ]){2,24}?"
# "理事甲、乙和丙将于周一发表讲话": the names, then at most a day and a part of it before the verb
_SPEAKERS_ZH = re.compile(rf"(?P<names>{_NAME_ZH}(?:、{_NAME_ZH})*(?:和|及|与){_NAME_ZH})(?:将|计划|预计|分别)?(?:于|在)?"
                          r"(?:周[一二三四五六日]|\d{1,2}日|今[日天]|明[日天])?(?:晚间|上午|下午|晚上)?(?:发表讲话|发表演讲|讲话|演讲|致辞)")
_SPLIT = re.compile(r"\s*(?:,|、|\band\b|&|和|及|与)\s*")
SPEECH = "speech:"  # marks a speech by one named official: two of one day never merge


def each_speaker(c: Candidate, clause: str, zh: bool, item: str = "") -> list[Candidate]:
    """``c`` once per official the clause names as speakers (two or more), else ``[c]`` (as the one official's
    speech when the clause names one speaking, or the list ``item``, the clause without its date, is one)."""
    if c.category != "central_bank" or c.precision not in ("date", "datetime"):
        return [c]
    m = (_SPEAKERS_ZH if zh else _SPEAKERS_EN).search(clause)
    if m is not None and zh and "就" in clause[max(0, m.start() - 16) : m.start()]:  # "就经济前景与货币政策发表讲话": topics
        return [c]
    names = [n.strip() for n in _SPLIT.split(m["names"] or m["after"]) if n.strip()] if m else []
    if len(names) < 2:
        return [one_speaker(c, clause, zh, item)]
    return [_speech(c, name, zh) for name in names]


def _speech(c: Candidate, name: str, zh: bool) -> Candidate:
    key = name if zh else name.split()[-1]  # "Jerome Powell" and "Powell" are one speaker
    return replace(c, title=f"{name}讲话" if zh else f"{name} speech", entities=[name], mentions=[], release=f"{SPEECH}{key}")


_BANK_EN = r"(?:Fed|FED|FOMC|ECB|BoE|BOE|BoJ|BOJ|BoC|BOC|RBA|RBNZ|RBI|SNB|PBoC|PBOC|Riksbank|Norges Bank|Bundesbank)"
_ROLE_EN = (r"(?:(?:[Vv]ice |[Dd]eputy )?(?:[Cc]hair(?:man|woman)?|[Gg]overnor|[Pp]resident)|[Mm]ember|[Bb]oard [Mm]ember|"
            r"[Cc]hief [Ee]conomist|[Ee]xecutive [Bb]oard [Mm]ember)")
_PERSON_EN = (r"(?!(?:The|This|A|An|Bank|Fed|Board|Central|Reserve|Federal|Committee|Governor|President|Chair|Funds|"
              r"January|February|March|April|May|June|July|August|September|October|November|December|"
              r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)(?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
# the official's own bank in brackets after the name: "Rob Kaplan (Dallas FED) speaks", "(St. Louis Fed)"
_HIS_BANK = rf"(?:\((?:[A-Z][a-z]*\.?\s){{0,2}}{_BANK_EN}\)\s+)?"
# One official speaking: "FED member Raphael Bostic speaks", "Fed's Waller to speak", "Speech of RBA Governor Lowe",
# or a list item that is nothing but the official ("12:30 BST - RBA Governor Lowe", "FED member Loretta Mester").
_ONE_SPEAKER_EN = re.compile(
    rf"(?:(?:{_BANK_EN}(?:'s|’s)?\s+)?{_ROLE_EN}\s+|{_BANK_EN}(?:'s|’s)?\s+)?(?P<name>{_PERSON_EN})(?:'s|’s)?\s+{_HIS_BANK}"
    r"(?:[Ss]peaks|[Ss]peech|[Rr]emarks|[Tt]estifies|[Tt]estimony|[Ii]nterview|(?:will|to|is (?:due|set|scheduled) to) (?:speak|testify)"
    r"|(?:gives|delivers) (?:a |his |her )?speech)\b"
    rf"|\b[Ss]peech (?:of|by) (?:{_BANK_EN}(?:'s|’s)?\s+)?(?:{_ROLE_EN}\s+)?(?P<by>{_PERSON_EN})")
SPEAKER_ITEM_EN = re.compile(rf"(?:{_BANK_EN}(?:'s|’s)?\s+(?:{_ROLE_EN}\s+)?|{_ROLE_EN}\s+)(?P<name>{_PERSON_EN})")
# "美联储理事沃勒将于周一发表讲话", "欧洲央行行长拉加德在欧洲议会讲话"
_ONE_SPEAKER_ZH = re.compile(r"(?:副主席|主席|理事|副行长|行长|副总裁|总裁|审议委员|委员|官员)(?![将于在就对])"
                             r"(?P<name>(?:(?!出席|发表|参加|并|论坛|会议|表示)[\u4e00-\u9fff·]){2,8}?)"
                             r"(?=将|计划|预计|于|在|周|星期|今|明|本|下|\d|发表|讲话|演讲|致辞)(?:将|计划|预计)?(?:于|在)?[^,，。;；就]{0,14}?"
                             r"(?:发表讲话|发表演讲|讲话|演讲|致辞)")


_ITEM_EDGES = re.compile(r"^[\s\-–•:;,.]*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?)?[\s\-–•:;,.]*|[\s\-–•:;,.]+$")


def _speaker_item(rest: str) -> re.Match[str] | None:
    return SPEAKER_ITEM_EN.fullmatch(_ITEM_EDGES.sub("", rest))


def is_speaker_item(rest: str) -> bool:
    """Whether a list item, without its date and clock, is nothing but an official ("RBA Governor Lowe")."""
    return _speaker_item(rest) is not None


def one_speaker(c: Candidate, clause: str, zh: bool, item: str = "") -> Candidate:
    """``c`` as the speech of the one official its clause names speaking, else ``c``: two officials' speeches
    of one day stay two events."""
    m = (_ONE_SPEAKER_ZH if zh else _ONE_SPEAKER_EN).search(clause)
    if m is None and not zh:
        m = _speaker_item(item)
    if m is None:
        return c
    return _speech(c, (m["name"] or m.groupdict().get("by") or "").strip(), zh)
