"""Long alternations of words (event words, region words), asked only whether they occur in a text or
where they first do, answered faster than by one compiled pattern.

Python's regex engine tries every alternative of an alternation at every position of the text. Split
in parts, the alternatives that begin with a Chinese character let it skip straight to those
characters, and the ones that begin with a Latin letter are only tried where a letter stands. A
position matches the whole alternation exactly when it matches one of its alternatives, so the answers
are those of the single pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# An alternative that begins with a Chinese character (not made optional by a quantifier after it).
_CJK_FIRST = re.compile(r"[\u4e00-\u9fff](?![?*{])")
# One that begins with a Latin letter (or a set of them: "[Cc]entral"), maybe after a word boundary, or is
# one case-sensitive word ("(?-i:Meta)").
_LATIN_FIRST = re.compile(r"(?:\\b)?(?:[A-Za-z]|\[[A-Za-z]+\])(?![?*{])|\(\?-i:[A-Za-z](?![?*{])[^|]*\)$")
# Patterns that are read whole: global flags written inside them, references to a group by number or name.
_WHOLE = re.compile(r"^\(\?[aiLmsux]+\)|\\[1-9]|\(\?P=")


def _syntax(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(position, character, depth of groups after it) of each "(", ")" and "|" of ``pattern`` that is
    syntax (not escaped, not in a character set)."""
    depth, i, in_set = 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_set:
            in_set = ch != "]"
        elif ch == "[":
            in_set = True
            if pattern[i + 1:i + 2] == "]":  # "[]…]": a leading "]" is a member
                i += 1
        elif ch in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[ch]
            yield i, ch, depth
        i += 1


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (its ``|`` outside groups and character sets)."""
    cuts = [i for i, ch, depth in _syntax(pattern) if ch == "|" and depth == 0]
    return [pattern[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(pattern)], strict=True)]


def _distributed(alt: str) -> list[str]:
    """``alt`` with a leading plain group spread over what follows it: "(?:A|B)x" is "Ax|Bx", whose
    alternatives each begin with their own first character (not when the group repeats, nor when what
    follows names a group, which may not be named twice)."""
    bound = r"\b" if alt.startswith(r"\b(?:") else ""  # "\b(?:A|B)" is "\bA|\bB"
    group = alt[len(bound):]
    if not group.startswith("(?:") or "(?P<" in group:
        return [alt]
    end = next(i for i, ch, depth in _syntax(group) if ch == ")" and depth == 0)
    after = group[end + 1:]
    if after[:1] in ("?", "*", "+", "{"):
        return [alt]
    return [bound + inner + after for inner in alternatives(group[3:end])]


class Vocabulary:
    """``re.compile(pattern, flags)``, for ``found`` (does it occur?) and ``first`` (where does its
    first match start?); ``rx`` is the whole pattern, for everything else."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.rx = re.compile(pattern, flags)
        cjk: list[str] = []
        latin: list[str] = []
        rest: list[str] = []
        for alt in [pattern] if _WHOLE.search(pattern) else [a for b in alternatives(pattern) for a in _distributed(b)]:
            (cjk if _CJK_FIRST.match(alt) else latin if _LATIN_FIRST.match(alt) else rest).append(alt)
        parts = ["|".join(cjk)] if cjk else []
        if latin:  # the letter is read with the pattern's flags, as the alternatives read it
            parts.append("(?=[A-Za-z])(?:" + "|".join(_at_word_starts(latin)) + ")")
        if rest:
            parts.append("|".join(rest))
        self._parts = tuple(re.compile(p, flags) for p in parts)

    def found(self, text: str) -> bool:
        for rx in self._parts:  # noqa: SIM110 -- a plain loop: asked thousands of times per article, any() over a generator costs more
            if rx.search(text) is not None:
                return True
        return False

    def first(self, text: str) -> int | None:
        starts = [m.start() for rx in self._parts if (m := rx.search(text)) is not None]
        return min(starts) if starts else None


def _at_word_starts(latin: list[str]) -> list[str]:
    """The alternatives that begin with a word boundary behind one boundary: inside a word, one test
    rules them all out."""
    bounded = [alt.removeprefix(r"\b") for alt in latin if alt.startswith(r"\b")]
    return ([r"\b(?:" + "|".join(bounded) + ")"] if bounded else []) + [alt for alt in latin if not alt.startswith(r"\b")]


# The characters besides Latin letters that a Latin letter matches ignoring case: İ and ı (i), ſ (s),
# the Kelvin sign (k).
FOLDED_LATIN = "\u0130\u0131\u017f\u212a"
_FOLDED_LATIN = re.compile(f"[{FOLDED_LATIN}]")


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """False only when a pattern read ignoring case, every match of which holds one of ``words`` (lower
    case, Latin letters), cannot match ``text``."""
    low = text.lower()
    for word in words:
        if word in low:
            return True
    return not text.isascii() and _FOLDED_LATIN.search(text) is not None


def led_by(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` for a pattern every match of which begins with one of the characters
    ``first`` (a character set's contents: "\\d月"). The regex engine tries a pattern that opens with a
    look-behind or an optional group in full at every position of the text; a look-ahead for the first
    character put before it turns nearly every position away in one step. The matches are the same."""
    return re.compile(f"(?=[{first}])(?:{pattern})", flags)
