"""Tables, headings and blocks read from where text sits on the page.

Each page here is built run by run (text, x, y, type size, weight), the way PDFium hands a page
over, so every layout rule can be seen at work on a shape councils print: wrapped label cells,
area, measure, comparator, RAG and code columns, partner tables with `£` in every cell, a table
broken over two pages, headline figures with their labels, headings set in larger type, and
body text that only looks like a title.
"""
from __future__ import annotations

import pytest

from kpi_extract.context import build_context
from kpi_extract.geometry import classify_header, find_tables
from kpi_extract.layout import layout_page
from kpi_extract.library import load_library, require
from kpi_extract.matchers import MATCHERS, match_page
from kpi_extract.pagemodel import PageModel, Run
from kpi_extract.pages import prepare
from kpi_extract.pipeline import extract_pages
from kpi_extract.settings import Settings

SIZE = 9.0
CHAR = 4.6  # an average glyph's width at 9 pt


def run(x: float, y: float, text: str, size: float = SIZE, bold: bool = False) -> Run:
    return Run(text, x, y, x + len(text) * CHAR * size / SIZE, y + size, size, bold)


def cells(y: float, *pairs: tuple[float, str], size: float = SIZE, bold: bool = False) -> list[Run]:
    return [run(x, y, t, size, bold) for x, t in pairs]


def page(*rows: list[Run]) -> dict:
    return PageModel(595, 842, [r for row in rows for r in row]).to_json()


def facts_of(*pages: dict, title: str = "Annual Report 2021/22") -> set[tuple]:
    """(kpi, value, period, subject) of every fact of a document of these model pages."""
    lib = require(load_library(()))
    first = page(cells(40, (60, "Wexley Safeguarding Children Partnership"), size=14, bold=True),
                 cells(60, (60, title), size=14, bold=True))
    models = [first, *pages]
    raw = [""] * len(models)
    return {(f.kpi, f.value, f.period, f.subject) for f in extract_pages(raw, "t.pdf", lib, None, models)}


def tables_of(model: dict):
    pages = prepare([""], [model])
    return layout_page(1, pages[0].text, pages[0].lines).tables


def test_a_wrapped_label_with_its_figures_on_the_middle_line_is_one_row():
    t = tables_of(page(
        cells(100, (60, "Indicator"), (300, "2020/21"), (380, "2021/22"), (460, "Target")),
        cells(122, (60, "Children who became")),
        cells(133, (60, "subject to a child"), (300, "311"), (380, "352"), (460, "300")),
        cells(144, (60, "protection plan")),
        cells(170, (60, "Children in care"), (300, "402"), (380, "417"), (460, "n/a")),
    ))[0]
    assert [r.label for r in t.rows] == ["Children who became subject to a child protection plan", "Children in care"]
    assert t.kinds == ["period", "period", "comparator"]
    assert [r.cells for r in t.rows] == [["311", "352", "300"], ["402", "417", None]]


def test_a_number_inside_a_wrapped_label_does_not_lose_the_rows_after_it():
    found = facts_of(page(
        cells(100, (60, "Measure"), (300, "Mar-22"), (380, "Apr-22")),
        cells(120, (60, "Re-referrals within 12"), (300, "21.4%"), (380, "22.0%")),
        cells(131, (60, "months (%)")),
        cells(157, (60, "Children looked after"), (300, "455"), (380, "458")),
    ))
    assert {("rereferral_rate", "21.4", "2022-03", ""), ("rereferral_rate", "22", "2022-04", ""),
            ("children_in_care", "455", "2022-03", ""), ("children_in_care", "458", "2022-04", "")} <= found


def test_comparator_target_rag_and_code_columns_never_give_the_kpi():
    found = facts_of(page(
        cells(100, (60, "Ref"), (100, "Indicator"), (300, "Q1 22/23"), (360, "Q2 22/23"), (420, "Target"),
              (470, "England"), (520, "RAG")),
        cells(120, (60, "CS14"), (100, "Children on a CP plan"), (300, "287"), (360, "301"), (420, "280"),
              (470, "310"), (520, "Amber")),
    ))
    assert found == {("cp_plans", "287", "2022-Q2", ""), ("cp_plans", "301", "2022-Q3", "")}


def test_a_date_spanning_two_area_columns_dates_both():
    found = facts_of(page(
        cells(100, (300, "At 31 March 2022"), (420, "At 31 March 2023")),
        cells(112, (60, "Measure"), (290, "Northtown"), (350, "Southvale"), (410, "Northtown"), (470, "Southvale")),
        cells(130, (60, "Children in care"), (300, "341"), (360, "265"), (420, "352"), (480, "270")),
    ))
    assert found == {("children_in_care", "341", "2022-03-31", "Northtown"),
                     ("children_in_care", "265", "2022-03-31", "Southvale"),
                     ("children_in_care", "352", "2023-03-31", "Northtown"),
                     ("children_in_care", "270", "2023-03-31", "Southvale")}


def test_area_columns_name_the_subject_and_the_caption_dates_them():
    found = facts_of(page(
        cells(80, (60, "Table 2: Children looked after at 31 March 2022")),
        cells(100, (60, "Measure"), (300, "Northtown"), (380, "Southvale"), (460, "Total")),
        cells(120, (60, "Looked after children"), (300, "341"), (380, "265"), (460, "606")),
    ))
    assert found == {("children_in_care", "341", "2022-03-31", "Northtown"),
                     ("children_in_care", "265", "2022-03-31", "Southvale"),
                     ("children_in_care", "606", "2022-03-31", "")}


def test_measure_columns_decide_the_kpi_and_the_row_names_the_course():
    found = facts_of(page(
        cells(100, (60, "Course"), (300, "Sessions"), (370, "Places"), (440, "Attended")),
        cells(120, (60, "Neglect and the Graded Care"), (300, "14"), (370, "280"), (440, "236")),
        cells(131, (60, "Profile 2")),
        cells(157, (60, "Total"), (300, "14"), (370, "280"), (440, "236")),
    ))
    course = "Neglect and the Graded Care Profile 2"
    assert found == {("training_courses", "14", "2021-22", course), ("training_places_offered", "280", "2021-22", course),
                     ("training_delegates", "236", "2021-22", course), ("training_courses", "14", "2021-22", ""),
                     ("training_places_offered", "280", "2021-22", ""), ("training_delegates", "236", "2021-22", "")}


def test_a_partner_table_with_pounds_in_every_cell_and_a_total_row():
    found = facts_of(page(
        cells(100, (60, "Partner"), (330, "2021/22")),
        cells(120, (60, "Wexley Council"), (330, "£402,000")),
        cells(140, (60, "Police"), (330, "£61,000")),
        cells(160, (60, "Balance brought forward"), (330, "£20,000")),
        cells(180, (60, "Total"), (330, "£483,000")),
    ))
    # the balance brought forward is the partnership's carry forward, not a partner's contribution;
    # the Total under it takes the balance in, so it is not the partners' contributions (issue 7)
    assert found == {("agency_contribution", "402000", "2021-22", "Wexley Council"),
                     ("agency_contribution", "61000", "2021-22", "Police"),
                     ("budget_carry_forward", "20000", "2021-22", "")}


def test_a_partner_tables_share_column_is_not_read_as_money():
    found = facts_of(page(
        cells(80, (60, "Partnership budget 2022/23")),
        cells(100, (60, "Partner"), (300, "Contribution £"), (400, "Share %")),
        cells(120, (60, "Wexley Council"), (300, "196,480"), (400, "52")),
        cells(140, (60, "Wexley Police"), (300, "181,420"), (400, "48")),
        cells(160, (60, "Total contributions"), (300, "377,900"), (400, "100")),
    ))
    assert found == {("agency_contribution", "196480", "2022-23", "Wexley Council"),
                     ("agency_contribution", "181420", "2022-23", "Wexley Police"),
                     ("budget_contributions", "377900", "2022-23", "")}


def test_a_funding_table_with_the_balance_first():
    found = facts_of(page(
        cells(100, (60, "Funding 2024/25"), (330, "£")),
        cells(120, (60, "Balance brought forward"), (330, "41,200")),
        cells(140, (60, "Partner contributions"), (330, "562,000")),
        cells(160, (60, "Total"), (330, "603,200")),
    ))
    # the row named as the contributions is theirs, though it follows the balance; the Total takes both in
    assert found == {("budget_carry_forward", "41200", "2024-25", ""), ("budget_contributions", "562000", "2024-25", "")}


def test_bare_month_columns_are_the_months_of_the_year_above():
    found = facts_of(page(
        cells(80, (60, "Monthly data 2024/25")),
        cells(100, (60, "Measure"), (300, "Apr"), (360, "May"), (420, "Jun")),
        cells(120, (60, "Referrals"), (300, "344"), (360, "362"), (420, "351")),
    ))
    assert found == {("referrals", "344", "2024-04", ""), ("referrals", "362", "2024-05", ""),
                     ("referrals", "351", "2024-06", "")}


def test_bare_month_columns_are_the_months_of_the_span_or_before_the_day_above():
    # a span of months: its own months
    found = facts_of(page(
        cells(80, (60, "Monthly dashboard: November 2023 to January 2024")),
        cells(100, (60, "Measure"), (300, "Nov"), (360, "Dec"), (420, "Jan")),
        cells(120, (60, "Referrals"), (300, "312"), (360, "287"), (420, "330")),
    ))
    assert found == {("referrals", "312", "2023-11", ""), ("referrals", "287", "2023-12", ""),
                     ("referrals", "330", "2024-01", "")}
    # one day (a meeting): the last such months at or before it
    found = facts_of(page(
        cells(80, (60, "Tracker for the Corporate Parenting Panel, 6 February 2025")),
        cells(100, (60, "Measure"), (300, "Nov"), (360, "Dec"), (420, "Jan")),
        cells(120, (60, "Referrals"), (300, "298"), (360, "251"), (420, "306")),
    ))
    assert found == {("referrals", "298", "2024-11", ""), ("referrals", "251", "2024-12", ""),
                     ("referrals", "306", "2025-01", "")}
    # no year anywhere near: a month of no known year is no column to read, and never a place
    assert facts_of(page(
        cells(100, (60, "Measure"), (300, "Nov"), (360, "Dec"), (420, "Jan")),
        cells(120, (60, "Referrals"), (300, "298"), (360, "251"), (420, "306")),
    )) == set()


def test_a_table_whose_rows_are_periods_takes_its_kpis_from_the_column_headers():
    found = facts_of(page(
        cells(100, (60, "Month"), (260, "Contacts"), (340, "Referrals"), (420, "Re-referral %")),
        cells(120, (60, "May 2024"), (260, "1,377"), (340, "296"), (420, "18")),
        cells(140, (60, "June 2024"), (260, "1,402"), (340, "318"), (420, "22")),
    ))
    assert found == {("referrals", "296", "2024-05", ""), ("referrals", "318", "2024-06", ""),
                     ("rereferral_rate", "18", "2024-05", ""), ("rereferral_rate", "22", "2024-06", "")}
    # columns headed by places are places, not measures: nothing names a KPI there
    assert facts_of(page(
        cells(100, (60, "Year"), (300, "Walsall"), (380, "England")),
        cells(120, (60, "2022/23"), (300, "412"), (380, "43.2")),
        cells(140, (60, "2023/24"), (300, "398"), (380, "41.9")),
    )) == set()


def test_a_quarter_named_in_short_heads_its_row_and_cic_heads_children_in_care():
    # "Q1 2023/24" is a period, not a row code before its label; "CIC" is children in care
    found = facts_of(page(
        cells(100, (60, "Quarter"), (260, "Courses"), (340, "CIC")),
        cells(120, (60, "Q1 2023/24"), (260, "34"), (340, "421")),
        cells(140, (60, "Q2 2023/24"), (260, "29"), (340, "436")),
    ))
    assert found == {("training_courses", "34", "2023-Q2", ""), ("training_courses", "29", "2023-Q3", ""),
                     ("children_in_care", "421", "2023-Q2", ""), ("children_in_care", "436", "2023-Q3", "")}


def test_rows_that_only_say_what_of_the_kpi_the_label_column_is_headed_by():
    found = facts_of(page(
        cells(100, (60, "Looked after children"), (300, "Mar-23"), (380, "Mar-24")),
        cells(120, (60, "Number"), (300, "288"), (380, "301")),
        cells(140, (60, "Per 10,000"), (300, "52.3"), (380, "54.0")),
    ))
    assert found == {("children_in_care", "288", "2023-03", ""), ("children_in_care", "301", "2024-03", ""),
                     ("children_in_care_rate_per_10k", "52.3", "2023-03", ""),
                     ("children_in_care_rate_per_10k", "54", "2024-03", "")}


def test_a_ytd_column_after_months_is_the_year_to_the_last_month():
    found = facts_of(page(
        cells(100, (60, "Measure"), (300, "Apr-24"), (360, "May-24"), (420, "YTD")),
        cells(120, (60, "Referrals to children's social care"), (300, "348"), (360, "391"), (420, "739")),
    ))
    assert found == {("referrals", "348", "2024-04", ""), ("referrals", "391", "2024-05", ""),
                     ("referrals", "739", "2024-05", "")}


def test_a_table_broken_across_a_page_keeps_its_header():
    found = facts_of(
        page(cells(100, (60, "Indicator"), (300, "2020/21"), (380, "2021/22")),
             cells(120, (60, "Referrals"), (300, "3,512"), (380, "3,977")),
             cells(140, (60, "Children in need"), (300, "2,240"), (380, "2,198"))),
        page(cells(60, (60, "Children looked after"), (300, "371"), (380, "379")),
             cells(80, (60, "Children on a CP plan"), (300, "266"), (380, "289"))),
    )
    assert {("children_in_care", "371", "2020-21", ""), ("children_in_care", "379", "2021-22", ""),
            ("cp_plans", "266", "2020-21", ""), ("cp_plans", "289", "2021-22", "")} <= found


def test_headline_figures_stay_with_their_labels_and_apart_from_each_other():
    found = facts_of(page(
        cells(100, (60, "612"), size=22),
        cells(126, (60, "children subject to a child protection plan (2020/21: 580)")),
        cells(160, (60, "1,054"), size=22),
        cells(186, (60, "looked after children")),
    ))
    # the bracketed year of the first block does not reach the second
    assert ("children_in_care", "1054", "2021-22", "") in found


def test_headline_boxes_side_by_side_each_take_the_label_above_them():
    found = facts_of(page(
        cells(80, (60, "Position at 30 September 2022"), size=12, bold=True),
        cells(110, (60, "Children in need"), (220, "Child protection plans"), (380, "Children in care")),
        cells(124, (60, "1,874"), (220, "233"), (380, "318"), size=22),
    ))
    assert found == {("children_in_need", "1874", "2022-09-30", ""), ("cp_plans", "233", "2022-09-30", ""),
                     ("children_in_care", "318", "2022-09-30", "")}


def test_a_body_line_that_begins_like_a_title_dates_nothing():
    body = "Annual Report 2019/20 was the last one of the old board, and this report follows its format."
    model = page(cells(40, (60, "Wexley Council"), size=14, bold=True),
                 cells(60, (60, "Children's Services Annual Report 2022/23"), size=14, bold=True),
                 cells(100, (60, "The partnership was set up in 2019 to replace the board and the")),
                 cells(111, (60, body)),
                 cells(122, (60, "There were 388 children looked after at the end of the year, and more")),
                 cells(133, (60, "care leavers than ever.")))
    pages = prepare([""], [model])
    ctx = build_context([p.text for p in pages], "t.pdf", [p.lines for p in pages])
    assert [p.label for _, _, p in ctx.titles] == ["2022-23"]
    assert ctx.headings == []


def test_a_dateline_is_not_a_heading():
    model = page(cells(40, (60, "Children's Services Performance Report"), size=14, bold=True),
                 cells(60, (60, "Presented to the Executive, November 2022"), size=12, bold=True),
                 cells(100, (60, "There were 388 children looked after.")))
    pages = prepare([""], [model])
    ctx = build_context([p.text for p in pages], "t.pdf", [p.lines for p in pages])
    assert ctx.headings == [] and ctx.titles == []


def test_a_sentence_never_jumps_between_two_columns():
    left = ["The partnership trained more staff than", "ever before this year, with 1,204",
            "delegates attending its courses."]
    right = ["Referrals to the front door fell in the", "second half of the year as schools",
             "closed and then reopened in turn."]
    model = page(*[cells(100 + 11 * k, (60, a), (320, b)) for k, (a, b) in enumerate(zip(left, right))])
    pages = prepare([""], [model])
    sentences = [s.text for s in layout_page(1, pages[0].text, pages[0].lines).sentences]
    assert sentences == [" ".join(left), " ".join(right)]


def test_headings_are_lines_set_larger_or_bolder_than_the_body():
    model = page(cells(40, (60, "Annual Report 2021/22"), size=16, bold=True),
                 cells(70, (60, "How well are children protected?"), bold=True),
                 cells(90, (60, "Body text that runs on for a while and ends here.")))
    lines = prepare([""], [model])[0].lines
    assert [ln.heading for ln in lines] == [True, True, False]


@pytest.mark.parametrize("header, body, kind", [
    ("2021/22", ["12", "14"], "period"), ("Q3 2022/23", ["1"], "period"), ("Target", ["12"], "comparator"),
    ("Stat. nbrs", ["40.1"], "comparator"), ("England", ["43"], "comparator"), ("DoT", ["↑", "↓"], "comparator"),
    ("", ["Green", "Amber"], "comparator"), ("Ref", ["CS14", "CS15"], "code"), ("", ["PI 3", "NI 62"], "code"),
    ("Northtown", ["341"], "area"), ("Total", ["606"], "total"), ("Places", ["280"], "measure"),
    ("Attended", ["236"], "measure"),
])
def test_column_headers_are_typed(header, body, kind):
    assert classify_header(header, body)[0] == kind


def test_settings_are_checked_and_matchers_share_one_registry():
    with pytest.raises(ValueError, match="cell_gap"):
        Settings(cell_gap=0)
    with pytest.raises(ValueError, match="confidence"):
        Settings(table_confidence=1.5)
    assert list(MATCHERS) == ["regex", "table", "finance", "lexicon", "fuzzy", "parts"]
    lib = require(load_library(()))
    model = page(cells(100, (60, "Indicator"), (300, "2020/21"), (380, "2021/22")),
                 cells(120, (60, "Children in care"), (300, "402"), (380, "417")))
    pages = prepare([""], [model])
    layout = layout_page(1, pages[0].text, pages[0].lines)
    strict = [c for c in match_page(layout, lib, Settings(table_confidence=0.5)) if c.method == "table"]
    assert {c.score for c in strict} == {0.5}
    wide = find_tables(pages[0].lines, Settings(cell_gap=100))  # every run of a line one cell: no table
    assert wide == []


def test_a_caption_over_a_blank_line_breaks_its_kpi_down_by_the_rows_it_heads():
    # "Table 2: ... by legal status", an empty line, then a table set out with pipes: each row is a part
    # of the caption's KPI at each column's date, the Total row the whole; the % column is no count
    text = ("Table 2: Children looked after by legal status\n\nLegal status | 30 September 2025 | % | 31 March 2025\n"
            "Care order | 402 | 71.4 | 395\nSection 20 | 98 | 17.4 | 104\nPlacement order | 63 | 11.2 | 58\n"
            "Total | 563 | 100 | 557\n")
    lib = require(load_library())
    got = {(f.kpi, f.value, f.period, f.subject) for f in extract_pages([text], "t.txt", lib)}
    assert got == {("children_in_care", v, p, s) for v, p, s in (
        ("402", "2025-09-30", "Care order"), ("395", "2025-03-31", "Care order"),
        ("98", "2025-09-30", "Section 20"), ("104", "2025-03-31", "Section 20"),
        ("63", "2025-09-30", "Placement order"), ("58", "2025-03-31", "Placement order"),
        ("563", "2025-09-30", ""), ("557", "2025-03-31", ""))}


def test_a_legend_defines_a_column_by_its_header_and_nothing_else():
    from datetime import date
    from kpi_extract.geometry import legend_period
    from kpi_extract.periods import as_at
    key = ["Key: Current = position at 31 August 2025; Previous = position at 31 July 2025; Target = 2025/26 target."]
    assert legend_period("Previous", key) == as_at(date(2025, 7, 31))
    assert legend_period("Current", key) == as_at(date(2025, 8, 31))
    assert legend_period("Latest", key) is None  # no column of that name in the key
    assert legend_period("This year", ['"This year" = 2024/25; "Last year" = 2023/24.']).label == "2024-25"


def test_a_finance_tables_header_stacked_over_three_lines_is_read_by_where_its_words_sit():
    # "Annual" over "Budget", "Budget" over "to Date", "Forecast" over "Outturn" over "Variance": each column's words
    # sit over its figures, so only the year's budget is read, not the budget profiled to date
    def right(x1: float, y: float, text: str) -> Run:  # figures set flush right in their column
        return run(x1 - len(text) * CHAR, y, text)

    rows = [cells(100, (60, "Table 1: Net spending by department at 30 September 2025 (£000)")),
            cells(120, (60, "Department"), (250, "Annual"), (310, "Budget"), (370, "Forecast")),
            cells(131, (250, "Budget"), (310, "to Date"), (370, "Outturn")),
            cells(142, (370, "Variance"))]
    for y, (label, *figures) in zip((156, 168, 180), [("Children's Services", "51,830", "25,915", "(2,980)"),
                                                      ("Place", "20,114", "10,057", "412"),
                                                      ("Total", "71,944", "35,972", "(2,568)")]):
        rows.append([run(60, y, label)] + [right(x1, y, t) for x1, t in zip((284, 344, 410), figures)])
    assert {f for f in facts_of(page(*rows), title="Revenue Monitoring 2025/26 - Quarter 2")
            if f[0] == "budget_total"} == {("budget_total", "51830000", "2025-26", "Children's Services"),
                                           ("budget_total", "20114000", "2025-26", "Place"),
                                           ("budget_total", "71944000", "2025-26", "")}
