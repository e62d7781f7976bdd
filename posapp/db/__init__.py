"""Persistence: models, engines and the unit of work, and Alembic migrations applied on start."""
