"""A central bank's meeting calendar: bullets of meeting days under a heading, and one sentence for when
every decision comes out (invented example)::

    某央行2031年议息会议时间表
    会议时间(均为当地时间):
    · 2031年1月27日-28日 (周一-周二)
    · 2031年3月17日-18日 (周一-周二) [季度会议]
    · 所有议息结果都将在会议第二天下午2:00(美东时间)公布。

A bullet that is nothing but its days names no event by itself. Each is rewritten as the bank's meeting
on those days ("2031年1月27日至28日美联储召开议息会议"), and, where the text says on which day of the
meeting and at what clock the decision comes out, as that decision too."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .resolved import valid_ymd

# The bank whose calendar it is, in the text before the bullets, and the name its meeting is titled with.
_BANK = re.compile(r"美联储|联邦公开市场委员会|FOMC|联储局|联准会|欧洲央行|日本央行|日银|英国央行|英伦银行|澳洲联储|加拿大央行|瑞士央行|新西兰联储")
_BANK_NAME = {"联邦公开市场委员会": "美联储", "FOMC": "美联储", "联储局": "美联储", "联准会": "美联储", "日银": "日本央行", "英伦银行": "英国央行"}
# The heading over the bullets: meetings and their times.
_HEADING = re.compile(r"(?:会议|议息)[^\n]{0,20}(?:时间|日程|安排|日期)|(?:时间|日程|安排|日期)[^\n]{0,12}(?:会议|议息)")
_DAY = r"(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日"
_ROW = re.compile(rf"^\s*[·•\-*]?\s*(?P<a>{_DAY})(?:\s*[-–~至]\s*(?P<b>(?:\d{{1,2}}月)?\d{{1,2}}日))?\s*"
                  r"(?:\((?:周|星期)[一二三四五六日天](?:\s*[-–~至]\s*(?:周|星期)?[一二三四五六日天])?\))?\s*(?:\[[^\]\n]{0,12}\])?\s*$")
# "所有议息结果…都将在会议第二天下午2:00(美东时间)公布": which day of the meeting, and at what clock.
_DECISION = re.compile(r"(?:结果|决议|声明|决定)[^。\n]{0,16}?会议(?:的)?(?P<which>第二天|第二日|最后一天|次日)\s*(?P<ap>下午|上午|晚上|凌晨)?\s*"
                       r"(?P<h>\d{1,2})[:：](?P<m>\d{2})\s*[(（]?\s*(?P<zone>美东时间|东部时间|北京时间|香港时间|台湾时间)")
_YEAR_MONTH_DAY = re.compile(r"(?:(?P<y>(?:19|20)\d{2})年)?(?:(?P<mo>\d{1,2})月)?(?P<d>\d{1,2})日")
_MIN_ROWS = 3
_HEADING_REACH = 3  # lines between the heading and the first bullet


def meeting_lists(text: str, zh: bool) -> str:
    """``text`` with a bank's bulleted meeting days written as meetings (and decisions)."""
    if not zh or ("会议" not in text and "议息" not in text):
        return text
    lines = text.split("\n")
    rows = [i for i, line in enumerate(lines) if _ROW.match(line)]
    if len(rows) < _MIN_ROWS:
        return text
    first = rows[0]
    if not any(_HEADING.search(lines[j]) for j in range(max(0, first - _HEADING_REACH), first)):
        return text
    bank = _BANK.search("\n".join(lines[:first]))
    if bank is None:
        return text
    name = _BANK_NAME.get(bank[0], bank[0])
    decision = _DECISION.search(text)
    for i in rows:
        m = _ROW.match(lines[i])
        assert m is not None
        days = m["a"] + (f"至{m['b']}" if m["b"] else "")
        out = f"{days}{name}召开议息会议"
        if decision is not None and (at := _decision_at(m["a"], m["b"], decision)):
            out += f"\n\n{at}{name}公布利率决议"
        lines[i] = out
    return "\n".join(lines)


def _decision_at(first: str, last: str | None, decision: re.Match[str]) -> str | None:
    """The decision's day and clock written out ("美东时间2031年1月28日14:00"), or None when the meeting's
    year is not written."""
    a = _YEAR_MONTH_DAY.fullmatch(first)
    if a is None or a["y"] is None or a["mo"] is None:
        return None
    y, mo = int(a["y"]), int(a["mo"])
    if not valid_ymd(y, mo, int(a["d"])):
        return None
    day = date(y, mo, int(a["d"]))
    b = _YEAR_MONTH_DAY.fullmatch(last) if last is not None else None
    if b is not None and decision["which"] != "次日":  # a two-day meeting's second (last) day
        if not valid_ymd(y, int(b["mo"] or mo), int(b["d"])):
            return None
        day = date(y, int(b["mo"] or mo), int(b["d"]))
    elif decision["which"] in ("第二天", "第二日", "次日"):
        day += timedelta(days=1)
    hour = int(decision["h"])
    if decision["ap"] in ("下午", "晚上") and hour < 12:
        hour += 12
    return f"{decision['zone']}{day.year}年{day.month}月{day.day}日{hour:02d}:{decision['m']}"


# --- English: "The scheduled announcement dates for 2031 are the following:" / "• Wednesday 18 January*" ---
_EN_BANK = re.compile(r"Bank of Canada|Bank of England|Bank of Japan|European Central Bank|Reserve Bank of (?:Australia|New Zealand|India)|"
                      r"Federal Reserve|\bFOMC\b|Swiss National Bank|Norges Bank|Riksbank")
_EN_LEAD = re.compile(r"\b(?:announcement|meeting|decision|policy)\b[^\n]{0,40}\bdates\b|\bdates\b[^\n]{0,40}\b(?:announcements?|meetings?|decisions?)\b",
                      re.IGNORECASE)
_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
_EN_ROW = re.compile(rf"^\s*[•·\-*]?\s*(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri)day),?\s+(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTHS})|"
                     rf"(?P<m2>{_MONTHS})\s+(?P<d2>\d{{1,2}}))\*?\s*$")
_EN_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
# "Every rate announcement will be released at 09:45 (ET)"
_EN_CLOCK = re.compile(r"\bannouncements? will be (?:made|released|published) at (?P<h>\d{1,2}):(?P<m>\d{2})\s*\(?(?P<z>ET|EST|EDT|GMT|BST|UK time|AEST|AEDT|CET)\)?")


def meeting_dates_en(text: str) -> str:
    """English: a bank's announcement days listed one a bullet under a lead naming them, written as the
    bank's decisions on those days (at the clock the text gives every announcement)."""
    if "dates" not in text or (bank := _EN_BANK.search(text)) is None:
        return text
    lines = text.split("\n")
    rows = [i for i, line in enumerate(lines) if _EN_ROW.match(line)]
    if len(rows) < _MIN_ROWS:
        return text
    clock = _EN_CLOCK.search(text)
    at = f" at {clock['h']}:{clock['m']} {clock['z']}" if clock else ""
    year = ""
    lead: int | None = None
    for i, line in enumerate(lines):
        if _EN_LEAD.search(line):
            lead, years = i, set(_EN_YEAR.findall(line))
            year = years.pop() if len(years) == 1 else ""
            continue
        if lead is not None and _EN_ROW.match(line):
            lines[lead] = ""  # the lead only says which days follow: its year and months are no events
        m = _EN_ROW.match(line) if lead is not None else None
        if m is None:
            continue
        day = f"{m['d1'] or m['d2']} {m['m1'] or m['m2']}" + (f" {year}" if year else "")
        lines[i] = f"The {bank[0]} announces its rate decision on {m['wd']} {day}{at}."
    return "\n".join(lines)
