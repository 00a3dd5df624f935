"""What a run learns about a file, cached by the file's content: a nightly run redoes only new work.

Two stores under one directory:
- `documents/`: the reader's whole output (`RawDocument.to_json()`: page texts, warnings and
  page models), keyed by the SHA-256 of the file's bytes and the reader's name and version. A
  renamed or re-downloaded identical file is a hit, a changed file a miss, a new reader
  version reads everything afresh.
- `facts/`: the facts extracted from it, keyed by the document's key plus everything else the
  facts depend on: the name the file is shown by (it is in every fact, and dates in it date
  figures), the tool's version and code, the pattern library's digest and the `--kpi` filter.
  An unchanged folder is then neither read nor matched again; an edited pattern file misses
  the facts but hits the documents, so it re-matches without re-reading.

An entry that cannot be read or does not have the expected shape is a miss (and is
overwritten), never an error: a cache must not stop a run.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import __version__
from .model import Fact
from .readers.base import RawDocument

FORMAT = 2
_FACT_FIELDS = {f.name: f.type for f in dataclasses.fields(Fact)}
_JSON_TYPES = {"str": str, "int": int, "float": (int, float)}


def default_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kpi-extract"


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """The tool's version and a digest of its own source: during development the version
    number stays while the matching changes, and stale facts must not survive that."""
    h = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for f in sorted(package.rglob("*.py")):
        h.update(f.relative_to(package).as_posix().encode() + b"\0")
        h.update(f.read_bytes())
    return f"{__version__}+{h.hexdigest()[:16]}"


def _reader_tag(reader: Any) -> str:
    return f"{reader.name}-{reader.version.replace('/', '_')}"


@dataclasses.dataclass(frozen=True)
class CachedFacts:
    facts: list[Fact]
    warnings: list[str]
    pages: int


def _fact(data: Any) -> Fact:
    if not isinstance(data, dict) or set(data) != set(_FACT_FIELDS):
        raise ValueError("not a cached fact")
    for name, kind in _FACT_FIELDS.items():
        if not isinstance(data[name], _JSON_TYPES[kind]) or isinstance(data[name], bool):
            raise ValueError(f"cached fact field {name} is not {kind}")
    return Fact(**{k: float(v) if _FACT_FIELDS[k] == "float" else v for k, v in data.items()})


class TextCache:
    """The document and facts stores of one cache directory (the name is the one the command
    line has always used; it has held more than text since facts were cached too)."""

    def __init__(self, directory: Path):
        self.dir = Path(directory)
        self._hashes: dict[Path, str] = {}

    def content_hash(self, path: Path) -> str:
        """The file's SHA-256, computed once per run however often the run asks."""
        key = path.resolve()
        if key not in self._hashes:
            self._hashes[key] = file_hash(path)
        return self._hashes[key]

    def remember(self, path: Path, digest: str) -> None:
        """The file's SHA-256 as the run computed it already (a worker forked before the run
        hashed the file is told it, rather than reading the whole file again)."""
        if digest:
            self._hashes[path.resolve()] = digest

    def _document_entry(self, path: Path, reader: Any, partial: bool = False) -> Path:
        """The whole document's entry, or (`partial`) that of the pages read so far when a limit
        stopped its reading, for the next run to go on from."""
        suffix = ".partial" if partial else ""
        return self.dir / "documents" / f"{self.content_hash(path)}.{_reader_tag(reader)}{suffix}.json"

    def _facts_entry(self, path: Path, reader: Any, shown: str, library_digest: str,
                     kpis: set[str] | None) -> Path:
        parts = [self.content_hash(path), _reader_tag(reader), code_version(), library_digest,
                 ",".join(sorted(kpis)) if kpis else "*", shown]
        key = hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
        return self.dir / "facts" / f"{key}.json"

    @staticmethod
    def _load(entry: Path) -> dict | None:
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) and data.get("format") == FORMAT else None

    def _store(self, entry: Path, data: dict) -> None:
        """Atomically; a cache that cannot be written is skipped, never fatal."""
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    # dumps, not dump: dump feeds the file chunk by chunk from Python, dumps encodes in C
                    f.write(json.dumps({"format": FORMAT, **data}, ensure_ascii=False, separators=(",", ":")))
                os.replace(tmp, entry)
            except BaseException:
                os.unlink(tmp)
                raise
        except (OSError, TypeError, ValueError):
            pass

    def get(self, path: Path, reader: Any, partial: bool = False) -> RawDocument | None:
        try:
            data = self._load(self._document_entry(path, reader, partial))
            return RawDocument.from_json(data["document"]) if data else None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, path: Path, reader: Any, raw: RawDocument, partial: bool = False) -> None:
        try:
            entry = self._document_entry(path, reader, partial)
        except OSError:
            return
        self._store(entry, {"document": raw.to_json()})

    def drop_partial(self, path: Path, reader: Any) -> None:
        """The pages read so far are no longer wanted: the whole document is cached."""
        try:
            self._document_entry(path, reader, partial=True).unlink(missing_ok=True)
        except OSError:
            pass

    def get_facts(self, path: Path, reader: Any, shown: str, library_digest: str,
                  kpis: set[str] | None) -> CachedFacts | None:
        try:
            data = self._load(self._facts_entry(path, reader, shown, library_digest, kpis))
            if data is None:
                return None
            warnings, pages = data["warnings"], data["pages"]
            if not isinstance(pages, int) or not (isinstance(warnings, list) and all(isinstance(w, str) for w in warnings)):
                return None
            return CachedFacts([_fact(f) for f in data["facts"]], warnings, pages)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put_facts(self, path: Path, reader: Any, shown: str, library_digest: str, kpis: set[str] | None,
                  facts: list[Fact], warnings: list[str], pages: int) -> None:
        try:
            entry = self._facts_entry(path, reader, shown, library_digest, kpis)
        except OSError:
            return
        self._store(entry, {"facts": [dataclasses.asdict(f) for f in facts], "warnings": warnings,
                            "pages": pages})
