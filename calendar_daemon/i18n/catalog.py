"""Interface text of the web pages in English and Chinese, and locale-aware date labels."""

from __future__ import annotations

from datetime import date

from calendar_daemon.domain.periods import Precision, period_end, period_start

LOCALES = ("zh-CN", "en")

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Market calendar",
        "upcoming": "Upcoming",
        "past": "Past",
        "show_past": "Show past events",
        "show_upcoming": "Show upcoming events",
        "list_view": "List",
        "month_view": "Month",
        "filters": "Filters",
        "category": "Category",
        "region": "Region",
        "importance": "Importance",
        "any": "Any",
        "search": "Search",
        "search_placeholder": "title, description, entity",
        "apply": "Apply",
        "clear": "Clear",
        "all_day": "all day",
        "no_events": "No events match.",
        "subscribe": "Subscribe",
        "subscribe_hint": "Subscribe to this filter (free-text search is not part of the feed):",
        "apple": "Apple Calendar (webcal)",
        "google": "Google Calendar",
        "outlook": "Outlook / other (https)",
        "copy": "Copy link",
        "copied": "Copied",
        "times_in": "Times in",
        "use_my_zone": "Use my time zone",
        "use_server_zone": "Use calendar time zone",
        "sources": "Sources",
        "conflict": "conflict",
        "conflicts": "Conflicting values",
        "tentative": "tentative",
        "cancelled": "cancelled",
        "confirmed": "confirmed",
        "event": "Event",
        "when": "When",
        "end": "End",
        "precision": "Precision",
        "timezone": "Time zone",
        "status": "Status",
        "entities": "Entities",
        "tags": "Tags",
        "description": "Description",
        "uid": "UID",
        "revision": "Revision",
        "updated_at": "Updated",
        "created_at": "Created",
        "origin": "Origin",
        "evidence": "Evidence",
        "note": "Note",
        "published": "Published",
        "authority": "Authority",
        "alert_history": "Alert history",
        "no_alerts": "No alerts recorded for this event.",
        "no_ledger": "Alerts are not set up on this server.",
        "channel": "Channel",
        "kind": "Kind",
        "due_at": "Due",
        "sent_at": "Sent",
        "attempts": "Attempts",
        "last_error": "Last error",
        "back": "Back to the calendar",
        "not_found": "No such event.",
        "prev_month": "Previous month",
        "next_month": "Next month",
        "more": "more",
        "language": "中文",
        "feed_json": "JSON API",
        "extra": "Other fields",
    },
    "zh-CN": {
        "title": "市场日历",
        "upcoming": "即将发生",
        "past": "已过去",
        "show_past": "查看过去的事件",
        "show_upcoming": "查看即将发生的事件",
        "list_view": "列表",
        "month_view": "月历",
        "filters": "筛选",
        "category": "类别",
        "region": "地区",
        "importance": "重要性",
        "any": "全部",
        "search": "搜索",
        "search_placeholder": "标题、描述、相关主体",
        "apply": "应用",
        "clear": "清除",
        "all_day": "全天",
        "no_events": "没有符合条件的事件。",
        "subscribe": "订阅",
        "subscribe_hint": "订阅当前筛选(文本搜索不计入订阅):",
        "apple": "Apple 日历 (webcal)",
        "google": "Google 日历",
        "outlook": "Outlook / 其他 (https)",
        "copy": "复制链接",
        "copied": "已复制",
        "times_in": "时区",
        "use_my_zone": "使用本机时区",
        "use_server_zone": "使用日历时区",
        "sources": "来源",
        "conflict": "冲突",
        "conflicts": "来源间不一致",
        "tentative": "待定",
        "cancelled": "已取消",
        "confirmed": "已确认",
        "event": "事件",
        "when": "时间",
        "end": "结束",
        "precision": "精度",
        "timezone": "时区",
        "status": "状态",
        "entities": "相关主体",
        "tags": "标签",
        "description": "描述",
        "uid": "UID",
        "revision": "修订版本",
        "updated_at": "更新时间",
        "created_at": "创建时间",
        "origin": "录入方式",
        "evidence": "依据",
        "note": "备注",
        "published": "发布时间",
        "authority": "权威级别",
        "alert_history": "提醒记录",
        "no_alerts": "此事件暂无提醒记录。",
        "no_ledger": "本服务器未启用提醒。",
        "channel": "渠道",
        "kind": "类型",
        "due_at": "计划时间",
        "sent_at": "发送时间",
        "attempts": "尝试次数",
        "last_error": "最近错误",
        "back": "返回日历",
        "not_found": "没有这个事件。",
        "prev_month": "上个月",
        "next_month": "下个月",
        "more": "更多",
        "language": "English",
        "feed_json": "JSON API",
        "extra": "其他字段",
    },
}

CATEGORY_NAMES: dict[str, dict[str, str]] = {
    "en": {
        "central_bank": "Central bank", "macro_data": "Macro data", "liquidity": "Liquidity", "lockup": "Lock-up",
        "ipo": "IPO", "earnings": "Earnings", "bond": "Bonds", "policy": "Policy", "corporate": "Corporate",
        "legal": "Legal", "conference": "Conference", "other": "Other",
    },
    "zh-CN": {
        "central_bank": "央行", "macro_data": "宏观数据", "liquidity": "流动性", "lockup": "解禁", "ipo": "IPO",
        "earnings": "财报", "bond": "债券", "policy": "政策", "corporate": "公司", "legal": "法律",
        "conference": "会议", "other": "其他",
    },
}  # fmt: skip

_WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "zh-CN": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ZH_HALF = {1: "上半年", 2: "下半年"}
_ZH_QUARTER = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}


def pick_locale(requested: str | None, default: str) -> str:
    """``?lang=`` when it names a supported locale (``zh``/``en`` accepted), else the configured one."""
    if requested:
        wanted = requested.strip().lower()
        if wanted.startswith("zh"):
            return "zh-CN"
        if wanted.startswith("en"):
            return "en"
    return default if default in LOCALES else "zh-CN"


def texts(locale: str) -> dict[str, str]:
    return _TEXT.get(locale, _TEXT["en"])


def category_name(category: str, locale: str) -> str:
    return CATEGORY_NAMES.get(locale, CATEGORY_NAMES["en"]).get(category, category)


def day_heading(day: date, locale: str) -> str:
    weekday = _WEEKDAYS.get(locale, _WEEKDAYS["en"])[day.weekday()]
    if locale == "zh-CN":
        return f"{day.year}年{day.month}月{day.day}日 {weekday}"
    return f"{weekday} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def month_heading(year: int, month: int, locale: str) -> str:
    return f"{year}年{month}月" if locale == "zh-CN" else f"{_MONTHS[month - 1]} {year}"


def weekday_names(locale: str) -> tuple[str, ...]:
    return _WEEKDAYS.get(locale, _WEEKDAYS["en"])


def _one_period(precision: Precision, start: date, locale: str) -> str:
    if precision is Precision.WEEK:
        return f"{start.month}月{start.day}日当周" if locale == "zh-CN" else f"week of {start.day} {_MONTHS[start.month - 1]}"
    if precision is Precision.MONTH:
        return month_heading(start.year, start.month, locale)
    if precision is Precision.QUARTER:
        quarter = (start.month - 1) // 3 + 1
        return f"{start.year}年{_ZH_QUARTER[quarter]}" if locale == "zh-CN" else f"{start.year} Q{quarter}"
    if precision is Precision.HALF:
        half = 1 if start.month <= 6 else 2
        return f"{start.year}年{_ZH_HALF[half]}" if locale == "zh-CN" else f"{start.year} H{half}"
    if precision is Precision.YEAR:
        return f"{start.year}年" if locale == "zh-CN" else str(start.year)
    return start.isoformat()


def period_text(precision: Precision, start: date, end: date | None, locale: str) -> str:
    """``week of 26 Jan``, ``2026 Q2``, ``2026年第二季度``; a span of several periods joins two labels."""
    label = _one_period(precision, start, locale)
    if end is not None and end > period_end(precision, start):
        label = f"{label} – {_one_period(precision, period_start(precision, end), locale)}"
    return label
