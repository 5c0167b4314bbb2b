"""The holiday package with only the markets and countries asked for imported.

The ``holidays`` package's ``countries`` and ``financial`` subpackages import every one of their
~340 modules when any of them is imported (their ``__init__`` lists them all), so asking for the
Shanghai exchange's calendar, which builds on ``holidays.countries.china``, costs ~11 MB of a
daemon's memory where the four calendars used here need ~3 MB.  :func:`holiday_package` registers
the two subpackages before anything imports them as packages whose modules load on first use: a
name such as ``holidays.countries.China`` (or ``from holidays.countries import China``) imports
``holidays/countries/china.py`` alone, found through the package's own registry of which module
defines which name.  The package's own entry points (``holidays.financial_holidays``,
``holidays.country_holidays``, ``holidays.XNYS``) already import one module each, so they then load
only what they use.  When the subpackages were imported already (by other code in the process), the
package is returned as it is.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import sys
import threading
from types import ModuleType
from typing import Any

logger = logging.getLogger(__name__)

_LOCK = threading.Lock()
_SUBPACKAGES = ("countries", "financial")


def holiday_package() -> ModuleType:
    """The ``holidays`` module, its ``countries`` and ``financial`` subpackages loading lazily."""
    with _LOCK:
        import holidays

        if all(f"holidays.{name}" in sys.modules for name in _SUBPACKAGES):
            return holidays
        try:
            from holidays.registry import COUNTRIES, FINANCIAL
        except ImportError:  # a layout this does not know: the package as it comes
            logger.warning("holidays %s has no registry; importing it whole", getattr(holidays, "__version__", "?"))
            return holidays
        for name, registry in zip(_SUBPACKAGES, (COUNTRIES, FINANCIAL), strict=True):
            full = f"holidays.{name}"
            if full not in sys.modules:
                package = _lazy_package(full, {entity: module for module, entities in registry.items() for entity in entities})
                if package is not None:
                    sys.modules[full] = package
                    setattr(holidays, name, package)
        return holidays


def _lazy_package(full: str, modules: dict[str, str]) -> ModuleType | None:
    """The package ``full`` without running its ``__init__``; ``modules`` maps each name it would
    define to the submodule that defines it. None when the package cannot be found."""
    spec = importlib.util.find_spec(full)
    if spec is None or spec.submodule_search_locations is None:
        return None
    package = importlib.util.module_from_spec(spec)

    def attribute(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {full!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{full}.{module}"), name)
        setattr(package, name, value)
        return value

    package.__getattr__ = attribute  # type: ignore[method-assign]  # PEP 562: names load on first use
    package.__dict__["__all__"] = sorted(modules)  # star imports: every name, as the package's own __init__ gives
    return package
