"""The review ledger: decisions appended, the latest applied, orphans said, never dropped."""
from __future__ import annotations

import csv
import io
import sqlite3

import pandas as pd
import pytest
from click.testing import CliRunner

from kpi_extract.cli import main
from kpi_extract.ledger import Ledger, LedgerError, apply, default_path, period_from_label, reviewer
from kpi_extract.model import FACT_COLUMNS

from conftest import FIXTURES


def _facts(*rows: dict) -> pd.DataFrame:
    base = dict.fromkeys(FACT_COLUMNS, "")
    base.update(unit="count", period_kind="as_at", document="a.pdf", page="3", method="regex", confidence="0.9")
    return pd.DataFrame([{**base, **r} for r in rows], columns=FACT_COLUMNS)


def test_the_latest_decision_applies_and_every_one_is_kept(tmp_path):
    with Ledger(tmp_path / "l.sqlite") as ledger:
        ledger.record("aaaaaaaaaaaa", "reject", who="ana", note="a target")
        ledger.record("aaaaaaaaaaaa", "correct", who="ben", changes={"value": "£1,200", "period": "31 March 2017"})
        ledger.record("bbbbbbbbbbbb", "accept", who="ana")
    with Ledger(tmp_path / "l.sqlite") as ledger:  # reopened: nothing was left uncommitted
        history, latest = ledger.history(), ledger.latest()
    assert [(d.fact_id, d.action, d.who) for d in history] == [
        ("aaaaaaaaaaaa", "reject", "ana"), ("aaaaaaaaaaaa", "correct", "ben"), ("bbbbbbbbbbbb", "accept", "ana")]
    assert latest["aaaaaaaaaaaa"].changes == {"value": "1200", "period": "2017-03-31"}
    assert history[0].note == "a target" and history[0].at.endswith("Z")


def test_decisions_apply_to_the_facts_and_orphans_are_returned():
    facts = _facts({"fact_id": "aaaaaaaaaaaa", "kpi": "cp_plans", "value": "317", "period": "2017-03-31"},
                   {"fact_id": "bbbbbbbbbbbb", "kpi": "cp_plans", "value": "322", "period": "2017-03"},
                   {"fact_id": "cccccccccccc", "kpi": "referrals", "value": "90", "period": "2016-17"},
                   {"fact_id": "dddddddddddd", "kpi": "referrals", "value": "91", "period": "2016-17"})
    from kpi_extract.ledger import Decision
    decisions = {d.fact_id: d for d in [
        Decision(1, "aaaaaaaaaaaa", "reject", "ana", "2026-01-01T00:00:00Z"),
        Decision(2, "bbbbbbbbbbbb", "correct", "ana", "2026-01-01T00:00:00Z", value="330", period="2017-03-31"),
        Decision(3, "cccccccccccc", "accept", "ana", "2026-01-01T00:00:00Z"),
        Decision(4, "eeeeeeeeeeee", "accept", "ana", "2026-01-01T00:00:00Z")]}
    out, orphans = apply(facts, decisions)
    assert list(out.columns) == FACT_COLUMNS
    got = {r["fact_id"]: (r["value"], r["period"], r["period_kind"], r["period_start"], r["reviewed"])
           for r in out.to_dict("records")}
    assert got == {"bbbbbbbbbbbb": ("330", "2017-03-31", "as_at", "2017-03-31", "corrected"),
                   "cccccccccccc": ("90", "2016-17", "as_at", "", "accepted"),
                   "dddddddddddd": ("91", "2016-17", "as_at", "", "")}
    assert [d.fact_id for d in orphans] == ["eeeeeeeeeeee"]


@pytest.mark.parametrize("text, label, kind", [
    ("2017-03-31", "2017-03-31", "as_at"), ("2017-03", "2017-03", "month"), ("2018-Q1", "2018-Q1", "quarter"),
    ("2016-17", "2016-17", "financial_year"), ("2016/17", "2016-17", "financial_year"), ("2019", "2019", "calendar_year"),
    ("2019-20 academic_year", "2019-20", "academic_year"), ("2011-12 month", "2011-12", "month"),
    ("31 March 2017", "2017-03-31", "as_at")])
def test_a_correction_names_its_period_as_the_facts_write_it_or_in_words(text, label, kind):
    p = period_from_label(text)
    assert (p.label, p.kind) == (label, kind)


@pytest.mark.parametrize("action, changes", [("correct", {}), ("accept", {"value": "3"}), ("correct", {"value": "x"}),
                                             ("correct", {"period": "soon"}), ("correct", {"kpi": "Bad Id"}),
                                             ("maybe", {})])
def test_a_decision_that_makes_no_sense_is_refused(tmp_path, action, changes):
    with Ledger(tmp_path / "l.sqlite") as ledger, pytest.raises(LedgerError):
        ledger.record("aaaaaaaaaaaa", action, changes=changes)


def test_who_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("KPI_EXTRACT_REVIEWER", "Ana Analyst")
    assert reviewer() == "Ana Analyst"
    monkeypatch.delenv("KPI_EXTRACT_REVIEWER")
    monkeypatch.setenv("USER", "ana")
    assert reviewer() == "ana"


def _rows(data: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data)))


def test_series_and_extract_series_apply_the_ledger_beside_the_facts(tmp_path):
    runner = CliRunner()
    facts = tmp_path / "kpis.csv"
    assert runner.invoke(main, ["extract", str(FIXTURES), "-o", str(facts), "--no-cache", "-q"]).exit_code == 0
    rows = _rows(facts.read_text(encoding="utf-8"))
    cp = [r for r in rows if r["kpi"] == "cp_plans" and r["period"] == "2017-03-31"]
    assert [r["value"] for r in cp] == ["317"]
    with Ledger(default_path(facts)) as ledger:
        ledger.record(cp[0]["fact_id"], "correct", changes={"value": "318"}, fact=cp[0])
        ledger.record("0123456789ab", "reject", fact={"kpi": "cp_plans", "value": "9", "document": "old.pdf", "page": 2})
    plain = runner.invoke(main, ["series", str(facts), "--kpi", "cp_plans", "--ledger", str(tmp_path / "none.sqlite")])
    assert plain.exit_code == 2 and "no such ledger" in plain.stderr
    result = runner.invoke(main, ["series", str(facts), "--kpi", "cp_plans"])
    assert result.exit_code == 0
    row = next(r for r in _rows(result.stdout) if r["period"] == "2017-03-31")
    # the analyst's reading outranks the table's 322 for the same month, and says it is theirs
    assert (row["value"], row["reviewed"], row["conflict"]) == ("318", "corrected", "true")
    assert "0123456789ab: reject by" in result.stderr and "old.pdf#2" in result.stderr
    series = tmp_path / "series.csv"
    again = runner.invoke(main, ["extract", str(FIXTURES), "-o", str(facts), "--series", str(series), "-q"])
    assert again.exit_code == 0
    assert [r for r in _rows(series.read_text(encoding="utf-8")) if r["kpi"] == "cp_plans"] == _rows(result.stdout)
    assert "0123456789ab: reject by" in again.stderr
    # the facts file itself keeps the reading: the review page and `changes` need it
    assert [r["value"] for r in _rows(facts.read_text(encoding="utf-8")) if r["fact_id"] == cp[0]["fact_id"]] == ["317"]


def test_a_file_that_is_not_a_ledger_is_refused(tmp_path):
    facts = tmp_path / "kpis.csv"
    runner = CliRunner()
    assert runner.invoke(main, ["extract", str(FIXTURES / "Improvement Board 5 March 2019 - minutes.txt"),
                                "-o", str(facts), "--no-cache", "-q"]).exit_code == 0
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database at all, just text " * 100)
    result = runner.invoke(main, ["series", str(facts), "--ledger", str(bad)])
    assert result.exit_code == 2 and "not a review ledger" in result.stderr
    sqlite3.connect(tmp_path / "other.sqlite").execute("CREATE TABLE decisions (x)").connection.commit()
    result = runner.invoke(main, ["series", str(facts), "--ledger", str(tmp_path / "other.sqlite")])
    assert result.exit_code == 2


def test_a_workbooks_series_sheet_applies_the_ledger_and_its_facts_sheet_keeps_every_reading(tmp_path):
    from openpyxl import load_workbook
    runner = CliRunner()
    facts = tmp_path / "kpis.csv"
    assert runner.invoke(main, ["extract", str(FIXTURES), "-o", str(facts), "--no-cache", "-q"]).exit_code == 0
    [f317] = [r for r in _rows(facts.read_text(encoding="utf-8")) if r["kpi"] == "cp_plans" and r["value"] == "317"]
    book = tmp_path / "kpis.xlsx"
    with Ledger(default_path(book)) as ledger:
        ledger.record(f317["fact_id"], "reject")
    assert runner.invoke(main, ["extract", str(FIXTURES), "-o", str(book), "-q", "--no-cache"]).exit_code == 0
    sheets = load_workbook(book)
    series = [dict(zip([c.value for c in sheets["series"][1]], [c.value for c in row]))
              for row in sheets["series"].iter_rows(min_row=2)]
    march = next(r for r in series if r["kpi"] == "cp_plans" and str(r["period"]).startswith("2017-03"))
    assert (march["value"], march["conflict"]) == (322, False)
    ids = [row[0].value for row in sheets["facts"].iter_rows(min_row=2)]
    assert f317["fact_id"] in ids
