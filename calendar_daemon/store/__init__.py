"""Where events, state markers and the delivery ledger live: the tables (one metadata), the event store,
engines for SQLite and PostgreSQL, and the schema with its Alembic migrations."""
