"""Getting an alert to a person: rendering its message and sending it through apprise."""
