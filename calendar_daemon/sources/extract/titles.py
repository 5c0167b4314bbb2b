"""Event titles: our own short words built from the facts of a candidate (who, what kind of event),
never a copied sentence."""

from __future__ import annotations

import logging
import re

from .agencyreleases import office_release_title
from .englishtitles import title_en
from .entities import BOOK, STOP_NAMES
from .vocabulary import led_by

logger = logging.getLogger(__name__)

_FILLER = re.compile(r"^(?:将于|将|于|会|拟|计划|预计|有望|也|是|为|的|在|即将|正式|另有|随后|并|还|该|起|之后|已|有|共有|将有|"
                     r"随着|伴随着|伴随|这批|这些|该批|此次|"
                     r"则|其中|另外|此外|及|和|与|起至|至|起|实现|完成|进行|开始)+"
                     r"|(?:将于|将|于|拟|计划|预计|有望|也|是|为|的|在|即将|正式|并|还|等|存在|再度|再次|仍|及|和|与|(?<![细规法准原])则)+$")
_TITLE_VERB = re.compile(r"公布|发布|发行(?!价|金额|规模|数量|上限)|解禁|到期|兑付|施行|生效|召开|举行|举办|推出|量产|上线|投产|"
                         r"交付|认购期|部署|租用|关门|冻结|试生产|建设期|上市|挂牌|加征|任期结束|任期|财报|议息|申购|招股|开幕|操作|除息|"
                         r"登记|回售|休市|半日交易|半日市|停止交易|开始交易|开始买卖|(?<=发售)\s?开始|(?<=稳定价格行动)\s?结束|(?<=稳定价格期)\s?结束|发表讲话|讲话|致辞|演讲|发表(?!演讲|讲话|演说)|投入运营|启用|开通|开业|"
                         # a rule that changes from a day on ("基本工资今起调涨为2.2万元")
                         r"调涨|调降|上调|下调|扩大|缩短|延长|取消|放宽|纳入|列为|改为|降为|上路")
MAX_ZH = 32
MAX_EN = 60
# Time words and places that a title does not need: the date is the event's own field.
_TIME_WORDS = led_by(r'\d北美本台凌上中下晚早今明周星日订定(“”"',  # the first characters of the words below
                     r"北京时间|美东时间|本港时间|台北时间|凌晨|上午|中午|下午|晚间|晚上|早上|\d{1,2}[点时](?:\d{1,2}分|半|正)?|"
                     r"\d{1,2}:\d{2}|[上下本]周[一二三四五六日天]?|[上下本]月|今日|明日|今起|周[一二三四五六日天]|星期[一二三四五六日天]|"
                     r"\([^()]*\)|“|”|\"|日期?(?=顺延|推迟|延期|改)|(?:\d{4}年)?\d{1,2}月\d{1,2}[日号](?:之?前)?|[订定]于")
_MOVED = re.compile(r"(?:顺延|推迟|延期|延后|延迟|推后|改期|改)(?:至|到|为).*$")
_SECTION = re.compile(r"^[^\s:：,，。]{1,8}[:：]")
_PLACE = re.compile(r"(?:将于|将|于)?在[^\s,，:：]{1,12}$")  # "在北京", "在投资者交流会上" before the verb
_BOUNDARY = re.compile(r"[\s,，:：;；、。!?！？]")
_DANGLE = re.compile(r"^[\s:：,，、;；.)\]】》”\-–—]+|[\s:：,，、;；(\[【《“\-–—]+$|^\d{1,2}[.、](?=\D)")  # "4.除权交易日": no field number
# What a company-centred event is, in two or three words (the first that the clause names wins).
_KIND = {
    "ipo": ((r"上市|挂牌", "上市"), (r"申购", "新股申购"), (r"截止招股|招股截止", "截止招股"), (r"招股", "招股"), (r"中签|配发", "公布中签结果"),
            (r"缴款", "缴款"), (r"询价", "初步询价"), (r"路演", "网上路演"), (r"", "新股发行")),
    "lockup": ((r"", "限售股解禁"),),
    # a company's dividend paid ("将于4月9日发放", "1月8日发放入账", "领取股息"); its other events keep their words
    "corporate": ((r"发放入账|领取(?:现金)?(?:股利|股息)|(?:股利|股息)\S{0,18}?发放|[将并]于\S{1,14}?发放", "股息发放"),),
}


def _cap(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word or punctuation boundary where there is one."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    spaces = [m.start() for m in _BOUNDARY.finditer(cut)]
    if spaces and spaces[-1] >= limit // 2:
        cut = cut[:spaces[-1]]
    return _DANGLE.sub("", cut)


def _left_cap(text: str, limit: int) -> str:
    """The last ``limit`` characters of a subject, starting at a boundary rather than mid-word or mid-number."""
    if len(text) <= limit:
        return text
    tail = text[-limit:]
    m = _BOUNDARY.search(tail)
    if m and m.end() < len(tail) - 1:
        return tail[m.end():]
    return re.sub(r"^[\dA-Za-z.]+|^[^《]*》", "", tail) or tail


# The patterns of tidy() and _title_zh(), compiled once (they run on every candidate).
_LATIN_GAP = re.compile(r"[A-Za-z]\s+[A-Za-z]")
_GAP = re.compile(r"\s+")
_TWICE = re.compile(r"([\u4e00-\u9fff]{2,4})\1")
_TO_BRACKET = re.compile(r"^[^(]*\)")
_CLAUSE_CUT = re.compile(r"[,，;；]")
_GAP_WORDS = re.compile(r"\s+|存在|再度|再次|将有|共有")
_DELAY_CUT = re.compile(r"推迟至|延后至|延至|直到")
_ITS = re.compile(r"^其")
_FROM_AMOUNT = re.compile(r"从[^从]{1,12}$")  # "基本工资从2万1009元(调涨为…)": the old amount is no part of the subject
_WILL_END = re.compile(r"(?:将会|将要|将|拟)$")  # (not 会 alone: "议会", "联准会")
_LASTING = re.compile(r"^为期[^的,，]{1,4}的")
_OBJ_CUT = re.compile(r"[\s,，:：]")
_MANY = re.compile(r"^(?:多项|多个|一系列|系列|一批)")
_OBJ_TAIL = re.compile(r"(?<!经济|金融|宏观|贸易|就业)(?:数据)$|规模为.*$|等.*$|^后$|^前$|^由(?:开始|至)?$")  # ("认购期由…开始": a span's words)


def tidy(title: str, limit: int) -> str:
    """No dangling punctuation or particles, no word said twice in a row ("解禁解禁"), a readable length, no
    table cell's bar."""
    title = _GAP.sub(" " if _LATIN_GAP.search(title) else "", title.replace("|", " ").strip())
    title = _TWICE.sub(r"\1", _TO_BRACKET.sub("", title))
    for _ in range(3):
        title = _FILLER.sub("", _DANGLE.sub("", title))
    if title.count("《") != title.count("》"):
        title = title.replace("《", "").replace("》", "")
    return _cap(title, limit)


def _kind(category: str, clause: str, time_text: str = "") -> str | None:
    """The kind of event named first after the time expression ("今午截止招股、下周一挂牌": at noon the
    book closes), else the first kind the clause names."""
    after = clause[clause.find(time_text) + len(time_text):] if time_text and time_text in clause else ""
    near = [(m.start(), word) for rx, word in _KIND.get(category, ()) if rx and (m := re.search(rx, after))]
    if near:
        return min(near)[1]
    for rx, word in _KIND.get(category, ()):
        if re.search(rx, clause):
            return word
    return None


def compose_title(clause: str, sentence: str, time_text: str, category: str, region: str, zh: bool,
                  entities: list[str], moved: bool = False) -> str:
    """A short title in our own words: who, and what kind of event (with "(改期)" / "(rescheduled)" when
    the article moves it)."""
    if not zh:
        title = (_tagged_speech(sentence, time_text, category) or (category == "macro_data" and office_release_title(clause))
                 or title_en(clause, category, region, entities, sentence))
        return _cap(f"{title} (rescheduled)" if moved else title, MAX_EN + 14 if moved else MAX_EN)
    title = (_title_zh(clause, sentence, time_text, category, region, entities)  # never empty: the sentence's topic, else its kind
             or tidy(_topic(_TIME_WORDS.sub("", sentence.replace(time_text, "")).strip(" |")), MAX_ZH) or category)
    if title in STOP_NAMES and (goal := _GOAL.search(clause)):  # "公司" alone says nothing: what it aims at
        title = tidy(title + goal[0], MAX_ZH)
    return tidy(title, MAX_ZH - 4) + "(改期)" if moved else title


# "speeches by … Governors Miran (Wed), Michael Barr (Thu)": the name a weekday tag follows is the speaker
_EN_TAGGED = re.compile(r"(?P<who>[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){0,2}) \($")
_EN_SPEAKING = re.compile(r"\bspeech(?:es)?\b|\bspeak(?:s|ers?)?\b|\bremarks\b", re.IGNORECASE)


def _tagged_speech(sentence: str, time_text: str, category: str) -> str:
    """"Michael Barr speech" for the name a weekday tag "(Thu)" follows in a sentence about speeches, else ""."""
    tag = sentence.find(f"({time_text})") if time_text else -1
    if tag < 0 or category not in ("central_bank", "conference") or not _EN_SPEAKING.search(sentence):
        return ""
    who = _EN_TAGGED.search(sentence[:tag + 1])
    return f"{who['who']} speech" if who else ""


# A bond series named in corner brackets ("新发行「某甲9期」公债300亿元"): the title names the series and its step.
_SERIES = re.compile(r"「(?P<name>[^「」]{2,12})」\s?(?P<kind>公债|国库券|库券|国债|债券|定期存单|存单)?")
_BOND_STEP = re.compile(r"标售|招标|发行|缴款|上市|兑付|付息|到期")


def _bond_series_title(clause: str, sentence: str, time_text: str) -> str | None:
    series = _SERIES.search(sentence)
    tail = clause[clause.find(time_text) + len(time_text):] if time_text and time_text in clause else clause
    step = _BOND_STEP.search(tail[:8]) or _BOND_STEP.search(clause)
    if series is None or step is None:
        return None
    return tidy(f"{series['name']}{series['kind'] or ''}{step.group()}", MAX_ZH)


_NUMBERING = re.compile(r"^\s*[一二三四五六七八九十]{1,3}、")  # a notice's item number ("一、2031年12月29日至31日,…")


def _title_zh(clause: str, sentence: str, time_text: str, category: str, region: str, entities: list[str]) -> str:
    clause, sentence = _NUMBERING.sub("", clause), _NUMBERING.sub("", sentence)
    if category == "bond" and (series := _bond_series_title(clause, sentence, time_text)):
        return series
    who = "、".join(entities[:2])
    if category == "ipo" and time_text and (step := _ipo_step(sentence, time_text, who)):
        return step
    kind = _kind(category, clause, time_text)
    if who and kind:  # "恒远医疗上市", "华鼎股份限售股解禁"
        return tidy(who + kind, MAX_ZH)
    book = BOOK.search(sentence)
    body = clause.replace(time_text, " ") if time_text else clause
    label = _SECTION.match(body)
    if label and not any(e in label[0] for e in entities):  # "新股:", "央行与数据:" name a section
        body = body[label.end():]
    body = _TIME_WORDS.sub("", body)
    m = _TITLE_VERB.search(body)
    if m is None:
        base = "、".join(entities[:3]) if entities else (_topic(_TIME_WORDS.sub("", sentence)) or body.strip()[:16])
        named = {"earnings": "财报", "ipo": "新股发行", "lockup": "限售股解禁", "conference": "会议", "macro_data": "数据公布"}
        base = base or region
        return tidy(base + ("" if category == "conference" and base.endswith("会") else named.get(category, "")), MAX_ZH)
    before = _CLAUSE_CUT.split(body[:m.start()])[-1]  # the subject is in the verb's own clause
    before = _PLACE.sub("", _GAP_WORDS.sub("", before))
    before = _DELAY_CUT.split(before)[-1]  # "…或推迟至鲍威尔任期结束后": the event is Powell's term
    if _BY_WAY_OF.match(before):  # "2026年通过谷歌云租用算力": the actor is the sentence's subject
        before = _topic(sentence)
    subj = _FROM_AMOUNT.sub("", _WILL_END.sub("", _FILLER.sub("", before)))  # "美联储将会举行": the subject is "美联储"
    if len(own := _ITS.sub("", subj.rsplit("的", 1)[-1])) >= 2:  # "其新建的智算中心" -> "智算中心"
        subj = own
    if book and ("规则" in subj or "该" in subj or not subj or ("》" in subj and "《" not in subj)):
        subj = book.group(1)
    elif len(subj) > 16 and entities:  # "美股存储三巨头闪迪、西部数据…与…SK海力士" -> "闪迪、西部数据等"
        subj = "、".join(entities[:2]) + ("等" if len(entities) > 2 else "")
    subj = _left_cap(subj, 16)
    obj = _MOVED.sub("", _OBJ_CUT.split(body[m.end():].strip())[0])
    obj = _LASTING.sub("", _MANY.sub("", obj))  # "为期两天的议息会议" -> "议息会议"
    obj = _cap(_OBJ_TAIL.sub("", obj), 18)
    if _WEAK_OBJ.search(obj):
        obj = ""
    if (not subj and not obj) or (subj and _WEAK_SUBJ.fullmatch(subj)) or (subj and not obj and len(subj) < 2):
        subj = _PLACE.sub("", _topic(sentence)) or subj
    if entities and not subj:
        subj = entities[0]
    verb = m.group()
    if verb in ("财报",) and not subj:
        subj = "、".join(entities[:3])
    return tidy(f"{subj}{verb}{obj}" if subj else f"{obj}{verb}", MAX_ZH) or category


# The step of an offer right after its day in a timetable sentence ("至10月14日截止,预计10月15日定价,10月16日公布配发
# 结果,10月17日挂牌"), and the company the sentence names with its code ("某某科技(9999)")
_IPO_STEP = re.compile(r"\s?(?:将|正式|起)?\s?(截止(?:招股|认购|申购)?|截招|定价|公布(?:最终)?(?:发售|配发|配售)结果|"
                       r"(?:挂牌|上市)(?:交易|买卖)?|开始(?:招股|认购|申购|买卖|交易)|招股|暗盘(?:交易)?)")
_STEP_NAMES = {"截止": "截止招股", "截招": "截止招股", "挂牌": "上市", "挂牌交易": "上市", "挂牌买卖": "上市", "上市交易": "上市",
               "上市买卖": "上市"}  # (a listing is titled "上市" wherever it is read)
_CODED = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,10})\((?:\d{4,6}|\d{4,6}\.[A-Z]{2})\)")


def _ipo_step(sentence: str, time_text: str, who: str) -> str:
    """"某某科技挂牌", "某某科技公布配发结果": the company and the step its day is for, or "" when none follows the day."""
    at = sentence.find(time_text)
    step = _IPO_STEP.match(sentence, at + len(time_text)) if at >= 0 else None
    coded = _CODED.search(sentence)
    who = who or (coded[1] if coded else "")
    return tidy(who + _STEP_NAMES.get(step[1], step[1]), MAX_ZH) if step and who else ""


_GOAL = re.compile(r"(?:实现|完成|达到|建成)[^,，。;；]{2,16}")
_BY_WAY_OF = re.compile(r"^(?:\d{4}年)?(?:通过|借助|经由|依托)")
_WEAK_SUBJ = re.compile(r".{0,4}(?:期限|期限为|期|节点|规模|为|是|风险|方案|存在|高峰期?|公司)")
_WEAK_OBJ = re.compile(r"维持|[在为是]$|^[在为是]|可能|概率|^期限|^期$|高峰")
_TOPIC_CUT = re.compile(r"被|将|拟|已|持有人|出炉|预计|计划|表示|称|宣布|,|，|\s")


# Discourse openers are never the subject of a title: "另外,美国联储局主席将于…".
_OPENER = re.compile(r"^(?:\d{1,2}[.、]\s*)?(?:(?:自|从|由)\s*起?|起)?\s*[,，]?\s*(?:另外|此外|同时|与此同时|其中|而|则|据悉|据了解|据统计|"
                     r"值得注意的是|另|再者|其次|最后)?\s*[,，:：]?\s*")  # ("3. 港股自身安排:…"; "自起," left of "自6月1日起,")


def _topic(sentence: str) -> str:
    """The leading noun phrase of a sentence (its subject), for titles."""
    head = re.sub(r"“[^”]{0,40}”|\([^()]{0,30}\)|《[^》]{0,40}》", "", _OPENER.sub("", sentence))
    m = _TOPIC_CUT.search(head)
    head = head[:m.start()] if m else _whole_numbers(head, 16)
    owner = head.split("的", 1)[0]
    head = owner if "的" in head and re.fullmatch(r"[A-Za-z][\w\-]{1,11}", owner) else head.rsplit("的", 1)[-1]
    head = re.sub(r"(?:近期|近日|目前|日前|此前|当前)$", "", head.strip())
    return _whole_numbers(_FILLER.sub("", head), 16)


def _whole_numbers(text: str, limit: int) -> str:
    """The first ``limit`` characters, short of a number the cut would split ("调高至63岁" is not "调高至6")."""
    cut = text[:limit]
    if len(text) > limit and text[limit].isdigit() and cut[-1:].isdigit():
        cut = cut.rstrip("0123456789.,")
    return cut
