"""Alerts: plan reminders from events and rules into a ledger, send them through apprise."""
