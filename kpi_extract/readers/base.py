"""The reader interface shared by every reader."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol


class ReadError(Exception):
    """A file that cannot be read; the message is one line saying why and what to do."""


@dataclass
class RawDocument:
    """What a reader gives: each page's text, and for PDFium its page model.

    `models[i]` is page i's layout as plain JSON-able data (`pagemodel.PageModel.to_json()`):
    text runs with their boxes, type size and weight. Text readers (and pdfplumber) give None:
    the layout is then guessed from the text's lines. The cache stores the whole object through
    `to_json`/`from_json`, so a cached file needs no reader at all.
    """

    pages: list[str]
    warnings: list[str] = field(default_factory=list)
    models: list[Any] | None = None

    def to_json(self) -> dict:
        return {"pages": self.pages, "warnings": self.warnings, "models": self.models}

    @classmethod
    def from_json(cls, data: dict) -> "RawDocument":
        pages = data.get("pages")
        if not isinstance(pages, list) or not all(isinstance(p, str) for p in pages):
            raise ValueError("not a cached document")
        models = data.get("models")
        if models is not None and (not isinstance(models, list) or len(models) != len(pages)):
            raise ValueError("cached page models do not match the pages")
        return cls(pages, list(data.get("warnings") or []), models)


class Reader(Protocol):
    """What `readers.READERS` holds, one per file suffix; a faster PDF reader is another of these."""

    name: str  # goes into the text cache key, with `version`
    version: str

    def read(self, path: Path) -> RawDocument:
        """Raw text of every page, in order; raise ReadError when the file is unusable."""
        ...
