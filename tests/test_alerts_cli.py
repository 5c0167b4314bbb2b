"""``check-config``, ``notify-test`` and ``alerts``, and bad alert configs refused by ``run`` too."""

from __future__ import annotations

import json
import subprocess
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from calendar_daemon.alerts.delivery.notifier import AppriseNotifier, resolve_channels
from calendar_daemon.alerts.scheduler import AlertService
from calendar_daemon.store.events import EventStore
from tests.alerting import FakeClock, add_events, alert_toml, make_config, step, timed_event
from tests.helpers import CliResult, free_port, invoke_cli, run_cli, write_config
from tests.receiver import Receiver

SECRET = "tok-8f3a9c2e7b6d4f1a"  # must never be printed
DINGTALK = "dingtalk://" + "a1b2c3d4" * 8 + "/"  # a token-shaped DingTalk URL
RULE = {"name": "rates", "categories": ["central_bank", "macro_data"], "min_importance": 2, "channels": ["hook"],
        "before": ["1d", "1h", "10m"]}


def config_file(tmp_path: Path, channels: list[dict[str, object]], rules: list[dict[str, object]]) -> Path:
    seeds = tmp_path / "no-seeds"
    seeds.mkdir(exist_ok=True)
    return write_config(tmp_path / "cd.toml", port=free_port(), seeds_path=seeds, extra=alert_toml(channels, rules))


def test_check_config_prints_the_effective_rules_with_redacted_urls(tmp_path: Path) -> None:
    channels = [{"name": "hook", "url": "${HOOK_URL}"}, {"name": "ding", "url": "${DINGTALK_URL}", "digest_daily": True}]
    rules = [RULE, {"name": "dated", "categories": ["ipo"], "regions": ["CN"], "channels": ["ding"],
                    "days_before": [1, 0], "all_day_at": "20:00"}]
    config = config_file(tmp_path, channels, rules)
    env = {"HOOK_URL": f"json://127.0.0.1:9/{SECRET}", "DINGTALK_URL": DINGTALK}
    result = invoke_cli("check-config", config=config, env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"config: {config}"
    assert "channel hook: json://127.0.0.1:9/*** (body ≤ 32000 chars)" in lines
    assert any(line.startswith("channel ding: dingtalk://*** (") and "digests: daily at 08:00" in line for line in lines)
    assert "rule rates: categories=central_bank,macro_data min_importance=2 -> hook: before 1d, 1h, 10m; coarse at period start 08:30" in lines
    assert "rule dated: categories=ipo regions=CN -> ding: days_before 1, 0 at 20:00; coarse at period start 20:00" in lines
    assert lines[-1] == "configuration OK"
    output = result.stdout + result.stderr
    assert SECRET not in output and "a1b2c3d4" not in output


@pytest.mark.parametrize(
    ("channels", "rules", "message"),
    [
        ([{"name": "hook", "url": "${HOOK_URL}"}], [{**RULE, "channels": ["hook", "slack"]}],
         "alert_rules.0.channels: unknown channel 'slack' (channels: hook)"),
        ([{"name": "hook", "url": "${HOOK_URL}"}], [{**RULE, "before": ["1d", "90 minutes"]}],
         "key 'alert_rules.0.before': bad duration '90 minutes'"),
        ([{"name": "hook", "url": "${BAD_URL}"}], [RULE],
         "channels.0.url (hook): apprise cannot use the URL nosuchservice://***"),
        ([{"name": "hook", "url": "${HOOK_URL}"}, {"name": "ding", "url": "${DINGTALK_URL}"}], [RULE],
         "channels.1.url (ding): environment variable DINGTALK_URL is not set"),
    ],
    ids=["unknown-channel", "bad-duration", "bad-apprise-url", "missing-env-secret"],
)
def test_bad_alert_config_is_refused_by_check_config_and_run(
    tmp_path: Path, channels: list[dict[str, object]], rules: list[dict[str, object]], message: str
) -> None:
    config = config_file(tmp_path, channels, rules)
    env = {"HOOK_URL": f"json://127.0.0.1:9/{SECRET}", "BAD_URL": f"nosuchservice://{SECRET}/x"}
    db = f"sqlite:///{tmp_path / 'cd.db'}"
    # check-config in-process; run as the real binary, since a daemon that wrongly starts must not hang the suite.
    results: list[tuple[str, CliResult | subprocess.CompletedProcess[str]]] = [
        ("check-config", invoke_cli("check-config", config=config, db=db, env=env)),
        ("run", run_cli("run", config=config, db=db, env=env, timeout=30)),
    ]
    for command, result in results:
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        assert f"Error: {config}: {message}" in result.stderr, (command, result.stderr)
        assert "Traceback" not in result.stderr and "configuration OK" not in result.stdout
        assert SECRET not in result.stdout + result.stderr
        assert "Unparseable" not in result.stderr, "apprise's own error line comes before ours"


def test_check_config_warns_about_a_channel_nothing_uses(tmp_path: Path) -> None:
    channels = [{"name": "hook", "url": "json://127.0.0.1:9/a"}, {"name": "spare", "url": "json://127.0.0.1:9/b"},
                {"name": "digest", "url": "json://127.0.0.1:9/c", "digest_weekly": True}]
    result = invoke_cli("check-config", config=config_file(tmp_path, channels, [RULE]))
    assert result.returncode == 0, result.stderr
    assert "warning: channel spare is used by no rule and sends no digest: nothing will reach it" in result.stdout
    assert "channel hook is used" not in result.stdout and "channel digest is used" not in result.stdout


def test_notify_test_sends_to_every_channel_or_the_one_named(tmp_path: Path) -> None:
    with Receiver() as a, Receiver() as b, Receiver() as broken:
        broken.failing_until = time.time() + 3600
        channels = [{"name": "a", "url": a.url}, {"name": "b", "url": b.url}]
        config = config_file(tmp_path, channels, [])
        result = invoke_cli("notify-test", config=config)
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == [f"a: sent (json://127.0.0.1:{a.port}/***)", f"b: sent (json://127.0.0.1:{b.port}/***)"]
        assert len(a.messages) == 1 and len(b.messages) == 1
        assert a.messages[0]["title"] == "测试消息" and "a" in a.messages[0]["message"]
        assert invoke_cli("notify-test", "--channel", "b", config=config).returncode == 0
        assert (len(a.messages), len(b.messages)) == (1, 2)
        assert b.messages[1]["message"] == "calendar-daemon 渠道 b 工作正常。"
        unknown = invoke_cli("notify-test", "--channel", "c", config=config)
        assert unknown.returncode == 1 and f"no channel named 'c' in {config}" in unknown.stderr
        config = config_file(tmp_path, [{"name": "broken", "url": f"json://127.0.0.1:{broken.port}/{SECRET}"}], [])
        failed = invoke_cli("notify-test", config=config)
        assert failed.returncode == 1 and broken.rejected == 1
        assert f"broken: FAILED: apprise could not deliver to json://127.0.0.1:{broken.port}/***" in failed.stderr
        assert SECRET not in failed.stdout + failed.stderr


def test_alerts_json_shows_each_ledger_row_with_its_status(tmp_path: Path, store: EventStore, db_url: str) -> None:
    start = datetime(2026, 12, 3, 13, 30)
    add_events(store, timed_event("nfp", "US nonfarm payrolls", start))
    clock = FakeClock(start - timedelta(days=2))
    with Receiver() as hook, Receiver() as down:
        down.failing_until = time.time() + 3600
        channels = [{"name": "hook", "url": hook.url}, {"name": "down", "url": f"json://127.0.0.1:{down.port}/{SECRET}"}]
        config = make_config(channels, [{"name": "m", "channels": ["hook", "down"], "before": ["1d", "1h"]}], max_attempts=1)
        service = AlertService(config, store, AppriseNotifier(resolve_channels(config), timeout=5), clock=clock)
        service.startup()
        clock.set(start - timedelta(days=1))
        step(service)
    cli_config = config_file(tmp_path, [], [])
    result = invoke_cli("alerts", "--json", config=cli_config, db=db_url)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert sorted((r["channel"], r["lead"], r["status"], r["attempts"]) for r in rows) == [
        # "down" used up its one attempt; its alert is retried while worth sending (an alert never ends failed)
        ("down", "1d", "planned", 1), ("down", "1h", "planned", 0), ("hook", "1d", "sent", 0), ("hook", "1h", "planned", 0),
    ]
    first = next(r for r in rows if r["channel"] == "hook" and r["lead"] == "1d")
    assert first["title"] == "US nonfarm payrolls" and first["kind"] == "alert" and first["rule"] == "m"
    assert first["due_at"] == "2026-12-02T13:30:00+00:00" and first["sent_at"] == "2026-12-02T13:30:00+00:00"
    failed = next(r for r in rows if r["attempts"] == 1)
    assert failed["last_error"] == f"apprise could not deliver to json://127.0.0.1:{down.port}/***"
    assert SECRET not in result.stdout and "payload" not in first and "claimed_by" not in first
    only_sent = json.loads(invoke_cli("alerts", "--json", "--status", "sent", config=cli_config, db=db_url).stdout)
    assert [r["channel"] for r in only_sent] == ["hook"]
    table = invoke_cli("alerts", config=cli_config, db=db_url).stdout.splitlines()
    assert table[0].split()[:4] == ["due", "(Asia/Shanghai)", "status", "channel"]
    assert any(line.startswith("2026-12-02 21:30:00") and " sent " in line and "US nonfarm payrolls" in line for line in table)
