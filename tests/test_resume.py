"""A pack too big for one night's limits is read in parts: the pages read before the time limit
are kept, and the next run goes on from the first page not read, until the file is done."""
from __future__ import annotations

import re
import time

import pypdfium2 as pdfium
from click.testing import CliRunner

import kpi_extract.readers.base as base
import kpi_extract.readers.pdfium as pdfium_reader
from kpi_extract.cli import main

from conftest import FIXTURES

PACK = FIXTURES / "Children and Families Scrutiny Committee 20 September 2017 - reports pack.pdf"


def big_pack(path, copies: int = 6):
    """The fixture pack's pages several times over: a long agenda pack."""
    src = pdfium.PdfDocument(str(PACK))
    out = pdfium.PdfDocument.new()
    for _ in range(copies):
        out.import_pages(src)
    out.save(str(path))
    n = len(out)
    out.close()
    src.close()
    return n


def _kept(stderr: str) -> int:
    return int(re.search(r"the (\d+) page\(s\) read so far are kept, and the next run goes on from page (\d+)",
                         stderr).group(1))


def test_a_pack_stopped_by_the_time_limit_goes_on_from_where_it_stopped(tmp_path, monkeypatch):
    pack = tmp_path / "big pack.pdf"
    pages = big_pack(pack)
    whole = CliRunner().invoke(main, ["extract", str(pack), "--no-cache"])
    assert whole.exit_code == 0, whole.stderr

    # a slow reader (0.25 s a page) that saves its progress after every page
    read_page = pdfium_reader.page_model

    def slow(page):
        time.sleep(0.25)
        return read_page(page)

    monkeypatch.setattr(pdfium_reader, "page_model", slow)
    monkeypatch.setattr(base, "CHECKPOINT_SECONDS", 0.0)
    cache, out = tmp_path / "cache", tmp_path / "facts.csv"
    args = ["extract", str(pack), "--cache-dir", str(cache), "--timeout", "2", "-o", str(out)]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 3  # nothing read yet, so no output written
    assert "gave up after 2s" in first.stderr and "page(s) read so far are kept" in first.stderr
    kept = _kept(first.stderr)
    assert 0 < kept < pages

    runs = 1
    result = first
    while result.exit_code != 0 and runs < 2 * pages:  # each night goes on where the last stopped
        result = CliRunner().invoke(main, args)
        runs += 1
        if result.exit_code != 0:
            now = _kept(result.stderr)
            assert now > kept
            kept = now
    assert result.exit_code == 0, result.stderr
    assert 1 < runs < pages
    assert out.read_bytes() == whole.stdout_bytes  # the same facts as a run in one go
    assert not list((cache / "documents").glob("*.partial.json"))  # done: nothing left half-read



def test_a_page_that_exhausts_the_memory_limit_is_skipped_by_the_next_run(tmp_path, monkeypatch):
    """A decompression bomb on page 3: the first run reports the memory limit and keeps pages
    1-2 with page 3 marked unreadable; the next run reads the rest and says page 3 is missing."""
    pack = tmp_path / "bomb pack.pdf"
    big_pack(pack, copies=1)
    doc = pdfium.PdfDocument(str(pack))
    third = doc[2].get_textpage().get_text_range()
    doc.close()
    read_page = pdfium_reader.page_model

    def bomb(page):
        model, text = read_page(page)
        if text == third:
            raise MemoryError
        return model, text

    monkeypatch.setattr(pdfium_reader, "page_model", bomb)
    cache, out = tmp_path / "cache", tmp_path / "facts.csv"
    args = ["extract", str(pack), "--cache-dir", str(cache), "-o", str(out)]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 3 and "reached the memory limit" in first.stderr
    assert _kept(first.stderr) == 3
    second = CliRunner().invoke(main, args)
    assert second.exit_code == 0, second.stderr
    assert "page 3 took more memory than the limit allows (a decompression bomb?); its figures are missing" \
        in second.stderr
    assert out.read_bytes().count(b"\r\n") > 5  # the other pages' facts
