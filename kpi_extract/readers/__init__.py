"""Readers: a file in, the raw text of each page out. Nothing else in the package opens a PDF.

`read_pages(path)` picks the reader by file type; every failure becomes a `ReadError` whose
message says what is wrong with the file and what to do about it.
"""
from __future__ import annotations

from pathlib import Path

from .base import ReadError, RawDocument
from .pdf import PdfplumberReader
from .text import TextReader

READERS = {".pdf": PdfplumberReader(), ".txt": TextReader()}
SUFFIXES = tuple(READERS)


def reader_for(path: str | Path):
    suffix = Path(path).suffix.lower()
    if suffix not in READERS:
        raise ReadError(f"not a supported file type ({suffix or 'no extension'}): give a .pdf or .txt file")
    return READERS[suffix]


def read_pages(path: str | Path) -> RawDocument:
    return reader_for(path).read(Path(path))


__all__ = ["ReadError", "RawDocument", "read_pages", "reader_for", "SUFFIXES"]
