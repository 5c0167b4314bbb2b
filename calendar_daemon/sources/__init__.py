"""Where events come from, read into records and never written: event files (YAML, JSON, CSV, iCalendar),
reference schedules and their recurrence rules, the bundled seeds, and articles (the extractor and the
proposals it makes)."""
