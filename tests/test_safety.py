"""Outputs that cannot hurt: what a nightly job or a spreadsheet user would lose or run by mistake."""
from __future__ import annotations

import csv
import io
import os
import shutil

import pytest
from click.testing import CliRunner

from kpi_extract import writers
from kpi_extract.cli import main
from kpi_extract.writers import csv_bytes, safe_cell, shown_name, write_all, xlsx_bytes

from conftest import FIXTURES

MINUTES = "Improvement Board 5 March 2019 - minutes.txt"
SENTENCE = "At 31 January 2019 there were 529 children in care in Northmoor.\n"


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def rows(data: bytes | str) -> list[dict]:
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def minutes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FIXTURES / MINUTES, folder / "minutes.txt")
    return folder / "minutes.txt"


def test_an_input_file_is_never_the_output(minutes):
    before = minutes.read_bytes()
    result = run("extract", str(minutes), "-o", str(minutes), "--no-cache")
    assert result.exit_code == 2
    assert "is one of the input files" in result.stderr
    assert minutes.read_bytes() == before


def test_a_symlink_is_refused_unless_forced(minutes, tmp_path):
    target = tmp_path / "real.csv"
    target.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    refused = run("extract", str(minutes), "-o", str(link), "--no-cache")
    assert refused.exit_code == 2 and "is a symbolic link" in refused.stderr
    assert target.read_text() == "old\n"
    forced = run("extract", str(minutes), "-o", str(link), "--no-cache", "--force")
    assert forced.exit_code == 0, forced.stderr
    assert link.is_symlink() and rows(target.read_bytes())[0]["kpi"]


def test_a_fifo_or_device_is_refused(minutes, tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for path in (fifo, "/dev/null"):
        result = run("extract", str(minutes), "-o", str(path), "--no-cache")
        assert result.exit_code == 2 and "not a regular file" in result.stderr
    assert fifo.exists() and not fifo.is_file()


def test_a_folder_is_refused(minutes, tmp_path):
    result = run("extract", str(minutes), "-o", str(tmp_path), "--no-cache")
    assert result.exit_code == 2


def test_nothing_read_keeps_last_nights_output(tmp_path):
    out = tmp_path / "nightly.csv"
    series = tmp_path / "series.csv"
    out.write_text("last night\n")
    series.write_text("last night's series\n")
    result = run("extract", str(tmp_path / "gone"), "-o", str(out), "--series", str(series), "--no-cache")
    assert result.exit_code == 3
    assert "no such file or folder" in result.stderr and "left as it was" in result.stderr
    assert out.read_text() == "last night\n" and series.read_text() == "last night's series\n"


def test_all_outputs_or_none_when_the_disk_fills(minutes, tmp_path, monkeypatch):
    out, series = tmp_path / "facts.csv", tmp_path / "series.csv"
    out.write_text("old facts\n")
    series.write_text("old series\n")
    calls = []
    real_fsync = os.fsync

    def full_on_second(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(writers.os, "fsync", full_on_second)
    result = run("extract", str(minutes), "-o", str(out), "--series", str(series), "--no-cache")
    assert result.exit_code == 2 and "No space left on device" in result.stderr
    assert out.read_text() == "old facts\n" and series.read_text() == "old series\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.csv", "in", "series.csv"]  # no temporary left


def test_write_all_replaces_every_target(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_text("old")
    write_all([(a, b"new a"), (b, b"new b")])
    assert a.read_bytes() == b"new a" and b.read_bytes() == b"new b"


def test_a_file_name_that_is_not_utf8_is_escaped_everywhere(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    odd = os.fsdecode(b"minutes \xff\x1b.txt")
    (folder / odd).write_text(SENTENCE)
    (folder / "other.txt").write_text(SENTENCE)
    csv_out, xlsx_out = tmp_path / "k.csv", tmp_path / "k.xlsx"
    result = run("extract", str(folder), "-o", str(csv_out), "--no-cache")
    assert result.exit_code == 0, result.stderr
    documents = {r["document"] for r in rows(csv_out.read_bytes())}
    assert documents == {"minutes \\xff\\x1b.txt", "other.txt"}
    assert run("extract", str(folder), "-o", str(xlsx_out), "--no-cache").exit_code == 0
    from openpyxl import load_workbook
    sheet = load_workbook(xlsx_out)["facts"]
    column = [c.value for c in sheet[1]].index("document")
    assert {r[column] for r in sheet.iter_rows(min_row=2, values_only=True)} == documents


def test_shown_name():
    assert shown_name(b"a\xffb\n.pdf") == "a\\xffb\\n.pdf"
    assert shown_name("Q3 report – final.pdf") == "Q3 report – final.pdf"


@pytest.mark.parametrize("text,safe", [
    ("=HYPERLINK(\"http://evil\",\"x\")", "'=HYPERLINK(\"http://evil\",\"x\")"),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"), ("@SUM(1)", "'@SUM(1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("-5", "-5"), ("+1.5", "+1.5"), ("-1e3", "-1e3"), ("317 children", "317 children"), ("", ""),
])
def test_safe_cell(text, safe):
    assert safe_cell(text) == safe


def test_formula_text_is_neutralised_in_csv_and_a_string_in_xlsx(tmp_path):
    """A document named like a formula, and a snippet that is one: shown, never run."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "=HYPERLINK(1).txt").write_text(SENTENCE)
    (folder / "@SUM(A1).txt").write_text("=1+1 " + SENTENCE)
    result = run("extract", str(folder), "--no-cache")
    assert result.exit_code == 0, result.stderr
    got = rows(result.stdout)
    assert {r["document"] for r in got} == {"'=HYPERLINK(1).txt", "'@SUM(A1).txt"}
    raw = run("extract", str(folder), "--no-cache", "--raw-text")
    assert {r["document"] for r in rows(raw.stdout)} == {"=HYPERLINK(1).txt", "@SUM(A1).txt"}
    book = tmp_path / "k.xlsx"
    assert run("extract", str(folder), "-o", str(book), "--no-cache").exit_code == 0
    from openpyxl import load_workbook
    wb = load_workbook(book)
    cells = [c for ws in wb for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value for c in cells if isinstance(c.value, str)}
    assert "=HYPERLINK(1).txt" in texts and "@SUM(A1).txt" in texts


def test_xlsx_cells_are_strings_with_control_characters_escaped(tmp_path):
    data = xlsx_bytes([("s", ["snippet", "value"], [{"snippet": "=cmd|'/C calc'!A0", "value": "-5"},
                                                    {"snippet": "bell\x07 and \ud800", "value": "3"}])])
    from openpyxl import load_workbook
    ws = load_workbook(io.BytesIO(data))["s"]
    assert ws["A2"].data_type == "s" and ws["A2"].value == "=cmd|'/C calc'!A0"
    assert ws["B2"].value == -5
    assert ws["A3"].value == "bell\\x07 and \\ud800"


def test_csv_bytes_raw_keeps_text():
    assert csv_bytes(["a"], [{"a": "=1"}], raw=True) == b"a\r\n=1\r\n"
    assert csv_bytes(["a"], [{"a": "=1"}]) == b"a\r\n'=1\r\n"
