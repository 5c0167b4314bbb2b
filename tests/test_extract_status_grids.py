"""An exchanges' holiday grid exported one cell a line (round 25, corpus 22 Traditional Chinese): the days are the
columns, each product a row of statuses under its exchange group. A group's closures are one event a day; a
product's late opening or early close is an event at its clock (the next day's, when the cell says 次日). The
notice is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.statusgrids import status_grids

NOTICE = """作者:某某國際金融服務有限公司 2031-11-28
2031聖誕節及2032元旦假期交易所休市安排
尊敬的客戶:
境外部分交易所交易時間有所調整,具體調整時間公布如下:
各大交易所休市表 |
||||
|
2031/12/24(週三) |
2031/12/25(週四) |
2031/12/26(週五) |
2032/1/1(週四) |
CME Group |
|
|
||
Globex Equity Index (指數期貨) |
正常交易 |
交易關閉 |
正常交易 |
交易關閉 |
Globex Ags (農產品) |
正常交易 |
交易關閉 |
22:30推遲開盤 |
交易關閉 |
ICE_Europe |
|
|
||
ICE EU Energies (布蘭特期油) |
次日凌晨4:00提早收市 |
交易關閉 |
正常交易 |
正常交易 |
如有疑問,請聯絡客服。
"""


def test_each_group_closes_once_a_day_and_each_timed_status_is_at_its_clock() -> None:
    got = sorted((c.start, c.category) for c in extract(NOTICE, datetime.fromisoformat("2031-11-28T10:00+08:00")))
    assert got == [("2031-12-25", "other"), ("2031-12-25", "other"), ("2031-12-25T04:00+08:00", "other"),
                   ("2031-12-26T22:30+08:00", "other"), ("2032-01-01", "other")]


def test_the_grid_is_written_as_one_sentence_an_event_and_other_text_is_kept() -> None:
    text = status_grids(NOTICE.replace("聖誕節", "圣诞节").replace("關閉", "关闭").replace("推遲開盤", "推迟开盘")
                        .replace("提早收市", "提早收市"))
    assert "2031年12月25日CME Group休市。" in text and "2032年1月1日CME Group休市。" in text
    assert "2031年12月26日22:30 CME Group Globex Ags (農產品)推迟开市。" in text
    assert "2031年12月25日4:00 ICE_Europe ICE EU Energies (布蘭特期油)提前收市。" in text
    assert text.count("CME Group休市") == 2  # not once per product
    assert text.endswith("如有疑問,請聯絡客服。\n") and text.startswith("作者:")


def test_cells_that_are_not_one_status_a_day_are_left_as_they_are() -> None:
    text = "表 |\n2031/12/24 |\n2031/12/25 |\n某产品 |\n价格上涨 |\n休市 |\n"
    assert status_grids(text) == text
