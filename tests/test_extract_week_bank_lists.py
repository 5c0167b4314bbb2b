"""Central banks named without a day in an English next-week preview (issue 15, corpus 5 English
shape 3): each bank named in a sentence about rate decisions is one decision in the previewed
week. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PREVIEW = """Harbour markets look busy next week with a string of results.

Staying with Asia, the Bank of Korea has a rate decision. """ + (
    "Other central banks with rate decisions include the Fed, the Bank of England, and the Reserve Bank of New Zealand."
) + """ None is expected to move.

Last month the Riksbank held a policy meeting and kept rates on hold.
"""


def test_each_bank_named_is_one_decision_in_the_week() -> None:
    got = [(c.start, c.end, c.precision, c.category, c.region) for c in extract(PREVIEW, datetime.fromisoformat("2024-06-07T17:00+08:00"))
           if c.category == "central_bank"]
    assert sorted(got, key=lambda g: g[4]) == [
        ("2024-06-10", "2024-06-16", "week", "central_bank", region) for region in ("GB", "KR", "NZ", "US")
    ]
