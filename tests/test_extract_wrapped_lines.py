"""A filing typed at a fixed width (issue 15, round 9, corpus 6 Chinese): its lines break sentences,
words and dates anywhere and are read joined; a dividend resolution's record date, ex-dividend day,
book closure ('亦即自A起至B止,停止…过户') and payment day ('并于C发放') are corporate events. The notice is
our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.normalize import join_wrapped_lines

NOTICE = (
    "【公告】某公司董事会决议\n\n"
    "日 期:2031年05月10日\n\n"
    "某公司今(10)日召开董事会,会中重要决议如下:\n\n"
    "一、核准2031年第一季营业报告书及财务报表,其中第一季合并营收约新台币1,234亿5千万元\n\n"
    ",税后纯益约新台币234亿元,每股盈余为新台币8.70元。\n\n"
    "二、核准配发2031年第一季之每股现金股利3.50元,普通股之配息基准日订定为2031年\n\n"
    "9月18日,除息交易日则为2031年9月12日。依公司法规定,在公司决定分派股息之基准日\n\n"
    "前五日内,亦即自2031年9月14日起至2031年9月18日止,停止股票过户,并于2031年10月\n\n"
    "9日发放。此外,本公司其他事项均依相关规定办理,并由董事长全权处理后续相关事宜。\n"
)


def test_a_fixed_width_notice_reads_as_joined_sentences() -> None:
    got = sorted({(c.start, c.end, c.category) for c in extract(NOTICE, datetime.fromisoformat("2031-05-10T16:00+08:00"))})
    assert got == [
        ("2031-09-12", "2031-09-12", "corporate"),
        ("2031-09-14", "2031-09-18", "corporate"),
        ("2031-09-18", "2031-09-18", "corporate"),
        ("2031-10-09", "2031-10-09", "corporate"),
    ]


def test_prose_with_short_lines_is_left_alone() -> None:
    text = "甲公司将于9月18日除息\n\n乙公司将于9月19日除息\n\n丙公司将于9月20日除息\n"
    assert join_wrapped_lines(text) == text


def test_a_list_of_headlines_of_one_length_is_left_alone() -> None:
    heads = ("某公司料明年部份定息债再融资或扯高平均融资成本 某行料全年盈利增长\n"
             "某燃气公司上半年业务核心利润增长百分之二至三十一亿 中期息每股一角二\n"
             "本港第二季本地生产总值按年增长百分之三符合预期 维持全年增长预测\n"
             "某指数收市升三百点 成交重上千亿 三大指数连升两周 国指跑赢大市\n")
    assert join_wrapped_lines(heads) == heads
