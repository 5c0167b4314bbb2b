"""A tariff notice (issue 15, round 23): extra duties on imported goods from a day and a clock on are a policy
change, not a release of import data ("进口商品" are the goods taxed, not "进口" figures). The notice is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract


def test_extra_duties_on_imported_goods_are_a_policy_change_at_their_clock() -> None:
    text = ("某委员会关于对原产于某国的进口商品加征关税的公告\n\n"
            "经批准,自2031年4月10日12时01分起,对原产于某国的进口商品加征关税。\n")
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-04-04T12:00+08:00"))]
    assert got == [("2031-04-10T12:01+08:00", "policy")]


def test_import_figures_stay_data() -> None:
    text = "数据前瞻\n\n海关总署将于4月13日公布3月进口数据。\n"
    got = [(c.start, c.category) for c in extract(text, datetime.fromisoformat("2031-04-04T12:00+08:00"))]
    assert got == [("2031-04-13", "macro_data")]
