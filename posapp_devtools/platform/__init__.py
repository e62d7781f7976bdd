"""The reference online platform: the sync protocol's server, with fault injection.

``posapp-platform serve`` runs it (Starlette on uvicorn, one SQLite file). It stores each pushed
document once by its uuid (a repeat is acknowledged as ``duplicate`` and applied never twice),
keeps an append-only ``apply_log`` so tests can prove it, serves catalogue changes and online
orders by server cursor, takes stock levels, and has a tiny admin page and CLI to place orders,
change prices and withdraw products.

Faults, for tests and demos (flags, or ``POST /admin/faults``): a failure rate (500 before
anything is applied), added latency, losing the ack (the batch is committed, then the connection
is dropped mid-response), 429 with ``Retry-After``, and restarts (kill the process; the file
keeps everything). Stand-alone: imports only :mod:`posapp.sync.protocol` of the till.

Modules: :mod:`.store` (the SQLite file), :mod:`.api` (the sync protocol's routes),
:mod:`.admin` (the admin page and routes), :mod:`.faults` (the fault injector),
:mod:`.server` (the ASGI app and the ``posapp-platform`` command).
"""
