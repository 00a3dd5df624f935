"""Series are per area, and an area is known by its ONS code: "Kent" and "Kent County Council"
are one series; two invented councils, or two real ones, are two."""
from __future__ import annotations

import pandas as pd

from kpi_extract.model import FACT_COLUMNS
from kpi_extract.series import SERIES_COLUMNS, build_series


def fact(value="412", area="", area_code="", document="a.pdf", period="2017-03-31") -> dict:
    row = dict.fromkeys(FACT_COLUMNS, "")
    row.update(kpi="cp_plans", value=value, unit="count", period=period, period_kind="as_at", period_start=period,
               period_end=period, document=document, page="4", confidence="0.9", area=area, area_code=area_code,
               method="regex", period_source="sentence")
    return row


def rows(*facts) -> list[tuple]:
    s = build_series(pd.DataFrame(list(facts)), {"cp_plans": "stock"})
    return [(r["area"], r["area_code"], r["value"], r["n_sources"], r["conflict"]) for r in s.to_dict("records")]


def test_area_code_follows_area_in_the_series_columns():
    assert SERIES_COLUMNS[-4:-1] == ["subject", "area", "area_code"]  # and then `reviewed`


def test_one_council_written_two_ways_is_one_series_named_by_the_gazetteer():
    assert rows(fact(area="Kent", area_code="E10000016"),
                fact(area="Kent County Council", document="b.pdf"),  # a hand-edited file without the code
                fact(value="415", area="KCC", area_code="E10000016", document="c.pdf")) == [
        ("Kent", "E10000016", "412", 2, "true")]


def test_two_councils_are_two_series_never_a_conflict():
    assert rows(fact(area="Kent", area_code="E10000016"), fact(value="398", area="Medway", area_code="E06000035")) \
        == [("Kent", "E10000016", "412", 1, "false"), ("Medway", "E06000035", "398", 1, "false")]


def test_an_area_with_no_code_is_known_by_its_name():
    assert rows(fact(area="Northshire"), fact(value="398", area="Kingsford and Dunmere")) == [
        ("Kingsford and Dunmere", "", "398", 1, "false"), ("Northshire", "", "412", 1, "false")]


def test_a_facts_file_without_the_area_columns_still_makes_series():
    f = fact(area="Kent")
    del f["area"], f["area_code"]
    assert rows(f) == [("", "", "412", 1, "false")]
