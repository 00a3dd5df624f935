"""PDF pages through PDFium (pypdfium2): text with its layout, at the speed of `pdftotext`.

PDFium's text API gives the rectangles of text runs in bulk (`FPDFText_CountRects`/`GetRect`),
so a page costs a few calls per run, not a Python call per character. For each run we ask the
type size and weight of its first character, which is what tells headings from body text.
The page text handed on is PDFium's own; what the extractor reads is made from the model's
lines (`pages.py`), so that line numbers in the text and in the model agree.

Failures (pypdfium2 raises `PdfiumError` with PDFium's error code) become one `ReadError`
line each, like pdfplumber's.
"""
from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..pagemodel import PageModel, Run, spaced_as
from . import ocr
from .base import Checkpoint, PageLog, RawDocument, ReadError
from .errors import ENCRYPTED, REPAIR, DamagedError, PdfReader, conclude

_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
_FORCE_BOLD = 1 << 18  # PDF font descriptor flag


_FLAGS = ctypes.c_int(0)  # PDFium writes a font's flags here (a process reads one page at a time)
_FLAGS_REF = ctypes.byref(_FLAGS)


def _font(textpage, index: int, cache: dict) -> tuple[float, bool]:
    size = pdfium_c.FPDFText_GetFontSize(textpage, index)
    weight = pdfium_c.FPDFText_GetFontWeight(textpage, index)
    if weight >= 600:  # bold whatever its name and flags say
        return size, True
    n = pdfium_c.FPDFText_GetFontInfo(textpage, index, None, 0, _FLAGS_REF)
    flags = _FLAGS.value
    key = (n, flags, weight)
    bold = cache.get(key)
    if bold is not None:
        return size, bold
    name = ""
    if 0 < n < 256:
        buf = ctypes.create_string_buffer(n)
        pdfium_c.FPDFText_GetFontInfo(textpage, index, buf, n, _FLAGS_REF)
        name = buf.value.decode("latin-1", "replace").lower()
    bold = bool(flags & _FORCE_BOLD) or any(w in name.split("+")[-1] for w in _BOLD_NAMES)
    if name:
        cache[key] = bold
    return size, bold


def page_model(page) -> tuple[PageModel, str]:
    """The runs of one page, with their boxes (top-left origin), size and weight, and the page's
    text as PDFium reads it.

    A run's text is the page text from its first character to the next run's first character:
    rects come in character order, so this reads the page's text once instead of asking PDFium
    for the text inside each rect (`GetBoundedText` scans the whole page on every call)."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        count = pdfium_c.FPDFText_CountChars(raw)
        text = textpage.get_text_range(0, count) if count > 0 else ""
        left, top, right, bottom = (ctypes.c_double() for _ in range(4))
        get_rect, index_at = pdfium_c.FPDFText_GetRect, pdfium_c.FPDFText_GetCharIndexAtPos

        def box(i: int, first: int | None) -> tuple[int, float, float, float, float]:
            """Rect `i` of the last `CountRects`, with the index of its first character: `first`
            when it is known, else the character at the rect's left edge, which PDFium finds by
            scanning the page from its first character (the costliest call of the page)."""
            get_rect(raw, i, left, top, right, bottom)
            l, t, r, b = left.value, top.value, right.value, bottom.value
            if first is None:
                half = (r - l) / 2
                first = index_at(raw, l + (0.5 if half > 0.5 else half), (t + b) / 2, 1.0, (t - b) / 2 + 0.5)
            return first, l, t, r, b

        boxes = []
        if len(text) == count:
            # rects never span a line of the text: asked line by line, a line's first rect starts at
            # the line's first character, and only the others are searched for
            pos = 0
            for line in text.split("\r\n"):
                start, end = pos, pos + len(line)
                pos = end + 2
                if end > start:
                    k = pdfium_c.FPDFText_CountRects(raw, start, end - start)
                    while start < end and text[start].isspace():
                        start += 1
                    found = [box(i, start if i == 0 else None) for i in range(k)]
                    firsts = [f[0] for f in found]
                    if not all(start <= a < end for a in firsts) or not all(a < b for a, b in zip(firsts, firsts[1:])):
                        found = _walked(raw, found, start, end)
                    boxes += found
        else:
            boxes = [box(i, None) for i in range(pdfium_c.FPDFText_CountRects(raw, 0, -1))]
        starts = [bx[0] for bx in boxes]
        ordered = len(text) == count and all(0 <= a < b for a, b in zip(starts, starts[1:])) and \
            (not starts or starts[0] >= 0)
        fonts: dict = {}
        runs = []
        ends = starts[1:] + [count]
        for (index, l, t, r, b), end in zip(boxes, ends):
            piece = text[index:end] if ordered else textpage.get_text_bounded(l, b, r, t)
            words = piece.split()
            if not words:
                continue
            size, bold = _font(raw, index, fonts) if index >= 0 else (t - b, False)
            if size <= 0:
                size = t - b
            # a space PDFium saw at either end is kept: it says whether the next run starts a new word;
            # the numbers are those of the model's JSON form (to a tenth of a point), so that a page
            # read now and the same page from the cache are one model
            runs.append(Run(spaced_as(piece, " ".join(words)), round(l, 1), round(height - t, 1), round(r, 1),
                            round(height - b, 1), round(size, 1), bold))
        return PageModel(round(width, 1), round(height, 1), runs), text
    finally:
        textpage.close()


def _walked(raw, boxes: list[tuple[int, float, float, float, float]], start: int, end: int
            ) -> list[tuple[int, float, float, float, float]]:
    """The rects of one text line with their first characters found by walking the line's
    characters, for a line where the character at a rect's edge was not the rect's own (text
    drawn over other text: PDFium names the first character under the point, wherever it is).
    A character belongs to the first rect, at or after the last one's, that holds its middle."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    firsts: list[int | None] = [None] * len(boxes)
    j = 0
    for i in range(start, end):
        if not pdfium_c.FPDFText_GetCharBox(raw, i, left, right, bottom, top):
            continue
        x, y = (left.value + right.value) / 2, (bottom.value + top.value) / 2
        if right.value - left.value < 0.01 or top.value - bottom.value < 0.01:
            continue  # a space PDFium put in, or a character with no extent: in no rect
        for k in range(j, len(boxes)):
            _, l, t, r, b = boxes[k]
            if l - 0.5 <= x <= r + 0.5 and b - 0.5 <= y <= t + 0.5:
                if firsts[k] is None:
                    firsts[k] = i
                j = k
                break
    return [(f if f is not None else bx[0], *bx[1:]) for f, bx in zip(firsts, boxes)]


def state_clean() -> bool:
    """No failed load left its error behind: PDFium keeps the code of its last failure for the
    rest of the process (a later success does not clear it), and names it again in the message of
    any later failure that sets none. A worker in which this is False is replaced."""
    return pdfium_c.FPDF_GetLastError() == 0


def _has_images(page) -> bool:
    for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        return True
    return False


def _explain(e: pdfium.PdfiumError) -> ReadError:
    code = getattr(e, "err_code", None)
    if code == pdfium_c.FPDF_ERR_PASSWORD or "password" in str(e).lower():
        return ReadError(ENCRYPTED)
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return ReadError("protected by a security handler that cannot be opened: decrypt it first "
                         "(e.g. `qpdf --decrypt in.pdf out.pdf`)")
    detail = str(e).strip().splitlines()[0][:80] if str(e).strip() else type(e).__name__
    return DamagedError(f"damaged PDF ({detail}): {REPAIR}")


class PdfiumReader(PdfReader):
    name = "pdfium"

    @property
    def version(self) -> str:
        """Part of the cache's key: a new PDFium, a new page model or OCR reads differently."""
        build = getattr(getattr(pdfium, "PDFIUM_INFO", None), "build", "0")
        return f"{build}/3" + ("+ocr" if ocr.enabled() else "")  # /3: the model's lengths in tenths

    def _read(self, path: Path, resume: RawDocument | None = None, checkpoint: Checkpoint | None = None
              ) -> RawDocument:
        try:
            pdf = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as e:
            raise _explain(e) from e
        log = PageLog(resume, checkpoint, with_models=True)
        scanned: list[int] = []
        failed: list[tuple[int, Exception]] = []
        try:
            if len(pdf) == 0:
                raise DamagedError(f"no pages could be read: the file is damaged; {REPAIR}")
            for number in range(log.start + 1, len(pdf) + 1):
                try:
                    page = pdf[number - 1]
                except pdfium.PdfiumError as e:
                    log.warnings.append(f"page {number} could not be read; its figures are missing")
                    failed.append((number, e))
                    log.add("")
                    continue
                try:
                    model, text = page_model(page)
                    if not model.runs and _has_images(page):
                        scanned.append(number)
                except MemoryError:
                    log.unreadable(number, "took more memory than the limit allows (a decompression bomb?)")
                    raise
                finally:
                    page.close()
                # PDFium's own text of the page: what a page without a model would be read from, and
                # what says whether the page has text at all; the layout is read from the model
                log.add(text.replace("\r\n", "\n"), model)
            for k in range(log.start):  # pages kept by an earlier run: which of them are scans
                if not log.texts[k].strip() and log.models and log.models[k] is not None:
                    page = pdf[k]
                    try:
                        if _has_images(page):
                            scanned.append(k + 1)
                    finally:
                        page.close()
        finally:
            pdf.close()
        return conclude(path, log.texts, log.warnings, sorted(scanned), failed, log.models)
