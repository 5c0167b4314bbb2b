"""A holiday grid of exchanges, in Chinese, exported one cell a line (round 25, corpus 22 Traditional Chinese).

A broker's notice of how overseas exchanges trade over the holidays is a grid: the days are the columns, each
product a row of statuses, under the name of its exchange group::

    圣诞节及元旦假期各大交易所休市表 |
    2031/12/24(周三) |
    2031/12/25(周四) |
    2031/12/26(周五) |
    CME Group |
    |
    ||
    Globex Equity Index (指数期货) |
    正常交易 |
    交易关闭 |
    22:30推迟开盘 |

Each cell ends at its bar, wherever the line breaks. A group's closures are one sentence a day
("2031年12月25日CME Group休市。"), however many of its products close that day; a product's timed status is one
sentence of its own at that clock ("2031年12月26日22:30 CME Group Globex Equity Index (指数期货)推迟开盘。").
Open days are no event. A run of cells that is not such a grid is left as it is.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_DAY = re.compile(r"^(?P<y>\d{4})\s*[/年.-]\s*(?P<m>\d{1,2})\s*[/月.-]\s*(?P<d>\d{1,2})\s*日?\s*(?:[(（][^)）]{1,4}[)）])?$")
_OPEN = re.compile(r"^(?:[^\d]{0,12}(?:正常|照常)[^\d]{0,6}|开市|交易)$")  # ("可可/橙汁正常开市")
_CLOSED = re.compile(r"^(?:交易关闭|休市|全日休市|关闭|停市|暂停交易|不开放)$")
# "22:30推迟开盘", "延迟到20:30开市", "次日凌晨4:00提早收市"
_TIMED = re.compile(r"^(?P<next>次日)?(?:凌晨|早上|上午|下午|晚上)?(?P<late1>推迟|延迟|延后)?(?:到|至)?(?P<clock>\d{1,2}[:：]\d{2})\s*"
                    r"(?P<late2>推迟|延迟|延后)?(?:提早|提前)?(?P<what>开盘|开市|收盘|收市)(?:\s\S{1,30})?$")
_MIN_DAYS = 2


def _said(timed: re.Match[str]) -> str:
    """A timed status as the extractor reads it: an opening at a clock, or a late one, is "推迟开市"; else "提前收市"."""
    return "推迟开市" if timed["late1"] or timed["late2"] or timed["what"] in ("开盘", "开市") else "提前收市"


def _zh(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _status(cell: str) -> bool:
    return bool(_OPEN.match(cell) or _CLOSED.match(cell) or _TIMED.match(cell))


def _grid(cells: list[str]) -> tuple[int, int, list[str]] | None:
    """(first header cell, cells read, sentences) of the grid in ``cells``, or None."""
    h = next((i for i in range(len(cells) - _MIN_DAYS + 1) if all(_DAY.match(c) for c in cells[i:i + _MIN_DAYS])), None)
    if h is None:
        return None
    n = next((k for k in range(h, len(cells)) if not _DAY.match(cells[k])), len(cells)) - h
    days = [date(int(m["y"]), int(m["m"]), int(m["d"])) for c in cells[h:h + n] if (m := _DAY.match(c))]
    k, section, sentences, rows = h + n, "", [], 0
    while k + 1 < len(cells) and cells[k]:
        label, statuses = cells[k], cells[k + 1:k + 1 + n]  # (fewer at the end of a page cut off mid-row)
        if not any(statuses) and len(statuses) == n:
            section = label
        elif all(_status(s) for s in statuses):
            rows += 1
            who = section or label
            for day, s in zip(days, statuses, strict=False):
                if _CLOSED.match(s) and (line := f"{_zh(day)}{who}休市。") not in sentences:
                    sentences.append(line)
                elif timed := _TIMED.match(s):
                    when = _zh(day + timedelta(days=1) if timed["next"] else day)
                    sentences.append(f"{when}{timed['clock']} {who if section else ''} {label}{_said(timed)}。")
        else:
            break
        k += n + 1
    return (h, k, sentences) if rows else None


def status_grids(text: str) -> str:
    """The text with each exchanges' holiday grid written as its closures and timed openings, one sentence each."""
    if "|" not in text or ("休市" not in text and "关闭" not in text):
        return text
    lines, out, i = text.split("\n"), [], 0
    while i < len(lines):
        j = i
        while j < len(lines) and "|" in lines[j]:
            j += 1
        run = lines[i:j]
        cells = [c.strip() for c in "\n".join(run).split("|")][:-1] if run else []
        grid = _grid([" ".join(c.split()) for c in cells]) if len(cells) > _MIN_DAYS else None
        if grid is None:
            out.extend(run or [lines[i]])
            i = max(j, i + 1)
            continue
        first, last, sentences = grid
        before, after = " ".join(c for c in cells[:first] if c), " ".join(c for c in cells[last:] if c)
        out.extend([line for line in (before, *sentences, after) if line])
        i = j
    return "\n".join(out)
