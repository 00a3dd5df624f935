"""Command line: a thin layer of Click commands over the library. Nothing else prints.

Exit codes (the README has the table): 0 every input read; 1 some input files could not be read
(the others were, and the outputs were written); 2 nothing was done: a usage error, a broken
pattern library or facts file, an output path that cannot be written; 3 no input could be read
(the previous outputs are kept); 130 interrupted (Ctrl-C or SIGTERM; outputs unchanged).
Failures are raised as `CliError` subclasses carrying their exit code, so that helpers never
call `sys.exit` and the code is in one place.
"""
from __future__ import annotations

import datetime as _dt
import math
import os
import signal
import sys
import time
from pathlib import Path

from typing import TYPE_CHECKING

import click

# Only what the options and every command need is imported here; the rest (pandas, the readers
# with PDFium and pdfplumber, the matchers) is imported by the commands that use it, so that
# `--version`, `--help` and `patterns list` start in a fraction of the time `extract` needs.
from . import __version__
from .cache import default_dir
from .sandbox import default_max_memory, parse_size
from .writers import (FORMATS, OutputError, check_output, fact_rows, format_for, shown_name, table_bytes, write_all,
                      xlsx_bytes)
from .model import FACT_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

    from .library import Library
    from .pipeline import FileResult

EXIT_OK, EXIT_FILES_FAILED, EXIT_NOTHING_DONE, EXIT_NOTHING_READ, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
MAX_JOBS = max(4, 4 * (os.cpu_count() or 1))
# readers.PDF_READERS' names, the default first: named here so that the options need no reader imported
PDF_READER_NAMES = ("pdfium", "pdfplumber")


class CliError(click.ClickException):
    """A one-line `error: ...` and an exit code; 2 (nothing was done) unless a subclass says."""

    exit_code = EXIT_NOTHING_DONE

    def show(self, file=None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


class NothingRead(CliError):
    exit_code = EXIT_NOTHING_READ


class SomeFailed(CliError):
    """Not an error message: the failures were reported file by file; only the code is left."""

    exit_code = EXIT_FILES_FAILED

    def show(self, file=None) -> None:
        pass


class _Main(click.Group):
    """The command group, turning Ctrl-C and SIGTERM into exit code 130 and one line."""

    def invoke(self, ctx: click.Context):
        previous = signal.getsignal(signal.SIGTERM)

        def terminated(signum, frame):
            raise KeyboardInterrupt

        try:
            signal.signal(signal.SIGTERM, terminated)
        except ValueError:  # not the main thread (a test runner): leave SIGTERM alone
            previous = None
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            _err("interrupted: no output was changed")
            raise click.exceptions.Exit(EXIT_INTERRUPTED)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)


def _err(msg: str) -> None:
    click.echo(msg, err=True)


def _library(paths: tuple[str, ...]) -> Library:
    """The bundled library with the user's files; their regexes are first tried on texts that
    provoke catastrophic backtracking, so that a hanging pattern is named here rather than
    blamed on a PDF later."""
    from .library import LibraryError, bundled_files, load_library, require
    from .redos import stress_check
    try:
        library = require(load_library(paths))
        if paths:
            user = set(library.files) - {str(f) for f in bundled_files()}
            slow = stress_check(library, sources=user)
            if slow:
                raise LibraryError(slow)
        return library
    except LibraryError as e:
        for p in e.problems:
            _err(p)
        raise CliError("the pattern library has problems (listed above): fix them, "
                       "or check them with `kpi-extract patterns check`") from e


def _stdout(data: bytes) -> None:
    out = getattr(sys.stdout, "buffer", None)
    if out is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        sys.stdout.flush()
        out.write(data)
        out.flush()


def _emit_all(outputs: list[tuple[Path | None, bytes]]) -> None:
    """Files all written or none (`write_all`); the one without a file goes to standard output."""
    files = [(p, d) for p, d in outputs if p is not None]
    try:
        write_all(files)
    except OutputError as e:
        raise CliError(str(e)) from e
    for p, d in outputs:
        if p is None:
            _stdout(d)


def _check_outputs(outputs: list[tuple[str | None, str]], inputs: list[Path] = (), force: bool = False
                   ) -> list[Path | None]:
    """Refuse, before any work, an output that cannot or must not be written (exit 2); the
    paths to write (a link's target under --force), None for standard output."""
    targets: list[Path | None] = []
    for path, fmt in outputs:
        if fmt == "xlsx" and (path is None or path == "-"):
            raise CliError("an xlsx workbook cannot go to standard output: give -o FILE.xlsx")
        if path and path != "-":
            try:
                target = check_output(path, inputs=inputs, force=force)
            except OutputError as e:
                raise CliError(str(e)) from e
            if any(t is not None and t.resolve() == target.resolve() for t in targets):
                raise CliError(f"{shown_name(path)}: given for two outputs: give each its own file")
            targets.append(target)
        else:
            targets.append(None)
    return targets


def _measures(library: Library) -> dict[str, str]:
    return {k: e.measure for k, e in library.kpis.items()}


def _workbook(fact_table: list[dict], series: pd.DataFrame) -> bytes:
    from .series import SERIES_COLUMNS, wide
    pivot = wide(series)
    return xlsx_bytes([("facts", FACT_COLUMNS, fact_table),
                       ("series", SERIES_COLUMNS, series.to_dict("records")),
                       ("wide", list(pivot.columns), pivot.to_dict("records"))])


def _facts_output(fact_table: list[dict], fmt: str, library: Library, raw: bool = False,
                  series_rows: list[dict] | None = None) -> bytes:
    """The facts file; a workbook's series sheet is made from `series_rows` (the facts with the
    review ledger applied) when given."""
    if fmt == "xlsx":
        import pandas as pd

        from .series import build_series
        series = build_series(pd.DataFrame(series_rows if series_rows is not None else fact_table,
                                           columns=FACT_COLUMNS).astype(str), _measures(library))
        return _workbook(fact_table, series)
    return table_bytes(fmt, FACT_COLUMNS, fact_table, raw)


def _series_output(fact_table: list[dict], fmt: str, library: Library, kpis: set[str] | None = None,
                   as_wide: bool = False, raw: bool = False) -> bytes:
    import pandas as pd

    from .series import SERIES_COLUMNS, build_series, wide
    facts = pd.DataFrame(fact_table, columns=FACT_COLUMNS).astype(str)
    series = build_series(facts, _measures(library), kpis)
    if fmt == "xlsx":
        return _workbook(fact_table, series)
    if as_wide:
        pivot = wide(series)
        return table_bytes(fmt, list(pivot.columns), pivot.to_dict("records"), raw)
    return table_bytes(fmt, SERIES_COLUMNS, series.to_dict("records"), raw)


ERROR_COLUMNS = ["file", "stage", "reason", "hint", "messages"]


def split_message(message: str) -> tuple[str, str]:
    """(what is wrong, what to do) from a one-line `reason: hint` message; the hint is the part
    after the last `: ` outside brackets and backquotes."""
    depth, cut = 0, -1
    quoted = False
    for i, ch in enumerate(message):
        if ch == "`":
            quoted = not quoted
        elif not quoted and ch in "([":
            depth += 1
        elif not quoted and ch in ")]":
            depth = max(0, depth - 1)
        elif not quoted and depth == 0 and message.startswith(": ", i):
            cut = i
    if cut < 0:
        return message, ""
    return message[:cut], message[cut + 2:]


def _errors_bytes(failures: list[tuple[str, str, str, list[str]]]) -> bytes:
    rows = []
    for file, stage, message, messages in failures:
        reason, hint = split_message(message)
        rows.append({"file": file, "stage": stage, "reason": reason, "hint": hint, "messages": " | ".join(messages)})
    return table_bytes("csv", ERROR_COLUMNS, rows)


class _Log:
    """Appends one timestamped line per event to --log FILE (for scheduled runs)."""

    def __init__(self, path: str | None):
        self.f = open(path, "a", encoding="utf-8", errors="backslashreplace") if path else None

    def __call__(self, msg: str) -> None:
        if self.f:
            stamp = _dt.datetime.now().astimezone().isoformat(timespec="seconds")
            self.f.write(f"{stamp} {msg}\n")
            self.f.flush()

    def close(self) -> None:
        if self.f:
            self.f.close()


class _Progress:
    """One self-overwriting line on a terminal's stderr: files, pages, facts, elapsed, ETA.
    Not drawn when stderr is a pipe or a file (cron, `2> log`): those get the summary only."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.enabled = total, enabled and total > 0
        self.done = self.pages = self.facts = 0
        self.started = time.monotonic()
        self.last = 0.0
        self.width = 0

    def update(self, r: FileResult | None = None, force: bool = False) -> None:
        if r is not None:
            self.done += 1
            self.pages += r.pages
            self.facts += len(r.facts)
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < 0.2 and self.done < self.total:
            return
        self.last = now
        elapsed = now - self.started
        eta = f", about {_clock(elapsed / self.done * (self.total - self.done))} left" if self.done else ""
        line = (f"{self.done}/{self.total} files, {self.pages} pages, {self.facts} facts, "
                f"{_clock(elapsed)}{eta}")
        click.echo("\r" + line.ljust(self.width), err=True, nl=False)
        self.width = len(line)

    def clear(self) -> None:
        """Before any other line on stderr, and at the end."""
        if self.enabled and self.width:
            click.echo("\r" + " " * self.width + "\r", err=True, nl=False)
            self.width = 0


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


def _seconds(ctx, param, value: float) -> float:
    if value is None:
        return value
    if not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a number of seconds: give a finite number, e.g. 300")
    return value


def _memory(ctx, param, value: str | None) -> int | None:
    if value is None:
        return None
    try:
        size = parse_size(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a size: give e.g. 2G or 1500M") from None
    if size < 256 * 1024 * 1024:
        raise click.BadParameter(f"{value} is too little to read a PDF: give at least 256M")
    return size


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kpi-extract")
def main() -> None:
    """Pull KPI figures out of council committee PDFs into tidy CSV, each with its source."""


_patterns_option = click.option(
    "--patterns", "pattern_paths", multiple=True, type=click.Path(),
    help="Pattern file or folder to add to the bundled library (repeatable); a KPI id or a file "
         "name already in the library is replaced.")
_raw_text_option = click.option(
    "--raw-text", is_flag=True,
    help="Write text cells as they are. By default a CSV cell a spreadsheet would run as a formula "
         "(starting with =, +, -, @, tab or CR) gets a leading ' (OWASP); use this for pipelines.")
_ledger_option = click.option(
    "--ledger", "ledger_path", type=click.Path(dir_okay=False), default=None,
    help="The review ledger to apply (see `review`): rejected facts left out, corrections in place, "
         "reviewed figures marked. Default: FACTS.ledger.sqlite beside the (first) facts file, when it exists.")
_force_option = click.option(
    "--force", is_flag=True, help="Write through an output path that is a symbolic link (to the file it points to).")


def output_options(what: str, formats: bool = True, required: bool = False):
    """-o, --format and --kpi, the same on every command that writes a table (as sqlite-utils'
    `output_options`), so that their names, checks and help cannot drift apart."""
    def apply(f):
        f = click.option("--kpi", "kpis", multiple=True, metavar="ID", help="Only these KPI ids (repeatable).")(f)
        if formats:
            f = click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
                             help="Output format; default: from the -o file's suffix (.jsonl, .xlsx), else csv. "
                                  "An xlsx workbook has a sheet each for facts, series and the wide pivot.")(f)
        where = "" if required else " Default: standard output."
        return click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, required=required,
                            help=f"{what} to write (atomically: the old file stays until the new one is "
                                 f"complete).{where}")(f)
    return apply


def _jobs(ctx, param, value: int) -> int:
    if value > MAX_JOBS:
        raise click.BadParameter(f"{value} is more than 4 per CPU ({MAX_JOBS} here): the files would fight over "
                                 f"memory; give at most {MAX_JOBS}")
    return value


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@output_options("Facts file")
@_patterns_option
@click.option("--series", "series_path", type=click.Path(dir_okay=False), default=None,
              help="Also write the series (one row per KPI and period) to this file, in the format its "
                   "suffix says.")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False), default=None,
              help="Write the files that could not be read to this CSV (file, stage, reason, hint, "
                   "messages); written on every run, empty but for its header when all were read.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="Where extracted text is cached by file content. Default: $XDG_CACHE_HOME/kpi-extract, "
                   "else ~/.cache/kpi-extract.")
@click.option("--no-cache", is_flag=True, help="Read every file afresh and keep nothing of it (the compiled "
              "pattern library is still kept, as Python keeps bytecode).")
@click.option("-j", "--jobs", type=click.IntRange(0), default=0, show_default=True, callback=_jobs,
              help="Files processed at once (0: one per CPU; at most 4 per CPU).")
@click.option("--timeout", type=click.FloatRange(1), default=300, show_default=True, callback=_seconds,
              help="Seconds allowed per file before it is given up (the pages read by then are "
                   "kept in the cache, and the next run goes on from there).")
@click.option("--max-memory", default=None, callback=_memory, metavar="SIZE",
              help="Memory each file's reader may use (e.g. 2G, 1500M) before it is given up. "
                   "Default: a share of this machine's memory per job, at most 2G.")
@click.option("--ocr", is_flag=True,
              help="Read pages that have no text layer (scans) with Tesseract, which must be installed "
                   "(Debian: apt-get install tesseract-ocr); their figures' method ends in +ocr.")
@click.option("--log", "log_path", type=click.Path(dir_okay=False), default=None,
              help="Append a timestamped line per file and a summary to this log file.")
@_ledger_option
@_raw_text_option
@_force_option
@click.option("-v", "--verbose", is_flag=True, help="Report each file on standard error.")
@click.option("-q", "--quiet", is_flag=True, help="Report nothing but errors (no summary line).")
@click.option("--reader", "pdf_reader", type=click.Choice(PDF_READER_NAMES), default=PDF_READER_NAMES[0],
              show_default=True, help="How PDFs are read: pdfium (fast, with the page's layout: tables from "
                                      "columns, headings from type) or pdfplumber (the reference; text only).")
def extract(paths, output, pattern_paths, kpis, fmt, series_path, errors_path, cache_dir, no_cache, jobs, timeout,
            max_memory, ocr, log_path, ledger_path, raw_text, force, verbose, quiet, pdf_reader):
    """Read PDFs and .txt files (folders are searched recursively) and write one CSV row per figure.

    Problems go to standard error, with a progress line when it is a terminal and a one-line
    summary at the end; the CSV goes to -o FILE or standard output. When no file at all could
    be read, the outputs are left as they were (exit code 3).
    """
    from .cache import TextCache
    from .pipeline import discover, run
    from .readers.ocr import INSTALL as OCR_INSTALL, tesseract
    from .model import sort_facts
    if ocr and tesseract() is None:
        raise CliError(f"--ocr needs Tesseract, which is not on PATH: {OCR_INSTALL}")
    library = _library(pattern_paths)
    unknown = [k for k in kpis if k not in library.kpis]
    if unknown:
        raise click.BadParameter(f"unknown KPI id(s): {', '.join(unknown)} (see `kpi-extract patterns list`)",
                                 param_hint="--kpi")
    fmt = format_for(output, fmt)
    files, problems = discover(paths)
    inputs = [f.path for f in files] + [Path(p) for p in paths]
    out_target, series_target, errors_target = _check_outputs(
        [(output, fmt), (series_path, format_for(series_path, None)), (errors_path, "csv")], inputs, force)
    if errors_path and errors_target is None:
        raise CliError("--errors needs a file name, not standard output")
    if series_path and series_target is None:
        raise CliError("--series needs a file name, not standard output")
    if ledger_path and not Path(ledger_path).is_file():
        raise CliError(f"{shown_name(ledger_path)}: no such ledger: give the file `kpi-extract review` wrote")
    try:
        log = _Log(log_path)
    except OSError as e:
        raise CliError(f"{shown_name(log_path)}: cannot open the log ({e.strerror}): choose another path") from e

    progress = _Progress(len(files), sys.stderr.isatty() and not quiet and not verbose)
    failures: list[tuple[str, str, str, list[str]]] = []
    for shown, problem in problems:
        _err(f"error: {shown}: {problem}")
        log(f"error {shown}: {problem}")
        failures.append((shown, "find", problem, []))
    cache = None if no_cache else TextCache(Path(cache_dir) if cache_dir else default_dir())
    started = time.monotonic()

    def report(r: FileResult) -> None:
        progress.clear()
        if r.error:
            _err(f"error: {r.file.shown}: {r.error}")
            log(f"error {r.file.shown}: {r.error}")
            for m in r.messages:
                log(f"message {r.file.shown}: {m}")
            failures.append((r.file.shown, r.stage or "read", r.error, r.messages))
        else:
            for w in r.warnings:
                if not quiet:
                    _err(f"warning: {r.file.shown}: {w}")
                log(f"warning {r.file.shown}: {w}")
            for m in r.messages:
                if verbose:
                    _err(f"message: {r.file.shown}: {m}")
                log(f"message {r.file.shown}: {m}")
            how = "cached" if r.cached else f"{r.seconds:.1f}s"
            if verbose:
                _err(f"{r.file.shown}: {r.pages} pages, {len(r.facts)} facts ({how})")
            log(f"ok {r.file.shown}: {r.pages} pages, {len(r.facts)} facts ({how})")
        progress.update(r)

    jobs = jobs or min(len(files), os.cpu_count() or 1) or 1
    max_memory = max_memory or default_max_memory(jobs)
    try:
        results = run(files, library, kpis=set(kpis) or None, cache=cache, jobs=jobs, timeout=timeout,
                      max_memory=max_memory, ocr=ocr, on_result=report, pdf_reader=pdf_reader)
    except KeyboardInterrupt:
        progress.clear()
        log("interrupted: no output was changed")
        log.close()
        raise
    progress.clear()
    read = [r for r in results if not r.error]
    facts = sort_facts([f for r in read for f in r.facts])
    failed = len(failures)
    summary = (f"{len(read)} of {len(results)} files read, {len(facts)} facts, {failed} problem(s), "
               f"{time.monotonic() - started:.1f}s")
    outputs: list[tuple[Path | None, bytes]] = []
    if errors_target is not None:
        outputs.append((errors_target, _errors_bytes(failures)))
    if not read:
        try:
            write_all(outputs)
        except OutputError as e:
            _err(f"error: {e}")
        kept = ", ".join(shown_name(p) for p in (output, series_path) if p and p != "-")
        log(f"done {summary}; nothing could be read")
        log.close()
        raise NothingRead(f"no input file could be read ({failed} problem(s) above)"
                          + (f": {kept} left as it was" if kept else ""))
    rows = fact_rows(facts)
    # the facts file keeps every reading (the review page and `changes` need them); a series is
    # where figures are used, so the analyst's decisions apply there
    reviewed = rows
    if series_target is not None or fmt == "xlsx":
        import pandas as pd
        reviewed = _apply_ledger(pd.DataFrame(rows, columns=FACT_COLUMNS).astype(str), ledger_path,
                                 output).to_dict("records")
    outputs.append((out_target, _facts_output(rows, fmt, library, raw_text, reviewed)))
    if series_target is not None:
        outputs.append((series_target, _series_output(reviewed, format_for(series_path, None), library,
                                                       raw=raw_text)))
    try:
        _emit_all(outputs)
    except CliError as e:
        log(f"error {e.format_message()}")
        log.close()
        raise
    if not quiet:
        _err(summary)
    log(f"done {summary}")
    log.close()
    if failed:
        raise SomeFailed(summary)


def _apply_ledger(facts: pd.DataFrame, ledger_path: str | None, beside: str | None) -> pd.DataFrame:
    """The facts with the review ledger's decisions applied: the one given, else the one beside
    the facts file when there is one. Decisions whose fact is gone are listed on stderr."""
    from .ledger import Ledger, LedgerError, apply, default_path, orphan_lines
    path = Path(ledger_path) if ledger_path else default_path(beside) if beside and beside != "-" else None
    if path is None or (not ledger_path and not path.is_file()):
        return facts
    try:
        with Ledger(path, create=False) as ledger:
            decisions = ledger.latest()
    except LedgerError as e:
        raise CliError(str(e)) from e
    facts, orphans = apply(facts, decisions)
    for line in orphan_lines(orphans, shown_name(str(path))):
        _err(line)
    return facts


def _read_facts(paths: tuple[str, ...]) -> pd.DataFrame:
    import pandas as pd

    from .series import FactsError, read_facts
    try:
        frames = [read_facts(p) for p in paths]
    except FactsError as e:
        raise CliError(str(e)) from e
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


@main.command()
@click.argument("facts", nargs=-1, required=True, type=click.Path(dir_okay=False))
@output_options("Series file")
@click.option("--wide", "as_wide", is_flag=True, help="One row per period and one column per KPI.")
@_patterns_option
@_ledger_option
@_raw_text_option
@_force_option
def series(facts, output, fmt, as_wide, kpis, pattern_paths, ledger_path, raw_text, force):
    """One row per KPI, area, subject and period from facts CSV/JSON lines files: sources
    counted, conflicts shown.

    Periods that are the same moment are one row: an as-at date and its month, and for a stock
    a financial year and the 31 March that ends it. The agreed value is the one most documents
    give, then the most confident reading; the others are listed as alternatives.
    """
    library = _library(pattern_paths)
    fmt = format_for(output, fmt)
    [target] = _check_outputs([(output, fmt)], [Path(f) for f in facts], force)
    table = _apply_ledger(_read_facts(facts), ledger_path, facts[0]).to_dict("records")
    _emit_all([(target, _series_output(table, fmt, library, set(kpis) or None, as_wide, raw_text))])


@main.command()
@click.argument("facts", nargs=-1, required=True, type=click.Path(dir_okay=False))
@output_options("HTML file", formats=False, required=True)
@click.option("--documents", type=click.Path(file_okay=False), default=None,
              help="The folder the facts' documents are in (as given to extract): sources become links "
                   "to the PDF page.")
@click.option("--title", default="KPI report", show_default=True, help="The report's heading.")
@_patterns_option
@_ledger_option
@_force_option
def report(facts, output, documents, kpis, title, pattern_paths, ledger_path, force):
    """A self-contained HTML report: a chart per KPI over time, conflicts marked, and under each
    chart every figure with its snippet and document page (click a point to find them)."""
    from .report import render
    library = _library(pattern_paths)
    [target] = _check_outputs([(output, "html")], [Path(f) for f in facts], force)
    if target is None:
        raise CliError("report needs -o FILE.html")
    table = _apply_ledger(_read_facts(facts), ledger_path, facts[0])
    page = render(table, measures=_measures(library), labels={k: e.label for k, e in library.kpis.items()},
                  kpis=set(kpis) or None, documents=documents, out_path=target,
                  source=", ".join(shown_name(Path(f).name) for f in facts), title=title)
    _emit_all([(target, page.encode("utf-8", "backslashreplace"))])


@main.command()
@click.argument("facts", type=click.Path(dir_okay=False))
@click.option("--documents", type=click.Path(file_okay=False), default=None,
              help="The folder the facts' documents are in (as given to extract): each fact is shown on its "
                   "PDF page, the figure's box marked.")
@click.option("--ledger", "ledger_path", type=click.Path(dir_okay=False), default=None,
              help="The ledger the decisions go to (created when missing). Default: FACTS.ledger.sqlite beside "
                   "the facts file.")
@click.option("--who", default=None, help="Who is deciding. Default: $KPI_EXTRACT_REVIEWER, else the login name.")
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port on 127.0.0.1. Default: a free one.")
@click.option("--no-browser", is_flag=True, help="Do not open the page in a browser; print its address only.")
@click.option("--orphans", is_flag=True,
              help="Only list the ledger's decisions whose fact is not in FACTS (its page changed, or its "
                   "document is gone), and exit.")
@_patterns_option
def review(facts, documents, ledger_path, who, port, no_browser, orphans, pattern_paths):
    """A local web page to accept, reject or correct facts, each shown on its PDF page.

    Conflicting figures come first, then the least confident, then the rest; keys a (accept),
    r (reject), c (correct), j/k (next/previous). Each decision is written to the ledger at once;
    `series`, `report` and `extract --series` apply it. Stop the server with Ctrl-C.
    """
    from .ledger import Ledger, LedgerError, default_path, reviewer
    from .review import Queue, ReviewServer, orphans as orphan_warnings
    library = _library(pattern_paths)
    table = _read_facts((facts,))
    path = Path(ledger_path) if ledger_path else default_path(facts)
    if orphans and not path.is_file():
        raise CliError(f"{shown_name(str(path))}: no such ledger: give the file `kpi-extract review` wrote")
    if documents is not None and not Path(documents).is_dir():
        raise CliError(f"{shown_name(documents)}: no such folder: give the folder given to extract")
    try:
        ledger = Ledger(path)
    except LedgerError as e:
        raise CliError(str(e)) from e
    with ledger:
        queue = Queue.build(table, documents, ledger, who or reviewer(), _measures(library),
                            {k: e.label for k, e in library.kpis.items()}, shown_name(Path(facts).name))
        try:
            lines = orphan_warnings(queue)
        except LedgerError as e:
            raise CliError(str(e)) from e
        if orphans:
            for line in lines:
                click.echo(line.split(": ", 2)[-1])
            return
        for line in lines:
            _err(line)

        try:
            server = ReviewServer(queue, port)
        except OSError as e:
            raise CliError(f"port {port}: cannot listen there ({e.strerror}): give another --port, or none") from e
        _err(f"review: {server.url} ({len(queue.facts)} facts; decisions go to {shown_name(str(path))}; "
             f"Ctrl-C to stop)")
        if not no_browser:
            import webbrowser
            webbrowser.open(server.url)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            _err(f"review stopped: {len(queue.decisions())} fact(s) decided in {shown_name(str(path))}")
        finally:
            server.server_close()


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--since", default=None, metavar="LEDGER-OR-DATE",
              help="Instead of OLD: what the review decisions made since this date (YYYY-MM-DD, or an ISO time in "
                   "UTC) or since this earlier copy of the ledger changed in FACTS' series.")
@click.option("--ledger", "ledger_path", type=click.Path(dir_okay=False), default=None,
              help="With --since: the ledger now. Default: FACTS.ledger.sqlite beside the facts file. Without: "
                   "a ledger applied to both sides.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write the changes as CSV or JSON lines (by the suffix: .csv, .jsonl) instead of Markdown on "
                   "standard output.")
@click.option("--exit-code", "exit_code", is_flag=True,
              help="Exit with 1 when anything changed, 0 when nothing did (for a cron job's &&).")
@_patterns_option
@_force_option
def changes(files, since, ledger_path, output, exit_code, pattern_paths, force):
    """What changed from OLD to NEW (series or facts files; facts are made into their series):
    figures that are new, values that changed, conflicts that appeared or were resolved, and
    figures no longer found, each with its sources.

    `changes OLD NEW`, or `changes FACTS --since LEDGER-OR-DATE` for what review decisions did.
    Markdown (a mail body) on standard output by default.
    """
    from .changes import compare, markdown, read_side, records
    from .series import FactsError, build_series
    library = _library(pattern_paths)
    measures = _measures(library)
    if since is not None and len(files) != 1:
        raise click.UsageError("with --since give one facts file: kpi-extract changes FACTS --since LEDGER-OR-DATE")
    if since is None and len(files) != 2:
        raise click.UsageError("give two files, OLD and NEW (series or facts), or one facts file and --since")
    fmt = format_for(output, None) if output else "markdown"
    if fmt == "xlsx":
        raise CliError("changes are written as CSV or JSON lines: give -o FILE.csv or FILE.jsonl")
    [target] = _check_outputs([(output, "csv")], [Path(f) for f in files], force) if output else [None]
    notes: list[str] = []
    if since is not None:
        old, new, names, notes = _since(files[0], since, ledger_path, measures)
    else:
        try:
            old, new = (read_side(f, measures) for f in files)
            if ledger_path:
                facts = [_read_facts((f,)) for f in files]
                old, new = (build_series(_apply_ledger(t, ledger_path, None), measures) for t in facts)
        except FactsError as e:
            raise CliError(str(e)) from e
        names = tuple(shown_name(Path(f).name) for f in files)
    found = compare(old, new)
    if fmt == "markdown":
        data = markdown(found, names[0], names[1], notes).encode("utf-8", "backslashreplace")
    else:
        columns, rows = records(found, old, new)
        data = table_bytes(fmt, columns, rows)
    _emit_all([(target, data)])
    if exit_code and found:
        raise click.exceptions.Exit(EXIT_FILES_FAILED)


def _since(facts: str, since: str, ledger_path: str | None, measures: dict[str, str]):
    """(old series, new series, names, notes) for `changes FACTS --since LEDGER-OR-DATE`: the
    facts' series with the decisions made before, and with all of them."""
    from .ledger import Ledger, LedgerError, apply, default_path, orphan_lines
    from .series import build_series
    table = _read_facts((facts,))
    path = Path(ledger_path) if ledger_path else default_path(facts)
    try:
        with Ledger(path, create=False) as ledger:
            now = ledger.latest()
            history = ledger.history()
        if Path(since).is_file():
            with Ledger(since, create=False) as earlier:
                before = earlier.latest()
            made = [d for d in history if d.id > max((b.id for b in before.values()), default=0)]
            since_name = shown_name(Path(since).name)
        else:
            cutoff = _cutoff(since)
            before = {d.fact_id: d for d in history if d.at < cutoff}
            made = [d for d in history if d.at >= cutoff]
            since_name = cutoff
    except LedgerError as e:
        raise CliError(str(e)) from e
    old, _ = apply(table, before)
    new, orphans = apply(table, now)
    notes = [f"decision: {d.describe()}" for d in made] + \
        [line.replace("warning: ", "", 1) for line in orphan_lines(orphans, shown_name(str(path)))]
    return (build_series(old, measures), build_series(new, measures),
            (f"{shown_name(Path(facts).name)} as reviewed at {since_name}", "as reviewed now"), notes)


def _cutoff(since: str) -> str:
    """An ISO time in UTC (`...Z`) from a date or a time; a usage error otherwise."""
    try:
        moment = _dt.datetime.fromisoformat(since.replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"{since!r} is neither a ledger file nor a date (YYYY-MM-DD) or ISO time",
                                 param_hint="--since") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(_dt.timezone.utc).replace(tzinfo=None)
    return moment.replace(microsecond=0).isoformat() + "Z"


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--page", type=click.IntRange(1), default=None, help="Only this page (1-based).")
@click.option("--timeout", type=click.FloatRange(1), default=300, show_default=True, callback=_seconds,
              help="Seconds allowed to read the file.")
@click.option("--max-memory", default=None, callback=_memory, metavar="SIZE",
              help="Memory the reader may use (e.g. 2G). Default: as for extract.")
@click.option("--reader", "pdf_reader", type=click.Choice(PDF_READER_NAMES), default=PDF_READER_NAMES[0],
              show_default=True, help="How PDFs are read (as for extract).")
def text(file, page, timeout, max_memory, pdf_reader):
    """Print the normalised text the patterns see, page by page (for writing patterns)."""
    from .normalise import damage_count
    from .pages import prepare
    from .pipeline import read_limited
    from .readers import ReadError
    try:
        raw, messages = read_limited(Path(file), timeout, max_memory or default_max_memory(1), pdf_reader)
    except ReadError as e:
        raise NothingRead(f"{shown_name(file)}: {e}") from e
    for m in messages:
        _err(f"message: {shown_name(file)}: {m}")
    pages = [p.text for p in prepare(raw.pages, raw.models)]
    if page is not None and page > len(pages):
        raise click.BadParameter(f"{shown_name(file)} has {len(pages)} pages", param_hint="--page")
    for number, body in enumerate(pages, start=1):
        if page is not None and number != page:
            continue
        damaged = damage_count(body)
        note = f" ({damaged} unreadable characters)" if damaged else ""
        click.echo(f"--- page {number}{note} ---")
        click.echo(body)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--page", type=click.IntRange(1), required=True, help="The page to explain (1-based).")
@_patterns_option
@click.option("--timeout", type=click.FloatRange(1), default=300, show_default=True, callback=_seconds,
              help="Seconds allowed to read the file.")
@click.option("--max-memory", default=None, callback=_memory, metavar="SIZE",
              help="Memory the reader may use (e.g. 2G). Default: as for extract.")
@click.option("--reader", "pdf_reader", type=click.Choice(PDF_READER_NAMES), default=PDF_READER_NAMES[0],
              show_default=True, help="How PDFs are read (as for extract).")
def explain(file, page, pattern_paths, timeout, max_memory, pdf_reader):
    """Show every candidate figure on a page: the clause it was read from, the period it got and
    the rule that decided it, and why each rejected one was rejected."""
    from .explain import explain_page
    from .pipeline import read_limited
    from .readers import ReadError
    library = _library(pattern_paths)
    try:
        raw, messages = read_limited(Path(file), timeout, max_memory or default_max_memory(1), pdf_reader)
    except ReadError as e:
        raise NothingRead(f"{shown_name(file)}: {e}") from e
    for m in messages:
        _err(f"message: {shown_name(file)}: {m}")
    if page > len(raw.pages):
        raise click.BadParameter(f"{shown_name(file)} has {len(raw.pages)} pages", param_hint="--page")
    for line in explain_page(raw.pages, raw.models, page, library, shown_name(file)):
        click.echo(line)


@main.group()
def patterns():
    """List, check and test pattern libraries."""


@patterns.command("list")
@_patterns_option
def patterns_list(pattern_paths):
    """List the KPIs of the library: id, unit, label and the file that defines it."""
    library = _library(pattern_paths)
    for e in library.kpis.values():
        click.echo(f"{e.id}\t{e.unit}\t{e.label}\t{e.source}:{e.line}")


@patterns.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
def patterns_check(paths):
    """Check pattern files (default: the bundled library) and print file:line for each problem.

    Every regex is also tried, under a time limit, on texts that provoke catastrophic
    backtracking; one that hangs is a problem. Exit code 2 when there is any: the library could
    not be used by `extract`."""
    from .library import load_library
    from .redos import stress_check
    library = load_library(paths)
    if not library.problems:
        library.problems += stress_check(library)
    for p in library.problems:
        click.echo(p)
    if library.problems:
        raise CliError(f"{len(library.problems)} problem(s) in {len(library.files) or len(paths)} file(s)")
    click.echo(f"ok: {len(library.kpis)} KPIs in {len(library.files)} files")


@patterns.command("test")
@_patterns_option
@click.option("--kpi", "kpis", multiple=True, metavar="ID", help="Only the examples of these KPIs.")
def patterns_test(pattern_paths, kpis):
    """Run every entry's examples through the extractor and report those that fail."""
    from .examples import run_examples
    library = _library(pattern_paths)
    failures, total = run_examples(library, set(kpis) or None)
    for f in failures:
        click.echo(f)
    click.echo(f"{total - len(failures)} of {total} examples pass")
    if failures:
        raise SomeFailed(f"{len(failures)} example(s) fail")


__all__ = ["main"]
