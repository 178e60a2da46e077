"""EventWire: raw news in, PLOVER/CAMEO political event records out."""

__version__ = "0.1.0"
