"""``posapp-card-simulator``: run the card-terminal simulator until Ctrl-C and say which
``[card] terminal`` URI reaches it."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from posapp_devtools.card_simulator.simulator import CardTerminalSimulator


def main(argv: Sequence[str] | None = None) -> int:
    """``posapp-card-simulator [--host 127.0.0.1] [--port 8111]``: serve until Ctrl-C.

    The first line printed is the ``tcp://HOST:PORT`` URI for ``[card] terminal`` (or
    ``POSAPP_CARD__TERMINAL``) alone, so a script can read it; each request is printed after."""
    parser = argparse.ArgumentParser(
        prog="posapp-card-simulator",
        description="Play a card terminal (JSON lines over TCP, docs/card-terminal-protocol.md).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8111, help="TCP port (0: any free port)")
    parser.add_argument(
        "--decline-over", type=int, metavar="WON", help="decline approvals above this amount"
    )
    parser.add_argument("--seed", type=int, help="random seed (repeatable approval numbers)")
    args = parser.parse_args(argv)
    sim = CardTerminalSimulator(
        args.host, args.port, on_event=lambda line: print(line, flush=True), seed=args.seed
    )
    if args.decline_over is not None:
        sim.decline_amount_over(args.decline_over)
    try:
        sim.start()
    except OSError as exc:
        print(f"cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr, flush=True)
        return 2
    print(f"tcp://{args.host}:{sim.port}", flush=True)
    print(
        f"card terminal simulator on {args.host}:{sim.port}: put the line above in [card] terminal"
        " (or POSAPP_CARD__TERMINAL); Ctrl-C stops",
        flush=True,
    )
    try:
        while True:
            time.sleep(1.0)
    except KeyboardInterrupt:
        print("stopped", flush=True)
    finally:
        sim.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
