"""Sync with the online platform: the outbox (its one writer, delivery order and marks), the
platform client, the background worker, what the platform sends applied by the store's rules
(:mod:`.online`), and the protocol both sides speak (:mod:`.protocol`; the reference platform
that speaks it for tests and demos is :mod:`posapp_devtools.platform`). Services take a unit of
work."""
