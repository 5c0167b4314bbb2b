"""A release named again by a back reference (issue 15, corpus 6 shape 9): "Analysts look for
firmer factory-gate prices, as tracked by the producer price index. That indicator is due out Thursday."
The second sentence dates the release the first one names: "That indicator" is written as that
release's name, so the sentence reader sees what is due out on Thursday. Only a reference that opens a
sentence and is followed by its verb, and only to the last release the sentence before it names, in
the same paragraph."""

from __future__ import annotations

import re

from .releases import placed_releases

_BACK = re.compile(r"(?<=[.!?] )(?:That|This) (?:indicator|gauge|measure|report|reading|figure|index)\b"
                   r"(?= (?:will|is|are|comes|gets|should|is due|is expected)\b)")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s|\n)(?:[^.!?\n]|[.!?](?!\s))*$")  # ("9.8%" ends nothing)


def named_back(text: str) -> str:
    """``text`` with each back reference to a release written as that release's name."""
    if "That " not in text and "This " not in text:
        return text
    out, pos = [], 0
    for m in _BACK.finditer(text):
        before = text[:m.start()].rstrip()
        start = _SENTENCE_START.search(before[:-1])  # the sentence before, up to its own full stop
        if start is None or "\n\n" in text[start.start():m.start()]:
            continue
        named = placed_releases(before[start.start():])
        if not named:
            continue
        out += [text[pos:m.start()], "The " + named[-1].text]
        pos = m.end()
    return "".join(out) + text[pos:]
