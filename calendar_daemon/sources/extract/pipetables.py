"""A table exported one cell a line with its pipes kept (issue 15, corpus 9 Chinese): a central bank's auction
plan prints each month as

    项目 |
    364天期 |
    2年期 |
    ---|---|---|
    投/开标日期 |
    2025年10月3日 |
    2025年10月17日 |

a header row of N cells, the separator, then rows of N cells. A row whose cells after its label are dates is
one event per column: the column and the row's label, without its "日期", are written after each date on a line
of its own ("2025年10月3日,364天期定期存单投/开标"), with the subject the page's title names (定期存单, 公债)
when the column does not. Only full dates are read."""

from __future__ import annotations

import re

_CELL = re.compile(r"^\s*(?P<cell>[^|\n]{1,30}?)\s*\|\s*$")
_SEPARATOR = re.compile(r"^\s*-{3,}(?:\s*\|\s*-{3,})*\s*\|?\s*$")
_FULL_DATE = re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日")
_SUBJECT = re.compile(r"定期存单|公债|国库券|债券|国债|短期票券")


def _cells(lines: list[str], i: int) -> tuple[list[str], int]:
    """The cells of consecutive pipe-ended lines from ``i``, and the line after them."""
    cells: list[str] = []
    while i < len(lines) and (m := _CELL.match(lines[i])):
        cells.append(m["cell"])
        i += 1
    return cells, i


def pipe_tables(text: str, zh: bool) -> str:
    """The text with each date row of a one-cell-a-line pipe table written as one line per column."""
    if not zh or "---|" not in text:
        return text
    subject = m[0] if (m := _SUBJECT.search(text[:200])) else ""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        header, j = _cells(lines, i)
        if len(header) < 2 or j >= len(lines) or not _SEPARATOR.match(lines[j]):
            out.append(lines[i])
            i += 1
            continue
        body, end = _cells(lines, j + 1)
        width = len(header)
        for r in range(0, len(body) - width + 1, width):
            label, values = body[r], body[r + 1:r + width]
            if all(_FULL_DATE.fullmatch(v) for v in values):
                what = label.replace("日期", "").strip()
                own = [c if _SUBJECT.search(c) else f"{c}{subject}" for c in header[1:]]
                out.extend(f"{v},{col}{what}。" for v, col in zip(values, own, strict=True))
        i = end
    return "\n".join(out)
