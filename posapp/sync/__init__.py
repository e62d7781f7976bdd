"""Sync with the online platform (issue 8): outbox delivery, client, server.

Not built yet."""
