"""A lead that names one day for several rule changes, then one heading a change with its details below
("7月1日起多项新制上路" over "某铁路当日订票时间延长" and a paragraph; "10 changes coming into force on 6 April" over
"2) Personal Allowance rises"): each heading is a rule taking effect that day (issue 15, round 20). The
articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

ZH = ("7月1日起多项新制上路,与民众生活息息相关,编辑部汇整各项措施一次看。\n"
      "交通部\n"
      "某铁路当日可订票时间延长\n"
      "乘车当日订票时间由开车前1小时延长至开车前30分钟,付款时间为乘车前20分钟。\n"
      "邮政小额寿险费率调整\n"
      "邮政公司调整小额终身寿险费率,并提高投保金额与放宽投保件数。\n"
      "财政部\n"
      "房地合一税3.0版上路\n"
      "扩大短期持有重税范围,持有2年内出售课45%。\n")
EN = ("New tax year: 3 changes coming into force on 6 April\n\n"
      "The tax year starts on 6 April and a number of changes come into effect which may affect your money.\n\n"
      "1) Savings Allowance launches\n\n"
      "Interest earned in banks and building societies is not taxed up to a certain amount for most savers.\n\n"
      "2) Marriage Allowance widens\n\n"
      "Couples can move a larger part of their personal allowance between them from the new tax year on.\n\n"
      "3) Capital Gains Tax rate falls\n\n"
      "The basic rate on gains falls to 10% and the higher rate to 20%, except on residential property.\n")


def test_each_heading_under_a_chinese_lead_is_a_rule_of_that_day() -> None:
    got = [(c.category, c.start, c.title) for c in extract(ZH, datetime.fromisoformat("2031-06-30T12:00+08:00"))]
    heads = [(cat, start) for cat, start, title in got if "多项" not in title]
    assert heads == [("policy", "2031-07-01")] * 3
    assert {t for _, _, t in got} >= {"某铁路当日可订票时间延长", "邮政小额寿险费率调整", "房地合一税3.0版上路"}


def test_each_numbered_heading_under_an_english_lead_is_a_rule_of_that_day() -> None:
    got = [(c.category, c.start, c.title) for c in extract(EN, datetime.fromisoformat("2031-04-05T12:00+01:00"))]
    assert [(cat, start) for cat, start, title in got if "tax year" not in title.lower()] == [("policy", "2031-04-06")] * 3
    assert any("Marriage Allowance" in t for _, _, t in got) and any("Capital Gains" in t for _, _, t in got)


def test_headings_without_a_lead_of_changes_are_no_rules() -> None:
    text = ZH.replace("7月1日起多项新制上路", "多项措施与民众生活息息相关")
    assert extract(text, datetime.fromisoformat("2031-06-30T12:00+08:00")) == []


def test_one_rule_said_twice_on_its_day_is_one_rule() -> None:
    text = "新规速递\n\n《某市养犬管理办法》将于7月1日施行。\n\n记者了解到,《某市养犬管理办法》将于7月1日正式施行,违者将被罚款。\n"
    got = [(c.category, c.start) for c in extract(text, datetime.fromisoformat("2031-06-30T12:00+08:00"))]
    assert got == [("policy", "2031-07-01")]


# The rules first, then their day by name, over sections of numbered changes, some one line each (round 21:
# corpus 18, a Taiwan weekly's New Year list).
NEW_YEAR = ("再过两天就是新年,许多与民众权益相关的新制度,也同步在元旦当天开始施行,本刊整理如下:\n"
            "劳工篇》\n"
            "1 基本工资月薪调升为2万4千元,时薪调升为160元。\n"
            "2 劳保年金请领年龄由62岁调高至63岁。\n"
            "生活篇》\n"
            "1 扩大禁止提供免费塑胶袋\n"
            "饮料店、面包店等5大类,皆不得免费提供购物用塑胶袋。\n"
            "2 某铁路误点超过 30 分钟,退票免收手续费\n")


def test_numbered_changes_under_a_lead_naming_new_year_s_day_are_rules_of_that_day() -> None:
    got = [c for c in extract(NEW_YEAR, datetime.fromisoformat("2031-12-30T10:00+08:00")) if c.start.startswith("2032-01-01")]
    titles = [c.title for c in got]
    assert all(c.category == "policy" for c in got)
    for words in ("基本工资", "劳保年金", "塑胶袋", "铁路"):
        assert sum(words in t for t in titles) == 1, (words, titles)
    assert not any("篇" in t for t in titles)  # a section's heading is no rule


def test_new_year_s_day_by_name_is_dated_only_near_it() -> None:
    def days(text: str, published: str) -> list[str]:
        return [c.start for c in extract(text, datetime.fromisoformat(published))]
    rule = "某新规\n\n某部门表示,新规将于元旦起施行。\n"
    assert days(rule, "2031-12-20T10:00+08:00") == ["2032-01-01"]
    assert days(rule, "2032-01-03T10:00+08:00") == ["2032-01-01"]
    assert days(rule, "2031-07-20T10:00+08:00") == []  # which New Year's Day is not guessed half a year away
    assert days("某新规\n\n某部门表示,新规将于2033年元旦起施行。\n", "2031-07-20T10:00+08:00") == ["2033-01-01"]


def test_a_long_rule_s_title_is_not_cut_inside_a_number() -> None:
    text = "某新规\n\n劳保年金请领年龄由62岁调高至63岁(2032年1月1日起施行)\n"
    titles = [c.title for c in extract(text, datetime.fromisoformat("2031-12-30T10:00+08:00"))]
    assert titles and all(not t[-1].isdigit() for t in titles), titles


# A lead naming many changes and their day without a verb of taking effect, over bare headings of a few words; a
# section whose first line gives its own day takes that day (round 21: corpus 18, an Australian explainer).
BARE = ("Savers are set to see a raft of changes as the new financial year starts from 1 July.\n\n"
        "Here is what you need to know.\n\n"
        "Superannuation \n\nThe guarantee rate employers must pay will increase from 11% to 11.5%.\n\n"
        "Minimum wage\n\nThe minimum wage will be increased to $900 per week.\n\n"
        "Childcare\n\nFrom 10 July 2031, childcare subsidy rates will lift from 85% to 90% for most families.\n")


def test_each_bare_heading_under_a_lead_of_many_changes_is_a_rule_of_its_day() -> None:
    got = sorted((c.start, c.title) for c in extract(BARE, datetime.fromisoformat("2031-06-28T12:00+10:00")))
    assert got == [("2031-07-01", "Minimum wage"), ("2031-07-01", "Superannuation"), ("2031-07-10", "Childcare")]


def test_bare_lines_without_a_lead_of_changes_are_no_rules() -> None:
    """Without the lead the bare headings date nothing; the one sentence that dates its own change (`From 10 July
    2031, childcare subsidy rates will lift …`) is a policy start, read by the learned gate since round 24 and titled
    as the rules title a policy change."""
    text = BARE.replace("a raft of changes as the new financial year starts from 1 July", "a busy year")
    got = [(c.start, c.category, c.title) for c in extract(text, datetime.fromisoformat("2031-06-28T12:00+10:00"))]
    assert got == [("2031-07-10", "policy", "Childcare subsidy rates policy change")]


# A lead of changes over paragraphs of prose, no headings (round 21: corpus 15, a news site's New Year rules).
PROSE = ("迎接2032年,诸多新制今天上路。基本工资今起调涨为2万4千元。\n\n"
         "某部门淘汰旧机车的补助金由1500元降为1000元。民众反应不一。\n\n"
         "交通新制包括,使用月台票进月台,停留时间从3小时缩短为1小时;列车误点逾30分钟,可选择免手续费退票。\n")


def test_each_change_stated_in_prose_under_the_lead_is_a_rule_of_its_day() -> None:
    got = [c for c in extract(PROSE, datetime.fromisoformat("2032-01-01T09:00+08:00")) if c.category == "policy"]
    assert {c.start for c in got} == {"2032-01-01"}
    titles = " ".join(c.title for c in got)
    for words in ("补助金", "停留时间", "误点"):
        assert words in titles, (words, titles)
    assert not any("民众反应" in c.title for c in got)  # a sentence that states no change is no rule


def test_prose_changes_without_a_lead_are_no_rules() -> None:
    text = PROSE.replace("迎接2032年,诸多新制今天上路。", "")
    assert not any(c.title.startswith("某部门") for c in extract(text, datetime.fromisoformat("2032-01-01T09:00+08:00")))
