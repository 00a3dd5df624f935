"""A catastrophic regex in a user's pattern file is stopped and named, never blamed on a PDF."""
from __future__ import annotations

import time

from click.testing import CliRunner

from kpi_extract import cli
from kpi_extract.cli import main
from kpi_extract.library import load_library
from kpi_extract.redos import stress_check

# (\d+,?)+ can split a run of digits in exponentially many ways before " on plans" fails
REDOS = r'''
[[kpi]]
id = "slow_plans"
label = "Plans, slowly"
unit = "count"
[kpi.regex]
nested = '(?P<value>(\d+,?)+) children on plans'
[[kpi.examples]]
text = "There were 317 children on plans."
value = 317
'''
TEXT = "There were " + "1" * 40 + "! children on plans.\n"


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_patterns_check_names_the_catastrophic_regex(tmp_path):
    f = tmp_path / "slow.toml"
    f.write_text(REDOS)
    started = time.monotonic()
    result = run("patterns", "check", str(f))
    assert time.monotonic() - started < 30
    assert result.exit_code == 2
    assert f"{f}:3: regex nested of kpi slow_plans ran for over 1s" in result.stdout


def test_extract_refuses_the_library_before_reading(tmp_path):
    f = tmp_path / "slow.toml"
    f.write_text(REDOS)
    doc = tmp_path / "pack.txt"
    doc.write_text(TEXT)
    result = run("extract", str(doc), "--patterns", str(f), "--no-cache")
    assert result.exit_code == 2 and "regex nested of kpi slow_plans ran for over 1s" in result.stderr


def test_a_pattern_that_hangs_on_a_file_is_named_not_the_file(tmp_path, monkeypatch):
    """Should a pattern pass the stress texts and still hang on a document, the time limit names it."""
    monkeypatch.setattr("kpi_extract.redos.stress_check", lambda *a, **k: [])  # the CLI imports it when used
    f = tmp_path / "slow.toml"
    f.write_text(REDOS)
    doc = tmp_path / "pack.txt"
    doc.write_text(TEXT)
    errors = tmp_path / "err.csv"
    result = run("extract", str(doc), "--patterns", str(f), "--no-cache", "--timeout", "6", "--errors", str(errors))
    assert result.exit_code == 3
    assert f"gave up after 6s while regex nested of kpi slow_plans ({f}:3) was searching" in result.stderr
    assert "pattern" in errors.read_text()


def test_the_bundled_library_passes_the_stress_check():
    assert stress_check(load_library()) == []
