"""Phrases of alert messages, notices, missed-alert summaries, digests and the CLI's test message, in zh-CN and en."""

from __future__ import annotations

from typing import Any

from calendar_daemon.i18n.labels import supported

PHRASES: dict[str, dict[str, str]] = {
    "zh-CN": {
        "reminder": "提醒", "when": "时间", "category": "类别", "importance": "重要性", "region": "地区",
        "precision": "精度", "source": "来源", "late": "（迟到的提醒：本应在 {due} 发出）", "moved": "时间变更",
        "cancelled": "已取消", "moved_body": "原定 {old}，现改为 {new}。", "cancelled_body": "此事件已取消或删除。",
        "missed": "停机期间错过的提醒", "missed_body": "服务停机期间有 {n} 条提醒未能按时发出：",
        "test": "测试消息", "test_body": "calendar-daemon 渠道 {name} 工作正常。", "more": "……另有 {n} 条",
        "starts": "{lead}后开始", "started": "已于{ago}前开始",
        "missed_running": "未能按时发出的提醒", "missed_running_body": "有 {n} 条提醒未能按时发出（渠道故障或发送中断）：",
        "digest_daily": "每日日程 {day}", "digest_weekly": "下周预览 {start} – {end}", "digest_none": "（无事件）",
    },
    "en": {
        "reminder": "Reminder", "when": "When", "category": "Category", "importance": "Importance", "region": "Region",
        "precision": "Precision", "source": "Source", "late": "(Late alert: it was due at {due})", "moved": "Moved",
        "cancelled": "Cancelled", "moved_body": "Was {old}, now {new}.", "cancelled_body": "This event was cancelled or removed.",
        "missed": "Alerts missed while down", "missed_body": "{n} alerts could not be sent on time while the daemon was down:",
        "test": "Test message", "test_body": "calendar-daemon channel {name} works.", "more": "... and {n} more",
        "starts": "starts in {lead}", "started": "started {ago} ago",
        "missed_running": "Alerts not sent in time", "missed_running_body": "{n} alerts could not be sent in time (the channel failed or the send was interrupted):",
        "digest_daily": "Today's events {day}", "digest_weekly": "Next week {start} – {end}", "digest_none": "(no events)",
    },
}  # fmt: skip


def t(locale: str, key: str, **values: Any) -> str:
    """The phrase ``key`` in ``locale`` (English when the locale is not in the catalog), filled with ``values``."""
    return PHRASES[supported(locale)][key].format(**values)
