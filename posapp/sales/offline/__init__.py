"""Selling while the shared PostgreSQL cannot be reached: a till's local spool.

For one till, in three modules:

* :mod:`.spool` — the **spool**: a SQLite file in the data directory with the same schema
  (migrated by the same migrations), so the same sale engine, scan and sign-in code run on it
  unchanged; and its **queue** of sales made offline (``offline_queue``): each sale is committed
  in the spool with a receipt number of the offline series (``R02-20261123-O0001``: it can never
  collide with a number the server hands out) together with what it takes to replay it;
* :mod:`.snapshot` — the **snapshot** copied into it while online: products, barcodes, regions,
  producers, categories, users (PIN hashes) and role permissions, this register, the
  marked-down floor lots (so the till charges the same price offline), and the register's open
  shift;
* :mod:`.forwarder` — **forwarding**, when the server answers again: each queued sale, in order,
  is replayed on the server through :func:`posapp.sales.completion.complete_sale` with its
  printed receipt number and time, in one server transaction, then removed from the queue. The
  sale's uuid is the idempotency key: a uuid already on the server is not written again (a
  forward interrupted between the server's commit and the queue's delete), so nothing is lost
  or doubled. Stock is taken on the server at replay (FEFO, levels may go below zero and are
  flagged for a count). A sale the server refuses for good (e.g. a product deleted meanwhile)
  stays in the queue with the reason, set aside, and is counted as failed until a manager deals
  with it. :class:`~.forwarder.Forwarder` is the daemon thread the app starts for a till on
  PostgreSQL.

:mod:`.payload` is the JSON form of what a replay needs. All of it is Qt-free.
"""
