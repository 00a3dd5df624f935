"""The reader interface shared by every reader."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol


class ReadError(Exception):
    """A file that cannot be read; the message is one line saying why and what to do."""


@dataclass
class RawDocument:
    pages: list[str]
    warnings: list[str] = field(default_factory=list)


class Reader(Protocol):
    """What `readers.READERS` holds, one per file suffix; a faster PDF reader is another of these."""

    name: str  # goes into the text cache key, with `version`
    version: str

    def read(self, path: Path) -> RawDocument:
        """Raw text of every page, in order; raise ReadError when the file is unusable."""
        ...
