"""CLI command for reconciled sources: ``conflicts`` lists events whose sources disagree."""

from __future__ import annotations

import json

import click

from calendar_daemon.cli.context import Context, pass_context
from calendar_daemon.feed.listing import event_start_iso
from calendar_daemon.intake.reconcile import conflicted_events


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array: uid, title, start, and each source's value.")
@pass_context
def conflicts(obj: Context, as_json: bool) -> None:
    """List events whose sources disagree on the date or time, and which value the event follows.

    The event keeps the date of its most authoritative source (official > exchange > news).

    Example:

    \b
        calendar-daemon conflicts --json
    """
    events = conflicted_events(obj.runtime().store)
    if as_json:
        out = [
            {"uid": e.uid, "title": e.title, "start": event_start_iso(e), "conflicts": e.extra["conflicts"]}
            for e in events
        ]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    if not events:
        click.echo("no conflicts between sources")
        return
    for event in events:
        click.echo(f"{event.uid}  {event.title}")
        for claim in event.extra["conflicts"]:
            mark = "followed" if claim.get("followed") else "differs"
            click.echo(f"  [{mark}] {claim.get('source', '?')}: {claim.get('value', '?')}")
