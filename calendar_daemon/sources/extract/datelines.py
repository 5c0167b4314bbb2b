"""A page's own date line under a "published on" label:

    PUBLISHED ON |

    3 May 2024

    • Most members will keep reporting quarterly. …

An author's byline with the publication stamp after the name ("By Jane Roe June 12, 2031, 5:00 pm") is the
page's time too: the stamp is taken out of the line, the name kept.

The label ("Published on", "Posted on", "Last updated", "Date published", with a trailing "|" or
":") stands on a line of its own and the page's date alone on one of the next lines. The date is the
page's, not an event day: left in the text it would head the summary bullets after it. Both lines
are blanked (their line count kept). A portal's labelled stamp in either language ("发布时间:2031-09-22 16:21:34",
"发布时间:03:00 2031-10-10 HKT") is taken out of its line in the same way."""

from __future__ import annotations

import re

_LABEL_PATTERN = (r"^[ \t]*(?:published(?: on)?|posted(?: on)?|(?:last )?updated(?: on)?|date published|"
                  r"publication date)[ \t]*[|:]?[ \t]*$")
_LABEL = re.compile(_LABEL_PATTERN, re.IGNORECASE)
_ANY_LABEL = re.compile(_LABEL_PATTERN, re.IGNORECASE | re.MULTILINE)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE_ONLY = re.compile(
    rf"^[ \t]*(?:\d{{1,2}}[ \t]+{_MONTH}[ \t]+\d{{4}}|{_MONTH}[ \t]+\d{{1,2}},?[ \t]+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:[ \t]+\d{1,2}:\d{2}(?:[ \t]*[ap]\.?m\.?)?)?[ \t]*$",
    re.IGNORECASE,
)
# "By Jane Roe June 12, 2031, 5:00 pm", "By Jane Roe | 12 June 2031 17:00": a stamp has its year
_BYLINE_STAMP = re.compile(
    rf"(\bBy [A-Z][a-z’'\-]{{1,20}} [A-Z][A-Za-z’'\-]{{1,25}})[ \t]*[,|·•]?[ \t]*(?:(?:Published|Updated|Posted)[ \t]*:?[ \t]*)?"
    rf"(?:{_MONTH}[ \t]+\d{{1,2}},?[ \t]+\d{{4}}|\d{{1,2}}[ \t]+{_MONTH}[ \t]+\d{{4}})"
    r"(?:,?[ \t]+\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]+(?:ET|EST|EDT|GMT|BST|UTC))?)?",
)
_CN_STAMP = re.compile(r"(?:发布|发表|更新)(?:时间|日期)[ \t]*[:：][ \t]*(?=[0-9])[0-9:：\-/. \t年月日]{6,30}(?:[ \t]*(?:HKT|CST|GMT|UTC))?")
_LOOK_AHEAD = 3  # lines after the label, blank ones included


def without_date_lines(text: str) -> str:
    """The text without a publication label and the page date on a line after it, and without the stamp of an
    author's byline."""
    if "By " in text:
        text = _BYLINE_STAMP.sub(r"\1", text)
    if not _ANY_LABEL.search(text):
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not _LABEL.match(line):
            continue
        for k in range(i + 1, min(i + 1 + _LOOK_AHEAD, len(lines))):
            if _DATE_ONLY.match(lines[k]):
                lines[i] = lines[k] = ""
                break
            if lines[k].strip():
                break
    return "\n".join(lines)


def without_stamps(text: str) -> str:
    """``text`` without a portal's labelled publication stamps ("发布时间:2031-09-22 16:21:34")."""
    return _CN_STAMP.sub("", text) if "时间" in text or "日期" in text else text
