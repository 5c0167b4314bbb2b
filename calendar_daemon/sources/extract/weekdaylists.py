"""Lists whose items are not separated by verbs:

* one line per weekday, "THURSDAY Retail sales; Construction PMI, Bank of England
  decision" at the end of an English week-ahead piece: each line is rewritten as a calendar entry
  ("Wednesday: A; B; C"), which the day-heading reader then dates item by item;
* a step named once, then dated groups of companies: "下周6家公司参与初步询价。6月27日:A(688xxx.SH),
  B(301xxx.SZ);6月28日:C(301xxx.SZ)": each group is that step on its day, so the step is written
  after each group's day ("6月27日初步询价:A(…),B(…)"); the same when the groups carry a count and a
  board after an "as follows" ("…5只新股发行。具体安排如下,周一2只:A(创业板)、B(科创板);周二1只:C(主板)"
  is "周一发行:A…;周二发行:C…");
* a section word, then one company a line: "Lockup Exp.:" / "Shift4 Payments, (FOUR), Fintech" /
  "Dada Nexus, (DADA), Transportation": the companies join the section's line, so the event is
  named by them ("Lockup Exp.: Shift4 Payments (FOUR), Dada Nexus (DADA)");
* numbered weekday items run together ("1.周一:数据:A、B等财报:C、D2.周二:…"): each item starts a
  line, and each section word in it ("数据:", "财报:") starts a line of the same weekday; several
  countries before one release ("美英德法12月制造业PMI") are that release of each country;
* a day sub-heading with a title, "周一(9月22日)美联储官员密集讲话,澳洲联储政策受关注", over a
  paragraph of that day's items: the day is set apart as a heading that owns the paragraph below
  (the title only sums up the items);
* a period said once before a run of clauses, each an item: "下周,国内油价将迎来第N轮调价窗口,
  某指数调整生效,8月份PMI数据出炉。": the period is written before each clause ("下周…;下周…;下周…")."""

from __future__ import annotations

import logging
import re

from .agencyreleases import office_release_lists
from .ellipsisitems import ellipsis_entries
from .normalize import join_wrapped_lines
from .places import PLACE_WORDS
from .releases import placed_releases
from .vocabulary import led_by

logger = logging.getLogger(__name__)

_UPPER_WEEKDAY = re.compile(r"(?m)^[ \t]*(?P<wd>MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)\b[ \t]*[:：\-–]?"
                            r"[ \t]*(?P<items>[^\n]*)$")
# Items are parted by semicolons and by commas outside brackets (a comma before a digit is a number).
_ITEM_COMMA = re.compile(r",[ \t]+(?![^()]*\))(?!\d)")
_NOTHING = re.compile(r"^(?:none|nothing)(?: (?:scheduled|major|of note))?[.;]?$", re.IGNORECASE)


def _entry(m: re.Match[str]) -> str:
    items = m["items"].strip().rstrip(";")
    if not items or _NOTHING.match(items):
        return ""
    return f"{m['wd'].title()}: " + _ITEM_COMMA.sub("; ", items)


def upper_weekday_lists(text: str) -> str:
    """The text with each upper-case weekday line ("THURSDAY Manufacturing output; BoE decision") as a
    calendar entry of that day, one item per semicolon; a day with "None scheduled" is dropped."""
    if "DAY" not in text:
        return text
    return _UPPER_WEEKDAY.sub(_entry, text)


_STEP = r"初步询价|网上路演|申购|缴款|上市|挂牌|解禁|公布业绩|发布业绩|公布中签结果"
_DAY = r"(?:\d{1,2}月\d{1,2}日|(?:周|星期)[一二三四五六日天])(?:\s*\((?:周|星期)[一二三四五六日天]\))?"
# Company names with exchange codes: "誉辰智能(688638.SH)", "商汤-W(00020)".
_GROUP = rf"{_DAY}\s*[:：]\s*[^:：;；。\n]{{2,20}}?\(\s*\d{{4,6}}(?:\.[A-Z]{{2}})?\s*\)[^;；。\n]{{0,300}}?"
_STEP_LIST = re.compile(rf"(?P<step>{_STEP})(?:[^。:：\n]{{0,6}})[。:：]\s*(?P<groups>{_GROUP}(?:[;；]\s*{_GROUP})*)(?=[;；。\n]|$)")
_ONE_GROUP = re.compile(rf"{_GROUP}(?=[;；]|$)")
_GROUP_DAY = re.compile(rf"^{_DAY}\s*[:：]")


def _with_step(m: re.Match[str]) -> str:
    step = m["step"]
    groups = _ONE_GROUP.sub(lambda g: _GROUP_DAY.sub(lambda d: d[0].rstrip(":： ") + step + ":", g[0], count=1),
                            m["groups"])
    return m[0][:m.start("groups") - m.start()] + groups


def step_lists(text: str) -> str:
    """The text with the step of a "step。day:companies(code);day:…" list written after each group's day."""
    if "(" not in text:
        return text
    return _COUNTED_LIST.sub(_with_counted_step, _STEP_LIST.sub(_with_step, text))


# "…共5只新股发行,其中…。具体安排如下,周一2只:A(创业板)、B(科创板);周二1只:C(创业板)": the groups
# carry a count instead of a step, and a board (or a code) after each company
_BOARD = r"(?:\d{4,6}(?:\.[A-Z]{2})?|(?:沪市|深市)?主板|创业板|科创板|中小板|北交所)"
_COUNTED = rf"{_DAY}\s*\d{{1,2}}\s*(?:只|家)\s*[:：]\s*[^:：;；。\n]{{2,20}}?\(\s*{_BOARD}\s*\)[^;；。\n]{{0,300}}?"
_COUNTED_LIST = re.compile(rf"(?P<step>{_STEP}|发行)[^:：\n]{{0,40}}?如下\s*[,，:：]\s*(?P<groups>{_COUNTED}(?:[;；]\s*{_COUNTED})*)(?=[;；。\n]|$)")
_COUNTED_DAY = re.compile(rf"(?<![^;；]){_DAY}\s*\d{{1,2}}\s*(?:只|家)\s*[:：]")


def _with_counted_step(m: re.Match[str]) -> str:
    """"周一2只:" becomes "周一发行:" (the day, then the step the list is about)."""
    def one(d: re.Match[str]) -> str:
        return re.sub(r"\s*\d{1,2}\s*(?:只|家)\s*[:：]$", "", d[0]) + m["step"] + ":"
    groups = _COUNTED_DAY.sub(one, m["groups"])
    return m[0][:m.start("groups") - m.start()] + groups


_SECTION = re.compile(r"(?m)^(?P<label>[A-Z][A-Za-z .\-]{2,24}:)[ \t]*\n(?P<rows>(?:[ \t]*\n)*(?:[^,\n]{2,48}, ?\(?[A-Z]{1,5}\)?"
                      r"(?:, [^\n]{0,40})?[ \t]*\n(?:[ \t]*\n)*){1,30})")
_SECTION_ROW = re.compile(r"(?m)^[ \t]*(?P<co>[^,\n]{2,48}), ?\(?(?P<t>[A-Z]{1,5})\)?(?:, [^\n]{0,40})?[ \t]*$")


def _section_line(m: re.Match[str]) -> str:
    companies = [f"{r['co'].strip()} ({r['t']})" for r in _SECTION_ROW.finditer(m["rows"])]
    return f"{m['label']} {', '.join(companies)}\n\n"


def section_company_rows(text: str) -> str:
    """The text with each "Section:" line followed by "Company, (TICKER), Sector" lines as one line."""
    if ":" not in text:
        return text
    return _SECTION.sub(_section_line, text)


# "下周," opening a sentence of several clauses (none with a date of its own).
_LEAD_PERIOD = re.compile(r"(?m)(?:^|(?<=[。!?；;]))(?P<p>下周|本周|下月|本月)[,，](?P<rest>[^。!?\n]{4,200})")
_OWN_DATE = re.compile(r"\d{1,2}\s*[日号]|[周星期](?:[一二三四五六日天])|\d{1,2}[:：]\d{2}")


def _each_clause(m: re.Match[str]) -> str:
    parts = [p for p in re.split(r"[,，]", m["rest"]) if p.strip()]
    if len(parts) < 2 or _OWN_DATE.search(m["rest"]):
        return m[0]
    return ";".join(m["p"] + p for p in parts)


# "本周台湾有多项重要数据发布,其中,甲部将公布8月外销订单…;乙会将公布景气灯号…": the week of the group
_AMONG = re.compile(r"(?m)(?:^|(?<=[。!?；;]))(?P<p>下周|本周)(?P<lead>[^。!?\n,，;；]{0,30}?)[,，]\s?其中[,，:：]?(?P<rest>[^。!?\n]{4,300})")


def _each_member(m: re.Match[str]) -> str:
    parts = [p for p in re.split(r"[;；]", m["rest"]) if p.strip()]
    if _OWN_DATE.search(m["rest"]):
        return m[0]
    return f"{m['p']}{m['lead']},其中," + ";".join(m["p"] + p.strip() for p in parts)


def lead_period_clauses(text: str) -> str:
    """The text with a period that opens a sentence of several clauses written before each clause, and before
    each member of a group it announces ("本周…数据发布,其中,A将公布X;B将公布Y")."""
    if not ("下周" in text or "本周" in text or "月" in text):
        return text
    return _LEAD_PERIOD.sub(_each_clause, _AMONG.sub(_each_member, text) if "其中" in text else text)


_WD = r"(?:周|星期)[一二三四五六日天]"
_RUN_ON_ITEM = led_by(r"\d", rf"(?<=[^\s\d])(?=\d{{1,2}}[.、]\s*{_WD}\s*[:：])")
_ITEM_HEAD = re.compile(rf"(?m)^[ \t]*\d{{1,2}}[.、][ \t]*(?P<wd>{_WD})[ \t]*[:：](?P<body>[^\n]*)$")
_DATA_SECTION = re.compile(r"^数据\s*[:：]\s*")
_REPORT_SECTION = re.compile(r"^(?:财报|业绩)\s*[:：]\s*")
_SECTION_WORD = re.compile(r"(?<=[^\s:：])(?=(?:数据|财报|业绩|事件|会议|新股|解禁|央行|政策)\s*[:：])")
_COUNTRY = {"美": "美国", "英": "英国", "德": "德国", "法": "法国", "日": "日本", "欧": "欧元区", "澳": "澳大利亚",
            "加": "加拿大", "韩": "韩国", "中": "中国"}
_COUNTRIES = led_by("".join(_COUNTRY), r"(?<![\u4e00-\u9fff])(?P<cs>[美英德法日欧澳加韩中]{2,6})(?P<x>\d{1,2}\s*月份?[^、,，;；。:：\n]{0,12}?"
                        r"(?:PMI|CPI|PPI|GDP)(?:初值|终值)?)")


def _one_item(m: re.Match[str]) -> str:
    lines: list[str] = []
    for part in (p.strip() for p in _SECTION_WORD.split(m["body"])):
        if data := _DATA_SECTION.match(part):  # "数据:A、B、C等": one release a line
            lines += [item for item in re.split(r"[、;；]", _COUNTRIES.sub(_each_country, part[data.end():])) if item.strip()]
        elif report := _REPORT_SECTION.match(part):  # "财报:A、B": the companies report that day
            lines.append(part[report.end():].rstrip("等") + "发布财报")
        elif part:
            lines.append(part)
    return "\n".join(f"{m['wd']}:{line.strip()}" for line in lines)


def _each_country(m: re.Match[str]) -> str:
    return "、".join(_COUNTRY[c] + m["x"] for c in m["cs"])


def run_on_weekday_items(text: str) -> str:
    """The text with run-on numbered weekday items one a line, section by section, and a release
    named for several countries at once written out for each."""
    if not re.search(_WD, text):
        return text
    text = _ITEM_HEAD.sub(_one_item, _RUN_ON_ITEM.sub("\n", text))
    return _COUNTRIES.sub(_each_country, text)


_SUBHEADING = re.compile(rf"(?m)^[ \t]*(?P<day>{_WD}\s*\(\s*\d{{1,2}}月\d{{1,2}}日\s*\)|\d{{1,2}}月\d{{1,2}}日\s*\(\s*{_WD}\s*\))"
                         r"(?P<title>[^\n。!?;；:：|]{4,40})[ \t]*$")  # (a table's row, "周一(8月15日) | 日本GDP |", is no heading)
# What a release's own line may say besides its name: its place, its month, that it comes out ("英国7月CPI将公布")
_RELEASE_WORDS = re.compile(r"\d{1,2}月份?|(?:将|将会|即将)?(?:公布|发布|出炉|揭晓)|" + PLACE_WORDS)


# A table's row that opens with the day of its group ("周一(8月15日) | 日本GDP | 外汇 |"), the rows below it naming no day
_TABLE_DAY_ROW = re.compile(rf"(?m)^[ \t]*\|?[ \t]*(?P<day>{_WD}\s*\(\s*\d{{1,2}}月\d{{1,2}}日\s*\)|\d{{1,2}}月\d{{1,2}}日\s*\(\s*{_WD}\s*\))"
                            r"[ \t]*\|(?P<row>[^\n|]+\|[^\n]*)$")


def day_subheadings(text: str) -> str:
    """The text with each "weekday(date) title" line reduced to its day, alone in its paragraph; a title
    that names a release the gazetteer knows ("10月3日(周五)美国・非农就业报告") stays as the day's first item. A table's
    day cell heads its row and the rows below it, as a heading of its own ("周一(8月15日):", never a dateline)."""
    def one(m: re.Match[str]) -> str:
        return f"\n{m['day']}\n\n{m['title'].strip()}\n" if _names_one_release(m["title"]) else f"\n{m['day']}\n\n"
    if "日" not in text:
        return text
    return _SUBHEADING.sub(one, _TABLE_DAY_ROW.sub(lambda m: f"\n{m['day']}:\n\n{m['row'].strip()}", text))


_BRACKETED = re.compile(r"\([^()]*\)")


def _names_one_release(title: str) -> bool:
    """A title that is one release's name, with at most its place ("美国・非农就业报告", "欧元区・消费者物价指数(HICP)"),
    not a section's subtitle ("多国制造业PMI齐发,估值先行指标登场")."""
    bare = _BRACKETED.sub("", title)  # (an abbreviation in brackets names the same release: "(HICP)")
    named = placed_releases(bare)
    if len(named) != 1:
        return False
    rest = _RELEASE_WORDS.sub("", bare[:named[0].start] + bare[named[0].end:])
    return len(re.findall(r"[\u4e00-\u9fff]", rest)) <= 3 and "," not in rest


def list_shapes(text: str, zh: bool) -> str:
    """The normalised article with every list shape above rewritten into lines the reader dates."""
    text = section_company_rows(upper_weekday_lists(ellipsis_entries(text)))
    if not zh:
        return office_release_lists(text)
    return lead_period_clauses(run_on_weekday_items(step_lists(join_wrapped_lines(day_subheadings(text)))))
