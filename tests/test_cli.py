"""The command line, as analysts, nightly jobs and pipes use it."""
from __future__ import annotations

import csv
import io
import shutil

import pytest
from click.testing import CliRunner

from kpi_extract.cli import main
from kpi_extract.model import FACT_COLUMNS

from conftest import FIXTURES, ROBUSTNESS, SPEC_KPIS

MINUTES = "Improvement Board 5 March 2019 - minutes.txt"


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def rows(data: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data)))


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_fixtures_give_exactly_the_planted_figures(reader):
    """Every figure planted in fixtures/ (EXPECTED.csv), and nothing else of the spec's KPIs,
    through the default PDFium reader and through pdfplumber, the reference."""
    result = run("extract", str(FIXTURES), "--no-cache", "--reader", reader)
    assert result.exit_code == 0, result.stderr
    # table cells carry the column's month (Mar-15 -> 2015-03); the planted answers say 31 March
    got = {(r["document"], r["page"], r["kpi"], r["value"],
            r["period_end"] if r["period_kind"] == "month" else r["period"]) for r in rows(result.stdout)
           if r["kpi"] in SPEC_KPIS}
    with open(FIXTURES / "EXPECTED.csv", newline="", encoding="utf-8") as f:
        planted = {(r["document"], r["page"], r["kpi"], r["value"], r["period"]) for r in csv.DictReader(f)}
    assert got == planted


def test_exact_rows_for_a_text_file(tmp_path):
    result = run("extract", str(FIXTURES / MINUTES), "--no-cache")
    assert result.exit_code == 0
    shown = str(FIXTURES / MINUTES)
    expected = [
        ["referrals", "4036", "count", "2017-18", "financial_year", "2017-04-01", "2018-03-31", "sentence", "", shown,
         "1", "In Q3 2018/19 there were 1,096 referrals to children's social care, compared with 4,036 referrals in "
         "2017/18 as a whole.", "regex", "referrals/count-referrals", "0.9", "Northmoor", ""],
        ["referrals", "1096", "count", "2018-Q4", "quarter", "2018-10-01", "2018-12-31", "sentence", "", shown, "1",
         "In Q3 2018/19 there were 1,096 referrals to children's social care, compared with 4,036 referrals in "
         "2017/18 as a whole.", "regex", "referrals/count-referrals", "0.9", "Northmoor", ""],
        # "In the same quarter" names no period: the sentence before ("In Q3 2018/19 ...") does
        ["rereferral_rate", "21", "percent", "2018-Q4", "quarter", "2018-10-01", "2018-12-31", "sentence", "", shown,
         "1", "In the same quarter the re-referral rate was 21%, against a target of 18% and an England average "
         "of 22%.", "regex", "rereferral_rate/rate-then-percent", "0.9", "Northmoor", ""],
        ["children_in_care", "529", "count", "2019-01-31", "as_at", "2019-01-31", "2019-01-31", "sentence", "", shown,
         "2", "At 31 January 2019 there were 529 children in care and 1,988 open children in need cases.", "regex",
         "children_in_care/count-looked-after", "0.9", "Northmoor", ""],
        ["children_in_need", "1988", "count", "2019-01-31", "as_at", "2019-01-31", "2019-01-31", "sentence", "",
         shown, "2", "At 31 January 2019 there were 529 children in care and 1,988 open children in need cases.",
         "regex", "children_in_need/count-cases", "0.9", "Northmoor", ""],
    ]
    # the id and the review mark have their own tests (test_ids.py, test_review.py)
    got = [[v for k, v in r.items() if k not in ("fact_id", "reviewed")] for r in rows(result.stdout)]
    assert list(rows(result.stdout)[0]) == FACT_COLUMNS
    assert got == expected
    assert all(len(r["fact_id"]) == 12 and r["reviewed"] == "" for r in rows(result.stdout))


def test_output_is_byte_identical_and_rfc4180(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    assert run("extract", str(FIXTURES), "-o", str(a), "--no-cache").exit_code == 0
    assert run("extract", str(FIXTURES), "-o", str(b), "--cache-dir", str(tmp_path / "c")).exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes().startswith(b"fact_id,kpi,value,unit,period,period_kind,period_start,period_end,period_source,")
    assert b"\r\n" in a.read_bytes() and b"\n" not in a.read_bytes().replace(b"\r\n", b"")
    assert a.read_bytes().split(b"\r\n")[0].endswith(b",confidence,area,area_code,reviewed")  # in the spec's order


def test_one_job_or_two_give_the_same_bytes(tmp_path):
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.csv"
        assert run("extract", str(FIXTURES), "-o", str(out), "--no-cache", "--jobs", jobs).exit_code == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and outs[0].count(b"\r\n") > 20


def test_bad_files_are_reported_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(FIXTURES / MINUTES, folder / "minutes.txt")
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "page.pdf").write_text("<!DOCTYPE html><html>Not found</html>")
    good = (FIXTURES / "Partnership Board 12 October 2018 - annual report.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(good[:400])
    shared = {"encrypted.pdf": "pdfminer.six__samples__encryption__aes-256-r6.pdf",
              "scanned.pdf": "ocrmypdf__tests__resources__3small.pdf"}
    for name, source in shared.items():
        if (ROBUSTNESS / source).exists():
            shutil.copy(ROBUSTNESS / source, folder / name)
    out = tmp_path / "kpis.csv"
    result = run("extract", str(folder), "-o", str(out), "--no-cache")
    assert result.exit_code == 1
    errors = sorted(line for line in result.stderr.splitlines() if line.startswith("error: "))
    expected = {
        "empty.pdf": "error: empty.pdf: empty file (0 bytes): download it again",
        "page.pdf": "error: page.pdf: not a PDF (it is an HTML page): check the download, or rename it to .txt if it is text",
        "truncated.pdf": "error: truncated.pdf: damaged PDF",
        "encrypted.pdf": "error: encrypted.pdf: encrypted (password-protected): decrypt it first",
        "scanned.pdf": "error: scanned.pdf: no text layer (scanned images?): read it with --ocr",
    }
    present = sorted(k for k in expected if (folder / k).exists())
    assert len(errors) == len(present)
    for line, name in zip(errors, present):
        assert line.startswith(expected[name])
    assert {r["document"] for r in rows(out.read_text(encoding="utf-8"))} == {"minutes.txt"}


def test_unwritable_output_fails_before_reading(tmp_path):
    result = run("extract", str(FIXTURES), "-o", str(tmp_path / "missing" / "kpis.csv"))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'missing' / 'kpis.csv'}: folder {tmp_path / 'missing'} does not exist: create it first"


def test_broken_pattern_file_stops_the_run_and_keeps_the_old_output(tmp_path):
    out = tmp_path / "kpis.csv"
    out.write_text("yesterday's results\n")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[kpi]]\nid = \"x\"\nunit = \"count\"\n[kpi.regex]\nr = '(?P<value>\\d+'\n")
    result = run("extract", str(FIXTURES), "-o", str(out), "--patterns", str(bad))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(f"{bad}:5: bad regex: missing ), unterminated subpattern")
    assert out.read_text() == "yesterday's results\n"


def test_kpi_filter_and_unknown_kpi():
    result = run("extract", str(FIXTURES / MINUTES), "--kpi", "rereferral_rate", "--no-cache")
    assert [r["kpi"] for r in rows(result.stdout)] == ["rereferral_rate"]
    result = run("extract", str(FIXTURES / MINUTES), "--kpi", "nonsense")
    assert result.exit_code == 2 and "unknown KPI id(s): nonsense" in result.stderr


def test_missing_input_path_is_an_error_but_others_run(tmp_path):
    result = run("extract", str(FIXTURES / MINUTES), str(tmp_path / "nope"), "--no-cache")
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'nope'}: no such file or folder" in result.stderr
    assert len(rows(result.stdout)) == 5


def test_cache_means_unchanged_files_are_not_read_again(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(FIXTURES / MINUTES, folder / "a.txt")
    args = ["extract", str(folder), "--cache-dir", str(tmp_path / "cache"), "-v"]
    first, second = run(*args), run(*args)
    assert "(cached)" not in first.stderr and "a.txt: 2 pages, 5 facts (cached)" in second.stderr
    assert first.stdout == second.stdout
    (folder / "a.txt").write_text((folder / "a.txt").read_text() + "\nThere were 12 referrals in 2019.")
    assert "(cached)" not in run(*args).stderr


def test_log_file_and_quiet_stderr(tmp_path):
    log = tmp_path / "run.log"
    result = run("extract", str(FIXTURES / MINUTES), "--no-cache", "--log", str(log), "-q")
    assert result.exit_code == 0 and result.stderr == ""
    lines = log.read_text().splitlines()
    assert lines[0].endswith(f"ok {FIXTURES / MINUTES}: 2 pages, 5 facts ({lines[0].split('(')[-1]}")
    assert " done 1 of 1 files read, 5 facts, 0 problem(s)" in lines[-1]


def test_patterns_commands(tmp_path):
    listed = run("patterns", "list")
    assert listed.exit_code == 0 and listed.stdout.splitlines()[0].startswith("cp_plans\tcount\t")
    assert run("patterns", "check").stdout.startswith("ok: ")
    tested = run("patterns", "test")
    assert tested.exit_code == 0 and tested.stdout.splitlines()[-1].endswith("examples pass")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[kpi]]\nid = \"x\"\nunit = \"kg\"\naliases = [\"x\"]\n")
    checked = run("patterns", "check", str(bad))
    assert checked.exit_code == 2
    assert checked.stdout.startswith(f"{bad}:3: unknown unit 'kg' in kpi x")


def test_failing_example_is_reported(tmp_path):
    f = tmp_path / "mine.toml"
    f.write_text("[[kpi]]\nid = \"foster_carers\"\nunit = \"count\"\n[kpi.regex]\nr = '{count} foster carers'\n"
                 "[[kpi.examples]]\ntext = \"There are 12 foster carers.\"\nvalue = 13\n")
    result = run("patterns", "test", "--patterns", str(f), "--kpi", "foster_carers")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{f}:6: foster_carers: expected [13], got [12] in 'There are 12 foster carers.'",
        "0 of 1 examples pass",
    ]


def test_text_command_prints_normalised_pages():
    result = run("text", str(FIXTURES / "Partnership Board 12 October 2018 - annual report.pdf"), "--page", "3")
    assert result.exit_code == 0
    assert result.stdout.startswith("--- page 3 ---\n")
    assert "operating budget of £658,940." in result.stdout  # printed as "£658, 940" in the PDF


@pytest.mark.parametrize("args", [["extract"], ["text"], ["bogus"]])
def test_usage_errors_exit_2(args):
    assert CliRunner().invoke(main, args).exit_code == 2


class _SlowReader:
    """A reader that never finishes in time, to stand for a pathological PDF."""
    name, version = "slow", "1"

    def read(self, path, resume=None, checkpoint=None):
        import time
        time.sleep(30)


def test_a_file_that_takes_too_long_is_given_up_and_the_run_goes_on(tmp_path, monkeypatch):
    from kpi_extract import readers
    monkeypatch.setitem(readers.READERS, ".slow", _SlowReader())
    slow = tmp_path / "huge.slow"
    slow.write_text("x")
    result = run("extract", str(slow), str(FIXTURES / MINUTES), "--timeout", "1", "--no-cache")
    assert result.exit_code == 1
    assert f"error: {slow}: gave up after 1s: the file is very large or damaged; raise the limit with --timeout" \
        in result.stderr
    assert len(rows(result.stdout)) == 5


def test_xlsx_to_standard_output_is_refused():
    result = run("extract", str(FIXTURES / MINUTES), "--format", "xlsx")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: an xlsx workbook cannot go to standard output: give -o FILE.xlsx"
