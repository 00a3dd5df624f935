"""PDF pages through pdfplumber, the reference reader (`--reader pdfplumber`).

pdfplumber keeps table rows on one line (`No of Children on Child 1301 851 988`), which the
text-table reading relies on. Its failure shapes are many (pitfalls.md): an encrypted file raises
`PdfminerException` wrapping `PDFPasswordIncorrect`, broken files raise bare `TypeError`s or
`RecursionError`, some open with zero pages. Each becomes one `ReadError` line; a file that
looks damaged (including one where no page could be read) is tried once more after repair by qpdf
(`errors.read_with_repair`). "No text on any page" is said only when every page was read and
none had text or images.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from . import ocr
from .base import Checkpoint, PageLog, RawDocument, ReadError
from .errors import REPAIR, DamagedError, PdfReader, conclude, explain


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


class PdfplumberReader(PdfReader):
    name = "pdfplumber"

    @property
    def version(self) -> str:
        """Part of the text cache's key: text read with OCR is not the text read without."""
        return f"{_pdfplumber_version()}/2" + ("+ocr" if ocr.enabled() else "")

    def _read(self, path: Path, resume: RawDocument | None = None, checkpoint: Checkpoint | None = None
              ) -> RawDocument:
        import pdfplumber  # only when a PDF is read: the commands that read none start without it

        log = PageLog(resume, checkpoint, with_models=False)
        scanned: list[int] = []
        failed: list[tuple[int, Exception]] = []
        try:
            with pdfplumber.open(path) as pdf:
                if len(pdf.pages) == 0:
                    raise DamagedError(f"no pages could be read: the file is damaged; {REPAIR}")
                for number, page in enumerate(pdf.pages[log.start:], start=log.start + 1):
                    try:
                        text = page.extract_text() or ""
                        if not text.strip() and page.images:
                            scanned.append(number)
                    except ReadError:
                        raise
                    except MemoryError:
                        log.unreadable(number, "took more memory than the limit allows (a decompression bomb?)")
                        raise
                    except Exception as e:  # one bad page must not lose the others
                        log.warnings.append(f"page {number} could not be read ({type(e).__name__}); "
                                            f"its figures are missing")
                        failed.append((number, e))
                        text = ""
                    finally:
                        page.close()
                    log.add(text)
        except ReadError:
            raise
        except MemoryError:  # the caller's memory limit: it reports it as such
            raise
        except Exception as e:  # RecursionError included: a looping object tree
            raise explain(e) from e
        return conclude(path, log.texts, log.warnings, scanned, failed)
