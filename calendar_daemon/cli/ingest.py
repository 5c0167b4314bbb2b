"""CLI commands for news ingestion: ``ingest`` proposes events, ``review`` accepts, edits or rejects them."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
import yaml

from calendar_daemon.cli.context import Context, counted, pass_context
from calendar_daemon.domain.dates import parse_datetime
from calendar_daemon.domain.records import normalize
from calendar_daemon.domain.vocabulary import PROPOSED
from calendar_daemon.exceptions import InputError
from calendar_daemon.feed.listing import event_to_json, format_table
from calendar_daemon.intake.known import Verdict
from calendar_daemon.intake.review import accept, confidence, proposed_events, reject, store_proposals, verdicts
from calendar_daemon.intake.submit import submit
from calendar_daemon.sources.files import decode_text
from calendar_daemon.sources.proposals import Article, Proposal, Reading, articles_in, propose


def _read(name: str) -> tuple[str, str]:
    if name == "-":
        return decode_text(sys.stdin.buffer.read(), "<stdin>"), "<stdin>"
    path = Path(name)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", source=name) from None
    return decode_text(raw, name), name


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--published", help="Publication time (ISO with offset) when the text does not say it.")
@click.option("--tz", help="Zone of wall-clock times without one (default: Asia/Shanghai for Chinese, America/New_York for English).")
@click.option("--outlet", help="The outlet the articles come from, when the text does not say it (or says it wrongly).")
@click.option("--dry-run", is_flag=True, help="Show the candidates, each marked new, known (with the event's UID) or conflict; store nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print candidates as a JSON array.")
@pass_context
def ingest(obj: Context, files: tuple[str, ...], published: str | None, tz: str | None, outlet: str | None,
           dry_run: bool, as_json: bool) -> None:
    """Propose dated events from articles (text, Markdown or HTML; Chinese or English); '-' reads stdin.

    Proposed events stay out of feeds and alerts until `review` accepts them.

    Example:

    \b
        calendar-daemon ingest week-ahead.html --dry-run --json
    """
    when = None
    if published:
        try:
            when = parse_datetime(published)
        except ValueError:
            raise click.BadParameter(f"not an ISO date-time: {published!r}", param_hint="--published") from None
        if when.tzinfo is None:
            raise click.BadParameter("needs a UTC offset, e.g. 2026-01-25T20:41+08:00", param_hint="--published")
    articles: list[Article] = []
    for name in files:
        text, source = _read(name)
        articles.extend(articles_in(text, source, when, outlet))
    proposals = propose(articles, tz, Reading.configured(obj.config.extract))
    if dry_run:
        _show(proposals, verdicts(obj.runtime().store, proposals), as_json)
        return
    result = store_proposals(obj.runtime().store, proposals)
    if as_json:
        click.echo(json.dumps([p.to_json() for p in proposals], ensure_ascii=False, indent=2))
    click.echo(
        f"{counted(len(proposals), 'candidate')} from {counted(len(articles), 'article')}: {len(result.created)} proposed, "
        f"{len(result.updated)} merged into existing events, {len(result.unchanged)} unchanged; "
        "run `calendar-daemon review`",
        err=as_json,
    )


def _show(proposals: list[Proposal], found: list[Verdict], as_json: bool) -> None:
    if as_json:
        rows = [{**p.candidate.to_json(), **v.to_json(), "outlet": p.article.outlet} for p, v in zip(proposals, found, strict=True)]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for p, v in zip(proposals, found, strict=True):
        c = p.candidate
        known = f"  = {v.uid}" if v.uid else ""
        click.echo(f"{v.status:<8} {c.start:<25} {c.precision:<8} {c.category:<12} {c.confidence:.2f}  {c.title}{known}")


def _edit(obj: Context, uid: str) -> None:
    store = obj.runtime().store
    event = store.get(uid)
    assert event is not None
    data = {k: v for k, v in event_to_json(event).items() if k not in ("revision", "updated_at", "status")}
    edited = click.edit(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), extension=".yaml")
    if edited is None:
        click.echo("unchanged")
        return
    loaded: Any = yaml.safe_load(edited)
    if not isinstance(loaded, dict):
        raise InputError("the edited text must be a mapping of event fields", source=uid)
    loaded["uid"] = uid
    record = normalize(loaded, default_timezone=obj.config.display.timezone, source="edited event")
    record.extra = {**event.extra, **record.extra}
    submit(store, [record], origin="ingest", status=PROPOSED)
    accept(store, uid)


@click.command()
@click.option("--accept", "accept_uids", multiple=True, metavar="UID", help="Accept this proposed event (repeatable).")
@click.option("--reject", "reject_uids", multiple=True, metavar="UID", help="Reject this proposed event (repeatable).")
@click.option("--accept-above", type=click.FloatRange(0, 1), help="Accept every proposal with at least this confidence.")
@click.option("--json", "as_json", is_flag=True, help="List proposals as JSON.")
@pass_context
def review(obj: Context, accept_uids: tuple[str, ...], reject_uids: tuple[str, ...], accept_above: float | None, as_json: bool) -> None:
    """List proposed events and accept, edit or reject them.

    Without options on a terminal, asks about each proposal: [a]ccept, [e]dit, [r]eject, [s]kip.

    Example:

    \b
        calendar-daemon review --accept-above 0.8 --reject ingest-1a2b3c@calendar-daemon
    """
    store = obj.runtime().store
    decided = False
    for uid in accept_uids:
        accept(store, uid)
        click.echo(f"accepted {uid}")
        decided = True
    for uid in reject_uids:
        reject(store, uid)
        click.echo(f"rejected {uid}")
        decided = True
    if accept_above is not None:
        for event in proposed_events(store):
            if confidence(event) >= accept_above:
                accept(store, event.uid)
                click.echo(f"accepted {event.uid} ({confidence(event):.2f})")
        decided = True
    pending = proposed_events(store)
    if as_json:
        click.echo(json.dumps([{**event_to_json(e), "confidence": confidence(e)} for e in pending], ensure_ascii=False, indent=2))
        return
    if decided or not pending:
        click.echo(f"{counted(len(pending), 'proposal')} waiting" if pending else "no proposals waiting")
        return
    if not sys.stdin.isatty():
        click.echo(format_table(pending, obj.config.display.timezone))
        return
    for event in pending:
        click.echo(f"\n{event.title}\n  {event.uid}\n  {event_to_json(event)['start']} {event.precision} {event.category} "
                   f"confidence {confidence(event):.2f}\n  evidence: {(event.sources or [{}])[0].get('evidence', '')}")
        choice = click.prompt("[a]ccept, [e]dit, [r]eject, [s]kip", type=click.Choice(["a", "e", "r", "s"]), default="s")
        if choice == "a":
            accept(store, event.uid)
        elif choice == "r":
            reject(store, event.uid)
        elif choice == "e":
            _edit(obj, event.uid)
