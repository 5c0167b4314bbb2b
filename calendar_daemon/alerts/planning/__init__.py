"""Which alerts are owed: the planner (pure), re-planning after changes, digests and the start-up catch-up;
they write ledger rows and send nothing."""
