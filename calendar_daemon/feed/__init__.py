"""The calendar going out: iCalendar VEVENTs, the feed cache with its compact table and file-backed bodies,
and the JSON/table listings of the CLI and the API."""
