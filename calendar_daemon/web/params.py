"""Reading list-valued query parameters: ``?category=a,b&category=c`` and ``?region=cn,US``.

Comma lists and repeated parameters both work; items are stripped, empty ones dropped, and the
result is sorted and unique so equal filters make equal cache keys.
"""

from __future__ import annotations

from collections.abc import Iterable

from calendar_daemon.domain.vocabulary import check_categories, check_regions


def list_param(values: Iterable[str], *, upper: bool = False) -> tuple[str, ...]:
    """The items of a list parameter, sorted and unique; ``upper`` upper-cases them (region codes)."""
    items = {item.strip().upper() if upper else item.strip() for value in values for item in value.split(",")}
    return tuple(sorted(item for item in items if item))


def category_param(values: Iterable[str]) -> tuple[str, ...]:
    """The categories of a ``category`` parameter; ``ValueError`` names the first unknown one."""
    categories = list_param(values)
    check_categories(categories)
    return categories


def region_param(values: Iterable[str], stored: Iterable[str]) -> tuple[str, ...]:
    """The regions of a ``region`` parameter, upper-cased; ``ValueError`` names the first that is neither
    a common region nor one ``stored`` (the feed's events have), with the valid ones."""
    regions = list_param(values, upper=True)
    if regions:
        check_regions(regions, stored)
    return regions
