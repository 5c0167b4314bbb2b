"""The places a clause puts before a release that names none: "美国、欧元区、日本等国PMI初值" is three
releases, one per place, and "英国9月CPI" is the British one. A release the gazetteer already
places ("美国非农") is left as it is."""

from __future__ import annotations

import re

# Simplified Chinese (the release index reads a Simplified copy, position for position) and English.
_WORDS: dict[str, str] = {
    "美国": "US", "中国": "CN", "内地": "CN", "香港": "HK", "台湾": "TW", "欧元区": "EU", "欧洲": "EU", "日本": "JP",
    "英国": "GB", "德国": "DE", "法国": "FR", "加拿大": "CA", "澳洲": "AU", "澳大利亚": "AU", "新西兰": "NZ",
    "纽西兰": "NZ", "瑞士": "CH", "韩国": "KR", "印度": "IN", "巴西": "BR", "墨西哥": "MX", "马来西亚": "MY",
    "印尼": "ID", "俄罗斯": "RU", "南非": "ZA", "土耳其": "TR", "意大利": "IT", "西班牙": "ES", "瑞典": "SE",
    "挪威": "NO", "新加坡": "SG", "泰国": "TH",
    "US": "US", "U.S.": "US", "United States": "US", "China": "CN", "Chinese": "CN", "Hong Kong": "HK",
    "Taiwan": "TW", "euro zone": "EU", "eurozone": "EU", "euro area": "EU", "Japan": "JP", "Japanese": "JP",
    "UK": "GB", "U.K.": "GB", "Britain": "GB", "British": "GB", "Germany": "DE", "German": "DE", "France": "FR",
    "French": "FR", "Canada": "CA", "Canadian": "CA", "Australia": "AU", "Australian": "AU",
    "New Zealand": "NZ", "Swiss": "CH", "Korea": "KR", "India": "IN", "Brazil": "BR", "Mexico": "MX",
    "Malaysia": "MY", "Indonesia": "ID", "Russia": "RU", "South Africa": "ZA", "Turkey": "TR", "Italy": "IT",
    "Spain": "ES", "Sweden": "SE", "Norway": "NO", "Singapore": "SG", "Thailand": "TH", "Belgium": "BE",
    "Netherlands": "NL", "Austria": "AT", "Ireland": "IE", "Portugal": "PT", "Greece": "GR", "Denmark": "DK",
    "Finland": "FI", "Poland": "PL", "Philippines": "PH", "Vietnam": "VN", "Israel": "IL", "Chile": "CL",
    "Nigeria": "NG", "Kenya": "KE", "Sri Lanka": "LK",
}
_PLACE = "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True))
PLACE_WORDS = _PLACE  # every place word above, longest first, as a regex alternation
# a list of places ("美国、欧元区、日本等国", "Germany, France and the euro zone"), then what may stand
# between it and the release's name: a month, "最新", a sector ("制造业与服务业"), "'s"
_SEP = r"(?:\s*(?:、|,|，|和|与|及|以及|and|&)\s*(?:the\s+)?)"
_LIST = re.compile(rf"(?<![A-Za-z])(?:{_PLACE})(?:{_SEP}(?:{_PLACE}))*(?![A-Za-z])", re.IGNORECASE)
# (or a verb: "欧元区、法国、德国等经济体相继公布某机构制造业PMI", "中国、英国公布服务业PMI")
_GAP = re.compile(r"^(?:等(?:国|地|经济体)?|'s|’s|的|\d{1,2}\s*月份?|最新|[\u4e00-\u9fff]{0,3}业|与|和|及|flash|preliminary|final|"
                  r"(?:将|也|亦|均|会)?(?:相继|陆续|先后|同时|分别|同日)?(?:公布|发布)(?:了|的)?\s*(?:本国|各自|本地|当地)?\s*(?:[A-Z][A-Za-z&]{1,7}\s?)?|"
                  r"January|February|March|April|May|June|July|August|September|October|November|December|[\s(（])*$",
                  re.IGNORECASE)
_LOOKBACK = 40
# places run together one character each before a release ("英美法德欧 3 月 PMI")
_ONE_CHAR = {"英": "GB", "美": "US", "法": "FR", "德": "DE", "欧": "EU", "日": "JP", "中": "CN", "加": "CA", "澳": "AU"}
_RUN = re.compile(rf"(?<![\u4e00-\u9fff])[{''.join(_ONE_CHAR)}]{{2,7}}")


def _region(word: str) -> str | None:
    for key, code in _WORDS.items():
        if key.casefold() == word.casefold():
            return code
    return None


def places_before(text: str, start: int, floor: int) -> list[str]:
    """The places listed right before ``start`` in ``text`` (not before ``floor``), in order:
    ``places_before("美国、日本9月PMI", 7, 0)`` is ``["US", "JP"]``."""
    lo = max(floor, start - _LOOKBACK)
    for m in _LIST.finditer(text, lo, start):
        if _GAP.match(text[m.end():start]):
            words = re.split(_SEP, m[0], flags=re.IGNORECASE)
            codes = [c for w in words if (c := _region(w.strip())) is not None]
            return list(dict.fromkeys(codes))
    for m in _RUN.finditer(text, lo, start):
        if len(set(m[0])) == len(m[0]) and _GAP.match(text[m.end():start]):
            return [_ONE_CHAR[ch] for ch in m[0]]
    return []


def place_code(word: str) -> str | None:
    """The region code of a place word in either language ("German" -> "DE", "U.S." -> "US")."""
    return _region(word)


def zh_place_code(word: str) -> str | None:
    """The region code of a Chinese place word ("德国" -> "DE")."""
    return _WORDS.get(word)
