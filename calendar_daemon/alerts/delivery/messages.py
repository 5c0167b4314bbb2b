"""Alert texts in zh-CN (default) or en, cut to each channel's length limit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from calendar_daemon.domain.periods import Precision, period_label
from calendar_daemon.store.models import Event

CATEGORY_LABELS = {
    "zh-CN": {
        "central_bank": "央行", "macro_data": "宏观数据", "liquidity": "流动性", "lockup": "解禁", "ipo": "新股",
        "earnings": "财报", "bond": "债券", "policy": "政策", "corporate": "公司", "legal": "法律",
        "conference": "会议", "other": "其他",
    },
    "en": {
        "central_bank": "Central bank", "macro_data": "Macro data", "liquidity": "Liquidity", "lockup": "Lock-up",
        "ipo": "IPO", "earnings": "Earnings", "bond": "Bond", "policy": "Policy", "corporate": "Corporate",
        "legal": "Legal", "conference": "Conference", "other": "Other",
    },
}  # fmt: skip

TEXT = {
    "zh-CN": {
        "reminder": "提醒", "when": "时间", "category": "类别", "importance": "重要性", "region": "地区",
        "precision": "精度", "source": "来源", "late": "（迟到的提醒：本应在 {due} 发出）", "moved": "时间变更",
        "cancelled": "已取消", "moved_body": "原定 {old}，现改为 {new}。", "cancelled_body": "此事件已取消或删除。",
        "missed": "停机期间错过的提醒", "missed_body": "服务停机期间有 {n} 条提醒未能按时发出：",
        "test": "测试消息", "test_body": "calendar-daemon 渠道 {name} 工作正常。", "more": "……另有 {n} 条",
        "starts": "{lead}后开始",
    },
    "en": {
        "reminder": "Reminder", "when": "When", "category": "Category", "importance": "Importance", "region": "Region",
        "precision": "Precision", "source": "Source", "late": "(Late alert: it was due at {due})", "moved": "Moved",
        "cancelled": "Cancelled", "moved_body": "Was {old}, now {new}.", "cancelled_body": "This event was cancelled or removed.",
        "missed": "Alerts missed while down", "missed_body": "{n} alerts could not be sent on time while the daemon was down:",
        "test": "Test message", "test_body": "calendar-daemon channel {name} works.", "more": "... and {n} more",
        "starts": "starts in {lead}",
    },
}  # fmt: skip

PRECISION_LABELS = {
    "zh-CN": {"datetime": "精确时间", "date": "日", "week": "周", "month": "月", "quarter": "季度", "half": "半年", "year": "年"},
    "en": {"datetime": "exact time", "date": "day", "week": "week", "month": "month", "quarter": "quarter", "half": "half-year", "year": "year"},
}  # fmt: skip


class Dated(Protocol):
    """What :func:`when_text` and :func:`render_notice` read of an event (a stored one or a notice's snapshot)."""

    @property
    def title(self) -> str: ...
    @property
    def precision(self) -> str: ...
    @property
    def timezone(self) -> str: ...
    @property
    def start_at(self) -> datetime | None: ...
    @property
    def start_date(self) -> date | None: ...
    @property
    def end_date(self) -> date | None: ...


def t(locale: str, key: str, **values: Any) -> str:
    return TEXT.get(locale, TEXT["en"])[key].format(**values)


def format_instant(value: datetime, zone: str) -> str:
    local = value.replace(tzinfo=UTC).astimezone(ZoneInfo(zone))
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()} ({zone})"


def when_text(event: Dated, display_zone: str) -> str:
    """When the event happens: its own zone, plus the display zone when that differs."""
    if event.precision == Precision.DATETIME.value and event.start_at is not None:
        text = format_instant(event.start_at, event.timezone)
        if display_zone != event.timezone:
            text += " / " + format_instant(event.start_at, display_zone)
        return text
    assert event.start_date is not None
    if event.precision == Precision.DATE.value:
        if event.end_date and event.end_date != event.start_date:
            return f"{event.start_date.isoformat()} – {event.end_date.isoformat()}"
        return event.start_date.isoformat()
    return period_label(Precision(event.precision), event.start_date, event.end_date)


def source_text(event: Event) -> str:
    parts = []
    for source in event.sources[:2]:
        piece = " · ".join(str(source[k]) for k in ("outlet", "headline", "published") if source.get(k))
        if source.get("url"):
            piece += f" {source['url']}"
        if piece:
            parts.append(piece)
    return "; ".join(parts) or "-"


def render_alert(event: Event, lead: str, due_at: datetime, *, late: bool, locale: str, display_zone: str) -> tuple[str, str]:
    """Title and body of one alert."""
    labels = CATEGORY_LABELS.get(locale, CATEGORY_LABELS["en"])
    precisions = PRECISION_LABELS.get(locale, PRECISION_LABELS["en"])
    stars = "★" * event.importance + "☆" * (3 - event.importance)
    title = f"[{t(locale, 'reminder')}] {event.title}"
    lines = [
        event.title,
        f"{t(locale, 'when')}: {when_text(event, display_zone)}",
        f"{t(locale, 'category')}: {labels.get(event.category, event.category)}",
        f"{t(locale, 'importance')}: {stars}",
        f"{t(locale, 'region')}: {event.region}",
        f"{t(locale, 'precision')}: {precisions.get(event.precision, event.precision)}",
        f"{t(locale, 'source')}: {source_text(event)}",
    ]
    if lead[:1].isdigit() and event.precision == Precision.DATETIME.value:
        lines.insert(1, t(locale, "starts", lead=lead))
    if late:
        lines.insert(0, t(locale, "late", due=format_instant(due_at, display_zone)))
    if event.description:
        lines += ["", event.description]
    return title, "\n".join(lines)


def render_notice(kind: str, event: Dated, old_when: str, *, locale: str, display_zone: str) -> tuple[str, str]:
    """The short notice a channel gets when an event it was alerted about moves or is cancelled."""
    if kind == "moved":
        body = t(locale, "moved_body", old=old_when, new=when_text(event, display_zone))
    else:
        body = t(locale, "cancelled_body")
    return f"[{t(locale, kind)}] {event.title}", f"{event.title}\n{body}"


def render_missed(items: Sequence[tuple[str, datetime]], *, locale: str, display_zone: str, shown: int = 20) -> tuple[str, str]:
    """One summary per channel of alerts that were missed while the daemon was down."""
    lines = [t(locale, "missed_body", n=len(items))]
    for title, due_at in items[:shown]:
        lines.append(f"- {format_instant(due_at, display_zone)}: {title}")
    if len(items) > shown:
        lines.append(t(locale, "more", n=len(items) - shown))
    return t(locale, "missed"), "\n".join(lines)


def truncate(text: str, limit: int) -> str:
    """Cut ``text`` to ``limit`` characters, ending with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + "…"
