"""Notices printed as records of "field : value" lines (issue 15, corpus 15 Chinese shape S07): a monetary
authority's tender notice lists, for each issue, "可供投标票据 : 外汇基金票据", "发行号码 : Q1522", then
"投标日期 : …", "发行日期 : …", "届满日期 : …". A date field alone says only "投标日期"; the record's own name
and code say what is tendered, issued or repaid. Each date field of such a record is rewritten as one dated
line, "2015年6月2日,外汇基金票据Q1522投标", which the sentence reader dates like any other."""

from __future__ import annotations

import re

from .numerals import cn_int

# a field line: a short Chinese key, a colon, its value
_FIELD = re.compile(r"^[ \t]*(?P<key>[\u4e00-\u9fff]{2,10})[ \t]*[:：][ \t]*(?P<value>[^\n]*?)[ \t]*$")
# a date field: what happens that day, then 日期 ("投标日期", "届满日期", "上市日")
_DATE_KEY = re.compile(r"(?P<what>[\u4e00-\u9fff]{1,6}?)(?:日期|日)")
# the fields that name the record: the security ("可供投标票据 : 外汇基金票据", "债券名称") and its code
_NAME_KEY = re.compile(r"票据|债券|证券|名称|简称|品种")
_CODE_KEY = re.compile(r"号码|代码|编号")
_CODE = re.compile(r"[A-Za-z0-9]{2,12}")
_MIN_FIELDS = 4  # a record has a few fields; two "key : value" lines are prose as often as not


# a field's date in Chinese numerals (the normaliser has made a "○" zero "〇"); the time reader takes its year only in digits
_CN_DATE = re.compile(r"(?P<y>[〇零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月(?P<d>[一二三四五六七八九十]{1,3})日")


def _arabic(value: str) -> str:
    """"二〇一五年六月二日" written "2015年6月2日", read as one date."""
    def one(m: re.Match[str]) -> str:
        year, month, day = cn_int(m["y"]), cn_int(m["m"]), cn_int(m["d"])
        return m[0] if year is None or month is None or day is None else f"{year}年{month}月{day}日"
    return _CN_DATE.sub(one, value)


def field_records(text: str, zh: bool) -> str:
    """The text with each date field of a named record written as one dated line of what happens that day."""
    if not zh or text.count(":") + text.count("：") < _MIN_FIELDS:
        return text
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _FIELD.match(lines[j]):
            j += 1
        if j - i >= _MIN_FIELDS:
            _dated_fields(lines, i, j)
        i = max(j, i + 1)
    return "\n".join(lines)


def _dated_fields(lines: list[str], start: int, end: int) -> None:
    """Rewrite in place the date fields of the record ``lines[start:end]``, when it names what it is about."""
    fields = [(k, m) for k in range(start, end) if (m := _FIELD.match(lines[k])) is not None]
    name = next((m["value"] for _, m in fields if _NAME_KEY.search(m["key"]) and not _DATE_KEY.fullmatch(m["key"])), "")
    if not name:
        return
    code = next((m["value"] for _, m in fields if _CODE_KEY.search(m["key"]) and _CODE.fullmatch(m["value"])), "")
    for k, m in fields:
        if (day := _DATE_KEY.fullmatch(m["key"])) is not None and m["value"]:
            lines[k] = f"{_arabic(m['value'])},{name}{code}{day['what']}"
