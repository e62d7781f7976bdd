"""Alembic migration scripts (run programmatically by posapp.db.migrate)."""
