"""The extraction run: find the files, read each one (or take its text from the cache), extract.

Each file is read and extracted in a child process with a time limit, so that one pathological
or crashing PDF costs its own time and nothing else: the run goes on, the file is reported. Up
to `jobs` files are processed at once.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import time
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import Callable, Iterable

from .cache import TextCache
from .context import build_context
from .layout import layout_page
from .library import Library
from .matchers import match_page
from .model import Fact
from .pages import prepare
from .readers import DEFAULT_PDF_READER, SUFFIXES, RawDocument, ReadError, read_pages, reader_for
from .resolve import dedupe, resolve_page


@dataclass(frozen=True)
class InputFile:
    path: Path  # where to read it
    shown: str  # how the facts name it: relative to the folder given, or as given


@dataclass
class FileResult:
    file: InputFile
    facts: list[Fact] = field(default_factory=list)
    error: str = ""
    warnings: list[str] = field(default_factory=list)
    cached: bool = False
    seconds: float = 0.0
    pages: int = 0


def discover(paths: Iterable[str]) -> tuple[list[InputFile], list[str]]:
    """Files to read (folders recursed for *.pdf and *.txt), and one problem line per bad path."""
    files: list[InputFile] = []
    problems: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not found:
                problems.append(f"{raw}: no .pdf or .txt files in this folder")
            files += [InputFile(f, f.relative_to(p).as_posix()) for f in found]
        elif p.is_file():
            files.append(InputFile(p, raw))
        else:
            problems.append(f"{raw}: no such file or folder")
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = f.path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, problems


def extract_pages(raw_pages: list[str], shown: str, library: Library,
                  kpis: set[str] | None = None, models: list | None = None) -> list[Fact]:
    """Facts from a document's raw page texts (and page models, when the reader gave them).
    Pure: no I/O."""
    pages = prepare(raw_pages, models)
    ctx = build_context([p.text for p in pages], shown, [p.lines for p in pages])
    facts: list[Fact] = []
    carry = None
    for page in pages:
        layout = layout_page(page.number, page.text, page.lines, carry)
        carry = layout.geo[-1] if layout.geo else None
        cands = match_page(layout, library)
        if kpis:
            cands = [c for c in cands if c.kpi in kpis]
        facts += resolve_page(layout, cands, ctx, shown, library)
    return dedupe(facts)


def extract_text(text: str, library: Library, shown: str = "<text>") -> list[Fact]:
    """Facts from a plain string (pages split at form feeds): for examples and tests."""
    return extract_pages(text.split("\f"), shown, library)


def _work(file: InputFile, cached: RawDocument | None, library: Library, kpis: set[str] | None,
          pdf_reader: str = DEFAULT_PDF_READER):
    """Runs in the child: (raw document or None if it came from the cache, facts, warnings)."""
    raw = cached if cached is not None else read_pages(file.path, pdf_reader)
    facts = extract_pages(raw.pages, file.shown, library, kpis, raw.models)
    return (None if cached is not None else raw), facts, raw.warnings, len(raw.pages)


def _child(conn, file, cached, library, kpis, pdf_reader=DEFAULT_PDF_READER) -> None:
    try:
        conn.send(("ok", _work(file, cached, library, kpis, pdf_reader)))
    except ReadError as e:
        conn.send(("error", str(e)))
    except MemoryError:
        conn.send(("error", "ran out of memory reading this file: split it (e.g. `qpdf --split-pages`)"))
    except BaseException as e:  # a bug of ours: say so, with where
        where = traceback.extract_tb(e.__traceback__)[-1] if e.__traceback__ else None
        at = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
        conn.send(("error", f"internal error ({type(e).__name__}: {e}{at}): please report it with the file"))
    finally:
        conn.close()


def run(files: list[InputFile], library: Library, *, kpis: set[str] | None = None,
        cache: TextCache | None = None, jobs: int = 0, timeout: float = 300.0,
        on_result: Callable[[FileResult], None] | None = None,
        pdf_reader: str = DEFAULT_PDF_READER) -> list[FileResult]:
    """Process every file; results come back in input order."""
    jobs = jobs or min(len(files), os.cpu_count() or 1) or 1
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    results: dict[int, FileResult] = {}
    queue = list(enumerate(files))
    running: dict = {}  # conn -> (index, process, started, cached)

    def finish(i: int, result: FileResult) -> None:
        results[i] = result
        if on_result:
            on_result(result)

    while queue or running:
        while queue and len(running) < jobs:
            i, f = queue.pop(0)
            cached = None
            try:
                reader = reader_for(f.path, pdf_reader)
                if cache is not None:
                    known = cache.get_facts(f.path, reader, f.shown, library.digest, kpis) if library.digest else None
                    if known is not None:  # unchanged file, library and code: neither read nor match
                        finish(i, FileResult(f, known.facts, "", known.warnings, True, 0.0, known.pages))
                        continue
                    cached = cache.get(f.path, reader)
            except ReadError as e:
                finish(i, FileResult(f, error=str(e)))
                continue
            library.index()  # prepared once, in this process, so each child is forked with it
            parent, child = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_child, args=(child, f, cached, library, kpis, pdf_reader), daemon=True)
            proc.start()
            child.close()
            running[parent] = (i, proc, time.monotonic(), cached)
        if not running:  # every file taken so far came from the cache (or could not be read)
            continue
        now = time.monotonic()
        deadline = min(started + timeout for _, _, started, _ in running.values())
        ready = wait(list(running), timeout=max(0.0, deadline - now))
        for conn in ready:
            i, proc, started, cached = running.pop(conn)
            f = files[i]
            try:
                status, payload = conn.recv()
            except (EOFError, OSError):
                proc.join(5)
                status, payload = "error", (f"the reader crashed (exit code {proc.exitcode}): "
                                            f"the file is probably damaged; {_repair_hint()}")
            proc.join(5)
            seconds = time.monotonic() - started
            if status == "ok":
                raw, facts, warnings, pages = payload
                if cache is not None:
                    reader = reader_for(f.path, pdf_reader)
                    if raw is not None:
                        cache.put(f.path, reader, raw)
                    if library.digest:  # a library not loaded from files has no digest to key on
                        cache.put_facts(f.path, reader, f.shown, library.digest, kpis, facts, warnings, pages)
                finish(i, FileResult(f, facts, "", warnings, cached is not None, seconds, pages))
            else:
                finish(i, FileResult(f, error=payload, seconds=seconds))
        now = time.monotonic()
        for conn, (i, proc, started, _) in list(running.items()):
            if now - started >= timeout:
                proc.kill()
                proc.join(5)
                running.pop(conn)
                finish(i, FileResult(files[i], error=(
                    f"gave up after {timeout:.0f}s: the file is very large or damaged; raise the limit "
                    f"with --timeout or split it (e.g. `qpdf --split-pages`)"), seconds=now - started))
    return [results[i] for i in range(len(files))]


def _repair_hint() -> str:
    return "repair it (e.g. `qpdf broken.pdf repaired.pdf`) or download it again"
