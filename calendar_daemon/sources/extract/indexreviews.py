"""An index review's changes: implemented after the close of one day, effective from the next trading day.

A review's result ends with the day its changes apply (invented example)::

    某科技指数方面,加入甲公司,剔出乙公司,成份股数目维持30只。
    所有变动将于2031年3月7日收市后实施,并于2031年3月10日起生效。

The implementation after Friday's close and the effect from Monday are one change, not two events. The
clause is written as the day the changes take effect, named as an index's constituent change (the
subject, "所有变动", says nothing of an index by itself), so that it reads as one market event.
"""

from __future__ import annotations

import re

_DAY = r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:\s*[(（](?:星期|周)[一二三四五六日天][)）])?"
_IMPLEMENTED = re.compile(rf"(?P<subject>(?:所有|以上|上述|有关|相关)?(?:变动|变更|调整))?\s*将?于\s*(?P<done>{_DAY})\s*收市后实施"
                          rf"\s*[,，、]?\s*(?:并|及)?\s*(?:将)?于\s*(?P<eff>{_DAY})\s*(?:起)?生效")


# "某指数系列第二季度检讨结果的变动将于2031年9月8日(星期一)起生效" (corpus 7 Chinese shape 14): a review's
# result said to take effect on one day, without the implementation day
_REVIEWED = re.compile(rf"(?:指数|指数系列)[^,，。;；]{{0,12}}?(?:检讨|审议|审核|季检)结果的?(?:变动|变更|调整)\s*将?于\s*(?P<eff>{_DAY})\s*(?:起)?生效")


def index_changes(text: str, zh: bool) -> str:
    """``text`` with each "implemented after the close of D1, effective from D2" (or a review's result
    effective from D2) written as the change on D2."""
    if not zh or "生效" not in text:
        return text
    if "收市后实施" in text:
        text = _IMPLEMENTED.sub(lambda m: f"指数成份股调整将于{m['eff']}生效", text)
    return _REVIEWED.sub(lambda m: f"指数成份股调整将于{m['eff']}生效", text) if "结果" in text else text
