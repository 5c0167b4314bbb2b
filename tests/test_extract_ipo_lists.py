"""IPOs named one by one in a week-ahead preview (corpus 7, English): a scheduled list "...: Acme (ACME),
Bolt (BLT) and Crane (CRN)" and the rows of an IPO calendar are one candidate per company; "the following
week" of a week-ahead is the week after the one it previews; a count of the week's deals ("Five IPOs") and
the headline give way to the named deals. The article is our own."""

from __future__ import annotations

from datetime import datetime

from calendar_daemon.sources.extract import extract

PUBLISHED = datetime.fromisoformat("2031-09-05T12:00-04:00")  # a Friday

ARTICLE = (
    "Example Research logo\n\n"
    "US IPO Week Ahead: three deals to start the autumn\n\n"
    "Three IPOs are scheduled to raise $900 million in the week ahead.\n\n"
    "Three further IPOs are lined up for the following week: Delta Foods (DLTF), Eagle Labs (EGL) "
    "and Falcon Air (FLCN).\n\n"
    "Other deals may follow, as a few issuers could potentially launch in the coming week: Gamma Soft "
    "(GMS) and Harbor Bank (HRB).\n\n"
    "U.S. IPO Calendar\n"
    "Issuer\n"
    "Deal Size\n"
    "Acme Robotics (ACME)\n"
    "$300M\n"
    "Bolt Energy (BOLT)\n"
    "$400M\n"
    "Crane Health (CRNH)\n"
    "$200M\n"
)


def test_each_deal_is_one_candidate_in_its_week() -> None:
    got = sorted((c.start, c.end, c.precision, c.entities[0]) for c in extract(ARTICLE, PUBLISHED))
    assert got == [
        ("2031-09-08", "2031-09-14", "week", "Acme Robotics"),
        ("2031-09-08", "2031-09-14", "week", "Bolt Energy"),
        ("2031-09-08", "2031-09-14", "week", "Crane Health"),
        ("2031-09-15", "2031-09-21", "week", "Delta Foods"),
        ("2031-09-15", "2031-09-21", "week", "Eagle Labs"),
        ("2031-09-15", "2031-09-21", "week", "Falcon Air"),
    ]
    assert {c.category for c in extract(ARTICLE, PUBLISHED)} == {"ipo"}


def test_a_count_alone_stays_when_no_deal_is_named() -> None:
    text = "US IPO Week Ahead: a quiet week\n\nTwo IPOs are scheduled to raise $100 million in the week ahead.\n"
    got = [(c.category, c.start, c.precision) for c in extract(text, PUBLISHED)]
    assert got == [("ipo", "2031-09-08", "week")]
