"""Finance tables (kpi_extract/matchers/finance.py): a service's or directorate's own budget, read
from a table of money by row, scaled by the table's unit. The texts are our own, in the way county
budget and monitoring reports set out their tables."""
from __future__ import annotations

import pytest

from kpi_extract.pipeline import extract_text

BUDGET = """Westmarch County Council
Cabinet, 12 February 2025
Revenue Budget 2025/26

Table 3: Net budget by directorate (£m)
Directorate                 2024/25 budget   Growth   Savings   2025/26 budget
Children's Services         148.2            17.6     (5.1)     160.7
Adults and Health           231.9            10.4     (6.0)     236.3
Place                        92.4             3.1     (2.2)      93.3
Corporate and central items  41.0             0.0     (1.5)      39.5
Total                       513.5            31.1    (14.8)     529.8
"""

MONITORING = """Eastwold Borough Council
Cabinet, 14 February 2024
Revenue Budget Monitoring 2023/24 - Month 9
Position at 31 December 2023

Table 1: Forecast outturn by directorate (£000)
Directorate           Revised budget   Forecast outturn   Variance
Children's Services   64,310           68,902             4,592
Adult Social Care     88,145           88,020             (125)
Total                152,455          156,922             4,467
"""

CHANGES = """Table 2: Budget changes 2025/26 £m
Net revenue budget 2024/25                 498.7
Pay and prices                              17.3
Savings (Appendix 2)                       (11.9)
Net revenue budget 2025/26                 504.1
"""


def facts(text: str, library) -> set[tuple[str, str, str, str]]:
    return {(f.kpi, f.value, f.period, f.subject) for f in extract_text(text, library) if f.kpi == "budget_total"}


def test_a_directorates_budget_columns_are_each_directorates_budget(library):
    # the growth and savings columns are not budgets, and central items are no service
    assert facts(BUDGET, library) == {
        ("budget_total", "148200000", "2024-25", "Children's Services"),
        ("budget_total", "160700000", "2025-26", "Children's Services"),
        ("budget_total", "231900000", "2024-25", "Adults and Health"),
        ("budget_total", "236300000", "2025-26", "Adults and Health"),
        ("budget_total", "92400000", "2024-25", "Place"),
        ("budget_total", "93300000", "2025-26", "Place"),
        ("budget_total", "513500000", "2024-25", ""),
        ("budget_total", "529800000", "2025-26", ""),
    }


def test_a_monitoring_tables_budget_is_the_years_in_thousands(library):
    # the forecast outturn and the variance are not the budget; a budget at a day is its year's
    assert facts(MONITORING, library) == {
        ("budget_total", "64310000", "2023-24", "Children's Services"),
        ("budget_total", "88145000", "2023-24", "Adult Social Care"),
        ("budget_total", "152455000", "2023-24", ""),
    }


def test_a_captioned_list_of_budget_changes_gives_the_budgets_it_names(library):
    assert facts(CHANGES, library) == {("budget_total", "498700000", "2024-25", ""),
                                       ("budget_total", "504100000", "2025-26", "")}


def test_a_table_whose_unit_is_not_stated_is_not_read(library):
    assert facts(MONITORING.replace(" (£000)", ""), library) == set()


QUARTER = """Northby County Council
Finance Monitoring Report 2024/25 - Quarter 2

Table 2: Revenue forecast by service
Service                      Budget £000   Forecast £000   Variance £000
Children's Social Care        98,210        104,655         6,445
Adult Social Care            162,004        161,200          (804)
Net total                    260,214        265,855         5,641

Table 3: Children's services forecast (£m)
                                  Budget   Forecast   Variance
Home to school transport           18.4      20.1       1.7
Total Children's Services          89.2      98.1       8.9
"""


def test_units_in_the_headers_a_label_column_without_a_head_and_a_quarters_budget(library):
    # "£000" after each head; a header of single words over as many figures; a quarter's budget is
    # its year's; "Total Children's Services" is that service's total
    assert facts(QUARTER, library) == {
        ("budget_total", "98210000", "2024-25", "Children's Social Care"),
        ("budget_total", "162004000", "2024-25", "Adult Social Care"),
        ("budget_total", "260214000", "2024-25", ""),
        ("budget_total", "18400000", "2024-25", "Home to school transport"),
        ("budget_total", "89200000", "2024-25", "Children's Services"),
    }


STACKED = """Revenue Budget 2025/26
Table 4: Net budget by directorate
2024/25 Growth Savings Other 2025/26
budget changes budget
£m £m £m £m £m
Children and Families 171.4 19.2 (4.8) 2.2 188.0
Corporate Services 44.0 0.0 (1.2) 1.1 43.9
Centrally controlled items 52.3 0.0 0.0 (6.0) 46.3
(capital financing, contingency,
levies)
Total 267.7 19.2 (6.0) (2.7) 278.2
"""


def test_a_header_stacked_over_three_lines_and_a_label_wrapped_under_its_row(library):
    assert facts(STACKED, library) == {
        ("budget_total", "171400000", "2024-25", "Children and Families"),
        ("budget_total", "188000000", "2025-26", "Children and Families"),
        ("budget_total", "44000000", "2024-25", "Corporate Services"),
        ("budget_total", "43900000", "2025-26", "Corporate Services"),
        ("budget_total", "267700000", "2024-25", ""),
        ("budget_total", "278200000", "2025-26", ""),
    }


MORE = """Eastmoor County Council
Revenue Monitoring 2024/25 - Month 7

Table 1: Forecast outturn by service (£000)
Service area              Budget 2024/25   Forecast outturn   Variance   Variance %
Children's Social Care          £98,210          £104,655     £6,445          6.6
Total                          £139,530          £147,773     £8,243          5.9

£000                      Annual budget   Forecast   Variance
Children and Families         120,400     126,900      6,500
"""


def test_a_head_with_its_year_after_pound_signs_in_cells_and_a_unit_heading_the_label_column(library):
    # "Annual budget Forecast Variance" over three figures: the budget is the first, not "budget" alone
    assert facts(MORE, library) == {
        ("budget_total", "98210000", "2024-25", "Children's Social Care"),
        ("budget_total", "139530000", "2024-25", ""),
        ("budget_total", "120400000", "2024-25", "Children and Families"),
    }


def test_a_table_set_out_with_pipes_and_its_captions_year_for_a_bare_budget_column(library):
    # a table set out with pipes is one set out with spaces; a "Budget" column that names no year
    # is the year its caption names
    text = ("Revenue monitoring 2024/25 - Quarter 2 (£000)\n"
            "Service | Budget | Forecast | Variance\n"
            "Children & Families | 112,480 | 118,905 | 6,425\n"
            "Adults | 201,330 | 199,870 | (1,460)\n")
    got = {(f.kpi, f.value, f.period, f.subject) for f in extract_text(text, library)}
    assert got == {("budget_total", "112480000", "2024-25", "Children & Families"),
                   ("budget_total", "201330000", "2024-25", "Adults")}


PIPED = """Table 4: Net revenue budget by directorate (£000)
Directorate | 2024/25 budget | Inflation and pressures | Savings | 2025/26 budget
Children's Services | 71,240 | 6,310 | (1,870) | 75,680
Place | 38,115 | 2,050 | (990) | 39,175
Net revenue budget | 209,400 | 14,600 | (6,300) | 217,700
"""


def test_a_column_of_two_heads_joined_by_and_is_one_column_and_a_year_before_budget_is_its(library):
    # "Inflation and pressures" is one column; "Savings | 2025/26 budget" keeps its year with the budget
    got = {(f.value, f.period, f.subject) for f in extract_text(PIPED, library) if f.kpi == "budget_total"}
    assert got == {("71240000", "2024-25", "Children's Services"), ("75680000", "2025-26", "Children's Services"),
                   ("38115000", "2024-25", "Place"), ("39175000", "2025-26", "Place"),
                   ("209400000", "2024-25", ""), ("217700000", "2025-26", "")}


MONTHLY = """Appendix A - Revenue forecast by directorate, Period 8 2023/24
All figures £000.

Directorate | Current budget | Forecast outturn | Variance P8 | Variance P6 | Movement
Children's Services | 64,120 | 67,310 | 3,190 | 2,880 | 310
Resources | 19,400 | 19,250 | (150) | (120) | (30)
Total General Fund | 198,560 | 202,010 | 3,450 | 3,100 | 350
"""


def test_a_variance_column_named_by_its_month_and_the_general_funds_total(library):
    # "Variance P8" is a column like "Variance"; "Total General Fund" is the council's own budget
    got = {(f.value, f.subject) for f in extract_text(MONTHLY, library) if f.kpi == "budget_total"}
    assert got == {("64120000", "Children's Services"), ("19400000", "Resources"), ("198560000", "")}


def test_a_partnership_table_whose_head_says_pounds_is_money_and_never_a_count(library):
    text = ("Partnership budget (£) | 2022-23 | 2023-24\nTotal contributions | 301,000 | 315,500\n"
            "Expenditure | 296,400 | 309,800")
    assert {(f.kpi, f.value, f.period, f.subject) for f in extract_text(text, library)} == {
                                    ("budget_contributions", "301000", "2022-23", ""),
                                     ("budget_contributions", "315500", "2023-24", ""),
                                     ("expenditure_total", "296400", "2022-23", ""),
                                     ("expenditure_total", "309800", "2023-24", "")}
    # a row of money named for a service of children is no count of children
    assert not {f for f in extract_text("£000 | 2023/24 | 2024/25\nChildren's social care | 48,210 | 51,905", library)
                if f.kpi == "children_in_care"}


def test_the_income_rows_of_a_table_of_income_and_expenditure_are_who_paid_in(library):
    # (the income under a line of its own word, the spending in a table of its own under a blank line)
    text = ("Ashvale Safeguarding Children Partnership - Annual Report 2024/25\n\n"
            "  Table 5: Income and expenditure 2024/25                         £\n"
            "  Income\n"
            "  Ashvale Borough Council                                    212,400\n"
            "  NHS Ashvale and Norbury ICB                                 98,300\n"
            "  Norbury Constabulary                                        51,000\n"
            "  Total partner contributions                                361,700\n"
            "  Brought forward from 2023/24                                17,250\n"
            "  Total income available                                     378,950\n\n"
            "  Expenditure\n"
            "  Business unit staffing                                     240,100\n"
            "  Total expenditure                                          352,600\n")
    got = {(f.kpi, f.value, f.subject) for f in extract_text(text, library)}
    assert {g for g in got if g[0] in ("agency_contribution", "budget_contributions", "budget_carry_forward")} == {
        ("agency_contribution", "212400", "Ashvale Borough Council"), ("agency_contribution", "98300", "NHS Ashvale and Norbury ICB"),
        ("agency_contribution", "51000", "Norbury Constabulary"), ("budget_contributions", "361700", ""),
        ("budget_carry_forward", "17250", "")}


def test_a_list_of_partners_sums_under_a_caption_of_contributions_or_over_their_total_is_a_partner_table(library):
    text = ("Norbury Safeguarding Children Partnership - Annual Report 2024-25\n"
            "Table 3: Partner contributions 2024/25\n"
            "Norbury Council                         £188,500\n"
            "NHS Norbury ICB                          £84,000\n"
            "Norbury Constabulary                     £31,250\n"
            "Total contributions                     £303,750")
    assert {(f.kpi, f.value, f.subject) for f in extract_text(text, library)} == {
        ("agency_contribution", "188500", "Norbury Council"), ("agency_contribution", "84000", "NHS Norbury ICB"),
        ("agency_contribution", "31250", "Norbury Constabulary"), ("budget_contributions", "303750", "")}
    text = ("Ashvale Safeguarding Children Partnership - Budget 2023/24\nAshvale Council | £140,000\n"
            "Ashvale Police | £40,500\nTotal contributions | £180,500\nTraining income | £9,000")
    assert {(f.kpi, f.value, f.subject) for f in extract_text(text, library)} == {
        ("agency_contribution", "140000", "Ashvale Council"), ("agency_contribution", "40500", "Ashvale Police"),
        ("budget_contributions", "180500", "")}
    # (sums paid to partnerships, or other partnerships' sums compared, are no partner's contribution)
    text = ("Payments to safeguarding partnerships, 2025-26\nAshvale SCP      £96,000\nNorbury SCP      £104,000\n"
            "NHS Ashvale ICB share    £12,000")
    assert not {f for f in extract_text(text, library) if f.kpi == "agency_contribution"}


def test_a_headers_second_line_of_units_under_the_rest_of_a_head_is_header_not_a_row(library):
    # ("£000  outturn £000  £000  %" under "Net budget  Forecast  Variance  Variance": units, and the rest of a head)
    text = ("Ashvale Borough Council\nCabinet, 12 November 2025\n\n"
            "Table 2: Revenue forecast 2025/26 at Quarter 2 (£000)\n\n"
            "Directorate                        Net budget    Forecast      Variance   Variance\n"
            "                                      £000      outturn £000     £000        %\n"
            "Children and Families               61,420        64,080        2,660       4.3\n"
            "Adult Social Care                   88,905        89,310          405       0.5\n"
            "Total net revenue budget           201,330       205,110        3,780       1.9\n")
    assert {(f.kpi, f.value, f.period, f.subject) for f in extract_text(text, library) if f.kpi == "budget_total"} == {
        ("budget_total", "61420000", "2025-26", "Children and Families"),
        ("budget_total", "88905000", "2025-26", "Adult Social Care"),
        ("budget_total", "201330000", "2025-26", "")}


def test_places_charged_to_agencies_that_are_not_partners_are_income_not_contributions(library):
    text = ("Learning and development income 2025/26\n| Source | £ |\n|---|---|\n"
            "| Places charged to non-partner agencies | 12,750 |\n| Charged places (private providers) | 4,300 |\n"
            "| Total training income | 17,050 |")
    assert {(f.kpi, f.value) for f in extract_text(text, library) if f.kpi == "agency_contribution"} == set()


def test_a_capital_programmes_schemes_are_no_partners_contributions(library):
    # a table of schemes by year in £000 under a paragraph about its funding ("grants and contributions")
    # is what a capital programme spends on, not who paid the partnership
    text = ("The programme is funded by grants and contributions (£21.3m) and borrowing (£30.2m).\n\n"
            "Scheme | 2024/25 £000 | 2025/26 £000\n"
            "School expansions | 7,400 | 3,100\n"
            "Highways and bridges | 5,200 | 4,900\n"
            "Total | 12,600 | 8,000\n")
    assert {(f.kpi, f.value) for f in extract_text(text, library)} == set()


MEDIUM_TERM = """Ashby County Council
Cabinet, 10 February 2026
Revenue Budget 2026/27 and Medium-Term Financial Plan

Table 2: Net budget by directorate (£m)
Directorate                 2026/27 budget   2027/28 budget   2028/29 budget
Children's Services          171.4       178.9       186.2
Adults and Health            240.8       251.3       262.0
Total                        412.2       430.2       448.2
"""


def test_the_later_years_of_a_medium_term_plan_are_not_yet_budgets(library):
    # in February the coming year's budget is set; the years after it are only indicative
    assert facts(MEDIUM_TERM, library) == {
        ("budget_total", "171400000", "2026-27", "Children's Services"),
        ("budget_total", "240800000", "2026-27", "Adults and Health"),
        ("budget_total", "412200000", "2026-27", ""),
    }


@pytest.mark.parametrize("text, want", [
    # a header over three lines, a word under each year: only the budget's year is one; a gap is no service
    ("Northcote Borough Council\nBudget Council, 25 February 2026\n\nAppendix A: net budget by directorate\n\n"
     "                          2026/27      2027/28\n"
     "                           Budget   Indicative\n"
     "                             £000         £000\n"
     "Children's Services        84,120       88,300\n"
     "Place                      31,450       32,010\n"
     "Budget gap                      0        6,200\n",
     {("budget_total", "84120000", "2026-27", "Children's Services"), ("budget_total", "31450000", "2026-27", "Place")}),
    # a table written as markdown, its rows opened and closed by pipes
    ("Northcote Borough Council\nCabinet, 12 November 2025\n\nTable 1: revenue forecast, 2025/26 (£m)\n\n"
     "| Directorate | Revised budget | Forecast outturn | Variance |\n|---|---|---|---|\n"
     "| Children's Services | 84.12 | 88.40 | 4.28 |\n",
     {("budget_total", "84120000", "2025-26", "Children's Services")}),
    # column names set over two lines, the label column's head on the second, a unit under each; a directorate
    # named for what it answers ("Climate Change") is no change
    ("Northcote Borough Council\nCabinet, 12 November 2025\n\nRevenue budget monitoring, month 6\n\n"
     "                             2025/26     Forecast    Variance\n"
     "Directorate                  budget      outturn     at Q1\n"
     "                             £m          £m          £m\n"
     "Climate Change and Transport   61.5        63.0        1.1\n"
     "Children's Services            84.1        88.4        3.9\n",
     {("budget_total", "61500000", "2025-26", "Climate Change and Transport"),
      ("budget_total", "84100000", "2025-26", "Children's Services")}),
])
def test_headers_over_lines_markdown_rows_a_budget_gap_and_a_directorate_named_for_climate_change(text, want, library):
    assert facts(text, library) == want


LABEL_HEAD_ON_TOP = """Appendix 2: Revenue budget by directorate 2026/27
All figures £000

Directorate                  2025/26     Growth    Savings     2026/27
                              budget                            budget
Children and Young People    148,300     12,950    (4,210)    157,040
Place                         61,870      3,115    (2,400)     62,585
Net budget                   210,170     16,065    (6,610)    219,625
"""


def test_the_label_columns_head_on_the_first_of_a_stacked_headers_lines_is_no_column(library):
    # "Directorate" stands over the labels, not over a column of figures: the years are still the
    # budget columns that the line under them says
    assert facts(LABEL_HEAD_ON_TOP, library) == {
        ("budget_total", "148300000", "2025-26", "Children and Young People"),
        ("budget_total", "157040000", "2026-27", "Children and Young People"),
        ("budget_total", "61870000", "2025-26", "Place"),
        ("budget_total", "62585000", "2026-27", "Place"),
        ("budget_total", "210170000", "2025-26", ""),
        ("budget_total", "219625000", "2026-27", ""),
    }


PAIRED = """Westvale County Council
Cabinet, 10 December 2025
Revenue monitoring 2025/26 - quarter 2

Table 3: Forecast outturn by directorate (£000)
Directorate                  Original     Forecast     Variance     Q1
                             Budget       Outturn                   variance
Children, Learning and
Skills                        154,210      159,800        5,590     4,870
Resources                      61,400       60,950         (450)     (300)
Total                         215,610      220,750        5,140     4,570
"""


def test_a_header_of_second_words_under_some_columns_and_a_label_run_on_to_its_row(library):
    """A header's second line may give words under some of its columns only ("Original Forecast
    Variance Q1" over "Budget Outturn variance"); the line's spacing is lost, so each word joins the
    column it makes a finance head with. A row label whose first line runs on ("Children, Learning
    and") ends on the row's line."""
    assert facts(PAIRED, library) == {
        ("budget_total", "154210000", "2025-26", "Children, Learning and Skills"),
        ("budget_total", "61400000", "2025-26", "Resources"),
        ("budget_total", "215610000", "2025-26", ""),
    }


def test_the_label_columns_head_on_the_second_of_two_header_lines_and_a_directorate_named_for_growth(library):
    # "Approved" over "Portfolio budget": the label column's head beside the lower words; "Inclusive Growth and
    # Skills" is a directorate, no line of budget growth, and its label runs on from the line above
    text = ("Northmoor Council\nCabinet, 4 December 2025\nRevenue Budget Monitoring 2025/26 - Quarter 2\n\n"
            "Table 2: Forecast by portfolio, 2025/26 (£000)\n\n"
            "                            Approved     Projected    Variance\n"
            "Portfolio                     budget       outturn          Q2      Change\n"
            "Children's Services           58,204        61,930       3,726       1,102\n"
            "Inclusive Growth and\n"
            "  Skills                      14,880        14,610        (270)       (95)\n"
            "Total                         73,084        76,540       3,456       1,007\n")
    assert facts(text, library) == {("budget_total", "58204000", "2025-26", "Children's Services"),
                                    ("budget_total", "14880000", "2025-26", "Inclusive Growth and Skills"),
                                    ("budget_total", "73084000", "2025-26", "")}


def test_a_piped_header_over_two_lines_an_actual_to_a_day_and_a_cell_touching_its_pipe(library):
    # a header set out with pipes over two lines joins its columns cell by cell ("2025/26" over "budget",
    # "Spend to" over "30 September"); a head of what was spent up to a day is a finance column; a cell may touch
    # its pipe ("(310)|"); "Net General Fund budget" is the body's own total
    text = ("Westmarch County Council\nCabinet, 5 November 2025\nRevenue Monitoring 2025/26 - Quarter 2\n\n"
            "Table 2: Forecast by directorate (£000)\n\n"
            "Directorate              | 2025/26 | Spend to     | Forecast | Forecast\n"
            "                         | budget  | 30 September | outturn  | variance\n"
            "-------------------------+---------+--------------+----------+---------\n"
            "Children's Services      |  96,410 |       47,905 |   99,180 |    2,770\n"
            "Resources                |  31,200 |       15,020|   30,890 |    (310)\n"
            "Net General Fund budget  | 127,610 |       62,925 |  130,070 |    2,460\n")
    assert facts(text, library) == {("budget_total", "96410000", "2025-26", "Children's Services"),
                                    ("budget_total", "31200000", "2025-26", "Resources"),
                                    ("budget_total", "127610000", "2025-26", "")}


def test_a_column_reported_at_a_month_under_its_head_and_a_service_said_not_to_be_dsg(library):
    # "Variance at" over "month 4" is one column, the month it was reported at under its head, though the line has
    # a figure; a service "(non-DSG)" is no line of the Dedicated Schools Grant
    text = ("Westmarch County Council\nCabinet, 5 November 2025\n\n"
            "Table 1: Revenue forecast at month 6, 2025/26 (£000)\n\n"
            "Directorate                        Current    Forecast    Forecast    Variance    Variance at\n"
            "                                   budget     outturn     variance    %           month 4\n"
            "Children's Services                 52,130     54,960      2,830       5.4         2,410\n"
            "Home to school transport (non-DSG)   4,075      4,212        137       3.4           90\n"
            "Net revenue budget                 198,760    201,930      3,170       1.6         2,880\n")
    assert facts(text, library) == {("budget_total", "52130000", "2025-26", "Children's Services"),
                                    ("budget_total", "4075000", "2025-26", "Home to school transport (non-DSG)"),
                                    ("budget_total", "198760000", "2025-26", "")}


def test_a_header_whose_columns_are_stacked_over_four_lines_is_read_by_where_its_words_sit(library):
    # each column's words sit under one another over its figures ("Annual" over "Budget"; "Forecast" over "Outturn"
    # over "Variance"): only the year's budget is a budget, not the budget profiled to date or a variance against it;
    # "Regeneration and Growth" is a directorate named for growth, no line of budget growth; "Total Net Spending" is
    # the body's own
    text = ("Eastwold Borough Council\nExecutive, 3 December 2025\n2025/26 Revenue Monitoring - Quarter 2\n\n"
            "NET SPENDING BY DEPARTMENT AT 30 SEPTEMBER 2025                      £000\n\n"
            "Department                      Annual     Budget     Actual     Forecast\n"
            "                                Budget     to Date    to Date    Outturn\n"
            "                                                                 Variance\n"
            "                                                                 (over)/under\n"
            "Children's Services              51,830     25,915     27,406     (2,980)\n"
            "Regeneration and Growth           8,214      4,107      3,960        294\n"
            "Total Net Spending               60,044     30,022     31,366     (2,686)\n")
    assert facts(text, library) == {("budget_total", "51830000", "2025-26", "Children's Services"),
                                    ("budget_total", "8214000", "2025-26", "Regeneration and Growth"),
                                    ("budget_total", "60044000", "2025-26", "")}


def test_a_capital_programme_a_subtotal_of_directorates_and_a_table_of_placement_types_give_no_budget(library):
    # a capital programme's budget is no revenue budget; "Directorate total" under a column of directorates is the
    # sum before the central items (the General Fund total is the body's); placement types are no services
    text = ("Westmarch County Council\nCabinet, 5 November 2025\n\n"
            "Table 1: Revenue forecast at period 6, 2025/26 (£000)\n\n"
            "Directorate                   Net Budget    Forecast    Variance\n"
            "                                 2025/26     Outturn          P6\n"
            "Children's Services               61,200      64,950       3,750\n"
            "Place                             20,480      20,115       (365)\n"
            "Directorate total                 81,680      85,065       3,385\n"
            "Corporate items                   12,320      11,820       (500)\n"
            "General Fund total                94,000      96,885       2,885\n\n"
            "Table 4: Capital programme 2025/26 (£m)\n\n"
            "                       Budget   Re-profiled   Revised   Spend to\n"
            "                                              budget     30 Sep\n"
            "Schools                  18.4         (3.1)      15.3        6.2\n"
            "Highways                 22.6         (1.4)      21.2        9.8\n\n"
            "Table 5: Placement costs (£000)\n\n"
            "Placement type        Budget     Forecast   Placements\n"
            "                      £000       £000       budgeted\n"
            "Residential           14,210     17,040             38\n"
            "In-house fostering     6,115      5,980            240\n")
    assert facts(text, library) == {("budget_total", "61200000", "2025-26", "Children's Services"),
                                    ("budget_total", "20480000", "2025-26", "Place"),
                                    ("budget_total", "94000000", "2025-26", "")}


def test_a_caption_right_over_a_header_is_no_line_of_that_header(library):
    # the caption runs from the labels' column into the first column of figures: it is no head of that column, whose
    # budget stays the year its own header line names
    text = ("Northmoor Council - Executive, 4 February 2025\n"
            "Draft revenue budget 2025/26 - directorate summary (£000)\n"
            "Directorate                              2024/25 budget   2025/26 budget\n"
            "Children and Families                        71,406           75,118\n")
    assert facts(text, library) == {("budget_total", "71406000", "2024-25", "Children and Families"),
                                    ("budget_total", "75118000", "2025-26", "Children and Families")}


def test_a_header_set_out_with_pipes_has_a_column_to_each_cell_whatever_its_words(library):
    # "Updated budget", "Variance before actions", "Management actions": heads no list names, each in its own cell;
    # only the year's budget is read, and the markdown rule under the header is no row
    text = ("Northmoor Council\nCabinet, 4 December 2025\n\n"
            "Table 1: Forecast at period 6, 2025/26 (£000)\n\n"
            "| Directorate | Updated budget | Variance before actions | Management actions | Variance after actions |\n"
            "|---|---:|---:|---:|---:|\n"
            "| Children's Services | 88,412 | 5,310 | (2,100) | 3,210 |\n"
            "| Net revenue budget | 301,250 | 6,020 | (3,400) | 2,620 |\n")
    assert facts(text, library) == {("budget_total", "88412000", "2025-26", "Children's Services"),
                                    ("budget_total", "301250000", "2025-26", "")}


def test_a_rule_of_dashes_under_a_header_stacked_over_two_lines_is_no_line_of_it(library):
    text = ("Westmarch County Council\nCabinet, 18 November 2024\n\n"
            "Table 1: Revenue forecast at quarter 2 (£000)\n\n"
            "Directorate                    Budget      Forecast      Variance     Variance\n"
            "                               2024/25     outturn                    %\n"
            "-------------------------------------------------------------------------------\n"
            "Children's Services             61,904       65,211        3,307        5.3\n"
            "Place                           30,118       29,870         (248)      (0.8)\n")
    assert facts(text, library) == {("budget_total", "61904000", "2024-25", "Children's Services"),
                                    ("budget_total", "30118000", "2024-25", "Place")}


def test_a_piped_header_over_two_lines_whose_label_cell_is_empty_below_and_a_change_with_its_sign(library):
    # "| 2025/26 | 30 Sep 25 |" under "Directorate | Budget | Actual to |": each column's words over the next, the
    # label's cell empty on the lower line; a change may carry its sign ("+3.1")
    text = ("Eastwold Borough Council\nCabinet, 25 November 2025\n\n"
            "Table 1: Forecast outturn at 30 September 2025 (£000)\n\n"
            "Directorate              | Budget  | Actual to | Forecast | Change | Variance\n"
            "                         | 2025/26 | 30 Sep 25 | outturn  | on Q1  | at Aug\n"
            "-------------------------+---------+-----------+----------+--------+---------\n"
            "Children's Services      | 71,204  | 35,880    | 74,410   | +3.1   | 2,950\n"
            "Place                    | 28,615  | 13,002    | 28,390   | -0.4   | (180)\n")
    assert facts(text, library) == {("budget_total", "71204000", "2025-26", "Children's Services"),
                                    ("budget_total", "28615000", "2025-26", "Place")}


def test_a_rows_label_run_on_to_the_line_under_its_figures_is_its_subjects_rest(library):
    # "People - Children and" ends on "and": the line under its figures ("Young People") is the rest of its name
    text = ("Westmarch County Council\nCabinet, 13 November 2024\n\n"
            "Table 1: Forecast outturn 2024/25 (£000)\n"
            "Directorate                   Current budget   Forecast outturn   Variance\n"
            "People - Children and                 84,210             89,975      5,765\n"
            "Young People\n"
            "Place                                 40,118             39,902       (216)\n")
    assert facts(text, library) == {("budget_total", "84210000", "2024-25", "People - Children and Young People"),
                                    ("budget_total", "40118000", "2024-25", "Place")}


def test_a_services_aside_of_what_it_takes_in_leaves_it_a_service(library):
    # "(incl. corporate budgets)" says what the directorate's budget takes in; the row is still a directorate's
    text = ("Eastwold Borough Council\nCabinet, 14 November 2024\n\n"
            "Table 1: Revenue forecast 2024/25 (£000)\n"
            "Directorate                            Net budget    Forecast outturn    Variance\n"
            "Resources (incl. corporate budgets)        26,410              25,980        (430)\n"
            "Corporate budgets                          12,300              11,900        (400)\n")
    assert facts(text, library) == {("budget_total", "26410000", "2024-25", "Resources (incl. corporate budgets)")}
