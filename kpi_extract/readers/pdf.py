"""PDF pages through pdfplumber, the reader our users named.

pdfplumber keeps table rows on one line (`No of Children on Child 1301 851 988`), which the
table matcher relies on. Its failure shapes are many (pitfalls.md): an encrypted file raises
`PdfminerException` wrapping `PDFPasswordIncorrect`, broken files raise bare `TypeError`s or
`RecursionError`, some open with zero pages. Each becomes one `ReadError` line.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .base import RawDocument, ReadError

REPAIR = "repair it (e.g. `qpdf broken.pdf repaired.pdf`) or download it again"


def _sniff(path: Path) -> None:
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


def _explain(e: BaseException) -> str:
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException
    inner = e.args[0] if isinstance(e, PdfminerException) and e.args else e
    if isinstance(inner, PDFPasswordIncorrect) or "password" in repr(inner).lower() or \
            "encrypt" in repr(inner).lower():
        return "encrypted (password-protected): decrypt it first (e.g. `qpdf --decrypt --password=PASSWORD in.pdf out.pdf`)"
    what = type(inner).__name__ if isinstance(inner, BaseException) else type(e).__name__
    detail = str(inner).strip().splitlines()[0][:80] if str(inner).strip() else ""
    return f"damaged PDF ({what}{': ' + detail if detail else ''}): {REPAIR}"


@lru_cache(maxsize=1)
def _pdfplumber_version() -> str:
    """From the installed package's metadata: importing pdfplumber (and pdfminer) to read its
    version would cost every command, even a warm run that reads nothing, a third of a second."""
    from importlib.metadata import PackageNotFoundError, version as _package_version
    try:
        return _package_version("pdfplumber")
    except PackageNotFoundError:
        import pdfplumber
        return pdfplumber.__version__


class PdfplumberReader:
    name = "pdfplumber"

    @property
    def version(self) -> str:
        return f"{_pdfplumber_version()}/1"

    def read(self, path: Path) -> RawDocument:
        import pdfplumber  # only when a PDF is read: the commands that read none start without it

        _sniff(path)
        texts: list[str] = []
        warnings: list[str] = []
        scanned: list[int] = []
        try:
            with pdfplumber.open(path) as pdf:
                if len(pdf.pages) == 0:
                    raise ReadError(f"no pages could be read: the file is damaged; {REPAIR}")
                for number, page in enumerate(pdf.pages, start=1):
                    try:
                        text = page.extract_text() or ""
                        if not text.strip() and page.images:
                            scanned.append(number)
                    except (ReadError, MemoryError):
                        raise
                    except Exception as e:  # one bad page must not lose the others
                        warnings.append(f"page {number} could not be read ({type(e).__name__}); its figures are missing")
                        text = ""
                    finally:
                        page.close()
                    texts.append(text)
        except ReadError:
            raise
        except MemoryError as e:
            raise ReadError("too large to read in memory: split it (e.g. `qpdf --split-pages`)") from e
        except RecursionError as e:
            raise ReadError(f"damaged PDF (its object tree loops): {REPAIR}") from e
        except Exception as e:
            raise ReadError(_explain(e)) from e
        if not any(t.strip() for t in texts):
            if scanned:
                raise ReadError("no text layer (scanned images?): OCR it first (e.g. `ocrmypdf in.pdf out.pdf`)")
            raise ReadError("no text on any page (a blank document?): check that it is the right file")
        if scanned:
            shown = ", ".join(map(str, scanned[:10])) + (" ..." if len(scanned) > 10 else "")
            warnings.append(f"page(s) {shown} have no text layer (scanned?): their figures are missing; "
                            f"OCR them (e.g. `ocrmypdf --skip-text in.pdf out.pdf`)")
        return RawDocument(texts, warnings)
