"""Writing tables: CSV per spec/output.md, JSON lines, or an xlsx workbook; atomically.

A half-written output file is worse than none: a nightly job's consumer would read it. Files
are written to a temporary name beside the target and renamed over it in one step, so the
target holds either the old complete file or the new complete file.

CSV keeps every value as the text the spec gives. JSON lines and xlsx are for programs and
spreadsheets, so numbers are numbers (`value`, `page`, `confidence`, `n_sources`), `conflict` is
a boolean and, in xlsx, `period_start`/`period_end` are dates.

Snippets and file names come from documents we do not control, and a CSV is usually opened in a
spreadsheet, which evaluates a cell starting with `=`, `+`, `-` or `@` (`=HYPERLINK(...)`). So
such text cells get a leading `'` as OWASP's "CSV injection" page advises (`raw=True` turns this
off for pipelines), and every xlsx text cell is written as a string, never as a formula.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import stat
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Iterable

FORMATS = ("csv", "jsonl", "xlsx")
_INTS = {"page", "n_sources"}
_FLOATS = {"value", "confidence"}
_BOOLS = {"conflict"}
_DATES = {"period_start", "period_end"}

from .model import Fact


class OutputError(Exception):
    """An output path that cannot be written; one line saying what to do."""


def shown_name(name: str | bytes) -> str:
    """A file name as printable UTF-8 text whatever its bytes: undecodable bytes and control
    characters become escapes (`\\xff`, `\\n`), so one odd name cannot break a CSV, a workbook or
    a log line."""
    raw = os.fsencode(name) if isinstance(name, str) else name
    text = raw.decode("utf-8", "backslashreplace")
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def check_output(path: str | Path, *, inputs: Iterable[Path] = (), force: bool = False) -> Path:
    """The file to write for `-o path`, refused (OutputError) before a long run rather than after.

    An output must not destroy what it is not meant to: an input file, a folder, a device or a
    FIFO (writing there is not a file that can be replaced atomically), or a symbolic link (the
    link would be replaced by a file; `force` writes to the link's target instead)."""
    p = Path(path)
    if p.is_symlink():
        if not force:
            raise OutputError(f"{shown_name(str(path))}: is a symbolic link: give the file it points to, "
                              f"or --force to write through the link")
        p = Path(os.path.realpath(p))
    try:
        st = p.stat()
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise OutputError(f"{shown_name(str(path))}: cannot be used ({e.strerror}): choose another path") from e
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(f"{shown_name(str(path))}: is a folder: give a file name, e.g. {Path(path) / 'kpis.csv'}")
        raise OutputError(f"{shown_name(str(path))}: is a device or pipe, not a regular file: "
                          f"leave out -o to write to standard output")
    if st is not None:
        for i in inputs:
            try:
                same = os.path.samefile(i, p)
            except OSError:
                same = False
            if same:
                raise OutputError(f"{shown_name(str(path))}: is one of the input files: choose another output name")
    check_writable(p)
    return p


def check_writable(path: str | Path) -> None:
    """Fail before a long run, not after it."""
    p = Path(path)
    parent = p.parent if str(p.parent) else Path(".")
    if p.is_dir():
        raise OutputError(f"{shown_name(str(path))}: is a folder: give a file name, e.g. {Path(path) / 'kpis.csv'}")
    if not parent.is_dir():
        raise OutputError(f"{path}: folder {parent} does not exist: create it first")
    if not os.access(parent, os.W_OK) or (p.exists() and not os.access(p, os.W_OK)):
        raise OutputError(f"{path}: not writable: choose another path or fix the permissions")


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    write_all([(path, data)])


def write_all(outputs: list[tuple[str | Path, bytes]]) -> None:
    """Write every output of a run or none: each goes to a temporary file beside its target, and
    only when all of them are complete on disk are they renamed over their targets. A full disk
    while writing the second leaves the first target untouched too."""
    temps: list[tuple[str, Path]] = []
    try:
        for path, data in outputs:
            p = Path(path)
            check_writable(p)
            try:
                fd, tmp = tempfile.mkstemp(dir=p.parent if str(p.parent) else ".", prefix=f".{p.name}.",
                                           suffix=".tmp")
                temps.append((tmp, p))
                # mkstemp makes the file private; give it the mode a new file would have (or the old one's)
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, (p.stat().st_mode & 0o777) if p.exists() else (0o666 & ~umask))
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                    f.flush()
                    os.fsync(f.fileno())
            except OSError as e:
                raise OutputError(f"{shown_name(str(path))}: could not be written ({e.strerror or e}): free some "
                                  f"space or choose another path; no output was changed") from e
        for tmp, p in temps:
            os.replace(tmp, p)
    except BaseException:
        for tmp, _ in temps:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise


def _text(value) -> str:
    """A cell as text: empty for a missing number, `455` not `455.0`."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):
        return f"{value:.10g}" if not value.is_integer() else str(int(value))
    return str(value)


_LIVE_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")


def safe_cell(text: str) -> str:
    """Text a spreadsheet shows rather than evaluates: a leading `'` before `=`, `+`, `-`, `@`,
    a tab or a carriage return (OWASP). A plain number such as `-5` is left as it is."""
    if text and text[0] in _LIVE_START and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_bytes(columns: list[str], rows: Iterable[dict], raw: bool = False) -> bytes:
    """RFC 4180 CSV (CRLF line ends, quotes where needed), UTF-8, text cells made safe unless `raw`."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns if raw else [safe_cell(c) for c in columns])
    for r in rows:
        w.writerow([_text(r.get(c, "")) if raw else safe_cell(_text(r.get(c, ""))) for c in columns])
    return buf.getvalue().encode("utf-8", "backslashreplace")


def fact_rows(facts: Iterable[Fact]) -> list[dict]:
    rows = []
    for f in facts:
        r = asdict(f)
        r["confidence"] = f"{f.confidence:.3f}".rstrip("0").rstrip(".") if f.confidence else "0"
        rows.append(r)
    return rows


def format_for(path: str | Path | None, given: str | None) -> str:
    """The format asked for, else the one the file name says, else CSV."""
    if given:
        return given
    suffix = Path(str(path)).suffix.lower().lstrip(".") if path and str(path) != "-" else ""
    return {"jsonl": "jsonl", "ndjson": "jsonl", "xlsx": "xlsx"}.get(suffix, "csv")


def _typed(column: str, text: str):
    if text == "" or text is None:
        return None
    try:
        if column in _INTS:
            return int(text)
        if column in _FLOATS:
            number = float(text)
            return int(number) if number.is_integer() and column == "value" else number
    except ValueError:
        return text
    if column in _BOOLS:
        return text == "true"
    return text


def jsonl_bytes(columns: list[str], rows: Iterable[dict]) -> bytes:
    def cell(c: str, v):
        if isinstance(v, float):
            return None if v != v else (int(v) if v.is_integer() else v)
        return _typed(c, _text(v))
    lines = [json.dumps({c: cell(c, r.get(c, "")) for c in columns}, ensure_ascii=False) for r in rows]
    return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8", "backslashreplace")


_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def _xlsx_text(value: str) -> str:
    """Text an xlsx file can hold: XML forbids most control characters and lone surrogates."""
    return _XML_ILLEGAL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), value)


def xlsx_bytes(sheets: list[tuple[str, list[str], list[dict]]]) -> bytes:
    """A workbook with one sheet per (name, columns, rows): typed cells, a frozen, filtered header."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    fixed = dt.datetime(2000, 1, 1)
    wb.properties.created = wb.properties.modified = fixed
    for name, columns, rows in sheets:
        ws = wb.create_sheet(name)
        ws.append(columns)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        widths = [len(c) for c in columns]
        for r in rows:
            values = []
            for i, c in enumerate(columns):
                raw = r.get(c, "")
                if c in _DATES and raw:
                    v = dt.date.fromisoformat(str(raw))
                elif c in _INTS | _FLOATS | _BOOLS:
                    v = _typed(c, str(raw))
                else:
                    v = raw if not (isinstance(raw, float) and raw != raw) else None
                if isinstance(v, str):
                    v = _xlsx_text(v)
                values.append(v)
                widths[i] = max(widths[i], min(60, len(str(raw))))
            ws.append(values)
            for cell in ws[ws.max_row]:
                if cell.data_type == "f":  # openpyxl takes any text starting with "=" for a formula
                    cell.data_type = "s"
        for i, c in enumerate(columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = widths[i - 1] + 2
            if c in _DATES:
                for cell in ws.iter_cols(min_col=i, max_col=i, min_row=2):
                    for x in cell:
                        x.number_format = "yyyy-mm-dd"
        ws.freeze_panes = "A2"
        if rows:
            ws.auto_filter.ref = ws.dimensions
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def table_bytes(fmt: str, columns: list[str], rows: list[dict], raw: bool = False) -> bytes:
    if fmt == "jsonl":
        return jsonl_bytes(columns, rows)
    return csv_bytes(columns, rows, raw)
