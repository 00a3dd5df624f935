"""A document's page as a picture, and where on it a figure is printed: for the review page.

An analyst checks a figure against the page it came from, so the review page shows the page as
PDFium draws it with the figure's box marked. The facts keep the value as a plain number
(`918687`) and the sentence it was read from, not its position, so the box is found again: the
figure as printed (`£918,687`) is taken from the snippet, every place it is printed on the page
is found in PDFium's text of the page, and the one whose surroundings read most like the snippet
is chosen (a page often prints the same number twice). Its characters' boxes give the box.

PDFium is not thread-safe, and the review server answers requests in threads: every call into it
holds one lock.
"""
from __future__ import annotations

import io
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from .values import parse_value

_LOCK = threading.Lock()
# a figure as printed: an optional currency sign, digits with separators, and a unit or scale
_PRINTED = re.compile(r"[£$€]?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|per ?cent|bn|billion|m|million|k)\b|%)?", re.I)
SCALE = 1.5  # points to pixels: a page of A4 is about 900 pixels wide, legible on a laptop


@dataclass(frozen=True)
class Box:
    """Where a figure is, as fractions of the page's width and height from its top-left corner."""

    x0: float
    y0: float
    x1: float
    y1: float

    def to_json(self) -> list[float]:
        return [round(v, 4) for v in (self.x0, self.y0, self.x1, self.y1)]


def printed_forms(snippet: str, value: str) -> list[str]:
    """How the value is printed in its snippet (`£918,687` for 918687), most specific first;
    the plain digits when the snippet does not show it (a table row rebuilt from cells)."""
    try:
        number = float(value)
    except ValueError:
        return []
    forms = []
    for m in _PRINTED.finditer(snippet):
        token = m.group().strip()
        parsed = parse_value(token)
        if parsed is not None and abs(parsed - number) < 1e-9 * max(1.0, abs(number)):
            forms.append(token)
    plain = f"{number:,.10g}" if number.is_integer() else f"{number:.10g}"
    for extra in (plain, plain.replace(",", "")):
        if extra not in forms:
            forms.append(extra)
    return sorted(set(forms), key=lambda t: (-len(t), forms.index(t)))


def _digits_pattern(form: str) -> re.Pattern:
    """A printed form that tolerates PDFium's spacing and line breaks inside it."""
    parts = [re.escape(ch) for ch in form if not ch.isspace()]
    return re.compile(r"(?<![\d.,])" + r"\s?".join(parts) + r"(?![\d]|[.,]\d)", re.I)


def find_figure(page_text: str, snippet: str, value: str) -> tuple[int, int] | None:
    """The character range of the figure on the page: the printed form found whose surroundings
    read most like the snippet."""
    best: tuple[float, int, int] | None = None
    plain_snippet = " ".join(snippet.replace("...", " ").split())
    for form in printed_forms(snippet, value):
        for m in _digits_pattern(form).finditer(page_text):
            around = " ".join(page_text[max(0, m.start() - 150):m.end() + 150].split())
            score = fuzz.partial_ratio(plain_snippet, around) if plain_snippet else 0.0
            if best is None or score > best[0]:
                best = (score, m.start(), m.end())
        if best is not None:
            break
    return (best[1], best[2]) if best else None


def _open(path: Path):
    import pypdfium2 as pdfium
    return pdfium.PdfDocument(str(path))


def page_png(path: Path, page: int, scale: float = SCALE) -> bytes:
    """The page (1-based) drawn by PDFium, as PNG bytes."""
    with _LOCK:
        pdf = _open(path)
        try:
            image = pdf[page - 1].render(scale=scale).to_pil()
        finally:
            pdf.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def figure_box(path: Path, page: int, snippet: str, value: str) -> Box | None:
    """The figure's box on the page, or None when it cannot be found (the text is drawn as an
    image, or the value was read from words such as "twelve")."""
    with _LOCK:
        pdf = _open(path)
        try:
            pg = pdf[page - 1]
            width, height = pg.get_size()
            textpage = pg.get_textpage()
            try:
                count = textpage.count_chars()
                text = textpage.get_text_range(0, count) if count > 0 else ""
                if len(text) != count:  # characters outside the BMP: indices would drift
                    return None
                span = find_figure(text, snippet, value)
                if span is None:
                    return None
                boxes = [textpage.get_charbox(i) for i in range(*span) if not text[i].isspace()]
            finally:
                textpage.close()
        finally:
            pdf.close()
    boxes = [b for b in boxes if b[2] > b[0] or b[3] > b[1]]
    if not boxes or width <= 0 or height <= 0:
        return None
    left, bottom = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, top = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return Box(left / width, 1 - top / height, right / width, 1 - bottom / height)
