"""Rows that open with their day and clock, rewritten as a lead line naming the day over a clock row,
the shape the clock-row reader dates:

* a week-ahead line "星期三,6月4日,21:15 – 某國就業變化 (5月)" (the zone said once above the list,
  "本周焦點 (GMT+8)"), or a weekday and a clock alone, "周二 06:00,某联储主席发表讲话;" in a list
  announced "(均为北京时间)"; the day may also be written "6月4日(周三)", "Wed Dec 2", "Wednesday
  2 December", "Thu:";
* a release named by a heading with no verb, then its day, clock and zone and a dash before the
  commentary: "零售销售" / "星期四,5月15日,上午9:45(东部标准时间)-- 料将…。", and the English original
  "RETAIL SALES" (or "Retail Sales") / "Tuesday, Jan. 8, 10 a.m. EST -- Sales probably…": the heading
  is the row's item when it names a release or a kind of event, and the commentary is a paragraph
  of its own (Chinese commentary keeps the row's day; English keeps only the dates it states). A
  line with a day and no clock ("星期一,3月3日-- 预计…") is a row of that whole day.

Each row becomes a line naming its day and ending with a colon ("<day> schedule:", which is no
day heading, so the commentary after the row is not taken for one of its items), then "<clock>,
<item>" (the zone in the form the clock-row reader takes: a Chinese zone word before the clock, an
English abbreviation after it). In a Chinese list, an item naming no country takes the country of
its row's zone ("东部标准时间": 美国)."""

from __future__ import annotations

import logging
import re

from . import classify as C
from .english import EN_ZONES
from .regions import region_of
from .releases import releases_in
from .timeexpr import ZONES

logger = logging.getLogger(__name__)

_ZH_WD = r"(?:周|星期|礼拜)[一二三四五六日天]"
_ZH_MD = r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
# "星期三,6月4日", "周三(6月4日)", "6月4日(周三)", "6月4日 周三", "周二"
_ZH_DAY = rf"(?:{_ZH_WD}(?:\s*[,，]?\s*\(?\s*{_ZH_MD}\s*\)?)?|{_ZH_MD}\s*[,，]?\s*\(?\s*{_ZH_WD}\s*\)?)"
_EN_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "Tuesday, Jan. 8", "Wed Dec 2", "Wednesday 2 December", "Thu"
_EN_DAY = (
    rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?"
    rf"(?:\s+(?:{_EN_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_EN_MONTH}))?"
)
_EN_WEEKDAY = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)")
_EN_ABBREVIATED = re.compile(r"(Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\b\.?")
_EN_FULL = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}
_ZH_CLOCK = r"(?P<p>凌晨|早上|上午|中午|下午|傍晚|晚上|晚间)?\s*(?P<h>[01]?\d|2[0-3])\s*[:：]\s*(?P<m>[0-5]\d)(?!\d)"
_EN_CLOCK = r"(?P<h>1[0-2]|0?\d)(?::(?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\.?|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?!\d)"
_ZH_ZONE = r"(?:[(（]\s*(?P<zone>[^()（）\n]{2,8}时间)\s*[)）])?"
_EN_ABBREVIATIONS = "|".join(sorted((w for w in EN_ZONES if w.isupper()), key=len, reverse=True))
_EN_ZONE = rf"(?:\s*\(?(?P<zone>{_EN_ABBREVIATIONS})\)?(?![A-Za-z]))?"
# Between the day and its clock: a comma or a dash. After the clock: "--", a dash, a colon or a comma
# ("周二 06:00,"), or a space before the item; a day without a clock needs a dash or a comma.
_TO_CLOCK = r"\s*(?:[,，:：]|--|[–—]|\s-\s)?\s*"
_DASH = r"(?:\s*(?:--|[–—:：]|\s-\s|[,，])\s*|\s+(?=\D))"
_DAY_DASH = r"\s*(?:--|[–—]|\s-\s|[,，])\s*"
_ZH_ROW = re.compile(rf"^[ \t]*(?P<day>{_ZH_DAY})(?:{_TO_CLOCK}{_ZH_CLOCK}\s*{_ZH_ZONE}{_DASH}|{_DAY_DASH})(?P<rest>\S[^\n]*)$")
_EN_ROW = re.compile(rf"^[ \t]*(?P<day>{_EN_DAY})(?:{_TO_CLOCK}(?:{_EN_CLOCK}){_EN_ZONE}{_DASH}|{_DAY_DASH})(?P<rest>\S[^\n]*)$")
# A heading that is a data name: short, no digits, no sentence punctuation and no verb.
_ZH_NAME = re.compile(r"^[ \t]*(?P<name>[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z &/\-]{1,15})[ \t]*$")
_EN_NAME = re.compile(r"^[ \t]*(?P<name>[A-Z][A-Z&'/\- ]{2,40}[A-Z])[ \t]*$")
# "Housing Starts", "Consumer Price Index": two to six capitalised words (small ones between)
_EN_TITLE = re.compile(r"^[ \t]*(?P<name>[A-Z][a-z]+(?:\s+(?:[A-Z][A-Za-z'&\-]*|of|and|the|for|on)){1,5})[ \t]*$")
_ZH_VERB = re.compile(r"公布|发布|举行|召开|出炉|发表|讲话|将|会|是|在|了|的")
_AFTER_DASH = re.compile(r"(?:--|[–—]|\s-)\s*$")
_ZH_LONG, _EN_LONG = 30, 80  # an item is shorter than this; commentary is longer
# A release timed in a country's own zone in a Chinese list is that country's, unless it names another.
_ZONE_PLACE = {"America/New_York": "美国", "America/Chicago": "美国", "America/Los_Angeles": "美国", "Europe/London": "英国", "Asia/Tokyo": "日本"}
_ALL_DAY = {True: "全天", False: "All Day"}
_PM = {"下午", "傍晚", "晚上", "晚间"}


def _clock(m: re.Match[str], zh: bool) -> str:
    """The row's clock as "HH:MM", with its zone where the reader takes it ("" when there is none)."""
    if zh:
        if m["h"] is None:
            return ""
        hour, minute = int(m["h"]), int(m["m"])
        if m["p"] in _PM and hour < 12:
            hour += 12
        elif m["p"] == "凌晨" and hour == 12:
            hour = 0
        zone = m["zone"] if m["zone"] in ZONES else ""
        return f"{zone}{hour:02d}:{minute:02d}"
    if m["h24"] is not None:
        hour, minute = int(m["h24"]), int(m["m24"])
    elif m["h"] is not None:
        hour, minute = int(m["h"]) % 12, int(m["m"] or 0)
        hour += 12 if m["ap"].lower() == "p" else 0
    else:
        return ""
    zone = f" {m['zone']}" if m["zone"] else ""
    return f"{hour:02d}:{minute:02d}{zone}"


def _heading(lines: list[str], i: int, zh: bool) -> str:
    """The data name heading the row at ``i`` (the line before it, blank lines apart), or "": a short
    verbless line ("零售销售", "RETAIL SALES", "Housing Starts") naming a release or a kind of event,
    not a section title ("Economic calendar")."""
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    if j < 0 or (_ZH_ROW if zh else _EN_ROW).match(lines[j]):
        return ""
    m = _ZH_NAME.match(lines[j]) if zh else (_EN_NAME.match(lines[j]) or _EN_TITLE.match(lines[j]))
    if m is None or (zh and _ZH_VERB.search(m["name"])):
        return ""
    name = m["name"] if zh else m["name"].capitalize()
    return name if releases_in(name) or C.category_of(name, name) != "other" else ""


def _full_weekday(day: str) -> str:
    """ "Wed Dec 2" as "Wednesday Dec 2": an abbreviated weekday alone is no day to the time reader."""
    m = _EN_ABBREVIATED.match(day)
    return _EN_FULL[m[1].lower()[:3]] + day[m.end() :] if m else day


def _commentary(line: str, m: re.Match[str], zh: bool) -> bool:
    """Whether what follows the row's dash is commentary (a sentence, or a long one) rather than the
    row's item: only then may a data name above the row be its item."""
    rest = m["rest"].rstrip()
    dash = _AFTER_DASH.search(line, 0, m.start("rest")) is not None
    return dash and (rest.endswith(("。", ".", "!", "?", "！", "？")) or len(rest) >= (_ZH_LONG if zh else _EN_LONG))


def day_clock_rows(text: str, zh: bool) -> str:
    """The text with each row led by a day (and a clock) as a day heading over a clock row; a data
    name heading the row is its item, and what follows the row's dash is then a paragraph of its own."""
    row = _ZH_ROW if zh else _EN_ROW
    if not (("周" in text or "星期" in text or "礼拜" in text) if zh else _EN_WEEKDAY.search(text)):
        return text
    lines = text.split("\n")
    out: list[str] = []
    place = ""  # the country of the zone of the rows so far ("东部标准时间": 美国)
    for i, line in enumerate(lines):
        m = row.match(line)
        if m is None:
            out.append(line)
            continue
        name = _heading(lines, i, zh) if _commentary(line, m, zh) else ""
        clock = _clock(m, zh)
        if not clock and not name:  # "周一,A公司公布…": a day in prose, no row
            out.append(line)
            continue
        if name:
            while out and not out[-1].strip():
                out.pop()
            out.pop()  # the heading becomes the row's item
            item, commentary = name, m["rest"].strip()
        else:
            item, commentary = m["rest"].strip(), ""
        day = _full_weekday(m["day"].strip().rstrip(",，:："))
        if zh:
            place = _ZONE_PLACE.get(ZONES.get(m["zone"] or "", ""), place) if clock else place
            if place and region_of(item, default="") == "":  # "采购经理人指数" at 上午9:45(东部标准时间)
                item = place + item
        # a day without a clock ("星期一,3月3日-- …" under "汽车销售") is a row of the whole day
        out += ["", f"{day}安排:" if zh else f"{day} schedule:", f"{clock or _ALL_DAY[zh]}, {item}"]
        if commentary:  # Chinese commentary keeps the row's day; English keeps only the dates it states
            out += ["", f"{day},{commentary}" if zh else commentary]
        out.append("")
    return "\n".join(out)
