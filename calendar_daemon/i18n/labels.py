"""The words of the calendar's vocabulary in zh-CN and en, shared by the web page, alerts, digests and CLI.

Category, precision and status labels, weekday and month names and period labels are declared here
once, so every surface says the same word, the feed's DESCRIPTION included. (The feed's titles keep
the locale-neutral period label of :mod:`calendar_daemon.domain.periods`: ``[2026-Q2] …``.)
"""

from __future__ import annotations

from datetime import date

from calendar_daemon.domain.periods import Precision, period_end, period_start

LOCALES = ("zh-CN", "en")
FALLBACK = "en"

CATEGORY_LABELS: dict[str, dict[str, str]] = {
    "zh-CN": {
        "central_bank": "央行", "macro_data": "宏观数据", "liquidity": "流动性", "lockup": "解禁", "ipo": "新股",
        "earnings": "财报", "bond": "债券", "policy": "政策", "corporate": "公司", "legal": "法律",
        "conference": "会议", "other": "其他",
    },
    "en": {
        "central_bank": "Central bank", "macro_data": "Macro data", "liquidity": "Liquidity", "lockup": "Lock-up",
        "ipo": "IPO", "earnings": "Earnings", "bond": "Bonds", "policy": "Policy", "corporate": "Corporate",
        "legal": "Legal", "conference": "Conference", "other": "Other",
    },
}  # fmt: skip

PRECISION_LABELS: dict[str, dict[str, str]] = {
    "zh-CN": {"datetime": "精确时间", "date": "日", "week": "周", "month": "月", "quarter": "季度", "half": "半年", "year": "年"},
    "en": {"datetime": "exact time", "date": "day", "week": "week", "month": "month", "quarter": "quarter", "half": "half-year", "year": "year"},
}  # fmt: skip

STATUS_LABELS: dict[str, dict[str, str]] = {
    "zh-CN": {"confirmed": "已确认", "tentative": "待定", "cancelled": "已取消"},
    "en": {"confirmed": "confirmed", "tentative": "tentative", "cancelled": "cancelled"},
}

ALL_DAY = {"zh-CN": "全天", "en": "all day"}

WEEKDAYS: dict[str, tuple[str, ...]] = {
    "zh-CN": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
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


def supported(locale: str) -> str:
    """``locale`` when the catalog has it, else the fallback (English)."""
    return locale if locale in LOCALES else FALLBACK


def category_label(category: str, locale: str) -> str:
    return CATEGORY_LABELS[supported(locale)].get(category, category)


def precision_label(precision: str, locale: str) -> str:
    return PRECISION_LABELS[supported(locale)].get(precision, precision)


def status_label(status: str, locale: str) -> str:
    return STATUS_LABELS[supported(locale)].get(status, status)


def all_day(locale: str) -> str:
    return ALL_DAY[supported(locale)]


def weekday_names(locale: str) -> tuple[str, ...]:
    return WEEKDAYS[supported(locale)]


def day_heading(day: date, locale: str) -> str:
    weekday = weekday_names(locale)[day.weekday()]
    if locale == "zh-CN":
        return f"{day.year}年{day.month}月{day.day}日 {weekday}"
    return f"{weekday} {day.day} {MONTHS[day.month - 1]} {day.year}"


def month_heading(year: int, month: int, locale: str) -> str:
    return f"{year}年{month}月" if locale == "zh-CN" else f"{MONTHS[month - 1]} {year}"


def _one_period(precision: Precision, start: date, locale: str) -> str:
    if precision is Precision.WEEK:
        return f"{start.month}月{start.day}日当周" if locale == "zh-CN" else f"week of {start.day} {MONTHS[start.month - 1]}"
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
