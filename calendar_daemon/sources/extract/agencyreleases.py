"""An agency putting out a statistical release (issue 15, corpus 6 shape 2): "the Commerce Department
reports August retail sales", "the Federal Reserve reports on industrial production", "the department
releases three reports: durable goods …". The clause is a data release whoever reports it: read before
a company's "reports" (results) and before the central bank's name."""

from __future__ import annotations

# Names of scheduled statistical releases (English), read after the agency's verb.
RELEASE_NAMES = (r"(?:retail sales|industrial production|housing starts|(?:existing |new |pending )?home sales|durable goods|"
                 r"current account|business inventories|housing market index|gross domestic product|GDP|personal income|"
                 r"consumer (?:prices|price index|credit|confidence|sentiment)|producer prices|jobless claims|trade (?:deficit|balance)|"
                 r"construction spending|factory orders|import prices|export prices|employment (?:report|data)|payrolls)\b")
# the verb, then up to three words (a month, "its", "three reports:") before the release's name
AGENCY_RELEASE = r"\b(?:reports|releases|issues|publishes)\s+(?:on\s+)?(?:[\w:-]+\s+){0,3}?" + RELEASE_NAMES
