"""`changes`: what a new document changed in the series, for a mail body or a cron job's &&."""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from kpi_extract.changes import compare
from kpi_extract.cli import main
from kpi_extract.ledger import Ledger, default_path

from conftest import FIXTURES

# a new paper: one figure not seen before, and a second document for a figure the packs disagree on
UPDATE = """Northmoor Borough Council
Children and Families Scrutiny Committee, 9 April 2019

Performance update

317 children were subject to a child protection plan at 31 March 2017.

At 31 January 2019 there were 529 children in care.
"""


def _rows(data: bytes | str) -> list[dict]:
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    return list(csv.DictReader(io.StringIO(text)))


def _run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Facts and series of the fixtures' PDFs, before and after a new document is added."""
    work = tmp_path_factory.mktemp("changes")
    before, after = work / "before", work / "after"
    before.mkdir()
    for pdf in FIXTURES.glob("*.pdf"):
        shutil.copy(pdf, before / pdf.name)
    shutil.copytree(before, after)
    (after / "update.txt").write_text(UPDATE, encoding="utf-8")
    for name, folder in (("b", before), ("a", after)):
        result = _run("extract", folder, "-o", work / f"{name}.csv", "--series", work / f"{name}-series.csv",
                      "--no-cache", "-q")
        assert result.exit_code == 0, result.output
    return work


def _listed(rows: list[dict]) -> set[tuple]:
    return {(r["change"], r["kpi"], r["period"], r["old_value"], r["new_value"]) for r in rows}


EXPECTED = {("new", "children_in_care", "2019-01-31", "", "529"), ("changed", "cp_plans", "2017-03-31", "322", "317")}


def test_exactly_the_new_and_changed_rows(runs):
    result = _run("changes", runs / "b-series.csv", runs / "a-series.csv", "-o", runs / "changes.csv")
    assert result.exit_code == 0, result.output
    rows = _rows((runs / "changes.csv").read_bytes())
    assert _listed(rows) == EXPECTED
    changed = next(r for r in rows if r["change"] == "changed")
    assert changed["sources"].split(";") == ["Children and Families Scrutiny Committee 20 September 2017 - reports "
                                             "pack.pdf#4", "update.txt#1"]
    # the facts files give the same answer: they are made into their series first
    result = _run("changes", runs / "b.csv", runs / "a.csv", "-o", runs / "changes-facts.csv")
    assert result.exit_code == 0
    assert (runs / "changes-facts.csv").read_bytes() == (runs / "changes.csv").read_bytes()
    # and the same bytes on a second run
    _run("changes", runs / "b-series.csv", runs / "a-series.csv", "-o", runs / "again.csv")
    assert (runs / "again.csv").read_bytes() == (runs / "changes.csv").read_bytes()


def test_markdown_for_a_mail_body_and_json_lines(runs):
    result = _run("changes", runs / "b-series.csv", runs / "a-series.csv")
    text = result.stdout
    assert text.startswith("# Changes from b-series.csv to a-series.csv\n")
    assert "## New figures (1)\n\n- **children_in_care** (Northmoor) 2019-01-31: 529 — update.txt#1" in text
    assert "## Changed values (1)\n\n- **cp_plans** (Northmoor) 2017-03-31: 322 → 317 — " in text
    assert "Conflicts" not in text and "No longer found" not in text
    assert _run("changes", runs / "b-series.csv", runs / "a-series.csv", "-o", runs / "c.jsonl").exit_code == 0
    lines = [json.loads(line) for line in (runs / "c.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {(r["change"], r["kpi"]) for r in lines} == {("new", "children_in_care"), ("changed", "cp_plans")}


def test_exit_code_says_whether_anything_changed(runs):
    assert _run("changes", runs / "b-series.csv", runs / "a-series.csv", "--exit-code").exit_code == 1
    same = _run("changes", runs / "a-series.csv", runs / "a-series.csv", "--exit-code")
    assert same.exit_code == 0 and "No changes." in same.stdout
    assert _run("changes", runs / "b.csv", runs / "b.csv", "--exit-code").exit_code == 0
    # without --exit-code a change is not a failure
    assert _run("changes", runs / "b-series.csv", runs / "a-series.csv").exit_code == 0


def test_bad_inputs_are_refused_with_code_2(runs, tmp_path):
    (tmp_path / "x.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert _run("changes", tmp_path / "x.csv", runs / "a.csv").exit_code == 2
    assert _run("changes", runs / "a.csv").exit_code == 2
    assert _run("changes", runs / "a.csv", runs / "b.csv", "--since", "2020-01-01").exit_code == 2
    assert _run("changes", runs / "a.csv", "--since", "yesterday-ish", "--ledger", tmp_path / "none").exit_code == 2


def _series(*rows: tuple) -> pd.DataFrame:
    cols = ["kpi", "unit", "period", "period_kind", "period_start", "period_end", "value", "n_sources", "sources",
            "conflict", "alternatives", "subject", "area", "reviewed"]
    return pd.DataFrame([dict(zip(cols, r)) for r in rows], columns=cols)


def test_conflicts_appearing_and_resolved_and_a_month_that_became_a_day():
    old = _series(("cp_plans", "count", "2017-03", "month", "2017-03-01", "2017-03-31", "322", "1", "a.pdf#4",
                   "false", "", "", "X", ""),
                  ("referrals", "count", "2017-18", "financial_year", "2017-04-01", "2018-03-31", "90", "1", "a.pdf#2",
                   "true", "91 (b.pdf#3)", "", "X", ""),
                  ("training_courses", "count", "2017-18", "financial_year", "2017-04-01", "2018-03-31", "12", "1",
                   "a.pdf#2", "false", "", "", "X", ""))
    new = _series(("cp_plans", "count", "2017-03-31", "as_at", "2017-03-31", "2017-03-31", "322", "1", "a.pdf#4",
                   "true", "317 (c.txt#1)", "", "X", ""),
                  ("referrals", "count", "2017-18", "financial_year", "2017-04-01", "2018-03-31", "90", "1", "a.pdf#2",
                   "false", "", "", "X", "accepted"))
    got = [(c.kind, c.row["kpi"]) for c in compare(old, new)]
    assert got == [("conflict appeared", "cp_plans"), ("conflict resolved", "referrals"), ("reviewed", "referrals"),
                   ("gone", "training_courses")]


def test_since_a_date_or_an_earlier_ledger(runs, tmp_path):
    facts = tmp_path / "kpis.csv"
    shutil.copy(runs / "a.csv", facts)
    rows = _rows(facts.read_text(encoding="utf-8"))
    f317 = next(r for r in rows if r["kpi"] == "cp_plans" and r["document"] == "update.txt")
    f529 = next(r for r in rows if r["kpi"] == "children_in_care" and r["document"] == "update.txt")
    ledger = default_path(facts)
    with Ledger(ledger) as book:
        book.record(f529["fact_id"], "accept", who="ana", at="2026-11-30T17:00:00Z", fact=f529)
    shutil.copy(ledger, tmp_path / "last-night.sqlite")
    with Ledger(ledger) as book:
        book.record(f317["fact_id"], "reject", who="ben", note="a typo for 322", at="2026-12-01T09:30:00Z", fact=f317)
    for since in ("2026-12-01", str(tmp_path / "last-night.sqlite")):
        result = _run("changes", facts, "--since", since, "-o", tmp_path / "since.csv")
        assert result.exit_code == 0, result.output
        assert _listed(_rows((tmp_path / "since.csv").read_bytes())) == {
            ("changed", "cp_plans", "2017-03-31", "317", "322")}
    text = _run("changes", facts, "--since", "2026-12-01").stdout
    assert "reject by ben at 2026-12-01T09:30:00Z" in text and "a typo for 322" in text
    assert "accept by ana" not in text
    everything = _run("changes", facts, "--since", "2026-11-01", "-o", tmp_path / "all.csv")
    assert everything.exit_code == 0
    assert ("reviewed", "children_in_care", "2019-01-31", "529", "529") in _listed(
        _rows((tmp_path / "all.csv").read_bytes()))


def test_adding_a_fixture_document_lists_exactly_its_new_figures(tmp_path):
    """The minutes of March 2019 added to the three packs: four figures no pack had; its 4,036
    referrals of 2017/18 repeat the annual report's, which is not news."""
    minutes = "Improvement Board 5 March 2019 - minutes.txt"
    before, after = tmp_path / "before", tmp_path / "after"
    before.mkdir()
    for pdf in FIXTURES.glob("*.pdf"):
        shutil.copy(pdf, before / pdf.name)
    shutil.copytree(before, after)
    shutil.copy(FIXTURES / minutes, after / minutes)
    for name, folder in (("b", before), ("a", after)):
        assert _run("extract", folder, "-o", tmp_path / f"{name}.csv", "--series", tmp_path / f"{name}-s.csv",
                    "--no-cache", "-q").exit_code == 0
    assert any(r["kpi"] == "referrals" and r["value"] == "4036" and r["period"] == "2017-18"
               for r in _rows((tmp_path / "b-s.csv").read_bytes()))
    result = _run("changes", tmp_path / "b-s.csv", tmp_path / "a-s.csv", "-o", tmp_path / "c.csv", "--exit-code")
    assert result.exit_code == 1
    rows = _rows((tmp_path / "c.csv").read_bytes())
    assert _listed(rows) == {("new", "children_in_care", "2019-01-31", "", "529"),
                             ("new", "children_in_need", "2019-01-31", "", "1988"),
                             ("new", "referrals", "2018-Q4", "", "1096"),
                             ("new", "rereferral_rate", "2018-Q4", "", "21")}
    assert {r["sources"] for r in rows} == {f"{minutes}#1", f"{minutes}#2"}
    assert _run("changes", tmp_path / "a-s.csv", tmp_path / "a-s.csv", "--exit-code").exit_code == 0


def test_json_lines_series_compare_as_their_csv_does(runs):
    for name in ("b", "a"):
        assert _run("series", runs / f"{name}.csv", "-o", runs / f"{name}-series.jsonl").exit_code == 0
    assert _run("changes", runs / "b-series.jsonl", runs / "a-series.jsonl", "-o", runs / "j.csv").exit_code == 0
    assert _run("changes", runs / "b-series.csv", runs / "a-series.csv", "-o", runs / "k.csv").exit_code == 0
    assert (runs / "j.csv").read_bytes() == (runs / "k.csv").read_bytes()
    assert _run("changes", runs / "a-series.csv", runs / "a-series.jsonl", "--exit-code").exit_code == 0
