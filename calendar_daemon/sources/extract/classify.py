"""Vocabularies: categories, regions, importance, entities (the event triggers are in :mod:`triggers`).

Simplified Chinese (Traditional is folded before matching) and English.
Rules are ordered: the first category whose vocabulary matches wins, so the
specific ones (rate decisions, repo operations, lock-ups) come before the
broad ones (policy, conference, corporate).
"""

from __future__ import annotations

import logging
import re

from .agencyreleases import AGENCY_RELEASE, STATS_OFFICE
from .changewords import EXCHANGE_CLOSES, RULE_CHANGE
from .regions import SECTION_LABEL as _SECTION_LABEL
from .triggers import LAST_BUY, MARKET_CLOSED, SHARE_LOCKUP
from .triggers import STOCK_CONNECT_PAUSE as STOCK_CONNECT_PAUSE  # (the event triggers are in triggers.py)
from .triggers import TRIGGER as TRIGGER
from .vocabulary import Vocabulary

logger = logging.getLogger(__name__)

_I = re.IGNORECASE

FUTURE = Vocabulary(r"将|拟|计划|即将|预计将|有望|准备|定于|\bwill\b|\bto be\b|\bdue\b|\bscheduled\b|\bexpected\b"
                    r"|\bset to\b|\bslated\b|\bupcoming\b", _I)
PAST = Vocabulary(r"已经|已于|已|此前|曾|刚刚|日前|(?:官宣|宣布|公布|发布|披露)了|\bwas\b|\bwere\b|\bhad\b|\bhas been\b|\breported\b|\bsaid\b|"
                  r"\btold\b|\bha(?:s|ve) (?:already )?(?:started|begun|completed)\b", _I)
# A central bank's expected move ("料将在17日降息1码", "预期在19日按兵不动") is its decision that day; over a
# month or a year ("今年底前降息2码") it is a forecast, not an event.
RATE_MOVE = re.compile(r"降息|升息|加息|按兵不动|维持利率|利率不变|冻结利率")
# "There are no IPOs scheduled for the week", "主板无新股上市": the clause says nothing happens.
NONE_SCHEDULED = Vocabulary(r"\bthere (?:are|is|will be) no\b|\bno (?:\w+ ){0,3}(?:are |is )?scheduled\b|\bnone scheduled\b|"
                            r"(?<![\u4e00-\u9fff])无新股|[板市]无新股|没有新股|暂无新股|"
                            # "isn't a single company scheduled to report"; "另有3月2日为周末休市" (a weekend)
                            r"\b(?:isn't|is not|aren't|are not)\s+(?:a single|any|one)\b[^.;]{0,60}\bscheduled\b|周末休市|"
                            # data that will not come: "多份报告本周恐怕无法如期出炉", "…将缺席本周的发布日程"
                            r"缺席|无法如期|未能如期|不能如期|不会如期|"
                            # the last day of something before a closure ("2月13日为节前最后申购日"): no event of its own
                            r"节前最后|休市前最后|假期前最后|"
                            # "下周某国经济日程将没有官员讲话" (a quiet period): nothing is to come
                            r"将没有|将不会有|没有安排|暂无安排|"
                            # the week's standing trading days: "周一至周五为交易日,周六、周日为休市日"
                            r"周一至周五为交易日|周六、?周日为休市日?|\(非周六|"
                            # a standing schedule, not a dated event: "the exchange is normally open Monday to Friday"
                            r"\b(?:normally|usually|typically|generally) (?:open|closed|trades?)\b|"
                            # regular trading hours: "both open at 9:30am ET and close at 4pm"
                            r"\bopens? at \d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})? and closes? at \d|"
                            # "nothing is scheduled for Friday"
                            r"\bnothing (?:else )?(?:is |will be )?(?:scheduled|due|on tap)\b|"
                            # trading resuming as usual after a closure: "Trading reopens at the start of the day session"
                            r"\b(?:trading|markets?|exchanges?|clearing)\s+(?:reopens?|resumes?)\b|"
                            # how long a status has lasted: "某国罢工进入第二周"
                            r"进入第[一二三四五六七八九十\d]+(?:周|天|日|个月)", _I)
# The day a release was first due ("该数据原定于10月15日发布"): its old slot, not an event this week.
ORIGINAL_SLOT = re.compile(r"原定|原订|原本(?:排在|定于|定在|计划)|原计划|originally (?:scheduled|due|set)", _I)
CUMULATIVE = Vocabulary(r"累计|累積|年内共|今年以来|已有\s?\d|已经有\s?\d|so far this year|year to date|year-to-date", _I)
MARKET_MOVE = Vocabulary(r"(?:涨|跌|升|降)(?:幅)?(?:超|逾|近|约)?\s?\d+(?:\.\d+)?%|(?<!提前)(?<!小时)收盘|报收|成交额|涨停|跌停|盘中|午后|"
                         r"\b(?:rose|fell|gained|dropped|closed (?:up|down|higher|lower|marginally|slightly|flat|mixed|the (?:week|day|session)))\b", _I)

# A time expression directly followed by one of these names a data/report period.
PERIOD_NOUN = re.compile(
    r"^(?:份|的|之|度|及全年|全年|当周|同比|环比)?\s*(?:当周|[^\s,，。;；:：、]{0,12}?"
    r"(?:PMI|CPI|PPI|GDP|数据(?!中心)|失业|订单|指数|贸易|利润|产量|营收|收入|销量|读数|初值|终值|非农|社融|信贷|M2|出口|进口|"
    r"零售|增加值|房价|纪要|摘要|维持利率不变的|每股(?:现金)?股[利息]|裁员人数|业绩|财报|净利润|每股收益|EPS|价格|涨幅|出货|定价|产能|利率决议|议息|决议|季报|年报|票委|库存|"
    r"报告|payrolls|inflation|sales|figures|numbers|earnings|results|profits?|revenue))", _I)
VERB_AFTER = re.compile(r"^\s*(?:将|拟|会|要|于|起|是|为|有|前|后|在|通过|向|由|把|对|举行|召开|公布|发布|发行|推出|上市|到期|兑付|施行|"
                        r"生效|开始|至|到|~|-)")

# --- categories ------------------------------------------------------------------------
CATEGORY_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # a step of an offer's timetable (offertimetables.py) is the offer's, whatever the step's words
    ("ipo", re.compile(r"\bipo step due on\b")),
    ("corporate", re.compile(r"\b(?:rights issue|offer) step due on\b")),
    # a gauge a bank is said to watch ("央行最看重的物价指标") is data, whoever watches it
    ("macro_data", re.compile(r"(?:最看重|最重视|最关注|最青睐|偏好)的(?:通[胀膨]|物价|就业)(?:指标|数据)")),
    # a statistics office's own reports and press conferences on the economy ("发布“工业品价格月度报告”",
    # "公布“年度统计公报”", "举行新闻发布会发布国民经济运行情况")
    ("macro_data", re.compile(r"统计公报|(?:价格|景气|信心)\S{0,8}?(?:月度|季度)报告|(?:经济形势|国民经济运行)(?:情况)?\S{0,4}?新闻发布会|"
                              r"新闻发布会发布国民经济")),
    # an index provider's review and its results ("the results of the August 2031 QIR", "半年度指数审议") are a market
    # event, not a company's results
    ("other", re.compile(r"\b(?:quarterly|semi-annual|annual) index reviews?\b|\bindex review\b|\b(?:QIR|SAIR)\b|指数(?:审议|审核)", _I)),
    ("macro_data", re.compile(AGENCY_RELEASE, _I)),  # "the department reports August retail sales"
    ("macro_data", re.compile(STATS_OFFICE)),  # "StatsCan releases March payroll employment, earnings and hours"
    # an index a central bank compiles is data, not a decision ("the bank's index of commodity prices for May")
    ("macro_data", re.compile(r"\bindex of (?:\w+ ){0,2}prices\b", _I)),
    # "Other major economic reports due on Thursday are …", "releases monthly … survey results": releases of
    # data, not companies' results
    ("macro_data", re.compile(r"\beconomic (?:reports?|releases?|indicators?)\b|\bsurvey results\b", _I)),
    # a regional Fed's survey is data, not the bank: "Empire Fed Manufacturing index", "Richmond Fed services survey"
    ("macro_data", re.compile(r"\b(?:Philly|Philadelphia|Empire|Richmond|Kansas City|KC|Dallas|New York|NY|Chicago) Fed "
                              r"(?:\w+ ){0,2}(?:index|survey)\b", _I)),
    # Market hours: "stocks will close early at 1 p.m. ET", "Early close 2 p.m.", "the bond market will close at
    # 2 p.m." (before "bond")
    # a rule that applies from a day is policy, whoever made it ("the RBI's new rates will be applicable from October 1")
    ("policy", re.compile(r"\b(?:applicable|in force) (?:from|on|starting)\b|\bcomes? into (?:force|effect)\b|"
                          r"\b(?:entry|enters?) into (?:force|application)\b|\brules? (?:for|on)\b", _I)),
    ("other", re.compile(EXCHANGE_CLOSES + r"|\b(?:trading|market|exchange|session)\s+(?:ceases|closes|ends|halts)\b|\btrading\s+(?:is\s+|will\s+be\s+)?closed\b|"
                         r"\bclos(?:e|es|ed|ing)\s+early\b|\bearly\s+(?:close|closing)\b|\bshortened\s+(?:trading\s+)?session\b|\bhalf[- ]day\b|"
                         r"\b(?:will\s+(?:also\s+)?|markets?\s+)close\s+at\s+\d|"
                         # a closed market ("the bond market is closed", "US stock and bond markets closed")
                         r"\b(?:stock|bond|equity)\s+markets?\s+(?:(?:is|are|will\s+be)\s+)?closed\b|"
                         # "bond markets close on Columbus Day (Monday, Oct. 13)": a closure, not a close higher or lower
                         r"\b(?:stock|bond|equity)\s+markets\s+(?:will\s+)?close\s+(?:on|for)\b", _I)),
    # bidding in a government-securities auction that a central bank runs is the auction's ("bids for the
    # auction should be submitted on the Reserve Bank's system"), before the bank's name
    ("bond", re.compile(r"\b(?:non-)?competitive bids?\b|\bbids? for the auctions?\b", _I)),
    ("central_bank", re.compile(
        r"利率决议|议息|货币政策会议|货币政策委员会|会议纪要|降息|加息|LPR报价|FOMC|rate decision|\brate (?:cut|hike)s?\b|"
        r"\brates\b[^.;]{0,40}\bmeeting\b|\bOCR\b|official cash rate|Financial Stability Report|"  # "no change to rates is likely at the March meeting"
        r"\bpolicy decision\b|\bbenchmark (?:interest )?rate\b|\bbank rate\b|"
        # "The decision is due at 7.00 am ET." after a sentence on a bank's meeting: the bank's decision
        r"^\s*(?:the|its) (?:rate |policy |interest rate )?(?:decision|announcement) (?:is|will be) (?:due|announced|released|made)\b|"
        r"interest rate|policy meeting|monetary policy|minutes|央行行长|美联储主席|任期|\bFed\b|\bECB\b|\bBOJ\b|"
        r"\bBOE\b|\bRBA\b|Bank of (?:Japan|England|Canada)|Powell|Lagarde|Federal Reserve|[Cc]entral [Bb]ank|"
        r"Reserve Bank|People's Bank|interest decision|Federal Open Market Committee|Monetary Policy Committee|Governing Council|Monetary Board|"
        r"联储局|联准会|政策会议|政策会晤|基准利率|\bRBNZ\b|\bSNB\b|\bBOC\b|\bBoC\b|Riksbank|Norges Bank|\bPBOC\b|\bRBI\b|"
        r"理监事会|利率决策|利率决定|指标利率|政策利率|存款机制利率|存款便利利率|再融资利率|贷款市场报价利率|\bLPR\b|会议纪录|会议记录|央行[^,;。]{0,24}?(?:决策(?![者层])|决议)|货币决策|货币政策决定|按兵不动|升息|"
        # an official of a central bank speaking ("圣路易联储主席…将发表讲话", "日本央行审议委员…发表演讲")
        r"(?:央行|联储|储备银行)\S{0,6}?(?:行长|总裁|主席|审议委员|委员|理事|官员|主管)|拉加德|鲍威尔|植田和男|褐皮书|[Bb]eige [Bb]ook|"
        # a central bank's own meeting or forum ("澳洲央行会议", "美联储会议开幕", "欧洲央行…中央银行论坛",
        # "英国央行将于周四召开会议")
        r"(?:央行|联储|联准会|储备银行)(?:\S{0,4}?|[^,;。]{0,10}?(?:召开|举行))(?:会议|论坛|年会)|"
        # a bank's announcement in a day's list ("周三:某国央行公告")
        r"央行(?:利率)?公告|利率公告", _I)),
    ("liquidity", re.compile(r"逆回购|MLF|中期借贷便利|公开市场|降准|国库现金|SLF|PSL|买断式回购|reverse repo|liquidity", _I)),
    # (a media lockup is none: triggers.SHARE_LOCKUP; "early investors will be able to sell")
    ("lockup", re.compile(r"解禁|限售股|禁售期|" + SHARE_LOCKUP + r"|"
                          r"\b(?:will be )?(?:able|free|allowed) to sell\b", _I)),
    # a fiscal watchdog's outlook ("the OBR's EFO") is fiscal policy, before the debt office's words
    ("policy", re.compile(r"\bOBR\b|Office for Budget Responsibility|Economic and Fiscal Outlook|\bEFO\b", _I)),
    ("bond", re.compile(r"\bDMO\b|Debt Management Office|\bgilts?\b|\bGEMMs?\b|\binterest payments?\b|"
                        r"兑付|付息|(?<![项目工程采购])招标|标售|分销|偿还本金|中票|债券|国债|公债|定期存单|地方债|专项债|公司债|可转债|票据|展期|回售|\bbonds?\b|"
                        r"库券|国库票券|短期票券|\btreasury bills?\b|\bT-bills?\b|"
                        r"\bbuybacks? of [^.;]{0,30}?\b(?:Treasuries|Treasury|bonds|notes|gilts)\b|"
                        r"\bnotes? auction|Treasury auction|coupon|\bauction|(?:year|month|week|day) (?:notes?|bonds?|bills?)\b|登记日|"
                        # "Tuesday's sale of $6 billion in 10-year inflation-protected securities"
                        r"\bsale of \$?[\d.,]+ ?(?:billion|million|bn)\b[^.;]{0,50}?\b(?:notes|bonds|bills|securities|treasuries|TIPS)\b", _I)),
    # shares trading without their dividend ("shares then trade without the right to their quarterly dividend"): not a listing
    ("corporate", re.compile(r"\bwithout (?:the )?(?:right to|entitlement to) (?:the |their |its )?(?:\w+ )?dividends?\b|"
                             r"\b(?:go|goes|trade|trades|trading) ex-dividend\b|"
                             # a trading update is a company's statement between its results ("Q1 trading update")
                             r"\btrading updates?\b|"
                             # a miner's or an oil company's quarterly output: an operating update, not its results
                             r"\b(?:quarterly )?production reports?\b|"
                             # a product's milestones: "pre-orders begin", "the new iPhones will debut", "appear in stores"
                             r"\bpre-?orders?\b|\bin stores\b|\b(?:go|goes) on sale\b|(?:系列|新机|手机)\S{0,8}?上市|"  # ("新机的上市日期": on sale)
                             r"\b(?:iPhones?|iPads?|phones?|smartphones?|handsets?|devices?|consoles?|lineup)\b[^.;]{0,40}\b(?:debut|launch|released?\b)|"
                             r"\b(?:global|worldwide|international) (?:release|launch|roll-?out)\b", _I)),
    ("ipo", re.compile(r"新股|申购|招股|截招|IPO|首发|打新|中签|抽签|抽籤|网下投资者|网下发行|网上发行|网下获配|摇号|"
                       r"挂牌|上市首日|上市日期|登陆|初步询价|网上路演|上市聆讯|listing hearing|"
                       r"配发结果|分配结果|分配基准|发售价|缴款|公开发售|全球发售|香港发售|定价日|稳定价格(?:行动|期)|(?:港交所|联交所)\S{0,16}?开始(?:交易|买卖)|"
                       r"(?:主板|创业板|科创板|港交所|联交所|纳斯达克|纽交所|北交所|上交所|深交所)\S{0,4}上市|发行(?!.{0,6}债)|listing|debut|"
                       r"begins? trading|starts? trading|trading debut|\b(?:to|will) price\b(?!\s+in\b)|prices? (?:its )?"
                       r"(?:IPO|offering)|\bbook[- ]?building\b|\bbid forms?\b|\b(?:retail|institutional) (?:offering|tranche)s?\b|"
                       r"\boffering size\b|\bfinal (?:offer )?price\b|\bsubscription period\b|\b(?:will|to) (?:be )?list(?:ed)?\s+(?:on|in)\b", _I)),
    ("earnings", re.compile(r"财报|财务报告|业绩|季报|年报|中报|半年报|(?:季度|年度|中期)报告|法说会|法人说明会|营收|earnings|quarterly results|"
                            r"(?<!survey )(?<!poll )results|"
                            # "A, B and C report on Tuesday", "… all report": companies reporting (not "the jobs report on")
                            # (not hearsay: "as per reports", "according to media reports")
                            r"(?<!as per )(?<!according to )(?<!media )(?<!news )(?<!press )\breports\b|\ball report\b|"
                            r"\btrading (?:statements?|updates?)\b|\binterims\b|\bfinals\b|\bfinal(?=:)|\bhalf/quarterly\b|"
                            r"(?-i:\b[A-Z][\w&'.\-]*) report(?= on\b)|"
                            # a diary row's earnings estimate: "Acme Corp. (Consensus estimate: 16 cents a share)"
                            r"\((?:consensus(?: estimate)?:?\s*)?\$?\d+(?:\.\d+)? (?:cents )?a share\b|"
                            r"\([A-Z]{1,5}\),? est\.? -?\$-?\d|"  # "Toll Brothers (TOL), est. $4.88": a listed company's estimate
                            # "will report third-quarter numbers", "half-year figures" (a company's, not "trade numbers")
                            r"\b(?:(?:first|second|third|fourth|[1-4](?:st|nd|rd|th))[- ]quarter|first[- ]half|half[- ]year|"
                            r"full[- ]year|quarterly) (?:numbers|figures|performance)\b|\bquarter(?:ly)? scorecards?\b", _I)),
    ("macro_data", re.compile(
        r"工业产值|产能利用率|(?:经济|统计|宏观|一系列)数据|乐观指数|"
        r"PMI|Purchasing Managers|CPI|PPI|GDP|非农|就业|失业|零售销售|通膨数据|社会消费品零售|工业增加值|社融|M2|贸易帐|贸易账|贸易数据|进出口|耐用品|房价|"
        r"工业产出|制造业订单|工厂订单|"
        r"(?:住宅|房屋)销售价格|工业利润|初请|利润同比|工业企业利润|外汇储备|payrolls|jobless|inflation|retail sales|household spending|durable goods|ISM|PCE|"
        r"housing starts|consumer confidence|trade balance|unemployment|consumer price|producer price|"
        r"price index|jobs report|employment report|"
        r"\b(?:releases?|publish(?:es)?) (?:\w+ ){0,2}jobs? (?:data|numbers|figures)\b|nonfarm|消费者信心|消费物价|生产总值|industrial (?:production|output)|"
        r"card spending|employment (?:change|cost|statistics|data)|\bJOLTS\b|job openings|factory orders|home sales|"
        r"housing market index|current account|jobless claims|business inventories|gross domestic product|personal income|"
        r"building (?:permits|consents)|business confidence|"
        r"出口(?!管制|商品|货物)|进口(?!关税|商品|货物)|贸易收支|成屋|新屋|二手楼|待完成销售|建筑批则|营建许可|建筑许可|领先指标|动工|失业救济|救济金|"
        r"企业库存|批发库存|商业库存|批发物价|批发销售|进出口物价|进口物价|出口物价|平均每周薪资|平均时薪|"
        r"制造业指数|景气灯号|景气对策信号|外销订单|货币供应|物价指数|价格指数|劳工成本|劳动力成本|雇佣成本|就业成本|采购经理|景气指数|信心指数|活动指数|展望指数|建筑开支|建筑支出|个人收入|个人开支|"
        r"经济前景(?!的?\S{0,4}(?:讨论会|研讨会|论坛|峰会))|金融稳定报告|pending home sales|new home sales|department store sales|原油库存|\bEIA\b|"
        r"crude (?:oil )?(?:inventories|stocks)|\beconomic data\b|\beconomic forecasts?\b|\bmortgage (?:applications|demand|rates?)\b|"
        r"\b(?:trade|exports?|imports?) (?:data|numbers|figures)\b|"
        r"\b(?:manufacturing|services|industrial) (?:output|production|PMI)\b|consumer credit|wholesale|"
        # inflation figures, and whatever a statistics office publishes ("意大利统计局将发布3月份通胀数据")
        r"通[胀膨](?:数据|报告)|(?:统计局|统计署|统计处|主计总处|Eurostat|Statistics Bureau|"
        r"Office for National Statistics|\bONS\b|Statistics (?:Canada|Norway|Sweden|Netherlands))"
        r"\S{0,20}?\s?(?:将|will |is due to |is set to |is scheduled to )?(?:公布|发布|publish|release)|vehicle registrations|business climate", _I)),
    ("legal", re.compile(r"冻结|被执行|开庭|判决|宣判|诉讼|裁决|仲裁|\bcourt\b|\blawsuits?\b|\bruling\b(?! (?:party|coalition|bloc))|\btrials?\b|\bverdict\b", _I)),
    # Company meetings and launch events are corporate, not conferences: checked before them.
    # a product's launch event: "华为Mate40系列的发布会", "新机发布会" (a ministry's 发布会 is a conference)
    ("corporate", re.compile(r"[A-Za-z]+\s?\d+[A-Za-z]*\s?(?:系列|手机|新机)?的?发布会|(?:手机|新机|新品)\S{0,4}发布会|"
                             r"股东大会|股东会|股东\S{0,2}登记|(?:召开|举行)董事会|董事会\S{0,12}?(?:举行|召开)|董事会会议|新品发布会|产品发布会|新品发布|除息|除权|派息|配息|股利|领取股息|发放入账|过户|分红|"
                             + LAST_BUY + r"|领到(?:钱|股息|股利|配息)|product event|"
                             r"shareholder meeting|annual meeting of shareholders|ex-dividend|"
                             r"\b(?:AGMs?|EGMs?|AGM/EGM)\b|general meetings?\b|"
                             # a distribution's steps in a security holders' calendar
                             r"\bex[- ]dates?\b|\brecord dates?\b|\bpayment dates?\b|\bdividends? (?:payment|paid)\b|"
                             # an offer of new shares to holders, and its steps
                             r"\bregister of (?:members|shareholders)\b|\bshareholders? to register\b|"  # a record date, an AGM's registration
                             r"\brights (?:issue|offer)\b|\bentitlement (?:offer|issue)\b|\bshare purchase plan\b|\bplacement\b|"
                             r"\bopen offer\b|供股", _I)),  # (a rights issue in Hong Kong: "5供1"供股, 供股结果)
    # Price-adjustment windows and index rebalances are market events, not policy.
    # So are oil producers' meetings and an exporter's official selling prices ("某国公布石油价格").
    ("other", re.compile(r"油价.{0,8}调整|调价窗口|轮调价|指数.{0,6}(?:调整|调样|生效)|成[分份]股调整|index rebalanc|"
                         r"欧佩克|\bOPEC\b|产油国|(?:原油|石油)(?:官方)?(?:售价|价格)|official selling prices?", _I)),
    ("policy", re.compile(RULE_CHANGE + r"|\b(?:FTA|free[- ]trade|trade) (?:talks|negotiations)\b|\bround of (?:trade )?(?:talks|negotiations)\b|"
                          # a legislature's session and its stages ("全国人大三次会议", "政协会议开幕", "召开第二次全体会议")
                          r"人大(?:会议|常委会)?|政协|两会|全体会议|"
                          r"施行|实施|生效|新规|办法|规则|条例|关税|租金补贴|补贴金|应自\S{1,16}?起|关门|停摆|法案|政策|征求意见|意见反馈|反馈意见|预算案|(?:秋季|春季|年度)预算|"
                          r"tariff|takes? effect|\bbudget\b|"
                          r"shutdown|regulation|\blaw\b|\bbill\b|应当|不得|"
                          # a congressional hearing (in either language); a regulator's board or an advisory board meeting
                          r"(?:国会|参议院|众议院|参院|众院|议会)[^,;。]{0,24}?听证|"
                          r"\bhearings?\b|\b(?:FDIC|SEC|CFTC|OCC|CFPB|NCUA|FHFA)\b[^.;]{0,40}?\bboard\b|\badvisory (?:board|council|committee)\b|"
                          # a ruling party's sessions: "the party's plenum", "unveils its next five-year plan"
                          r"\bplenum\b|\bplenary session\b|\bparty congress\b|\bfive-year (?:economic )?plan\b", _I)),
    ("other", re.compile(MARKET_CLOSED + r"|提前\S{0,6}?(?:收盘|收市)|推迟开市|半日交易|半日市|市场无交易|天休假|" + STOCK_CONNECT_PAUSE
                         + r"market holiday|markets? (?:are |will be )?closed|closed for|"
                         r"大选|选举|公投|投票|\belections?\b|\breferendum\b|\bvote\b", _I)),
    ("conference", re.compile(r"会议|大会|论坛|峰会|发布会|见面会|记者会|吹风会|讨论会|研讨会|博览会|展会|听证|演讲|conference|summit|forum|symposium|keynote|"
                              r"\bbriefing\b|\bwebinar\b|"
                              r"Jackson Hole|Davos", _I)),
    ("corporate", re.compile(r"量产|投产|推出|上线|路线图|交付|部署|租用|建设|试生产|开工|竣工|上市|开售|发布|投入运营|"
                             r"运营|扩产|产能|计划|launch|"
                             r"unveil|ship|rollout|product|production", _I)),
)

_CATEGORY_WORDS = tuple((name, Vocabulary(rx.pattern, rx.flags)) for name, rx in CATEGORY_RULES)

IMPORTANT = Vocabulary(r"利率决议|议息|FOMC|rate decision|PMI|CPI|非农|payrolls|GDP|关门|shutdown|政府停摆", _I)
MEDIUM_CATS = {"liquidity", "lockup", "ipo", "bond", "earnings", "policy", "macro_data", "central_bank", "legal"}




def strip_section(text: str) -> str:
    """The text without a leading section label ("新股:", "央行与数据:")."""
    return _SECTION_LABEL.sub("", text, count=1)


_LISTING = re.compile(r"上市|挂牌|\blisting\b|\bdebut", _I)
# (a Hong Kong offer's words too: "公开发售…超购", "孖展", "暗盘")
_IPO_CONTEXT = re.compile(r"新股|招股|截招|申购|\bIPO\b|首发|打新|公开发售|超购|超额认购|孖展|暗盘|中签", _I)
_INDEX_LAUNCH = re.compile(r"(?:正式)?(?:发布|推出|发布实施)\S{0,24}?指数(?![^,;。]{0,4}(?:数据|报告|读数))")
_BOND_CONTEXT = re.compile(r"国债|公债|债券|定期存单|地方债|公司债|专项债|本期债|库券|票券|标售")


# "…will be out on Sept. 11, just days ahead of the central bank's decision": the other event is a reference
# (unless the phrase holds the date: "ahead of the Fed's next policy meeting on January 28" dates the meeting)
_REFERENCE = re.compile(r",?\s*\b(?:just |only |a day |(?:a few |two |three |several )?(?:days|weeks|hours) )?ahead of\b"
                        r"(?![^,.;]*(?:\d|day\b))[^,.;]*", _I)


# "…, at the Commerce Department." closing an English calendar row: where it is released, not what it is
_VENUE = re.compile(r",\s*at (?:the )?[A-Z][\w.'&-]*(?:\s[A-Z][\w.'&-]*)*(?:\s(?:headquarters|building))?\s*\.?\s*$")


SENTENCE_REACH = 300  # characters of the sentence either side of a clause that name its kind


def around(clause: str, sentence: str) -> str:
    """The part of ``sentence`` within reach of ``clause``: a page's text run into one long sentence is read near
    each of its clauses, not whole for every one of them."""
    if len(sentence) <= len(clause) + 2 * SENTENCE_REACH:
        return sentence
    at = max(sentence.find(clause), 0)
    return sentence[max(0, at - SENTENCE_REACH) : at + len(clause) + SENTENCE_REACH]


def category_of(clause: str, sentence: str) -> str:
    clause, sentence = _VENUE.sub("", clause), _VENUE.sub("", around(clause, sentence))
    if ("ahead of" in clause or "Ahead of" in clause) and (kept := _REFERENCE.sub("", clause)).strip() and kept != clause:
        clause, sentence = kept, _REFERENCE.sub("", sentence)
    bare = _SECTION_LABEL.sub("", clause, count=1)
    for scope in ((bare, clause, sentence) if bare != clause else (clause, sentence)):
        for name, words in _CATEGORY_WORDS:
            if words.found(scope):
                # "新股X截止招股,预计11月18日上市": a listing in an IPO sentence is the IPO's, not a product's
                if name == "corporate" and _LISTING.search(scope) and _IPO_CONTEXT.search(sentence):
                    return "ipo"
                # "本期国债…分销,9月27日起上市交易": a listing in a bond's sentence is the bond's
                if name == "corporate" and _LISTING.search(scope) and _BOND_CONTEXT.search(sentence):
                    return "bond"
                # "中证指数公司将于8月20日正式发布某某200指数": an index launched is a market event, not a product
                if name == "corporate" and _INDEX_LAUNCH.search(scope):
                    return "other"
                # "发行日期为10月25日" in a government bond's sentence ("标售…公债") is the bond's issue
                if name == "ipo" and _BOND_CONTEXT.search(sentence) and not _IPO_CONTEXT.search(sentence):
                    return "bond"
                return name
    return "other"


def importance_of(category: str, text: str) -> int:
    if IMPORTANT.found(text) and category in ("central_bank", "macro_data", "policy"):
        return 3
    return 2 if category in MEDIUM_CATS else 1
