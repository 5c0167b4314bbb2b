"""Schedule changes: "原定X…顺延至Y", "推迟至", "延期至", "改至", "postponed to", "moved to", "delayed until".

The event happens at the new date; the original date is information about it, not a second event.
:func:`find_move` reads one sentence and says which of its time expressions is the new date and which
are the original ones.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date

from . import classify as C
from .collapse import Found
from .resolved import iso
from .timematch import TimeMatch
from .vocabulary import may_hold

logger = logging.getLogger(__name__)

# The change verb and the preposition that introduces the new date.
_MOVE = re.compile(
    r"(?:顺延|推迟|延期|延后|延迟|推后|改期|调整|更改|改)(?:举行|召开|上市)?(?:至|到|为)"
    r"|(?:顺延|推迟|延后|推后)[一二两三\d]{1,2}(?:天|日|个工作日)[,，]?\s*即"  # "顺延一天,即9月10日上午9:30对外发布"
    r"|\b(?:postponed|delayed|pushed\s+back|moved|rescheduled|shifted|put\s+off|brought\s+forward)\s+"
    r"(?:(?:back|forward)\s+)?(?:to|until|till|for)\b",
    re.IGNORECASE)
# What every match of _MOVE holds besides one of the characters 延推改调: one of these words, in any case.
_MOVE_EN = ("postponed", "delayed", "pushed", "moved", "rescheduled", "shifted", "put", "brought")
# "或推迟至5月" (may slip to May) is a guess, not a change.
_HEDGE = re.compile(r"(?:或|或将|或许|可能|也许|恐|恐将|有望|\bmay(?:\s+be)?|\bmight(?:\s+be)?|\bcould(?:\s+be)?|"
                    r"\bwould(?:\s+be)?|\blikely\s+(?:to\s+)?be)\s*$", re.IGNORECASE)
# A date named as the old one: "原定3月10日", "originally scheduled for May 12", "from March 12".
_SCHEDULED = r"\s+(?:(?:set|scheduled|planned|slated|due)\s+)?(?:for|on)?\s*$"  # "… scheduled for" before the date
_ORIGINAL = re.compile(rf"(?:原定|原计划|原本|原先|原订|本应|原)(?:的|于|在)?\s*$|\b(?:originally|initially|previously|first){_SCHEDULED}"
                       r"|\bfrom\s+$", re.IGNORECASE)
# A bracketed note of the old date after the new one: "21st May (Previously scheduled for 27th May)"
_OLD_NOTE = re.compile(rf"\(\s*(?:originally|initially|previously){_SCHEDULED}", re.IGNORECASE)
_NEW_GAP = 24  # the new date follows the verb this closely ("顺延至其后第一个工作日,即2026年10月19日")


@dataclass
class Move:
    """One sentence's schedule change: the new date's expression, the original ones, the original days."""

    new: TimeMatch
    original: str  # ISO value of the (first) original date
    originals: list[TimeMatch] = field(default_factory=list)
    days: set[date] = field(default_factory=set)  # the original days of this change and of the later ones
    later: list[Move] = field(default_factory=list)  # further changes in the sentence ("…由原定A顺延至B;…由原定C顺延至D")

    def step_of(self, tm: TimeMatch) -> Move | None:
        """The change whose new date ``tm`` is, if any."""
        return next((m for m in (self, *self.later) if m.new is tm), None)

    def is_original(self, tm: TimeMatch) -> bool:
        return any(tm in m.originals for m in (self, *self.later))


def _clause_of(sentence: str, pos: int) -> str:
    starts = [m.end() for m in re.finditer(r"[,，;；]", sentence[:pos])]
    end = re.search(r"[,，;；]", sentence[pos:])
    return sentence[starts[-1] if starts else 0:pos + (end.start() if end else len(sentence) - pos)]


def named_old(sentence: str, times: list[TimeMatch]) -> list[TimeMatch]:
    """``times`` without a date named as the old one beside a new one, with or without a verb of change:
    "Wednesday, 21st May 2031 (Previously scheduled for 27th May 2031)" is on the 21st only."""
    if len(times) < 2 or not may_hold(sentence, ("originally", "initially", "previously")):
        return times
    old = [t for t in times if _OLD_NOTE.search(sentence[max(0, t.start - 40):t.start])]
    return [t for t in times if t not in old] if len(old) < len(times) else times


def find_move(sentence: str, times: list[TimeMatch]) -> Move | None:
    """The schedule changes this sentence states, if any: the first, with the others in its ``later``."""
    if not (any(c in sentence for c in "延推改调") or may_hold(sentence, _MOVE_EN)):
        return None
    moves: list[Move] = []
    for verb in _MOVE.finditer(sentence):
        after = moves[-1].new.end if moves else 0
        if verb.start() < after or _HEDGE.search(sentence[max(0, verb.start() - 10):verb.start()]):
            continue
        if (move := _one_move(sentence, [t for t in times if t.start >= after], verb)) is not None:
            moves.append(move)
    if not moves:
        return None
    first = moves[0]
    first.later = moves[1:]
    first.days = set().union(*(m.days for m in moves))
    return first


def _one_move(sentence: str, times: list[TimeMatch], verb: re.Match[str]) -> Move | None:
    # "delayed until March 26": a deadline reading of the new date may start at the verb's preposition
    new = next((t for t in times if t.end > verb.end() and verb.start() <= t.start <= verb.end() + _NEW_GAP), None)
    if new is None:
        return None
    originals = []
    for t in times:
        if t is new or t.resolved.start is None:
            continue
        before = sentence[max(0, t.start - 24):t.start]
        named = _ORIGINAL.search(before) is not None
        # "因10月17日为休息日,兑付日顺延至…": a date in a clause with no event of its own, before the change.
        idle = t.end <= verb.start() and not C.TRIGGER.found(_clause_of(sentence, t.start).replace(sentence[t.start:t.end], ""))
        if named or idle:
            originals.append(t)
    if not originals:
        return None
    days = {d for t in originals if (d := t.resolved.first_day()) is not None}
    first = originals[0].resolved
    original = (iso(first.start) if first.precision == "datetime" else str(first.first_day())) or ""
    logger.debug("schedule change in %r: %s -> %s", sentence[:60], original, new.span_text(sentence))
    return Move(new, original, originals, days)


def drop_moved(found: list[Found], move: Move, sent_no: int) -> None:
    """A change of date ("因10月17日为休息日,兑付日顺延至…") retires the original date proposed by the
    sentences just before it for the same kind of event."""
    moved = {f.cand.category for f in found if f.sentence == sent_no and f.cand.rescheduled_from}
    for f in [f for f in found if sent_no - 2 <= f.sentence < sent_no and f.cand.category in moved]:
        if date.fromisoformat(f.cand.start[:10]) in move.days:
            found.remove(f)
            logger.debug("%r at %s was moved; dropped", f.cand.title, f.cand.start)
