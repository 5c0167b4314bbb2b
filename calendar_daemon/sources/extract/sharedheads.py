"""Two publishers sharing one release name (issue 15, corpus 7 Chinese shape 5): "中国3月官方和财新制造业数据"
names the official and the Caixin manufacturing PMIs, two releases, but writes the release once. The
shared name is written out for each publisher ("官方制造业PMI和财新制造业PMI"), so that each is read as the
release it is."""

from __future__ import annotations

import re

_SHARED = re.compile(
    r"(?P<a>官方|统计局|中采)\s?(?P<sep>和|及|与|、)\s?(?P<b>财新)\s?(?P<head>制造业|服务业|非制造业)"
    r"(?:\s?PMI|\s?采购经理人?指数)?"
)


def shared_heads(text: str, zh: bool) -> str:
    """The text with "官方和财新制造业" written as "官方制造业PMI和财新制造业PMI"."""
    if not zh or "财新" not in text:
        return text
    return _SHARED.sub(lambda m: f"{m['a']}{m['head']}PMI{m['sep']}{m['b']}{m['head']}PMI", text)
