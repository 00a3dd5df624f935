"""Extracted page text, cached by the file's content hash: a nightly run re-reads only new files.

The key is the SHA-256 of the file's bytes plus the reader's name and version, so a renamed
or re-downloaded identical file is a hit, a changed file is a miss, and a new reader version
reads everything afresh. Only raw text is stored; normalising and matching always run, so a
new pattern library applies to cached files too.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from .readers.base import RawDocument

FORMAT = 1


def default_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kpi-extract"


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class TextCache:
    def __init__(self, directory: Path):
        self.dir = Path(directory)

    def _entry(self, path: Path, reader) -> Path:
        return self.dir / f"{file_hash(path)}.{reader.name}-{reader.version.replace('/', '_')}.json"

    def get(self, path: Path, reader) -> RawDocument | None:
        try:
            entry = self._entry(path, reader)
            data = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if data.get("format") != FORMAT:
            return None
        try:
            return RawDocument.from_json(data)
        except (ValueError, TypeError, AttributeError):
            return None

    def put(self, path: Path, reader, raw: RawDocument) -> None:
        """Store atomically; a cache that cannot be written is skipped, never fatal."""
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            entry = self._entry(path, reader)
            fd, tmp = tempfile.mkstemp(dir=self.dir, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"format": FORMAT, **raw.to_json()}, f)
            os.replace(tmp, entry)
        except OSError:
            pass
