"""Reading YAML documents with the safe loader, libyaml's when PyYAML was built with it.

libyaml's parser reads the bundled seed, rule and gazetteer files ~10 times faster than PyYAML's
pure-Python one (which was most of a first start's seed load) and builds the same documents of the
same safe types. Its limit on nesting is an error at a line (``exceeded maximum nesting depth``)
where the pure-Python parser recursed until Python's own limit.
"""

from __future__ import annotations

from typing import Any

import yaml

SafeLoader: type[yaml.SafeLoader] = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader  # type: ignore[assignment]


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` with :data:`SafeLoader`."""
    return yaml.load(text, Loader=SafeLoader)
