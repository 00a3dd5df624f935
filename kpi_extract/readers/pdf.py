"""PDF pages through pdfplumber, the reader our users named.

pdfplumber keeps table rows on one line (`No of Children on Child 1301 851 988`), which the
table matcher relies on. Its failure shapes are many (pitfalls.md): an encrypted file raises
`PdfminerException` wrapping `PDFPasswordIncorrect`, broken files raise bare `TypeError`s or
`RecursionError`, some open with zero pages. Each becomes one `ReadError` line; a file that
looks damaged (including one where no page could be read) is tried once more after repair by qpdf
(`errors.read_with_repair`). "No text on any page" is said only when every page was read and
none had text or images.
"""
from __future__ import annotations

from pathlib import Path

import pdfplumber

from .base import RawDocument, ReadError
from . import ocr
from .errors import REPAIR, DamagedError, explain, read_with_repair, sniff


class PdfplumberReader:
    name = "pdfplumber"

    @property
    def version(self) -> str:
        """Part of the text cache's key: text read with OCR is not the text read without."""
        return f"{pdfplumber.__version__}/2" + ("+ocr" if ocr.enabled() else "")

    def read(self, path: Path) -> RawDocument:
        sniff(path)
        return read_with_repair(path, self._read)

    def _read(self, path: Path) -> RawDocument:
        texts: list[str] = []
        warnings: list[str] = []
        scanned: list[int] = []
        failed: list[tuple[int, Exception]] = []
        try:
            with pdfplumber.open(path) as pdf:
                if len(pdf.pages) == 0:
                    raise DamagedError(f"no pages could be read: the file is damaged; {REPAIR}")
                for number, page in enumerate(pdf.pages, start=1):
                    try:
                        text = page.extract_text() or ""
                        if not text.strip() and page.images:
                            scanned.append(number)
                    except (ReadError, MemoryError):
                        raise
                    except Exception as e:  # one bad page must not lose the others
                        warnings.append(f"page {number} could not be read ({type(e).__name__}); its figures are missing")
                        failed.append((number, e))
                        text = ""
                    finally:
                        page.close()
                    texts.append(text)
        except ReadError:
            raise
        except MemoryError:  # the caller's memory limit: it reports it as such
            raise
        except Exception as e:  # RecursionError included: a looping object tree
            raise explain(e) from e
        read_by_ocr: list[int] = []
        if scanned and ocr.enabled():
            for number in scanned:
                try:
                    texts[number - 1] = ocr.ocr_page(path, number)
                except ocr.OcrError as e:
                    warnings.append(f"page {number}: {e}")
                    continue
                read_by_ocr.append(number)
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
        return RawDocument(texts, warnings)
