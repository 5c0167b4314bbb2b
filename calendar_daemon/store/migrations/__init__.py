"""Alembic migrations of calendar-daemon's schema (SQLite and PostgreSQL)."""
