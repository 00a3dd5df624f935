"""The extraction run: find the files, read each one (or take its text from the cache), extract.

Each file is read and extracted in a child process (a worker, which goes on to the next file)
with a time limit, so that one pathological or crashing PDF costs its own time and nothing else:
the run goes on, the file is reported. Up to `jobs` files are processed at once.
"""
from __future__ import annotations

import gc
import multiprocessing as mp
import os
import resource
import signal
import time
import traceback
from dataclasses import dataclass, field, replace
from multiprocessing.connection import wait
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from .cache import TextCache, file_hash
from .library import Library
from .model import Fact
from .readers import DEFAULT_PDF_READER, SUFFIXES, RawDocument, ReadError, read_pages, reader_for, state_clean
from .readers.ocr import configure as configure_ocr, ocr_pages
from .redos import Overtime, describe_patterns, running_pattern
from .sandbox import enter_child, shown_size
from .writers import shown_name

if TYPE_CHECKING:
    from .context import DocumentContext
    from .layout import PageLayout
    from .pages import Page

# The extraction modules (context, layout, matchers, resolve, dating: some 500 regular expressions
# compiled at import) are imported where a file is extracted, not here: a nightly run whose files
# are all unchanged takes every fact from the cache and never needs them.


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
    stage: str = ""  # where a failed file failed: read, time, memory, crash, internal
    messages: list[str] = field(default_factory=list)  # the readers' own log lines for this file


def discover(paths: Iterable[str]) -> tuple[list[InputFile], list[tuple[str, str]]]:
    """Files to read (folders recursed for *.pdf and *.txt), and (path, problem) per bad path:
    a missing path, a folder with nothing to read, a subfolder that cannot be listed."""
    files: list[InputFile] = []
    problems: list[tuple[str, str]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found: list[Path] = []

            def unlistable(e: OSError, top: Path = p) -> None:
                where = Path(e.filename) if e.filename else top
                shown = shown_name(str(where.relative_to(top)) if where != top and where.is_relative_to(top) else raw)
                problems.append((shown, f"cannot list this folder ({e.strerror or e}): its files were not "
                                        f"read; fix its permissions"))

            for folder, _, names in os.walk(p, onerror=unlistable):
                found += [Path(folder) / n for n in names if Path(n).suffix.lower() in SUFFIXES
                          and (Path(folder) / n).is_file()]
            found.sort()
            if not found and not any(s == shown_name(raw) for s, _ in problems):
                problems.append((shown_name(raw), "no .pdf or .txt files in this folder"))
            files += [InputFile(f, shown_name(f.relative_to(p).as_posix())) for f in found]
        elif p.is_file():
            files.append(InputFile(p, shown_name(raw)))
        elif p.exists():
            problems.append((shown_name(raw), "not a regular file or folder: give a .pdf or .txt file"))
        else:
            problems.append((shown_name(raw), "no such file or folder"))
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = f.path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, problems


def prepare_document(raw_pages: list[str], shown: str, library: Library, models: list | None = None
                     ) -> tuple[list[Page], Library, DocumentContext]:
    """A document made ready to be matched: its pages, the library with the terms the document
    defines for itself, and the context (titles, headings, dates, area) that governs its pages.
    `extract` and `explain` both start here, so that `explain` shows what `extract` does."""
    from .context import build_context
    from .matchers.lexicon import for_document
    from .pages import prepare

    pages = prepare(raw_pages, models)
    library = for_document(library, [p.text for p in pages])
    ctx = build_context([p.text for p in pages], shown, [p.lines for p in pages], raw_pages)
    return pages, library, ctx


def page_layouts(pages: list[Page]) -> Iterator[PageLayout]:
    """Each page laid out in turn; a table that runs on without its header takes the columns of
    the last table of the page before."""
    from .layout import layout_page

    carry = None
    for page in pages:
        layout = layout_page(page.number, page.text, page.lines, carry)
        carry = layout.geo[-1] if layout.geo else None
        yield layout


def extract_pages(raw_pages: list[str], shown: str, library: Library,
                  kpis: set[str] | None = None, models: list | None = None, content_hash: str = "") -> list[Fact]:
    """Facts from a document's raw page texts (and page models, when the reader gave them), with
    ids from the file's `content_hash` (else from the page texts). Pure: no I/O."""
    from .dating import restated
    from .ids import assign as assign_ids, text_hash
    from .matchers import match_page
    from .resolve import dedupe, resolve_page

    pages, library, ctx = prepare_document(raw_pages, shown, library, models)
    facts: list[Fact] = []
    for layout in page_layouts(pages):
        cands = match_page(layout, library)
        if kpis:
            cands = [c for c in cands if c.kpi in kpis]
        facts += resolve_page(layout, cands, ctx, shown, library)
    return assign_ids(dedupe(restated(facts)), content_hash or text_hash(raw_pages))


def extract_text(text: str, library: Library, shown: str = "<text>") -> list[Fact]:
    """Facts from a plain string (pages split at form feeds): for examples and tests."""
    return extract_pages(text.split("\f"), shown, library)


def _work(file: InputFile, cached: RawDocument | None, library: Library, kpis: set[str] | None,
          pdf_reader: str = DEFAULT_PDF_READER, cache: TextCache | None = None, partial: RawDocument | None = None):
    """Runs in the child: (raw document, or None if it came from the cache or went into it; facts;
    warnings).

    With a cache, the pages read so far are saved now and then (`TextCache.put(..., partial=True)`), and a
    file an earlier run could not finish goes on from its kept pages (`partial`): a pack too big
    for one night's limits is read in parts."""
    if cached is not None:
        raw = cached
    else:
        checkpoint = None
        if cache is not None:
            reader = reader_for(file.path, pdf_reader)
            checkpoint = lambda doc: cache.put(file.path, reader, doc, partial=True)  # noqa: E731
        raw = read_pages(file.path, pdf_reader, resume=partial, checkpoint=checkpoint)
        if cache is not None:  # here, in parallel, rather than by the parent after a copy down the pipe
            cache.put(file.path, reader, raw)
            cache.drop_partial(file.path, reader)
    # the cache hashed the file already (in the parent, which told the worker)
    content_hash = cache.content_hash(file.path) if cache is not None else file_hash(file.path)
    facts = extract_pages(raw.pages, file.shown, library, kpis, raw.models, content_hash)
    return (None if cached is not None or cache is not None else raw), facts, raw.warnings, len(raw.pages)


def _one(file: InputFile, library: Library, kpis: set[str] | None, max_memory: int | None, timeout: float,
         pdf_reader: str, cache: TextCache | None) -> tuple:
    """One file in a worker: ("ok", (facts, warnings, pages, from the cache)) or ("error", stage,
    message). The document comes from the cache here, in the worker, not in the parent: the
    parent's time goes to handing out files."""
    try:
        cached = partial = None
        if cache is not None:
            reader = reader_for(file.path, pdf_reader)
            cached = cache.get(file.path, reader)
            partial = cache.get(file.path, reader, partial=True) if cached is None else None
        _, facts, warnings, pages = _work(file, cached, library, kpis, pdf_reader, cache, partial)
        by_ocr = ocr_pages(warnings)
        if by_ocr:  # a figure read by OCR says so
            facts = [replace(f, method=f"{f.method}+ocr") if f.page in by_ocr else f for f in facts]
        return ("ok", (facts, warnings, pages, cached is not None))
    except Overtime as e:
        if e.args[0]:
            return ("error", "pattern", (
                f"gave up after {timeout:g}s while {e.args[0]} was searching this file's text: the pattern "
                f"probably backtracks catastrophically (check it with `kpi-extract patterns check`); if not, "
                f"the file is very large: raise the limit with --timeout"))
        return ("error", "time", _timeout_message(timeout))
    except ReadError as e:
        return ("error", "read", str(e))
    except MemoryError:
        return ("error", "memory", _memory_message(max_memory))
    except BaseException as e:  # a bug of ours: say so, with where
        where = traceback.extract_tb(e.__traceback__)[-1] if e.__traceback__ else None
        at = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
        return ("error", "internal", f"internal error ({type(e).__name__}: {e}{at}): please report it with the file")


def _serve(conn, library, kpis, max_memory, timeout, pdf_reader=DEFAULT_PDF_READER, cache=None) -> None:
    """A worker: files from `conn`, one at a time, each answered with (result, its readers'
    messages, how far the worker's peak RSS has grown since it started in KB, whether the readers'
    state is still that of a fresh process), until the parent sends None or goes."""
    capture = enter_child(max_memory)
    start_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # (the pages shared with the parent count)
    names = describe_patterns(library)
    busy = False

    def overtime(signum, frame):  # the parent's time limit is up: say what was running
        if busy:
            raise Overtime(running_pattern(frame, names) or "")

    signal.signal(signal.SIGUSR1, overtime)
    try:
        while True:
            try:
                task = conn.recv()
            except (EOFError, OSError):
                return
            if task is None:
                return
            file, content_hash = task
            if cache is not None:
                cache.remember(file.path, content_hash)
            capture.reset()
            busy = True
            try:
                result = _one(file, library, kpis, max_memory, timeout, pdf_reader, cache)
            finally:
                busy = False
            try:
                conn.send((result, capture.messages(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start_rss,
                           state_clean()))
            except MemoryError:
                conn.send((("error", "memory", _memory_message(max_memory)), [], 0, False))
    finally:
        conn.close()


def _memory_message(max_memory: int | None) -> str:
    limit = f" ({shown_size(max_memory)})" if max_memory else ""
    return (f"reached the memory limit{limit}: the file is a decompression bomb or very large; raise "
            f"--max-memory or split it (e.g. `qpdf --split-pages`)")


# a worker is retired (and a fresh one forked) after this many files, or once its peak resident
# set has grown by RETIRE_RSS (or a quarter of the memory limit): what one file left behind in its
# heap then meets only a bounded number of files, and never a file near the limit
RETIRE_FILES = 40
RETIRE_RSS = 300 * 1024 * 1024


@dataclass
class _Worker:
    proc: mp.Process
    conn: object
    files: int = 0  # files it has been given
    task: tuple | None = None  # (index, started) of the file it is reading, if any


def run(files: list[InputFile], library: Library, *, kpis: set[str] | None = None,
        cache: TextCache | None = None, jobs: int = 0, timeout: float = 300.0,
        max_memory: int | None = None, ocr: bool = False,
        on_result: Callable[[FileResult], None] | None = None,
        pdf_reader: str = DEFAULT_PDF_READER) -> list[FileResult]:
    """Process every file; results come back in input order.

    Files are handed to up to `jobs` worker children, forked from this process with the library
    built, one file at a time, each with its time limit. A fork costs a child some 40 ms of page
    faults and first uses, as much as reading a few pages, so a worker goes on to the next file;
    it is replaced after a failure of any kind (an unreadable file too), after a file that left
    PDFium's error of a failed load behind (`readers.state_clean`), after
    RETIRE_FILES files, or when its peak memory has grown by RETIRE_RSS. A file that ran out of memory
    (or crashed, which a C library does at the limit) in a worker that had read other files first
    is tried again in a fresh one, so that whether a file is within the limit never depends on the
    files before it.

    Children that are still running when this returns or raises (Ctrl-C, SIGTERM, a bug) are
    killed here; children of a parent killed outright die by their parent-death signal.
    """
    jobs = jobs or min(len(files), os.cpu_count() or 1) or 1
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    configure_ocr(ocr)  # before the cache is asked: its key says whether OCR was used
    results: dict[int, FileResult] = {}
    queue = list(enumerate(files))
    if jobs > 1:  # the largest first, so that no big pack is left running alone at the end
        queue.sort(key=lambda item: -_size(item[1].path))
    fresh_only: set[int] = set()  # files to be read by a worker that has read nothing before
    workers: list[_Worker] = []
    retire_rss = min(RETIRE_RSS, max_memory // 4) if max_memory else RETIRE_RSS

    def kept(f: InputFile, stage: str) -> str:
        """After a limit: how much of the file is kept for the next run to go on from."""
        if cache is None or stage not in ("time", "memory", "crash"):
            return ""
        part = cache.get(f.path, reader_for(f.path, pdf_reader), partial=True)
        if part is None or not part.pages:
            return ""
        n = len(part.pages)
        return f"; the {n} page(s) read so far are kept, and the next run goes on from page {n + 1}"

    def finish(i: int, result: FileResult) -> None:
        results[i] = result
        if on_result:
            on_result(result)

    def spawn() -> _Worker:
        _prepare_for_children(library)
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_serve, args=(child, library, kpis, max_memory, timeout, pdf_reader, cache),
                           daemon=True)
        proc.start()
        child.close()
        worker = _Worker(proc, parent)
        workers.append(worker)
        return worker

    def stop(worker: _Worker, kill: bool) -> None:
        workers.remove(worker)
        try:
            if kill:
                worker.proc.kill()
            else:
                worker.conn.send(None)
        except (OSError, ValueError):
            worker.proc.kill()
        worker.proc.join(5)
        if worker.proc.exitcode is None:
            worker.proc.kill()
            worker.proc.join(5)
        worker.conn.close()

    def failed(i: int, stage: str, message: str, seconds: float, messages: list[str]) -> None:
        f = files[i]
        finish(i, FileResult(f, error=message + kept(f, stage), seconds=seconds, stage=stage, messages=messages))

    def dispatch() -> None:
        """Hand out queued files to idle workers, forking workers up to `jobs`."""
        while queue:
            i, f = queue[0]
            content_hash = ""
            try:
                reader = reader_for(f.path, pdf_reader)
                if cache is not None:
                    known = cache.get_facts(f.path, reader, f.shown, library.digest, kpis) if library.digest \
                        else None
                    if known is not None:  # unchanged file, library and code: neither read nor match
                        queue.pop(0)
                        finish(i, FileResult(f, known.facts, "", known.warnings, True, 0.0, known.pages))
                        continue
                    content_hash = cache.content_hash(f.path)
            except (ReadError, OSError) as e:
                queue.pop(0)
                finish(i, FileResult(f, error=str(e), stage="read"))
                continue
            fresh = i in fresh_only
            idle = [w for w in workers if w.task is None and (w.files == 0 or not fresh)]
            if not idle:
                if fresh:  # idle workers that have read files give their places to a fresh one
                    for w in [w for w in workers if w.task is None]:
                        stop(w, kill=False)
                if len(workers) >= jobs:
                    return
                idle = [spawn()]
            worker = idle[0]
            try:
                worker.conn.send((f, content_hash))
            except (OSError, ValueError):  # it died between files: another takes the file
                stop(worker, kill=True)
                continue
            queue.pop(0)
            worker.files += 1
            worker.task = (i, time.monotonic())

    try:
        dispatch()
        while any(w.task is not None for w in workers):
            running = {w.conn: w for w in workers if w.task is not None}
            now = time.monotonic()
            deadline = min(w.task[1] + timeout for w in running.values())
            ready = wait(list(running), timeout=max(0.0, deadline - now))
            for conn in ready:
                worker = running[conn]
                i, started = worker.task
                f = files[i]
                messages: list[str] = []
                rss, clean = 0, False
                try:
                    payload, messages, rss, clean = conn.recv()
                except (EOFError, OSError, MemoryError):
                    worker.proc.join(5)
                    payload = ("error", "crash", _crash_message(worker.proc.exitcode, max_memory))
                worker.task = None
                seconds = time.monotonic() - started
                if payload[0] == "ok":
                    facts, warnings, pages, from_cache = payload[1]
                    if cache is not None and library.digest:  # a library not loaded from files has no digest
                        cache.put_facts(f.path, reader_for(f.path, pdf_reader), f.shown, library.digest, kpis, facts,
                                        warnings, pages)
                    finish(i, FileResult(f, facts, "", warnings, from_cache, seconds, pages, messages=messages))
                    if worker.files >= RETIRE_FILES or rss * 1024 > retire_rss or not clean:
                        stop(worker, kill=False)
                elif payload[1] in ("memory", "crash") and worker.files > 1:  # after others: again, in a fresh one
                    stop(worker, kill=True)
                    fresh_only.add(i)
                    queue.insert(0, (i, f))
                else:
                    stop(worker, kill=True)
                    failed(i, payload[1], payload[2], seconds, messages)
            now = time.monotonic()
            for worker in [w for w in workers if w.task is not None and now - w.task[1] >= timeout]:
                i, started = worker.task
                payload, messages = ("error", "time", _timeout_message(timeout)), []
                try:  # ask the worker what it was doing (a hanging pattern is named), briefly
                    os.kill(worker.proc.pid, signal.SIGUSR1)
                    if worker.conn.poll(2):
                        payload, messages, _, _ = worker.conn.recv()
                except (OSError, EOFError, ValueError):
                    pass
                stop(worker, kill=True)
                if payload[0] == "ok":  # it finished just then
                    payload = ("error", "time", _timeout_message(timeout))
                failed(i, payload[1], payload[2], now - started, messages)
            dispatch()
    finally:
        for worker in list(workers):
            stop(worker, kill=worker.task is not None)
    return [results[i] for i in range(len(files))]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _prepare_for_children(library: Library) -> None:
    """What every child needs, built once here so that each child is forked with it rather than
    building it again: the library's pattern index, the matchers' alias tables, the gazetteer, and
    the modules a child reads pages with, whose regexes are compiled when they are imported (about
    0.1 s a child for the roles, the dating and the layout, where a folder of small papers takes a
    second)."""
    from . import context, dating, ids, layout, pages, resolve  # noqa: F401 - imported for their regexes
    from .areas import gazetteer
    from .matchers import prepare as prepare_matchers

    prepare_matchers(library)
    gazetteer()
    gc.freeze()


def _timeout_message(timeout: float) -> str:
    return (f"gave up after {timeout:g}s: the file is very large or damaged; raise the limit with --timeout or "
            f"split it (e.g. `qpdf --split-pages`)")


def _read_child(conn, path: Path, max_memory: int | None, pdf_reader: str = DEFAULT_PDF_READER) -> None:
    capture = enter_child(max_memory)
    try:
        result = ("ok", read_pages(path, pdf_reader))
    except ReadError as e:
        result = ("error", "read", str(e))
    except MemoryError:
        result = ("error", "memory", _memory_message(max_memory))
    try:
        conn.send((result, capture.messages()))
    finally:
        conn.close()


def read_limited(path: Path, timeout: float, max_memory: int | None,
                 pdf_reader: str = DEFAULT_PDF_READER) -> tuple[RawDocument, list[str]]:
    """`read_pages` in a child with the run's limits (for `text`): the document and the
    readers' own messages, or ReadError saying which limit was hit."""
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_read_child, args=(child, path, max_memory, pdf_reader), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(timeout):
            raise ReadError(_timeout_message(timeout))
        try:
            result, messages = parent.recv()
        except (EOFError, OSError):
            proc.join(5)
            raise ReadError(_crash_message(proc.exitcode, max_memory)) from None
    finally:
        proc.kill()
        proc.join(5)
        parent.close()
    if result[0] != "ok":
        raise ReadError(result[2])
    return result[1], messages


def _crash_message(exitcode: int | None, max_memory: int | None) -> str:
    """A child that died without a word: a C-level crash in a reader, or the memory limit hit
    where Python could not raise (a failed allocation inside a C library aborts)."""
    how = f"killed by signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"exit code {exitcode}"
    limit = (f"; if it was the memory limit ({shown_size(max_memory)}), raise --max-memory" if max_memory else "")
    return f"the reader crashed ({how}): the file is probably damaged{limit}; {_repair_hint()}"


def _repair_hint() -> str:
    return "repair it (e.g. `qpdf broken.pdf repaired.pdf`) or download it again"
