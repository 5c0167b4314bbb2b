"""A central bank's meeting calendar exported one cell a line, its header naming what each date column is (round
25, corpus 22 Traditional Chinese): each meeting's days, its decision at the clock of the reader's zone, and the
press conference a row's note announces (not the one it says there is none of). The page is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract
from calendar_daemon.sources.extract.datecolumns import date_columns

PAGE = """聯準會會議時刻為何關鍵?
聯準會每年舉行八次定期會議,決定美國的貨幣政策。
2031年聯準會會議時間表及利率決議公布時刻
以下列出2031年上半年的時間表,並標註台灣時區的利率決議公布時刻。
| 會議日期 (美國時間) |
利率決議公布時間 (台灣/香港時間) |
備註 |
| 2031年1月28-29日 |
2031年1月30日 凌晨3:00 |
會後有主席記者會及經濟預測摘要 |
| 2031年3月18-19日 |
2031年3月20日 凌晨2:00 |
會後無主席記者會 |
需留意,這些時間可能有所變動。
"""


def test_each_dated_cell_is_the_event_its_column_names() -> None:
    got = [(c.start, c.end, c.category) for c in extract(PAGE, datetime.fromisoformat("2031-01-10T10:00+08:00"))]
    assert ("2031-01-28", "2031-01-29", "central_bank") in got and ("2031-03-18", "2031-03-19", "central_bank") in got
    assert ("2031-01-30T03:00+08:00", None, "central_bank") in got and ("2031-03-20T02:00+08:00", None, "central_bank") in got
    assert ("2031-01-30", "2031-01-30", "central_bank") in got  # the press conference after January's decision
    assert ("2031-03-20", "2031-03-20", "central_bank") not in got  # "會後無主席記者會"


def test_a_table_naming_no_dated_column_is_left_as_it_is() -> None:
    text = "某表\n| 项目 |\n说明 |\n| 甲 |\n乙 |\n"
    assert date_columns(text) == text
