"""Moving lock-up expiries and listings onto trading days as they are stored.

A lock-up expiry or a listing (categories ``lockup`` and ``ipo``) dated on a day its exchange is
closed takes effect on the next trading day.  :func:`apply_trading_day` moves such a record there
and keeps the original date and the reason in ``extra["trading_day_shift"]``; when the year's
holidays are not published yet the record says what was considered (weekends, and on the mainland the
statutory holidays), moved or not.
The exchange is ``extra["exchange"]`` (a MIC or alias such as ``SZSE``), else the region (CN, HK, US).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from calendar_daemon.domain.dates import to_utc_naive
from calendar_daemon.domain.periods import Precision
from calendar_daemon.domain.records import EventRecord
from calendar_daemon.domain.trading import SHIFTED_CATEGORIES, get_exchange, next_trading_day

logger = logging.getLogger(__name__)

SHIFT_KEY = "trading_day_shift"


def exchange_of(record: EventRecord) -> str | None:
    """The record's exchange (MIC), or None when it names none and its region has no exchange."""
    for code in (record.extra.get("exchange"), record.region):
        if isinstance(code, str) and code:
            try:
                return get_exchange(code).mic
            except ValueError:
                continue
    return None


def apply_trading_day(record: EventRecord) -> EventRecord:
    """``record`` moved to its exchange's next trading day when it falls on a closed day."""
    if record.category not in SHIFTED_CATEGORIES or record.precision.is_coarse:
        return record
    mic = exchange_of(record)
    if mic is None:
        return record
    previous = record.extra.get(SHIFT_KEY)
    # A timed event is open or closed by the day on the exchange's clock, not on the record's: a US
    # listing at 02:00 Beijing time on 27 November is 13:00 in New York on Thanksgiving.
    zone = ZoneInfo(get_exchange(mic).timezone)
    if record.precision is Precision.DATETIME:
        assert record.start_at is not None
        local = record.start_at.replace(tzinfo=ZoneInfo("UTC")).astimezone(zone)
        day = local.date()
    else:
        assert record.start_date is not None
        day = record.start_date
    if isinstance(previous, dict) and previous.get("shifted") == day.isoformat():
        return record  # already moved (an export re-imported, or a re-submitted stored event)
    shift = next_trading_day(mic, day)
    if not shift.moved and shift.holidays_published:
        return record
    offset = timedelta(days=(shift.shifted - day).days)
    note = {
        "exchange": shift.exchange, "original": day.isoformat(), "shifted": shift.shifted.isoformat(),
        "reason": shift.reason, "holidays_published": shift.holidays_published, "moved": shift.moved,
    }  # fmt: skip
    extra = {**record.extra, SHIFT_KEY: note}
    if not shift.moved:
        return replace(record, extra=extra)
    logger.info("%s: %s", record.uid, shift.reason)
    if record.precision is Precision.DATETIME:
        assert record.start_at is not None
        moved_local = datetime.combine(shift.shifted, local.time().replace(tzinfo=None))  # same time on the exchange's clock
        start_at = to_utc_naive(moved_local, zone.key)
        end_at = None if record.end_at is None else start_at + (record.end_at - record.start_at)
        return replace(record, start_at=start_at, end_at=end_at, extra=extra)
    assert record.end_date is not None
    return replace(record, start_date=shift.shifted, end_date=record.end_date + offset, extra=extra)
