"""The calendar's own words and rules, with no I/O: vocabulary, periods and precision, event records and their
validation, filters, durations, trading days, entity aliases, time zones."""
