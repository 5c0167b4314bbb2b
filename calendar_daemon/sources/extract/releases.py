"""The gazetteer's recurring releases as one pattern over normalised text: which releases a clause
names, so a release named without a verb ("将先后迎来官方 PMI 与财新 PMI 两组数据") is still an event,
with its category, region, importance and a clean title."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache, lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from calendar_daemon.domain.gazetteer import Release, load_gazetteer

from .banknames import each_bank_en
from .candidate import Candidate
from .normalize import to_simplified
from .places import places_before, zh_place_code
from .regions import region_of
from .vocabulary import led_by

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Named:
    """A release named in a text."""

    start: int
    end: int
    release: Release
    text: str  # the name as written
    place: str | None = None  # the region the clause puts before a release that names none ("英国9月PMI")


@lru_cache(maxsize=4096)
def _key(name: str) -> str:
    """The form a name is looked up in: Simplified, lower case, one space between words and none
    next to Chinese characters."""
    name = re.sub(r"\s+", " ", to_simplified(name).strip()).casefold()
    return re.sub(r"(?<=[\u4e00-\u9fff]) | (?=[\u4e00-\u9fff])", "", name)


def _atoms(key: str) -> list[str]:
    """``key`` as regex atoms: a space between words is any run of spaces (or a hyphen), and Chinese next to Latin
    letters may have a space between ("官方 PMI"); a name ending in a letter ends a word."""
    atoms: list[str] = []
    for i, ch in enumerate(key):
        if ch == " ":
            atoms.append(r"(?:\s+|-)")  # "consumer-price index", "existing-home sales": a hyphen joins words too
            continue
        if i and key[i - 1] != " " and (_is_cjk(ch) != _is_cjk(key[i - 1])):
            atoms.append(r"\s?")
        atoms.append(re.escape(ch))
    if key[-1:].isascii() and key[-1:].isalpha():
        atoms.append(r"(?![A-Za-z])")
    return atoms


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _trie_pattern(keys: list[str]) -> str:
    """One pattern for many names, factored by shared prefixes (fast to scan; longest name first)."""
    trie: dict[str, Any] = {}
    for key in keys:
        node = trie
        for atom in _atoms(key):
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [atom + emit(child) for atom, child in node.items() if atom]
        if "" in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return r"(?<![A-Za-z])" + emit(trie)


@cache
def _index() -> tuple[re.Pattern[str], dict[str, Release]]:
    table: dict[str, Release] = {}
    for release in load_gazetteer().releases:
        for lang in ("en", "zh", "zh_hant"):
            for name in release.names[lang]:
                table.setdefault(_key(name), release)  # the first, most specific entry keeps a shared name
    first = "".join(sorted({re.escape(key[0]) for key in table}))  # what a name begins with, for led_by
    return led_by(first, _trie_pattern(sorted(table, key=len, reverse=True)), re.IGNORECASE), table


_SPACES = re.compile(r"\s+")


@cache
def _minutes_index() -> tuple[re.Pattern[str], dict[str, Release]]:
    """A bank's minutes named with the meeting's month (or a gloss) inside: "美联储12月会议纪要", "某会(Fed)10月会议纪要"."""
    banks = {name[:-4]: r for r in load_gazetteer().releases for name in r.names["zh"]
             if name.endswith("会议纪要") and len(name) > 4}
    alt = "|".join(re.escape(b) for b in sorted(banks, key=len, reverse=True))
    return re.compile(rf"(?P<bank>{alt})\s*(?:\([A-Za-z]{{2,6}}\))?\s*\d{{1,2}}\s*月份?\s*(?:货币政策|议息)?会议纪要"), banks


def releases_in(text: str) -> list[Named]:
    """The releases ``text`` names, in text order, longest names first where they overlap."""
    rx, table = _index()
    out = []
    simplified = to_simplified(text)  # one to one: positions stay those of ``text``
    for m in rx.finditer(simplified):
        release = (table.get(_key(_SPACES.sub(" ", m[0]))) or table.get(_key(_SPACES.sub("", m[0])))
                   or table.get(_key(m[0].replace("-", " "))))
        if release is not None:
            out.append(Named(m.start(), m.end(), release, m[0]))
    if "会议纪要" in simplified:
        minutes, banks = _minutes_index()
        for m in minutes.finditer(simplified):
            out = [n for n in out if not m.start() <= n.start < m.end()]
            out.append(Named(m.start(), m.end(), banks[m["bank"]], m[0]))
        out.sort(key=lambda n: n.start)
    return out


def distinct(named: list[Named]) -> list[Named]:
    """One mention per release (the first); a generic name inside a specific one named too ("CPI"
    beside "美国CPI") adds nothing."""
    seen: dict[tuple[str, str | None], Named] = {}
    for n in named:
        seen.setdefault((n.release.id, n.place), n)
    if any(n.place for n in seen.values()):  # "英国PMI ... PMI": the placed mention is the release
        seen = {k: n for k, n in seen.items() if n.place or not any(o.release.id == n.release.id and o.place for o in seen.values())}
    specific = [n.text.casefold() for n in seen.values() if n.release.region]
    # (a placed one stays: "财新制造业PMI,欧元区、法国制造业PMI" is three)
    return [n for n in seen.values() if n.release.region or n.place or not any(n.text.casefold() in s for s in specific)]


def by_place(named: list[Named], text: str) -> list[Named]:
    """``named`` with a release that names no place read once per place listed before it:
    "欧元区与英国PMI" is the euro-zone PMI and the British one."""
    out: list[Named] = []
    floor = 0
    for n in named:
        codes = places_before(text, n.start, floor) if n.release.region is None else []
        out += [replace(n, place=code) for code in codes] or [n]
        floor = n.end
    return out


_OWN_DAY = re.compile(r"\s?\(\s?(\d{1,2}\s?日)")  # "ISM制造业PMI(2日)", "采购经理指数(2日,PMI)"


def placed_releases(clause: str, own: int | None = None) -> list[Named]:
    """The distinct releases ``clause`` names, one per place listed before a release that names
    none: "美国、日本PMI初值" is two. With ``own`` (where the clause's time starts): in a list giving each
    release its day in brackets ("A(2日)、B(4日)和C"), the release of that day, and those without a day of
    their own only with the list's first day."""
    named = distinct(by_place(releases_in(clause), to_simplified(clause)))
    if own is None or "日" not in clause:
        return named
    days = {n.start: d.start(1) for n in named if (d := _OWN_DAY.match(clause, n.end))}
    if len(days) < 2 or own not in days.values():
        return named
    first = min(days.values())
    return [n for n in named if days.get(n.start, first) == own]


def several(named: list[Named]) -> bool:
    """Whether a clause names several releases that are each an event: three or more, or two that are
    each a publisher's own ("官方PMI与财新PMI"), not one release's parts ("CPI和PPI")."""
    return len(named) >= 3 or (len(named) == 2 and all(n.release.region or n.place for n in named))


PLACE_ZONES = {"HK": "Asia/Hong_Kong", "TW": "Asia/Taipei"}  # local clocks of Traditional-Chinese articles
# Several releases in one clause ("同日，A、B、C亦会公布失业率、外汇储备及楼价指数") are one event each.
TITLE_HAS_VERB = re.compile(r"公布|发布|出炉|举行|召开|披露|开展|操作|\b(?:releases?|publish(?:es)?|reports?|announces?)\b", re.IGNORECASE)


AFTER = 10_000  # where a release named after its dated clause counts from (``continued``): past any clause


def each_release(c: Candidate, named: list[Named], zh: bool, inherited: bool = False, focus: bool = False,
                 clause: str = "") -> list[Candidate]:
    """The candidate, or one per release when the clause names several of them; ``inherited``: a body
    sentence's undated items, on the week or day the article previews; ``focus``: a week's list of what
    it holds, where a placed release and a generic one ("PMI…以及美国非农就业报告") are two; ``clause``:
    the English clause that names them, where two releases joined by "and" are two."""
    listed = focus and len(named) >= 2 and any(n.release.region or n.place for n in named)
    listed = listed or (not zh and _joined_pair(named, clause))
    # (a Chinese week's list of places before one release is one release each too: "本周欧元区、英国和美国将公布
    # PMI初值"; a week's list of indicators is the indicator-list reader's, which keeps each item's own words)
    dated = c.precision in ("date", "datetime") or (zh and c.precision == "week" and all(n.place for n in named))
    dated = dated or (c.precision == "week" and all(n.start >= AFTER for n in named))  # "…本周公布,其中包括A、B和C"
    if not (several(named) or listed) or (not dated and not inherited):  # a headline's "next week" lists
        return [c]
    out: list[Candidate] = []
    for i, n in enumerate(named):  # (a release listed after its dated clause goes on in the place before it)
        carried = named[i - 1].place if i and n.start >= AFTER and named[i - 1].start >= AFTER else None
        region = n.place or n.release.region or carried or c.region
        at = _own_clock(c, clause, n, named[i + 1].start if i + 1 < len(named) else len(clause)) if clause else c.start
        out.append(replace(c, start=at, title=release_title(n, region, zh), category=n.release.category, region=region,
                           importance=n.release.importance,
                           entities=[*c.entities[:1 if n.release.category == c.category else 0], n.text],
                           mentions=[], release=n.release.id))
    return out



_REGION_ZH = {"CN": "中国", "US": "美国", "HK": "香港", "TW": "台湾", "EU": "欧元区", "JP": "日本", "GB": "英国",
              "CA": "加拿大", "AU": "澳大利亚", "NZ": "新西兰", "CH": "瑞士", "KR": "韩国", "IN": "印度", "DE": "德国", "FR": "法国"}
_REGION_EN = {"CN": "China", "US": "US", "HK": "Hong Kong", "TW": "Taiwan", "EU": "Euro zone", "JP": "Japan",
              "GB": "UK", "CA": "Canada", "AU": "Australia", "NZ": "New Zealand", "CH": "Swiss", "KR": "Korea",
              "IN": "India", "DE": "Germany", "FR": "France"}


# "the consumer price index and housing starts": two releases with only "and" (or a comma) between them (the
# first may name its country: "foreign trade from Poland and wholesale prices from Austria")
# (the second release may carry its period or place first: "the jobs report, Q3 GDP", "… and October retail sales")
_AND = re.compile(r"(?:\s+(?:from|in|for)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?(?:,?\s+(?:and|&|as well as)\s+|,\s+)(?:the\s+|a\s+)?"
                  r"(?:(?:Q[1-4]|H[12]|[A-Z][a-z]+|\d{4})\s+)?")


def _joined_pair(named: list[Named], clause: str) -> bool:
    if len(named) != 2 or named[0].release.id == named[1].release.id or named[0].end > named[1].start:
        return False
    a, b = named
    return clause[a.start:a.end] == a.text and clause[b.start:b.end] == b.text and bool(_AND.fullmatch(clause, a.end, b.start))


# "the Empire index at 8:30 a.m. ET and the NAHB index at 10 a.m. ET": each release's own clock after its name
_OWN_CLOCK = re.compile(r"[^,;]{0,30}?\bat\s+(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?m\b\.?"
                        r"(?:\s*(?P<z>[A-Z]{2,4})\b)?", re.IGNORECASE)
_EASTERN = ("ET", "EDT", "EST")


def _own_clock(c: Candidate, clause: str, n: Named, until: int) -> str:
    """The start of the release ``n`` of a timed candidate: the clock written after its name, if any."""
    m = _OWN_CLOCK.match(clause, n.end, until)
    if c.precision != "datetime" or m is None or (m["z"] and not (m["z"] in _EASTERN and c.timezone == "America/New_York")):
        return c.start
    zone = ZoneInfo(c.timezone)
    day = datetime.fromisoformat(c.start).astimezone(zone)
    hour = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
    return datetime(day.year, day.month, day.day, hour, int(m["m"] or 0), tzinfo=zone).isoformat(timespec="minutes")


def release_title(named: Named, region: str, zh: bool) -> str:
    """"香港失业率", "China official PMI": the release's display name, with its region when the name does
    not carry one."""
    name = named.release.name("zh" if zh else "en")
    if named.release.region is not None and (not zh or named.release.category != "macro_data"):
        return name
    return with_region(name, region, zh)


def with_region(name: str, region: str, zh: bool) -> str:
    """``name`` with its region's name before it, unless it already holds it ("日本" + "失业率")."""
    prefix = (_REGION_ZH if zh else _REGION_EN).get(region, "")
    if not prefix or prefix.casefold() in name.casefold():
        return name
    return f"{prefix}{name}" if zh else f"{prefix} {name}"


def fill_from_release(category: str, importance: int, region: str, named: list[Named],
                      default_region: str) -> tuple[str, int, str]:
    """Category, importance and region completed from the release a clause names: the rules' words
    win where they say something ("other" says nothing, nor does the article's default region)."""
    if not named:
        return category, importance, region
    release = named[0].release
    if (category in ("other", "corporate", "policy") and release.category != "other") or (
            category == "earnings" and release.category == "macro_data" and release.region) or (
            release.region and category in ("central_bank", "macro_data", "liquidity", "conference")
            and not (category == "central_bank" and release.category == "conference")):
        category = release.category  # "Philly Fed index" names a data release, not the Fed
    # (a central banker speaking at a forum is the bank's event, not the forum's)
    if release.region and region == default_region:
        region = release.region
    return category, max(importance, release.importance if category == release.category else importance), region


# A list of releases each led by its place and month (issue 15, corpus 7 Chinese shape 6): "英国5月零售销售、
# 服务业产出、日本5月贸易收支、法国5月失业率等亦将出炉" is one release per place-led item (the items after
# one place's month, up to the next place, are that place's release), even where the gazetteer knows none of them.
_LED = re.compile(r"(?P<place>美国|中国|欧元区|德国|法国|英国|日本|加拿大|澳大利亚|澳洲|新西兰|瑞士|韩国|印度|香港|台湾)"
                  r"\s?(?:\d{1,2}|[一二三四五六七八九十]{1,2})月份?")
_END = re.compile(r"\s?(?:等|将|也将|亦将|均将|,|;|。|$)")


def each_placed_item(made: list[Candidate], clause: str) -> list[Candidate]:
    """``made`` (one candidate of the clause), or one candidate per place-led item of its list."""
    if len(made) != 1 or made[0].category != "macro_data" or "、" not in clause:
        return made
    leads = [m for m in _LED.finditer(clause) if m.start() == 0 or clause[m.start() - 1] in "、 ,"]
    if len(leads) < 2 or any(clause[b.start() - 1] != "、" for b in leads[1:]):
        return made
    c = made[0]
    out: list[Candidate] = []
    for i, m in enumerate(leads):
        stop = leads[i + 1].start() - 1 if i + 1 < len(leads) else (e.start() if (e := _END.search(clause, m.end())) else len(clause))
        item = clause[m.start():stop].strip("、 ")
        named = releases_in(item)
        release = next((n.release.id for n in named if n.release.region in (None, zh_place_code(m["place"]))), None)
        out.append(replace(c, title=item, region=zh_place_code(m["place"]) or c.region, entities=[item], mentions=[],
                           release=release or f"macro:{item}"))
    return out


# Two countries' releases in one clause: "Both Canada and the US release their employment numbers on Friday"
_TWO_PLACES = re.compile(r"\b(?:[Bb]oth\s+)?(?:the\s+)?(?P<a>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s+and\s+(?:the\s+)?"
                         r"(?P<b>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)(?:['’]s?)?\s")


_THEY_RELEASE = re.compile(r"(?:both\s+)?(?:will\s+)?(?:release|publish|report|post|put out)", re.IGNORECASE)


_PLACE = r"(?:the\s+)?[A-Z][\w.]*(?:\s[A-Z][\w.]*)?"
# "PMIs for service industries in Asia, Europe, the UK and USA": the places a release is out in, at the item's end
_IN_PLACES = re.compile(rf"\bin\s+(?P<places>{_PLACE}(?:,\s+{_PLACE})*,?\s+and\s+{_PLACE})\s*[.;]?\s*$")


def _each_place(c: Candidate, clause: str) -> list[Candidate] | None:
    """One data release per place an English item names it in ("… in Europe, the UK and USA"), or None."""
    m = _IN_PLACES.search(clause)
    if m is None:
        return None
    regions = list(dict.fromkeys(r for p in re.split(r",\s+(?:and\s+)?|\s+and\s+", m["places"]) if (r := region_of(p, default=""))))
    if len(regions) < 2 or any(r not in _REGION_EN for r in regions):
        return None
    noun = re.sub(rf"^(?:{'|'.join(map(re.escape, _REGION_EN.values()))})\s+", "", c.title)
    return [replace(c, region=r, title=f"{_REGION_EN[r]} {noun}", entities=list(c.entities), mentions=list(c.mentions),
                    release=f"{c.release or 'data'}:{r}") for r in regions]


def each_country_en(c: Candidate, clause: str) -> list[Candidate]:
    """One data release per country when an English clause names two before it, or the places it is out in
    ("… in Europe, the UK and USA"); one decision per central bank when it joins several (else just ``c``)."""
    if c.category == "central_bank":
        return each_bank_en(c)
    if c.category == "macro_data" and (placed := _each_place(c, clause)) is not None:
        return placed
    if c.category != "macro_data" or (m := _TWO_PLACES.search(clause)) is None:
        return [c]
    if not m[0].lower().startswith("both") and not _THEY_RELEASE.match(clause, m.end()):
        return [c]  # "China's data on exports to the US and Europe": the pair is not who releases
    a, b = region_of(m["a"], default=""), region_of(m["b"], default="")
    if not a or not b or a == b or not (a in _REGION_EN and b in _REGION_EN):
        return [c]
    noun = _TWO_PLACES.sub("", c.title, count=1).strip() or c.title
    return [replace(c, region=r, title=f"{_REGION_EN[r]} {noun}", entities=list(c.entities), mentions=list(c.mentions))
            for r in (a, b)]
