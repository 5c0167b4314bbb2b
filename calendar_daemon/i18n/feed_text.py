"""The words of the feed's DESCRIPTION footer in zh-CN and en, and region names.

The footer names an event's importance, region, category, precision, local time and sources in the
display locale (``[display] locale``), with the same words as the page and the alerts: categories and
precisions from :mod:`calendar_daemon.i18n.labels`, instants from :mod:`calendar_daemon.i18n.moments`
(a zone by its city and UTC offset, never an ambiguous abbreviation such as ``CST``).
"""

from __future__ import annotations

from typing import Any

from calendar_daemon.i18n.labels import supported

FEED_TEXT: dict[str, dict[str, str]] = {
    "zh-CN": {
        "importance": "重要性", "region": "地区", "category": "类别", "precision": "精度", "local_time": "当地时间",
        "length_not_given": "时长：来源未给出，按 {minutes} 分钟显示", "entities": "相关主体", "date_moved": "日期顺延",
        "trading_day": "交易日", "conflict": "来源之间不一致（日期以最权威的来源为准）：", "followed": "［采用］",
        "sources": "来源", "span": "时段", "colon": "：", "list": "、",
    },
    "en": {
        "importance": "Importance", "region": "Region", "category": "Category", "precision": "Precision",
        "local_time": "Local time", "length_not_given": "Length: not given by the source; shown as {minutes} min",
        "entities": "Entities", "date_moved": "Date moved", "trading_day": "Trading day",
        "conflict": "Conflict between sources (the date follows the most authoritative):", "followed": "[followed]",
        "sources": "Sources", "span": "Span", "colon": ": ", "list": ", ",
    },
}  # fmt: skip

REGION_NAMES: dict[str, dict[str, str]] = {
    "zh-CN": {
        "CN": "中国", "HK": "中国香港", "TW": "中国台湾", "US": "美国", "EU": "欧洲", "JP": "日本", "CA": "加拿大",
        "UK": "英国", "GB": "英国", "DE": "德国", "FR": "法国", "KR": "韩国", "AU": "澳大利亚", "CH": "瑞士",
        "SG": "新加坡", "IN": "印度", "GLOBAL": "全球",
    },
    "en": {
        "CN": "China", "HK": "Hong Kong", "TW": "Taiwan", "US": "United States", "EU": "Europe",
        "JP": "Japan", "CA": "Canada", "UK": "United Kingdom", "GB": "United Kingdom", "DE": "Germany",
        "FR": "France", "KR": "South Korea", "AU": "Australia", "CH": "Switzerland", "SG": "Singapore",
        "IN": "India", "GLOBAL": "Global",
    },
}  # fmt: skip


def feed_text(locale: str, key: str, **values: Any) -> str:
    """The footer's word ``key`` in ``locale`` (English when the locale is not in the catalog)."""
    return FEED_TEXT[supported(locale)][key].format(**values)


def labelled(locale: str, key: str, value: str) -> str:
    """``Region: China (CN)`` / ``地区：中国 (CN)``: a footer line."""
    return f"{feed_text(locale, key)}{feed_text(locale, 'colon')}{value}"


EXCHANGE_NAMES_ZH: dict[str, str] = {"XSHG": "上交所", "XSHE": "深交所", "XHKG": "港交所", "XNYS": "纽交所"}


def shift_text(locale: str, shift: dict[str, Any]) -> str:
    """A trading-day shift (``extra["trading_day_shift"]``) in ``locale``.

    The stored ``reason`` is English; under zh-CN the line is written from the shift's fields
    (exchange, original and shifted day, whether the year's holidays are published).
    """
    reason = str(shift.get("reason", ""))
    if supported(locale) != "zh-CN":
        return reason
    exchange = str(shift.get("exchange", ""))
    name = EXCHANGE_NAMES_ZH.get(exchange, exchange)
    original, shifted = shift.get("original"), shift.get("shifted")
    if shift.get("moved", True) and original and shifted:
        text = f"{original}为{name}休市日，顺延至下一交易日 {shifted}"
    elif original:
        text = f"{original}为{name}交易日"
    else:
        return reason
    if shift.get("holidays_published") is False:
        considered = "仅按周末与法定节假日判断，调休安排尚未公布" if exchange in {"XSHG", "XSHE"} else "仅按周末判断"
        text += f"（该年休市安排尚未公布：{considered}）"
    return text


def region_name(code: str, locale: str) -> str:
    """``China (CN)`` / ``中国 (CN)``; a code with no name is shown as it is (the feed's
    filters take the code, so it stays beside the name)."""
    name = REGION_NAMES[supported(locale)].get(code.upper())
    return f"{name} ({code})" if name else code
