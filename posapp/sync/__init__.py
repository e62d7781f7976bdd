"""Sync with the online platform: the outbox (its one writer, delivery order and marks), the
platform client, the background worker, what the platform sends applied by the store's rules
(:mod:`.online`), and the protocol both sides speak. Services take a unit of work."""
