"""A wrap's "本周另一焦点为…A,以及…B" names the week's releases without a verb: one week event each (issue 15,
round 9, corpus 6 Chinese). A bank's minutes named with the meeting's month inside ("某行(Fed)10 月会议纪要")
are the bank's minutes, and a space before a month ("公布的 9 月数据") is no obstacle. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.releases import releases_in


def test_a_week_s_focus_is_one_event_per_release() -> None:
    text = (" date 2031-11-18 美股收跌 某公司财报前承压\n美股週一全面回檔。\n"
            "本週另一焦點為勞工部延後公布的 9 月非農就業報告，以及美國聯準會（Fed）9 月會議紀要的發布。投資人已調降年底減息押注。\n")
    got = sorted((c.start, c.end, c.category) for c in extract(text, datetime.fromisoformat("2031-11-18T07:00+08:00")))
    assert got == [("2031-11-17", "2031-11-23", "central_bank"), ("2031-11-17", "2031-11-23", "macro_data")]


def test_a_bank_s_minutes_with_the_month_inside() -> None:
    assert [n.release.id for n in releases_in("美联储12月会议纪要")] == ["fomc-minutes"]
    assert [n.release.id for n in releases_in("联准会(Fed)10月会议纪要")] == ["fomc-minutes"]
    assert [n.release.id for n in releases_in("欧洲央行会议纪要")] == ["ecb-accounts"]


def test_a_stated_week_s_lead_names_its_releases_one_each() -> None:
    """'下周(2月3日-2月9日),投资者将关注各地制造业PMI、数家央行议息结果以及美国非农就业报告': the payrolls,
    named only here, keep the stated week beside the PMI dated below."""
    text = ("下周(2月3日-2月9日),投资者将关注各地制造业PMI、数家央行议息结果以及美国非农就业报告等重磅数据。\n"
            "周一(2月3日)财新制造业PMI出炉。\n")
    got = sorted((c.start, c.end, c.category, c.release) for c in extract(text, datetime.fromisoformat("2031-01-31T12:00+08:00")))
    assert ("2031-02-03", "2031-02-09", "macro_data", "us-nfp") in got
    assert ("2031-02-03", "2031-02-03", "macro_data", "cn-caixin-pmi") in got

