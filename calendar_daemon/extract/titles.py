"""Event titles: our own short words built from the facts of a candidate (who, what kind of event),
never a copied sentence."""

from __future__ import annotations

import logging
import re

from . import classify as C

logger = logging.getLogger(__name__)

_FILLER = re.compile(r"^(?:将于|将|于|会|拟|计划|预计|有望|也|是|为|的|在|即将|正式|另有|随后|并|还|该|起|之后|已|有)+"
                     r"|(?:将于|将|于|会|拟|计划|预计|有望|也|是|为|的|在|即将|正式|并|还|等|存在|再度|再次|仍)+$")
_TITLE_VERB = re.compile(r"公布|发布|发行|解禁|到期|兑付|施行|生效|召开|举行|推出|量产|上线|投产|交付|部署|租用|关门|"
                         r"冻结|试生产|建设期|上市|加征|任期结束|任期|财报|议息|申购|招股|开幕|操作")


def compose_title(clause: str, sentence: str, time_text: str, category: str, region: str, zh: bool,
           entities: list[str]) -> str:
    if not zh:
        return _title_en(sentence, category, region, entities)
    book = C._BOOK.search(sentence)
    body = clause.replace(time_text, " ") if time_text else clause
    body = re.sub(r"北京时间|美东时间|本港时间|凌晨|上午|下午|晚间|\d{1,2}点(?:\d{1,2}分|半)?|\(.*?\)|“|”|\"", "", body)
    m = _TITLE_VERB.search(body)
    if m is None:
        base = "、".join(entities[:3]) if entities else (_topic(sentence) or body.strip()[:16])
        return (base or region) + {"earnings": "财报", "ipo": "新股发行", "lockup": "限售股解禁",
                                   "conference": "会议", "macro_data": "数据公布"}.get(category, "")
    subj = _FILLER.sub("", re.sub(r"\s+|存在|再度|再次", "", body[:m.start()]))[-14:]
    obj = re.split(r"[\s,，:：]", body[m.end():].strip())[0]
    obj = re.sub(r"(?:数据|规模为.*|等.*)$", "", obj)[:18]
    if _WEAK_OBJ.search(obj):
        obj = ""
    if book and ("规则" in subj or "该" in subj or not subj):
        subj = book.group(1)
    elif (not subj and not obj) or (subj and _WEAK_SUBJ.fullmatch(subj)) or (subj and not obj and len(subj) < 3):
        subj = _topic(sentence) or subj
    verb = m.group()
    if verb in ("财报",) and not subj:
        subj = "、".join(entities[:3])
    title = f"{subj}{verb}{obj}" if subj else f"{obj}{verb}"
    return _FILLER.sub("", title)[:32] or category


_WEAK_SUBJ = re.compile(r".{0,4}(?:期限|期限为|期|节点|规模|为|是|风险|方案|存在|高峰期?|公司)")
_WEAK_OBJ = re.compile(r"维持|[在为是]$|^[在为是]|可能|概率|^期限|^期$|高峰")
_TOPIC_CUT = re.compile(r"被|将|拟|已|持有人|出炉|预计|计划|表示|称|宣布|,|，|\s")


# Discourse openers are never the subject of a title: "另外,美国联储局主席将于…".
_OPENER = re.compile(r"^(?:另外|此外|同时|与此同时|其中|而|则|据悉|据了解|据统计|值得注意的是|另|再者|其次|最后)"
                     r"\s*[,，:：]?\s*")


def _topic(sentence: str) -> str:
    """The leading noun phrase of a sentence (its subject), for titles."""
    head = re.sub(r"“[^”]{0,40}”|\([^()]{0,30}\)|《[^》]{0,40}》", "", _OPENER.sub("", sentence))
    m = _TOPIC_CUT.search(head)
    head = head[:m.start()] if m else head[:16]
    head = head.rsplit("的", 1)[-1]
    return _FILLER.sub("", head.strip())[:16]


_EN_KEY = re.compile(r"FOMC|rate decision|CPI|PPI|GDP|payrolls|PMI|retail sales|jobless claims|earnings|IPO|"
                     r"lock-?up|auction|minutes|testimony|speech|shutdown|tariffs?|conference|summit|results", re.IGNORECASE)


def _title_en(sentence: str, category: str, region: str, entities: list[str]) -> str:
    keys: list[str] = []
    for m in _EN_KEY.finditer(sentence):
        if m.group().lower() not in (k.lower() for k in keys):
            keys.append(m.group())
    who = ", ".join(entities[:3])
    what = " / ".join(keys[:2]) or category.replace("_", " ")
    return (f"{who} {what}" if who else f"{region} {what}").strip()[:60]


