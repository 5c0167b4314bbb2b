"""Taiwan notices' numbered fields with Republic-of-China dates (issue 15, corpus 7 Chinese shape 9): a
filing lists "4.除權(息)交易日:115/06/285.最後過戶日:115/07/01", each field's date written YYY/MM/DD in
years of the Republic (115 is 2026) and the next field's number glued to it. Each date is written out
as a Gregorian date ("2026年6月28日") and each field ends its line, so that every field is read as a
dated item of its own; a period's start and end fields ("6.停止過戶起始日期:…7.停止過戶截止日期:…") are one
period ("停止过户期间:2026年7月2日至2026年7月6日")."""

from __future__ import annotations

import re

_ROC_SLASH = re.compile(r"(?<![\d/])(?P<y>1[0-4]\d)/(?P<m>0[1-9]|1[0-2])/(?P<d>0[1-9]|[12]\d|3[01])(?P<next>\d{1,2}\.(?!\d))?")

_DAY = r"\d{4}年\d{1,2}月\d{1,2}日"
_PERIOD = re.compile(rf"(?P<what>[^\s:。\d.]{{2,8}}?)起始日(?:期)?:(?P<a>{_DAY})。\n\d{{1,2}}\.(?P=what)截止日(?:期)?:(?P<b>{_DAY})。")


def roc_slash_dates(text: str, zh: bool) -> str:
    """The text with "115/06/28" written as "2026年6月28日" (and a field number glued after it on a new line)."""
    if not zh or "/" not in text:
        return text

    def written(m: re.Match[str]) -> str:
        day = f"{int(m['y']) + 1911}年{int(m['m'])}月{int(m['d'])}日"
        return f"{day}。\n{m['next']}" if m["next"] else day

    text = _ROC_SLASH.sub(written, text)
    return _PERIOD.sub(lambda m: f"{m['what']}期间:{m['a']}至{m['b']}。", text) if "起始日" in text else text
