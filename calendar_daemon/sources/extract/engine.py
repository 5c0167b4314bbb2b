"""Extraction engine: sentences -> time expressions -> dated event candidates."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from . import classify as C
from . import confidence as K
from .agencyreleases import office_release
from .anchoring import article_anchor
from .banklists import BankWeek, each_bank, with_bank_decisions
from .candidate import Candidate
from .clockrows import ClockRows, rows_all_past
from .collapse import Findings, collapse, merge_into
from .companies import each_counted, follower_names, followers, respectively, ticker_companies, without_tickers
from .compose import find_times
from .continued import continued
from .datedname import dates_a_release
from .earningstables import one_report_day
from .enbanks import week_bank_decisions
from .englishtitles import NO_KIND_EN
from .entities import en_companies, entities_of, with_names
from .furniture import without_furniture
from .futureyears import ahead
from .headings import DayHeading, is_day_heading, is_glossary, is_month_heading, is_period
from .indicatorlists import each_listed_indicator, each_listed_indicator_en, lists_indicators
from .lasting import lasting_span
from .layouts import rewrite_layouts
from .leads import drop_group_previews, lists_week_releases, week_focus
from .learned import Mention, judging_one_article, second_opinion, unrepeated
from .lists import Table, with_day_before, with_later_clock, with_list_day
from .markets import each_market
from .memo import one_article
from .namedholidays import named_holidays
from .normalize import cjk_ratio, headline_market, normalize, traditional_place
from .notscheduled import not_scheduled
from .oneday import diary_kind, only_day
from .parallelclauses import kept_apart, parallel_clauses
from .pressconf import each_speaker, is_speaker_item, press_conference
from .published import BEIJING, NEW_YORK, RE_BARE_LINE, RE_EN_BYLINE, RE_OUTLET_LINE, headline_of, offset_zone, zone_region
from .publishers import by_publisher
from .rankings import WeekSummary, is_ranking_period
from .regions import region_of
from .releases import PLACE_ZONES, TITLE_HAS_VERB, Named, each_country_en, each_placed_item, each_release, fill_from_release, placed_releases, release_title
from .reschedule import Move, drop_moved, find_move, named_old
from .resolved import as_date, iso
from .rowzone import rows_zone
from .sentences import clauses as sentence_clauses
from .sentences import paragraph_sentences, word_start
from .subjects import LEAD_CHARS, by_subject
from .timematch import Anchor, TimeMatch
from .titles import compose_title
from .unscheduled import condition_start, without_asides
from .vocabulary import led_by
from .yearscopes import is_scope_year, publishes_scope

logger = logging.getLogger(__name__)

MAX_RAW_CHARS = 2_000_000  # input beyond this is ignored (an article is far shorter)
MAX_TEXT_CHARS = 300_000  # normalised text scanned for events
MAX_CANDIDATES = 1000
CLAUSE_WINDOW = 80  # trigger words are looked for this close to the time expression
# A deadline is an event when something is planned or required by then ("应当于3月31日前完成").
_DEADLINE_PLAN = re.compile(r"计划|目标|力争|应当|应于|必须|须于|需于|需在|须在|\bplan|\btarget|\bmust\b|\brequired", re.IGNORECASE)
# "已公布的数据" is a past release, but "周三公布的3月成屋销售" is one on Wednesday: a weekday (or a day of the
# month: "16日公布的就业报告", or today: "今日上市的某科技") before it keeps it.
_ATTRIBUTIVE = led_by("推发公上交施实生", r"(?<!今日)(?<!今天)(?<!明日)(?<!明天)"
                          r"(?<!周[一二三四五六日天])(?<!星期[一二三四五六日天])(?<!\d日)(?<!日\))(?<!日\)\s)(?<!\d:\d\d)(?<!\d:\d\d\s)"
                          r"(?:推出|发布|公布|上市|交付|施行|实施|生效)的")
# A clause holding nothing but its date ("顺延至其后第一个工作日,即2026年10月19日") reads with the clause before it.
# A zone note counts as nothing: "周四(28日)下午4:00(本港时间.下同),欧元区公布…".
_NAME_ONLY = re.compile(r"\s*(?![^,]*(?:称|发文|表示|宣布|公布|发布|指出|将|据|官网))[\u4e00-\u9fff·\-]{2,10}\s*")  # only a name ("新年元旦")
# What a date's clause says of the day alone: "为中秋节翌日", "是公众假期" (what happens is in the next clause).
_NAMES_DAY = re.compile(r"\s*(?:为|是)[\u4e00-\u9fff]{2,10}\s*")
_LABEL = re.compile(r"\s*(?:\d{1,2}[.、]\s*)?[\u4e00-\u9fff]{2,8}\s*[:：]\s*")  # a list item's label: "1. 中秋节:"
_EXCEPT = re.compile(r"\s*除[^,，。;；]{1,30}外\s*")
# what a clause may hold besides its date and still read with the next one ("本周晚些时候,", "一、2031年12月29日至31日,")
_BARE_CLAUSE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[\s即亦也为是于在自起止:：().]|下同|同下|[^\s()]{1,4}时间|晚些时候|稍晚时候|稍后|早些时候|"
                          r"上午|下午|中午|晚上|早上)*$")  # (a half day left after a span: "3月5日--3月8日上午,召开…")
# A stored page's own date line at the top ("date 2024-07-15 …"): when it was saved, no event.
_PAGE_DATE = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}(?:\s+\d{1,2}/\d{1,2}/\d{4})?(?:\s+\d{1,2}:\d{2})?\s*")
AddFn = Callable[[Candidate, str, int], None]  # (candidate, the text it was classified on, position)


def _has_trigger(scope: str) -> bool:
    scope = _ATTRIBUTIVE.sub("", scope) if "的" in scope else scope
    return C.TRIGGER.found(scope)


def _evidence(sentence: str, tm: TimeMatch) -> str:
    lo = max(0, tm.start - 16)
    hi = min(len(sentence), max(tm.end + 28, lo + 30))
    return sentence[lo:hi].strip()[:60]


def _candidate_span(tm: TimeMatch) -> tuple[str, str | None, str] | None:
    res = tm.resolved
    if res.kind in ("deadline",):
        res = tm.base
    if res.start is None or (res.fiscal and res.label and res.start is None):
        return None
    if res.precision == "datetime":
        return iso(res.start) or "", None, "datetime"
    start = iso(as_date(res.start)) or ""
    if res.kind == "open_start":
        return start, None, res.precision
    return start, iso(as_date(res.end)), res.precision


def extract(text: str, published: datetime | None = None, tz: str | None = None) -> list[Candidate]:
    """Dated, upcoming (or ongoing) events found in one article."""
    with one_article(), judging_one_article():
        return _extract(text, published, tz)


def _extract(text: str, published: datetime | None, tz: str | None) -> list[Candidate]:
    norm = _normalised(text)
    zh = cjk_ratio(norm) >= 0.3
    place = traditional_place(text) if zh else None
    zone = tz or PLACE_ZONES.get(place or "", BEIJING if zh else offset_zone(published, NEW_YORK))
    headline = headline_of(norm)
    anchor, guessed = article_anchor(text[:MAX_RAW_CHARS], headline, published, zone)
    default_region = place or ((headline_market(headline) or "CN") if zh else zone_region(zone))
    norm = norm if zh else named_holidays(norm, anchor.today)  # "markets are closed for Good Friday"
    findings, heading, table, banks, summary = Findings(), DayHeading(), Table(), BankWeek(), WeekSummary()
    clocks = ClockRows(rows_zone(norm, anchor.tz, anchor.today, anchor.own_offset), rows_all_past(norm, anchor))
    diary, today = diary_kind(headline, norm)
    one_day = None if zh or diary or anchor.week_ahead is not None else only_day(norm, anchor)
    for sent_no, (para_no, sentence) in enumerate(without_furniture(paragraph_sentences(norm))):
        if len(findings.found) >= MAX_CANDIDATES:
            logger.warning("candidate limit %s reached; rest of the text skipped", MAX_CANDIDATES)
            break
        if is_glossary(sentence):
            break
        # (an outlet line, "财经网· 2026-03-01 08:00", has its dot: a line without one is not tried)
        if (("·" in sentence or "•" in sentence) and RE_OUTLET_LINE.fullmatch(sentence)) or RE_BARE_LINE.fullmatch(sentence):
            continue
        findings.sentence, findings.paragraph, findings.in_headline = sent_no, para_no, sent_no < 3 and bool(headline) and sentence in headline
        last = findings.found[-1].cand.start[:10] if findings.found else None
        sentence = with_list_day(sentence, date.fromisoformat(last) if last else None, anchor.today)
        before = findings.found[-1] if findings.found and (findings.found[-1].sentence, findings.found[-1].paragraph) == (sent_no - 1, para_no) else None
        if not zh and before is not None and (before.cand.precision == "datetime" or before.cand.end == before.cand.start):
            sentence = with_day_before(sentence, date.fromisoformat(before.cand.start[:10]), timed=before.cand.precision == "datetime")
        timed = findings.found[-1].cand if findings.found and findings.found[-1].cand.precision == "datetime" else None
        sentence, later = with_later_clock(sentence, datetime.fromisoformat(timed.start) if timed else None, anchor.tz)
        if is_day_heading(sentence, anchor) and not (sent_no < 3 and _names_today(sentence, anchor)):
            heading.begin(sentence, para_no)
            clocks.note(sentence, anchor, heading=True, dateline=sent_no < 3)
            continue
        sentence, row = table.read(sentence)
        if not sentence:
            continue
        sentence, clocked = clocks.read(sentence, anchor, zh)
        if not clocked:
            clocks.note(sentence, anchor, dateline=sent_no < 3)
        sentence, listed = heading.read(sentence, para_no, anchor)
        listed = listed or row or clocked
        add = _following(findings.add, timed, default_region) if later and timed else findings.add
        kept, move = _sentence_candidates(sentence, anchor, zh, default_region, add, listed)
        if move is not None:
            drop_moved(findings.found, move, sent_no)
        for c in (banks.read(sentence, anchor, kept) + summary.read(sentence, anchor, kept)) if zh else []:
            # "英国央行则预料降息1码" in a bank week; "排第二、三名的公司是甲和乙" in a week summary
            findings.add(c, sentence, 0)
            kept += 1
        if not kept:
            _undated(sentence, anchor, zh, default_region, findings.add, clocks.lead or (anchor.today if today else None), diary, one_day, today)
    kept_found = unrepeated(drop_group_previews(one_report_day(collapse(findings.found + findings.second_guesses, merge_into))), lambda f: f.cand)
    # an English event of no kind the rules can name ("US market event") is no event to propose
    by_subject([f.cand for f in kept_found], headline, norm[:LEAD_CHARS])  # an MPC's meetings, a public bond's steps
    kept_found = [f for f in kept_found if zh or f.cand.category != "other" or not f.cand.title.endswith(NO_KIND_EN)]
    if guessed:  # counted from now, not from when the article was written
        for f in kept_found:
            f.cand.confidence = K.unanchored(f.cand.confidence, f.cand.evidence)
    return sorted((f.cand for f in kept_found), key=lambda c: (c.start, c.category, c.title))


def _names_today(sentence: str, anchor: Anchor) -> bool:
    """A dateline ("Dec 11, 2026" under the headline) names the publication day: it heads no list ("Monday 8th –" does)."""
    return not sentence.endswith(("–", "-", ":")) and any(t.resolved.first_day() == anchor.today for t in find_times(sentence, anchor))


def _following(add: AddFn, before: Candidate, default_region: str) -> AddFn:
    """Adding an item timed from the one before it ("the press conference follows half an hour later"): it has
    that item's subject when it names none, and a press conference after a central-bank decision is the bank's."""
    def add_following(c: Candidate, scope: str, pos: int) -> None:
        if c.region == default_region != before.region:
            subject = before.entities[0] if before.entities else before.region
            c.region = before.region
            c.title = subject + c.title[len(default_region):] if c.title.startswith(default_region + " ") else c.title
        if before.category == "central_bank" and c.category == "conference":
            c.category = "central_bank"
        add(c, scope, pos)
    return add_following


def _normalised(text: str) -> str:
    """The article normalised, the raw text and the result each cut to their limits."""
    if len(text) > MAX_RAW_CHARS:
        logger.warning("input of %s chars truncated to %s", len(text), MAX_RAW_CHARS)
        text = text[:MAX_RAW_CHARS]
    norm = RE_EN_BYLINE.sub("", _PAGE_DATE.sub("", normalize(text), count=1))  # "BEIJING, Dec 3 (Xinhua) --"
    zh = cjk_ratio(norm) >= 0.3
    norm = rewrite_layouts(norm, zh)
    if len(norm) > MAX_TEXT_CHARS:
        logger.warning("normalised text of %s chars truncated to %s", len(norm), MAX_TEXT_CHARS)
        norm = norm[:MAX_TEXT_CHARS]
    return norm


def _make(sentence: str, clause: str, forward: str, tm: TimeMatch | None, span: tuple[str, str | None, str],
          zh: bool, default_region: str, confidence: float, tzname: str, lead: str = "",
          moved: bool = False, before: str = "", named: list[Named] | None = None, kind: str | None = None) -> Candidate:
    """One candidate; ``lead``: the sentence before the clause, ``before``: the text since the previous date;
    ``named``: the gazetteer's releases the clause names; ``kind``: the learned gate's category, when it kept the clause."""
    category, importance, region = fill_from_release(
        kind or C.category_of(clause, sentence), 0, region_of(clause, forward, sentence, default=default_region),
        named or [], default_region)
    entities = entities_of(C.strip_section(forward), category)
    if not entities and not zh and tm is not None and category in ("earnings", "ipo", "lockup"):
        entities = en_companies(before[-80:])  # "Micron reports on Thursday, while FedEx follows on Friday"
    if not entities and lead:  # a clause without a subject continues the sentence's last named one
        entities = entities_of(lead, category)[-1:]
    if not zh and category in ("earnings", "ipo", "lockup") and (listed := ticker_companies(clause)):
        later = follower_names(forward)
        entities = [e for e in listed + [e for e in entities if e not in listed] if e not in later]
    if not entities and not zh and tm is not None and category in ("earnings", "ipo", "lockup"):
        # "Oracle reports on Tuesday … and Adobe on Thursday": the names since the previous date, or after it ("…, with Acme")
        entities = en_companies(before[-80:]) or with_names(sentence[tm.end:])
    entities = [e for e in entities if not any(o.startswith(e + " ") for o in entities)]  # "Harbor" of "Harbor Robotics"
    time_text = tm.span_text(sentence) if tm else ""
    clause = clause if zh else without_tickers(clause)
    title = compose_title(clause, sentence, time_text, category, region, zh, entities, moved)
    if zh and named and named[0].text.replace(" ", "") not in title and re.search(r"\d{4}年|\d月", title):
        title = release_title(named[0], region, zh) + (verb[0] if (verb := TITLE_HAS_VERB.search(clause)) else "")
    elif named and ((zh and not TITLE_HAS_VERB.search(clause))
                  or (not zh and (not title or title.endswith(("data release", "market event"))))):
        title = release_title(named[0], region, zh)  # a verbless list item is named by the release itself
    return Candidate(title=title, category=category, region=region, release=named[0].release.id if named else office_release(clause, category),
                     importance=max(importance, C.importance_of(category, clause + forward)), start=span[0], end=span[1],
                     precision=span[2], timezone=tzname, entities=entities,
                     evidence=_evidence(sentence, tm) if tm else clause.strip()[:60],
                     confidence=K.settle(confidence, category, clause, sentence, named or [], time_text),
                     fiscal=bool(tm and tm.resolved.fiscal))


def _sentence_candidates(sentence: str, anchor: Anchor, zh: bool, default_region: str,
                         add: AddFn, listed: bool = False) -> tuple[int, Move | None]:
    """Candidates of one sentence; ``listed``: an entry of a calendar list (under a day heading),
    where a known event word ("美国3月PPI月率") is enough without a verb. Returns how many were kept and
    the schedule change the sentence states (its original dates are not proposed; the new one is)."""
    times = [t for t in find_times(sentence, anchor)
             if t.resolved.kind != "as_of" and not is_period(sentence, t) and not is_ranking_period(sentence, t)]
    times = [t for t in times if not is_scope_year(sentence, t) and not publishes_scope(sentence, t, times) and not is_month_heading(sentence, t, times)]
    move = find_move(sentence, times)
    times = named_old(sentence, times) if move is None else times
    clauses = sentence_clauses(sentence, zh)
    made: list[tuple[Candidate, str, int]] = []
    for i, tm in enumerate(times):
        if move is not None and move.is_original(tm):
            continue
        step = move.step_of(tm) if move is not None else None
        moved = step is not None
        cs, ce = _time_clause(sentence, clauses, tm, zh)
        window = _window(zh)
        if moved:  # the event is named where the sentence starts: "恒远医疗原定…上市,…顺延至6月15日"
            cs = max(0, tm.start - 2 * window)
        if listed and i == 0 and not _has_trigger(sentence[cs:ce]):  # under a day heading: the item is the sentence
            ce = min(len(sentence), max(ce, tm.end + 2 * window))
        clause = sentence[cs:ce]
        tm = times[i] = ahead(tm, tm.span_text(sentence), clause, anchor.today)  # "will be held from July 23 to 26", written in January
        nxt = times[i + 1].start if i + 1 < len(times) else len(sentence)
        fs = cs if moved else max(cs, times[i - 1].end if i else 0)
        forward = sentence[fs:min(max(nxt, ce), ce + 4 * CLAUSE_WINDOW)]
        listing = sentence[cs:_next_day(times, i, len(sentence))]
        item = sentence[cs:tm.start] + " " + sentence[tm.end:ce]  # the clause without its date
        named, focus = placed_releases(clause, tm.start - cs), week_focus(clause, tm)  # (a week's focus lists to the sentence's end)
        trig = _triggered(sentence, clause, tm, cs, named, focus, listing, item, listed, zh)
        if (span := _candidate_span(tm)) is None:
            continue
        span = lasting_span(span, sentence[tm.end:tm.end + 16]) if zh else span  # "今日起举行二天"
        mention = Mention(sentence[cs:tm.start], tm.span_text(sentence), sentence[tm.end:ce], span[2], zh, listed, trig, "")
        trig, learned = second_opinion(mention, clause, sentence, span)
        if not trig or not_scheduled(sentence, clause, tm, anchor.today, zh):
            continue
        c = _make(sentence, clause, forward, tm, span, zh, default_region, K.from_date(tm, clause), tm.resolved.timezone, sentence[:cs],
                  moved, sentence[fs:tm.start], named, learned[0] if learned else None)
        c.rescheduled_from = step.original if step is not None else None
        if learned is not None:
            c.category, c.confidence, c.learned = *learned, True
            c.title = c.title.removesuffix(" " + NO_KIND_EN)  # the kind is the gate's
        named = continued(named, sentence[ce:len(sentence) if focus else nxt], focus)  # "周二迎来PMI数据日,法国、德国PMI先后公布": one each
        releases = by_publisher(c, each_release(c, named, zh, focus, focus), forward, sentence[cs:tm.start]) if zh else each_release(c, named, zh, clause=clause)
        releases = ([m for one in each_listed_indicator(releases, listing) for m in each_market(one, clause)] if zh  # "甲及乙休市"
                    else [m for one in each_listed_indicator_en(releases, listing) for m in each_country_en(one, clause)])
        k = len(made)
        made += [(one, clause, tm.start) for one in [s for r in releases for s in each_speaker(r, clause, zh, item)] + (followers(c, forward) if not zh else [])]
        if zh and (parallel := parallel_clauses(sentence, clauses, (cs, ce), _next_day(times, i, len(sentence)))):  # "5月7日,德国公布A,德国公布B": B is of that day
            made[k:] = kept_apart(made[k:], [(_make(sentence, sentence[a:b], sentence[a:b], tm, span, zh, default_region,
                                                     K.from_date(tm, sentence[a:b]), tm.resolved.timezone), sentence[a:b], a) for a, b in parallel])
        if (press := press_conference(c, sentence[tm.end:nxt], zh)) is not None:
            made.append((press, clause, tm.start))
    made = with_bank_decisions(made, sentence, times, anchor) if zh else made  # "台湾、英国及南非央行": one each
    for one, clause, pos in each_counted(respectively(made, sentence), sentence):
        add(one, clause, pos)
    return sum(not one.learned for one, _, _ in made), move


def _triggered(sentence: str, clause: str, tm: TimeMatch, cs: int, named: list[Named], focus: bool, listing: str,
               item: str, listed: bool, zh: bool) -> bool:
    """Whether the rules read the dated clause as an event."""
    return bool(_has_trigger(clause) or (tm.resolved.kind == "deadline" and _DEADLINE_PLAN.search(clause))
                or (listed and C.category_of(clause, sentence) != "other")
                or bool(named and (listed or focus or C.FUTURE.found(clause) or dates_a_release(sentence, tm, named, cs)))
                or (tm.base.precision in ("date", "datetime", "week") and C.RATE_MOVE.search(clause) is not None)
                or (tm.base.precision in ("date", "datetime") and lists_indicators(listing, zh))
                or (not zh and is_speaker_item(item)))


def _time_clause(sentence: str, clauses: list[tuple[int, int]], tm: TimeMatch, zh: bool) -> tuple[int, int]:
    """Where the clause of ``tm`` starts and ends: a clause holding nothing but its date reads with the one
    before it or the one after it, and so does a date that only names its day ("9月18日(星期三)为中秋节翌日,
    港股休市")."""
    k, (cs, ce) = next(((j, ab) for j, ab in enumerate(clauses) if ab[0] <= tm.start < ab[1]), (-1, (0, len(sentence))))
    bare = _BARE_CLAUSE.match(sentence[cs:tm.start] + sentence[tm.end:ce]) is not None
    lead = sentence[cs:tm.start]
    names_day = not bare and (_BARE_CLAUSE.match(lead) or _LABEL.fullmatch(lead)) and _NAMES_DAY.fullmatch(sentence[tm.end:ce])
    if k > 0 and bare and (k + 1 == len(clauses) or _has_trigger(sentence[clauses[k - 1][0]:cs])):
        cs = clauses[k - 1][0]
    elif (bare or names_day) and k + 1 < len(clauses):  # "12月9日，国家统计局将公布…": a leading date dates what follows
        nxt = sentence[clauses[k + 1][0]:clauses[k + 1][1]]
        nk = k + 2 if k + 2 < len(clauses) and _NAME_ONLY.fullmatch(nxt) else k + 1
        # ("2031年1月1日,新年元旦,休市": a short name, then what happens; not an exception: "…,除下列节假日外,…")
        ce = ce if _EXCEPT.fullmatch(nxt) else clauses[nk][1]
    window = _window(zh)
    return max(cs, word_start(sentence, tm.start - window)), min(ce, max(tm.end + window, cs))


def _window(zh: bool) -> int:
    return CLAUSE_WINDOW if zh else 2 * CLAUSE_WINDOW  # English spends about twice the characters


def _next_day(times: list[TimeMatch], i: int, end: int) -> int:
    """Where the next day after ``times[i]`` is named: a list of indicators runs to there, past the data's own
    months and quarters ("美国4月房价指数、6月消费者信心指数")."""
    return next((t.start for t in times[i + 1:] if t.base.precision in ("date", "datetime", "week")), end)


def _undated(sentence: str, anchor: Anchor, zh: bool, default_region: str, add: AddFn,
             day: date | None, diary: bool, one_day: date | None, today: bool = False) -> None:
    """Where a sentence's undated items go: a diary of one day's to that day, a week-ahead preview's to
    the previewed week, a day-ahead article's (one day named in all) to that one day; ``today``: a preview of
    the publication day's releases, whose items are led by the release's name."""
    if diary and day is not None and day >= anchor.today:
        if today and any(t.base.precision in ("date", "datetime") and t.resolved.kind != "as_of" for t in find_times(sentence, anchor)):
            return  # "上周五美国非农就业数据好于预期": a release with a day of its own, gone
        _inherit_week(sentence, anchor, zh, default_region, add, (day.isoformat(), day.isoformat(), "date"), named=today)
    elif anchor.week_ahead is not None and (zh or not week_bank_decisions(sentence, anchor, add)):
        _inherit_week(sentence, anchor, zh, default_region, add)
    elif one_day is not None:
        _inherit_week(sentence, anchor, zh, default_region, add, (one_day.isoformat(), one_day.isoformat(), "date"), True)


def _inherit_week(sentence: str, anchor: Anchor, zh: bool, default_region: str, add: AddFn,
                  span: tuple[str, str | None, str] | None = None, future: bool = False, named: bool = False) -> None:
    """In a week-ahead preview, an undated upcoming event belongs to the previewed week (in a diary of
    one day, to that ``span``: there every item is upcoming, said with or without a future word, unless
    ``future`` asks for one)."""
    diary = span is not None and not future
    if span is None:
        assert anchor.week_ahead is not None
        monday = anchor.week_ahead
        span = (monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "week")
    carry = ""
    hypothetical = condition_start(sentence, zh)
    for a, b in sentence_clauses(sentence, zh)[:1] if named else sentence_clauses(sentence, zh):  # (then it explains it)
        if hypothetical is not None and b > hypothetical:
            break  # "…如果政府停摆，就业报告将不会按时公布": a condition and its consequence are no plan
        clause = (carry + sentence[a:b])[-4 * CLAUSE_WINDOW:]
        if (not (listing := lists_week_releases(clause, sentence, anchor)) and not _has_trigger(clause)  # "数据包括A、B、C等"
                and not (named and a == 0 and placed_releases(clause))):  # "中国11月财新服务业PMI,…" in a day's preview
            carry = clause + " "
            continue
        carry = ""
        if ((not diary and not listing and not C.FUTURE.found(without_asides(clause))) or C.PAST.found(clause)
                or C.NONE_SCHEDULED.found(clause) or C.ORIGINAL_SLOT.search(clause)):
            continue
        c = _make(sentence, clause, clause, None, span, zh, default_region, K.INHERITED, anchor.tz)
        made = each_placed_item(each_release(c, placed_releases(clause), zh, inherited=True, clause=clause), clause)
        for one, _, _ in each_bank([(r, clause, a) for r in (each_listed_indicator(made, clause) if zh else made)]):
            add(one, clause, a)  # "关注A、B等国PMI", "日本央行和澳洲联储将公布纪要": one each
