"""Every threshold of layout reading and matching in one validated object, with its default.

As pdfplumber's `TableSettings`: plain values that a caller can change and a test can pin, none
of them a constant buried in a matcher. Distances are in ems of the line's type size unless a
name says otherwise; scores are RapidFuzz `ratio` percentages; confidences run 0 to 1.
"""
from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Settings:
    # -- layout (geometry.py) --
    cell_gap: float = 1.0  # a horizontal gap wider than this (em) separates two table cells
    column_gap: float = 2.5  # prose lines split at a gap this wide, on three lines or more, are two columns
    row_gap_ratio: float = 1.25  # a line pitch this much larger than the tightest one starts a new table row
    header_lines: int = 3  # lines above a table's first row that may hold its header
    block_gap: float = 0.7  # a vertical gap wider than this (em) between lines ends a block of text
    heading_ratio: float = 1.15  # a line this much larger than the body type is a heading
    heading_max_words: int = 16  # longer lines are not headings, whatever their type
    # -- matching (matchers/) --
    table_label_cutoff: float = 88.0  # how close a table row label must be to a KPI alias (ratio, 0-100)
    table_confidence: float = 0.95  # a table cell is the report's own data, laid out to be read as figures
    sentence_confidence: float = 0.9  # a sentence may round a figure or date it loosely

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
                raise ValueError(f"setting {f.name} must be a positive number, not {value!r}")
        for name in ("table_confidence", "sentence_confidence"):
            if getattr(self, name) > 1:
                raise ValueError(f"setting {name} is a confidence from 0 to 1, not {getattr(self, name)!r}")
        if self.table_label_cutoff > 100:
            raise ValueError(f"setting table_label_cutoff is a percentage, not {self.table_label_cutoff!r}")


DEFAULT_SETTINGS = Settings()
