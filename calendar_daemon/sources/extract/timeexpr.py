"""Time-expression recogniser and resolver (Chinese and numeric forms).

``find_times`` scans normalised text and returns non-overlapping
``TimeMatch`` objects whose ``resolved`` value is anchored on the
publication time.  English forms live in :mod:`.english`; both feed the
same post-processing (ranges, deadlines, open starts, time of day, zones).
All patterns use bounded quantifiers only.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from . import resolved as P
from .memo import remembered
from .numerals import CN_DIGITS, CN_NUM, NUM, WEEKDAYS_CN, cn_int
from .resolved import Resolved
from .timematch import Anchor, TimeMatch
from .vocabulary import led_by

logger = logging.getLogger(__name__)


_Y = r"(?:(?<![\d.])(?P<y>\d{4})\s*年|(?P<ry>今年|去年|明年|前年|后年))"
_RY = {"今年": 0, "去年": -1, "明年": 1, "前年": -2, "后年": 2}
_MD = (rf"(?P<m>\d{{1,2}}|{CN_NUM})\s*月(?:份)?\s*(?:(?P<d>\d{{1,2}}|{CN_NUM})\s*[日号]"
       r"|(?P<mp>底|末|初|上旬|中旬|下旬|中(?![国文方期东美欧日港]))?)")
# (a match begins with a year, "今年"…"后年", or the month: a digit or a Chinese numeral)
RE_DATE = led_by(rf"\d{CN_DIGITS}今去明前后", rf"(?:{_Y}\s*)?(?<![\d.])(?<!第){_MD}")
RE_NUMDATE = re.compile(r"(?<![\d.])(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?![\d])"
                        r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2}))?")
# What every numeric date holds; a pattern that begins with a digit is searched fast (the engine skips
# to the digits), the look-behind of the full one is tried at every position.
_NUMDATE_HINT = re.compile(r"\d\d\d\d[-/.]\d")
# New Year's Day by name ("元旦当天开始施行", "2032年元旦起"): not where its date follows ("元旦:1月1日"), nor its holiday
# or the days around it ("元旦假期", "元旦前")
RE_NEW_YEAR = re.compile(r"(?:(?<![\d.])(?P<y>\d{4})\s*年|(?P<ry>今年|明年))?元旦(?:节)?(?![\s:：(（]*\d|[\s]*(?:假期|假日|连假|期间|前|后|以前|之前|以后|之后|档))")
_NEW_YEAR_DAYS = 45  # without a year, the New Year's Day this close to publication (a later or earlier one is not guessed)
RE_YEAR = re.compile(r"(?<![\d.])(?P<y>\d{4})\s*(?P<suf>年度|年|日历年|自然年)(?P<tail>全年|底|末|初|中)?")
RE_YEAR_RANGE = re.compile(r"(?<![\d.])(?P<a>\d{4})\s*年?\s*(?:至|到|-|—|~)\s*(?P<b>\d{4})\s*年")
RE_QUARTER = re.compile(
    r"(?:(?<![\d.])(?P<y>\d{4})\s*(?:年度|年)?\s*|(?P<ry>今年|去年|明年)\s*)?(?:第\s*)?(?P<q>[一二三四1-4])\s*"
    # "第4季" (Taiwan usage) is a quarter with its ordinal; a bare "4季" only before 末/初/报
    r"(?:(?:季度)?\s*[、和及与至到\-]\s*(?:第\s*)?(?P<q2>[一二三四1-4])\s*季度|季度|季(?=末|初|报)|(?<=第[一二三四1-4])季)"
    r"(?P<tail>末|初)?")
RE_QUARTER_EN = re.compile(r"(?<![A-Za-z\d])(?:(?P<y>\d{4})\s*)?Q(?P<q>[1-4])(?:\s*(?P<y2>\d{4}|'\d{2}))?(?![\dA-Za-z])"
                           r"|(?<![A-Za-z\d])(?P<q3>[1-4])Q(?P<y3>\d{2})(?![\dA-Za-z])")
RE_HALF = re.compile(r"(?:(?<![\d.])(?P<y>\d{4})\s*年\s*|(?P<ry>今年|去年|明年)\s*)?(?P<h>上|下)半年|(?<![A-Za-z\d])(?:(?P<y2>\d{4})\s*)?H(?P<h2>[12])(?![\dA-Za-z])")
RE_FISCAL = re.compile(r"(?<![\d.])(?P<y>\d{4})\s*财年(?:\s*(?:第\s*)?(?P<q>[一二三四1-4])\s*(?:财季|季度|季))?"
                       r"|(?:第\s*)?(?P<q2>[一二三四])\s*财季"
                       r"|(?<![A-Za-z])FY\s?(?P<y3>\d{4}|\d{2})(?:\s*Q(?P<q3>[1-4]))?(?![\dA-Za-z])")
RE_REL_YEAR = re.compile(r"(?:今年|明年|去年|后年|前年|本年度?|当年|(?<![\d年])年)(?P<tail>底|末|初|中)?")
RE_REL_MONTH = re.compile(r"(?:本月|下个?月|上个?月|次月|当月)(?:\s*(?P<d>\d{1,2}|" + CN_NUM + r")\s*[日号])?")
RE_REL_QUARTER = re.compile(r"本季度|下个?季度|上个?季度")
RE_REL_DAY = re.compile(r"今天|今日|明天|明日|后天|昨天|昨日|前天|今晚|今晨|今早|明晚|次日|[今明昨]\s?\(\d{1,2}\)\s?日|[今明](?=起)")  # ("今起": from today)
RE_WEEK = re.compile(r"(?P<w>下下周|下个?周|下个?星期|下个?礼拜|上个?周|上个?星期|本周|今周|这周|这个?星期|本星期|当周)"
                     r"(?P<d>[一二三四五六天末]|日(?![志记报程历]))?"  # 本周日志 is "this week's log"
                     r"|(?:周|星期|礼拜)(?P<d2>[一二三四五六天]|日(?![志记报程历]))")
RE_MONTH_PART = re.compile(r"(?P<p>月底|月末|月初|月中|上旬|中旬|下旬)")
# (a match begins with its leading word, a space or the number)
RE_REL_N = led_by(rf"\s\d{CN_DIGITS}半未今近过最接此", rf"(?<![\d.])(?P<pre>未来|今后|近|过去|最近|接下来|此后)?\s*(?P<n>{NUM}|半)\s*(?P<half>个半)?\s*个?"
                      r"(?P<u>年|月|周|星期|天|日|季度)(?P<post>半)?(?P<suf>内|以内|之内|前|后|以后|之后|以来)?")
RE_DOTTED = re.compile(r"^\s*(?P<m>\d{1,2})\.(?P<d>\d{1,2})(?=[\u4e00-\u9fff]|\s*$)", re.MULTILINE)
RE_NOW = re.compile(r"从现在|从今天|即日|今后|从目前")
RE_BARE_DAY = re.compile(r"\s*(?P<d>\d{1,2}|" + CN_NUM + r")\s*[日号]")
RE_CONNECT = re.compile(r"\s*(?:起\s*|开始\s*[,，]?\s*)?(?:至|到|--?|——?|–|~|－)\s*")  # "6月19日起至6月24日", "由4月26日开始,至5月6日结束", "3月5日--3月8日"

ZONES = {"北京时间": "Asia/Shanghai", "美东时间": "America/New_York", "美国东部时间": "America/New_York", "东部标准时间": "America/New_York",
         "东部夏令时间": "America/New_York",
         "纽约时间": "America/New_York", "本港时间": "Asia/Hong_Kong", "香港时间": "Asia/Hong_Kong",
         "东京时间": "Asia/Tokyo", "日本时间": "Asia/Tokyo", "伦敦时间": "Europe/London",
         "英国时间": "Europe/London", "欧洲中部时间": "Europe/Berlin", "台北时间": "Asia/Taipei",
         "台湾时间": "Asia/Taipei", "新加坡时间": "Asia/Singapore", "格林尼治时间": "UTC", "美西时间": "America/Los_Angeles",
         "美国中部时间": "America/Chicago"}
RE_ZONE = re.compile("|".join(sorted(ZONES, key=len, reverse=True)))
RE_TOD = re.compile(r"(?P<p>凌晨|早上|早晨|清晨|上午|中午|午间|下午|傍晚|晚上|晚间|夜间|深夜|今晚|今晨)?\s*"
                    r"(?:(?P<h>\d{1,2})|(?P<hc>[一二三四五六七八九十]{1,3})(?=[点时]))"  # ("下午三时", "今早十一时")
                    r"\s*(?:[:：]\s*(?P<m>\d{2})|点\s*(?:(?P<m2>\d{1,2})\s*分|(?P<half>半)|整|钟)?"
                    r"|时\s*(?:(?P<m3>\d{1,2})\s*分|正(?!\w))?)")  # ("下午4时正": four o'clock sharp)
_PM = {"下午", "傍晚", "晚上", "晚间", "夜间", "深夜", "今晚"}


def scan(rx: re.Pattern[str], text: str, *needles: str) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)``, or nothing, without running ``rx``, when ``text`` holds none of ``needles``
    (strings one of which every match of ``rx`` contains): most lines name no quarter, half or fiscal year."""
    for needle in needles:
        if needle in text:
            return rx.finditer(text)
    return iter(())


def _q(token: str) -> int:
    return "一二三四".index(token) + 1 if token in "一二三四" else int(token)


def _mk(m: re.Match[str], res: Resolved, has_year: bool = False,
        ymd: tuple[int | None, int | None, int | None] = (None, None, None), *tags: str) -> TimeMatch:
    return TimeMatch(m.start(), m.end(), res, res, has_year, ymd, set(tags))


def _atoms_dates(text: str, a: Anchor) -> list[TimeMatch]:
    out: list[TimeMatch] = []
    tz, today = a.tz, a.today
    for m in RE_NUMDATE.finditer(text) if _NUMDATE_HINT.search(text) else ():
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if not P.valid_ymd(y, mo, d):
            continue
        if m["H"] and int(m["H"]) < 24 and int(m["M"]) < 60:
            dt = datetime(y, mo, d, int(m["H"]), int(m["M"]), tzinfo=ZoneInfo(tz))
            out.append(_mk(m, Resolved(dt, dt, "datetime", timezone=tz), True, (y, mo, d)))
        else:
            out.append(_mk(m, P.day(date(y, mo, d), tz), True, (y, mo, d)))
    for m in scan(RE_DATE, text, "月"):
        mo_opt = cn_int(m["m"])
        dd = cn_int(m["d"]) if m["d"] else None
        if mo_opt is None or not 1 <= mo_opt <= 12:
            continue
        mo = mo_opt
        yo = int(m["y"]) if m["y"] else (today.year + _RY[m["ry"]] if m["ry"] else None)
        if dd is not None:
            yy = yo if yo is not None else P.nearest_year(mo, dd, today)
            if not P.valid_ymd(yy, mo, dd):
                continue
            out.append(_mk(m, P.day(date(yy, mo, dd), tz), yo is not None, (yy, mo, dd)))
        else:
            yy = yo if yo is not None else P.upcoming_month_year(mo, today)
            if not 1900 <= yy <= 2200:
                continue
            res = month_part(yy, mo, "月" + m["mp"], tz) if m["mp"] else P.month(yy, mo, tz)
            out.append(_mk(m, res, yo is not None, (yy, mo, None)))
    for m in scan(RE_YEAR, text, "年"):
        y = int(m["y"])
        if not 1900 <= y <= 2200:
            continue
        tail = m["tail"]
        if tail in ("底", "末"):
            res = P.month(y, 12, tz)
        elif tail == "初":
            res = Resolved(date(y, 1, 1), date(y, 2, P.month_end(y, 2).day), "month", timezone=tz)
        elif tail == "中":
            res = Resolved(date(y, 6, 1), date(y, 7, 31), "month", timezone=tz)
        else:
            res = P.year(y, tz)
        out.append(_mk(m, res, True, (y, None, None), "year"))
    for m in scan(RE_YEAR_RANGE, text, "年"):
        ya, yb = int(m["a"]), int(m["b"])
        if 1900 <= ya < yb <= 2200:
            res = P.span(P.year(ya, tz), P.year(yb, tz))
            out.append(_mk(m, res, True, (ya, None, None)))
    for m in scan(RE_DOTTED, text, "."):
        mo, dd = int(m["m"]), int(m["d"])
        yy = P.nearest_year(mo, dd, today)
        if P.valid_ymd(yy, mo, dd) and abs((date(yy, mo, dd) - today).days) <= 7:
            out.append(_mk(m, P.day(date(yy, mo, dd), tz), False, (yy, mo, dd), "dotted"))
    return out


def _new_years_days(text: str, a: Anchor) -> list[TimeMatch]:
    """"元旦" with its year, or the New Year's Day within ``_NEW_YEAR_DAYS`` of publication."""
    out: list[TimeMatch] = []
    for m in scan(RE_NEW_YEAR, text, "元旦"):
        yn = int(m["y"]) if m["y"] else (a.today.year + _RY[m["ry"]] if m["ry"] else None)
        if yn is None and abs((near := date(a.today.year + (a.today.month == 12), 1, 1)) - a.today).days <= _NEW_YEAR_DAYS:
            yn = near.year
        if yn is not None and 1900 <= yn <= 2200:
            out.append(_mk(m, P.day(date(yn, 1, 1), a.tz), m["y"] is not None or m["ry"] is not None, (yn, 1, 1)))
    return out


def _atoms_periods(text: str, a: Anchor) -> list[TimeMatch]:
    out: list[TimeMatch] = []
    tz, today = a.tz, a.today
    for m in scan(RE_QUARTER, text, "季"):
        y = int(m["y"]) if m["y"] else today.year + _RY.get(m["ry"] or "今年", 0)
        if not 1900 <= y <= 2200:
            continue
        q = _q(m["q"])
        res = P.quarter(y, q, tz)
        if m["q2"]:
            q2 = _q(m["q2"])
            if q2 > q:
                res = P.span(res, P.quarter(y, q2, tz))
                res = replace(res, precision="quarter")
        if m["tail"] == "末":
            end = res.end
            assert isinstance(end, date)
            res = P.month(end.year, end.month, tz)
        out.append(_mk(m, res, m["y"] is not None or m["ry"] is not None, (y, None, None), "quarter"))
    for m in scan(RE_QUARTER_EN, text, "Q"):
        if m["q3"]:
            q, y = int(m["q3"]), 2000 + int(m["y3"])
        else:
            q = int(m["q"])
            ys = m["y"] or m["y2"]
            y = (2000 + int(ys[1:]) if ys.startswith("'") else int(ys)) if ys else today.year
        out.append(_mk(m, P.quarter(y, q, tz), bool(m["y"] or m["y2"] or m["q3"]), (y, None, None)))
    for m in scan(RE_HALF, text, "半年", "H1", "H2"):
        ys = m["y"] or m["y2"]
        y = int(ys) if ys else today.year + _RY.get(m["ry"] or "今年", 0)
        h = 1 if (m["h"] == "上" or m["h2"] == "1") else 2
        out.append(_mk(m, P.half(y, h, tz), ys is not None, (y, None, None)))
    for m in scan(RE_FISCAL, text, "财", "FY"):
        ctx = text[max(0, m.start() - 60):m.end()]
        if m["y"] or m["y3"]:
            ys = m["y"] or m["y3"]
            fy = int(ys) if len(ys) == 4 else 2000 + int(ys)
            qs = m["q"] or m["q3"]
            res = P.fiscal_quarter(fy, _q(qs), ctx, tz) if qs else P.fiscal_year(fy, ctx, tz)
            out.append(_mk(m, res, True, (fy, None, None), "fiscal"))
        else:
            res = Resolved(None, None, "quarter", timezone=tz, fiscal=True, label=f"FQ{_q(m['q2'])}")
            out.append(_mk(m, res, False, (None, None, None), "fiscal"))
    return out


def _week_res(a: Anchor, word: str) -> Resolved:
    return remembered(("week", a, word), lambda: _week_of_word(a, word))  # "本周" is said on many lines


def _week_of_word(a: Anchor, word: str) -> Resolved:
    monday = a.today - timedelta(days=a.today.weekday())
    if word.startswith("下下"):
        monday += timedelta(days=14)
    elif word.startswith("下"):
        monday += timedelta(days=7)
    elif word.startswith("上"):
        monday -= timedelta(days=7)
    res = P.week_of(monday, a.tz)
    return replace(res, past_relative=res.last_day() is not None and res.last_day() <= a.today  # type: ignore[operator]
                   and not word.startswith("下"))


def _year_part(y: int, tail: str | None, tz: str) -> Resolved:
    """A year or the part of it a tail names: "年底"/"年末" December, "年初" January-February,
    "年中" June-July."""
    if tail in ("底", "末"):
        return P.month(y, 12, tz)
    if tail == "初":
        return Resolved(date(y, 1, 1), P.month_end(y, 2), "month", timezone=tz)
    if tail == "中":
        return Resolved(date(y, 6, 1), P.month_end(y, 7), "month", timezone=tz)
    return P.year(y, tz)
def _atoms_relative(text: str, a: Anchor) -> list[TimeMatch]:
    out: list[TimeMatch] = []
    tz, today = a.tz, a.today
    for m in scan(RE_REL_YEAR, text, "年"):
        if m[0][0] == "年" and not m["tail"]:
            continue
        y = today.year + {"明": 1, "去": -1, "后": 2, "前": -2}.get(m[0][0], 0)
        out.append(_mk(m, _year_part(y, m["tail"], tz), False, (y, None, None), "rel"))
    for m in scan(RE_REL_MONTH, text, "月"):
        off = 1 if m[0][0] in "下次" else -1 if m[0][0] == "上" else 0
        d = P.add_months(today.replace(day=1), off)
        dd = cn_int(m["d"]) if m["d"] else None  # "本月十五日": the day, else the month
        day = dd is not None and P.valid_ymd(d.year, d.month, dd)
        res = P.day(d.replace(day=dd), tz) if day and dd else P.month(d.year, d.month, tz)
        out.append(_mk(m, res, False, (d.year, d.month, dd if day else None), "rel"))
    for m in scan(RE_REL_QUARTER, text, "季度"):
        off = 1 if m[0][0] == "下" else -1 if m[0][0] == "上" else 0
        d = P.add_months(today.replace(day=1), 3 * off)
        out.append(_mk(m, P.quarter(d.year, (d.month - 1) // 3 + 1, tz), False, (d.year, None, None), "rel"))
    for m in RE_REL_DAY.finditer(text):
        w = m[0]
        off = {"今": 0, "明": 1, "后": 2, "昨": -1, "前": -2, "次": 1}[w[0]]
        d = today + timedelta(days=off)
        out.append(_mk(m, P.day(d, tz), False, (d.year, d.month, d.day), "rel", *(("named",) if "(" in w else ())))  # "今(15)日"
    for m in scan(RE_WEEK, text, "周", "星期", "礼拜"):
        dname = m["d"] or m["d2"]
        if m["w"]:
            wk = _week_res(a, m["w"])
        elif a.week_ahead is not None:
            wk = P.week_of(a.week_ahead, tz)
        else:  # bare weekday: the next occurrence on or after the publication day
            target = WEEKDAYS_CN[dname]
            d = today + timedelta(days=(target - today.weekday()) % 7)
            out.append(_mk(m, P.day(d, tz), False, (d.year, d.month, d.day), "rel", "weekday"))
            continue
        if dname:
            monday = wk.first_day()
            assert monday is not None
            if dname == "末":
                res = Resolved(monday + timedelta(days=5), monday + timedelta(days=6), "date", timezone=tz)
            else:
                d = monday + timedelta(days=WEEKDAYS_CN[dname])
                res = P.day(d, tz)
            out.append(_mk(m, res, False, (None, None, None), "rel", "weekday"))
        else:
            out.append(_mk(m, wk, False, (None, None, None), "rel", "week"))
    for m in scan(RE_MONTH_PART, text, "月", "旬"):
        mo_start = today.replace(day=1)
        out.append(_mk(m, month_part(mo_start.year, mo_start.month, m["p"], tz), False,
                       (today.year, today.month, None), "rel", "monthpart"))
    for m in scan(RE_REL_N, text, "年", "月", "周", "星期", "天", "日", "季度"):
        rel = _rel_n(m, a)
        if rel is not None:
            out.append(_mk(m, rel, False, (None, None, None), "rel"))
    return out


def month_part(y: int, mo: int, part: str, tz: str) -> Resolved:
    end = P.month_end(y, mo)
    part = part.removeprefix("月")
    if part in ("底", "末"):
        return P.day(end, tz)
    lo, hi = {"初": (1, 10), "上旬": (1, 10), "中": (11, 20), "中旬": (11, 20)}.get(part, (21, end.day))
    return Resolved(date(y, mo, lo), date(y, mo, hi), "date", timezone=tz)


def _coming_monday(a: Anchor) -> date | None:
    """The Monday of the week a preview written at the weekend looks at (none on a weekday, when "the
    coming week" runs from today)."""
    if a.week_ahead is not None and a.week_ahead > a.today:
        return a.week_ahead
    return a.today + timedelta(days=7 - a.today.weekday()) if a.today.weekday() >= 5 else None


def _rel_n(m: re.Match[str], a: Anchor) -> Resolved | None:
    pre, suf, unit = m["pre"], m["suf"], m["u"]
    if not pre and not suf:
        return None
    if unit == "月" and "个" not in m[0] and not pre:
        return None
    if unit == "日" and not pre:
        return None
    n_tok = m["n"]
    n = 0.5 if n_tok == "半" else cn_int(n_tok)
    if n is None or n > 120:
        return None
    nf = float(n) + (0.5 if (m["half"] or m["post"]) else 0.0)
    today, tz = a.today, a.tz

    def shift(sign: int) -> date:
        if unit in ("年", "月", "季度"):
            months = nf * {"年": 12, "月": 1, "季度": 3}[unit]
            return P.add_months(today, sign * round(months))
        days = nf * (7 if unit in ("周", "星期") else 1)
        return today + timedelta(days=sign * round(days))

    if pre in ("未来", "接下来") and unit in ("周", "星期") and nf == 1 and (monday := _coming_monday(a)) is not None:
        return P.week_of(monday, tz)  # "未来一周" in a preview written at the weekend: the week it previews
    if pre in ("未来", "今后", "接下来", "此后") or (suf in ("内", "以内", "之内") and pre not in ("近", "过去", "最近")):
        return Resolved(today, shift(1), "date", kind="relative_range", timezone=tz)
    if pre in ("近", "过去", "最近") or suf == "以来":
        return Resolved(shift(-1), today, "date", kind="relative_range", timezone=tz, past_relative=True)
    if suf == "前":
        d = shift(-1)
        return replace(P.day(d, tz), past_relative=True)
    if suf in ("后", "以后", "之后"):
        return P.day(shift(1), tz)
    return None


def time_of_day(m: re.Match[str]) -> tuple[int, int] | None:
    h = int(m["h"]) if m["h"] else cn_int(m["hc"]) or -1
    mins = int(m["m"] or m["m2"] or m["m3"] or 0)
    if m["half"]:
        mins = 30
    if m["p"] in _PM and h < 12:
        h += 12
    if m["p"] == "中午" and h < 11:
        h += 12
    if not (0 <= h <= 24 and 0 <= mins < 60):
        return None
    return (h % 24, mins)


def recognise_cn(text: str, a: Anchor) -> list[TimeMatch]:
    """All Chinese/numeric atoms (overlapping; the caller selects)."""
    return _atoms_dates(text, a) + _new_years_days(text, a) + _atoms_periods(text, a) + _atoms_relative(text, a)


def as_aware(d: date, hm: tuple[int, int], tz: str) -> datetime:
    return datetime(d.year, d.month, d.day, hm[0], hm[1], tzinfo=ZoneInfo(tz))
