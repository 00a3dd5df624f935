"""`kpi-extract explain`: the candidates of a page, the rule that dated each, and why some gave no fact."""
from click.testing import CliRunner

from conftest import FIXTURES
from kpi_extract.cli import main
from kpi_extract.explain import explain_page

ANNUAL_REPORT = FIXTURES / "Partnership Board 12 October 2018 - annual report.pdf"


def test_explain_a_fixture_page_line_by_line():
    result = CliRunner().invoke(main, ["explain", str(ANNUAL_REPORT), "--page", "2"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{ANNUAL_REPORT}, page 2: 6 candidates, 5 facts",
        "context:",
        "  title      2017-18 (financial_year)  page 1 line 2",
        "  title      2017-18 (financial_year)  page 2 line 1",
        "  meeting    2018-10-12 (as_at)",
        "sentence 7: 2,745 delegates attended multi-agency training",
        "    training_delegates = 2,745  2017-18 (financial_year) by title  regex training_delegates/count-attended  role flow (rule default)  fact",
        "sentence 8: 4,036 referrals to children's social care",
        "    referrals = 4,036  2017-18 (financial_year) by title  regex referrals/count-referrals  role flow (rule default)  fact",
        "sentence 9: 89% course utilisation across the training programme",
        "    training_utilisation = 89%  2017-18 (financial_year) by title  regex "
        "training_utilisation/percent-utilisation  role share (rule default)  fact",
        "    training_utilisation = 89%  2017-18 (financial_year) by title  fuzzy training_utilisation/label-after  "
        "role share (rule default)  rejected: duplicate of a more confident reading of the same figure",
        "line 3 (fuzzy): 338 Number of Children with a Child Protection Plan",
        "    cp_plans = 338  2017-18 (financial_year) by title  fuzzy cp_plans/label-line  role level (rule default)  fact",
        "line 6 (fuzzy): 513 Children in Care",
        "    children_in_care = 513  2017-18 (financial_year) by title  fuzzy children_in_care/label-line  role level (rule default)  fact",
    ]


def test_explain_names_the_deciding_rule_and_each_rejection(library):
    text = ("Quarterly Performance Report, Quarter 3 2022/23\n"
            "There were 412 children in care at 31 December 2022, up from 398 at 30 September 2022.\n"
            "Referrals this quarter numbered 40000000.")
    lines = explain_page([text], None, 1, library)
    assert "    children_in_care = 412  2022-12-31 (as_at) by own_date -> sentence" in " | ".join(lines)
    assert any(ln.startswith("    children_in_care = 398  2022-09-30 (as_at) by comparison -> sentence")
               for ln in lines), lines
    assert any(ln.startswith("    referrals = 40000000") and "rejected: implausible value" in ln
               for ln in lines), lines


def test_explain_refuses_a_page_the_file_has_not(tmp_path):
    doc = tmp_path / "one.txt"
    doc.write_text("There were 412 children in care at 31 March 2023.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", str(doc), "--page", "3"])
    assert result.exit_code != 0 and "has 1 pages" in result.output


def test_explain_says_which_role_kept_a_figure_from_the_facts(library):
    text = "At 31 March 2023 there were 1,109 children on a child protection plan, an increase of 14 children."
    lines = explain_page([text], None, 1, library)
    assert any(ln.startswith("    cp_plans = 1,109") and ln.endswith("  fact") for ln in lines), lines
    assert any("= 14" in ln and "rejected: its role is change" in ln for ln in lines), lines


def test_explain_reads_a_page_as_extract_does_with_the_documents_own_terms(library):
    # "CWCF" names children in care only because page 1 defines it: explain must know that too
    pages = ["This report is about children we care for (CWCF).",
             "At 31 March 2023 there were 310 CWCF in Wexley."]
    lines = explain_page(pages, None, 2, library)
    assert any(ln.startswith("    children_in_care = 310") and ln.endswith("  fact") for ln in lines), lines


def test_explain_says_when_the_document_dates_a_figure_the_page_left_undated(library):
    from kpi_extract.explain import explain_page
    pages = ["Latest figures show that 214 children under five are looked after by the council.",
             "The latest figures (2021/22) show that 214 children under five are looked after."]
    report = "\n".join(explain_page(pages, None, 1, library))
    assert "then 2021-22 (financial_year) by restated (P10" in report
