"""Use cases: one Qt-free function or small class per thing a person does at the till or in
the back office (scan, pay, refund, approve, open/close a shift, receive, count, book, ...).

The rules every use case follows (DESIGN §1):

- It owns its transaction: ``db.transact`` (write) or ``db.read`` (read) is called here and
  nowhere in ``posapp.ui``; the screen never sees a unit of work, a connection or SQL.
- What must happen after the commit (print, drawer, customer display, sync wake-up) runs in
  one place, after the commit, through the hardware ports and callbacks it was built with.
- It returns typed results (frozen dataclasses, tuples of them), never ORM objects or dicts of
  rows; the result types a screen needs are importable from the use-case module that returns
  them, so ``posapp.ui`` imports ``posapp.usecases``, ``posapp.domain`` and the hardware ports
  only.
- A rule it cannot satisfy is raised as a :class:`posapp.errors.PosError` (or a domain error)
  carrying a code; the UI turns the code into Korean words. A manager's approval is asked
  through :mod:`posapp.usecases.approvals`.

The screens call use cases through :class:`posapp.ui.operations.Op` (a write or a slow read
on the database worker) and :class:`posapp.ui.operations.IoOp` (printers, terminals, the
network), whose failure is shown to the person in Korean unless the screen handles it.
"""
