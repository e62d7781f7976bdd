"""A card-terminal simulator: a local TCP peer speaking the JSON line protocol of
``docs/card-terminal-protocol.md``, with declines, late answers and lost answers on demand.

Used by the tests and by the demo (``scripts/run-app.sh --card-simulator``), and runnable on its
own as ``posapp-card-simulator --port 8111`` (:mod:`.cli`). It keeps an in-memory ledger of
every request by ``request_id`` (charged, declined, cancelled, net-cancelled), so a test can
assert that a timed-out approval was net-cancelled and that nobody was charged twice.

Fault knobs, each for the next new money-moving request (approve, cancel, cash receipt, cash
receipt cancel; a repeated ``request_id`` just gets its first answer again):
:meth:`~CardTerminalSimulator.decline_next`, :meth:`~CardTerminalSimulator.delay_next` (answer
late; or wait before charging, as a customer slow with the card),
:meth:`~CardTerminalSimulator.drop_next` (charge, then hang up without answering),
:meth:`~CardTerminalSimulator.garble_next`, :meth:`~CardTerminalSimulator.answer_unmasked_next`
(a broken terminal leaking a full card number); and
:meth:`~CardTerminalSimulator.decline_amount_over`,
:meth:`~CardTerminalSimulator.refuse_net_cancel_next`. Card numbers are random and fictitious;
only masked ones (first 6, last 4) leave the simulator, and only those are printed.

Modules: :mod:`.protocol` (requests checked, answers encoded, the ledger entry, the masks),
:mod:`.simulator` (the TCP server, its ledger and knobs), :mod:`.cli` (the command).
"""

from __future__ import annotations

from posapp_devtools.card_simulator.protocol import LedgerEntry
from posapp_devtools.card_simulator.simulator import CardTerminalSimulator

__all__ = ["CardTerminalSimulator", "LedgerEntry"]
