"""A week-ahead preview's list of releases said without a verb (issue 15, round 19, corpus 16): "其他数据包括
A、B、C等" names the week's releases, one event each; a headline "美股本周关注…" previews the week. The
articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

MONDAY = datetime.fromisoformat("2031-03-03T08:00+08:00")


def weeks(text: str) -> list[tuple[str, str, str]]:
    return sorted((c.category, c.start, c.end) for c in extract(text, MONDAY) if c.precision == "week")


def test_a_verbless_list_of_releases_in_a_week_preview_is_one_event_each() -> None:
    text = (
        "美股本周关注联储局议息\n\n"
        "其他数据包括2月ADP私人市场就业职位、2月Challenger企业计划裁员人数、1月JOLTS职位空缺及1月建筑开支等。\n"
    )
    week = ("macro_data", "2031-03-03", "2031-03-09")
    assert weeks(text).count(week) == 4


def test_one_release_named_without_a_verb_is_no_event() -> None:
    """A single name is a topic ("数据包括ADP"), not a list of the week's releases."""
    assert weeks("美股本周关注联储局议息\n\n市场情绪受ADP影响。\n") == []


def test_a_list_of_past_releases_is_no_event() -> None:
    text = "美股本周关注联储局议息\n\n上周公布的数据包括2月ADP私人市场就业职位、1月JOLTS职位空缺及1月建筑开支。\n"
    assert weeks(text) == []


def test_a_week_focus_headline_previews_the_week() -> None:
    """'本周关注' in the headline makes the article a week preview: an undated decision it says is coming
    belongs to the week."""
    assert ("central_bank", "2031-03-03", "2031-03-09") in weeks("美股本周关注联储局议息\n\n澳洲央行将公布利率决议。\n")
