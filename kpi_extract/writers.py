"""Writing tables: CSV per spec/output.md, to a file atomically or to stdout.

A half-written output file is worse than none: a nightly job's consumer would read it. Files
are written to a temporary name beside the target and renamed over it in one step, so the
target holds either the old complete file or the new complete file.
"""
from __future__ import annotations

import csv
import io
import os
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Iterable

from .model import FACT_COLUMNS, Fact


class OutputError(Exception):
    """An output path that cannot be written; one line saying what to do."""


def check_writable(path: str | Path) -> None:
    """Fail before a long run, not after it."""
    p = Path(path)
    parent = p.parent if str(p.parent) else Path(".")
    if p.is_dir():
        raise OutputError(f"{path}: is a folder: give a file name, e.g. {Path(path) / 'kpis.csv'}")
    if not parent.is_dir():
        raise OutputError(f"{path}: folder {parent} does not exist: create it first")
    if not os.access(parent, os.W_OK) or (p.exists() and not os.access(p, os.W_OK)):
        raise OutputError(f"{path}: not writable: choose another path or fix the permissions")


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    p = Path(path)
    check_writable(p)
    try:
        fd, tmp = tempfile.mkstemp(dir=p.parent if str(p.parent) else ".", prefix=f".{p.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, p)
    except OSError as e:
        try:
            os.unlink(tmp)
        except (OSError, UnboundLocalError):
            pass
        raise OutputError(f"{path}: could not be written ({e.strerror or e}): free some space or choose another path") from e


def csv_bytes(columns: list[str], rows: Iterable[dict]) -> bytes:
    """RFC 4180 CSV (CRLF line ends, quotes where needed), UTF-8."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    return buf.getvalue().encode("utf-8")


def fact_rows(facts: Iterable[Fact]) -> list[dict]:
    rows = []
    for f in facts:
        r = asdict(f)
        r["confidence"] = f"{f.confidence:.3f}".rstrip("0").rstrip(".") if f.confidence else "0"
        rows.append(r)
    return rows


def write_output(data: bytes, path: str | Path | None) -> None:
    """To `path` atomically, or to stdout when no path (or "-") is given."""
    if path is None or str(path) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        atomic_write_bytes(path, data)


def facts_csv(facts: Iterable[Fact]) -> bytes:
    return csv_bytes(FACT_COLUMNS, fact_rows(facts))
