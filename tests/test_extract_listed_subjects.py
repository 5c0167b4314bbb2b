"""Several subjects of one event named in a list (issue 15, corpus 7 Chinese shapes 3 and 4): a counted list
of companies ("甲、乙、丙三家公司上市") after a week's results is one listing per company in that week (a list
whose count disagrees names no one); banks listed as the subject of one event ("甲央行和乙联储将公布会议纪要")
are one event per bank. The articles are our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

SATURDAY = datetime.fromisoformat("2026-05-09T12:00+08:00")


def listings(text: str) -> list[tuple[str, str | None, str, str]]:
    return sorted((c.start, c.end, c.precision, c.title) for c in extract(text, SATURDAY) if c.category == "ipo")


def test_each_company_of_a_counted_list_lists_in_the_week() -> None:
    text = "下周前瞻\n\n财报方面,下周将有青山材料、远帆股份等公司发布财报,金穗科技、云岭传媒和海川电子三家公司上市。\n"
    week = ("2026-05-11", "2026-05-17", "week")
    assert listings(text) == [(*week, "云岭传媒上市"), (*week, "海川电子上市"), (*week, "金穗科技上市")]
    assert [c.precision for c in extract(text, SATURDAY) if c.category == "earnings"] == ["week"]


def test_a_count_that_disagrees_with_the_names_lists_no_one() -> None:
    text = "下周前瞻\n\n财报方面,下周将有青山材料发布财报,金穗科技、云岭传媒两家公司上市。\n"
    assert [t for *_, t in listings(text)] == ["云岭传媒上市", "金穗科技上市"]
    text = "下周前瞻\n\n财报方面,下周将有青山材料发布财报,金穗科技、云岭传媒三家公司上市。\n"
    assert all(t.removesuffix("上市") != "金穗科技" for *_, t in listings(text))


def test_banks_listed_as_the_subject_of_one_event_are_one_event_each() -> None:
    # corpus 7 Chinese shape 4: two banks joined by "和" as the subject of "将公布…会议纪要"
    text = ("下周前瞻\n\n下周重点关注海外市场。\n"
            "欧洲央行将召开理事会会议,瑞士央行和新西兰联储将公布上次会议纪要。\n")
    got = sorted((c.start, c.end, c.precision, c.region) for c in extract(text, SATURDAY) if c.category == "central_bank")
    week = ("2026-05-11", "2026-05-17", "week")
    assert got == [(*week, "CH"), (*week, "EU"), (*week, "NZ")]
