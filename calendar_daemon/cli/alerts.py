"""CLI commands for alerts: ``alerts`` (the ledger), ``notify-test`` and ``check-config``."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import click

from calendar_daemon.alerts.delivery.notifier import AppriseNotifier, SendError, resolve_channels
from calendar_daemon.alerts.delivery.row_text import headline
from calendar_daemon.alerts.ledger import Ledger
from calendar_daemon.cli.context import Context, counted, pass_context
from calendar_daemon.domain.vocabulary import LEDGER_STATUSES
from calendar_daemon.exceptions import ConfigError, NotFoundError
from calendar_daemon.i18n.phrases import t
from calendar_daemon.store.models import AlertRow


def _local(value: datetime | None, zone: str) -> str:
    if value is None:
        return ""
    return value.replace(tzinfo=UTC).astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M:%S")


def _row_json(row: AlertRow, title: str) -> dict[str, object]:
    data = row.model_dump(exclude={"payload", "claimed_by"})
    for key, value in data.items():
        if isinstance(value, datetime):
            data[key] = value.replace(tzinfo=UTC).isoformat()
    data["title"] = title
    return data


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of ledger rows.")
@click.option("--status", "statuses", multiple=True, type=click.Choice(LEDGER_STATUSES), help="Only rows with this status. Repeatable.")
@click.option("--limit", default=200, show_default=True, help="At most this many rows.")
@pass_context
def alerts(obj: Context, as_json: bool, statuses: tuple[str, ...], limit: int) -> None:
    """List planned and past alerts from the delivery ledger, with their status.

    Example:

    \b
        calendar-daemon alerts --status planned --status failed --json
    """
    store = obj.runtime().store
    locale = obj.config.display.locale
    rows = Ledger(store.engine).rows(statuses=statuses, limit=limit)
    titles: dict[str, str] = {}
    for row in rows:
        if row.kind != "alert" or row.event_uid in titles:
            continue
        event = store.get(row.event_uid, include_deleted=True)
        titles[row.event_uid] = event.title if event else row.event_uid
    if as_json:
        out = [_row_json(r, titles.get(r.event_uid, headline(r, locale))) for r in rows]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    zone = obj.config.display.timezone
    if not rows:
        click.echo("no alerts in the ledger")
        return
    click.echo(f"{'due (' + zone + ')':<26} {'status':<9} {'channel':<12} {'rule':<14} {'lead':<14} {'kind':<8} title")
    for row in rows:
        title = titles.get(row.event_uid) or headline(row, locale)
        click.echo(f"{_local(row.due_at, zone):<26} {row.status:<9} {row.channel:<12} {row.rule:<14} {row.lead:<14} {row.kind:<8} {title}")


@click.command(name="notify-test")
@click.option("--channel", "channel_name", help="Only this channel (default: every channel).")
@pass_context
def notify_test(obj: Context, channel_name: str | None) -> None:
    """Send a test message through each configured channel; exit 1 if any fails.

    Example:

    \b
        calendar-daemon notify-test --channel dingtalk
    """
    config = obj.config
    channels = resolve_channels(config)
    if channel_name:
        channels = [c for c in channels if c.name == channel_name]
        if not channels:
            raise NotFoundError(f"no channel named {channel_name!r} in {config.source}")
    if not channels:
        where = "the default configuration (no --config)" if config.source == "<defaults>" else config.source
        raise ConfigError(f"no channels to test: {where} has no [[channels]] table; add one (see docs/alerts.md)")
    notifier = AppriseNotifier(channels, timeout=config.alerts.send_timeout_seconds)
    failed = 0
    locale = config.display.locale
    for channel in channels:
        try:
            notifier.send(channel.name, t(locale, "test"), t(locale, "test_body", name=channel.name))
            click.echo(f"{channel.name}: sent ({channel.display})")
        except SendError as exc:
            failed += 1
            click.echo(f"{channel.name}: FAILED: {exc}", err=True)
    if failed:
        sys.exit(1)


@click.command(name="check-config")
@pass_context
def check_config(obj: Context) -> None:
    """Validate the configuration and its channels, and print the effective alert rules.

    Secrets are never printed: channel URLs are shown with their path and credentials masked.

    Example:

    \b
        calendar-daemon --config /etc/calendar-daemon/calendar-daemon.toml check-config
    """
    config = obj.config
    channels = resolve_channels(config)
    click.echo(f"config: {config.source}")
    click.echo(f"display: {config.display.timezone}, {config.display.locale}")
    if not channels:
        click.echo("channels: none — alerts are off")
    for channel, raw in zip(channels, config.channels, strict=True):
        digests = []
        if raw.digest_daily:
            digests.append(f"daily at {raw.digest_daily_at}")
        if raw.digest_weekly:
            digests.append(f"weekly {raw.digest_weekly_at}")
        click.echo(f"channel {channel.name}: {channel.display} (body ≤ {channel.body_limit} chars"
                   f"{'; digests: ' + ', '.join(digests) if digests else ''})")
    for rule in config.alert_rules:
        match = f"categories={','.join(rule.categories)}"
        if rule.regions:
            match += f" regions={','.join(rule.regions)}"
        if rule.min_importance > 1:
            match += f" min_importance={rule.min_importance}"
        when = []
        if rule.before:
            when.append("before " + ", ".join(rule.before))
        if rule.days_before:
            when.append("days_before " + ", ".join(map(str, rule.days_before)) + f" at {rule.all_day_at}")
        if rule.coarse:
            when.append(f"coarse at period start {rule.all_day_at}")
        click.echo(f"rule {rule.name}: {match} -> {', '.join(rule.channels)}: {'; '.join(when) or 'nothing'}")
    used = {name for rule in config.alert_rules for name in rule.channels}
    for raw in config.channels:
        if raw.name not in used and not (raw.digest_daily or raw.digest_weekly):
            click.echo(f"warning: channel {raw.name} is used by no rule and sends no digest: nothing will reach it")
    a = config.alerts
    click.echo(f"alerts: grace {a.grace}, {counted(a.max_attempts, 'attempt')}, horizon {counted(a.horizon_days, 'day')}, tick {a.tick_seconds}s")
    click.echo("configuration OK")
