"""Where an event is: the region of the first region word or company name in its clause, then in
the wider text ("美联储" -> US, "Bank of England" -> GB, "三星" -> KR)."""

from __future__ import annotations

import re
from functools import partial

from .memo import remembered
from .vocabulary import Vocabulary

_I = re.IGNORECASE

# A short section label ahead of the text ("会议与政策:", "财报:") names a section, not this event.
SECTION_LABEL = re.compile(r"^[^\s:：,，。]{1,8}[:：]")


# --- regions (first mention wins) -------------------------------------------------------
REGION_WORDS: tuple[tuple[str, str], ...] = (
    ("HK", r"中国香港|香港|港股|港交所|恒指|恒生|本港|\bHong Kong\b|\bHKEX\b"),
    ("TW", r"台湾|台股|台积电|台北|金管会|主计总处|新台币|\bTaiwan\b"),
    ("CN", (r"中国|国内|国产|A股|沪深|上交所|深交所|北交所|科创板|创业板|国新办|国家统计局|统计局|人民币|央行|国务院|财政部|"
            r"证监会|发改委|\bChina\b|\bChinese\b|\bPBOC\b|\bPBoC\b|\bYuan\b")),
    ("US", (r"美国|美联储|联准会|美股|美债|纽约|鲍威尔|特朗普|华尔街|纳斯达克|\bU\.S\.|\bUS\b|\bFed\b|\bFOMC\b|Wall Street|"
            r"Nasdaq|NYSE|Treasury|\bFederal Reserve\b|Powell|Trump|American|\(USD\)|\bUSA\b|United States")),
    ("EU", (r"欧洲|欧元区|欧盟|欧央行|法国|德国|意大利|西班牙|\bECB\b|euro zone|eurozone|\bEU\b|Europe|France|Germany|"
            r"\bGerman\b|\bFrench\b|\bItal(?:y|ian)\b|\bSpain\b|\bSpanish\b|\(EUR\)")),
    ("CH", r"瑞士|瑞郎|\bSNB\b|\bSwiss\b|Switzerland"),
    ("NZ", r"新西兰|纽西兰|纽西蘭|纽储行|\bRBNZ\b|New Zealand"),
    ("JP", r"日本|日央行|日银|东京|\bBOJ\b|\bJapan\b|Tokyo|\(JPY\)"),
    ("CA", r"加拿大|\bCanada\b|\bCanadian\b|Bank of Canada|\bBoC\b|\bBOC\b|\(CAD\)"),  # "(CAD):" tags a calendar row
    ("GB", r"英国|英央行|伦敦|\bBOE\b|Britain|\bUK\b|Bank of England|London|\bONS\b|Office for National Statistics|\bCBI\b|"
           r"\bgilts?\b|\bDMO\b|Debt Management Office|\bOBR\b|Office for Budget Responsibility|\(GBP\)"),
    ("AU", r"澳大利亚|澳洲|\bRBA\b|Australia|\(AUD\)"),
    ("KR", r"韩国|韩系|\bKorea\b"),
    ("IN", r"印度|\bIndia\b"),
    # central banks of a "super central-bank week" ("秘魯、哥倫比亞及印尼央行預計各降息1碼")
    ("ID", r"印尼|印度尼西亚|\bIndonesia\b"), ("TH", r"泰国|\bThailand\b"), ("BR", r"巴西|\bBrazil\b"),
    ("ZA", r"南非|\bSouth Africa\b"), ("NO", r"挪威|\bNorway\b|Norges Bank"), ("SE", r"瑞典|\bSweden\b|Riksbank"),
    ("CL", r"智利|\bChile\b"), ("MX", r"墨西哥|\bMexico\b"), ("RU", r"俄罗斯|\bRussia\b"),
    # markets an English page names by their exchange or debt office ("SGX closed", "Bureau of the Treasury (BTr)")
    ("MY", r"马来西亚|\bMalaysia\b|Bursa Malaysia"),
    ("PH", r"菲律宾|\bPhilippines?\b|Bureau of the Treasury|\bBTr\b|Bangko Sentral"),
    ("AU", r"\bASX\b"), ("CA", r"\bTSX\b|\bTSXV\b|Montr[ée]al Exchange"), ("NZ", r"\bNZX\b"),
    ("KE", r"肯尼亚|\bKenya\b|Nairobi"), ("NG", r"尼日利亚|\bNigeria\b|Lagos"), ("IE", r"爱尔兰|\bIreland\b|\bIrish\b"),
)
COMPANY_REGION = {"微软": "US", "苹果": "US", "特斯拉": "US", "Meta": "US", "谷歌": "US", "亚马逊": "US",
                  "英伟达": "US", "美光": "US", "IBM": "US", "埃克森美孚": "US", "雪佛龙": "US", "闪迪": "US",
                  "西部数据": "US", "希捷": "US", "Apple": "US", "Microsoft": "US", "Tesla": "US",
                  "Nvidia": "US", "Alphabet": "US", "Amazon": "US", "三星": "KR", "SK海力士": "KR"}

# One pass finds the first mention: region words in list order, then company names (a tie goes to the word).
_REGION_CODES = [code for code, _ in REGION_WORDS] + list(COMPANY_REGION.values())
_REGION_ALTERNATIVES = [rx for _, rx in REGION_WORDS] + [
    f"(?-i:(?<![A-Za-z]){re.escape(name)}(?![A-Za-z]))" if name.lower() != name.upper() else name for name in COMPANY_REGION]  # "微软" has no case
# (a Latin name is a whole word, in Chinese text too: "Metallica Minerals" is not Meta, "Meta宣布" is)
_REGION_RX = re.compile("|".join(f"(?P<r{i}>{rx})" for i, rx in enumerate(_REGION_ALTERNATIVES)), _I)
# The same alternatives without groups find the first mention several times faster; the grouped
# pattern, matched where it starts, then tells which one it is.
_ANY_REGION = Vocabulary("|".join(_REGION_ALTERNATIVES), _I)


def region_of(*scopes: str, default: str) -> str:
    for scope in scopes:
        code = remembered(("region", scope), partial(_region_in, scope))
        if code is not None:
            return code
    return default


# "台湾时间18日凌晨2时" names the clock's zone: it says where the event is only when nothing else does.
_ZONE_WORD = re.compile(r"(?:台湾|台北|北京|美东|美国东部|美国中部|美西|香港|本港|东京|日本|伦敦|英国|纽约|新加坡|欧洲中部)时间")


def _region_in(scope: str) -> str | None:
    """The region of the first region word or company name in ``scope``, if any."""
    scope = SECTION_LABEL.sub("", scope, count=1)  # "央行与数据:美联储…" is about the Fed
    unzoned = _ZONE_WORD.sub("", scope) if "时间" in scope else scope
    first = _ANY_REGION.first(unzoned) if unzoned != scope else None
    if first is not None:
        scope = unzoned  # "台湾时间18日，英国央行…" is about England
    else:
        first = _ANY_REGION.first(scope)
    m = _REGION_RX.match(scope, first) if first is not None else None
    if m and m.lastgroup:
        return _REGION_CODES[int(m.lastgroup[1:])]
    return None
