"""From facts to series: dedupe across documents, conflicts, aligned periods, and the output formats."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import pandas as pd
import pytest
from click.testing import CliRunner

from kpi_extract.cli import main
from kpi_extract.model import FACT_COLUMNS
from kpi_extract.series import build_series, wide

from conftest import CORPUS, FIXTURES

MEASURES = {"cp_plans": "stock", "training_delegates": "flow"}


def fact(kpi="cp_plans", value="412", period="2017-03-31", kind="as_at", start="2017-03-31", end="2017-03-31",
         document="a.pdf", page="4", confidence="0.9", subject="", area="Northmoor", method="regex") -> dict:
    row = dict.fromkeys(FACT_COLUMNS, "")
    row.update(kpi=kpi, value=value, unit="count", period=period, period_kind=kind, period_start=start,
               period_end=end, document=document, page=page, confidence=confidence, subject=subject,
               area=area, method=method)
    return row


def series_of(*facts) -> list[dict]:
    return build_series(pd.DataFrame(list(facts)), MEASURES).to_dict("records")


def brief(rows: list[dict]) -> list[tuple]:
    return [(r["period"], r["period_kind"], r["value"], r["n_sources"], r["sources"], r["conflict"],
             r["alternatives"]) for r in rows]


def test_the_same_figure_in_two_packs_is_one_row():
    assert brief(series_of(fact(document="b.pdf", page="12"), fact(document="a.pdf", page="4"))) == [
        ("2017-03-31", "as_at", "412", 2, "a.pdf#4;b.pdf#12", "false", "")]


def test_different_figures_for_one_period_are_a_conflict():
    rows = series_of(fact(value="412", document="a.pdf"), fact(value="407", document="b.pdf", page="9"),
                     fact(value="412", document="c.pdf", page="2"))
    assert brief(rows) == [("2017-03-31", "as_at", "412", 2, "a.pdf#4;c.pdf#2", "true", "407 (b.pdf#9)")]


def test_a_table_cell_outranks_a_sentence_of_the_same_report_however_often_repeated():
    """Two documents beat one; within one document the table (0.95) beats two sentences (0.9)."""
    rows = series_of(fact(value="988", period="2017-03", kind="month", start="2017-03-01", confidence="0.95",
                          page="33", method="table"),
                     fact(value="983", page="49"), fact(value="983", page="50"))
    assert brief(rows) == [("2017-03-31", "as_at", "988", 1, "a.pdf#33", "true", "983 (a.pdf#49, a.pdf#50)")]


def test_a_weak_reading_repeated_in_many_packs_never_outvotes_a_figure_read_from_its_own_sentence():
    """A headline label matched loosely and dated by the pack's title, reprinted in three packs,
    against the figure its own sentence gives and dates: the sentence's figure is agreed."""
    weak = [fact(value="1200", document=d, method="fuzzy", confidence="0.75") | {"period_source": "title"}
            for d in ("a.pdf", "b.pdf", "c.pdf")]
    strong = fact(value="1109", document="d.pdf", page="7") | {"period_source": "sentence"}
    rows = series_of(*weak, strong)
    assert brief(rows) == [("2017-03-31", "as_at", "1109", 1, "d.pdf#7", "true",
                            "1200 (a.pdf#4, b.pdf#4, c.pdf#4)")]


def test_a_tie_is_broken_by_confidence_then_by_what_was_read_first_never_by_the_smaller_value():
    by_confidence = series_of(fact(value="407", document="a.pdf", confidence="0.9"),
                              fact(value="412", document="b.pdf", confidence="0.95"))
    assert by_confidence[0]["value"] == "412"
    first_read = series_of(fact(value="412", document="a.pdf"), fact(value="407", document="b.pdf"))
    assert first_read[0]["value"] == "412"


def test_aligned_periods():
    month = fact(value="301", period="2016-03", kind="month", start="2016-03-01", end="2016-03-31")
    as_at = fact(value="301", period="2016-03-31", start="2016-03-31", end="2016-03-31", document="b.pdf")
    stock_year = fact(value="301", period="2015-16", kind="financial_year", start="2015-04-01", end="2016-03-31",
                      document="c.pdf")
    assert brief(series_of(month, as_at, stock_year)) == [
        ("2016-03-31", "as_at", "301", 3, "a.pdf#4;b.pdf#4;c.pdf#4", "false", "")]
    # a flow's year is a year, never its last day
    flow = dict(stock_year, kpi="training_delegates")
    flow_day = dict(as_at, kpi="training_delegates")
    assert [r["period"] for r in series_of(flow, flow_day)] == ["2015-16", "2016-03-31"]


def test_areas_subjects_and_undated_figures_are_kept_apart():
    rows = series_of(fact(), fact(value="581", area="Norfolk"), fact(value="97", subject="under 5s"),
                     fact(value="1300", period="", kind="unknown", start="", end=""))
    assert [(r["area"], r["subject"], r["value"], r["conflict"]) for r in rows] == [
        ("Norfolk", "", "581", "false"), ("Northmoor", "", "412", "false"), ("Northmoor", "under 5s", "97", "false")]


def test_wide_has_a_row_per_moment_and_a_column_per_kpi():
    rows = series_of(fact(value="301", period="2016-03", kind="month", start="2016-03-01", end="2016-03-31"),
                     fact(kpi="training_delegates", value="2286", period="2015-16", kind="financial_year",
                          start="2015-04-01", end="2016-03-31"),
                     fact(kpi="children_in_care", value="472", period="2016-03-31", start="2016-03-31",
                          end="2016-03-31"))
    table = wide(pd.DataFrame(rows))
    assert list(table.columns) == ["period", "period_kind", "period_start", "period_end", "children_in_care",
                                   "cp_plans", "training_delegates"]
    assert table.astype(object).where(table.notna(), "").values.tolist() == [
        ["2015-16", "financial_year", "2015-04-01", "2016-03-31", "", "", 2286.0],
        ["2016-03", "month", "2016-03-01", "2016-03-31", 472.0, 301.0, ""],  # a month and a day in it
    ]


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def fixture_facts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fixtures")
    result = run("extract", str(FIXTURES), "-o", str(folder / "kpis.csv"), "--series", str(folder / "series.csv"),
                 "--no-cache")
    assert result.exit_code == 0, result.stderr
    return folder


def test_fixture_series_rows(fixture_facts):
    rows = list(csv.DictReader(io.StringIO((fixture_facts / "series.csv").read_text(encoding="utf-8"))))
    pack16 = "Children and Families Scrutiny Committee 14 September 2016 - reports pack.pdf"
    pack17 = "Children and Families Scrutiny Committee 20 September 2017 - reports pack.pdf"
    cp = [(r["period"], r["value"], r["n_sources"], r["sources"], r["conflict"], r["alternatives"])
          for r in rows if r["kpi"] == "cp_plans" and not r["subject"]]
    assert cp == [
        ("2015-03-31", "268", "2", f"{pack16}#5;{pack17}#4", "false", ""),
        ("2016-03-31", "301", "2", f"{pack16}#5;{pack17}#4", "false", ""),
        ("2017-03-31", "322", "1", f"{pack17}#4", "true", f"317 ({pack17}#4)"),
        ("2017-18", "338", "1", "Partnership Board 12 October 2018 - annual report.pdf#2", "false", ""),
    ]


def test_series_command_wide_and_filtered(fixture_facts):
    result = run("series", str(fixture_facts / "kpis.csv"), "--wide", "--kpi", "training_delegates")
    assert result.stdout.splitlines() == [
        "period,period_kind,period_start,period_end,training_delegates",
        "2015-16,financial_year,2015-04-01,2016-03-31,2286",
        "2016-17,financial_year,2016-04-01,2017-03-31,2512",
        "2017-18,financial_year,2017-04-01,2018-03-31,2745",
    ]


def test_jsonl_has_numbers_as_numbers(fixture_facts):
    result = run("series", str(fixture_facts / "kpis.csv"), "--format", "jsonl", "--kpi", "cp_plans_rate_per_10k")
    first = json.loads(result.stdout.splitlines()[0])
    assert first["value"] == 39.8 and first["n_sources"] == 1 and first["conflict"] is False


def test_xlsx_workbook_reads_back(fixture_facts):
    out = fixture_facts / "kpis.xlsx"
    assert run("series", str(fixture_facts / "kpis.csv"), "-o", str(out)).exit_code == 0
    sheets = pd.read_excel(out, sheet_name=None)
    assert list(sheets) == ["facts", "series", "wide"]
    assert list(sheets["facts"].columns) == FACT_COLUMNS
    from openpyxl import load_workbook
    wb = load_workbook(out)
    facts, series = wb["facts"], wb["series"]
    assert facts.freeze_panes == "A2" and series.freeze_panes == "A2"
    header = [c.value for c in series[1]]
    row = {h: c.value for h, c in zip(header, series[2])}
    assert isinstance(row["value"], (int, float)) and isinstance(row["n_sources"], int)
    assert row["conflict"] in (True, False)
    assert row["period_start"].date() == date.fromisoformat(sheets["series"]["period_start"][0].strftime("%Y-%m-%d"))
    assert facts.cell(row=2, column=FACT_COLUMNS.index("page") + 1).data_type == "n"


def test_xlsx_needs_a_file_and_bad_facts_are_refused(tmp_path):
    assert run("series", str(FIXTURES / "EXPECTED.csv"), "--format", "xlsx").exit_code == 2
    bad = tmp_path / "x.csv"
    bad.write_text("a,b\n1,2\n")
    result = run("series", str(bad))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {bad}: missing column(s) kpi, value, unit")


@pytest.mark.skipif(not (CORPUS / "gold.csv").exists(), reason=f"the shared corpus is not at {CORPUS}")
def test_corpus_series(tmp_path):
    facts, series = tmp_path / "facts.csv", tmp_path / "series.csv"
    assert run("extract", str(CORPUS), "-o", str(facts), "--series", str(series), "--no-cache").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(series.read_text(encoding="utf-8"))))
    fact_rows = list(csv.DictReader(io.StringIO(facts.read_text(encoding="utf-8"))))
    cp = {r["period"][:7]: r for r in rows if r["kpi"] == "cp_plans" and r["area"] == "Birmingham"
          and r["period"][:7] in ("2015-03", "2016-03", "2017-03")}
    assert {k: r["value"] for k, r in cp.items()} == {"2015-03": "1301", "2016-03": "851", "2017-03": "988"}
    assert cp["2017-03"]["conflict"] == "true" and cp["2017-03"]["alternatives"].startswith("983 (")
    for period, value in (("2016-17", "3255"), ("2017-18", "3452")):
        (row,) = [r for r in rows if r["kpi"] == "training_delegates" and r["period"] == period]
        mentions = [f for f in fact_rows if f["kpi"] == "training_delegates" and f["value"] == value]
        assert row["value"] == value and int(row["n_sources"]) == len(mentions)
