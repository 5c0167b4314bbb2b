"""Companies grouped under bare day numbers after one act (issue 15, corpus 12 Chinese): a week's summary
"本周将有40家公司除息,包括11日甲、乙,12日丙、丁,13日戊等" names the act once and then lists its
companies day by day. Each day's group is an event of that act on that day, so the act is written out
after every group ("11日甲、乙除息,12日丙、丁除息,…") and the day reader dates each one. At least two
day groups are needed: a single "包括11日甲" is an aside, not a schedule."""

from __future__ import annotations

import re

# The act said once, before the groups: ex-dividend and ex-rights days, results, listings, lock-ups.
_ACT = r"(?P<act>除权息|除息|除权|公布财报|发布财报|公布业绩|发布业绩|挂牌上市|上市|解禁|申购)"
_GROUP = r"(?<!\d)(?:[1-9]|[12]\d|3[01])日[^,;。\n\d]{2,60}"
_GROUPS = re.compile(
    rf"{_ACT}[^,;。\n]{{0,2}},\s*(?P<lead>(?:包括|包含|分别是|分别为|依序为|如)?:?\s*)(?P<groups>{_GROUP}(?:[,;]\s*{_GROUP})+)"
)
_ONE = re.compile(_GROUP)
_TRAILING_ETC = re.compile(r"\s*等$")


def _written_out(m: re.Match[str]) -> str:
    act = m["act"]
    groups = m["groups"]
    out = _ONE.sub(lambda g: f"{_TRAILING_ETC.sub('', g[0])}{act}", groups)
    return m[0][: m.start("lead") - m.start()] + out  # (the lead word would open the first title)


def day_groups(text: str, zh: bool) -> str:
    """The text with an act said once before its day-numbered company groups written after each group."""
    if not zh or "日" not in text:
        return text
    return _GROUPS.sub(_written_out, text)
