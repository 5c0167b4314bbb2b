"""``sources``: the polled sources and what their polls did; ``sources poll [NAME]`` polls now."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

import click

from calendar_daemon.cli.context import Context, counted, pass_context
from calendar_daemon.exceptions import ConfigError
from calendar_daemon.ops.redact import redact
from calendar_daemon.store.models import SourceState
from calendar_daemon.store.source_state import SourceStates

COLUMNS = ("name", "kind", "last success", "last error", "next poll", "added", "updated", "cancelled", "proposals")


def _when(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds") + "Z"


def _row(name: str, kind: str, url: str, state: SourceState | None) -> dict[str, Any]:
    s = state or SourceState(name=name)
    return {
        "name": name, "kind": kind, "url": redact(url, urls=False), "last_success": _when(s.last_success_at), "last_error": redact(s.last_error, urls=False) or None,
        "last_error_at": _when(s.last_error_at), "failing": s.failures > 0, "failures": s.failures,
        "next_poll": _when(s.next_poll_at), "polls": s.polls, "errors": s.errors, "items": s.items, "added": s.added,
        "updated": s.updated, "cancelled": s.cancelled, "proposals": s.proposals,
    }  # fmt: skip


def _table(rows: list[dict[str, Any]]) -> str:
    cells = [[str(r["name"]), str(r["kind"]), r["last_success"] or "never",
              f"{r['last_error_at']} {r['last_error']}" if r["failing"] else "-", r["next_poll"] or "now",
              *(str(r[k]) for k in ("added", "updated", "cancelled", "proposals"))] for r in rows]  # fmt: skip
    widths = [max(len(c[i][:80]) for c in [list(COLUMNS), *cells]) for i in range(len(COLUMNS))]
    return "\n".join("  ".join(c[i][:80].ljust(widths[i]) for i in range(len(COLUMNS))).rstrip() for c in [list(COLUMNS), *cells])


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print the sources as a JSON array.")
@click.pass_context
def sources(ctx: click.Context, as_json: bool) -> None:
    """List the polled sources ([[sources]]): last success, last error, next poll and what they added.

    Example:

    \b
        calendar-daemon sources --json
    """
    if ctx.invoked_subcommand is not None:
        return
    obj = ctx.find_object(Context)
    assert obj is not None
    configured = obj.config.sources
    states = {s.name: s for s in SourceStates(obj.runtime().store.engine).all([c.name for c in configured])}
    rows = [_row(c.name, c.kind, c.url, states.get(c.name)) for c in configured]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif rows:
        click.echo(_table(rows))
    else:
        click.echo("no [[sources]] in the configuration")


@sources.command()
@click.argument("name", required=False)
@pass_context
def poll(obj: Context, name: str | None) -> None:
    """Poll one source (or every source) now, without a running daemon; exits 1 if a poll failed.

    Example:

    \b
        calendar-daemon sources poll bls
    """
    configured = obj.config.sources
    if not configured:
        raise ConfigError(f"{obj.config.source}: no [[sources]] to poll")
    poller = obj.runtime().poller(f"cli-{uuid.uuid4().hex[:8]}")
    failed = False
    try:
        for source in configured if name is None else [obj.config.sources[_index(obj, name)]]:
            outcome = poller.poll(source.name, force=True)
            if outcome is None:
                click.echo(f"{source.name}: being polled by another process; skipped")
            elif outcome.outcome == "error":
                failed = True
                click.echo(f"{source.name}: error: {redact(outcome.error, urls=False)}")
            else:
                click.echo(f"{source.name}: {outcome.outcome.replace('_', ' ')}: {counted(outcome.items, 'item')}, {outcome.added} added, "
                           f"{outcome.updated} updated, {outcome.cancelled} cancelled, {counted(outcome.proposals, 'proposal')}")  # fmt: skip
    finally:
        poller.fetcher.close()
    if failed:
        raise click.exceptions.Exit(1)


def _index(obj: Context, name: str) -> int:
    names = [source.name for source in obj.config.sources]
    if name not in names:
        raise click.BadParameter(f"no source named {name!r} (sources: {', '.join(names)})", param_hint="NAME")
    return names.index(name)
