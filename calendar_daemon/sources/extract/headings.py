"""Calendar lists: day headings that date the items under them ("周一(4月13日)", "Tuesday, April 14"),
entries that open with their day ("11月13日(星期五):…", "Thursday: …"), and which time expressions name a
data period rather than the day something happens."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from . import classify as C
from .compose import find_times
from .datedname import release_follows
from .normalize import cjk_ratio
from .timematch import Anchor, TimeMatch

logger = logging.getLogger(__name__)

# A day heading of a calendar list: "周一(4月13日)", "4月14日(周二)", "Tuesday, April 14".
_DAY_HEADING_MAX = 32  # "Wednesday 29th December 2031", "Wednesday, September 24, 2031"
_DAY_ITEM_MAX = 60  # a longer sentence is prose: the list, and its heading, have ended
_HEADING_HINT = re.compile(r"\d|周|星期|day\b", re.IGNORECASE)
_WEEKDAY_WORD = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天]|\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)"
                           r"(?:day)?\b\.?", re.IGNORECASE)
_SUBHEADING = re.compile(r"\s*[A-Za-z\u4e00-\u9fff][\w &/'\u4e00-\u9fff-]{0,30}[:：]\s*")  # a day's section: "After the Close:"
_HEADING_REST = re.compile(r"^[\s()\[\]【】:：,、.\-–—|]*$")  # ("2031年7月13日 周一 |": a table cell's bar too)
# The day of the month after a weekday, without its month ("Tuesday 5th", "Wednesday the 6th")
_DAY_OF_MONTH = re.compile(r"[\s,]*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b", re.IGNORECASE)

# "third-quarter", "2nd-quarter": a quarter written as an adjective, joined to its ordinal by a hyphen
_QUARTER_ADJECTIVE = re.compile(r"(?:first|second|third|fourth|1st|2nd|3rd|4th)-quarter$", re.IGNORECASE)
_SHORT_QUARTER = re.compile(r"Q[1-4]|[1-4]Q")
_NOUN_AFTER = re.compile(r"[ \t]+(?!(?:is|are|was|will|and|or|to|of|in|at|on|for|as|the|when|before|after|until)\b)[A-Za-z]")
_RELEASE_VERB = re.compile(r"公布|发布|出炉|披露|公告|举行|召开|\breleases?\b|\bpublish", re.IGNORECASE)


# "($6.10 a share for FY and $2.05 for Q4)": a per-share estimate names the period it is for
_PER_SHARE_FOR = re.compile(r"\$?\d+(?:\.\d+)? (?:cents )?(?:a share )?for (?:the )?$")


_COVERING = re.compile(r"\b(?:covering|over|(?:results|earnings|figures|numbers|accounts)\s+for)\s+(?:the\s+)?$", re.IGNORECASE)
# a release named, then the period it is for (not "scheduled for August", when it happens)
_DATA_FOR = re.compile(r"\b(?!(?:IPOs?|AGMs?|EGMs?|Meetings?|Summits?|Elections?|Listings?|Launch|Offerings?|Auctions?|Conferences?|"
                       r"Votes?|Referendums?|Hearings?|Decisions?)\b)[A-Z][A-Za-z]+(?:\s+\([A-Za-z]+\))?\s+for\s+(?:the\s+)?$")
_QUARTER_NAMED_BY_MONTH = re.compile(r"\s+(?:quarter|half[- ]year|half)\b", re.IGNORECASE)
# A data period after a day, with at most a place between: "美国2月CPI", "中国一季度GDP".
_LATER_PERIOD = re.compile(r"\s?(?:的)?\s?[\u4e00-\u9fff]{0,4}?\s?(?:\d{1,2}\s?月份?(?!\s?\d)|第?[一二三四1-4]\s?季度|[上下]半年)")

def is_period(sentence: str, tm: TimeMatch) -> bool:
    """True when the expression names a data/report period ("3月CPI"), not the day something happens.
    A clock time makes it a moment, and a release verb between it and the noun makes it the release day
    ("4月13日 海关总署公布3月进出口数据"); so does a coming period ("下周…")."""
    if tm.resolved.precision == "datetime" or sentence.startswith(("下", "next", "Next"), tm.start):
        return False  # a coming period ("下周PMI数据发布") is when, never what was measured
    if tm.resolved.precision == "date" and _WEEKDAY_WORD.search(tm.span_text(sentence)):
        return False  # "周一(9月22日) 欧洲数据…": a day named with its weekday is when
    if tm.resolved.precision == "date" and tm.start and sentence[tm.start - 1] in ("(", "（") and sentence[tm.end : tm.end + 1] in (")", "）", ","):
        return False  # "ISM制造业PMI(2日)和非农数据": the day of the item before the bracket
    if tm.resolved.precision == "month" and tm.start and sentence[tm.start - 1] in ("(", "（"):
        return sentence[tm.end : tm.end + 1] in (")", "）")  # "就業人數變化 (4月)": the data's month
    if tm.resolved.precision == "quarter" and (_QUARTER_ADJECTIVE.search(tm.span_text(sentence)) or (
            _SHORT_QUARTER.fullmatch(tm.span_text(sentence)) and _NOUN_AFTER.match(sentence, tm.end))):
        return True  # "a third-quarter briefing", "fourth-quarter GDP", "Q3 trading update": it describes a noun
    if tm.resolved.precision in ("quarter", "year") and _PER_SHARE_FOR.search(sentence, max(0, tm.start - 40), tm.start):
        return True  # "(92 cents a share for Q4)": the period an estimate is for
    if tm.resolved.precision in ("quarter", "half", "year") and _COVERING.search(sentence, max(0, tm.start - 16), tm.start):
        return True  # "unit labour costs covering the fourth quarter", "results for the fourth quarter": what a figure covers
    if tm.resolved.precision in ("month", "quarter") and _DATA_FOR.search(sentence, max(0, tm.start - 40), tm.start):
        return True  # "Employment Situation for August 2031", "Productivity and Costs (R) for Second Quarter": what is measured
    post = sentence[tm.end:tm.end + 24]
    if tm.resolved.precision == "month" and _QUARTER_NAMED_BY_MONTH.match(post):
        return True  # "March 2031 quarter distribution": the quarter the payment is for
    if tm.resolved.precision == "date" and _LATER_PERIOD.match(post):
        return False  # "3月11日美国2月CPI": the data's own month follows, so the day is when it comes out
    coming_week = tm.resolved.precision == "week" and not tm.span_text(sentence).endswith(("当周", "當週", "当週"))  # not "7月28日当周"
    if coming_week and post.startswith(("的", "'s", "’s")):
        return False  # "本周的财报重头戏", "this week's earnings": the week's own events
    if C.VERB_AFTER.match(post) or ((tm.resolved.precision == "date" or coming_week) and release_follows(sentence, tm)):
        return False
    m = C.PERIOD_NOUN.match(post)
    return m is not None and _RELEASE_VERB.search(m[0]) is None


def is_day_heading(sentence: str, anchor: Anchor) -> bool:
    """A short line that is nothing but one day ("周一(4月13日)", "4月14日(周二)", "Tuesday, April 14"):
    the undated items listed under it happen on that day."""
    if len(sentence) > _DAY_HEADING_MAX or not _HEADING_HINT.search(sentence):
        return False
    times = find_times(sentence, anchor)
    days = {(t.resolved.precision, t.resolved.kind, t.resolved.start, t.resolved.end) for t in times}
    if (len(days) != 1 or times[0].resolved.precision != "date" or times[0].resolved.kind != "point"
            or (times[0].resolved.first_day() or anchor.today) < anchor.today):  # a dateline is no heading
        return False
    rest, pos = "", 0
    for t in times:
        rest, pos = rest + sentence[pos:t.start], t.end
    day = times[-1].resolved.first_day()
    if (ordinal := _DAY_OF_MONTH.match(sentence, pos)) is not None and _WEEKDAY_WORD.fullmatch(times[-1].span_text(sentence)):
        if day is None or int(ordinal[1]) != day.day:
            return False  # "Tuesday 12th" when the coming Tuesday is the 5th: not that day
        pos = ordinal.end()
    return _HEADING_REST.match(_WEEKDAY_WORD.sub("", rest + sentence[pos:])) is not None


# A section after a calendar list that explains its words: "Terms", "Glossary of terms", "名词解释".
_LIST_END = re.compile(r"^(?:terms|glossary(?: of terms)?|definitions|名词解释|术语解释)\s*:?$", re.IGNORECASE)


def is_glossary(sentence: str) -> bool:
    """A heading after which the article explains its words ("Terms", "Glossary of terms"): nothing
    after it is an event."""
    return _LIST_END.match(sentence) is not None
_ENTRY_COLON = re.compile(r"\s*(?:\(\s*(?:周|星期|礼拜)[一二三四五六日天]\s*\))?\s*[:：]")


def _entry_day(sentence: str, anchor: Anchor) -> str:
    """The day that opens a calendar-list line ("11月13日(星期五):香港第三季GDP修订", "Thursday: BoE
    decision"): a day, a colon, then the entry; "" when the line is no such entry."""
    if not (sentence[:1].isdigit() or _WEEKDAY_WORD.match(sentence)):
        return ""
    times = find_times(sentence, anchor)
    if (times and times[0].start == 0 and times[0].resolved.precision in ("date", "datetime")
            and (colon := _ENTRY_COLON.match(sentence, times[0].end)) is not None):
        return sentence[:colon.start()]
    return ""


def has_own_date(sentence: str, anchor: Anchor) -> bool:
    """Whether a list item names its own day; a month alone ("介绍11月国民经济运行情况") is a data period
    under a day heading, not a day."""
    return any(t.resolved.kind != "as_of" and t.resolved.precision in ("date", "datetime", "week") and not is_period(sentence, t)
               and not (t.resolved.precision == "datetime" and t.ymd == (None, None, None))  # a clock alone: not which day
               and not (t.resolved.precision == "week" and (t.resolved.last_day() or anchor.today) < anchor.today)  # "data from last week"
               for t in find_times(sentence, anchor))


# A line of names under a day's section word ("Results:" / "Acme, Bolt Group, Crane & Sons, 4D Holdings"): a
# long line, but list content, not prose that ends the day's items.
_NAME_LIST = re.compile(r"^[A-Z0-9][\w&'.\-]*(?: [\w&'.\-]+){0,4}(?:, [A-Z0-9][\w&'.\-]*(?: [\w&'.\-]+){0,4})+$")
# A section row of a day's list ("AGMs: Acme, Bolt Group, ...", "Economics: retail sales, Markit/CIPS services PMI"):
# a one- or two-word label, then two or more short comma-separated items with no sentence inside them.
# (the label may be in brackets, and the row end with a full stop: "(Trading Update) Acme, Bolt Group.")
_LABELLED_ROW = re.compile(r"^(?:[A-Z][A-Za-z]+(?: [a-z]+)?:|\([A-Z][A-Za-z/]+(?: [A-Za-z/]+)?\)) (?:[^\s,.;:!?]+(?: [^\s,.;:!?]+){0,6})"
                           r"(?:, (?:[^\s,.;:!?]+(?: [^\s,.;:!?]+){0,6}))+\.?$")

# A diary row's place label before its item ("Sydney - <item>", "Wellington, New Zealand - <item>"), which the
# dash cuts into a sentence of its own.
_ROW_LABEL = re.compile(r"^[A-Z][\w.'’]*(?:,? [A-Z][\w.'’]*){0,3}$")


# A line that is nothing but a clock time, in a calendar that gives each item its clock above it ("10:00 AM ET")
_CLOCK_LINE = re.compile(r"\s*(?:1[0-2]|0?\d)(?::[0-5]\d)?\s*(?:[AaPp]\.?[Mm]\.?)\s*(?:[A-Z]{2,4})?\s*"
                         r"|\s*(?:[01]?\d|2[0-3]):[0-5]\d\s*(?:[A-Z]{2,4})?\s*")

_BULLETS = ("- ", "• ", "* ", "· ", "– ")
# A data row with its figures ("Germany: Bavaria CPI, % m/m (y/y) Sep Prev 0.1 (0.8) cons -0.1 (0.6)"): a place, the
# release, then the previous reading or the consensus; list content however long.
_FIGURES_ROW = re.compile(r"^[A-Z][\w.'’ -]{1,30}:\s[^.;!?]*?\b(?:[Pp]rev(?:ious)?|[Cc]ons(?:ensus)?|[Ff]cst|[Ff]orecast)\b[\s:.]*"
                          r"[-+−]?\d")


def _is_list_row(sentence: str) -> bool:
    # (an English bulleted line under a day heading is an item of that day however long: "- Chinese PMIs for …";
    # a Chinese one is more often a note on the item above it: "- 重点:…")
    return bool(_NAME_LIST.match(sentence) or _LABELLED_ROW.match(sentence) or _SAYS_WHO_RELEASES.match(sentence)
                or (sentence.startswith(_BULLETS) and cjk_ratio(sentence) == 0) or _FIGURES_ROW.match(sentence))


# A day's item said as a sentence of who releases what ("The ZEW Institute is to release a report on …", "Canada will
# publish …", "Bank of Canada Governor Stephen Poloz is to speak before …"): an item however long it runs.
_SAYS_WHO_RELEASES = re.compile(r"^(?:The )?[A-Z][\w.&'-]*(?: [\w.&'-]+){0,6} (?:is|are|will be) (?:expected |due |scheduled |set )?to "
                                r"(?:release|publish|report|issue|announce|speak|testify|hold|deliver|give)\b|"
                                r"^(?:The )?[A-Z][\w.&'-]*(?: [\w.&'-]+){0,6} will (?:release|publish|report|issue|announce|speak|testify)\b")


@dataclass
class DayHeading:
    """The day heading of a calendar list being read. A heading that stands alone in its paragraph
    owns the whole paragraph under it, however long its sentences ("Tuesday 1/30" + a paragraph of
    prose); in a list, prose ends the heading's items."""

    text: str = ""
    paragraph: int = -1  # where the heading stands
    owned: int = -1  # the paragraph it owns: -1 not known yet, -2 none (its items share its paragraph)
    labelled: int = -1  # a paragraph that opened with a row label ("Sydney - <item>"): its item is a row, however long
    bulleted: bool = False  # the heading's items so far are bullets: a line without one ends them
    resting: str = ""  # a heading whose items prose ended: a line that is only a clock takes it up again
    clock: str = ""  # the clock line above the items being read ("8:30 AM ET"): their time

    def begin(self, sentence: str, para_no: int) -> None:
        self.text, self.paragraph, self.owned, self.bulleted, self.resting, self.clock = sentence, para_no, -1, False, "", ""

    def read(self, sentence: str, para_no: int, anchor: Anchor) -> tuple[str, bool]:
        """The sentence as read (an undated item under the heading gets the heading's day) and whether
        it is an entry of a calendar list."""
        if self.text and self.owned == -1:
            self.owned = para_no if para_no != self.paragraph else -2
        if self.text and _ROW_LABEL.match(sentence):
            self.labelled = para_no
        bullet = sentence.startswith(_BULLETS)
        if self.text and self.bulleted and not bullet and not _SUBHEADING.fullmatch(sentence):
            self.text = ""  # "Expiry Time Adjustments" after a day's bullets heads something else ("After the Close:" does not)
        self.bulleted = self.bulleted or (bool(self.text) and bullet)
        if len(sentence) > _DAY_ITEM_MAX and para_no not in (self.owned, self.labelled) and not _is_list_row(sentence):
            self.text, self.resting = "", self.text or self.resting
        elif not self.text and self.resting and _CLOCK_LINE.fullmatch(sentence):
            # "Wednesday 6th / 8:30 AM ET / US Trade Balance / <prose> / 10:00 AM ET / Bank of Canada rate":
            # the day's next clock opens its next item
            self.text, self.paragraph, self.owned = self.resting, para_no, -2
        if self.text and _CLOCK_LINE.fullmatch(sentence):
            self.clock = sentence.strip()
            return sentence, True
        if self.text and self.bulleted and _SUBHEADING.fullmatch(sentence):
            return sentence, False  # the section's label is no item
        if self.text and not has_own_date(sentence, anchor):
            return f"{self.text} {self.clock} {sentence}" if self.clock else f"{self.text} {sentence}", True
        day = _entry_day(sentence, anchor) if len(sentence) <= _DAY_ITEM_MAX else ""
        if day:  # the entry's later sentences ("Thursday: BoE decision; Philly Fed index at 8:30") share its day
            self.text, self.paragraph, self.owned = day, para_no, -2
        return sentence, bool(day)


def is_month_heading(sentence: str, tm: TimeMatch, times: list[TimeMatch]) -> bool:
    """A month that heads its own row of days ("10月份:新发行某债,于10月14日标售,10月17日发行"): the days
    after it are the events, the month is only where the row sits in the plan."""
    if tm.resolved.precision != "month" or not _MONTH_ROW.match(sentence, tm.end):
        return False
    first, last = tm.resolved.first_day(), tm.resolved.last_day()
    return any(t.start > tm.end and t.resolved.precision in ("date", "datetime") and first is not None and last is not None
               and (d := t.resolved.first_day()) is not None and first <= d <= last for t in times)


_MONTH_ROW = re.compile(r"\s?份?\s?[:：]")

