"""Words for stored values the event page shows: origins, source authorities, alert statuses, kinds and leads.

Every value has its word in zh-CN and en; an unknown value (a newer version's) is shown as stored.
"""

from __future__ import annotations

import re

from calendar_daemon.i18n.labels import supported

TERMS: dict[str, dict[str, dict[str, str]]] = {
    "origin": {
        "zh-CN": {"seed": "内置种子数据", "import": "文件导入", "ingest": "文章提取", "api": "API 提交", "reference": "参考日程",
                  "poll": "订阅源轮询"},
        "en": {"seed": "bundled seed", "import": "file import", "ingest": "article extraction", "api": "API", "reference": "reference schedule",
               "poll": "polled source"},
    },
    "authority": {
        "zh-CN": {"official": "官方", "exchange": "交易所", "news": "新闻"},
        "en": {"official": "official", "exchange": "exchange", "news": "news"},
    },
    "alert_status": {
        "zh-CN": {"planned": "待发送", "sending": "发送中", "sent": "已发送", "late": "迟发", "failed": "失败",
                  "missed": "错过", "cancelled": "已取消", "superseded": "已被替代"},
        "en": {"planned": "planned", "sending": "sending", "sent": "sent", "late": "sent late", "failed": "failed",
               "missed": "missed", "cancelled": "cancelled", "superseded": "superseded"},
    },
    "alert_kind": {
        "zh-CN": {"alert": "提醒", "moved": "时间变更通知", "cancelled": "取消通知", "digest": "日程摘要",
                  "missed_summary": "错过提醒汇总"},
        "en": {"alert": "reminder", "moved": "moved notice", "cancelled": "cancellation notice", "digest": "digest",
               "missed_summary": "missed-alerts summary"},
    },
    "extra_key": {
        "zh-CN": {"trading_day_shift": "交易日顺延", "exchange": "交易所", "mentions": "其他提及", "rescheduled_from": "原定日期",
                  "fiscal": "财年口径", "merged_into": "已并入", "aliases": "别名", "members": "成员",
                  "original": "原日期", "shifted": "顺延至", "reason": "原因", "holidays_published": "已公布假期",
                  "moved": "已顺延"},
        "en": {"trading_day_shift": "Trading-day shift", "exchange": "Exchange", "mentions": "Other mentions",
               "rescheduled_from": "Rescheduled from", "fiscal": "Fiscal period", "merged_into": "Merged into",
               "aliases": "Aliases", "members": "Members", "original": "original date", "shifted": "moved to",
               "reason": "reason", "holidays_published": "holidays published", "moved": "moved"},
    },
    "bool": {"zh-CN": {"True": "是", "False": "否"}, "en": {"True": "yes", "False": "no"}},
}  # fmt: skip

_UNITS = {"zh-CN": {"d": "天", "h": "小时", "m": "分钟", "s": "秒"}, "en": {"d": "d", "h": "h", "m": "min", "s": "s"}}
_DURATION_RE = re.compile(r"^(?:\d+[dhms])+$")
_DAYS_RE = re.compile(r"^d-(\d+)@(\d{2}:\d{2})$")
_PERIOD_RE = re.compile(r"^period@(\d{2}:\d{2})$")


def term(kind: str, value: str, locale: str) -> str:
    """The word for ``value`` of ``kind`` (``origin``, ``authority``, ``alert_status``…), or ``value`` itself."""
    return TERMS[kind][supported(locale)].get(value, value)


def _duration(text: str, locale: str) -> str:
    units = _UNITS[supported(locale)]
    parts = re.findall(r"(\d+)([dhms])", text)
    if supported(locale) == "zh-CN":
        return "".join(f"{n}{units[u]}" for n, u in parts)
    return " ".join(f"{n} {units[u]}" for n, u in parts)


_WORDS = {"d": ("day", "days"), "h": ("hour", "hours"), "m": ("minute", "minutes"), "s": ("second", "seconds")}


def duration_words(text: str, locale: str) -> str:
    """A duration (``10m``, ``1h30m``) in words for a message: ``10分钟`` / ``10 minutes``, ``1小时30分钟`` /
    ``1 hour 30 minutes``; the units in the reader's language, never the config's letters."""
    if not _DURATION_RE.match(text):
        return text
    parts = re.findall(r"(\d+)([dhms])", text)
    if supported(locale) == "zh-CN":
        return "".join(f"{n}{_UNITS['zh-CN'][u]}" for n, u in parts)
    return " ".join(f"{n} {_WORDS[u][0] if n == '1' else _WORDS[u][1]}" for n, u in parts)


def lead_text(lead: str, locale: str) -> str:
    """A ledger lead in words: ``1h`` → ``提前1小时`` / ``1 h before``; ``d-1@09:00`` → ``前1天 09:00`` / ``1 day before, 09:00``."""
    zh = supported(locale) == "zh-CN"
    if _DURATION_RE.match(lead):
        duration = _duration(lead, locale)
        return f"提前{duration}" if zh else f"{duration} before"
    if match := _DAYS_RE.match(lead):
        days, clock = int(match.group(1)), match.group(2)
        if days == 0:
            return f"当天 {clock}" if zh else f"on the day, {clock}"
        return f"前{days}天 {clock}" if zh else f"{days} day{'s' if days != 1 else ''} before, {clock}"
    if match := _PERIOD_RE.match(lead):
        return f"期初 {match.group(1)}" if zh else f"start of the period, {match.group(1)}"
    return lead
