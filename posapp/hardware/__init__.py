"""Hardware ports and adapters: the ports (:mod:`.ports`) and the adapters of receipt printers
and their drawer, scanners, scales, the pole display and the card terminal; the receipt layout
(:mod:`.receipt`) apart from the transport. Knows only the domain."""
