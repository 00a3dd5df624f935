"""kpi-extract: performance figures out of council committee papers, each with its source."""

__version__ = "0.1.0"
