"""Text tables and sentences, from the lines extraction gives."""
import pytest

from kpi_extract.layout import contents_lines, find_tables, sentences

from conftest import TABLE

PLUMBER = ("Child Protection Data\n" + TABLE + "\nThe number of children in care has fluctuated.").split("\n")

PDFIUM = """Mar-15 Mar-16 Mar-17
No of Children on Child
Protection Plans
268 301 322
Rate per 10k 39.8 44.3 47.1""".split("\n")


def read(text, library, *fields):
    """Each fact the pipeline reads from a text, as the tuple of the named fields."""
    from kpi_extract.pipeline import extract_text
    return {tuple(getattr(f, k) for k in fields) for f in extract_text(text, library)}


def rows(lines):
    (table,) = find_tables(lines)
    return [p.label for p in table.periods], [(r.label, r.cells) for r in table.rows]


def test_table_with_label_wrapped_after_its_row():
    periods, got = rows(PLUMBER)
    assert periods == ["2015-03", "2016-03", "2017-03"]
    assert got == [
        ("No of Children on Child Protection Plans", ["268", "301", "322"]),
        ("Rate per 10k", ["39.8", "44.3", "47.1"]),
        ("No of Children on Child in Need Plans", [None, "1,846", "1,912"]),
        ("Rate per 10k", [None, "271.9", "279.9"]),
    ]


def test_table_with_label_before_its_cells():
    assert rows(PDFIUM)[1] == [("No of Children on Child Protection Plans", ["268", "301", "322"]),
                               ("Rate per 10k", ["39.8", "44.3", "47.1"])]


def test_sentences_follow_the_prose_not_the_lines():
    lines = ["Course utilisation stayed high at 92% during 2016/17 compared to 87% during the",
             "previous year (Figures 40 and 41). In addition the Sub-Group secured five places.",
             "Learning & Development",
             "\u2022 Observing and evaluating training courses during 2016/2017",
             "Demand for training remained high during 2017/2018."]
    got = [s.text for s in sentences(lines)]
    assert got == [
        "Course utilisation stayed high at 92% during 2016/17 compared to 87% during the previous year (Figures 40 and 41).",
        "In addition the Sub-Group secured five places.",
        "Learning & Development",
        "\u2022 Observing and evaluating training courses during 2016/2017",
        "Demand for training remained high during 2017/2018.",
    ]


def test_a_list_of_label_and_figure_lines_is_one_item_a_line():
    lines = ["Children subject to a child protection plan \u2013 288", "Children in need \u2013 1,402",
             "Children looked after \u2013 331", "Balance brought forward from 2023/24 | \u00a331,480",
             "The figures rose again in the autumn, as in 2023 and",
             "Children's social care expects them to go on rising."]
    assert [s.text for s in sentences(lines)] == [
        "Children subject to a child protection plan \u2013 288", "Children in need \u2013 1,402",
        "Children looked after \u2013 331", "Balance brought forward from 2023/24 | \u00a331,480",
        "The figures rose again in the autumn, as in 2023 and Children's social care expects them to go on rising."]


def test_a_list_of_contents_is_titles_and_page_numbers_never_figures(library):
    from kpi_extract.pipeline import extract_text
    lines = ["Contents", "Children in care 12", "Child protection plans | 17", "", "1. Introduction",
             "Referrals to children's social care ........ 23", "In 2023/24 there were 4,102 referrals."]
    assert contents_lines(lines) == {1, 2, 5}
    got = {(f.kpi, f.value) for f in extract_text("\n".join(lines), library)}
    assert got == {("referrals", "4102")}


def test_a_pictograph_or_a_shape_is_a_bullet_that_starts_an_item():
    lines = ["\U0001F4CC 498 children in our care on 31 March 2024",
             "\U0001F4CC our adoption team placed 19 children with families", "\u25aa 41 foster carers approved"]
    assert [s.text for s in sentences(lines)] == lines


def test_sentence_knows_its_lines():
    (s,) = sentences(["There were 611 children", "subject to a CP plan."])
    assert s.line_at(0) == 0 and s.line_at(s.text.index("subject")) == 1


def test_a_date_split_over_a_line_end_is_no_numbered_item():
    got = [s.text for s in sentences(["The number of children looked after rose to 1,098 at",
                                      "31 December 2023, from 1,021 a year earlier.", "2 The board met four times."])]
    assert got == ["The number of children looked after rose to 1,098 at 31 December 2023, from 1,021 a year earlier.",
                   "2 The board met four times."]


def test_a_table_set_out_with_pipes_is_read_as_one_set_out_with_spaces():
    from kpi_extract.layout import layout_page
    layout = layout_page(1, "Indicator | Mar-23 | Mar-24\nChildren looked after | 402 | 431\nReferrals | 1,210 | 1,305")
    (table,) = layout.tables
    assert [p.label for p in table.periods] == ["2023-03", "2024-03"]
    assert [(r.label, r.cells) for r in table.rows] == [("Children looked after", ["402", "431"]),
                                                         ("Referrals", ["1,210", "1,305"])]


def test_a_line_ending_on_a_verb_runs_on_into_the_figure_even_in_a_numbered_paragraph():
    got = [s.text for s in sentences(["4.3 The partners' contributions for FY 2020/21 totalled", "£318,000.",
                                      "5. Education and SEND"])]
    assert got[0] == "4.3 The partners' contributions for FY 2020/21 totalled £318,000."


def test_bare_quarter_columns_take_the_year_of_the_quarter_their_caption_names():
    from kpi_extract.layout import header_columns
    caption = ["Front door scorecard - Quarter 3 2023/24 (October - December 2023)", ""]
    columns = header_columns("Indicator                      Q2       Q3      Target   England", caption)
    assert [(c.period.label if c.period else None, c.name) for c in columns] == [
        ("2023-Q3", "Q2"), ("2023-Q4", "Q3"), (None, "Target"), (None, "England")]


def test_a_header_in_columns_keeps_each_cell_its_own_column():
    """'2024/25' then 'Q1' in cells of their own are the last year's column and the caption's first
    quarter (not 'Q1 2024/25'), and 'East Mids' in one cell is one column."""
    from kpi_extract.layout import header_columns, unpiped
    caption = ["Table 4: Early help and social care measures, 2025/26", ""]
    line = unpiped("Measure                  | 2024/25 |   Q1  |   Q2  | Target | England | East Mids | RAG")
    assert [(c.period.label if c.period else None, c.name) for c in header_columns(line, caption)] == [
        ("2024-25", "2024/25"), ("2025-Q2", "Q1"), ("2025-Q3", "Q2"), (None, "Target"), (None, "England"),
        (None, "East Mids"), (None, "RAG")]


def test_a_rule_that_crosses_the_columns_with_plus_signs_is_no_end_of_the_table(library):
    from kpi_extract.pipeline import extract_text
    text = ("Table 4: Early help and social care measures, 2025/26\n"
            "\n"
            "Measure                       | 2024/25 |   Q1  |   Q2  | Target | RAG\n"
            "                              | outturn |       |       |        |\n"
            "------------------------------+---------+-------+-------+--------+----\n"
            "Referrals to social care      |   9,412 | 2,380 | 2,255 |    -   |  -\n"
            "Children in care              |     611 |   618 |   629 |   600  |  A\n")
    got = {(f.kpi, f.value, f.period) for f in extract_text(text, library)}
    assert {("referrals", "9412", "2024-25"), ("referrals", "2380", "2025-Q2"), ("referrals", "2255", "2025-Q3"),
            ("children_in_care", "618", "2025-Q2"), ("children_in_care", "629", "2025-Q3")} <= got
    assert not any(v in ("600",) for _, v, _ in got)


def test_a_bare_quarters_year_may_come_from_a_caption_a_few_lines_up(library):
    from kpi_extract.pipeline import extract_text
    text = ("Children's social care scorecard, Quarter 2 2024/25\n"
            "Source: case management system, extracted 7 October 2024\n"
            "\n"
            "                         Q1       Q2\n"
            "Referrals               1,204    1,187\n")
    got = {(f.kpi, f.value, f.period) for f in extract_text(text, library)}
    assert got == {("referrals", "1204", "2024-Q2"), ("referrals", "1187", "2024-Q3")}


def test_bare_month_columns_take_the_year_their_caption_names():
    from kpi_extract.layout import header_columns

    def read(line, caption):
        return [(c.period.label if c.period else None, c.name) for c in header_columns(line, caption) or []]
    # a financial year runs April to March (its year to date labelled by the month it ends); a calendar
    # year's months run on into the next when they wrap
    assert read("Oct   Nov   Dec   Jan   YTD", ["Contacts and referrals, 2023/24", ""]) == [
        ("2023-10", "Oct"), ("2023-11", "Nov"), ("2023-12", "Dec"), ("2024-01", "Jan"), ("2024-01", "YTD")]
    assert read("November December January", ["Winter pressures 2022"]) == [
        ("2022-11", "November"), ("2022-12", "December"), ("2023-01", "January")]
    assert read("April May June Quarter 1", ["Quarter 1 2025/26 front door report"]) == [
        ("2025-04", "April"), ("2025-05", "May"), ("2025-06", "June"), ("2025-Q2", "Quarter 1")]
    assert read("Jan Feb Mar", ["Children looked after by month"]) == []  # no year: no header


def test_bare_month_columns_of_a_piped_table_take_the_bare_year_their_caption_ends_on(library):
    from kpi_extract.pipeline import extract_text
    text = ("Westvale - children in care, month-end figures, 2025\n"
            " | July | August | September\n"
            "Children in care | 604 | 611 | 598\n")
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == {
        ("children_in_care", "604", "2025-07"), ("children_in_care", "611", "2025-08"),
        ("children_in_care", "598", "2025-09")}


@pytest.mark.parametrize("caption, header, row", [
    ("Westvale - front door activity, calendar year 2025", "Measure | Q1 | Q2 | Q3", "Referrals | 702 | 688 | 731"),
    ("Westvale - referrals by calendar quarter, 2025", "                Q1      Q2      Q3", "Referrals       702     688     731"),
    # (one row of figures with no label: the caption, less its "by ..." and its bare year, names their KPI)
    ("Referrals by calendar quarter, 2025", "Q1 | Q2 | Q3", "702 | 688 | 731"),
])
def test_bare_quarters_under_a_calendar_years_caption_are_its_calendar_quarters(caption, header, row, library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(f"{caption}\n{header}\n{row}\n", library)}
    assert got == {("referrals", "702", "2025-Q1"), ("referrals", "688", "2025-Q2"), ("referrals", "731", "2025-Q3")}


def test_bare_quarters_set_latest_first_under_a_captions_quarter_go_back_from_it(library):
    # a scorecard that sets its latest quarter first: "Q2" after "Q3" is the quarter before, not next year's
    from kpi_extract.pipeline import extract_text
    text = ("Westvale - children's scorecard, Quarter 3 2025/26\n"
            "Measure | Q3 | Q2 | Q1\n"
            "Referrals | 702 | 688 | 731\n")
    assert {(f.value, f.period) for f in extract_text(text, library)} == {
        ("702", "2025-Q4"), ("688", "2025-Q3"), ("731", "2025-Q2")}


def test_a_title_is_no_header_of_the_one_pipe_row_under_it(library):
    from kpi_extract.pipeline import extract_text
    text = ("Quarter 3 2023/24 scorecard (position at 31 December 2023)\n"
            "Children in care | 512 | Target 480 | England 70 | Red")
    assert {(f.kpi, f.value) for f in extract_text(text, library)} == {("children_in_care", "512")}


def test_qtr_columns_and_bare_quarter_months_under_a_years_caption_are_quarters(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.value, f.period) for f in extract_text(" | Qtr 1 2023-24 | Qtr 2 2023-24\nReferrals in quarter | 1,210 "
                                                      "| 1,187", library)}
    assert got == {("1210", "2023-Q2"), ("1187", "2023-Q3")}
    got = {(f.kpi, f.value, f.period, f.subject) for f in extract_text(
        "Training activity 2022/23\n | Apr-Jun | Jul-Sep\nCourses delivered | 19 | 25\nDelegates | 402 | 530", library)}
    assert got == {("training_courses", "19", "2022-Q2", ""), ("training_courses", "25", "2022-Q3", ""),
                   ("training_delegates", "402", "2022-Q2", ""), ("training_delegates", "530", "2022-Q3", "")}


def test_a_label_column_headed_by_a_rates_unit_makes_its_rows_rates(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value) for f in extract_text("Rate per 10,000 children | Q1 24/25 | Q2 24/25\nChildren in care "
                                                   "| 74 | 76\nChild protection plans | 39 | 41", library)}
    assert got == {("children_in_care_rate_per_10k", "74"), ("children_in_care_rate_per_10k", "76"),
                   ("cp_plans_rate_per_10k", "39"), ("cp_plans_rate_per_10k", "41")}


def test_a_targets_band_in_a_row_is_one_more_value_not_the_end_of_its_label(library):
    # "310-350" after the row's figures is its target's band: the row is still a row of figures, and the
    # rows below it are read under the same header; bands alone ("0-4 | 5-9") still head a table
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Indicator | 31/12/2023 | 31/12/2022 | Target | England | RAG\n"
        "Children on a child protection plan | 322 | 344 | 310-350 | - | G\n"
        "Children looked after | 415 | 398 | - | - | n/a", library)}
    assert got == {("cp_plans", "322", "2023-12-31"), ("cp_plans", "344", "2022-12-31"),
                   ("children_in_care", "415", "2023-12-31"), ("children_in_care", "398", "2022-12-31")}


def test_a_years_to_date_column_after_quarter_columns_ends_with_the_last_quarter(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Measure | Q1 2023/24 | Q2 2023/24 | 2023/24 to date | Target\nReferrals to children's social care | 401 | 388 "
        "| 789 | -", library)}
    assert got == {("referrals", "401", "2023-Q2"), ("referrals", "388", "2023-Q3"), ("referrals", "789", "2023-09")}


def test_a_column_of_referrals_by_source_is_referrals_never_contributions(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.subject) for f in extract_text(
        "Table 4: Referrals to children's social care by source, 2024/25\n\nSource | Referrals | % of total\n"
        "Police | 1,340 | 31%\nSchools | 1,010 | 23%\nTotal | 4,320 | 100%", library)}
    assert got == {("referrals", "4320", ""), ("referrals", "1340", "Police"), ("referrals", "1010", "Schools")}


def test_a_rows_label_wrapped_onto_a_line_under_it_keeps_the_table(library):
    # "(at 31 March)" under a row set out with pipes is the rest of its label, not the table's end: every
    # row is read, and the wrapped row's date is the 31 March of its column's year
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Indicator | 2021/22 | 2022/23 | England 2021/22\n"
        "Referrals to children's social care | 4,210 | 4,388 | -\n"
        "Child protection plans, rate per 10,000 | 39.5 | 41.0 | 42.1\n"
        "(at 31 March)\n", library)}
    assert got == {("referrals", "4210", "2021-22"), ("referrals", "4388", "2022-23"),
                   ("cp_plans_rate_per_10k", "39.5", "2022-03-31"), ("cp_plans_rate_per_10k", "41", "2023-03-31")}


def test_a_rows_label_wrapped_between_two_rows_set_out_with_pipes_keeps_one_table(library):
    # "(rolling 12 months)" between two rows set out with pipes is the rest of the first's label: the rows under it
    # keep the header's columns, each figure under its own month or quarter
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Scorecard, Quarter 2 2016/17\n\n"
        "Ref Measure | Jul-16 | Aug-16 | Sep-16 | Q2 2016/17 | England\n"
        "B1 Referral rate per 10,000 children | 412.0 | 409.5 | 408.8 | - | 532.2\n"
        "(rolling 12 months)\n"
        "B2 Children who became subject to a child | 21 | 18 | 25 | 64 | -\n"
        "protection plan\n"
        "B3 Re-referrals within 12 months (%) | 17.2 | 19.9 | 18.4 | 18.5 | 22.4\n", library)}
    assert got == {("cp_plans_started", "21", "2016-07"), ("cp_plans_started", "18", "2016-08"),
                   ("cp_plans_started", "25", "2016-09"), ("cp_plans_started", "64", "2016-Q3"),
                   ("rereferral_rate", "17.2", "2016-07"), ("rereferral_rate", "19.9", "2016-08"),
                   ("rereferral_rate", "18.4", "2016-09"), ("rereferral_rate", "18.5", "2016-Q3")}


@pytest.mark.parametrize("table", [
    "| Measure | Q1 (Apr-Jun 25) | Q2 (Jul-Sep 25) | 2024/25 |\n|---|---|---|---|\n| Referrals | 1,210 | 1,188 | 4,960 |\n",
    "Measure          Q1 (Apr-Jun 25)   Q2 (Jul-Sep 25)   2024/25\nReferrals                  1,210             1,188     4,960\n",
])
def test_a_quarter_with_its_months_in_brackets_is_the_months_quarter(table, library):
    # "Q1 (Apr-Jun 25)" is one column, of the year its months name, not the year a caption names
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text("Front door report 2023/24\n\n" + table, library)}
    assert got == {("referrals", "1210", "2025-Q2"), ("referrals", "1188", "2025-Q3"), ("referrals", "4960", "2024-25")}


def test_a_stock_row_counted_at_each_quarters_end_and_the_total_row_of_a_breakdown(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period, f.subject) for f in extract_text(
        "Ashby Council - Children's Scrutiny\n\n| Measure | Q2 2025/26 | Q1 2025/26 | Target |\n|---|---|---|---|\n"
        "| Children in need (at quarter end) | 1,804 | 1,766 | - |\n", library)}
    assert got == {("children_in_need", "1804", "2025-09-30", ""), ("children_in_need", "1766", "2025-06-30", "")}
    got = {(f.value, f.subject) for f in extract_text(
        "Ashby Council - Front door report 2024/25\n\n| Source of referral | Referrals | Share |\n|---|---|---|\n"
        "| Police | 1,210 | 30% |\n| Schools | 990 | 25% |\n| All sources | 4,012 | 100% |\n", library)}
    assert got == {("1210", "Police"), ("990", "Schools"), ("4012", "")}


@pytest.mark.parametrize("page", [
    # the page's note says when its stocks are counted, a list of them in brackets and a line's end between
    "Ashby Council - Scorecard, Q2 2025/26\n\n| Measure | Q1 2025-26 | Q2 2025-26 |\n|---|---|---|\n"
    "| Children in care | 512 | 520 |\n| Referrals | 1,020 | 990 |\n\nNotes\n"
    "Stock measures (children in need, children in care) and their\nrates are counted on the last day of the period.\n",
    # a line of days under the quarters' names
    "Ashby Council - Scorecard, Q2 2025/26\n\n                  Q1 2025/26     Q2 2025/26\n"
    "                 (30 Jun 25)    (30 Sep 25)\nChildren in care          512            520\n"
    "Referrals               1,020            990\n",
])
def test_stocks_under_quarter_columns_counted_on_the_quarters_last_days(page, library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(page, library)}
    assert got == {("children_in_care", "512", "2025-06-30"), ("children_in_care", "520", "2025-09-30"),
                   ("referrals", "1020", "2025-Q2"), ("referrals", "990", "2025-Q3")}


def test_a_title_line_over_a_sentence_is_a_heading_whatever_its_length():
    # a letterhead as long as the one sentence under it: nothing but its words says it is a title
    lines = ["Norfolk County Council - People and Communities Committee",
             "In Suffolk there were 940 children looked after in March.",
             "The figures were reported to the",
             "Corporate Parenting Board in May."]
    assert [s.text for s in sentences(lines)] == [
        "Norfolk County Council - People and Communities Committee",
        "In Suffolk there were 940 children looked after in March.",
        "The figures were reported to the Corporate Parenting Board in May."]


def test_a_header_wrapped_over_two_lines_keeps_its_rates_base_in_the_header(library):
    # "Rate per" over "10,000" is one header cell set over two lines: its second line is no row of figures,
    # and the rows under it are read by the whole header
    text = ("Table 4: Children looked after by area, 31 March 2025\n\n"
            "Area                 Looked after   Rate per\n"
            "                     children       10,000\n"
            "Northgate                 214         71.3\n"
            "Southmoor                 187         58.9\n")
    got = read(text, library, "kpi", "value", "subject", "period")
    assert got == {("children_in_care", "214", "Northgate", "2025-03-31"),
                   ("children_in_care_rate_per_10k", "71.3", "Northgate", "2025-03-31"),
                   ("children_in_care", "187", "Southmoor", "2025-03-31"),
                   ("children_in_care_rate_per_10k", "58.9", "Southmoor", "2025-03-31")}


def test_columns_of_two_stocks_each_with_its_rate_beside_it_by_locality(library):
    # the caption names both stocks, so neither is every column's: each column's header names its own
    # stock, and a bare "Rate per 10,000" is the rate of the stock to its left
    text = ("Children in care and children on protection plans by locality, 30 June 2025\n"
            "Locality | Children looked after | Rate per 10,000 | Children subject to a CP plan | Rate per 10,000\n"
            "Eastfield | 120 | 64.2 | 88 | 46.9\n"
            "Westbury | 95 | 52.5 | 70 | 38.7")
    got = read(text, library, "kpi", "value", "subject")
    assert got == {("children_in_care", "120", "Eastfield"), ("children_in_care_rate_per_10k", "64.2", "Eastfield"),
                   ("cp_plans", "88", "Eastfield"), ("cp_plans_rate_per_10k", "46.9", "Eastfield"),
                   ("children_in_care", "95", "Westbury"), ("children_in_care_rate_per_10k", "52.5", "Westbury"),
                   ("cp_plans", "70", "Westbury"), ("cp_plans_rate_per_10k", "38.7", "Westbury")}


def test_bare_months_beside_last_years_outturn_are_of_the_quarter_the_caption_names(library):
    # the header's own "2022/23 actual" column is last year's; the months after it are the caption's quarter's
    text = ("Scorecard: Quarter 2 2023/24\n\n"
            "                          2022/23                              Stat\n"
            "Indicator                  actual      Jul      Aug      Sep   nbrs\n"
            "Children looked after        512      518      521      527    498\n"
            "Referrals received         4,120      350      336      362      -\n")
    got = read(text, library, "kpi", "value", "period")
    assert got == {("children_in_care", "512", "2022-23"), ("children_in_care", "518", "2023-07"),
                   ("children_in_care", "521", "2023-08"), ("children_in_care", "527", "2023-09"),
                   ("referrals", "4120", "2022-23"), ("referrals", "350", "2023-07"),
                   ("referrals", "336", "2023-08"), ("referrals", "362", "2023-09")}


def test_a_row_labels_bare_quarter_in_brackets_dates_its_flow_beside_stocks_at_a_day(library):
    # the table's day dates its stocks; a row that says "(Q2)" is that quarter's total, of the day's year
    text = ("Locality summary at 30 September 2025\n"
            "Measure | North | South | All\n"
            "Children in care | 210 | 188 | 398\n"
            "Referrals received (Q2) | 402 | 377 | 779")
    got = {fact[:3] for fact in read(text, library, "kpi", "value", "period", "subject") if fact[3] in ("", "All")}
    assert got == {("children_in_care", "398", "2025-09-30"), ("referrals", "779", "2025-Q3")}


def test_rows_of_months_with_no_year_are_the_months_of_the_captions_financial_year(library):
    # a table turned the other way: its rows are months, its columns the measures; January to March of a
    # financial year are in its second calendar year
    text = ("Front door activity 2024/25\n"
            "Month | Referrals | Re-referrals (%)\n"
            "December | 412 | 19.4\n"
            "January | 455 | 21.3")
    got = read(text, library, "kpi", "value", "period")
    assert got == {("referrals", "412", "2024-12"), ("rereferral_rate", "19.4", "2024-12"),
                   ("referrals", "455", "2025-01"), ("rereferral_rate", "21.3", "2025-01")}


def test_a_note_under_a_table_with_two_dates_dates_it_by_the_one_its_figures_are_at(library):
    # "extracted 6 April 2025; position at 31 March 2025": the position is the figures' day
    text = ("| Locality | Children in care |\n| North | 212 |\n| South | 187 |\n"
            "Source: social care record, extracted 6 April 2025; position at 31 March 2025.")
    got = read(text, library, "kpi", "value", "subject", "period")
    assert got == {("children_in_care", "212", "North", "2025-03-31"), ("children_in_care", "187", "South", "2025-03-31")}


def test_the_one_place_among_comparators_rows_under_a_rate_caption_is_the_papers_own_rate(library):
    # "Torbay | 64" over "Statistical neighbours | 59" and "England | 70" under "Children in care per 10,000 at
    # 31 March 2017", in Torbay's paper: Torbay's rate, its whole figure; the comparators' rows give nothing
    from kpi_extract.pipeline import extract_text
    table = ("Children in care per 10,000 at 31 March 2017\n"
             "Torbay                 | 64\nStatistical neighbours | 59\nEngland                | 70\n")
    got = {(f.kpi, f.value, f.period, f.subject) for f in extract_text(
        "Torbay Council - Corporate Parenting Board, 4 July 2017\n" + table, library)}
    assert got == {("children_in_care_rate_per_10k", "64", "2017-03-31", "")}
    # in another council's paper the one place is the paper's comparator, no figure of its own
    assert extract_text("Plymouth City Council - Corporate Parenting Board, 4 July 2017\n" + table, library) == []


def test_a_footnote_straight_under_a_table_set_out_with_pipes_keeps_the_table(library):
    # "* Latest = position at 28 February 2017." straight under the rows: a note the table's marked column takes its
    # day from, not a row the table had to refuse
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Eastmere Children's Services scorecard\n"
        "Measure | 2015/16 outturn | Latest* | Target\n"
        "Children subject to a CP plan | 402 | 417 | -\n"
        "* Latest = position at 28 February 2017.\n", library)}
    assert got == {("cp_plans", "402", "2015-16"), ("cp_plans", "417", "2017-02-28")}


def test_a_rates_base_wrapped_on_to_a_line_of_its_own_keeps_a_piped_table(library):
    # "Children in care rate per" over "10,000": the rest of the row's label, not a line the table had to refuse
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Table 2: Children we look after - position at the end of each month\n"
        "Measure | Jan-25 | Feb-25 | Target\n"
        "Children in care | 812 | 820 | -\n"
        "Children in care rate per | 64.2 | 64.8 | 60.0\n"
        "10,000\n"
        "Children subject to a CP plan | 301 | 296 | -\n", library)}
    assert got == {("children_in_care", "812", "2025-01"), ("children_in_care", "820", "2025-02"),
                   ("children_in_care_rate_per_10k", "64.2", "2025-01"), ("children_in_care_rate_per_10k", "64.8", "2025-02"),
                   ("cp_plans", "301", "2025-01"), ("cp_plans", "296", "2025-02")}


def test_an_initialism_and_lower_case_words_wrapped_under_a_piped_row_are_the_rest_of_its_label(library):
    # ("CP plan" under "Children becoming subject to a": no heading of a new block, which parted the table so
    # that none of it was read)
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Table 1: Front door and child protection activity (counts for the period)\n\n"
        "Measure                         | 2024/25 | Q1 25/26 | Jul-25 | Aug-25 | Target | England 23/24 | RAG\n"
        "Contacts received               | 40,112  | 10,310   | 3,301  | 2,950  | -      | -             | -\n"
        "Referrals to children's social  | 12,904  | 3,210    | 1,020  | 988    | -      | -             | -\n"
        "care\n"
        "Initial CP conferences within   | 78.6    | 74.9     | 69.0   | 72.7   | 85.0   | 78.3          | R\n"
        "15 working days (%)\n"
        "Children becoming subject to a  | 1,020   | 96       | 31     | 35     | -      | -             | -\n"
        "CP plan\n"
        "Plans that were second or       | 22.6    | 23.9     | 20.9   | 25.0   | 20.0   | 23.8          | A\n"
        "subsequent (%)\n", library)}
    assert {g for g in got if g[0] == "cp_plans_started"} == {
        ("cp_plans_started", "1020", "2024-25"), ("cp_plans_started", "96", "2025-Q2"),
        ("cp_plans_started", "31", "2025-07"), ("cp_plans_started", "35", "2025-08")}


def test_a_title_line_ending_on_a_heading_word_in_lower_case_is_no_part_of_the_sentence_under_it():
    # "Ashvale Council - Cabinet, Greater Manchester update" is a line of its own, so the sentence under it opens on
    # "The Mayor's ...", whose budget is the mayor's
    got = [s.text for s in sentences(["Ashvale Council - Cabinet, Northshire Combined Authority update",
                                      "The Mayor's budget for 2025/26 is £88.2m."])]
    assert got == ["Ashvale Council - Cabinet, Northshire Combined Authority update", "The Mayor's budget for 2025/26 is £88.2m."]


def test_a_count_of_days_and_its_words_wrapped_under_a_piped_row_are_the_rest_of_its_label(library):
    # ("45 working days (%)" under "Assessments completed within": no new block, which lost the rows below it)
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Table 3: Assessment and child protection\n\n"
        "Measure                          | Q1 25/26 | Q2 25/26 | Target | England 23/24 | RAG\n"
        "Referrals to children's social   | 1,204    | 1,156    | -      | -             | -\n"
        "care\n"
        "Assessments completed within     | 85.2     | 87.9     | 90.0   | 82.9          | A\n"
        "45 working days (%)\n"
        "Children becoming subject to a   | 96       | 104      | -      | -             | -\n"
        "child protection plan\n", library)}
    assert got == {("referrals", "1204", "2025-Q2"), ("referrals", "1156", "2025-Q3"),
                   ("cp_plans_started", "96", "2025-Q2"), ("cp_plans_started", "104", "2025-Q3")}


def test_a_sideways_triangle_or_arrow_for_no_change_is_a_direction_of_travel_cell(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Table 1: Front door\n"
        "Measure | Oct-24 | Nov-24 | Target | RAG | DoT\n"
        "Referrals to children's social care | 402 | 377 | n/a | n/a | \u25ba\n"
        "Children in care | 611 | 618 | n/a | n/a | \u2194\n", library)}
    assert got == {("referrals", "402", "2024-10"), ("referrals", "377", "2024-11"),
                   ("children_in_care", "611", "2024-10"), ("children_in_care", "618", "2024-11")}


def test_a_piped_rows_label_may_end_in_a_figure_its_pipe_closes(library):
    # "within 15" ends the label: its pipe says where the label's cell ends, so the row is no row of one cell too
    # many, and the table goes on past it and its wrapped words ("working days (%)") under a rule of dashes
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Table 2: Monthly measures\n\n"
        "Measure                                  | Jan-25 | Feb-25 | Target | RAG\n"
        "-----------------------------------------+--------+--------+--------+----\n"
        "Referrals to children's social care      | 402    | 377    | -      | -\n"
        "Initial conferences held within 15       | 81.0   | 84.5   | 90.0   | A\n"
        "  working days (%)\n"
        "Children in care                         | 644    | 651    | -      | -\n", library)}
    assert got == {("referrals", "402", "2025-01"), ("referrals", "377", "2025-02"),
                   ("children_in_care", "644", "2025-01"), ("children_in_care", "651", "2025-02")}


def test_a_scorecards_section_lines_between_piped_rows_keep_one_table(library):
    # section lines in capitals under a header of two lines and between groups of rows, a label wrapped under its
    # row before a section, and a target's bound after an empty cell ("n/a | <5%") are all inside the one table
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Children's services scorecard, Quarter 2 2025/26\n\n"
        "Measure                     | Q1       | Q2       | Target | England\n"
        "                            | 25/26    | 25/26    | 25/26  | 2024\n"
        "REFERRALS\n"
        "1  Referrals received       | 1,402    | 1,388    | -      | -\n"
        "2  Re-referrals within 12   | 17.9%    | 18.6%    | 20.0%  | 22.4%\n"
        "   months\n"
        "CHILD PROTECTION\n"
        "3  Plans lasting 2 years    | 2.1%     | n/a      | <5%    | 3.9%\n"
        "4  Children starting a CP   | 121      | 133      | -      | -\n"
        "   plan\n", library)}
    assert got == {("referrals", "1402", "2025-Q2"), ("referrals", "1388", "2025-Q3"),
                   ("rereferral_rate", "17.9", "2025-Q2"), ("rereferral_rate", "18.6", "2025-Q3"),
                   ("cp_plans_started", "121", "2025-Q2"), ("cp_plans_started", "133", "2025-Q3")}
