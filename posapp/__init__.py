"""I·Market·U POS: point of sale, inventory, cooking classes and sync for the I·Market·U store."""

__version__ = "0.1.0"
