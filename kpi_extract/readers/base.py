"""The reader interface shared by every reader."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Protocol


class ReadError(Exception):
    """A file that cannot be read; the message is one line saying why and what to do."""


@dataclass
class RawDocument:
    """What a reader gives: each page's text, and for PDFium its page model.

    `models[i]` is page i's layout (`pagemodel.PageModel`: text runs with their boxes, type size
    and weight), or its plain JSON form when the document came from the cache. Text readers (and
    pdfplumber) give None: the layout is then guessed from the text's lines. The cache stores the
    whole object through `to_json`/`from_json`, so a cached file needs no reader at all; a page
    just read is matched from the reader's own objects, not from a copy through JSON.
    """

    pages: list[str]
    warnings: list[str] = field(default_factory=list)
    models: list[Any] | None = None

    def to_json(self) -> dict:
        models = None if self.models is None else [m.to_json() if hasattr(m, "to_json") else m for m in self.models]
        return {"pages": self.pages, "warnings": self.warnings, "models": models}

    @classmethod
    def from_json(cls, data: dict) -> "RawDocument":
        pages = data.get("pages")
        if not isinstance(pages, list) or not all(isinstance(p, str) for p in pages):
            raise ValueError("not a cached document")
        models = data.get("models")
        if models is not None and (not isinstance(models, list) or len(models) != len(pages)):
            raise ValueError("cached page models do not match the pages")
        return cls(pages, list(data.get("warnings") or []), models)


Checkpoint = Callable[[RawDocument], None]


class Reader(Protocol):
    """What `readers.READERS` holds, one per file suffix; a faster PDF reader is another of these."""

    name: str  # goes into the text cache key, with `version`
    version: str

    def read(self, path: Path, resume: RawDocument | None = None, checkpoint: Checkpoint | None = None
             ) -> RawDocument:
        """Raw text of every page, in order; raise ReadError when the file is unusable.

        `resume` holds the first pages of this file, read by an earlier run that a limit
        stopped: reading goes on after them. `checkpoint` is given the pages read so far every
        `CHECKPOINT_SECONDS`, and when a page exhausts the memory limit (that page then marked
        unreadable), so that the next run can go on from there."""
        ...


CHECKPOINT_SECONDS = 10.0


class PageLog:
    """A document's pages as a reader reads them: where to start (after the pages an earlier run
    kept), and the checkpoints that let the next run go on should a limit stop this one."""

    def __init__(self, resume: RawDocument | None, checkpoint: Checkpoint | None, with_models: bool):
        self.texts: list[str] = list(resume.pages) if resume else []
        self.models: list | None = None
        if with_models:
            self.models = list(resume.models) if resume and resume.models is not None else [None] * len(self.texts)
        self.warnings: list[str] = list(resume.warnings) if resume else []
        self.start = len(self.texts)
        self.checkpoint = checkpoint
        self.last = time.monotonic()

    def add(self, text: str, model: Any = None) -> None:
        self.texts.append(text)
        if self.models is not None:
            self.models.append(model)
        if self.checkpoint is not None and time.monotonic() - self.last >= CHECKPOINT_SECONDS:
            self.save()

    def unreadable(self, number: int, why: str) -> None:
        """Page `number` stopped the reader (the memory limit): the next run goes on after it."""
        self.warnings.append(f"page {number} {why}; its figures are missing")
        self.texts.append("")
        if self.models is not None:
            self.models.append(None)
        if self.checkpoint is not None:
            self.save()

    def save(self) -> None:
        self.checkpoint(self.document())  # type: ignore[misc]
        self.last = time.monotonic()

    def document(self) -> RawDocument:
        return RawDocument(list(self.texts), list(self.warnings), list(self.models) if self.models is not None else None)
