"""Keeping the ledger in step with events and rules.

* :meth:`Replanner.full` — at start when the rules changed (or nothing was planned yet), and after
  SIGHUP: re-plans the events in progress and restarts the walk of the horizon from now.
* :meth:`Replanner.extend` — walks the horizon forward in order of start time, ``PLAN_CHUNK`` events
  at a time: plans what enters the horizon as time passes, and finishes a walk begun by ``full``.
  Each chunk is reconciled: planned rows no rule wants any more are cancelled, missing ones inserted.
* :meth:`Replanner.changed` — after any write (seed, import, API, another process): re-plans only
  the events written since the last data version, those whose alerts may fall due first first (so
  a large import's earliest alerts are in the ledger before its later ones); rows of an older
  revision are cancelled, and a channel that already got an alert for the old revision gets a
  short moved/cancelled notice (its row holds the event's old and new times; delivery renders it). :meth:`Replanner.next_changed_alert` tells the scheduler how soon
  the earliest alert still to be planned may fall due.

``extend`` and ``changed`` take an optional ``deadline`` (``time.monotonic()`` value): they stop after
the chunk that passes it and carry on at the next call, so one tick never plans for long and a large
calendar or import does not hold up sending. Progress is kept in the database (``planned_until``,
``planned_version``), so a restart resumes a walk instead of starting again, and a warm restart with
nothing changed plans nothing.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from calendar_daemon.alerts.ledger import Ledger, LedgerKey
from calendar_daemon.alerts.planning.planner import PlannedAlert, Rule, plan_event, worth_sending
from calendar_daemon.domain.periods import Precision
from calendar_daemon.domain.vocabulary import DELIVERED
from calendar_daemon.store.events import EventStore
from calendar_daemon.store.models import Event
from calendar_daemon.store.planning_view import EventInfo, PlanningView

logger = logging.getLogger(__name__)

RULES_MARKER = "alerts.rules_digest"
VERSION_MARKER = "alerts.planned_version"
UNTIL_MARKER = "alerts.planned_until"
FAR_PAST = datetime(1970, 1, 1)
NEVER = datetime(9999, 1, 1)  # the "earliest alert" of an event that is over
PLAN_CHUNK = 500  # events planned per step (about 1,500 ledger rows with three leads, ~0.1 s)


@dataclass
class ChangePass:
    """One re-planning pass over the events written after ``since``, up to ``version``. The order is
    kept in two arrays of machine integers (16 bytes an event), so a change of a million events
    costs ~16 MB, not a million Python objects."""

    since: int
    version: int
    ids: array[int]  # event ids, ordered by the earliest time one of their alerts may fall due
    earliest_s: array[int]  # that time, for each id, in seconds since FAR_PAST
    done: int = 0

    def earliest(self, index: int) -> datetime:
        return FAR_PAST + timedelta(seconds=self.earliest_s[index])


def _canonical(rule: Rule) -> list[object]:
    """A rule as plain sorted values: ``repr`` of its frozensets changes order from one process to the next."""
    return [
        rule.name, sorted(rule.categories), sorted(rule.regions), rule.min_importance, list(rule.channels),
        [lead.total_seconds() for lead in rule.before], list(rule.days_before), rule.all_day_at.isoformat(), rule.coarse,
    ]  # fmt: skip


def rules_digest(rules: Sequence[Rule], zone: str, horizon_days: int) -> str:
    text = json.dumps([_canonical(rule) for rule in rules] + [zone, horizon_days])
    return hashlib.sha256(text.encode()).hexdigest()


def notice_facts(event: Event, was_expires_at: datetime) -> str:
    """The payload of a moved/cancelled notice: what its text needs, fixed now (the old time is gone later)."""
    return json.dumps({
        "event_title": event.title, "precision": event.precision, "timezone": event.timezone,
        "start_at": None if event.start_at is None else event.start_at.isoformat(),
        "start_date": None if event.start_date is None else event.start_date.isoformat(),
        "end_date": None if event.end_date is None else event.end_date.isoformat(),
        "was_expires_at": was_expires_at.isoformat(),
    }, ensure_ascii=False)  # fmt: skip


class Replanner:
    def __init__(
        self, store: EventStore, ledger: Ledger, rules: Sequence[Rule], *, zone: str, grace: timedelta,
        horizon_days: int,
    ) -> None:  # fmt: skip
        self.store = store
        self.ledger = ledger
        self.view = PlanningView(store.engine)
        self.rules = list(rules)
        self.zone_name = zone
        self.zone = ZoneInfo(zone)
        self.grace = grace
        self.horizon = timedelta(days=horizon_days)
        self.horizon_days = horizon_days
        self._changed: ChangePass | None = None
        self._timed_lead = max((lead for rule in self.rules for lead in rule.before), default=timedelta(0))
        # A day's alert is at a wall-clock time in some zone: allow two days for zone offsets and the clock.
        self._day_lead = timedelta(days=max((d for rule in self.rules for d in rule.days_before), default=0) + 2)

    def _wanted(self, events: Iterable[EventInfo], now: datetime) -> list[PlannedAlert]:
        horizon_end = now + self.horizon
        out: list[PlannedAlert] = []
        for event in events:
            out.extend(plan_event(event, self.rules, self.zone, FAR_PAST, self.grace, horizon_end))
        return out

    def _insertable(self, wanted: Sequence[PlannedAlert], now: datetime) -> list[PlannedAlert]:
        return [a for a in wanted if worth_sending(a.due_at, a.expires_at, now, self.grace)]

    def _reconcile(self, events: Sequence[EventInfo], now: datetime) -> tuple[int, int, list[PlannedAlert], list[LedgerKey]]:
        """Cancel these events' planned rows that are no longer wanted and insert the missing ones."""
        wanted = self._wanted(events, now)
        keys = {a.key for a in wanted}
        existing = self.ledger.keys(uids=[e.uid for e in events]) if events else []
        stale = [
            k.id for k in existing
            if k.status == "planned" and (k.event_uid, k.event_revision, k.rule, k.lead, k.channel) not in keys
        ]  # fmt: skip
        cancelled = self.ledger.set_status(stale, "cancelled", now)
        # Only the rows not in the ledger yet are written: a replica re-planning a change another
        # replica has already planned only reads, and never waits on the other's inserts.
        present = {(k.event_uid, k.event_revision, k.rule, k.lead, k.channel) for k in existing if k.kind == "alert"}
        inserted = self.ledger.insert_planned([a for a in self._insertable(wanted, now) if a.key not in present], now)
        return inserted, cancelled, wanted, existing

    def full(self, now: datetime) -> int:
        """Re-plan from scratch: the events in progress now, then (through :meth:`extend`) the horizon."""
        version = self.store.data_version()
        events = self.view.in_progress(now, self.grace)
        inserted, cancelled, _, _ = self._reconcile(events, now)
        self.store.set_marker(RULES_MARKER, rules_digest(self.rules, self.zone_name, self.horizon_days))
        self.store.set_marker(VERSION_MARKER, str(version))
        self.store.set_marker(UNTIL_MARKER, now.isoformat())
        self._changed = None
        logger.info("re-planning all alerts: %s events in progress (%s new, %s cancelled); walking the horizon", len(events), inserted, cancelled)
        return version

    def warm_start(self, now: datetime, deadline: float | None = None) -> int:
        """At start: re-plan only what changed since the last run, when the rules are the same."""
        same_rules = self.store.get_marker(RULES_MARKER) == rules_digest(self.rules, self.zone_name, self.horizon_days)
        planned_version = self.store.get_marker(VERSION_MARKER)
        if not same_rules or not planned_version:
            version = self.full(now)
        else:
            version = self.changed(int(planned_version), now, deadline)
        self.extend(now, deadline)
        return version

    def extend(self, now: datetime, deadline: float | None = None) -> bool:
        """Plan the events that entered the horizon since it was last moved; True once the walk is done."""
        marker = self.store.get_marker(UNTIL_MARKER)
        until = datetime.fromisoformat(marker) if marker else now
        target = now + self.horizon
        if target - until < timedelta(hours=1):
            return True
        started, events, inserted = time.monotonic(), 0, 0
        while until < target:
            boundary = self.view.chunk_end(until, target, PLAN_CHUNK)
            chunk = self.view.starting(until, boundary)
            inserted += self._reconcile(chunk, now)[0]
            events += len(chunk)
            until = boundary
            self.store.set_marker(UNTIL_MARKER, until.isoformat())
            if deadline is not None and time.monotonic() >= deadline and until < target:
                break
        if events:
            logger.info(
                "planned alerts for %s events up to %s: %s new in %.2f s%s", events, f"{until:%Y-%m-%d %H:%M}", inserted,
                time.monotonic() - started, "" if until >= target else " (continuing)",
            )  # fmt: skip
        return until >= target

    def _earliest_alert(self, precision: str, sort_start: datetime, sort_end: datetime, now: datetime) -> datetime:
        """The earliest any rule's alert for an event could fall due: its start less the longest lead.
        An event already over gets no alert: it goes last (its old rows are still cancelled)."""
        if sort_end < now:
            return NEVER
        if precision == Precision.DATETIME.value:
            return sort_start - self._timed_lead
        return sort_start - self._day_lead

    def _start_pass(self, since: int, now: datetime) -> ChangePass | None:
        """The events written after ``since``, nearest alert first; None when nothing changed."""
        version = self.store.data_version()
        if version == since:
            return None
        ids, seconds = array("q"), array("q")
        for span in self.view.changed_spans(since):  # in id order, so equal times stay in id order below
            ids.append(span.id)
            at = self._earliest_alert(span.precision, span.sort_start, span.sort_end, now)
            seconds.append(int((at - FAR_PAST).total_seconds()))
        order = sorted(range(len(ids)), key=seconds.__getitem__)
        # A pass that takes several calls finishes at the version it began with: an event written
        # meanwhile has a later change_seq and is picked up by the next pass.
        return ChangePass(since, version, array("q", (ids[i] for i in order)), array("q", (seconds[i] for i in order)))

    def next_changed_alert(self, since: int, now: datetime) -> datetime | None:
        """The earliest alert time of the events written after ``since`` that are not re-planned yet
        (None when there are none), so the scheduler can tell urgent planning from the rest."""
        if self._changed is None or self._changed.since != since:
            self._changed = self._start_pass(since, now)
        if self._changed is None or self._changed.done >= len(self._changed.ids):
            return None
        return self._changed.earliest(self._changed.done)

    def changed(self, since: int, now: datetime, deadline: float | None = None) -> int:
        """Re-plan the events written after data version ``since``, the events whose alerts fall due
        first first; returns the version now planned.

        With a ``deadline`` the work may stop part way: ``since`` is returned and the next call with the
        same ``since`` carries on where this one stopped.
        """
        if self._changed is None or self._changed.since != since:
            self._changed = self._start_pass(since, now)
            if self._changed is None:
                return since
        work = self._changed
        while work.done < len(work.ids):
            chunk = work.ids[work.done : work.done + PLAN_CHUNK].tolist()
            self._replan_events(self.view.by_ids(chunk), now)
            work.done += len(chunk)
            if deadline is not None and time.monotonic() >= deadline and work.done < len(work.ids):
                return since
        self._changed = None
        self.store.set_marker(VERSION_MARKER, str(work.version))
        return work.version

    def _replan_events(self, events: Sequence[EventInfo], now: datetime) -> None:
        inserted, cancelled, wanted, existing = self._reconcile(events, now)
        notices = self._notices(events, existing, {a.event_uid: a.expires_at for a in wanted}, now)
        logger.info("re-planned %s changed events: %s new alerts, %s cancelled, %s notices", len(events), inserted, cancelled, notices)

    def _notices(self, events: Sequence[EventInfo], existing: Sequence[LedgerKey], expires: dict[str, datetime], now: datetime) -> int:
        """Tell channels that got an alert for an older revision that the event moved or was cancelled."""
        by_uid = {e.uid: e for e in events}
        latest: dict[tuple[str, str], LedgerKey] = {}
        for key in existing:
            info = by_uid[key.event_uid]
            if key.status in DELIVERED and key.event_revision < info.revision:
                previous = latest.get((key.event_uid, key.channel))
                if previous is None or key.event_revision > previous.event_revision:
                    latest[(key.event_uid, key.channel)] = key
        notices = 0
        for (uid, channel), key in latest.items():
            info = by_uid[uid]
            if info.deleted or info.status == "cancelled":
                kind = "cancelled"
            elif uid in expires and expires[uid] != key.expires_at:
                kind = "moved"
            else:
                continue
            event = self.store.get(uid, include_deleted=True)  # the full event, only for the few that need a notice
            if event is None or (info.deleted and event.extra.get("merged_into")):
                continue  # merged into another event: it lives on there, not cancelled
            notices += self.ledger.insert_message(
                kind=kind, channel=channel, due_at=now, expires_at=now + timedelta(days=1),
                payload=notice_facts(event, key.expires_at), now=now,
                event_uid=uid, event_revision=event.revision,
            )  # fmt: skip
        return notices
