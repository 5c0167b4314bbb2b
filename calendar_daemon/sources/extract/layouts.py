"""Page layouts rewritten into sentences before the engine reads them.

Calendars come as rows, tables flattened into one line, lists under day headings, numbered notices.
Each reader below turns one such layout into plain dated lines ("周三 21:30 某国CPI" -> one sentence
with its own day and clock), so that the sentence reader sees every row's day beside its item. They run
in a fixed order: the ones that date a row from a frame above it (a year in an intro line, a next week
named once) before the ones that split rows.

The order is one list, ``STEPS``: each step names its reader and whether it reads English pages only.
Each reader leaves a text without its layout unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .backrefs import named_back
from .bankrows import bank_day_rows
from .bondsteps import auction_windows
from .brokenrows import join_broken_rows
from .celltables import bar_cell_rows, cell_table_rows, status_rows
from .chains import semicolon_chains
from .clockdates import clocks_before_days
from .clockrows import join_row_dashes
from .commentlines import without_comment_lines
from .companycounts import company_counts
from .datebullets import date_bullets
from .datecolumns import date_columns
from .dategrids import date_grids, day_status_cells
from .datelines import without_date_lines, without_stamps
from .daygroups import day_groups
from .dayhas import day_has_items
from .daypairs import day_pairs
from .dayparagraphs import day_paragraphs
from .dayrows import day_clock_rows
from .earlylists import early_close_lists
from .earningsrows import earnings_rows
from .earningstables import earnings_tables
from .exdividendrows import ex_dividend_days
from .fieldlines import field_lines
from .fieldrecords import field_records
from .flatdiaries import flat_diary_lines
from .flatrows import flat_table_rows
from .holidaybrackets import holiday_brackets
from .holidaydates import holiday_date_lists
from .holidaylists import holiday_closures
from .holidaytables import holiday_tables
from .indexreviews import index_changes
from .ipolists import ipo_lists
from .ipowindows import ipo_windows
from .isorows import holiday_rows
from .lockuptables import lockup_tables
from .meetinglists import meeting_dates_en, meeting_lists
from .nextweekdays import framed_weekdays, next_week_chains
from .numberedheads import numbered_heads
from .offertimetables import offer_timetables
from .pipetables import pipe_tables
from .proseclocks import prose_clock_items
from .relativeasides import without_relative_asides
from .releaseschedules import release_schedules
from .rocslashdates import roc_slash_dates
from .rowsplits import rows_by_kind
from .rulelists import rule_lists
from .samedays import same_days
from .scheduletables import results_schedule_rows
from .sharedheads import shared_heads
from .slashrows import slash_rows
from .statusgrids import status_grids
from .tablelines import join_table_lines
from .tailclocks import tail_clock_rows
from .weekcarry import week_carry
from .weekdaylists import list_shapes
from .weekreviews import without_week_reviews
from .yearframes import year_frames


@dataclass(frozen=True)
class Step:
    """One layout reader in the chain: ``rewrite(text, zh)``, or ``rewrite(text)`` if ``by_language`` is
    False; skipped on Chinese text if ``english_only``."""

    rewrite: Callable[..., str]
    by_language: bool = True
    english_only: bool = False

    def __call__(self, text: str, zh: bool) -> str:
        if self.english_only and zh:
            return text
        return self.rewrite(text, zh) if self.by_language else self.rewrite(text)


STEPS: tuple[Step, ...] = (
    # an analyst's notes under a preview's items ("关键点:…", "市场影响:…") are no items
    Step(without_comment_lines, by_language=False),
    Step(without_stamps, by_language=False),
    Step(without_week_reviews),
    Step(without_relative_asides, by_language=False, english_only=True),
    # one release name shared by two publishers is written out for each; a Taiwan filing's dates as dates;
    # "将于当日" as the day the sentence opens with;
    # a day's paragraph lends its day to the items after it; an index review's two days are one change
    Step(shared_heads),
    Step(roc_slash_dates),
    Step(field_records),
    Step(field_lines, by_language=False, english_only=True),
    Step(numbered_heads),
    Step(rule_lists),
    Step(day_pairs),
    Step(same_days),
    Step(day_groups),
    Step(date_bullets),
    Step(week_carry),
    Step(day_paragraphs),
    Step(index_changes),
    # frames first: a year or a next week named once dates the rows below it
    Step(holiday_closures),
    Step(holiday_brackets),
    Step(meeting_lists),
    Step(meeting_dates_en, by_language=False, english_only=True),
    Step(year_frames, by_language=False),
    Step(next_week_chains),
    Step(framed_weekdays),
    Step(day_has_items),
    Step(holiday_rows),
    Step(slash_rows),
    # a table exported one cell a line, its rows put back together
    Step(status_grids, by_language=False),
    Step(date_columns, by_language=False),
    Step(join_broken_rows, by_language=False),
    Step(pipe_tables),
    Step(cell_table_rows, by_language=False),
    Step(status_rows, by_language=False),
    Step(date_grids, by_language=False, english_only=True),
    Step(day_status_cells, by_language=False, english_only=True),
    # English tables and diaries flattened by the page's text export
    Step(flat_diary_lines, by_language=False, english_only=True),
    Step(holiday_tables, by_language=False, english_only=True),
    Step(early_close_lists, by_language=False, english_only=True),
    Step(holiday_date_lists, by_language=False, english_only=True),
    Step(join_table_lines, by_language=False, english_only=True),
    Step(flat_table_rows, by_language=False, english_only=True),
    Step(earnings_rows, by_language=False, english_only=True),
    Step(ex_dividend_days, by_language=False, english_only=True),
    Step(company_counts, by_language=False, english_only=True),
    Step(lockup_tables, by_language=False, english_only=True),
    Step(named_back, by_language=False, english_only=True),
    Step(ipo_lists, by_language=False, english_only=True),
    Step(ipo_windows, by_language=False, english_only=True),
    Step(clocks_before_days, by_language=False, english_only=True),
    Step(bank_day_rows, by_language=False, english_only=True),
    Step(rows_by_kind, by_language=False, english_only=True),
    Step(without_date_lines, by_language=False, english_only=True),
    Step(results_schedule_rows, by_language=False, english_only=True),
    Step(bar_cell_rows, by_language=False),  # (after the closure grids and status cells, which read their own bars)
    Step(offer_timetables, by_language=False, english_only=True),
    Step(release_schedules, by_language=False, english_only=True),
    # rows split last
    Step(prose_clock_items),
    Step(tail_clock_rows),
    Step(auction_windows, by_language=False),
    Step(join_row_dashes, by_language=False),
    Step(day_clock_rows),
    Step(earnings_tables, by_language=False),
    Step(list_shapes),
    Step(semicolon_chains),
)


def rewrite_layouts(norm: str, zh: bool) -> str:
    """``norm`` (normalised text) with its calendar layouts rewritten as dated lines."""
    for step in STEPS:
        norm = step(norm, zh)
    return norm
