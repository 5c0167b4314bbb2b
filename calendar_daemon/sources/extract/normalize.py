"""Text cleanup for the extraction engine.

HTML to text (stdlib ``html.parser``), NFKC folding (full-width digits and
punctuation), Traditional -> Simplified folding for the characters that
matter to date and event vocabularies, and removal of citation markers such
as ``[1][4]``.  Every regex here is linear (no nested quantifiers).
"""

from __future__ import annotations

import itertools
import logging
import re
import unicodedata
from html.parser import HTMLParser

from .numerals import cn_int

logger = logging.getLogger(__name__)

# Traditional characters and their Simplified forms (position-aligned).
_TRAD = (
    "佈議時間週發億萬價會對於將與開關業銀務際場數據資產債貨幣經濟國內華東區報財後來點鐘號個當劃計預測結決準備"
    "購贖還兌續專項標動態實現應確認說話請讓進過這為們門問聞長張書買賣貿額頭領導層總統紀錄約倫灣臺歐韓聯儲匯險證"
    "監營虧賬帳勞鎖漲換選舉禮淩歷曆陽農閉屆滿終啟題簽訂條規則執權辦環體隻兩雙鋼鐵電腦車網線醫藥療衝擊戰爭鬆緊縮寬"
    "穩彈擴貸設講聲復興藍龍陸廣馬蘋軟達輝積騰訊裡裏麼嗎並從眾無處構機組織職離難顯響夠歸屬盤創綜恆滬級紅擬參暫緩"
    "掛賽獎勵潤稅費貼補鏈傳運輸邊慶節檢驗審許聽訴訟罰銷廢繼納強屆債務價談協會議員園區屬慣廠鎊盧絡視頻聞豐"
)
_SIMP = (
    "布议时间周发亿万价会对于将与开关业银务际场数据资产债货币经济国内华东区报财后来点钟号个当划计预测结决准备"
    "购赎还兑续专项标动态实现应确认说话请让进过这为们门问闻长张书买卖贸额头领导层总统纪录约伦湾台欧韩联储汇险证"
    "监营亏账账劳锁涨换选举礼凌历历阳农闭届满终启题签订条规则执权办环体只两双钢铁电脑车网线医药疗冲击战争松紧缩宽"
    "稳弹扩贷设讲声复兴蓝龙陆广马苹软达辉积腾讯里里么吗并从众无处构机组织职离难显响够归属盘创综恒沪级红拟参暂缓"
    "挂赛奖励润税费贴补链传运输边庆节检验审许听诉讼罚销废继纳强届债务价谈协会议员园区属惯厂镑卢络视频闻丰"
)
# More Traditional forms common in HK/TW financial news (results, forum, trial run, rate decisions...).
_TRAD += (
    "績論壇試順頒徵護碼種獲戶團圖學氣擔斷極樣獨畫稱競築範簡糧細絕維編縣舊葉蓋藝蘇術衛裝製複見親覺覽觀討記評詢詳誤調"
    "讀變負責貴賠質趨軍較載輔輕遲遷閣隊階雖靜須風館黃錢隨適遞遠雲飛養麥黨寧廳撥拋歡礎輪純紙練緣聖誌語識賺贏轉辭郵鄉"
    "釋閱陰隱靈頁顧類餘驅鹽齊佔倉僅儀優凱劑勢勝單嚴圓塊壓奧奪寶幫庫彙徑慮憑擇擁攜暢曉棟榮槓歲毀沒況減溫滅滙潛災煙熱"
    "牆狀瑪畢盡矚碩窮籌紐給絲綠締羅義習脹艙萊託診該誠諾謀譯販貫賦贊贈跡躍轄違遺邁釀針錯鍵鑑雜頓飆鬥齡償軌鏡貶銳鈔"
    "樓餉綫處爐採"
)
_SIMP += (
    "绩论坛试顺颁征护码种获户团图学气担断极样独画称竞筑范简粮细绝维编县旧叶盖艺苏术卫装制复见亲觉览观讨记评询详误调"
    "读变负责贵赔质趋军较载辅轻迟迁阁队阶虽静须风馆黄钱随适递远云飞养麦党宁厅拨抛欢础轮纯纸练缘圣志语识赚赢转辞邮乡"
    "释阅阴隐灵页顾类余驱盐齐占仓仅仪优凯剂势胜单严圆块压奥夺宝帮库汇径虑凭择拥携畅晓栋荣杠岁毁没况减温灭汇潜灾烟热"
    "墙状玛毕尽瞩硕穷筹纽给丝绿缔罗义习胀舱莱托诊该诚诺谋译贩贯赋赞赠迹跃辖违遗迈酿针错键鉴杂顿飙斗龄偿轨镜贬锐钞"
    "楼饷线处炉采"
)
_TRAD += "連兒併掃憲"  # holiday names ("兒童節", "掃墓節", "行憲紀念日") and long weekends ("連假")
_SIMP += "连儿并扫宪"
_TRAD += "亞蘭鮑爾傑遜嗶"  # place and speaker names ("亞特蘭大", "鮑威爾", "傑克遜霍爾")
_SIMP += "亚兰鲍尔杰逊哔"
_TRAD += "燈儘"  # Taiwan's business-cycle lights ("景氣燈號")
_SIMP += "灯尽"
assert len(_TRAD) == len(_SIMP), (len(_TRAD), len(_SIMP))
_T2S = str.maketrans(_TRAD, _SIMP)
# The characters the folding changes: text holding none of them (all normalised text) is returned as it is,
# without translating it character by character.
_FOLDABLE = re.compile("[" + "".join(sorted(chr(k) for k, v in _T2S.items() if k != v)) + "]")

_CITATION = re.compile(r"[ \t]?(?:\[\d{1,3}(?:[,，\-–]\d{1,3}){0,8}\]){1,30}")
_HTML_HINT = re.compile(r"<(?:html|body|div|p|br|span|meta|head|article|h[1-6]|!doctype|a |table|li)\b", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0\u3000]{2,}")
_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")

_BLOCK_TAGS = frozenset(
    ["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "header", "footer", "title", "blockquote"]
)
_SKIP_TAGS = frozenset(("script", "style", "noscript", "template"))


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in ("td", "th"):
            self.parts.append(" | ")  # a table row stays one line, its cells apart
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    """True when the text carries HTML markup worth stripping."""
    return _HTML_HINT.search(text[:20000]) is not None


def html_to_text(html: str) -> str:
    """Visible text of an HTML document (block tags become line breaks)."""
    parser = _TextCollector()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is lenient, but never let markup kill extraction
        logger.debug("html parse failed; falling back to tag stripping", exc_info=True)
        return re.sub(r"<[^<>]{0,2000}>", " ", html)
    return "".join(parser.parts)


def to_simplified(text: str) -> str:
    """Fold the Traditional characters used by HK/TW outlets to Simplified."""
    return text.translate(_T2S) if _FOLDABLE.search(text) else text


def strip_citations(text: str) -> str:
    """Remove citation markers such as ``[1][4][18]`` or ``[2,3]``, and the pinyin that pages copied
    through converters carry after characters ("询价(jià)")."""
    return _PINYIN.sub("", _CITATION.sub("", text))


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A bracketed syllable with a tone mark right after a character: "服务(wù)", "询价(jià)".
_PINYIN = re.compile(rf"(?<=[\u4e00-\u9fff])\((?=[a-zü]{{0,5}}[{_TONED}])[a-zü{_TONED}]{{1,7}}\)")


_ROC_YEAR = re.compile(r"(?:民国\s*)?(?<![\d.])(?P<y>1[0-4]\d)\s*年(?=\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
                       r"|\s*第?\s*[一二三四1-4]\s*季|\s*[上下]半年|\s*度)")


# "9 月 30 日", "2027 年 10 月", "公布的 9 月数据": dates typed with spaces around their numbers.
_SPACED_DATE = re.compile(r"(?<=\d)[ \t]+(?=[年月日号])|(?<=[年月])[ \t]+(?=\d)|(?<=\d[日号])[ \t]+(?=[-–~至到])|"
                          r"(?<=[-–~])[ \t]+(?=\d{1,2}[ \t]?[日号])|(?<=[\u4e00-\u9fff])[ \t]+(?=\d{1,2}[ \t]?月(?!\d))|"
                          r"(?<=[\u4e00-\u9fff])[ \t]+(?=\d{1,2}月\d{1,2}[日号])")  # "从 1月24日至2月1日"
# HK/TW clocks written with am/pm after Chinese text ("本港时间8:05am", "於4:00pm", "晚上7:30pm", "(28日)4:00pm").
_CJK_AMPM = re.compile(r"(?:(?<=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff][)）]))[ \t]?(?P<p>凌晨|早上|上午|中午|下午|傍晚|晚上|晚间)?[ \t]?"
                       r"(?P<h>\d{1,2})(?P<m>[:：]\d{2})?[ \t]?(?P<ap>[AaPp])\.?[Mm]\.?(?![A-Za-z])")


# What every match of the two patterns above holds, found fast (each begins with a set of characters,
# where the look-behinds of those patterns are tried at every position): most texts hold none.
_SPACED_DATE_HINT = re.compile(r"[\d年月日号\-–~][ \t]+[\d年月日号\-–~至到]|[\u4e00-\u9fff][ \t]+\d{1,2}月\d")
_AMPM_HINT = re.compile(r"[AaPp]\.?[Mm](?![A-Za-z])")


# A four-digit clock right after a zone word ("美东时间1400公布", "北京时间0830"): hours and minutes.
# one clock for two cities of one offset ("北京/香港时间14:00", "京港时间"): the first city's zone, which the clock
# readers know
_TWIN_ZONE = re.compile(r"北京\s*[/、]\s*香港时间|香港\s*[/、]\s*北京时间|京港时间")
_ZONE_HHMM = re.compile(r"(?<=时间)[ \t]?(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?![\d年月日号%.:：])")
# "13Jul 2026": a page's date cell with the day glued to its month ("13 Jul 2026").
_GLUED_DAY_MONTH = re.compile(r"(?<![\w.])(\d{1,2})(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?=\s+\d{4}\b)")
_GLUED_HINT = re.compile(r"\d(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s")
# a table's cells run together: "March 4ScheduledAnnouncement of …" (the day, then the next cell's word)
_GLUED_CELL = re.compile(r"(?<![\w.])((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2})((?:[A-Z][a-z]+){1,3})")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# a calendar row's cells run together after its day: "March 26th09:30 GMTPPI (YoY)" (the clock, then the zone and the release)
_GLUED_CLOCK = re.compile(r"(?<=\d(?:st|nd|rd|th))(?=\d{1,2}:\d{2})|(?<=\d:\d\d )(?:GMT|UTC|ET|EST|EDT|BST|CET|CEST|JST|SGT|HKT)(?=[A-Z])")
_GLUED_CELL_HINT = re.compile(r" \d{1,2}[A-Z][a-z]")
_DASHED_DATE = re.compile(r"(?<![\w-])(\d{1,2})-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)-(\d{4})(?![\w-])", re.IGNORECASE)  # "16-Oct-2031"
_GLUED_CLOCK_HINT = re.compile(r"\d(?:st|nd|rd|th)\d|\d:\d\d [A-Z]{2,4}[A-Z]")
# "Visa (V - Free Report)": a ticker with a note; the dash would read as a list bullet.
_TICKER_NOTE = re.compile(r"\(([A-Z][A-Z.]{0,5})[ \t]+[-–][ \t]+[^()\n]{1,30}\)")
# "晚上八点半": an hour in Chinese numerals after a part of the day, written in digits ("晚上8点半")
_CN_CLOCK = re.compile(r"(?<=凌晨|早上|上午|中午|下午|傍晚|晚上|晚间)(?P<h>[一二两三四五六七八九十]{1,3})(?P<p>[点时])"
                       r"(?:(?P<mi>[一二三四五六七八九十]{1,3})分)?(?=半|整|\d|[^\d点分一二三四五六七八九十])")
# "十七日晚间", "二十一日起": a day of the month in Chinese numerals, written in digits ("17日晚间"); not a
# count of days ("三十日内", "二十日均线", "未来十五日"), not after a month or an ordinal ("九月十七日", "第十五日")
_CN_DAY = re.compile(r"(?<![月第每近初个\d〇零一二两三四五六七八九十])(?<!未来|过去|连续)(?P<d>[一二三]?十[一二三四五六七八九]?)日"
                     r"(?![内均来后前里间以之左线])")
# "元月23日": January, the first month, written so in dates
_FIRST_MONTH = re.compile(r"(?<![\u4e00-\u9fff])元月(?=\d{1,2}[日号])|(?<=年)元月(?=\d{1,2}[日号])")
# A circled list number opening a line ("⑥英国央行将…"): NFKC would glue its digit to the first word ("6英国央行").
_CIRCLED_ANY = re.compile("[\u2460-\u2473\u2776-\u2793]")
_CIRCLED = re.compile("(?m)^([ \t]*)[\u2460-\u2473\u2776-\u2793][ \t]*")
_DOUBLE_PART = re.compile(r"(凌晨|早上|上午|中午|下午|傍晚|晚上|晚间)(?:上午|下午|凌晨)")
_PART_SPACE = re.compile(r"(?<=凌晨|早上|上午|中午|下午|傍晚|晚上|晚间)[ \t]+(?=\d{1,2}[:：点时])")  # "上午 9:30"
_IDEOGRAPH = re.compile("[\u4e00-\u9fff]")
# An acronym set off by spaces inside Chinese text is part of the phrase ("官方 PMI 与财新 PMI 两组数据").
# a list item written with its dash against the word ("-Quebec provincial election", "-0800: Speech") is a bullet
_GLUED_DASH = re.compile(r"(?m)^([ \t]*)-(?=[A-Za-z\u4e00-\u9fff]|\d{3,4}:|\d{1,2}:\d{2})")
_SPACED_ACRONYM = re.compile(r"(?<=[\u4e00-\u9fff]) ([A-Z][A-Za-z0-9]{0,9}(?:/[A-Z][A-Za-z0-9]{0,9})?) ?(?=[\u4e00-\u9fff、])")


def _cjk_clock(m: re.Match[str]) -> str:
    h, pm = int(m["h"]), m["ap"] in "Pp"
    part = m["p"] or ("下午" if pm else ("凌晨" if h in (12, 0) or h < 5 else "上午"))
    if not pm and h == 12:
        h = 0
    return f"{part}{h}{m['m'] or ':00'}"


def _cn_hour(m: re.Match[str]) -> str:
    h, mi = cn_int(m["h"]), cn_int(m["mi"]) if m["mi"] else None
    if h is None or h > 12 or (m["mi"] and (mi is None or mi > 59)):
        return m[0]
    return f"{h}{m['p']}{mi}分" if mi is not None else f"{h}{m['p']}"


def _cn_day(m: re.Match[str]) -> str:
    d = cn_int(m["d"])
    return f"{d}日" if d is not None and 10 <= d <= 31 else m[0]


def _roc_to_gregorian(m: re.Match[str]) -> str:
    return f"{int(m['y']) + 1911}年"


# A holiday's days said shut without "休市" ("元旦:1月1日至1月3日不开放", "春节…不营业", "周末不开放"): a closure, worded as one
_HOLIDAY_SHUT = re.compile(r"((?:节|元旦|假期|假日|周末)[^。;；\n]{0,40}?)不(?:开放|营业|交易)(?!时间)")
_CIRCLE_ZERO = re.compile(r"(?<=[〇零一二三四五六七八九])○|○(?=[〇零一二三四五六七八九])")


def normalize(text: str) -> str:
    """Full cleanup: HTML -> text, NFKC, T->S, no citations, tidy spaces."""
    if looks_like_html(text):
        text = html_to_text(text)
    text = unicodedata.normalize("NFKC", _CIRCLED.sub(r"\1", text) if _CIRCLED_ANY.search(text) else text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.count("\\n") >= 3:  # a page whose line breaks came through as the two characters "\n" (a JSON string)
        text = text.replace("\\n", "\n")
    folded = to_simplified(text)
    if folded != text or "民国" in folded:  # Taiwan dates count years from 1912: 民國115年 = 2026
        folded = _ROC_YEAR.sub(_roc_to_gregorian, folded)
    if _IDEOGRAPH.search(folded):  # each of these needs a Chinese character (and adds one only where it found one)
        if _SPACED_DATE_HINT.search(folded):
            folded = _SPACED_DATE.sub("", folded)
        if _AMPM_HINT.search(folded):
            folded = _CJK_AMPM.sub(_cjk_clock, folded)
        folded = _PART_SPACE.sub("", _DOUBLE_PART.sub(r"\1", _SPACED_ACRONYM.sub(r"\1", folded)))
        folded = _ZONE_HHMM.sub(r"\g<h>:\g<m>", folded)
        if "时间" in folded:
            folded = _TWIN_ZONE.sub("北京时间", folded)
        if "○" in folded:  # "二○一五年": a white circle for the zero of a year in Chinese numerals
            folded = _CIRCLE_ZERO.sub("〇", folded)
        folded = _FIRST_MONTH.sub("1月", folded)
        if "不开放" in folded or "不营业" in folded or "不交易" in folded:
            folded = _HOLIDAY_SHUT.sub(r"\1休市", folded)
        folded = _CN_CLOCK.sub(_cn_hour, folded)
        if "十" in folded and "日" in folded:
            folded = _CN_DAY.sub(_cn_day, folded)
    folded = _TICKER_NOTE.sub(r"(\1)", folded)
    if "\n-" in folded or folded.startswith("-"):
        folded = _GLUED_DASH.sub(r"\1- ", folded)
    if _GLUED_HINT.search(folded):
        folded = _GLUED_DAY_MONTH.sub(r"\1 \2", folded)
    if _GLUED_CELL_HINT.search(folded):
        folded = _GLUED_CELL.sub(lambda m: f"{m[1]} {_CAMEL.sub(' ', m[2])}", folded)
    if "-" in folded:
        folded = _DASHED_DATE.sub(r"\1 \2 \3", folded)
    if _GLUED_CLOCK_HINT.search(folded):
        folded = _GLUED_CLOCK.sub(lambda m: f"{m[0]} " if m[0] else " ", folded)
    text = _SPACES.sub(" ", folded)  # first: later patterns then never meet long blank runs
    text = strip_citations(text)
    return _BLANKS.sub("\n\n", text)


# Latin letters are counted in the UTF-8 bytes, where no other character has a byte of theirs.
_LATIN_BYTES = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))
# So are the ideographs U+4E00-U+9FFF: a first byte of E4-E9 (U+4000-U+9FFF; such a byte never occurs
# inside another character), less the characters before U+4E00 (E4 followed by 80-B7).
_NOT_E4_E9 = bytes(b for b in range(256) if not 0xE4 <= b <= 0xE9)
_BEFORE_4E00 = re.compile(rb"\xe4[\x80-\xb7]")


def cjk_ratio(text: str) -> float:
    """Share of CJK ideographs among the letters of ``text`` (sampled)."""
    sample = text[:5000]
    raw = sample.encode("utf-8", "surrogatepass")
    cjk = len(raw.translate(None, _NOT_E4_E9)) - len(_BEFORE_4E00.findall(raw))
    latin = len(raw) - len(raw.translate(None, _LATIN_BYTES))
    total = cjk + latin
    return cjk / total if total else 0.0


_TRAD_RX = re.compile("[" + "".join(sorted(set(_TRAD) - set(_SIMP))) + "]")
_HK_WORDS = re.compile(r"本港|香港|港股|港交所|港元|恒指|恒生")
_TW_WORDS = re.compile(r"台北|台股|臺股|台灣|臺灣|新台幣|民國|櫃買|證交所")


# A Chinese wrap of the US market ("美股周一收跌", "华尔街", "道琼…"): its unplaced items are American.
_US_MARKET = re.compile(r"美股|华尔街|道琼|道指|纳斯达克|那斯达克|标普500")


_HK_MARKET = re.compile(r"港股|恒指|恒生指数|港交所|香港交易所|联交所")
_CN_MARKET = re.compile(r"A股|沪深|沪指|上证|深证|创业板|科创板|北交所")


def headline_market(headline: str) -> str | None:
    """"US" or "HK" for a Chinese headline about that stock market alone (its items default to it), else None."""
    if _CN_MARKET.search(headline):
        return None
    if _US_MARKET.search(headline):
        return None if _HK_MARKET.search(headline) else "US"
    return "HK" if _HK_MARKET.search(headline) else None


def traditional_place(text: str) -> str | None:
    """"HK" or "TW" for an article in Traditional characters that names Hong Kong or Taiwan (its clock
    times are then local), else None."""
    sample = text[:5000]
    if len(list(itertools.islice(_TRAD_RX.finditer(sample), 5))) < 5:
        return None
    hk, tw = len(_HK_WORDS.findall(sample)), len(_TW_WORDS.findall(sample))
    return None if hk == tw == 0 else "HK" if hk >= tw else "TW"


_WRAP_MIN = 30  # a line this long that breaks mid-clause was wrapped, not ended
_WRAP_END = re.compile(r"[\u4e00-\u9fff\d%]$")
_WRAP_NEXT = re.compile(r"^[\u4e00-\u9fff。,，;；)(（A-Z]")
_WRAP_MONTH = re.compile(r"^\d{1,2}月[\u4e00-\u9fff]")  # "8月制造业PMI": a month naming a release, not a day
# a day heading with a subtitle ("周一 (9 月 15 日) 交易日:某国数据开场,汇市反弹") ends its line
_DAY_HEAD = re.compile(r"^(?:周|星期)[一二三四五六日天]\s*[(（]\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[)）]")


def _wrap_width(lines: list[str]) -> int | None:
    """The width a fixed-width filing wraps at: most long lines of prose (with a comma) that end mid-clause
    are within a few characters of one length (a column of a news wire); None when they show no such width."""
    ends = sorted(len(s) for s in (ln.strip() for ln in lines)
                  if len(s) >= _WRAP_MIN and _WRAP_END.search(s) and ("," in s or "，" in s))
    if len(ends) < 4:
        return None
    median = ends[len(ends) // 2]
    near = sum(1 for n in ends if abs(n - median) <= 4)
    return median - 4 if near * 4 >= len(ends) * 3 else None


def join_wrapped_lines(text: str) -> str:
    """Chinese text whose lines break in the middle of words ("…公布7月成屋待完成销" / "售…"): a long
    line of prose (it has a comma, or it is as long as the filing's wrap width and the next has one) that ends on a character or
    digit, not a stop, continues on the next line when that starts with a character or a stop, with a month
    naming a release ("…美国公布" / "8月制造业PMI"), or with a digit after a year or a month (a date broken
    by a fixed-width filing: "…基准日订定为2031年" / "9月18日"). Headlines (short), day headings with a
    subtitle ("周一 (9月15日) 交易日:…") and list rows are left alone."""
    lines = text.split("\n")
    width = _wrap_width(lines)
    out: list[str] = []
    parts: list[str] = []  # the line being built, in pieces (joining stays linear)
    tail = ""  # its last piece: whether the line goes on depends on how that ends
    length, comma, headed = 0, False, False
    for line in lines:
        stripped = line.strip()
        wide = width is not None and len(tail) >= width
        pending = length >= _WRAP_MIN and (comma or wide) and _WRAP_END.search(tail) is not None and not headed
        if pending and not stripped:
            continue
        # a line without a comma that only reaches the width goes on into prose, not into another headline
        prose = comma or "," in stripped or "，" in stripped
        if pending and prose and (_WRAP_NEXT.match(stripped) or _WRAP_MONTH.match(stripped)
                                  or (tail.endswith(("年", "月")) and stripped[:1].isdigit())):
            parts.append(stripped)
        else:
            if parts:
                out.append("".join(parts))
            if pending:
                out.append("")
            parts, length, comma = [line], 0, False
            headed = _DAY_HEAD.match(stripped) is not None
        tail = stripped if stripped else tail
        length += len(stripped)
        comma = comma or "," in stripped or "，" in stripped
    if parts:
        out.append("".join(parts))
    return "\n".join(out)
