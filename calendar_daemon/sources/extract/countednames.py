"""Chinese counted lists of companies (issue 15, corpus 7 Chinese shape 3): "甲、乙、丙、丁四家公司上市" after
a week's results ("财报方面,下周将有…发布财报,甲、乙、丙、丁四家公司上市") is one listing per company, on the
day or week that dates the sentence's event before it. The list counts its names, so a name is only
taken when the count agrees."""

from __future__ import annotations

import re
from dataclasses import replace

from .candidate import Candidate
from .numerals import cn_int

_NAME = r"[\u4e00-\u9fffA-Za-z0-9&]{2,10}"
_COUNTED = re.compile(
    rf"(?P<names>{_NAME}(?:、{_NAME})*(?:、|和|及|与){_NAME})\s?(?:等)?\s?(?P<n>[两二三四五六七八九十\d]{{1,2}})\s?(?:家|只)"
    r"(?:公司|企业|新股|个股|股票)?(?:将|也将|拟|陆续)?(?P<what>挂牌上市|上市|申购|发行|解禁)"
)
_SEP = re.compile(r"、|和|及|与")
_CATEGORY = {"挂牌上市": "ipo", "上市": "ipo", "申购": "ipo", "发行": "ipo", "解禁": "lockup"}

Made = list[tuple[Candidate, str, int]]


def counted_names(made: Made, sentence: str) -> Made:
    """``made`` with one event per company of each counted list in ``sentence`` that no candidate names
    yet, dated like the last candidate made before the list."""
    if not made or ("家" not in sentence and "只" not in sentence):
        return made
    out = list(made)
    for m in _COUNTED.finditer(sentence):
        names = [n for n in _SEP.split(m["names"]) if n]
        if cn_int(m["n"]) != len(names):
            continue
        before = [x for x in made if x[2] < m.start()]
        if not before:
            continue
        c, _, pos = before[-1]
        category = _CATEGORY[m["what"]]
        if any(x[0].category == category and set(x[0].entities) & set(names) for x in out):
            continue
        verb = "上市" if category == "ipo" and m["what"] != "申购" else m["what"]
        out += [(replace(c, title=f"{name}{verb}", category=category, entities=[name], mentions=[], importance=2,
                         evidence=m[0][:60], release=f"{category}:{name}"), m[0], pos) for name in names]
    return out
