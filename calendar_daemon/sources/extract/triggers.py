"""The event triggers: the words that make a dated phrase an event ("公布", "上市", "decision", "auction",
"will be out"), in Simplified Chinese (Traditional is folded before matching) and English. A clause names an
event only if it holds one of them (or a release the gazetteer knows, or a list shape the readers know)."""

from __future__ import annotations

import re

from .changewords import EXCHANGE_CLOSES, RULE_CHANGE
from .vocabulary import Vocabulary

_I = re.IGNORECASE

# A Stock Connect link suspended ("不提供港股通服务", "北向交易(港股通)暂停服务"): a closure, and an event word.
STOCK_CONNECT_PAUSE = r"(?:不提供|暂停)(?:港股通|沪股通|深股通|沪深股通|北向|南向)|(?:港股通|(?:北向|南向)交易(?:\(港股通\))?)暂停|"
# a lock-up of shares, and an Indian "lock-in" (a statistics office's media lockup, "(lockup)" against a release, is none)
SHARE_LOCKUP = r"(?<!media )(?<!\()lock-?up(?!s?\))(?!s? (?:are|is) held)|\block-ins?\b"
# a market closed for the day
MARKET_CLOSED = r"休市|闭市|停市|停止交易|暂停交易"
# the last day to buy for a dividend ("想领息的投资人,最晚要在16日买进"); the day the money arrives: "就能在4月7日领到钱"
LAST_BUY = r"最[晚后]要?(?:在|于)?\S{0,8}?(?:买进|买入)"
TRIGGER = Vocabulary(
    RULE_CHANGE + r"|\$[\d.]+ ?(?:billion|bn|million) (?:of|in) [^.;]{0,24}?\b(?:notes|bonds|bills|TIPS)\b|"  # "$44 billion of 7-year notes"
    r"公布|发布|出炉|登场|发行|申购|抽签|抽籤|认购期|招股|截招|上市|挂牌|解禁|到期|兑付|付息|赎回|回售|施行|实施|生效|召开|举行|举办|开幕|闭幕|"
    r"峰会|论坛|大会|发布会|听证|决议|议息|纪要|讲话|演说|演讲|炉边谈话|发表|致辞|财报|业绩会|业绩说明会|投产|量产|推出|上线|交付|开业|开工|"
    r"竣工|试生产|投入运营|部署|租用|关门|停摆|加征|关税|大选|选举|公投|停牌|复牌|摘牌|派息|配息|基准日|过户|发放日|(?:股利|股息)\S{0,18}?发放|发放(?:现金)?(?:股利|股息)|[并将]于\S{1,14}?发放|发放入账|领取(?:现金)?(?:股利|股息)|除权|除息|股东大会|冻结|开庭|询价|路演|"
    r"轮调整|调价窗口|货币决策|利率决策|"
    + LAST_BUY + r"|领到(?:钱|股息|股利|配息)|"
    r"宣判|判决|任期|届满|建设期|开售|首发|截止|揭晓|定价日|开始交易|开始买卖|发售\S{0,20}?开始|稳定价格(?:行动|期)|(?:申报|公告|缴纳|缴款|提交|申请|报名)期限|操作|登记日|登记期|缴款|配发|招标|标售|开标|投标|分销|偿还本金|还本|法说会|说明会|营收|休市|提前\S{0,6}?(?:收盘|收市)|推迟开市|半日交易|半日市|补行交易|停止交易|暂停交易|停市|市场无交易|天休假|"
    + STOCK_CONNECT_PAUSE
    + r"纪念日|节假日|公众假期|征求意见|"
    r"(?:在|于)宪报刊登|刊宪|提交立法会|提交国会|提交议会|"  # a rule gazetted and tabled ("将于星期五(21日)在宪报刊登《…公告》")
    # an application window, a subsidy paid out, a duty that starts on a day ("申请时间从7月1日至8月31日", "预计10月发放补贴金",
    # "应自2032年1月1日起提供")
    r"申请时间|申请期间|受理时间|报名时间|登记时间|发放补贴|补贴\S{0,3}发放|应自\S{1,16}?起|"
    r"最后时限|见面会|记者会|吹风会|"  # an offer's last time to accept ("…缴付股款最后时限")
    r"\b(?:entry|enters?|entered) into (?:force|application)\b|\bappl(?:y|ies) from\b|"  # "Entry into force: 30 June 2031"
    r"\b(?:subscription|issuance|issue|allotment|redemption) (?:date|window|period)s?\b|"
    r"\bdates? of (?:subscription|issuance|issue|allotment|redemption)\b|"  # "the date of issuance is May 25"
    r"\b(?:AGMs?|EGMs?|IPO|earnings|results|reports?|release[sd]?|decision|meeting|minutes|speech|speaks?|testif|testimony|"
    r"auction|expir|matur|takes? effect|settle (?:on|in)\b|buybacks? of\b|effective|launch|conference|summit|vote|election|payrolls|CPI|PPI|GDP|"
    r"PMI|hearing|shutdown|deadline|" + SHARE_LOCKUP + r"|listing|debut|FOMC|data|sales|inflation|jobs report|unveil|"
    r"due|follows?|brings|set for|scheduled (?:for|to)|holiday|closed|markets (?:will )?close (?:on|for)|early close|close early|half[- ]day|"
    + EXCHANGE_CLOSES + r"|"
    r"consumer price|producer price|employment report|"
    r"gross domestic product|personal income|durable goods|(?:trading|market|exchange|session) (?:ceases|closes)|settlement date|speakers\b|"
    r"ex[- ]dates?|record dates?|payment dates?|ex-dividend|publishes\b|to be (?:announced|unveiled|presented)|"
    r"(?:to|will) price\b(?!\s+in\b)|"
    r"product event|(?:will|to) be out\b|(?:will|to) be held\b|pre-?orders?|go(?:es)? on sale|in stores|(?:begin|start)s? (?:delivery|deliveries|shipping)|"
    r"meets|statement|announcement|will announce|decide on (?:the |its )?(?:interest |policy )?rates?\b|"
    r"(?:update|decision) on (?:the |its )?monetary policy|monetary policy (?:update|decision)|early close|close[sd]? early|close at \d|hear from|"
    r"begins? trading|starts? trading|to trade|trading debut|subscription period|(?:will|to) (?:be )?list(?:ed)?\s+(?:on|in)\b|"
    r"\b(?:offering|offer|subscription|book[- ]?building)s?\s+(?:period\s+)?(?:will\s+)?(?:close|open|end)s?\b|(?:will|to) visit\b|(?:state|official) visit|"
    r"\bwill be (?:offered|auctioned|re-?opened)\b|\bregister of (?:members|shareholders)\b|\bto register for\b|"  # "the 91-day T-bill will be offered … on Feb. 3"
    r"(?:will|to) (?:hike|cut|raise|lower) (?:rates|interest rates|its (?:key |policy |benchmark )?rate|by \d+ basis points)\b)",
    _I)
