"""`series` and `report` on facts files that were edited by hand, truncated or crafted: a clear
one-line error and exit code 2, never a traceback, never a garbage row, never script in the report."""
from __future__ import annotations

import csv
import io
import shutil

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from kpi_extract.cli import main
from kpi_extract.model import FACT_COLUMNS

from conftest import FIXTURES

MINUTES = FIXTURES / "Improvement Board 5 March 2019 - minutes.txt"


def _write_facts(path, rows: list[dict]):
    """A facts CSV of these rows (crafted ones included), as a user's file would be."""
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return path


@pytest.fixture(scope="module")
def facts_text(tmp_path_factory) -> str:
    result = CliRunner().invoke(main, ["extract", str(MINUTES), "--no-cache"])
    assert result.exit_code == 0
    return result.stdout


def invoke(*args):
    return CliRunner().invoke(main, list(args))


def assert_clean_refusal(result, path) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}"), result.stderr


def with_cell(facts_text: str, column: str, value: str) -> str:
    rows = list(csv.DictReader(io.StringIO(facts_text)))
    rows[1][column] = value
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    return out.getvalue()


@pytest.mark.parametrize("column,value,says", [
    ("value", "abc", "value 'abc' is not a number"),
    ("value", "1e400", "value '1e400' is not a finite number"),
    ("value", "nan", "value 'nan' is not a finite number"),
    ("period_end", "2019-02-30", "period_end '2019-02-30' is not a date"),
    ("period_start", "0001-01-01", "is not a date (YYYY-MM-DD) from 1900 to 2100"),
    ("page", "two", "page 'two' is not a page number"),
    ("kpi", "x</script><script>alert(1)</script>", "is not a KPI id"),
    ("period_kind", "fortnight", "period_kind 'fortnight' is not one of"),
    ("confidence", "7", "confidence '7' is not a number from 0 to 1"),
])
@pytest.mark.parametrize("command", ["series", "report"])
def test_a_bad_cell_is_named_with_its_line(tmp_path, facts_text, column, value, says, command):
    path = tmp_path / "facts.csv"
    path.write_text(with_cell(facts_text, column, value), encoding="utf-8")
    result = invoke(command, str(path), "-o", str(tmp_path / ("out.html" if command == "report" else "out.csv")))
    assert_clean_refusal(result, path)
    assert f"error: {path}:3: " in result.stderr and says in result.stderr


def test_a_stray_quote_is_an_error_not_one_garbage_row(tmp_path, facts_text):
    lines = facts_text.splitlines()
    lines[2] = lines[2].replace(",", ',"', 1)
    path = tmp_path / "facts.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    result = invoke("series", str(path))
    assert_clean_refusal(result, path)
    assert "stray quote" in result.stderr or "not a facts CSV" in result.stderr


@pytest.mark.parametrize("command", ["series", "report"])
def test_a_column_given_twice_is_an_error_not_a_warning(tmp_path, facts_text, command):
    lines = facts_text.splitlines()
    lines = [line + (",value" if i == 0 else ",7") for i, line in enumerate(lines)]
    path = tmp_path / "facts.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    result = invoke(command, str(path), "-o", str(tmp_path / ("out.html" if command == "report" else "out.csv")))
    assert_clean_refusal(result, path)
    assert "value given twice" in result.stderr and "Warning" not in result.stderr


def test_neutralised_cells_read_back_as_they_were(tmp_path, facts_text):
    path = tmp_path / "facts.csv"
    path.write_text(with_cell(facts_text, "document", "'=HYPERLINK(1).txt"), encoding="utf-8")
    raw = invoke("series", str(path), "--raw-text")
    assert raw.exit_code == 0, raw.stderr
    assert "=HYPERLINK(1).txt#" in raw.stdout and "'=HYPERLINK" not in raw.stdout


def test_report_links_only_to_its_documents(tmp_path, facts_text):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(MINUTES, docs / "minutes.txt")
    rows = list(csv.DictReader(io.StringIO(facts_text)))
    crafted = ["minutes.txt", "javascript:alert(1)", "../secret.txt", "/etc/passwd", "minutes.txt"]
    for r, doc in zip(rows, crafted):
        r["document"] = doc
        r["snippet"] = '<img src=x onerror="alert(1)"> ' + r["snippet"]
    rows[-1]["page"] = "1"
    (tmp_path / "secret.txt").write_text("x")
    path = _write_facts(tmp_path / "facts.csv", rows)
    out = tmp_path / "report.html"
    result = invoke("report", str(path), "-o", str(out), "--documents", str(docs))
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    import re
    hrefs = set(re.findall(r'<a class="source" href="([^"]*)"', page))
    assert hrefs and all(h.startswith("./docs/minutes.txt#page=") for h in hrefs), hrefs
    assert '<img src=x onerror' not in page and "&lt;img src=x onerror=" in page
    assert "javascript:alert(1)" not in re.sub(r"<td>[^<]*</td>", "", page.split("<main>")[1]).replace(
        "javascript:alert(1), page", "")


# --- property-based: whatever is done to a facts file, a clean verdict ---

_NASTY = st.sampled_from(['"', ",", "\n", "\r", "'", "=", "\x00", "1e400", "-inf", "nan", "abc", "2019-13-01",
                          "99999999999", "", "</script>", "é", "\ufeff", "0001-01-01", "-1"])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_series_never_tracebacks(tmp_path, facts_text, data):
    text = facts_text
    for _ in range(data.draw(st.integers(1, 4))):
        kind = data.draw(st.sampled_from(["insert", "cell", "truncate", "jsonl"]))
        if kind == "insert":
            at = data.draw(st.integers(0, len(text)))
            text = text[:at] + data.draw(st.one_of(_NASTY, st.text(max_size=5))) + text[at:]
        elif kind == "cell":
            column = data.draw(st.sampled_from(FACT_COLUMNS))
            try:
                text = with_cell(text, column, data.draw(st.one_of(_NASTY, st.text(max_size=12))))
            except (IndexError, KeyError, ValueError, csv.Error):  # a header the edits broke
                pass
        elif kind == "truncate":
            text = text[:data.draw(st.integers(0, len(text)))]
    suffix = data.draw(st.sampled_from([".csv", ".jsonl"]))
    path = tmp_path / f"facts{suffix}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    result = invoke("series", str(path))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 2), result.stderr
    if result.exit_code == 2:
        assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith(f"error: {path}")


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(column=st.sampled_from(FACT_COLUMNS), value=st.one_of(_NASTY, st.text(max_size=12)))
def test_report_never_tracebacks(tmp_path, facts_text, column, value):
    path = tmp_path / "facts.csv"
    path.write_text(with_cell(facts_text, column, value), encoding="utf-8", errors="surrogatepass")
    result = invoke("report", str(path), "-o", str(tmp_path / "r.html"))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 2), result.stderr


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                    reason="needs Debian's chromium and chromium-driver; .ci/run installs them")
def test_crafted_facts_run_no_script_in_chromium(tmp_path, facts_text):
    """Snippets, subjects, periods and documents carrying markup: shown as text in a real browser."""
    pytest.importorskip("selenium", reason="selenium is a test dependency: pip install '.[test]'")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    rows = list(csv.DictReader(io.StringIO(facts_text)))
    for r in rows:
        r["snippet"] = PAYLOAD + r["snippet"]
        r["document"] = "javascript:window.__pwned=1//" + PAYLOAD
    rows[0]["subject"] = PAYLOAD
    rows[1]["period"] = PAYLOAD
    path = _write_facts(tmp_path / "facts.csv", rows)
    out = tmp_path / "report.html"
    result = invoke("report", str(path), "-o", str(out), "--documents", str(tmp_path))
    assert result.exit_code == 0, result.stderr

    options = Options()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--window-size=1400,1100", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.get(out.as_uri())
        WebDriverWait(driver, 30).until(lambda d: d.execute_script(
            "return document.querySelectorAll('.plotly-graph-div .main-svg').length") >= 1)
        assert driver.execute_script("return window.__pwned") is None
        assert driver.execute_script("return document.querySelectorAll('img, a[href^=\"javascript\"]').length") == 0
        assert PAYLOAD in driver.execute_script("return document.body.innerText")
    finally:
        driver.quit()
