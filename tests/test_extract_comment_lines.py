"""A preview's analyst notes under its items ("关键点:…", "背景:…", "市场影响:…") explain the item above them; they add
no event of their own (issue 15, a community post's week ahead in corpus 14). The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-04-13T08:00+08:00")  # a Sunday

PREVIEW = (
    "周二(4月15日)\n"
    "某国央行副行长讲话(21:00)\n"
    "关键点:副行长将在一个金融论坛上发表讲话,市场关注其对利率路径的表态。若释放鸽派信号,或加剧汇市波动。\n"
    "背景:近期该国政府多次要求降息;反之则引发对政策混乱的担忧。\n"
    "周三(4月16日)\n"
    "欧元区制造业PMI初值公布\n"
    "市场影响:若数据走弱,可能推动降息预期升温,利空欧元。\n"
)


def test_notes_under_a_days_items_add_nothing() -> None:
    got = [(c.category, c.start[:10]) for c in extract(PREVIEW, PUBLISHED)]
    assert got == [("central_bank", "2031-04-15"), ("macro_data", "2031-04-16")]


def test_one_labelled_line_is_kept() -> None:
    """A single "背景:" line is no preview's set of notes: it is read as any sentence."""
    text = "背景:某公司将于4月16日公布一季度业绩。\n"
    assert [(c.category, c.start) for c in extract(text, PUBLISHED)] == [("earnings", "2031-04-16")]
