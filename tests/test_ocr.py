"""Scanned pages read with --ocr: a page image made here (no text layer) yields its figures."""
from __future__ import annotations

import csv
import io
import shutil

import pytest
from click.testing import CliRunner

from kpi_extract.cli import main

LINES = ["NORTHMOOR BOROUGH COUNCIL", "Safeguarding Partnership Board", "Minutes of the meeting of 5 March 2019",
         "", "At 31 March 2019 there were 317 children subject to a child protection plan."]


@pytest.fixture
def scan(tmp_path):
    """A signed-minutes page as a scanner makes it: one 300 dpi image, no text layer."""
    from PIL import Image, ImageDraw, ImageFont
    font = ImageFont.load_default(size=44)
    page = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(page)
    for i, line in enumerate(LINES):
        draw.text((220, 300 + i * 80), line, fill=0, font=font)
    path = tmp_path / "scanned minutes.pdf"
    page.save(path, resolution=300)
    return path


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_without_ocr_a_scan_is_reported(scan):
    result = run("extract", str(scan), "--no-cache")
    assert result.exit_code == 3 and "no text layer (scanned images?): read it with --ocr" in result.stderr


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Tesseract (apt-get install tesseract-ocr); "
                                                              ".ci/run installs it")
def test_ocr_reads_the_scanned_figures_and_caches_them(scan, tmp_path):
    cache = tmp_path / "cache"
    result = run("extract", str(scan), "--ocr", "--cache-dir", str(cache))
    assert result.exit_code == 0, result.stderr
    assert "page(s) 1 were read by OCR (Tesseract)" in result.stderr
    facts = [(r["kpi"], r["value"], r["period"], r["method"]) for r in csv.DictReader(io.StringIO(result.stdout))]
    assert ("cp_plans", "317", "2019-03-31", "regex+ocr") in facts
    again = run("extract", str(scan), "--ocr", "--cache-dir", str(cache), "-v")
    assert f"{scan}: 1 pages, " in again.stderr and "(cached)" in again.stderr
    assert again.stdout == result.stdout


def test_ocr_without_tesseract_says_how_to_install(scan, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    result = run("extract", str(scan), "--ocr")
    assert result.exit_code == 2 and "apt-get install tesseract-ocr" in result.stderr
