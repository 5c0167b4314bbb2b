"""Rendering a claimed ledger row at send time from the facts planning recorded in it."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from calendar_daemon.alerts.delivery.messages import render_missed, render_notice
from calendar_daemon.alerts.delivery.row_text import Composer, headline, old_when
from calendar_daemon.alerts.planning.replan import notice_facts
from calendar_daemon.store.events import EventStore
from calendar_daemon.store.models import AlertRow
from tests.alerting import add_events

NOW = datetime(2026, 12, 1, 0, 0)


def row(kind: str, payload: str, **fields: object) -> AlertRow:
    values: dict[str, Any] = {
        "event_uid": "", "rule": "", "lead": "", "channel": "desk", "kind": kind, "due_at": NOW,
        "expires_at": NOW + timedelta(days=1), "payload": payload, "created_at": NOW, "updated_at": NOW, **fields,
    }  # fmt: skip
    return AlertRow(**values)


def test_a_notice_renders_from_the_times_its_row_recorded(store: EventStore) -> None:
    add_events(store, {"uid": "cpi", "title": "US CPI", "start": "2026-12-10T13:30:00+00:00", "timezone": "America/New_York", "precision": "datetime"})
    event = store.get("cpi")
    assert event is not None
    was = datetime(2026, 12, 9, 13, 30)
    notice = row("moved", notice_facts(event, was), event_uid="cpi", event_revision=event.revision)
    composer = Composer(store, locale="en", zone="Asia/Shanghai")
    expected = render_notice("moved", event, old_when(was, event), locale="en", display_zone="Asia/Shanghai")
    assert composer.message(notice, NOW) == expected
    assert expected[1] == "US CPI\nWas 2026-12-09 08:30 EST (America/New_York), now 2026-12-10 08:30 EST (America/New_York) / 2026-12-10 21:30 CST (Asia/Shanghai)."
    assert headline(notice, "zh-CN") == "[时间变更] US CPI"


def test_summaries_digests_and_rows_of_older_versions(store: EventStore) -> None:
    composer = Composer(store, locale="en", zone="UTC")
    missed = row("missed_summary", json.dumps({"missed": [["US CPI", "2026-11-30T12:00:00"]]}), rule="missed")
    assert composer.message(missed, NOW) == render_missed([("US CPI", datetime(2026, 11, 30, 12))], locale="en", display_zone="UTC")
    assert headline(missed, "en") == "Alerts missed while down"
    digest = row("digest", json.dumps({"digest": "digest_daily", "period": "2026-12-01"}), rule="digest_daily", lead="2026-12-01")
    assert composer.message(digest, NOW) == ("Today's events 2026-12-01", "(no events)")
    assert headline(digest, "zh-CN") == "每日日程 2026-12-01"
    legacy = row("digest", json.dumps({"title": "Old title", "body": "Old body"}), rule="digest_daily", lead="2026-11-30")
    assert composer.message(legacy, NOW) == ("Old title", "Old body")
    assert headline(legacy, "en") == "Old title"
