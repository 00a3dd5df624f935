"""Pages without a text layer, read by Tesseract (`--ocr`): councils still scan signed minutes.

A page is rendered by PDFium (pypdfium2, which pdfplumber already brings) at 300 dpi and given
to the `tesseract` command, Debian's `tesseract-ocr` package: no Python binding to keep in step
with the C library, and a missing install is one clear message. OCR is off unless asked for,
because it is slow (seconds a page) and its figures deserve a second look: the pages it read are
named in a warning, whose fixed wording `ocr_pages` reads back, so that the figures found on
them can say so in their `method`, also when the text comes from the cache.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

_enabled = False
INSTALL = "install Tesseract (Debian and Ubuntu: `apt-get install tesseract-ocr`)"
_WARNING = "page(s) {} were read by OCR (Tesseract): check their figures"
_WARNING_RX = re.compile(r"^page\(s\) ([\d, ]+) were read by OCR \(Tesseract\)")


class OcrError(Exception):
    """Tesseract is missing or failed on a page; one line saying what to do."""


def configure(enabled: bool) -> None:
    """Turn OCR on or off for this process and the readers it forks."""
    global _enabled
    _enabled = enabled


def enabled() -> bool:
    return _enabled


def tesseract() -> str | None:
    return shutil.which("tesseract")


def ocr_page(path: Path, number: int, dpi: int = 300, timeout: float = 120) -> str:
    """The text of page `number` (1-based) of the PDF at `path`, as Tesseract reads it."""
    exe = tesseract()
    if exe is None:
        raise OcrError(f"Tesseract is not installed: {INSTALL}")
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        image = pdf[number - 1].render(scale=dpi / 72).to_pil()
    finally:
        pdf.close()
    with tempfile.TemporaryDirectory(prefix="kpi-extract-ocr-") as tmp:
        png = Path(tmp) / "page.png"
        image.save(png)
        try:
            done = subprocess.run([exe, str(png), "stdout", "-l", "eng"], capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired as e:
            raise OcrError(f"Tesseract took over {timeout:g}s on page {number}") from e
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise OcrError(f"Tesseract failed on page {number} ({detail[0][:80]}): check that `tesseract-ocr-eng` is "
                       f"installed")
    return done.stdout.decode("utf-8", "replace")


def ocr_warning(pages: list[int]) -> str:
    return _WARNING.format(", ".join(map(str, pages)))


def ocr_pages(warnings: list[str]) -> set[int]:
    """The pages a document's warnings say were read by OCR."""
    for w in warnings:
        m = _WARNING_RX.match(w)
        if m:
            return {int(n) for n in m.group(1).split(", ") if n.strip()}
    return set()
