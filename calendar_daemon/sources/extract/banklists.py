"""Several central banks named in one clause (issue 15, corpus 3 shapes 8 and 9): a week preview
lists the banks that decide on a day or in a span ("台灣時間21日另有四國央行公布決策，瑞士、挪威、印尼、菲律賓…",
"加拿大、美國、英國…等國央行將陸續公布利率決策", "秘魯、哥倫比亞及匈牙利央行預計各降息1碼"). Each bank
named is a decision of its own, on the day, span or week the sentence gives before the list."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import timedelta

from . import classify as C
from .candidate import Candidate
from .compose import find_times
from .resolved import as_date, iso
from .timematch import Anchor, TimeMatch

# A country or area whose central bank decides, in the order of the alternatives below: the bank's
# region and the name the decision is titled with.
BANKS: dict[str, tuple[str, str]] = {
    "美国": ("US", "美联储"),
    "欧元区": ("EU", "欧洲央行"),
    "欧洲": ("EU", "欧洲央行"),
    "欧盟": ("EU", "欧洲央行"),
    "欧": ("EU", "欧洲央行"),  # "欧央行", the ECB's short name
    "日本": ("JP", "日本央行"),
    "英国": ("GB", "英国央行"),
    "中国": ("CN", "中国人民银行"),
    "加拿大": ("CA", "加拿大央行"),
    "澳洲": ("AU", "澳洲联储"),
    "澳大利亚": ("AU", "澳洲联储"),
    "新西兰": ("NZ", "新西兰联储"),
    "纽西兰": ("NZ", "新西兰联储"),
    "纽西蘭": ("NZ", "新西兰联储"),
    "英格兰": ("GB", "英国央行"),
    "瑞士": ("CH", "瑞士央行"),
    "台湾": ("TW", "台湾央行"),
    "韩国": ("KR", "韩国央行"),
    "印度": ("IN", "印度央行"),
    "印尼": ("ID", "印尼央行"),
    "泰国": ("TH", "泰国央行"),
    "巴西": ("BR", "巴西央行"),
    "南非": ("ZA", "南非央行"),
    "挪威": ("NO", "挪威央行"),
    "瑞典": ("SE", "瑞典央行"),
    "智利": ("CL", "智利央行"),
    "墨西哥": ("MX", "墨西哥央行"),
    "俄罗斯": ("RU", "俄罗斯央行"),
    "土耳其": ("TR", "土耳其央行"),
    "菲律宾": ("PH", "菲律宾央行"),
    "马来西亚": ("MY", "马来西亚央行"),
    "波兰": ("PL", "波兰央行"),
}
# The gazetteer's decision releases: a bank's decision is kept apart from another bank's, also in a
# headline (where regions are not compared), and folds into a dated mention of the same release.
_RELEASES = {
    "US": "fomc-decision",
    "EU": "ecb-decision",
    "JP": "boj-decision",
    "GB": "boe-decision",
    "CA": "boc-decision",
    "AU": "rba-decision",
    "NZ": "rbnz-decision",
    "CH": "snb-decision",
    "TW": "tw-cbc-decision",
}
_NAME = "|".join(sorted(BANKS, key=len, reverse=True))
# One item of a list: a name, maybe as its bank with an abbreviation ("欧洲央行(ECB)", "日本银行(央行)").
_ITEM = rf"(?:{_NAME})(?:央行|中央银行|联储|储备银行|银行\s?\(央行\))?(?:\s?\([A-Za-z]{{2,6}}\))?"
_SEP = r"\s?(?:、|及|和|与|以及)\s?"
# "A、B及C等国央行", "A与B央行", "A、B等逾十个主要国家央行", "A、B、C及D四地央行": the list names the banks.
_LIST_BANKS = re.compile(rf"(?P<list>{_ITEM}(?:{_SEP}{_ITEM})+)\s?(?:等[^,。;]{{0,8}}?|两国|[二三四五六七八九十]\s?(?:国|地|大))?\s?(?:央行|中央银行)")
# One bank: "英国央行则预料降息1码", "日本银行(央行)则估将升息", "俄罗斯本周更预估会降息2码".
_ONE_BANK = re.compile(rf"(?P<list>(?:{_NAME})(?:央行|中央银行|联储|储备银行|银行\s?\(央行\)|(?=本周)))")
# Said of what a bank is expected to do: "预料", "预估", "料将", "估将".
_EXPECTED = re.compile(r"预料|预估|预期|估将|料将|可望|将")
# "五国央行决策出炉,台湾、英国、巴西、南非预料…": a count of banks, then the list in the next clause.
_COUNT_THEN_LIST = re.compile(
    rf"[二三四五六七八九十\d]{{1,2}}\s?(?:国|个国家|个经济体)(?:的)?央行[^,。;]{{0,16}}[,:]\s?"
    rf"(?P<list>{_ITEM}(?:{_SEP}{_ITEM})+)"
)
_MAY_NAME_BANK = re.compile(r"央行|联储|银行|本周")  # a quick test before the lists are looked for
_CLAUSE_END = re.compile(r"[,;。]")
_DECISION = re.compile(r"决策|决议|利率|议息|货币政策")


def banks_listed(text: str, single: bool = False) -> list[tuple[int, int, list[str]]]:
    """(start, end, names) of each list of two or more central banks in ``text``, names in order (and,
    with ``single``, of each bank named alone)."""
    out: list[tuple[int, int, list[str]]] = []
    for rx in (_LIST_BANKS, _COUNT_THEN_LIST, *((_ONE_BANK,) if single else ())):
        for m in rx.finditer(text):
            if any(s < m.end("list") and m.start("list") < e for s, e, _ in out):
                continue
            names = list(dict.fromkeys(re.findall(_NAME, m["list"])))
            if len(names) >= (1 if rx is _ONE_BANK else 2):
                out.append((m.start("list"), m.end("list"), names))
    return sorted(out)


Span = tuple[str, str | None, str]


def _span(tm: TimeMatch, anchor: Anchor) -> Span | None:
    """The period a list of decisions falls in: a day or a span as written; a start ("17日起…陆续公布")
    is the week it opens, and so is "本周" on a Sunday (the preview of the week it opens)."""
    res = tm.resolved
    first, last = res.first_day(), res.last_day()
    if first is None or (last is None and res.kind != "open_start"):
        return None
    if res.kind == "open_start" or ("week" in tm.tags and anchor.today.weekday() == 6 and last == anchor.today):
        monday = first - timedelta(days=first.weekday()) + timedelta(days=7 if res.kind != "open_start" else 0)
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "week"
    if res.precision not in ("date", "datetime", "week") or last is None or last < anchor.today:
        return None
    if res.precision == "datetime":
        return iso(as_date(res.start)) or "", None, "date"  # the instant is the sentence's first bank's
    return first.isoformat(), last.isoformat(), res.precision


def _decision(name: str, span: Span, anchor: Anchor, evidence: str) -> Candidate:
    region, bank = BANKS[name]
    return Candidate(
        title=f"{bank}利率决策",
        category="central_bank",
        region=region,
        importance=3,
        start=span[0],
        end=span[1],
        precision=span[2],
        timezone=anchor.tz,
        entities=[bank],
        evidence=evidence[:60],
        confidence=0.7,
        release=_RELEASES.get(region, f"{region.lower()}-rate-decision"),
    )


def bank_decisions(sentence: str, times: list[TimeMatch], anchor: Anchor) -> list[tuple[TimeMatch, Candidate]]:
    """One decision per bank of each list in ``sentence``, dated by the last time expression before the
    list (or the first one after it in the same sentence when none comes before). A bank named alone
    is read here only when the sentence's week is a Sunday's "本周" (the sentence reader takes it
    for the week that ends that day)."""
    if not _MAY_NAME_BANK.search(sentence) or (not _DECISION.search(sentence) and not C.RATE_MOVE.search(sentence)):
        return []
    out: list[tuple[TimeMatch, Candidate]] = []
    for start, end, names in banks_listed(sentence, single=True):
        before = [t for t in times if t.end <= start]
        tm = before[-1] if before else next((t for t in times if t.start >= end), None)
        if tm is None or C.PAST.found(sentence[tm.end : start]) or (span := _span(tm, anchor)) is None:
            continue
        if len(names) == 1 and not ("week" in tm.tags and span[2] == "week" and tm.resolved.past_relative):
            continue
        out += [(tm, _decision(name, span, anchor, sentence[start:end])) for name in names]
    return out


def with_bank_decisions(made: list[tuple[Candidate, str, int]], sentence: str, times: list[TimeMatch], anchor: Anchor) -> list[tuple[Candidate, str, int]]:
    """The sentence's candidates (candidate, scope, position), with the central-bank candidate of a time
    that dates a list of banks replaced by one decision per bank (scoped to the list alone: it shares
    no vocabulary with a dated mention it may fold into)."""
    made = each_bank(made)
    banks = bank_decisions(sentence, times, anchor)
    if not banks:
        return made
    used = {tm.start for tm, _ in banks}
    kept = [m for m in made if not (m[0].category == "central_bank" and m[2] in used)]
    return kept + [(c, c.evidence, tm.start) for tm, c in banks]


# "瑞士央行和新西兰联储将发布前次会议记录": banks, each named as a bank, listed as the subject of one event
_OWN_BANKS = re.compile(rf"(?P<list>(?:{_NAME})(?:央行|中央银行|联储|储备银行)(?:{_SEP}(?:{_NAME})(?:央行|中央银行|联储|储备银行))+)")


def each_bank(made: list[tuple[Candidate, str, int]]) -> list[tuple[Candidate, str, int]]:
    """A central-bank event whose subject is a list of banks ("瑞士央行和新西兰联储将发布前次会议记录") is
    one event per bank, each kept apart from the others (corpus 7 Chinese shape 4)."""
    out: list[tuple[Candidate, str, int]] = []
    for c, clause, pos in made:
        m = _OWN_BANKS.search(clause) if c.category == "central_bank" else None
        names = list(dict.fromkeys(re.findall(_NAME, m["list"]))) if m else []
        if m is None or len(names) < 2 or m["list"] not in c.title:
            out.append((c, clause, pos))
            continue
        for name in names:
            region, bank = BANKS[name]
            out.append((replace(c, title=c.title.replace(m["list"], bank), region=region, entities=[bank], mentions=[],
                                release=f"{c.release or 'central_bank'}:{region}"), clause, pos))
    return out


@dataclass
class BankWeek:
    """The days an article's central banks decide in ("本周将有11个经济体的央行，密集在17-19日公布利率
    决策"): a later sentence naming a bank expected to move, with no time of its own ("英国央行则预料
    降息1码"), is that bank's decision in those days."""

    span: Span | None = None

    def read(self, sentence: str, anchor: Anchor, kept: int) -> list[Candidate]:
        times = [t for t in find_times(sentence, anchor) if t.resolved.kind != "as_of"]
        if self.span is None:
            got = bank_decisions(sentence, times, anchor)
            lists = [c for _, c in got]
            if len(lists) >= 2:
                self.span = lists[0].start, lists[0].end, lists[0].precision
            return []
        days = [t for t in times if t.resolved.precision in ("date", "datetime", "week")]  # not "明年", "1月来"
        if kept or days or not _MAY_NAME_BANK.search(sentence):
            return []
        out: list[Candidate] = []
        for start, end, names in banks_listed(sentence, single=True):
            # the bank's own clause says it is expected to move, and says no other time ("明年将升息")
            stop = _CLAUSE_END.search(sentence, end)
            clause = sentence[end : stop.start() if stop else len(sentence)]
            if C.PAST.found(clause[:12]) or not C.RATE_MOVE.search(clause) or not _EXPECTED.search(clause) or any(start <= t.start < end + len(clause) for t in times):
                continue
            out += [_decision(name, self.span, anchor, sentence[start:end]) for name in names]
        return out
