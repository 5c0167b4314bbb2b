"""Property tests: the engine never raises and returns well-formed candidates, on any input and on huge ones.

How fast it is on those is measured by ``benchmarks/timings.py``, not asserted here."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calendar_daemon.sources.extract import (
    Candidate,
    detect_published,
    extract,
    resolve_expression,
)

PUB = datetime(2026, 1, 25, 12, 0, tzinfo=UTC)
PIECES = ["2026年", "1月", "31日", "至", "到", "前", "起", "周一", "下周", "北京时间", "凌晨3点", "Q1", "第二季度",
          "上半年", "公布", "发行", "解禁", "到期", "将", "[1][2]", "<p>", "</div>", "<meta", "1.22", "3.315",
          "11810亿元", "財報", "本港時間", "next Wednesday", "8:30 a.m. ET", "Jan 25, 2026", "FOMC", "财年",
          "、", " ", "\n", "。", "1600/1866", "9999年99月99日", "0月0日", "2月30日", "·", "&amp;", "<!--",
          # pieces of round 14's readers: indicator lists, prose clocks, holiday rows, weekday tags, early closes
          "包括", "指数", "和", "14:00 ", "星期三", "休市", "(Tue)", ": ", ", and ", " data", "- ", "Jr. Day",
          "holiday schedule:", "(an early close at 1 p.m. ET on July 3)", "交易日:", "(9 月 15 日)",
          # pieces of round 15's readers: day groups, bulleted dates, pipe tables, week words, lock-up rows, holidays
          "除息,包括", "11日甲、乙,", "• 2031年2月7日", "项目 |", "---|---|", "(本周四)", "当周", "随后 10:00 ",
          "以及", "9月16、17日", "6月17-18日", "于五日公布", "$9.913/1/2031", "13Jul 2031", "closed for Good Friday",
          "close early, at 1 p.m. ET, on: ", "(Thursday, July 3); ", "Mon, Jul 13", "28 companies", "AcmeACMBefore the open$1.20",
          "⑥", "为中秋节翌日,", "不提供港股通服务", "Asian session"]
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join),
)


def _well_formed(cands: list[Candidate]) -> None:
    for c in cands:
        assert c.precision in ("datetime", "date", "week", "month", "quarter", "half", "year")
        assert c.start and (c.end is None or c.end >= c.start[:10])
        assert 0.0 <= c.confidence <= 1.0 and 1 <= c.importance <= 3
        assert len(c.evidence) <= 60


# No per-example deadline: a loaded machine can be slow on any example, and speed is the benchmarks' to check.
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extract_never_raises(text: str) -> None:
    _well_formed(extract(text, published=PUB))
    _well_formed(extract(text))  # publication time from the text or the clock
    detect_published(text)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_resolve_never_raises(text: str) -> None:
    res = resolve_expression(text, PUB, "Asia/Shanghai")
    if res is not None and res.start is not None and res.end is not None:
        assert res.first_day() <= res.last_day()  # type: ignore[operator]


def test_empty_and_whitespace() -> None:
    assert extract("", published=PUB) == []
    assert extract("   \n\n ", published=PUB) == []


def test_ten_megabytes_are_read_whole() -> None:
    unit = ("下周将公布中国1月官方制造业PMI数据 1月31日发行某某科技 2026年1月21日至2026年7月20日 "
            "<div>11810亿元 1600/1866 3.315 [1][4]</div> next Wednesday 8:30 a.m. ET 本港時間凌晨3時")
    big = (unit * (10_000_000 // len(unit) + 1))[:10_000_000]
    found = extract(big, published=PUB)
    assert found  # the unit's dates are found in the 10 MB as in the unit alone
    _well_formed(found)


PATHOLOGICAL = ("1" * 200_000, "年" * 200_000, "1月" * 30_000, "[1]" * 100_000, "<" * 200_000,
                " " * 200_000 + "x", "Jan " * 50_000, "2026年至" * 30_000, "、" * 200_000)


@pytest.mark.parametrize("chunk", PATHOLOGICAL, ids=range(len(PATHOLOGICAL)))
def test_pathological_inputs_finish(chunk: str) -> None:
    _well_formed(extract(chunk, published=PUB))
    resolve_expression(chunk[:5000], PUB, "Asia/Shanghai")


# Hostile input for the list and clock readers, one case each so that the workers share them: long runs that
# almost make a clock row, a section of company rows, an IPO step list, a run-on weekday item, a day sub-heading
# or a wrapped line.
NEAR_MISSES = ("2330 GMT " * 40_000, "21:30 | " * 40_000, "Lockup Exp.:\n" + "Acme, (ACME\n" * 30_000,
               "初步询价。" + "6月27日:某公司(688" * 20_000, "1.周一:数据:" * 30_000, "周一(9月22日)" * 3_000,
               ("很长的一行文字，没有句号" * 4 + "\n\n") * 10_000, "下周," * 6_000, "(jià)询" * 50_000,
               "MONDAY " * 50_000, "half an hour later " * 20_000,
               # round 15's readers
               "除息,包括" + "11日甲、乙," * 15_000, "某ETF除息交易日\n" + " • 2031年2月7日\n" * 30_000,
               "项目 |\n" * 20_000 + "---|---|\n" + "2031年10月3日 |\n" * 20_000, "本周数据密集。" * 20_000,
               "IPO Lockup Expirations\nExpiration Date\n" + "ACME\nAcme\n$9.913/1/20311,000\n" * 20_000,
               "Earnings calendar\n" + "Mon, Jul 13\n\nAcmeACMBefore the open$1.20\n" * 10_000,
               # a weekday beside each of thousands of dates (was quadratic: 18 s for 300,000 characters)
               "Markets close early, at 1 p.m. ET, on: " + "A (Thursday, July 3); " * 8_000,
               "Markets are closed for Good Friday and Christmas Day " * 20_000, "9月16、17日会议" * 10_000,
               # round 16's readers
               "StatsCan releases March x, April y and " * 4_000, "On Monday, StatsCan releases March x and April y. " * 3_000,
               "-Item\n" * 50_000, ("某某通讯社，" + "很长的一行文字没有句号" * 3 + "\n\n") * 8_000,
               "close early (at 1 p.m. ET) on days. The remaining half days are Christmas Eve, " * 2_000,
               "shut down early (at 2 p.m. ET): " + "Christmas Eve, New Year's Eve, " * 4_000,
               "本周有多项数据发布,其中," * 20_000, "本周有数据发布,其中," + "甲部将公布乙数据;" * 30_000,
               "\\n周一(Mon):" * 40_000, "将于明年1月8日领取股息," * 2_000,
               "Going ex-dividend\n" + "Thursday, July 31\n" + "Acme Stores (ACME)\n" * 30_000,
               # round 17's readers
               "Monday June 9 07:00: Finals: A. " * 4_000, "Tuesday 9th\n10:00 AM ET\n" * 10_000,
               "By Jane Roe June 8, 2031, 5:00 pm " * 8_000, "the week beginning June 9 " * 4_000,
               "关键点:若某某," * 20_000 + "\n关键点:\n" * 20_000, "发布时间:2031-" * 20_000, "今年首只" * 30_000,
               "on Monday, October 20, with Acme " * 6_000, "the jobs report, Q3 GDP, " * 8_000,
               "IPO Opening date Closing date " + "Acme Tek May 6 May 8 ₹ 9 " * 4_000,
               # a long line with "IPO" and no full stop (was quadratic: 17 s for 30,000 characters)
               "IPO Opening date Closing date " + "Aa Bb Cc Dd Ee " * 10_000,
               "本周某某," * 20_000 + "实现1亿元净投放。", "下周,周一" * 8_000,
               "X - which " * 20_000 + " - due on Tuesday.", "Both Canada and Acme Bb and " * 10_000 + "jobs data on Friday.",
               # round 18's readers
               ", at The Acme Bb Cc" * 8_000, "Tuesday\n10 a.m.: x, at The Fed.\n" * 4_000,
               "10月3日(周五)美国・非农就业报告\n" * 4_000, "- 10月1日(周三)日本・央行短观(HICP)(a)\n" * 4_000,
               "周二和周三会议" * 5_000, "本周将公布数据,其中包括英国CPI、美国PPI和日本GDP。" * 2_000,
               "On Tuesday the RBA and the BoE and the ECB, " * 4_000, "(Trading Update) Aa Bb, " * 8_000,
               "Monday 9th –\n(Trading Update) Aa, Bb Cc Dd Ee Ff Gg Hh, Ii.\n" * 3_000,
               "From July 1, Aa will ban " * 2_000, "今起從今起從今起" * 4_000,
               "投标日期 : 二○三一年三月四日\n可供投标票据 : 某票据\n" * 4_000, "甲乙 : 丙\n" * 20_000,
               "1) 美国CPI\n北京时间周三20:30。\n" * 4_000, "1) 美国CPI\n" * 8_000,
               "exchange exchange exchange will " * 4_000, "$4 billion of $4 billion of notes on May 29, " * 500,
               "A buyback of 20-year A buyback of " * 4_000, "will settle on June 2 and " * 750,
               # round 19's readers
               "Holiday | Date | Status |\n---|---|---|\n" + "Good Friday | Friday, April 11, 2031 |\nClosed\n" * 2_000,
               "| a | b |\n|---|---|\n" + "x |\n" * 20_000, "US Unemployment Claims: Thursday, " * 4_000,
               "Advertisement\n" * 20_000, "其他数据包括美国CPI、美国PPI、日本GDP、" * 3_000,
               "美联储理事甲乙、丙丁和戊己将于周一发表讲话," * 2_000, "Governors Anna Quill, Ben Roper and Cara Sand will speak on Monday, " * 400,
               # round 20's readers
               "Monday: - Fed member Anna Quill speaks\n" * 800, " • 12:30 pm BST - RBA Governor Quill\n" * 800,
               "澳洲联储主席奎尔将于周一发表讲话," * 1_000, "Fed Anna Ben Cara Dan " * 4_000,
               "5月6日,星期二,德国公布3月贸易账,法国公布A,英国休市," * 500,
               "7月1日起多项新制上路\n" + "某铁路订票时间延长\n乘车当日订票时间由开车前1小时延长至30分钟。\n" * 1_000,
               "3 changes coming into force on 6 April\n" + "1) Savings Allowance launches\n\nInterest is not taxed.\n\n" * 1_000,
               "Monday 5 May\n- PMI for service industries in " + "Europe, the UK, " * 3_000 + "and USA\n",
               "今早" + "十一时" * 10_000, ";下午三时" * 8_000, "| 07:00 | unemployment | ||\n" * 2_000,
               "The retail offering offer subscription will close on Nov. 28, " * 500,
               "MPC schedule\n\n" + "The first meeting will be held from April 3-5. " * 1_000,
               "meetings in August" + ", October, and December" * 10_000,
               "今(15)日起至17日开始" * 3_000,
               # round 21's readers
               "Monday – Sept 8th\n  • 8:00 AM — Anna Quill (Dallas FED) Interview\n" * 800,
               "Monday 29 September\n" + "Germany: Bavaria CPI, % m/m (y/y) Sep Prev 0.1 (0.8) cons -0.1\n" * 1_500,
               "Germany: " + "Bavaria CPI % m/m " * 10_000 + "Prev 0.1\n",
               "日期 | 事件 | 品种 |\n" + "周一(9月15日) | 日本GDP | 外汇、股市 |\n日本工业产出 | 日元 | |\n" * 1_500,
               "周二(9月16日) 英国8月CPI将公布\n" * 2_000, "春节" * 20_000 + "不开放", "4月3日星期六至" * 5_000,
               "许多新制度也同步在元旦当天开始施行\n" + "1 某项调整由62岁调高至63岁,细则如下\n2 某某篇》\n" * 1_500, "元旦" * 5_000,
               "A raft of changes start from 1 July.\n\n" + "Minimum wage\n\nThe wage will be increased to $900.\n\n" * 1_500,
               "A raft of changes" + " on" * 20_000,
               "No. | Date of Meeting | Date of Announcement |\n" + "1 | Tuesday, 22nd July 2031 | Wednesday, 23rd July 2031 |\n" * 600,
               "Wednesday, 21st May 2031 " + "(Previously scheduled for 27th May 2031) " * 1_000,
               "诸多新制今天上路。\n" + "补助金由1500元降为1000元;停留时间缩短为1小时。\n" * 2_000,
               # round 22's readers: an offer's timetable, a closure grid and bar cells, day lists, a weekday span, a
               # year-framed calendar, several moves in one sentence, weekday pairs before day pairs
               "Indicative Timetable for the Offer\n" + "Record date Tuesday 9th February 2031\n" * 1_500,
               "Indicative Timetable for the Offer\n" + "Opening Date Friday 12th February 2031 " * 1_500 + "\n",
               "Closed\n" + "20 May 2031 (Tue)\n\n" * 1_000 + " SGX " + "Closed " * 1_000 + "\n",
               "|Thursday, December 24, 2031\n|Open until 1:00 p.m. (EST)\n" * 1_500, "on Feb. 3" + ", 4" * 4_000 + " and 5.",
               "between Monday, May 1 and " * 1_500, "2032 OCR dates\n" + "28 January OCR announcement\n" * 2_000,
               "由原定的9月9日上午9:30顺延一天,即9月10日上午9:30对外发布;" * 2_000, "on Wednesday and Thursday, April 17 and " * 1_000,
               # round 23's readers: a release schedule, an offer's rows a cell a line, a bare start day, a place before
               # an em dash
               "Upcoming releases\nStatistics Canada\n" + "April 23\n  1. (lockup)\n Wholesale trade, February 2031\n" * 2_000,
               "Open Offer |\n" + "General Meeting |\n10.30 a.m. on 12 September 2031 |\n" * 2_000,
               "from 23 to 26th January " * 3_000, "Sunday, January 26: Peru — " * 3_000,
               "|Stock\n|Lock-In Period Ending\n" + "|Acme\n|August 23\n" * 3_000)


@pytest.mark.parametrize("chunk", NEAR_MISSES, ids=range(len(NEAR_MISSES)))
def test_near_misses_of_the_list_and_clock_readers_finish(chunk: str) -> None:
    _well_formed(extract(chunk, published=PUB))
