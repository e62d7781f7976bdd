"""Hardware ports and adapters (issue 5): printers, drawer, scanners, scale.

Not built yet."""
