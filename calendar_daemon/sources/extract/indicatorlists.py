"""A clause that lists several indicators one after another is one release each (issue 15: "clause-level
attachment of a date to every release named in the clause"), whether or not the gazetteer knows them:

    其他数据还包括7月某国消费者信心指数、ADP就业数据、某地PMI、成屋待完成销售和某机构制造业PMI终值
    某国下周还会发布5月失业率、工业产出、零售销售和6月服务业PMI初值

Each item of the list is an indicator when it ends with an indicator's word (指数, 数据, PMI, 销售, 生产,
就业, 收支, …, perhaps then 初值/终值); the list is read when three items or more are, after a word that
introduces them (包括, 公布, 发布, 迎来, 关注, 有, a colon or a comma). An item takes the place written before it
("欧元区第二季GDP初值、经济景气指数": both the euro area's), else the clause's region. Only a Chinese clause's
data-release candidates are replaced, and only by a list of more items than they are (the gazetteer may know
some of the list's releases and not the others).

English lists the same way, after a colon or an introducing verb, with commas and a last "and":

    Wednesday, Nov. 5: payrolls data, the late trade figures, business inventories and factory orders
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .candidate import Candidate
from .places import PLACE_WORDS, place_code
from .releases import release_title, releases_in, with_region

_IND = (r"(?:指数|数据|PMI|CPI|PPI|GDP|失业率|就业|非农|利率|率|销售|零售|订单|产出|产值|生产|价格|物价|收支|余额|库存|人数|"
        r"报告|差额|开工|销量|增加值|投资|信心|景气|贷款|融资|储备|赤字|工资|薪资|收入|支出|出口|进口|房价|许可)")
_STAGE = r"(?:初值|终值|初估值|修正值|中值|年率|月率)?"
# one item: its place and period perhaps, then a name of a few words ending with an indicator's word
_ITEM = re.compile(rf"^(?P<place>{PLACE_WORDS})?\s?(?P<name>(?:\d{{1,2}}月份?|第[一二三四1-4]季度?)?\s?[\u4e00-\u9fffA-Za-z0-9&/·\- ]{{0,24}}?"
                   rf"{_IND}{_STAGE})$")
# what introduces the list in the first part ("其他数据还包括", "日本还将公布", "本周将公布")
_INTRO = re.compile(r"(?:包括|包含|公布|发布|出炉|迎来|关注|焦点|有|[:：,，])\s*")
_LAST_JOIN = re.compile(r"\s?(?:以及|和|及|与)\s?")
# what may follow the last item ("…指数等", "…终值也将公布", "…数据。")
_TAIL = re.compile(r"\s?(?:等|也|亦|均|将|先后|陆续|相继|分别|,|，|;|；|。|\(|（|$)")
_MIN_ITEMS = 3


@lru_cache(maxsize=256)  # the trigger test and the split read the same listing
def _items(clause: str) -> tuple[str, ...]:
    """The indicators a clause lists after its introducing word, or () when it lists fewer than three."""
    parts = clause.split("、")
    if len(parts) < 2:
        return ()
    intros = list(_INTRO.finditer(parts[0]))
    if not intros:
        return ()
    intro = intros[-1]
    last = parts[-1]
    end = _TAIL.search(last, 1)
    last = last[:end.start()] if end else last
    joined = _LAST_JOIN.split(last, maxsplit=1)
    items = [parts[0][intro.end():], *parts[1:-1], *joined]
    items = [i.strip() for i in items]
    if len(items) < _MIN_ITEMS or not all(_ITEM.match(i) for i in items):
        return ()
    return tuple(items)


def each_listed_indicator(made: list[Candidate], clause: str) -> list[Candidate]:
    """``made`` (the data-release candidates of a Chinese clause), or one candidate per listed indicator
    where the list names more of them than ``made`` holds."""
    if not made or any(c.category != "macro_data" for c in made) or "、" not in clause:
        return made
    items, place = _items(clause), None
    listed: list[tuple[str, str, str, str]] = []  # (item, name, region, title when the gazetteer knows none)
    for item in items:
        m = _ITEM.match(item)
        assert m is not None
        place = m["place"] or place
        region = (place_code(place) if place else None) or made[0].region
        listed.append((item, m["name"], region, item if m["place"] else with_region(f"{place or ''}{item}", region, True)))
    return _one_each(made, listed, zh=True)


def _one_each(made: list[Candidate], listed: list[tuple[str, str, str, str]], *, zh: bool) -> list[Candidate]:
    """One candidate per listed item, like ``made[0]``, when the list holds more items than ``made``."""
    if len(listed) <= len(made):
        return made
    out: list[Candidate] = []
    for item, name, region, own_title in listed:
        named = [n for n in releases_in(item) if n.release.region in (None, region)]
        known = bool(named) and (not zh or len(named[0].text) >= len(name) - 2)  # the whole item, not a part of it
        out.append(replace(made[0], title=release_title(named[0], region, zh) if known else own_title, region=region,
                           entities=[item], mentions=[],
                           release=named[0].release.id if named else f"macro:{name.casefold() if not zh else name}"))
    return out


_EN_IND = (r"(?:data|figures|numbers|orders|inventories|sales|production|output|balance|inflation|index|CPI|PPI|GDP|PMIs?|"
           r"claims|payrolls|starts|permits|confidence|sentiment|prices|rates?|report|reading|survey|approvals|lending|"
           r"spending|income|deficit|surplus|account|unemployment|employment|jobs|minutes)")
# a last item that gathers the one before it ("industrial output and orders data"), with no comma between them
_COLLECTIVE = re.compile(r"\b(?:data|figures|numbers)$", re.IGNORECASE)
_LAST_COMMA = re.compile(r",\s*(?:and|as well as)\s+[^,]*$")
_EN_ITEM = re.compile(rf"^(?:the\s+)?(?:(?P<place>{PLACE_WORDS})(?:’s|'s)?(?![A-Za-z]))?\s*(?P<name>(?:[\w./&-]+\s+){{0,5}}?{_EN_IND})$", re.IGNORECASE)
_EN_INTRO = re.compile(r"(?::|\b(?:include|includes|including|releases?|publish(?:es)?|due|brings?|sees?|gets?|features?|with|are|is)\b)\s*",
                       re.IGNORECASE)
_EN_SPLIT = re.compile(r"\s*,\s*(?:and\s+|as well as\s+)?|\s+(?:and|as well as)\s+")
_EN_TAIL = re.compile(r"\s*(?:(?<![A-Z])\.(?=\s|$)|[;(]|\bfor\b|\bfrom\b|\bat\b|\bon\b|\bdue\b|\bwill\b|\bare\b|\bis\b|$)", re.IGNORECASE)


# "data on tourist accommodation, land transport and food and beverage sales": the head noun names the items as data
_EN_DATA_ON = re.compile(r"\b(?:data|figures|numbers|statistics)\s+(?:on|for)\s+", re.IGNORECASE)
_EN_TOPIC = re.compile(r"^(?:[A-Za-z][\w&'-]*\s+){0,4}[A-Za-z][\w&'-]*$")  # a short noun phrase of words


def _data_on_items(clause: str) -> tuple[str, ...]:
    """The topics after "data on" (three or more, apart by commas and a last "and": a topic may hold "and")."""
    on = _EN_DATA_ON.search(clause)
    if on is None:
        return ()
    rest = clause[on.end():]
    end = _EN_TAIL.search(rest, 1)
    parts = [p.strip() for p in (rest[:end.start()] if end else rest).split(",")]
    if len(parts) >= 2 and " and " in parts[-1]:
        parts[-1:] = [p.strip() for p in parts[-1].split(" and ", 1)]
    parts = [p[4:] if p.startswith("and ") else p for p in parts]
    return tuple(parts) if len(parts) >= _MIN_ITEMS and all(_EN_TOPIC.match(p) for p in parts) else ()


@lru_cache(maxsize=256)
def _items_en(clause: str) -> tuple[str, ...]:
    """The indicators an English clause lists after a colon or an introducing verb (three or more), or the
    topics it lists as data ("data on A, B and C")."""
    if items := _data_on_items(clause):
        return items
    intros = list(_EN_INTRO.finditer(clause))
    for intro in intros:
        rest = clause[intro.end():]
        end = _EN_TAIL.search(rest, 1)
        listed = rest[:end.start()] if end else rest
        parts = [p.strip() for p in _EN_SPLIT.split(listed) if p.strip()]
        if len(parts) >= 2 and _COLLECTIVE.search(parts[-1]) and not _LAST_COMMA.search(listed):
            parts[-2:] = [f"{parts[-2]} and {parts[-1]}"]  # "industrial output and orders data": one release of both
        if len(parts) >= _MIN_ITEMS and all(_EN_ITEM.match(p) for p in parts):
            return tuple(parts)
    return ()


def each_listed_indicator_en(made: list[Candidate], clause: str) -> list[Candidate]:
    """``made`` (the data-release candidates of an English clause), or one per listed indicator."""
    if not made or any(c.category != "macro_data" for c in made) or "," not in clause:
        return made
    listed: list[tuple[str, str, str, str]] = []
    for item in _items_en(clause):
        m = _EN_ITEM.match(item)
        name = m["name"] if m is not None else f"{item} data"  # ("data on land transport": a topic of the data)
        region = (place_code(m["place"]) if m is not None and m["place"] else None) or made[0].region
        listed.append((item, name, region, with_region(name[:1].upper() + name[1:], region, False)))
    return _one_each(made, listed, zh=False)


def lists_indicators(clause: str, zh: bool) -> bool:
    """Whether a clause lists three indicators or more ("主要关注A、B及C"): a list of releases is news of them
    even without a release verb."""
    return bool(_items(clause) if zh else _items_en(clause))

