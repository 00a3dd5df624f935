"""Unattended runs: one verdict per file, exit codes a scheduler can act on, limits that hold,
and nothing left running or half-written after Ctrl-C, SIGTERM or `kill -9`."""
from __future__ import annotations

import csv
import io
import logging
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kpi_extract import readers
from kpi_extract.cli import main, split_message
from kpi_extract.readers.base import RawDocument

from conftest import FIXTURES

REPORT = FIXTURES / "Partnership Board 12 October 2018 - annual report.pdf"
MINUTES = FIXTURES / "Improvement Board 5 March 2019 - minutes.txt"


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def damaged_copy(to: Path) -> Path:
    """The fixture report with its trailer broken: pdfminer finds no /Root, qpdf rebuilds it."""
    to.write_bytes(REPORT.read_bytes().replace(b"trailer", b"trailxr").replace(b"/Root", b"/Rxxx"))
    return to


def test_a_damaged_file_is_read_after_repair(tmp_path):
    bad = damaged_copy(tmp_path / "bad.pdf")
    good = run("extract", str(REPORT), "--no-cache")
    result = run("extract", str(bad), "--no-cache")
    assert result.exit_code == 0, result.stderr
    assert "read after repair by qpdf" in result.stderr
    # all but `document` and `fact_id` (the repaired file's bytes differ, and the id is the content's)
    strip = lambda out: [{k: v for k, v in r.items() if k not in ("document", "fact_id")}  # noqa: E731
                         for r in csv.DictReader(io.StringIO(out))]
    assert strip(result.stdout) == strip(good.stdout) and strip(good.stdout)


def test_errors_file_and_exit_codes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.pdf").write_text("<!DOCTYPE html><html>not found</html>")
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "minutes.txt").write_bytes(MINUTES.read_bytes())
    errors, out = tmp_path / "err.csv", tmp_path / "out.csv"
    result = run("extract", str(folder), str(tmp_path / "gone"), "-o", str(out), "--errors", str(errors), "--no-cache")
    assert result.exit_code == 1
    got = {r["file"]: r for r in csv.DictReader(errors.open(encoding="utf-8"))}
    assert set(got) == {"page.pdf", "empty.pdf", str(tmp_path / "gone")}
    assert got["page.pdf"]["stage"] == "read"
    assert got["page.pdf"]["reason"] == "not a PDF (it is an HTML page)"
    assert got["page.pdf"]["hint"] == "check the download, or rename it to .txt if it is text"
    assert got[str(tmp_path / "gone")]["stage"] == "find"
    assert out.stat().st_size > 100
    assert result.stderr.splitlines()[-1].startswith("1 of 3 files read")

    (folder / "minutes.txt").unlink()
    before = out.read_bytes()
    nothing = run("extract", str(folder), "-o", str(out), "--errors", str(errors), "--no-cache")
    assert nothing.exit_code == 3 and out.read_bytes() == before
    assert len(list(csv.DictReader(errors.open(encoding="utf-8")))) == 2

    (folder / "page.pdf").unlink()
    (folder / "empty.pdf").unlink()
    (folder / "minutes.txt").write_bytes(MINUTES.read_bytes())
    fine = run("extract", str(folder), "-o", str(out), "--errors", str(errors), "--no-cache", "-q")
    assert fine.exit_code == 0 and fine.stderr == ""
    assert errors.read_bytes() == b"file,stage,reason,hint,messages\r\n"


def test_split_message():
    assert split_message("encrypted (password-protected): decrypt it first (e.g. `qpdf --decrypt x: y`)") == \
        ("encrypted (password-protected)", "decrypt it first (e.g. `qpdf --decrypt x: y`)")
    assert split_message("damaged PDF (PSSyntaxError: bad): repair it") == ("damaged PDF (PSSyntaxError: bad)", "repair it")
    assert split_message("no such file or folder") == ("no such file or folder", "")


@pytest.mark.parametrize("args,message", [
    (["--timeout", "nan"], "finite"), (["--timeout", "inf"], "finite"), (["--timeout", "0.5"], "0.5"),
    (["--jobs", "100000"], "100000"), (["--max-memory", "lots"], "not a size"), (["--max-memory", "10M"], "at least"),
])
def test_option_values_are_checked(args, message):
    result = CliRunner().invoke(main, ["extract", str(MINUTES), *args])
    assert result.exit_code == 2 and message in result.stderr


def test_patterns_check_of_a_broken_file_exits_2(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[kpi]]\nid = "x"\nunit = "count"\nregex = { a = "(" }\n')
    result = run("patterns", "check", str(bad))
    assert result.exit_code == 2 and "bad regex" in result.stdout


class _Hog:
    name, version = "hog", "1"

    def read(self, path: Path, resume=None, checkpoint=None) -> RawDocument:
        hoard = bytearray(4 << 30)  # a decompression bomb's worth
        return RawDocument([str(len(hoard))])


class _Chatty:
    """A reader that talks the way pdfminer and C libraries do: a log record and a raw fd-2 write."""
    name, version = "chatty", "1"

    def read(self, path: Path, resume=None, checkpoint=None) -> RawDocument:
        logging.getLogger("pdfminer.pdfpage").warning("CropBox missing from /Page, defaulting to MediaBox")
        os.write(2, b"Data-loss while decompressing corrupted data\n")
        if path.read_text() == "fail":
            raise readers.ReadError("damaged PDF (TypeError): repair it")
        return RawDocument([MINUTES.read_text()])


def test_the_memory_limit_is_reported_as_such(tmp_path, monkeypatch):
    monkeypatch.setitem(readers.READERS, ".hog", _Hog())
    bomb = tmp_path / "bomb.hog"
    bomb.write_text("x")
    errors = tmp_path / "err.csv"
    result = run("extract", str(bomb), str(MINUTES), "--max-memory", "400M", "--no-cache", "--errors", str(errors))
    assert result.exit_code == 1
    assert f"error: {bomb}: reached the memory limit (400 MB)" in result.stderr and "--max-memory" in result.stderr
    assert next(csv.DictReader(errors.open()))["stage"] == "memory"


def test_reader_messages_are_attached_to_their_file(tmp_path, monkeypatch):
    monkeypatch.setitem(readers.READERS, ".chatty", _Chatty())
    good, bad = tmp_path / "good.chatty", tmp_path / "bad.chatty"
    good.write_text("ok")
    bad.write_text("fail")
    log, errors = tmp_path / "run.log", tmp_path / "err.csv"
    result = run("extract", str(good), str(bad), "--no-cache", "-q", "--log", str(log), "--errors", str(errors))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: {bad}: damaged PDF (TypeError): repair it"]
    logged = log.read_text()
    assert f"message {good}: pdfminer: CropBox missing from /Page, defaulting to MediaBox" in logged
    assert f"message {bad}: Data-loss while decompressing corrupted data" in logged
    row = next(csv.DictReader(errors.open()))
    assert row["file"] == str(bad) and "Data-loss while decompressing" in row["messages"]


def test_an_unlistable_folder_is_reported(tmp_path, monkeypatch):
    """As root, permissions cannot hide a folder, so the listing error is simulated."""
    folder = tmp_path / "in"
    (folder / "private").mkdir(parents=True)
    (folder / "minutes.txt").write_bytes(MINUTES.read_bytes())
    real_walk = os.walk

    def walk(top, onerror=None, **kw):
        onerror(PermissionError(13, "Permission denied", str(folder / "private")))
        for entry in real_walk(top, onerror=onerror, **kw):
            if not entry[0].endswith("private"):
                yield entry

    from kpi_extract import pipeline
    monkeypatch.setattr(pipeline.os, "walk", walk)
    result = run("extract", str(folder), "--no-cache")
    assert result.exit_code == 1
    assert "error: private: cannot list this folder (Permission denied)" in result.stderr


SLOW_MAIN = """
import os, sys, time
from pathlib import Path
from kpi_extract import readers
from kpi_extract.readers.base import RawDocument

class Slow:
    name, version = "slow", "1"
    def read(self, path, resume=None, checkpoint=None):
        Path(os.environ["CHILD_PID_FILE"]).write_text(str(os.getpid()))
        time.sleep(600)  # far beyond any timeout below: the run must not wait its child out
        return RawDocument(["nothing"])

readers.READERS[".slow"] = Slow()
from kpi_extract.cli import main
main()
"""


@pytest.fixture
def slow_run(tmp_path):
    """A run stuck in its reader child: (process, child pid, output path)."""
    script = tmp_path / "slow_main.py"
    script.write_text(textwrap.dedent(SLOW_MAIN))
    (tmp_path / "pack.slow").write_text("x")
    out = tmp_path / "out.csv"
    out.write_text("last night\n")
    pid_file = tmp_path / "child.pid"
    # (Ctrl-C's default is restored in the run: a runner started in the background, "cmd &" from a
    # script, ignores SIGINT and its children inherit that, so the signal would never reach the run)
    proc = subprocess.Popen([sys.executable, str(script), "extract", str(tmp_path / "pack.slow"), "-o", str(out),
                             "--no-cache"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "CHILD_PID_FILE": str(pid_file)},
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while not pid_file.exists() or not pid_file.read_text():
        assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read() if proc.poll() else "slow"
        time.sleep(0.1)
    yield proc, int(pid_file.read_text()), out
    if proc.poll() is None:
        proc.kill()
    proc.communicate()


def _gone(pid: int, within: float = 10) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            status = Path(f"/proc/{pid}/status").read_text() if Path(f"/proc/{pid}").exists() else ""
            if "\nState:\tZ" in status:
                return True
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux's")
def test_kill_9_leaves_no_child_and_the_old_output(slow_run):
    proc, child, out = slow_run
    proc.kill()
    proc.wait(10)
    assert _gone(child), "the reader outlived its parent"
    proc.stdout.read()  # returns: nobody holds the pipe open any more
    assert out.read_text() == "last night\n"
    assert [p.name for p in out.parent.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_exits_130_and_changes_nothing(slow_run, sig):
    proc, child, out = slow_run
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.decode().strip().splitlines()[-1] == "interrupted: no output was changed"
    assert _gone(child) and out.read_text() == "last night\n"


def test_readme_has_the_exit_code_table_and_every_extract_option():
    import re
    from kpi_extract import cli
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = {int(m) for m in re.findall(r"^\| (\d+) \|", readme, re.M)}
    assert table == {cli.EXIT_OK, cli.EXIT_FILES_FAILED, cli.EXIT_NOTHING_DONE, cli.EXIT_NOTHING_READ,
                     cli.EXIT_INTERRUPTED}
    for param in cli.extract.params:
        if isinstance(param, click.Option):
            assert any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", readme) for o in param.opts), \
                f"README does not document {param.opts[0]}"


def test_progress_on_a_terminal_only_and_one_summary_line(tmp_path, capsys):
    from kpi_extract.cli import _Progress
    from kpi_extract.pipeline import FileResult, InputFile
    shown = _Progress(2, enabled=True)
    shown.update(FileResult(InputFile(MINUTES, "m.txt"), pages=3), force=True)
    shown.clear()
    err = capsys.readouterr().err
    assert err.startswith("\r1/2 files, 3 pages, 0 facts, 0:00, about 0:00 left") and err.endswith("\r")
    hidden = _Progress(2, enabled=False)
    hidden.update(FileResult(InputFile(MINUTES, "m.txt"), pages=3), force=True)
    assert capsys.readouterr().err == ""
    piped = run("extract", str(MINUTES), "--no-cache")  # CliRunner's stderr is not a terminal
    assert piped.exit_code == 0
    assert "\r" not in piped.stderr and len(piped.stderr.splitlines()) == 1
    assert piped.stderr.startswith("1 of 1 files read, 5 facts, 0 problem(s), ")
    assert run("extract", str(MINUTES), "--no-cache", "-q").stderr == ""


def test_readme_command_reference_is_generated_from_help():
    from kpi_extract import helpdoc
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert helpdoc.updated(readme) == readme, "run: python -m kpi_extract.helpdoc --write"
    assert "#### `kpi-extract extract`" in readme and "--max-memory SIZE" in readme


class _Witness:
    """A reader that writes down which process read each file (and fails on a file saying so)."""
    name, version = "witness", "1"

    def read(self, path: Path, resume=None, checkpoint=None) -> RawDocument:
        with (path.parent / "readers.log").open("a") as log:
            log.write(f"{path.name} {os.getpid()}\n")
        if path.read_text() == "fail":
            raise readers.ReadError("damaged PDF (test): repair it")
        if path.read_text() == "hog":
            hoard = bytearray(4 << 30)
            return RawDocument([str(len(hoard))])
        return RawDocument([MINUTES.read_text()])


def _readers(folder: Path) -> list[tuple[str, int]]:
    return [(name, int(pid)) for name, pid in (ln.split() for ln in (folder / "readers.log").read_text().splitlines())]


def test_a_worker_reads_file_after_file_and_a_failure_retires_it(tmp_path, monkeypatch):
    monkeypatch.setitem(readers.READERS, ".wit", _Witness())
    for name, text in (("a.wit", "ok"), ("b.wit", "ok"), ("c.wit", "fail"), ("d.wit", "ok")):
        (tmp_path / name).write_text(text)
    files = [str(tmp_path / n) for n in ("a.wit", "b.wit", "c.wit", "d.wit")]
    result = run("extract", *files, "--no-cache", "-q", "--jobs", "1")
    assert result.exit_code == 1 and "c.wit: damaged PDF (test)" in result.stderr
    pids = dict(_readers(tmp_path))
    assert pids["a.wit"] == pids["b.wit"] == pids["c.wit"] != pids["d.wit"]


def test_a_file_out_of_memory_after_others_is_read_again_by_a_fresh_worker(tmp_path, monkeypatch):
    monkeypatch.setitem(readers.READERS, ".wit", _Witness())
    (tmp_path / "a.wit").write_text("ok")
    (tmp_path / "b.wit").write_text("hog")
    result = run("extract", str(tmp_path / "a.wit"), str(tmp_path / "b.wit"), "--no-cache", "-q", "--jobs", "1",
                 "--max-memory", "400M")
    assert result.exit_code == 1 and "b.wit: reached the memory limit (400 MB)" in result.stderr
    read = _readers(tmp_path)
    assert [name for name, _ in read] == ["a.wit", "b.wit", "b.wit"]
    assert read[0][1] == read[1][1] != read[2][1]


def test_a_file_that_left_pdfiums_load_error_behind_retires_its_worker(tmp_path, monkeypatch):
    # PDFium keeps the code of a failed load (the damaged file fails before qpdf repairs it) and would
    # name it in a later file's error message, where a fresh process names none
    monkeypatch.setitem(readers.READERS, ".wit", _Witness())
    (tmp_path / "a.wit").write_text("ok")
    (tmp_path / "b.wit").write_text("ok")
    bad = damaged_copy(tmp_path / "bad.pdf")
    result = run("extract", str(tmp_path / "a.wit"), str(bad), str(tmp_path / "b.wit"), "--no-cache", "-q",
                 "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    pids = dict(_readers(tmp_path))
    assert pids["a.wit"] != pids["b.wit"]
