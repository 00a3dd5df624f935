"""What every PDF reader does when a file is not a clean PDF: sniff it, explain a failure in one
line, and try once more on a repaired copy. Shared by the pdfplumber reader and any other (the
PDFium reader), so that a file gets the same verdict whichever reader met it.

Repair is qpdf's, through pikepdf: opening a file with qpdf rebuilds a broken cross-reference
table, drops unreadable objects and decompresses what it can, then we save a clean copy to a
temporary file and read that. Files that pdfminer calls damaged or empty are often fine after it
(pitfalls.md: "qpdf repairs the file"). The repaired copy is never written beside the input.
"""
from __future__ import annotations

import contextlib
import tempfile
from functools import partial
from pathlib import Path
from typing import Callable, Iterator

from .base import RawDocument, ReadError

REPAIR = "repair it (e.g. `qpdf broken.pdf repaired.pdf`) or download it again"
ENCRYPTED = "encrypted (password-protected): decrypt it first (e.g. `qpdf --decrypt --password=PASSWORD in.pdf out.pdf`)"


class DamagedError(ReadError):
    """A ReadError that a repaired copy of the file might not have."""


def sniff(path: Path) -> None:
    """Refuse, from its first kilobyte, a file that is not a PDF at all."""
    try:
        with path.open("rb") as f:
            head = f.read(1024)
    except OSError as e:
        raise ReadError(f"cannot read file: {e.strerror or e}") from e
    if not head:
        raise ReadError("empty file (0 bytes): download it again")
    if b"%PDF" not in head:
        kind = "it is an HTML page" if b"<html" in head.lower() or b"<!doctype" in head.lower() else \
            "it is a ZIP or Office file" if head.startswith(b"PK") else "it has no %PDF header"
        raise ReadError(f"not a PDF ({kind}): check the download, or rename it to .txt if it is text")


def explain(e: BaseException) -> ReadError:
    """One line for an exception a PDF library raised: encrypted, or damaged (with its type)."""
    inner = e.args[0] if type(e).__name__ == "PdfminerException" and e.args else e
    text = repr(inner).lower()
    if type(inner).__name__ in ("PDFPasswordIncorrect", "PasswordError") or "password" in text or "encrypt" in text:
        return ReadError(ENCRYPTED)
    if isinstance(inner, RecursionError):
        return DamagedError(f"damaged PDF (its object tree loops): {REPAIR}")
    what = type(inner).__name__ if isinstance(inner, BaseException) else type(e).__name__
    detail = str(inner).strip().splitlines()[0][:80] if str(inner).strip() else ""
    return DamagedError(f"damaged PDF ({what}{': ' + detail if detail else ''}): {REPAIR}")


@contextlib.contextmanager
def repaired_copy(path: Path) -> Iterator[Path | None]:
    """A qpdf-repaired copy of `path` in a temporary folder, or None when pikepdf is missing
    or qpdf cannot open the file either."""
    try:
        import pikepdf
    except ImportError:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="kpi-extract-repair-") as tmp:
        out = Path(tmp) / "repaired.pdf"
        try:
            with pikepdf.open(path, suppress_warnings=True) as pdf:
                pdf.save(out)
        except pikepdf.PasswordError:
            yield None
            return
        except Exception:  # qpdf could not make sense of it either: the first verdict stands
            yield None
            return
        yield out


def read_with_repair(path: Path, read: Callable[[Path], RawDocument]) -> RawDocument:
    """`read(path)`, and when it fails as damaged, `read` of a repaired copy; the first error is
    the verdict when the copy is damaged too, the copy's when it says more (scanned pages)."""
    try:
        return read(path)
    except DamagedError as first:
        with repaired_copy(path) as fixed:
            if fixed is None:
                raise
            try:
                doc = read(fixed)
            except DamagedError:
                raise first from None
            except ReadError as second:  # a clearer verdict once repaired (scanned, encrypted)
                raise second from None
        doc.warnings.insert(0, "the file is damaged; it was read after repair by qpdf, so check its figures")
        return doc


class PdfReader:
    """What every PDF reader does before and around its own `_read`: refuse what is not a PDF,
    and read a damaged file once more from a repaired copy."""

    def read(self, path: Path, resume: RawDocument | None = None, checkpoint=None) -> RawDocument:
        sniff(path)
        return read_with_repair(path, partial(self._read, resume=resume, checkpoint=checkpoint))

    def _read(self, path: Path, resume: RawDocument | None = None, checkpoint=None) -> RawDocument:
        raise NotImplementedError


def conclude(path: Path, texts: list[str], warnings: list[str], scanned: list[int],
             failed: list[tuple[int, Exception]], models: list | None = None) -> RawDocument:
    """A document whose pages were read: its pages without a text layer read by OCR when asked
    (`--ocr`), then one verdict: damaged (pages failed and none had text), scanned, blank, or
    read, with a warning naming the pages still missing. The same words whichever reader read it."""
    from . import ocr

    read_by_ocr: list[int] = []
    if scanned and ocr.enabled():
        for number in scanned:
            try:
                texts[number - 1] = ocr.ocr_page(path, number)
            except ocr.OcrError as e:
                warnings.append(f"page {number}: {e}")
                continue
            read_by_ocr.append(number)
            if models is not None:
                models[number - 1] = None  # OCR gives text, not a layout
        scanned = [n for n in scanned if n not in read_by_ocr]
        if read_by_ocr:
            warnings.append(ocr.ocr_warning(read_by_ocr))
    if not any(t.strip() for t in texts):
        if failed:
            number, e = failed[0]
            raise DamagedError(f"damaged PDF ({len(failed)} of {len(texts)} page(s) could not be read; page "
                               f"{number}: {type(e).__name__}): {REPAIR}")
        if scanned:
            raise ReadError("no text layer (scanned images?): read it with --ocr (needs Tesseract), or OCR it "
                            "first (e.g. `ocrmypdf in.pdf out.pdf`)")
        raise DamagedError("no text on any page (a blank document?): check that it is the right file")
    if scanned:
        shown = ", ".join(map(str, scanned[:10])) + (" ..." if len(scanned) > 10 else "")
        warnings.append(f"page(s) {shown} have no text layer (scanned?): their figures are missing; "
                        f"read them with --ocr (needs Tesseract)")
    return RawDocument(texts, warnings, models)


__all__ = ["DamagedError", "ENCRYPTED", "PdfReader", "REPAIR", "conclude", "explain", "read_with_repair", "repaired_copy",
           "sniff"]
