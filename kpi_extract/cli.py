"""Command line: a thin layer of Click commands over the library. Nothing else prints.

Exit codes: 0 all went well; 1 some input files could not be read (the others were, and the
output was written); 2 nothing was done: a usage error, a broken pattern library, or an output
path that cannot be written.
"""
from __future__ import annotations

import datetime as _dt
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

# Only what the options and every command need is imported here; the rest (pandas, the readers
# with pdfplumber, the matchers) is imported by the commands that use it, so that `--version`,
# `--help` and `patterns list` start in a fraction of the time `extract` needs to import.
from . import __version__
from .cache import default_dir
from .writers import (FORMATS, OutputError, atomic_write_bytes, check_writable, fact_rows, format_for, table_bytes,
                      xlsx_bytes)
from .model import FACT_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

    from .library import Library
    from .pipeline import FileResult

EXIT_OK, EXIT_FILES_FAILED, EXIT_NOTHING_DONE = 0, 1, 2
# readers.PDF_READERS' names, the default first: named here so that the options need no reader imported
PDF_READER_NAMES = ("pdfium", "pdfplumber")


def _err(msg: str) -> None:
    click.echo(msg, err=True)


def _library(paths: tuple[str, ...]) -> Library:
    from .library import LibraryError, load_library, require
    try:
        return require(load_library(paths))
    except LibraryError as e:
        for p in e.problems:
            _err(p)
        _err("error: the pattern library has problems (listed above): fix them, "
             "or check them with `kpi-extract patterns check`")
        sys.exit(EXIT_NOTHING_DONE)


def _emit(data: bytes, output: str | None) -> None:
    """To the file atomically, or to standard output when no file (or "-") is given."""
    if output is None or output == "-":
        out = getattr(sys.stdout, "buffer", None)
        if out is None:
            sys.stdout.write(data.decode("utf-8"))
        else:
            sys.stdout.flush()
            out.write(data)
            out.flush()
    else:
        atomic_write_bytes(output, data)


def _check_outputs(outputs: list[tuple[str | None, str]]) -> None:
    """Refuse, before any work, an output that cannot be written (exit 2)."""
    for path, fmt in outputs:
        if fmt == "xlsx" and (path is None or path == "-"):
            _err("error: an xlsx workbook cannot go to standard output: give -o FILE.xlsx")
            sys.exit(EXIT_NOTHING_DONE)
        if path and path != "-":
            try:
                check_writable(path)
            except OutputError as e:
                _err(f"error: {e}")
                sys.exit(EXIT_NOTHING_DONE)


def _measures(library: Library) -> dict[str, str]:
    return {k: e.measure for k, e in library.kpis.items()}


def _workbook(fact_table: list[dict], series: pd.DataFrame) -> bytes:
    from .series import SERIES_COLUMNS, wide
    pivot = wide(series)
    return xlsx_bytes([("facts", FACT_COLUMNS, fact_table),
                       ("series", SERIES_COLUMNS, series.to_dict("records")),
                       ("wide", list(pivot.columns), pivot.to_dict("records"))])


def _facts_output(fact_table: list[dict], fmt: str, library: Library) -> bytes:
    import pandas as pd

    from .series import build_series
    if fmt == "xlsx":
        series = build_series(pd.DataFrame(fact_table, columns=FACT_COLUMNS).astype(str), _measures(library))
        return _workbook(fact_table, series)
    return table_bytes(fmt, FACT_COLUMNS, fact_table)


def _series_output(fact_table: list[dict], fmt: str, library: Library, kpis: set[str] | None = None,
                   as_wide: bool = False) -> bytes:
    import pandas as pd

    from .series import SERIES_COLUMNS, build_series, wide
    facts = pd.DataFrame(fact_table, columns=FACT_COLUMNS).astype(str)
    series = build_series(facts, _measures(library), kpis)
    if fmt == "xlsx":
        return _workbook(fact_table, series)
    if as_wide:
        pivot = wide(series)
        return table_bytes(fmt, list(pivot.columns), pivot.to_dict("records"))
    return table_bytes(fmt, SERIES_COLUMNS, series.to_dict("records"))


class _Log:
    """Appends one timestamped line per event to --log FILE (for scheduled runs)."""

    def __init__(self, path: str | None):
        self.f = open(path, "a", encoding="utf-8") if path else None

    def __call__(self, msg: str) -> None:
        if self.f:
            stamp = _dt.datetime.now().astimezone().isoformat(timespec="seconds")
            self.f.write(f"{stamp} {msg}\n")
            self.f.flush()

    def close(self) -> None:
        if self.f:
            self.f.close()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kpi-extract")
def main() -> None:
    """Pull KPI figures out of council committee PDFs into tidy CSV, each with its source."""


_patterns_option = click.option(
    "--patterns", "pattern_paths", multiple=True, type=click.Path(),
    help="Pattern file or folder to add to the bundled library (repeatable); a KPI id or a file "
         "name already in the library is replaced.")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Facts CSV to write (atomically). Default: standard output.")
@_patterns_option
@click.option("--kpi", "kpis", multiple=True, metavar="ID", help="Only these KPI ids (repeatable).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format; default: from the -o file's suffix (.jsonl, .xlsx), else csv. "
                   "An xlsx workbook has a sheet each for facts, series and the wide pivot.")
@click.option("--series", "series_path", type=click.Path(dir_okay=False), default=None,
              help="Also write the series (one row per KPI and period) to this file, in the format its "
                   "suffix says.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help=f"Where extracted text is cached by file content. Default: {default_dir()}")
@click.option("--no-cache", is_flag=True, help="Read every file afresh and cache nothing.")
@click.option("-j", "--jobs", type=click.IntRange(0), default=0, show_default=True,
              help="Files processed at once (0: one per CPU).")
@click.option("--timeout", type=click.FloatRange(1), default=300, show_default=True,
              help="Seconds allowed per file before it is given up.")
@click.option("--log", "log_path", type=click.Path(dir_okay=False), default=None,
              help="Append a timestamped line per file and a summary to this log file.")
@click.option("-v", "--verbose", is_flag=True, help="Report each file on standard error.")
@click.option("-q", "--quiet", is_flag=True, help="Report nothing but errors.")
@click.option("--reader", "pdf_reader", type=click.Choice(PDF_READER_NAMES), default=PDF_READER_NAMES[0],
              show_default=True, help="How PDFs are read: pdfium (fast, with the page's layout) or pdfplumber "
                                      "(the reference; text only).")
def extract(paths, output, pattern_paths, kpis, fmt, series_path, cache_dir, no_cache, jobs, timeout, log_path,
            verbose, quiet, pdf_reader):
    """Read PDFs and .txt files (folders are searched recursively) and write one CSV row per figure.

    Progress and problems go to standard error; the CSV goes to -o FILE or standard output.
    """
    from .cache import TextCache
    from .pipeline import discover, run
    from .resolve import sort_facts
    library = _library(pattern_paths)
    unknown = [k for k in kpis if k not in library.kpis]
    if unknown:
        raise click.BadParameter(f"unknown KPI id(s): {', '.join(unknown)} (see `kpi-extract patterns list`)",
                                 param_hint="--kpi")
    fmt = format_for(output, fmt)
    _check_outputs([(output, fmt), (series_path, format_for(series_path, None))])
    try:
        log = _Log(log_path)
    except OSError as e:
        _err(f"error: {log_path}: cannot open the log ({e.strerror}): choose another path")
        sys.exit(EXIT_NOTHING_DONE)

    files, problems = discover(paths)
    for p in problems:
        _err(f"error: {p}")
        log(f"error {p}")
    cache = None if no_cache else TextCache(Path(cache_dir) if cache_dir else default_dir())
    started = time.monotonic()

    def report(r: FileResult) -> None:
        if r.error:
            _err(f"error: {r.file.shown}: {r.error}")
            log(f"error {r.file.shown}: {r.error}")
            return
        for w in r.warnings:
            if not quiet:
                _err(f"warning: {r.file.shown}: {w}")
            log(f"warning {r.file.shown}: {w}")
        how = "cached" if r.cached else f"{r.seconds:.1f}s"
        if verbose:
            _err(f"{r.file.shown}: {r.pages} pages, {len(r.facts)} facts ({how})")
        log(f"ok {r.file.shown}: {r.pages} pages, {len(r.facts)} facts ({how})")

    results = run(files, library, kpis=set(kpis) or None, cache=cache, jobs=jobs, timeout=timeout,
                  on_result=report, pdf_reader=pdf_reader)
    facts = sort_facts([f for r in results for f in r.facts])
    rows = fact_rows(facts)
    try:
        _emit(_facts_output(rows, fmt, library), output)
        if series_path:
            _emit(_series_output(rows, format_for(series_path, None), library), series_path)
    except OutputError as e:
        _err(f"error: {e}")
        log(f"error {e}")
        log.close()
        sys.exit(EXIT_NOTHING_DONE)
    failed = sum(1 for r in results if r.error) + len(problems)
    summary = (f"{len(results) - sum(1 for r in results if r.error)} of {len(results)} files read, "
               f"{len(facts)} facts, {failed} problem(s), {time.monotonic() - started:.1f}s")
    if verbose or (failed and not quiet):
        _err(summary)
    log(f"done {summary}")
    log.close()
    sys.exit(EXIT_FILES_FAILED if failed else EXIT_OK)


def _read_facts(paths: tuple[str, ...]) -> pd.DataFrame:
    import pandas as pd

    from .series import FactsError, read_facts
    try:
        frames = [read_facts(p) for p in paths]
    except FactsError as e:
        _err(f"error: {e}")
        sys.exit(EXIT_NOTHING_DONE)
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


@main.command()
@click.argument("facts", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Series file to write (atomically). Default: standard output.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format; default: from the -o file's suffix, else csv.")
@click.option("--wide", "as_wide", is_flag=True, help="One row per period and one column per KPI.")
@click.option("--kpi", "kpis", multiple=True, metavar="ID", help="Only these KPI ids (repeatable).")
@_patterns_option
def series(facts, output, fmt, as_wide, kpis, pattern_paths):
    """One row per KPI, area, subject and period from facts CSV/JSON lines files: sources
    counted, conflicts shown.

    Periods that are the same moment are one row: an as-at date and its month, and for a stock
    a financial year and the 31 March that ends it. The agreed value is the one most documents
    give, then the most confident reading; the others are listed as alternatives.
    """
    library = _library(pattern_paths)
    fmt = format_for(output, fmt)
    _check_outputs([(output, fmt)])
    table = _read_facts(facts).to_dict("records")
    try:
        _emit(_series_output(table, fmt, library, set(kpis) or None, as_wide), output)
    except OutputError as e:
        _err(f"error: {e}")
        sys.exit(EXIT_NOTHING_DONE)


@main.command()
@click.argument("facts", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="HTML file to write.")
@click.option("--documents", type=click.Path(file_okay=False), default=None,
              help="The folder the facts' documents are in (as given to extract): sources become links "
                   "to the PDF page.")
@click.option("--kpi", "kpis", multiple=True, metavar="ID", help="Only these KPI ids (repeatable).")
@click.option("--title", default="KPI report", show_default=True, help="The report's heading.")
@_patterns_option
def report(facts, output, documents, kpis, title, pattern_paths):
    """A self-contained HTML report: a chart per KPI over time, conflicts marked, and under each
    chart every figure with its snippet and document page (click a point to find them)."""
    from .report import render
    library = _library(pattern_paths)
    _check_outputs([(output, "html")])
    table = _read_facts(facts)
    page = render(table, measures=_measures(library), labels={k: e.label for k, e in library.kpis.items()},
                  kpis=set(kpis) or None, documents=documents, out_path=output,
                  source=", ".join(Path(f).name for f in facts), title=title)
    try:
        _emit(page.encode("utf-8"), output)
    except OutputError as e:
        _err(f"error: {e}")
        sys.exit(EXIT_NOTHING_DONE)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--page", type=click.IntRange(1), default=None, help="Only this page (1-based).")
@click.option("--reader", "pdf_reader", type=click.Choice(PDF_READER_NAMES), default=PDF_READER_NAMES[0],
              show_default=True, help="How PDFs are read (as for extract).")
def text(file, page, pdf_reader):
    """Print the normalised text the patterns see, page by page (for writing patterns)."""
    from .normalise import damage_count
    from .pages import prepare
    from .readers import ReadError, read_pages
    try:
        raw = read_pages(file, pdf_reader)
    except ReadError as e:
        _err(f"error: {file}: {e}")
        sys.exit(EXIT_FILES_FAILED)
    pages = [p.text for p in prepare(raw.pages, raw.models)]
    if page is not None and page > len(pages):
        raise click.BadParameter(f"{file} has {len(pages)} pages", param_hint="--page")
    for number, body in enumerate(pages, start=1):
        if page is not None and number != page:
            continue
        damaged = damage_count(body)
        note = f" ({damaged} unreadable characters)" if damaged else ""
        click.echo(f"--- page {number}{note} ---")
        click.echo(body)


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
    """Check pattern files (default: the bundled library) and print file:line for each problem."""
    from .library import load_library
    library = load_library(paths)
    for p in library.problems:
        click.echo(p)
    if library.problems:
        _err(f"{len(library.problems)} problem(s) in {len(library.files) or len(paths)} file(s)")
        sys.exit(EXIT_FILES_FAILED)
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
    sys.exit(EXIT_FILES_FAILED if failures else EXIT_OK)


__all__ = ["main"]
