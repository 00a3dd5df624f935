"""Readers: a file in, the raw text of each page out. Nothing else in the package opens a PDF.

`read_pages(path)` picks the reader by file type; every failure becomes a `ReadError` whose
message says what is wrong with the file and what to do about it.
"""
from __future__ import annotations

from pathlib import Path

from .base import ReadError, RawDocument
from .pdf import PdfplumberReader
from .pdfium import PdfiumReader, state_clean
from .text import TextReader

PDF_READERS = {"pdfium": PdfiumReader(), "pdfplumber": PdfplumberReader()}
DEFAULT_PDF_READER = "pdfium"  # fast, with positions and type; pdfplumber is the reference
READERS = {".pdf": PDF_READERS[DEFAULT_PDF_READER], ".txt": TextReader()}
SUFFIXES = tuple(READERS)


def reader_for(path: str | Path, pdf_reader: str = DEFAULT_PDF_READER):
    suffix = Path(path).suffix.lower()
    if suffix not in READERS:
        raise ReadError(f"not a supported file type ({suffix or 'no extension'}): give a .pdf or .txt file")
    if suffix == ".pdf":
        return PDF_READERS[pdf_reader]
    return READERS[suffix]


def read_pages(path: str | Path, pdf_reader: str = DEFAULT_PDF_READER, resume: RawDocument | None = None,
               checkpoint=None) -> RawDocument:
    """Every page of the file (after the `resume` pages an earlier run kept; `checkpoint` is
    given the pages read so far now and then, see `base.Reader`)."""
    return reader_for(path, pdf_reader).read(Path(path), resume=resume, checkpoint=checkpoint)


__all__ = ["ReadError", "RawDocument", "read_pages", "reader_for", "SUFFIXES", "PDF_READERS", "DEFAULT_PDF_READER",
           "state_clean"]
