"""Who an event is about: the institutions and companies a clause names ("美联储", "华鼎股份", "Micron"), for
titles and for telling two events of one day apart."""

from __future__ import annotations

import re

from .committees import committees
from .vocabulary import led_by

KNOWN_ENTITIES = (
    "美联储", "欧洲央行", "日本央行", "日本银行", "日银", "英国央行", "加拿大央行", "澳洲联储", "中国人民银行", "央行", "国家统计局",
    "国新办", "欧洲议会", "证监会", "财政部", "国务院", "商务部", "海关总署", "美国劳工部", "美国商务部",
    "微软", "苹果", "特斯拉", "Meta", "谷歌", "亚马逊", "英伟达", "美光", "华为", "阿里巴巴", "腾讯", "三星电子",
    "SK海力士", "阿斯麦", "IBM", "埃克森美孚", "雪佛龙", "闪迪", "西部数据", "希捷科技", "台积电", "小米", "比亚迪",
    "Federal Reserve", "Fed", "ECB", "European Central Bank", "People's Bank of China", "Bank of Japan", "Bank of England", "Bank of Canada", "Apple", "Microsoft",
    "Tesla", "Nvidia", "Alphabet", "Amazon", "Meta Platforms", "Netflix", "Intel", "AMD", "Micron",
)
_KNOWN_RX = led_by("".join(sorted({re.escape(n[0]) for n in KNOWN_ENTITIES})),
                   r"(?<![A-Za-z])(?:" + "|".join(re.escape(n) for n in sorted(KNOWN_ENTITIES, key=len, reverse=True)) + r")(?![A-Za-z])")
_ENUM = re.compile(r"(?:[A-Za-z\u4e00-\u9fff][\w\-\u4e00-\u9fff]{1,11}(?:\([^()]{0,24}\))?(?:、|和|与|及))+"
                   r"[A-Za-z\u4e00-\u9fff][\w\-\u4e00-\u9fff]{1,11}")
_AFTER_VERB = re.compile(r"(?:发行|申购|招股|上市|挂牌)(?P<n>[A-Za-z\u4e00-\u9fff][\w\-\u4e00-\u9fff]{1,11})")
# A name right before the listing verb: "北芯生命新股发行", "某公司将于…上市".
_BEFORE_VERB = re.compile(r"(?:^|[\s,,。;;:：)）])(?P<n>[A-Za-z\u4e00-\u9fff][\w\-\u4e00-\u9fff]{1,11}?)"
                          r"(?:将于[^,,。;;]{0,12}?)?(?:新股|IPO)?(?:发行|申购|招股|上市|挂牌)")
# The subject of "X原定…/X将于…/X拟于…" at the start of a clause names the company.
_SUBJECT = re.compile(r"(?:^|[\s,，。;；:：)）])(?P<n>[A-Za-z\u4e00-\u9fff][\w\-\u4e00-\u9fff]{1,11}?)"
                      r"(?:原定|原计划|原本|将于|拟于|计划于|预计于)")
# "华鼎股份有3.2亿股限售股解禁", "中芯集成解禁首发原股东限售股".
_BEFORE_LOCKUP = re.compile(r"(?:^|[\s,，。;；:：)）]|(?:周|星期)[一二三四五六日天])(?P<n>[A-Za-z\u4e00-\u9fff][\w\-\u4e00-\u9fff]{1,11}?)"
                            r"(?:将|将有|有)?(?:[\d.]+\s*(?:亿|万)?股)?(?:限售股)?解禁")
# A calendar-list entry names its company right after the colon: "5月20日(周三):鼎信智能(申购代码…)".
_LIST_ENTRY = re.compile(r"[:：]\s*(?P<n>[A-Za-z\u4e00-\u9fff][\w\-\u4e00-\u9fff]{1,11}?)(?=[(（,，\s]|$)")
_DESCRIPTOR = re.compile(r".*(?:巨头|双雄|三巨头|公司|发行|是|为|有|包括|如|的|美股|港股|韩系|A股|居前三位|龙头|股票|"
                         r"\d只|\d家)")
_CUT = re.compile(r"(?:等|将|也|均|则|轮番|分别|于|在|的|原定|原计划|(?:周|星期)[一二三四五六日天]).*$")
_LEAD = re.compile(r"^(?:其中|另外|此外|同时|以及|包括|另有)")
# Words that never belong to a company name (a date phrase, a schedule change).
_NOT_NAME = re.compile(r"\d$|^据|^起?至|日期|顺延|推迟|延期|延迟|改期|^或|^截止|时间|代码|价|上限|每股|合计|方面|解禁|申购|招股|流通|^占|"
                       r"日历|[上下本]周|[上下本]月|[今明]日|[今明去]年|季度|年度")
BOOK = re.compile(r"《([^《》]{2,40})》")
# (and a wire's dateline in the same brackets, "《某某通讯社21日专讯》", names the outlet)
_COLUMN = re.compile(r"明天|明日|今日|今天|今晚|每日|每周|本周|下周|早报|晚报|周刊|快讯|速递|前瞻|焦点|专讯|通讯社|讯$")
STOP_NAMES = {"数据", "公司", "市场", "美股", "港股", "新股", "财报", "业绩", "行业", "中国", "美国", "产品"}


_FROM_DATE = re.compile(r"\d{1,2}月\d{1,2}[日号].*$")
_BRACKETED = re.compile(r"\([^()]*\)")
_LEAD_DAYS = re.compile(r"^(?:(?:下|本)?(?:周|星期)[一二三四五六日天])+")
_TO_WEEKDAY = re.compile(r"(?:下|本|这)?(?:周|星期)[一二三四五六日天].*$")
_NUMBERISH = re.compile(r"\d{2,}|[个万亿元%]")


def _clean_name(item: str) -> str | None:
    item = _FROM_DATE.sub("", item)  # "中芯集成5月18日解禁": the name ends at the date
    item = _LEAD.sub("", _BRACKETED.sub("", item).strip(" ,、"))
    item = _LEAD_DAYS.sub("", item)  # "周二庚辛新材": the day is no part of the name
    item = _TO_WEEKDAY.sub("", item)  # "华辰股份下周二申购": nor is a day after it
    item = _DESCRIPTOR.sub("", item)
    item = _CUT.sub("", item)
    item = item.strip(" ,、")
    if (len(item) < 2 or item.isdigit() or item in STOP_NAMES or _NUMBERISH.search(item)
            or _NOT_NAME.search(item)
            or len(item) > 10):
        return None
    return item


# An English company name: capitalised words that are not calendar, zone or sentence words.
_EN_NAME = re.compile(r"\b[A-Z][A-Za-z0-9&\-]*(?:\.com)?(?:\s+[A-Z][A-Za-z0-9&\-]*){0,2}\b")
_EN_NOT_NAME = re.compile(r"^(?:On|In|At|For|The|A|An|And|But|Also|Meanwhile|Elsewhere|After|Before|Ahead|Later|Next|This|"
                          r"Investors?|Analysts?|Shares|Wall|Street|Earnings|Results|Monday|Tuesday|Wednesday|"
                          r"Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
                          r"January|February|March|April|June|July|August|September|October|November|December|"
                          r"ET|EST|EDT|GMT|UTC|CET|U|S|US|UK|IPO|CEO|CFO|Q[1-4]|Hong Kong|New York|London|Shanghai|"
                          r"Shenzhen|Beijing|Tokyo|Frankfurt|China|Japan|Europe|Free Report|NYSE|Nasdaq|Stock|Exchange)\b")


# Capitalised words of a headline that are no company on their own ("New listing next month").
_EN_HEADLINE_WORDS = frozenset(("New", "Top", "Big", "Key", "Major", "Latest", "Upcoming", "Markets", "Stocks", "Rates",
                                "Listings", "Listing", "Preview", "Calendar", "Watch", "What", "Who", "How", "Why"))


def en_companies(segment: str) -> list[str]:
    """Company-like names in an English text segment ("…after the bell and Adobe on")."""
    return [m[0] for m in _EN_NAME.finditer(segment) if not _EN_NOT_NAME.match(m[0]) and m[0] not in _EN_HEADLINE_WORDS][:4]


_WITH = re.compile(r"^[\s,]*(?:with|(?:companies |firms )?(?:such as|including))\s+(?=[A-Z])")


def with_names(forward: str) -> list[str]:
    """The companies of a clause that goes on after its date with them: ", with Acme Holdings unveiling its results",
    ", companies such as Acme and Bolt will report"."""
    return en_companies(forward[m.end():m.end() + 80]) if (m := _WITH.match(forward)) else []


def entities_of(text: str, category: str) -> list[str]:
    found: list[str] = []

    def add(name: str | None) -> None:
        if name and name not in found and not any(name in f for f in found):
            found.append(name)

    for m in BOOK.finditer(text):
        if not _COLUMN.search(m[1]):  # "《再战明天》" names a newspaper column, not the event's subject
            add(m[1])
    for m in _KNOWN_RX.finditer(text):
        add(m[0])
    for name in committees(text) if category == "policy" else ():
        add(name)
    if category in ("ipo", "lockup", "earnings"):
        for m in _ENUM.finditer(text):
            for part in re.split(r"、|和|与|及", m[0]):
                add(_clean_name(part))
        for m in _AFTER_VERB.finditer(text):
            add(_clean_name(m["n"]))
        if category == "ipo":
            for m in _BEFORE_VERB.finditer(text):
                add(_clean_name(m["n"]))
        if category in ("ipo", "lockup", "earnings"):
            for m in _LIST_ENTRY.finditer(text):
                add(_clean_name(m["n"]))
        if category == "lockup":
            for m in _BEFORE_LOCKUP.finditer(text):
                add(_clean_name(m["n"]))
        for m in _SUBJECT.finditer(text):
            add(_clean_name(m["n"]))
    return found[:12]
