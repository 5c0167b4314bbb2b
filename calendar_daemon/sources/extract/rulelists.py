"""Lists of rules that take effect together: a lead names one day for several changes ("7月1日起多项新制上路",
"10 changes coming into force on 6 April"), then each change has a heading line of its own, with its details in
the lines below ("台铁当日可订票时间延长" over a paragraph; "2) Personal Allowance and Income Tax thresholds rise").
Each heading is an event of that day: it is written with the lead's day, as a rule taking effect
("台铁当日可订票时间延长(7月1日起施行)", "Personal Allowance … rise: takes effect on 6 April.")."""

from __future__ import annotations

import re

# "7月1日起多项新制上路", "诸多新制今天上路", "明年1月1日起,以下新规将施行"
_DAY_ZH = r"(?P<{}>(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日|今天|今日|明天|明日|(?:\d{{4}}年|明年)?元旦)"
_MANY_ZH = r"(?:多项|多個|多个|诸多|諸多|许多|一批|一系列|以下|这些|\d{1,2}项|[二三四五六七八九十]{1,2}项)"
_RULES_ZH = r"(?:新制度?|新规|新政|措施|规定|政策|法规)"
_LEAD_ZH = re.compile(rf"{_DAY_ZH.format('day')}起?[^。\n]{{0,12}}?{_MANY_ZH}[^。\n]{{0,6}}?{_RULES_ZH}[^。\n]{{0,8}}?(?:上路|实施|施行|生效|起跑)"
                      # "许多…新制度,也同步在元旦当天开始施行": the rules first, then their day
                      rf"|{_MANY_ZH}[^。\n]{{0,16}}?{_RULES_ZH}[^。\n]{{0,12}}?{_DAY_ZH.format('later')}(?:当天|当日)?(?:开始|起)?(?:上路|实施|施行|生效)")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY_EN = rf"(?P<day>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}})?|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)"
# "10 changes coming into force on 6 April", "a number of changes come into effect from 1 July 2031"
_LEAD_EN = re.compile(r"\b(?:\d{1,2}|a number of|several|many|these|the following|ten|five|six|seven|eight|nine|key|new)\s+"
                      r"(?:\w+\s+)?(?:changes|rules|measures)\b[^.\n]{0,40}?\b(?:come|comes|coming|take|takes|taking)\s+"
                      rf"(?:into\s+)?(?:effect|force)\b[^.\n]{{0,12}}?\b(?:on|from)\s+(?:the\s+)?{_DAY_EN}", re.IGNORECASE)
# A change's heading: a short line with no sentence in it ("台铁当日可订票时间延长"; "3) New State Pension comes into force")
_HEAD_ZH = re.compile(r"^[ \t]*(?:\d{1,2}\s?[).、]\s*|[一二三四五六七八九十][、.]\s*)?(?P<head>[^\n。,，;；:：!?！？]{6,40}?)[ \t]*$")
# A numbered change, its details on the same line or below it ("1 基本工资月薪调升为2万2千元,时薪调升为140元。")
_ITEM_ZH = re.compile(r"^[ \t]*(?P<n>\d{1,2})(?:\s?[).、]\s*|[ \t]+)(?P<head>[^\n。;；:：!?！？]{4,48}?)[ \t]*(?:[;；:：。]|$)")
# "a raft of changes as we enter the new financial year from 1 July": many changes and their day, without the verb
_LEAD_EN_LOOSE = re.compile(r"\b(?:a raft of|a host of|a number of|a series of|a range of|several|many)\s+(?:\w+\s+)?"
                            rf"(?:changes|rules|laws|measures)\b[^.\n]{{0,60}}?\b(?:on|from)\s+(?:the\s+)?{_DAY_EN}", re.IGNORECASE)
_HEAD_EN = re.compile(r"^[ \t]*\d{1,2}\s?[).]\s+(?P<head>[A-Z][^\n.;:!?]{4,90}?)[ \t]*$")
# A bare heading of a few words ("Superannuation ", "Minimum wage", "Age pension"), in a list of two or more
_BARE_HEAD_EN = re.compile(r"^[ \t]*(?P<head>[A-Z][a-z'’]*(?:[ \t]+[A-Za-z'’&/-]+){0,4})[ \t]*$")
# The first line of a change's details giving its own day ("From 10 July 2023, childcare subsidy rates will lift")
_OWN_DAY = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}})?\b|\b{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?\b|(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日")
_MAX_ITEMS = 30
_PROSE_MAX = 600  # a longer line is no paragraph of one change list
_SECTION_ENDS = ("篇", "》", "篇》", "类", "方面")


def rule_lists(text: str, zh: bool) -> str:
    """The text with each change heading under a lead of changes taking effect together written with the
    lead's day."""
    lines = text.split("\n")
    lead = None
    for i, line in enumerate(lines[:12]):  # the lead is in the headline or the opening paragraph
        if (m := _LEAD_ZH.search(line) if zh else _LEAD_EN.search(line) or _LEAD_EN_LOOSE.search(line)) is not None:
            lead = (i, m["day"] or m["later"] if zh else m["day"])
            break
    if lead is None:
        return text
    start, day = lead
    head = _HEAD_ZH if zh else _HEAD_EN
    if not zh and not any(_HEAD_EN.match(line) for line in lines[start + 1:]):
        bare = sum(_headed(lines, i, _BARE_HEAD_EN) is not None for i in range(start + 1, len(lines)))
        head = _BARE_HEAD_EN if bare >= 2 else _HEAD_EN
    done, number = 0, 0
    for i in range(start + 1, len(lines)):
        if zh and (item := _ITEM_ZH.match(lines[i])) is not None and int(item["n"]) in (1, number + 1):
            number = int(item["n"])  # numbered in sequence (each section counting from 1): a change however long its line
            lines[i] = f"{item['head'].strip()}({day}起施行)" + lines[i][item.end('head'):]  # (its later sentences kept)
            done += 1
        elif (m := head.match(lines[i])) is not None and not (zh and m["head"].rstrip().endswith(_SECTION_ENDS)) and (
                own := _headed(lines, i, head, day)) is not None:  # (a section's heading, "劳工权益篇》", is no change)
            lines[i] = f"{m['head']}({own}起施行)" if zh else f"{m['head'].rstrip()}: takes effect on {own}."
            done += 1
        if done == _MAX_ITEMS:
            break
    if zh and not done:
        lines[start + 1:] = [_prose_changes(line, day) for line in lines[start + 1:]]
    return "\n".join(lines)


# A change said in prose under the lead, with no day of its own: "环保署淘汰二行程机车的补助金由1500元降为1000元"
_CHANGE_ZH = re.compile(r"降为|改为|缩短为|延长为|延长至|提高至|提高为|调涨|调降|上调|下调|调高|调低|放宽|免手续费|免费|列为|纳入|不得")
_DATED_ZH = re.compile(r"\d{1,2}月\d{1,2}日|今天|今日|今起|明天|明日|元旦|起施行|\d{4}年|明年|下半年|上半年")
_PART = re.compile(r"[^。;；]+[。;；]?")


def _prose_changes(line: str, day: str) -> str:
    """A paragraph under a lead of changes with no list of headings: each of its sentences (or parts between
    semicolons) that states a change and names no day of its own is a rule of the lead's day."""
    if len(line) > _PROSE_MAX or not _CHANGE_ZH.search(line):
        return line
    out = []
    for part in _PART.findall(line):
        body = part.rstrip("。;；")
        if _CHANGE_ZH.search(body) and not _DATED_ZH.search(body):
            part = f"{body}({day}起施行){part[len(body):]}"
        out.append(part)
    return "".join(out)


def _headed(lines: list[str], i: int, head: re.Pattern[str], day: str = "") -> str | None:
    """The day of the change line ``i`` heads (``day``, the lead's, unless the first line of its details gives its own:
    "From 10 July 2023, childcare subsidy rates will lift"), or None when it heads none: a heading has its details
    below it, longer than it."""
    m = head.match(lines[i])
    below = next((line for line in lines[i + 1:i + 3] if line.strip()), "")
    if m is None or len(below.strip()) <= len(m["head"]) or head.match(below):
        return None
    own = _OWN_DAY.search(below)
    return own[0] if own else day
