"""A news wire filed at a fixed width in full-width digits (issue 15, corpus 13 Chinese): lines break
mid-clause every forty-odd characters, a blank line between them, and the clocks are local am/pm clocks
with the zone said once ("本港時間今晚７：３０ｐｍ"). The article is our own, in that shape."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.normalize import join_wrapped_lines, normalize


def _filed(paragraph: str, width: int = 40) -> str:
    """The paragraph as the wire files it: cut every ``width`` characters, a blank line after each piece."""
    return "\n\n".join(paragraph[i:i + width] for i in range(0, len(paragraph), width)) + "\n\n\n\n"


WIRE = (_filed("《某某通訊社３日專訊》魯里坦尼亞央行行長將於周五（６日）在斯特雷爾紹金融論壇上發表演說，市場關注"
               "其對利率前景的表態，並留意該國財政部長的最新講話內容與市場反應。昨日股市表現分歧，主要指數收市升"
               "１６點，成交額較前一日減少約一成，交投氣氛審慎觀望，債市則大致持平，匯市波動不大。")
        + _filed("各國重要經濟活動方面，本港時間今晚７：３０ｐｍ，美國聯儲局理事就經濟前景發表講話。")
        + _filed("數據方面，今晚８：３０ｐｍ，美國公布首次申請失業救濟金人數，料由２２萬升至２３萬。９：４５ｐｍ，美國公布")
        + _filed("８月製造業採購經理人指數，料由４９﹒８降至４９﹒７，綜合採購經理人指數料維持不變。")
        + _filed("１０：００ｐｍ，美國公布７月成屋銷售，料由３９３萬降至３９２萬，月率跌幅料收窄。"))

PUB = datetime.fromisoformat("2031-08-03T16:45+08:00")


def _got() -> list[tuple[str, str]]:
    return sorted((c.start, c.category) for c in extract(WIRE, PUB))


def test_clocks_after_the_zone_said_once_stay_in_that_zone() -> None:
    # "１０：００ｐｍ" at a line's start is 22:00 Hong Kong time (10:00 in New York, when existing home sales
    # usually come out), not 10:00 read as New York's own clock, which would move the row 12 hours
    timed = [s for s, _ in _got() if "T" in s]
    assert "2031-08-03T22:00+08:00" in timed
    assert all(s.endswith("+08:00") for s in timed), timed


def test_a_release_broken_across_the_wrap_is_read_whole() -> None:
    # "９：４５ｐｍ，美國公布" / "８月製造業採購經理人指數": one release at 21:45
    assert ("2031-08-03T21:45+08:00", "macro_data") in _got()


def test_a_first_line_without_a_comma_wraps_like_the_lines_of_its_width() -> None:
    # the speech of Friday the 6th is said across the first wrap ("…論壇上" / "發表演說，…")
    assert ("2031-08-06", "central_bank") in _got()
    joined = join_wrapped_lines(normalize(WIRE))
    assert "论坛上发表演说" in joined


def test_short_lines_without_a_wrap_width_are_not_joined() -> None:
    text = "周一公布数据\n8月制造业PMI\n周二休市\n"
    assert join_wrapped_lines(text) == text


def test_the_wires_dateline_is_no_subject_of_a_title() -> None:
    speech = [c for c in extract(WIRE, PUB) if c.start == "2031-08-06"]
    assert speech and all("通讯社" not in c.title and "专讯" not in c.title for c in speech)
