"""Plain text files: one page per form feed. Handy for tests and for text already extracted."""
from __future__ import annotations

from pathlib import Path

from .base import RawDocument, ReadError


class TextReader:
    name = "text"
    version = "1"

    def read(self, path: Path, resume: RawDocument | None = None, checkpoint=None) -> RawDocument:
        """The whole file at once (a text file is read in one go: nothing to resume)."""
        try:
            data = path.read_bytes()
        except OSError as e:
            raise ReadError(f"cannot read file: {e.strerror or e}") from e
        if not data.strip():
            raise ReadError("empty file: nothing to read")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
        return RawDocument(text.split("\f"))
