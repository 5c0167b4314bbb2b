"""Page layouts rewritten into sentences before the engine reads them.

Calendars come as rows, tables flattened into one line, lists under day headings, numbered notices.
Each reader below turns one such layout into plain dated lines ("周三 21:30 某国CPI" -> one sentence
with its own day and clock), so that the sentence reader sees every row's day beside its item. They run
in a fixed order: the ones that date a row from a frame above it (a year in an intro line, a next week
named once) before the ones that split rows.
"""

from __future__ import annotations

from .backrefs import named_back
from .bondsteps import auction_windows
from .chains import semicolon_chains
from .clockrows import join_row_dashes
from .datelines import without_date_lines
from .dayhas import day_has_items
from .dayrows import day_clock_rows
from .earningsrows import earnings_rows
from .earningstables import earnings_tables
from .flatrows import flat_table_rows
from .holidaylists import holiday_closures
from .holidaytables import holiday_tables
from .isorows import holiday_rows
from .nextweekdays import next_week_chains
from .scheduletables import results_schedule_rows
from .slashrows import slash_rows
from .tablelines import join_table_lines
from .tailclocks import tail_clock_rows
from .weekdaylists import list_shapes
from .yearframes import year_frames


def rewrite_layouts(norm: str, zh: bool) -> str:
    """``norm`` (normalised text) with its calendar layouts rewritten as dated lines."""
    norm = slash_rows(holiday_rows(day_has_items(next_week_chains(year_frames(holiday_closures(norm, zh)), zh), zh), zh), zh)
    norm = norm if zh else earnings_rows(flat_table_rows(join_table_lines(holiday_tables(norm))))
    norm = norm if zh else results_schedule_rows(without_date_lines(named_back(norm)))
    return semicolon_chains(list_shapes(earnings_tables(day_clock_rows(join_row_dashes(auction_windows(tail_clock_rows(norm, zh))), zh)), zh), zh)
