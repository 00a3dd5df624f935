"""fact_id: the same figure in the same file keeps its id across runs, the cache and pattern edits."""
from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from kpi_extract.cli import main
from kpi_extract.ids import assign, figure_key
from kpi_extract.library import bundled_files
from kpi_extract.model import Candidate, Fact

from conftest import FIXTURES


def _facts(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _extract(out: Path, *extra: str) -> list[dict]:
    result = CliRunner().invoke(main, ["extract", str(FIXTURES), "-o", str(out), "-q", *extra])
    assert result.exit_code == 0, result.output
    return _facts(out)


def _without_kpi(tmp_path: Path, kpi: str) -> Path:
    """A copy of the bundled pattern file defining `kpi` with that KPI's entry cut out: given with
    --patterns, it replaces the bundled file of the same name."""
    for source in bundled_files():
        text = source.read_text(encoding="utf-8")
        blocks = re.split(r"(?m)^(?=\[\[kpi\]\]\s*$)", text)
        kept = [b for b in blocks if not re.search(rf'(?m)^id = "{kpi}"\s*$', b)]
        if len(kept) < len(blocks):
            edited = tmp_path / "edit" / source.name
            edited.parent.mkdir()
            edited.write_text("".join(kept), encoding="utf-8")
            return edited
    raise AssertionError(f"no bundled file defines {kpi}")


def test_ids_are_unique_short_and_the_same_on_a_second_run(tmp_path):
    first = _extract(tmp_path / "a.csv", "--no-cache")
    ids = [r["fact_id"] for r in first]
    assert len(set(ids)) == len(ids) > 20
    assert all(re.fullmatch(r"[0-9a-f]{12}", i) for i in ids)
    # through the cache (written, then read back) the ids are the same, and so are the bytes
    _extract(tmp_path / "b.csv", "--cache-dir", str(tmp_path / "cache"))
    _extract(tmp_path / "c.csv", "--cache-dir", str(tmp_path / "cache"))
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes() == (tmp_path / "c.csv").read_bytes()


def test_a_pattern_edit_leaves_the_ids_of_untouched_pages_alone(tmp_path):
    before = _extract(tmp_path / "before.csv", "--no-cache")
    edited = _without_kpi(tmp_path, "budget_carry_forward")
    after = _extract(tmp_path / "after.csv", "--no-cache", "--patterns", str(edited))
    touched = {(r["document"], r["page"]) for r in before if r["kpi"] == "budget_carry_forward"}
    assert touched and not any(r["kpi"] == "budget_carry_forward" for r in after)

    def untouched(rows):
        return sorted((r["document"], r["page"], r["kpi"], r["value"], r["snippet"], r["fact_id"]) for r in rows
                      if (r["document"], r["page"]) not in touched)
    assert len(untouched(before)) > 20
    assert untouched(after) == untouched(before)
    # the other figures of the touched pages keep theirs too: nothing but the text and place goes in
    kept = {r["fact_id"] for r in after}
    assert all(r["fact_id"] in kept for r in before if r["kpi"] != "budget_carry_forward")


def test_ids_depend_on_the_file_content_not_its_name(tmp_path):
    folder = tmp_path / "renamed"
    folder.mkdir()
    name = "Improvement Board 5 March 2019 - minutes.txt"
    shutil.copy(FIXTURES / name, folder / "board.txt")
    runner = CliRunner()
    assert runner.invoke(main, ["extract", str(folder), "-o", str(tmp_path / "r.csv"), "--no-cache"]).exit_code == 0
    original = {r["fact_id"] for r in _extract(tmp_path / "o.csv", "--no-cache") if r["document"] == name}
    assert {r["fact_id"] for r in _facts(tmp_path / "r.csv")} == original
    (folder / "board.txt").write_text((FIXTURES / name).read_text(encoding="utf-8") + "\nAppendix.\n", encoding="utf-8")
    assert runner.invoke(main, ["extract", str(folder), "-o", str(tmp_path / "e.csv"), "--no-cache"]).exit_code == 0
    assert not {r["fact_id"] for r in _facts(tmp_path / "e.csv")} & original


def _fact(kpi: str, key: str) -> Fact:
    return Fact(kpi, "12", "count", "2020-21", "financial_year", "2020-04-01", "2021-03-31", "sentence", "",
                "a.pdf", 3, "12 ...", "regex", "p", 0.9, fact_id=key)


def test_one_figure_read_for_two_kpis_gives_two_ids_whatever_the_order():
    c = Candidate("x", "12", 3, "There were 12 children.", "regex", "p", 0.9, value_start=11, value_end=13, sentence=4)
    key = figure_key(c)
    pair = [_fact("cp_plans", key), _fact("children_in_care", key)]
    one = {f.kpi: f.fact_id for f in assign(pair, "h")}
    other = {f.kpi: f.fact_id for f in assign(pair[::-1], "h")}
    assert one == other and len(set(one.values())) == 2
    # the figure read for one KPI alone has the id the first of the pair keeps
    assert assign([_fact("children_in_care", key)], "h")[0].fact_id == one["children_in_care"]
