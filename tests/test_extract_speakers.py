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
