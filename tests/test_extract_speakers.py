"""Several officials named as the speakers of one day give one speech each (issue 15, round 19): "Fed Governors
A, B and C will speak on Monday", "美联储理事甲、乙和丙将于周一发表讲话". Topics listed before the verb ("就经济前景与
货币政策发表讲话") are no speakers. The articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract


def speeches(text: str, published: str) -> list[tuple[str, str]]:
    return sorted((c.start, c.title) for c in extract(text, datetime.fromisoformat(published)) if c.category == "central_bank")


def test_each_english_speaker_gives_a_speech() -> None:
    text = "Fed week ahead\n\nFed Governors Anna Quill, Ben Roper and Cara Sand will speak on Monday.\n"
    assert speeches(text, "2031-05-18T10:00-04:00") == [
        ("2031-05-19", "Anna Quill speech"), ("2031-05-19", "Ben Roper speech"), ("2031-05-19", "Cara Sand speech")]


def test_each_chinese_speaker_gives_a_speech() -> None:
    text = "美股前瞻\n\n美联储理事奎尔、罗珀和桑德将于周一发表讲话。\n"
    got = speeches(text, "2031-05-18T10:00+08:00")
    assert len(got) == 3 and {s for s, _ in got} == {"2031-05-19"}
    assert any(t.startswith("罗珀") for _, t in got)


def test_topics_of_one_speech_are_one_speech() -> None:
    text = "美股前瞻\n\n美联储主席将于周一晚间就美国经济前景与货币政策发表讲话。\n"
    assert len(speeches(text, "2031-05-18T10:00+08:00")) == 1


def test_one_speaker_is_one_speech() -> None:
    text = "Fed week ahead\n\nFed Chair Anna Quill will speak on Monday.\n"
    assert len(speeches(text, "2031-05-18T10:00-04:00")) == 1


def test_each_official_on_a_line_of_their_own_gives_a_speech() -> None:
    """A week's list with one official a line ("- Fed member Anna Quill speaks") is one speech a line, not one
    central-bank event a day (round 20)."""
    text = ("Economic calendar for the week ahead\n\nMonday:\n- Fed member Anna Quill speaks\n- Fed member Ben Roper speaks\n"
            "- 3-year auction\nTuesday:\n- Fed member Cara Sand speaks\n")
    got = speeches(text, "2031-05-18T10:00-04:00")  # a Sunday
    assert got == [("2031-05-19", "Anna Quill speech"), ("2031-05-19", "Ben Roper speech"), ("2031-05-20", "Cara Sand speech")]


def test_a_bulleted_clock_row_naming_only_an_official_is_a_speech_at_that_clock() -> None:
    text = ("Economic calendar: a quiet Friday\n\n9:00 am BST - Germany, business climate index for June\n\n"
            "Central bankers' speeches:\n\n  • 12:30 pm BST - RBA Governor Quill\n  • 1:15 pm BST - Fed Roper\n")
    got = speeches(text, "2031-06-20T07:00+01:00")
    assert got == [("2031-06-20T12:30+01:00", "Quill speech"), ("2031-06-20T13:15+01:00", "Roper speech")]


def test_the_day_and_the_clock_of_one_chinese_speech_are_one_event() -> None:
    text = "下周前瞻\n\n周一(6月2日)央行官员讲话,澳洲联储政策受关注\n周一早上9点,澳洲联储主席奎尔将发表讲话,其言论或影响汇率走势。\n"
    assert speeches(text, "2031-05-31T10:00+08:00") == [("2031-06-02T09:00+08:00", "奎尔讲话")]


def test_a_meeting_day_and_a_press_conference_name_no_speaker() -> None:
    text = ("Week ahead\n\nThe data will be among the last releases ahead of the FOMC’s June 18 meeting.\n\n"
            "Wednesday, June 18: FOMC policy statement and Fed Chair Anna Quill's press conference.\n")
    titles = [t for _, t in speeches(text, "2031-06-15T10:00-04:00")]
    assert titles and not any(t.endswith("speech") for t in titles)


def test_an_official_with_their_bank_in_brackets_speaks() -> None:
    """"Rob Kaplan (Dallas FED) Interview", "Tom Barkin (Richmond FED) speaks": the bracketed bank sits between the
    name and the verb, and the row is that official's speech, not a rate decision (round 21)."""
    text = ("The Week Ahead\n\nMonday – Sept 8th\n\n  • 8:00 AM — Anna Quill (Dallas FED) Interview\n"
            "  • 12:00 PM — Ben Roper (St. Louis FED) Speaks\n  • 1:00 PM — Cara Sand (Richmond Fed) speaks\n")
    assert speeches(text, "2031-09-07T12:00-04:00") == [
        ("2031-09-08T08:00-04:00", "Anna Quill speech"), ("2031-09-08T12:00-04:00", "Ben Roper speech"),
        ("2031-09-08T13:00-04:00", "Cara Sand speech")]


def test_an_abbreviation_inside_a_list_item_does_not_end_the_day_s_list() -> None:
    """"- U. Mich. April prelim sentiment": the full stop after "Mich" ends no sentence, so the officials listed after it
    stay on the heading's day (round 21: corpus 17)."""
    text = ("Economic calendar for the week ahead\n\nThursday:\n- Initial jobless claims\n- U. Mich. April prelim sentiment\n"
            "- Fed member Anna Quill\n- Fed member Ben Roper\n")
    assert speeches(text, "2031-05-18T10:00-04:00") == [("2031-05-22", "Anna Quill speech"), ("2031-05-22", "Ben Roper speech")]


def test_a_regional_fed_s_survey_is_data_not_the_bank() -> None:
    text = "Economic calendar for the week ahead\n\nFriday:\n- Empire Fed Manufacturing index\n- Philly Fed business survey\n"
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-05-18T10:00-04:00"))]
    assert got and all(category == "macro_data" for _, category in got)
