"""A table whose header names what each date column is, exported one cell a line (round 25, corpus 22 Traditional
Chinese): a central bank's meeting calendar prints each meeting as a row of its days, the day its decision is
announced (in the reader's zone) and a note::

    联准会2031年会议时间表及利率决议公布时刻
    | 会议日期 (美国时间) |
    利率决议公布时间 (台湾/香港时间) |
    备注 |
    | 2031年1月28-29日 |
    2031年1月30日 凌晨3:00 |
    会后有主席记者会 |

Each date cell is written as a line of its own, the date, the institution the caption above the table names and
what its column's header says the date is ("2031年1月28-29日,联准会议息会议。": a central bank's "会议" is its policy
meeting; "2031年1月30日凌晨3:00,联准会利率决议公布。"), and a note that a press conference follows dates it on the
row's last date ("2031年1月30日,联准会主席记者会。").
A row opens with "|"; a table whose header names no dated column is left as it is.
"""

from __future__ import annotations

import re

_HEADER_DATE = re.compile(r"日期|时间|时刻")
_ZONE_NOTE = re.compile(r"\s*[(（][^)）]{0,16}[)）]\s*")  # "(美国时间)"
_DATE = re.compile(r"^(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}(?:\s*[-–~至]\s*\d{1,2})?日")
_INSTITUTION = re.compile(r"联准会|美联储|联储局|欧洲央行|英国央行|英伦银行|日本央行|日本银行|澳洲联储|加拿大央行|纽西兰联储|"
                          r"瑞士央行|人民银行|中国央行|央行")
_PRESS = re.compile(r"记者会")
_NO_PRESS = re.compile(r"[无没不]\S{0,3}记者会")  # "会后无主席记者会"
_CAPTION_LINES = 3  # lines above the table where its caption may stand


def _rows(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """The rows of a table starting at line ``i`` (each row opens with "|", each cell ends with one), and the line after."""
    rows: list[list[str]] = []
    while i < len(lines) and lines[i].rstrip().endswith("|"):
        cell = lines[i].strip().strip("|").strip()
        if lines[i].lstrip().startswith("|") or not rows:
            rows.append([])
        rows[-1].append(cell)
        i += 1
    return rows, i


def _columns(header: list[str]) -> list[str]:
    """What each column's dates are ("" for a column of no dates): its header without "日期"/"时间" and its zone."""
    return [_HEADER_DATE.sub("", _ZONE_NOTE.sub("", cell)).strip() if _HEADER_DATE.search(cell) else "" for cell in header]


def date_columns(text: str) -> str:
    """The text with each date of a date-column table as a line naming the institution and what the date is."""
    if "| " not in text or not ("日期" in text or "时间" in text):
        return text
    lines, out, i = text.split("\n"), [], 0
    while i < len(lines):
        if not lines[i].lstrip().startswith("|"):
            out.append(lines[i])
            i += 1
            continue
        rows, j = _rows(lines, i)
        columns = _columns(rows[0]) if rows else []
        if len(rows) < 2 or sum(1 for c in columns if c) < 2:
            out.extend(lines[i:max(j, i + 1)])
            i = max(j, i + 1)
            continue
        caption = " ".join(out[-_CAPTION_LINES:])
        who = m[0] if (m := _INSTITUTION.search(caption)) else ""
        for row in rows[1:]:
            dated = [(cell, what, m[0]) for cell, what in zip(row, columns, strict=False) if what and (m := _DATE.match(cell))]
            out.extend(f"{''.join(cell.split())},{who}{'议息会议' if who and what == '会议' else what}。" for cell, what, _ in dated)  # (a bank's meeting)
            notes = [cell for cell, what in zip(row, columns, strict=False) if not what]
            if dated and any(_PRESS.search(note) and not _NO_PRESS.search(note) for note in notes):
                out.append(f"{dated[-1][2]},{who}主席记者会。")
        i = j
    return "\n".join(out)
