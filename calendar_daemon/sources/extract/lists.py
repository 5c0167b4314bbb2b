"""Calendar-list lines that lean on the line before them: "同日，A、B、C亦会公布…" (the same day as the
item before) and a day of the month alone opening a list line ("24日：公司(代码)等发布业绩")."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from . import resolved as P

logger = logging.getLogger(__name__)

_SAME_DAY = re.compile(r"^(?:同日|同一天|同一日|当日|当天|same day)\s*[,，:：]?\s*", re.IGNORECASE)
_NEXT_DAY = re.compile(r"^(?:次日|翌日|隔日)\s*(?:凌晨|早上|上午)?(?=\s*\d{1,2}[:：点时])")
_BARE_DAY_LINE = re.compile(r"^(?P<d>[1-9]|[12]\d|3[01])\s*[日号]\s*(?P<wd>\(\s*(?:周|星期)[一二三四五六日天]\s*\))?\s*[:：]")


def _md(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def with_list_day(sentence: str, last_day: date | None, today: date) -> str:
    """The sentence with the day it leans on written out: "同日" becomes the day of the item before it
    ("次日03:00" the day after it),
    and a bare "24日：" the next such day of the month from the publication on; a list line opening with a
    year-less month-day goes on in the year of the row before it when the rows run forward."""
    if last_day is not None and (m := _SAME_DAY.match(sentence)):
        return f"{_md(last_day)}," + sentence[m.end():]
    if last_day is not None and (m := _NEXT_DAY.match(sentence)):  # "次日03:00 美联储公布利率决议"
        return _md(last_day + timedelta(days=1)) + " " + sentence[m.end():]
    if last_day is not None and (m := _MONTH_DAY_LINE.match(sentence)) and (row := _row_after(int(m["m"]), int(m["d"]), last_day, today)):
        return f"{row.year}年" + sentence  # "9月10日某国8月PPI" after the 9月4日 row of a list running forward
    if m := _BARE_DAY_LINE.match(sentence):
        d = int(m["d"])
        y, mo = today.year, today.month
        if d < today.day:
            nxt = P.add_months(date(y, mo, 1), 1)
            y, mo = nxt.year, nxt.month
        if P.valid_ymd(y, mo, d):
            return f"{_md(date(y, mo, d))}:" + sentence[m.end():]
    return sentence


def _row_after(month: int, day: int, last_day: date, today: date) -> date | None:
    """The day of a year-less row that follows the dated row before it within two months, where
    the nearest occurrence to the publication day (over half a year away) would put it a year back."""
    if not P.valid_ymd(last_day.year, month, day):
        return None
    row = date(last_day.year, month, day)
    if not (last_day <= row <= last_day + timedelta(days=62)) or P.nearest_year(month, day, today) == row.year:
        return None
    return row


# A list line opening with a month-day and no year ("9月10日某国8月PPI").
_MONTH_DAY_LINE = re.compile(r"^(?P<m>1[0-2]|0?[1-9])月(?P<d>[12]\d|3[01]|0?[1-9])[日号]")


# "the press conference follows half an hour later", "is 30mins later", "半小时后召开记者会".
_LATER = re.compile(r"(?:\b(?:(?P<n>\d{1,3})\s*(?:mins?|minutes)|(?P<wn>fifteen|twenty|thirty|forty-five|forty five|ninety)\s+minutes|"
                    r"(?:a\s+)?half(?:\s+an)?\s+hour|an hour|(?P<h>\d)\s*hours?)"
                    r"\s+later\b|(?P<zn>\d{1,3})\s*分钟后|半(?:个)?小时后|(?P<zh>\d)\s*(?:个)?小时后)", re.IGNORECASE)
# A sentence that opens by saying it happens at the same moment as the timed item before it.
_SAME_TIME = re.compile(r"(?:In the meantime|At the same time|Simultaneously),\s*|与此同时[,，]\s*", re.IGNORECASE)
_WORD_MINUTES = {"fifteen": "15", "twenty": "20", "thirty": "30", "forty-five": "45", "ninety": "90"}
_EN_WD = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EN_MON = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def with_later_clock(sentence: str, last: datetime | None, tz: str) -> tuple[str, bool]:
    """A sentence timed relative to the timed item before it ("Lagarde's press conference follows half
    an hour later") with that instant written out; unchanged when there is no such item or no such
    phrase. Also whether it was so timed."""
    if last is None:
        return sentence, False
    same = _SAME_TIME.match(sentence)
    if same is not None and not any(ch.isdigit() for ch in sentence):
        m, minutes = same, 0  # "In the meantime, the statistics office publishes …": at the clock before
    else:
        same, later = None, _LATER.search(sentence)
        if later is None:
            return sentence, False
        m, n, h, zn, zh = later, later["n"] or _WORD_MINUTES.get((later["wn"] or "").lower().replace(" ", "-")), later["h"], later["zn"], later["zh"]
        minutes = (int(n or zn) if (n or zn) else 60 * int(h or zh) if (h or zh)
                   else 30 if "half" in m[0].lower() or m[0].startswith("半") else 60)
    at = last + timedelta(minutes=minutes)
    rest = sentence[:m.start()] + sentence[m.end():]
    if (same is None and (m["zn"] or m[0].endswith("后"))) or (same is not None and m[0].startswith("与此同时")):
        local = at.astimezone(ZoneInfo(tz))
        return f"{local.year}年{local.month}月{local.day}日{local:%H:%M}," + rest, True
    utc = at.astimezone(ZoneInfo("UTC"))
    return f"{_EN_WD[utc.weekday()]} {_EN_MON[utc.month - 1]} {utc.day} - {utc:%H:%M} GMT " + rest, True


# A clock with a zone ("at 2 p.m. ET") in a sentence that names no day of its own.
_ZONED_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)\s*(?:ET|EST|EDT|GMT|BST|CET|CEST|UTC)\b"
                          r"|\b\d{1,2}:\d{2}\s*(?:ET|EST|EDT|GMT|BST|CET|CEST|UTC)\b", re.IGNORECASE)
_NAMES_A_DAY = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
                          r"\s+\d|\b\d{1,2}/\d{1,2}\b|\b(?:today|tonight|tomorrow|week|month)\b", re.IGNORECASE)

_ALSO = re.compile(r"(?:Also|In addition|Additionally|Besides),\s", re.IGNORECASE)


def with_day_before(sentence: str, day: date | None, timed: bool = False) -> str:
    """"The highlight comes on Wednesday, when the Fed meets. A decision is due at 2 p.m. ET.": an
    English sentence with a zoned clock and no day of its own is on the day the sentence before it
    named (``day``). So is one that goes on with more of the same ("Also, trade figures are due."), with no
    number in it; after a clocked item (``timed``) only such a sentence is (a clock row is read by itself)."""
    if day is None or _NAMES_A_DAY.search(sentence):
        return sentence
    also = _ALSO.match(sentence) is not None and not any(ch.isdigit() for ch in sentence)
    if not also and (timed or not _ZONED_CLOCK.search(sentence)):
        return sentence
    return f"{_EN_WD[day.weekday()]} {_EN_MON[day.month - 1]} {day.day}: {sentence}"


# A table row ("| 08:30 | Empire State manufacturing index | US |", or an HTML <tr>): cells apart by "|".
_CELL = re.compile(r"\s*\|\s*")
_UNTIMED_CELL = re.compile(r"^(?:待定|未定|不定|全天|TBD|TBA|All Day|Tentative)$", re.IGNORECASE)  # a row, not a header
_RULE_ROW = re.compile(r"^[\s|:\-–—]*$")
_CLOCK_CELL = re.compile(r"^(\d{1,2}:\d{2})$")
_HEADER_ZONE = re.compile(r"\((ET|EST|EDT|GMT|UTC|BST|CET|CEST|JST|HKT|SGT|北京时间|本港时间|台北时间|美东时间)\)")


_COUNTRY_CELL = re.compile(r"^(?:[A-Z]{2,3}|[A-Z][a-z]{2,14}(?: [A-Z][a-z]{2,10})?|中国|香港|美国|欧元区|欧洲|日本|英国|台湾|德国|法国|"
                           r"加拿大|澳大利亚|澳洲|新西兰|瑞士|韩国|印度|全球)$")


# A header cell naming the event whose day the column gives: "Date of MPB Meeting", "Announcement date"
_DATE_OF = re.compile(r"(?:Date of|Date for)\s+(?:the\s+)?(?P<what>[A-Za-z][\w ()&/-]{2,40}?)|(?P<what2>[A-Z][\w ()&/-]{2,40}?)\s+[Dd]ate")


class Table:
    """The table being read: a row is one calendar entry; a header's "Time (ET)" names the zone of the
    rows' clock times."""

    def __init__(self) -> None:
        self.zone = ""
        self.header = False  # a header was read: a later row without a digit ("日本第二季度GDP | 外汇 |") is a row
        self.named: list[str] = []  # per column, what a date in it is the day of ("Date of MPB Meeting" -> "MPB Meeting")

    def read(self, sentence: str) -> tuple[str, bool]:
        """The row as a line of text ("08:30 ET Empire State manufacturing index US") and whether it is
        a table row; a header or rule row reads as nothing."""
        if sentence.count("|") < 2:
            return sentence, False
        if _RULE_ROW.match(sentence):
            return "", True
        cells = [c.strip() for c in _CELL.split(sentence.strip().strip("|")) if c.strip()]
        if not self.header and not any(ch.isdigit() for ch in sentence) and not _UNTIMED_CELL.match(cells[0]):  # a header
            self.zone, self.header = next((m[1] for c in cells if (m := _HEADER_ZONE.search(c))), ""), True
            self.named = [(m["what"] or m["what2"]) if (m := _DATE_OF.fullmatch(c)) else "" for c in cells]
            return "", True
        if len(cells) == len(self.named) and any(self.named):
            # "1 | Tuesday, 22nd July 2031 | Wednesday, 23rd July 2031 |" under "No. | Date of Meeting | Date of
            # Announcement": each date cell is the day of its column's event, a clause of its own
            return "; ".join(f"{what}: {cell}" if what and cell[:1].isalnum() else cell for what, cell in zip(self.named, cells, strict=True)) + ".", True
        out = []
        for cell in cells:
            clock = _CLOCK_CELL.match(cell)
            if clock and self.zone and not self.zone.isascii():
                out.append(f"{self.zone}{clock[1]}")
            elif clock and self.zone:
                out.append(f"{clock[1]} {self.zone}")
            elif _COUNTRY_CELL.match(cell):
                out.append(f"({cell})")  # the country column says where, not what: no part of a title
            else:
                out.append(cell)
        return " ".join(out), True
