"""A document's pages made ready for layout: repaired text, and the model lines behind it.

A page from PDFium comes with its runs: their characters are repaired (`repair_characters`),
gathered into lines, headings flagged by type, two-column stretches read column by column.
A page of plain text (a .txt file, pdfplumber) is repaired as a whole (`normalise_text`).
Running headers and page numbers are then dropped from both kinds alike, so that a page's
text lines and its model lines stay index for index the same.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .geometry import mark_blocks, mark_headings, split_columns
from .settings import DEFAULT_SETTINGS, Settings
from .normalise import normalise_lines, normalise_text, repair_characters, running_lines, strip_page_label
from .pagemodel import Line, PageModel, Run, group_lines, spaced_as


@dataclass
class Page:
    number: int
    text: str
    lines: list[Line] | None = None  # one per text line, when the reader gave a page model


def model_lines(model: PageModel, settings: Settings = DEFAULT_SETTINGS) -> list[Line]:
    runs = []
    # one pass of the character repairs over the page, not one per run
    cores = [" ".join(r.text.split()) for r in model.runs]
    repaired = repair_characters("\n".join(cores)).split("\n")
    for r, core, text in zip(model.runs, cores, repaired):
        text = core if text == core else " ".join(text.split())
        if text:
            text = spaced_as(r.text, text)
            # most runs: nothing repaired, and the reader's run is used as it is
            runs.append(r if text == r.text else Run(text, r.x0, r.top, r.x1, r.bottom, r.size, r.bold))
    lines = group_lines(runs)
    for ln, text in zip(lines, normalise_lines([ln.text for ln in lines])):
        ln.text = text
    lines = [ln for ln in lines if ln.text]
    mark_headings(lines, settings)
    return split_columns(lines, settings)


def prepare(raw_pages: list[str], models: list[Any] | None = None,
            settings: Settings = DEFAULT_SETTINGS) -> list[Page]:
    """Pages with repaired text (and model lines where there is a model), running lines removed."""
    split: list[list[str]] = []
    lined: list[list[Line] | None] = []
    for k, raw in enumerate(raw_pages):
        model = models[k] if models and k < len(models) else None
        if model is not None:
            lines = model_lines(PageModel.from_json(model) if isinstance(model, dict) else model, settings)
            lined.append(lines)
            split.append([ln.text for ln in lines])
        else:
            lined.append(None)
            split.append(normalise_text(raw).split("\n"))
    drops = running_lines(split)
    pages = []
    for number, (texts, lines, drop) in enumerate(zip(split, lined, drops), start=1):
        keep = [i for i in range(len(texts)) if i not in drop]
        kept_text = [strip_page_label(texts[i]) for i in keep]
        kept_lines = None
        if lines is not None:
            kept_lines = [lines[i] for i in keep]
            for ln, t in zip(kept_lines, kept_text):
                ln.text = t
            mark_blocks(kept_lines, settings)
        pages.append(Page(number, "\n".join(kept_text), kept_lines))
    return pages
