"""A notice typed at a fixed width: its lines joined back into sentences.

An exchange filing reprinted as typed breaks its lines at a fixed width, anywhere in a sentence, in
a word or in a date, and a page often puts a blank line after each (invented example)::

    二、核准配发每股现金股利4.00元,其普通股配息基准日订定为2031年9月18日,除息交易日则为

    2031年9月12日。依公司法规定,自2031年9月14日起至9月18日止,停止普通股股

    票过户,并于2031年10月9日发放。

A line as wide as the text's widest lines (within a few columns: several lines must share the width) that does not end a sentence
runs on into the next one: the two are joined, so that "股票过户" and its dates are read together. It
takes several such lines, each with a sentence's punctuation inside it, to tell a fixed width from prose
whose paragraphs merely happen to be long or from a list of headlines of about the same length.
"""

from __future__ import annotations

import re
import unicodedata

_MIN_WIDTH = 50  # display columns: a fixed-width filing's lines are long (about 70 to 80 columns)
_SLACK = 8  # columns a wrapped line may fall short of the widest one (a wide character did not fit)
_MIN_WRAPPED = 3  # lines at the width that do not end a sentence
_ENDS = "。!?！？;；:：)）」』】"
_INSIDE = re.compile(r"[,，。;；]")  # a sentence running through the line (a list of headlines has none)
_STARTS_ITEM = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.、]|[(（]|[-•·*])")


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _fixed_width(widths: list[int]) -> int | None:
    """The widest width that several lines reach within a few columns (a line already joined, such as
    a date the normaliser put back together, is wider and does not count), if it is a filing's."""
    ranked = sorted((w for w in widths if w >= _MIN_WIDTH), reverse=True)
    for k, w in enumerate(ranked):
        if k + _MIN_WRAPPED <= len(ranked) and ranked[k + _MIN_WRAPPED - 1] >= w - _SLACK:
            return w
    return None


def wrapped_lines(text: str, zh: bool) -> str:
    """``text`` with the lines of a fixed-width notice joined where they break a sentence."""
    if not zh or text.count("\n") < 2 * _MIN_WRAPPED:
        return text
    lines = text.split("\n")
    widths = [_width(ln.rstrip()) if len(ln) >= _MIN_WIDTH // 2 else 0 for ln in lines]
    width = _fixed_width(widths)
    if width is None:
        return text
    wrapped = [i for i, ln in enumerate(lines)
               if widths[i] >= width - _SLACK and ln.rstrip()[-1:] not in _ENDS and _INSIDE.search(ln.rstrip()[:-1])]
    if len(wrapped) < _MIN_WRAPPED:
        return text
    for i in reversed(wrapped):
        k = i + 1
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k < len(lines) and not _STARTS_ITEM.match(lines[k]):
            lines[i] = lines[i].rstrip() + lines[k].lstrip()
            del lines[i + 1:k + 1]
    return "\n".join(lines)
