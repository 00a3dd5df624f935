"""Tables set out with spaces in a text page (kpi_extract/textgrid.py): their rows keep their columns,
and the extractor reads them as it reads a PDF's table, by where each cell sits."""
from __future__ import annotations

from kpi_extract.layout import pipe_lines
from kpi_extract.normalise import normalise_text
from kpi_extract.pipeline import extract_text
from kpi_extract.textgrid import spaced_blocks, spaced_cells

# (invented, set out as many councils' text exports are: a header, a rule, labels wrapped over two lines)
DASHBOARD = """Appendix A: performance dashboard

  Measure                            Q1            Q2            Target     England
                                     Apr-Jun 2025  Jul-Sep 2025  2025/26
  ------------------------------------------------------------------------------
  Children in care (at quarter end)     598           612          590         -
  Children in care per 10,000
  children aged 0-17                    57.1          58.4         56.0        70
    England (31 March 2025)             70            70            -          -
  Referrals to children's social
  care (in quarter)                    1,304         1,226          -          -

The dashboard is updated each quarter."""


def test_a_rows_cells_are_where_they_start():
    assert spaced_cells("  Children in care (at quarter end)     598      612") == [
        (2, "Children in care (at quarter end)"), (40, "598"), (49, "612")]
    assert spaced_cells("Prose with one space between words. Then  two after a word.") == [
        (0, "Prose with one space between words. Then"), (42, "two after a word.")]
    assert spaced_cells("The end.  Next sentence after two spaces.") is None  # (a typist's two spaces)
    assert spaced_cells("Children in care | 598 | 612") is None  # (pipes are read elsewhere)


def test_a_block_runs_from_its_first_row_to_its_last_with_wrapped_labels_inside():
    lines = DASHBOARD.split("\n")
    assert [(b.start, b.stop) for b in spaced_blocks(lines)] == [(2, 11)]
    assert spaced_blocks(["Two columns of words  only here", "and here  too"]) == []  # no figures: no table


def test_normalising_keeps_a_tables_spacing_and_collapses_prose():
    text = normalise_text("Some   prose  here.\n\n" + "Children in care     598     612\nCIN     1,204     1,190\n")
    assert text.split("\n") == ["Some prose here.", "", "Children in care     598     612", "CIN     1,204     1,190"]


def test_a_dashboard_set_out_with_spaces_gives_its_actuals_only(library):
    got = {(f.kpi, float(f.value)) for f in extract_text(DASHBOARD, library)}
    assert got == {("children_in_care", 598.0), ("children_in_care", 612.0),
                   ("children_in_care_rate_per_10k", 57.1), ("children_in_care_rate_per_10k", 58.4),
                   ("referrals", 1304.0), ("referrals", 1226.0)}


def test_a_note_under_a_table_dates_it_as_a_caption_would(library):
    text = ("Children in need by team\nTeam | Number\nNorth | 812\nSouth | 744\nTotal | 1,556\n"
            "Source: case management system, snapshot 31/03/2024")
    got = {(f.kpi, float(f.value), f.subject, f.period) for f in extract_text(text, library)}
    assert got == {("children_in_need", 812.0, "North", "2024-03-31"), ("children_in_need", 744.0, "South", "2024-03-31"),
                   ("children_in_need", 1556.0, "", "2024-03-31")}


# a table as a text export writes it: pipes, a rule of dashes under a header of two lines, arrows typed as ^ and v
SCORECARD = """| Measure                       | 2024/25 | Sep 2024 | Sep 2025 | Target  | England | DoT |
|                               | outturn |          |          | 2025/26 |         |     |
|-------------------------------|---------|----------|----------|---------|---------|-----|
| Referrals to children's social care | 4,388 | 2,251 | 2,104 | - | - | v |
| Re-referrals within 12 months (%)   | 21.8  | 22.9  | 20.4  | 20.0 | 22.4 | ^ |"""


def test_a_pipe_table_with_a_rule_under_its_header_and_typed_arrows_reads_each_period(library):
    got = {(f.kpi, float(f.value), f.period) for f in extract_text(SCORECARD, library)}
    assert got == {("referrals", 4388.0, "2024-25"), ("referrals", 2251.0, "2024-09"), ("referrals", 2104.0, "2025-09"),
                   ("rereferral_rate", 21.8, "2024-25"), ("rereferral_rate", 22.9, "2024-09"),
                   ("rereferral_rate", 20.4, "2025-09")}


def test_a_column_of_episodes_is_what_is_counted_not_a_place(library):
    text = ("Children reported missing, 2024/25 | Episodes | Children\n"
            "Living at home | 576 | 259\nChildren in care | 612 | 143\nTotal | 1,188 | 402")
    assert extract_text(text, library) == []


def test_a_rule_of_dashes_is_a_blank_line_of_the_page_model():
    # a rule under a header is no row and no label: the model of the page keeps its place, empty
    lines = ["Team        Open cases   Target", "----------  ----------   ------", "North       212          180",
             "South       198          180"]
    model, rows = pipe_lines(lines)
    assert [ln.text for ln in model] == [" ".join(c for _, c in spaced_cells(lines[0])), " ", "North 212 180",
                                         "South 198 180"]
    piped = ["| Team | Open cases |", "|------|-----------|", "| North | 212 |", "| South | 198 |"]
    model, rows = pipe_lines(piped)
    assert model[1].text.strip() == "" and rows == {0, 1, 2, 3}


def test_a_table_the_text_reader_reads_only_in_part_is_read_as_geometry(library):
    # a header of two lines and a label wrapped under a row: the text tables read its first rows only
    # (and glue the second header line to the first label); the geometry reads every row, its trajectory
    # sub-row and its target and England columns aside
    text = ("Quarterly data pack\n\n"
            "    Indicator                              Jan-25   Feb-25   Mar-25   Target    England\n"
            "                                                                      2025/26   2023/24\n"
            "    Contacts to the front door              1,210    1,188    1,305      -         -\n"
            "    Assessments completed within\n"
            "      45 working days (%)                      81       84       86      90        82\n"
            "    Children in care                          388      391      395      -         -\n"
            "      trajectory                              385      380      376     360\n"
            "    Children in care per 10,000              90.1     90.8     91.7     84.0      70.0\n")
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == {
        ("children_in_care", "388", "2025-01"), ("children_in_care", "391", "2025-02"),
        ("children_in_care", "395", "2025-03"), ("children_in_care_rate_per_10k", "90.1", "2025-01"),
        ("children_in_care_rate_per_10k", "90.8", "2025-02"), ("children_in_care_rate_per_10k", "91.7", "2025-03")}


def test_a_page_that_counts_at_the_quarters_end_dates_its_quarter_columns_stocks_so(library):
    # the note says when the stocks are counted: as at each quarter's last day; the flow stays the quarter
    table = ("Measure | Q1 2025/26 | Q2 2025/26\n"
             "Children in care | 455 | 462\n"
             "Referrals to children's social care | 1,010 | 1,094\n")
    noted = "Snapshot measures are at the last day of the quarter; flows are for the quarter.\n\n" + table
    assert {(f.kpi, f.value, f.period) for f in extract_text(noted, library)} == {
        ("children_in_care", "455", "2025-06-30"), ("children_in_care", "462", "2025-09-30"),
        ("referrals", "1010", "2025-Q2"), ("referrals", "1094", "2025-Q3")}
    # without the note a stock under a quarter is that quarter's, and under a month always the month's
    assert ("children_in_care", "455", "2025-Q2") in {(f.kpi, f.value, f.period) for f in extract_text(table, library)}
    monthly = ("Children are counted on the last day of each month.\n\n"
               "Measure | Jul-25 | Aug-25\nChildren in care | 455 | 462\n")
    assert {(f.kpi, f.value, f.period) for f in extract_text(monthly, library)} == {
        ("children_in_care", "455", "2025-07"), ("children_in_care", "462", "2025-08")}


def test_a_stock_row_that_says_quarter_end_dates_its_quarter_columns_at_their_last_days(library):
    table = ("Ashvale - Quarterly Performance 2024/25\n\n"
             "                                   Q1       Q2\n"
             "Referrals                          1,140    1,206\n"
             "Children in care (quarter end)       562      571\n")
    assert {(f.kpi, f.value, f.period) for f in extract_text(table, library)} == {
        ("referrals", "1140", "2024-Q2"), ("referrals", "1206", "2024-Q3"),
        ("children_in_care", "562", "2024-06-30"), ("children_in_care", "571", "2024-09-30")}
    snapshot = ("Measure | Q1 2024/25 | Q2 2024/25\nChildren on a CP plan (snapshot, last day of quarter) | 288 | 301\n")
    assert {(f.kpi, f.value, f.period) for f in extract_text(snapshot, library)} == {
        ("cp_plans", "288", "2024-06-30"), ("cp_plans", "301", "2024-09-30")}


# (invented: a joint report's page exported with a blank line after each row, a label wrapped over two lines)
DOUBLE_SPACED = """Ashvale and Norbury Safeguarding Children Partnership - Annual Report 2024/25

                                           Ashvale          Norbury

Referrals to children's social care          3,410            2,205

Children in care at 31 March 2025              604              377

Children subject to a child protection
plan at 31 March 2025                          318              250"""


def test_a_table_with_a_blank_line_after_each_row_is_one_table(library):
    lines = DOUBLE_SPACED.split("\n")
    assert [(b.start, b.stop) for b in spaced_blocks(lines)] == [(2, 10)]
    got = {(f.kpi, float(f.value), f.subject, f.period) for f in extract_text(DOUBLE_SPACED, library)}
    assert got == {("referrals", 3410.0, "Ashvale", "2024-25"), ("referrals", 2205.0, "Norbury", "2024-25"),
                   ("children_in_care", 604.0, "Ashvale", "2025-03-31"), ("children_in_care", 377.0, "Norbury", "2025-03-31"),
                   ("cp_plans", 318.0, "Ashvale", "2025-03-31"), ("cp_plans", 250.0, "Norbury", "2025-03-31")}


def test_a_blank_line_still_parts_two_tables_set_out_close():
    lines = ["Income                 Budget     Actual", "Council               147,600    147,600",
             "Police                 38,200     38,200", "", "Expenditure", "Staffing              176,400    178,050",
             "Training               21,000     19,830"]
    assert [(b.start, b.stop) for b in spaced_blocks(lines)] == [(0, 3), (5, 7)]


def test_a_header_of_two_lines_over_a_blank_line_heads_the_rows_under_it():
    # "Full Year" over "Budget": its lines keep their spacing with the rows, so each word stays over its column
    lines = ["                              Full Year     Forecast    Variance",
             "Directorate                      Budget      Outturn   at Period 4",
             "",
             "Children and Learning            46,375       50,921       4,180",
             "Resources                        17,964       17,412        (390)"]
    assert [(b.start, b.stop) for b in spaced_blocks(lines)] == [(0, 5)]
