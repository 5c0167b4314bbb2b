"""Publication-time detection.

Recognises, in order: HTML meta tags (``article:published_time``, ``og:…``,
``pubdate``, ``<time datetime>``...), the ``outlet· YYYY-MM-DD HH:MM`` line
of Chinese aggregator pages (Beijing time), a portal's labelled timestamp
(``来源：… 时间：YYYY-MM-DD HH:MM:SS``), a Chinese ``YYYY年M月D日 HH:MM`` line, and an English dateline (``Jan 25, 2026``, ``January 25 (Reuters)``).
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

from .english import EN_ZONES
from .normalize import cjk_ratio, looks_like_html
from .vocabulary import led_by

logger = logging.getLogger(__name__)

BEIJING = "Asia/Shanghai"
NEW_YORK = "America/New_York"


# The markets east of Greenwich whose English pages name no zone: an article published at the offset
# one of them keeps at that moment is read in that market's zone, so that its own daylight-saving rules
# date a later clock (a Sydney notice at +11:00 in November about a day in April, at +10:00).
_EAST_MARKETS = ("Australia/Sydney", "Asia/Tokyo", "Asia/Singapore", "Asia/Kolkata", "Pacific/Auckland")


def offset_zone(published: datetime | None, default: str) -> str:
    """The zone of an English article's wall-clock times: ``default`` (New York), unless the article was
    published east of Greenwich (issue 15, corpus 6 shape 5). Then it is the market zone of
    ``_EAST_MARKETS`` that keeps the publication's offset at that moment, or, failing one, that fixed
    whole-hour offset. A clock the text zones keeps its own zone."""
    offset = published.utcoffset() if published is not None and published.tzinfo is not None else None
    if published is None or offset is None or offset <= timedelta(0):
        return default
    for name in _EAST_MARKETS:
        if published.astimezone(ZoneInfo(name)).utcoffset() == offset:
            return name
    if offset.seconds % 3600:
        return default
    return f"Etc/GMT-{offset.seconds // 3600}"  # (the Etc zones count the other way round)


# (only offsets one market keeps: +08:00 is Beijing's, Hong Kong's and Taipei's as much as Singapore's, +09:00 Seoul's)
_MARKET_REGIONS = {"Australia/Sydney": "AU", "Asia/Kolkata": "IN", "Pacific/Auckland": "NZ"}


def zone_region(zone: str) -> str:
    """The market of an English article's events where the text names none: the market of the zone
    ``offset_zone`` gave it, where that offset is one market's (a Sydney article's "Thursday's labour force
    figures" are Australia's), else the US."""
    return _MARKET_REGIONS.get(zone, "US")


_META_TIME = {"article:published_time", "og:published_time", "og:article:published_time", "pubdate",
              "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued",
              "dcterms.created", "dcterms.issued", "parsely-pub-date", "sailthru.date", "datepublished",
              "article.published", "originalpublicationdate"}
_META_OUTLET = {"og:site_name", "application-name", "publisher", "article:publisher", "twitter:site"}

RE_OUTLET_LINE = re.compile(r"^[ \t]{0,8}(?P<outlet>[^\n·• \t][^\n·•]{0,39}?)?[ \t]{0,4}[·•][ \t]{0,4}(?P<y>\d{4})-"
                            r"(?P<m>\d{1,2})-(?P<d>\d{1,2})[ \t]{1,4}(?P<H>\d{1,2}):(?P<M>\d{2})[ \t]{0,8}$", re.MULTILINE)
# (a bare timestamp line, or one with its source after it: "2031-09-15 16:45:03来源:某新闻网")
RE_BARE_LINE = re.compile(r"^[ \t]{0,8}(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})[ \t]{1,4}(?P<H>\d{1,2}):(?P<M>\d{2})"
                          r"(?::\d{2})?[ \t]{0,8}(?:[来來]源[ \t]*[:：][^\n:：]{1,24})?$", re.MULTILINE)
# A portal's labelled timestamp: "来源：金融界 时间：2022-10-29 06:48:36", "发布时间：2026/03/01 08:05".
# A bare 时间/日期 needs its colon, and a zone's time ("北京时间2026年1月30日") is never the publication.
RE_CN_LABELLED = led_by("发更时日", r"(?:(?:发布时间|发表时间|更新时间|发布于|发表于)[ \t]*[:：]?|"
                            r"(?<!北京)(?<!美东)(?<!本港)(?<!台北)(?<!当地)(?<!东京)(?<!香港)(?:时间|日期)[ \t]*[:：])"
                            r"[ \t]*(?P<y>\d{4})[-/.年]"
                            r"(?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?(?:[ \t]*(?P<H>\d{1,2})[:：](?P<M>\d{2})(?::\d{2})?)?")
RE_CN_SOURCE = re.compile(r"来源[ \t]*[:：][ \t]*(?P<outlet>[^\s:：|]{1,20}?)(?=[ \t|]|时间|发布|日期|$)", re.MULTILINE)
RE_CN_LINE = re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日[ \t]*(?P<H>\d{1,2})[:：](?P<M>\d{2})")
_MON = r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_MON_FIRST = "ADFJMNOS"  # the first letters of the month names of _MON
RE_EN_DATELINE = led_by(_MON_FIRST, rf"\b{_MON}\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})"
                            r"(?:[^\n\d]{0,12}(?P<H>\d{1,2}):(?P<M>\d{2})\s*(?P<ap>[AaPp]\.?[Mm]\.?)?\s*"
                            r"(?P<z>ET|EST|EDT|GMT|UTC|BST)?)?")
RE_EN_WIRE = led_by(_MON_FIRST, rf"\b{_MON}\s+(?P<d>\d{{1,2}})\s*\((?P<outlet>Reuters|Bloomberg|AP|AFP|Dow Jones|"
                        r"MarketWatch|CNBC)\)")
# A wire byline: "BEIJING, Dec 3 (Xinhua) --", "TORONTO, Dec 2, 2026 (Reuters) -".
RE_EN_BYLINE = re.compile(rf"^[ \t]{{0,8}}[A-Z][A-Za-z.'\- ]{{1,30}},[ \t]+{_MON}[ \t]+(?P<d>\d{{1,2}})(?:,?[ \t]+(?P<y>\d{{4}}))?"
                          r"[ \t]*\((?P<outlet>[A-Z][A-Za-z.&' ]{1,30})\)[ \t]*[-–—]", re.MULTILINE)
RE_WIRE_TAG = re.compile(r"\((?P<outlet>Reuters|Bloomberg|Xinhua|AP|AFP|Dow Jones|Kyodo|Yonhap|CNBC|MarketWatch|"
                         r"Bernama|PTI|ANI)\)")
# A portal's line with its name and a timestamp ("华尔街见闻 2026-01-25 20:41").
RE_PORTAL_LINE = re.compile(r"^[ \t]{0,8}(?P<outlet>[^\d\s·•:：][^\d\n·•:：]{0,19}?)[ \t]{1,4}(?P<y>\d{4})-(?P<m>\d{1,2})-"
                            r"(?P<d>\d{1,2})[ \t]{1,4}(?P<H>\d{1,2}):(?P<M>\d{2})(?::\d{2})?[ \t]{0,8}$", re.MULTILINE)
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


class _MetaCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.times: list[str] = []
        self.outlet: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _META_TIME and a.get("content"):
                self.times.append(a["content"])
            elif key in _META_OUTLET and a.get("content") and self.outlet is None:
                self.outlet = a["content"].strip()
        elif tag == "time" and a.get("datetime"):
            self.times.append(a["datetime"])


def _parse_iso(value: str, tz: str) -> datetime | None:
    value = value.strip().replace("Z", "+00:00")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?[+-]\d{4}", value):
        value = value[:-2] + ":" + value[-2:]
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=ZoneInfo(tz))


def _mk(y: str, m: str, d: str, hh: str | None, mm: str | None, tz: str) -> datetime | None:
    try:
        return datetime(int(y), int(m), int(d), int(hh or 0), int(mm or 0), tzinfo=ZoneInfo(tz))
    except ValueError:
        return None


def detect_published(text: str) -> tuple[datetime | None, str | None]:
    """(aware publication datetime, outlet) or (None, None) when nothing is found; an outlet named
    only by a byline or a source line ("(Reuters)", "来源：…") is found apart from the time."""
    when, outlet = _detect(text)
    if outlet is None and when is not None:
        head = text[:6000]
        m = RE_WIRE_TAG.search(head) or RE_CN_SOURCE.search(head)
        outlet = m["outlet"] if m else None
    return when, outlet


def _detect(text: str) -> tuple[datetime | None, str | None]:
    zh = cjk_ratio(text) >= 0.3
    default_tz = BEIJING if zh else NEW_YORK
    if looks_like_html(text):
        meta = _MetaCollector()
        try:
            meta.feed(text[:400_000])
        except Exception:
            logger.debug("meta scan failed", exc_info=True)
        for value in meta.times:
            dt = _parse_iso(value, default_tz)
            if dt is not None:
                return dt, meta.outlet
    head = text[:6000]
    if ("·" in head or "•" in head) and (m := RE_OUTLET_LINE.search(head)):  # (its dot: no need to try each line)
        outlet = (m["outlet"] or "").strip() or None
        return _mk(m["y"], m["m"], m["d"], m["H"], m["M"], BEIJING), outlet
    if m := RE_BARE_LINE.search(head):
        return _mk(m["y"], m["m"], m["d"], m["H"], m["M"], default_tz), None
    if zh and (m := RE_CN_LABELLED.search(head)):
        source = RE_CN_SOURCE.search(head)
        return _mk(m["y"], m["m"], m["d"], m["H"], m["M"], BEIJING), source["outlet"] if source else None
    if m := RE_PORTAL_LINE.search(head):
        return _mk(m["y"], m["m"], m["d"], m["H"], m["M"], default_tz), m["outlet"].strip()
    if m := RE_EN_BYLINE.search(head):
        year = m["y"] or (y[1] if (y := re.search(r"\b(20\d{2})\b", text[:20000])) else None)
        if year:
            return _mk(year, str(_MONTHS.index(m["mon"][:3].lower()) + 1), m["d"], None, None, default_tz), m["outlet"]
    if zh and (m := RE_CN_LINE.search(head)):
        return _mk(m["y"], m["m"], m["d"], m["H"], m["M"], BEIJING), None
    if m := RE_EN_DATELINE.search(head):
        tz = EN_ZONES.get(m["z"] or "", default_tz)
        hh = m["H"]
        if hh and m["ap"] and m["ap"].lower().startswith("p") and int(hh) < 12:
            hh = str(int(hh) + 12)
        mon = str(_MONTHS.index(m["mon"][:3].lower()) + 1)
        return _mk(m["y"], mon, m["d"], hh, m["M"], tz), None
    if m := RE_EN_WIRE.search(head):
        year = re.search(r"\b(20\d{2})\b", text[:20000])
        if year:
            mon = str(_MONTHS.index(m["mon"][:3].lower()) + 1)
            return _mk(year[1], mon, m["d"], None, None, default_tz), m["outlet"]
    return None, None


# A page's furniture above its headline: an advertisement slot, a menu word, a portal's app prompt, the site's
# bare domain ("TradingHours.com"), a breadcrumb ending in "正文", a service hotline ("客服热线:+852 37582889").
_FURNITURE_LINE = re.compile(r"^[•·\-\s]*(?:advertisement|sponsored|home|news|menu|connect with us|share|bookmarks?|skip to (?:main )?content|"
                             r"首页|首頁|打开网易新闻.{0,12}|"
                             r"(?:客服|服务|咨询|投诉)(?:热线|电话)\s*[:：]?\s*[+\d\s()-]{6,24}|"
                             r"[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|cn|hk|tw)|.{0,30}>\s*正文|"
                             r"(?:首页|首頁|home)\s*[>›»]\s*[^>›»。.!?]{1,20}(?:\s*[>›»]\s*[^>›»。.!?]{1,20}){0,3})$", re.IGNORECASE)  # a breadcrumb


def headline_of(text: str) -> str:
    """An article's headline: the line before its outlet line, else its first line that is not the page's
    furniture (an advertisement slot, a menu word, the site's domain)."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip() and not _FURNITURE_LINE.match(ln.strip())]
    for i, ln in enumerate(lines[:12]):
        if i > 0 and ((("·" in ln or "•" in ln) and RE_OUTLET_LINE.fullmatch(ln)) or RE_BARE_LINE.fullmatch(ln)):
            return lines[i - 1]
    return lines[0] if lines else ""
