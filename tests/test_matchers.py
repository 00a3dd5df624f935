"""Short texts as committee papers write them, and exactly the facts the extractor gives.

Each case is a phenomenon from real packs (spec/kpis.md, "What real documents do"); the
texts are our own wording.
"""
import pytest

from conftest import TABLE, facts_of
from kpi_extract.pipeline import extract_text

ANNUAL_REPORT = "Northmoor Safeguarding Children Partnership\nAnnual Report 2016/17\n"


@pytest.mark.parametrize("text,expected", [
    # a stock and its comparison in the next sentence (every Ofsted report does this)
    ("At 30 November 2019, 428 children and young people were the subject of a child protection plan "
     "(a rate of 41 per 10,000 children). This is a reduction from 467 (44 per 10,000 children) at 31 March 2019.",
     [("cp_plans", "428", "2019-11-30", ""), ("cp_plans_rate_per_10k", "41", "2019-11-30", ""),
      ("cp_plans", "467", "2019-03-31", ""), ("cp_plans_rate_per_10k", "44", "2019-03-31", "")]),
    # a flow is not the stock; a national comparator is nobody's figure
    ("Over the year 612 children became the subject of a child protection plan, compared to 580 last year. "
     "Our rate of 46 per 10,000 children on a child protection plan is above the national rate of 43.",
     [("cp_plans_started", "612", "2016-17", ""), ("cp_plans_started", "580", "2015-16", ""),
      ("cp_plans_rate_per_10k", "46", "2016-17", "")]),
    # a sub-population keeps its KPI id but says whose figure it is
    ("In July 2020 there were 218 children under the age of 5 with an open Child Protection Plan.",
     [("cp_plans", "218", "2020-07", "under 5s")]),
    # a target and a placement count are not children in care
    ("The target of fewer than 900 children in care has been reached. At the end of March 2017 there were "
     "872 children in care, of whom 240 were placed outside the borough.",
     [("children_in_care", "872", "2017-03-31", "")]),
    # prose with several figures and periods
    ("During 2016/2017 the partnership commissioned 131 multi-agency safeguarding training courses which were "
     "delivered to 2,407 practitioners. Course utilisation stayed high at 92% during 2016/17 compared to 87% "
     "during the previous year.",
     [("training_courses", "131", "2016-17", ""), ("training_delegates", "2407", "2016-17", ""),
      ("training_utilisation", "87", "2015-16", ""), ("training_utilisation", "92", "2016-17", "")]),
    # a damaged ligature ("attended" printed as "aJended") and a number broken by a space
    ("In 2017/18 the partnership delivered 128 courses and 2,512 delegates aJended over the year. "
     "It had an operating budget of £533, 410.",
     [("budget_total", "533410", "2016-17", ""), ("training_courses", "128", "2017-18", ""),
      ("training_delegates", "2512", "2017-18", "")]),
    # a conference is not the training programme
    ("A practitioners conference with 5 workshops was delivered to 212 delegates in June 2017.",
     [("conference_delegates", "212", "2017-06", "")]),
    # the budget, its parts, and "from the previous year" that is not a period
    ("The overall budget for 2017/18 was £498,200, made up of £471,050 in contributions from statutory partners "
     "and a carry forward of £27,150 from the previous year.",
     [("budget_carry_forward", "27150", "2017-18", ""), ("budget_contributions", "471050", "2017-18", ""),
      ("budget_total", "498200", "2017-18", "")]),
    # plan actions, numbers in words
    ("The Plan has three Strategic Priorities and forty two actions. At the end of Year 1 (31st March 2020), "
     "64% of the actions have been completed.",
     [("plan_actions_total", "42", "2016-17", ""), ("plan_actions_completed_pct", "64", "2020-03-31", "")]),
    # "A budget of": the article names no service ("Children's Services budget" would)
    ("A budget of £612,000 for 2025-26 was agreed by the partnership's executive in March 2025.",
     [("budget_total", "612000", "2025-26", "")]),
    # numbers that are never figures: dates, ages, figure numbers, page ranges, phone numbers
    ("Figure 3 shows that a 14-year-old was seen within 45 days (pages 77 - 116); call 01632 960 233.", []),
])
def test_phrasings(text, expected, library):
    assert sorted(facts_of(ANNUAL_REPORT + text, library)) == sorted(expected)


def test_table_with_period_columns_and_rate_rows(library):
    text = ANNUAL_REPORT + "Figure 17\nChild Protection Data\n" + TABLE + "\nNo of Children in Care 455 472 498\nRate per 10k 67.5 69.5 72.9"
    assert facts_of(text, library) == [
        ("children_in_care", "455", "2015-03", ""), ("children_in_care", "472", "2016-03", ""),
        ("children_in_care", "498", "2017-03", ""),
        ("children_in_care_rate_per_10k", "67.5", "2015-03", ""), ("children_in_care_rate_per_10k", "69.5", "2016-03", ""),
        ("children_in_care_rate_per_10k", "72.9", "2017-03", ""),
        ("children_in_need", "1846", "2016-03", ""), ("children_in_need", "1912", "2017-03", ""),
        ("children_in_need_rate_per_10k", "271.9", "2016-03", ""), ("children_in_need_rate_per_10k", "279.9", "2017-03", ""),
        ("cp_plans", "268", "2015-03", ""), ("cp_plans", "301", "2016-03", ""), ("cp_plans", "322", "2017-03", ""),
        ("cp_plans_rate_per_10k", "39.8", "2015-03", ""), ("cp_plans_rate_per_10k", "44.3", "2016-03", ""),
        ("cp_plans_rate_per_10k", "47.1", "2017-03", ""),
    ]


def test_infographic_label_on_the_next_line(library):
    text = "2017/18 at a glance\n1,047\nNumber of Children with a Child Protection\nPlan\n683\nChildren in Care\n89%\ncourse utilisation"
    assert sorted(facts_of(text, library)) == [
        ("children_in_care", "683", "2017-18", ""), ("cp_plans", "1047", "2017-18", ""),
        ("training_utilisation", "89", "2017-18", ""),
    ]


def test_damaged_infographic_label_is_matched_fuzzily(library):
    text = "Key facts 2017/18\n1,047\nNumber of Children with a Child Protec\ufffdon Plan"
    from kpi_extract.pipeline import extract_text
    (fact,) = extract_text(text, library)
    assert (fact.kpi, fact.value, fact.method, fact.period_source) == ("cp_plans", "1047", "fuzzy", "heading")


def test_a_partners_income_table_stops_at_the_total_that_takes_in_the_balance(library):
    from kpi_extract.pipeline import extract_text
    text = ("Partnership budget 2023/24\n\nIncome                                   £\nNorthtown Council                    168,500\n"
            "North Vale ICB                       112,300\nTotal partner contributions          280,800\n"
            "Balance brought forward               21,650\nTotal income                         302,450\n")
    got = {(f.kpi, f.value, f.subject) for f in extract_text(text, library)}
    assert got == {("agency_contribution", "168500", "Northtown Council"), ("agency_contribution", "112300", "North Vale ICB"),
                   ("budget_contributions", "280800", ""), ("budget_carry_forward", "21650", "")}


@pytest.mark.parametrize("header", ["Partner Contribution £ Share %", "Partner Contribution 2023/24 Share"])
def test_a_partner_tables_column_of_shares_is_not_money(library, header):
    from kpi_extract.pipeline import extract_text
    text = (f"Partnership budget 2023/24\n\n{header}\nNorthtown Council 168,500 60\nNorth Vale ICB 112,300 40\n"
            "Total contributions 280,800 100\nBalance brought forward from 2022/23 21,650 n/a\n")
    got = {(f.kpi, f.value, f.period, f.subject) for f in extract_text(text, library)}
    assert got == {("agency_contribution", "168500", "2023-24", "Northtown Council"),
                   ("agency_contribution", "112300", "2023-24", "North Vale ICB"),
                   ("budget_contributions", "280800", "2023-24", ""), ("budget_carry_forward", "21650", "2023-24", "")}


def test_a_partner_tables_header_may_open_with_its_captions_number(library):
    # "Table 2: Income 2024/25   £   Share": the caption's number opens the header line of the partners' table
    from kpi_extract.pipeline import extract_text
    text = ("Partnership budget\n\nTable 2: Income 2024/25            £        Share\n"
            "Northtown Council                  171,200        58.1%\nNorth Vale ICB                     123,400        41.9%\n"
            "Total contributions                294,600       100.0%\n")
    got = {(f.kpi, f.value, f.period, f.subject) for f in extract_text(text, library)}
    assert got == {("agency_contribution", "171200", "2024-25", "Northtown Council"),
                   ("agency_contribution", "123400", "2024-25", "North Vale ICB"),
                   ("budget_contributions", "294600", "2024-25", "")}


def test_a_partner_tables_head_alone_under_a_caption_in_pounds(library):
    # "Income" alone heads the partners' rows, its caption naming the pounds and the year a blank line above it
    from kpi_extract.pipeline import extract_text
    text = ("Partnership annual report\n\nTable 4: Income and expenditure 2024/25 (£)\n\nIncome\n"
            "  Northtown Council                      164,300\n  North Vale ICB                         118,700\n"
            "  Total partner contributions            283,000\n  Balance brought forward from 2023/24    19,450\n"
            "  Total income                           302,450\n")
    got = {(f.kpi, f.value, f.period, f.subject) for f in extract_text(text, library)}
    assert got == {("agency_contribution", "164300", "2024-25", "Northtown Council"),
                   ("agency_contribution", "118700", "2024-25", "North Vale ICB"),
                   ("budget_contributions", "283000", "2024-25", ""), ("budget_carry_forward", "19450", "2024-25", "")}


def test_a_funding_table_names_the_contributions_after_the_balance_and_its_total_takes_both_in(library):
    from kpi_extract.pipeline import extract_text
    text = ("Funding 2024/25 £\nBalance brought forward 38,900\nPartner contributions 512,000\nTotal 550,900\n")
    got = {(f.kpi, f.value, f.period) for f in extract_text(text, library)}
    assert got == {("budget_carry_forward", "38900", "2024-25"), ("budget_contributions", "512000", "2024-25")}


def test_a_total_of_income_that_takes_in_the_bodys_own_earnings_is_not_the_contributions(library):
    from kpi_extract.pipeline import extract_text
    text = ("Partnership budget 2024/25\nIncome £\nBorough Council 210,000\nPolice 55,000\nTraining income 9,500\n"
            "Total income 274,500\n")
    got = {(f.kpi, f.value, f.subject) for f in extract_text(text, library)}
    assert got == {("agency_contribution", "210000", "Borough Council"), ("agency_contribution", "55000", "Police")}


def test_a_row_named_as_the_partners_contributions_in_other_words_is_their_total(library):
    from kpi_extract.pipeline import extract_text
    text = "Income 2023/24 £\nContributions from partners 480,000\nOther income 15,000\nTotal income 495,000\n"
    got = {(f.kpi, f.value, f.subject) for f in extract_text(text, library)}
    assert got == {("budget_contributions", "480000", "")}


def test_a_table_set_out_with_pipes_is_read_as_a_drawn_table(library):
    from kpi_extract.pipeline import extract_text
    # the label column's header names the year; a row of one figure; a stock dated by its own label
    text = ("2022/23 | Number\nChildren who started a child protection plan in the year | 498\n"
            "Children on a child protection plan at 31 March 2023 | 455\n")
    got = {(f.kpi, f.value, f.period) for f in extract_text(text, library)}
    assert got == {("cp_plans_started", "498", "2022-23"), ("cp_plans", "455", "2023-03-31")}


def test_a_pipe_table_whose_header_leaves_the_label_cell_empty(library):
    from kpi_extract.pipeline import extract_text
    text = "| 31 Mar 2023 | 31 Mar 2024\nChildren in care | 512 | 538\nRate per 10,000 | 61 | 64\n"
    got = {(f.kpi, f.value, f.period) for f in extract_text(text, library)}
    assert got == {("children_in_care", "512", "2023-03-31"), ("children_in_care", "538", "2024-03-31"),
                   ("children_in_care_rate_per_10k", "61", "2023-03-31"),
                   ("children_in_care_rate_per_10k", "64", "2024-03-31")}


def test_a_table_of_partners_with_a_column_of_delegates_breaks_down_the_delegates(library):
    from kpi_extract.pipeline import extract_text
    # no one paid anything: each partner's row is a part of the delegates, the total is the whole
    text = ("Table 5: Attendance by agency, 2023/24\nAgency | Delegates | Share\nSchools | 812 | 41%\n"
            "Health | 655 | 33%\nSocial care | 509 | 26%\nTotal | 1,976 | 100%\n")
    got = {(f.kpi, f.value, f.period, f.subject) for f in extract_text(text, library)}
    assert got == {("training_delegates", "812", "2023-24", "Schools"), ("training_delegates", "655", "2023-24", "Health"),
                   ("training_delegates", "509", "2023-24", "Social care"), ("training_delegates", "1976", "2023-24", "")}
    # with a column of money it is what each paid
    paid = text.replace("Attendance", "Contributions").replace("Delegates", "Contribution (£)")
    assert {f.kpi for f in extract_text(paid, library)} == {"agency_contribution", "budget_contributions"}


def test_a_bracketed_prior_figure_is_excluded_with_its_host(library):
    from kpi_extract.pipeline import extract_text
    # CAMHS's referrals, this year's and last year's in the bracket
    assert extract_text("The CAMHS single point of access received 1,906 referrals in 2023/24 (2022/23: 1,712).",
                        library) == []
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Children's social care received 1,906 referrals in 2023/24 (2022/23: 1,712).", library)}
    assert got == {("referrals", "1906", "2023-24"), ("referrals", "1712", "2022-23")}


def test_a_quoted_event_name_is_one_word_to_its_clause(library):
    from kpi_extract.pipeline import extract_text
    # the "and" inside the conference's name ends nothing: the delegates are the conference's
    got = {(f.kpi, f.value) for f in extract_text("2023/24 in numbers: 366 delegates at the 'Safe and Well' "
                                                  "conference", library)}
    assert got == {("conference_delegates", "366")}
    # the event named well before the attendance, in the same sentence
    got = {(f.kpi, f.value) for f in extract_text(
        "Our spring conference on exploitation and the harm it does to adolescents in the county, with speakers "
        "from three regional forces and two universities, was attended by 244 delegates.", library)}
    assert got == {("conference_delegates", "244")}


def test_a_scorecard_row_with_a_direction_of_travel_in_words_stays_in_its_table(library):
    from kpi_extract.pipeline import extract_text
    # "↑ improving" is a direction of travel, like "↑" alone; a year-to-date column after quarters
    # is the year to the last quarter's end
    text = ("Measure | Q1 2024/25 | Q2 2024/25 | Year to date | Target | DoT | RAG\n"
            "Referrals to children's social care | 1,204 | 1,187 | 2,391 | - | \u2193 declining | n/a\n"
            "Re-referrals within 12 months of a previous referral (%) | 22.0% | 20.6% | 21.3% | 20.0% | "
            "\u2191 improving | Amber\n"
            "Children who became subject to a child protection plan | 96 | 104 | 200 | - | \u2192 stable | n/a\n")
    got = {(f.kpi, f.value, f.period) for f in extract_text(text, library)}
    assert got == {("referrals", "1204", "2024-Q2"), ("referrals", "1187", "2024-Q3"), ("referrals", "2391", "2024-09"),
                   ("rereferral_rate", "22", "2024-Q2"), ("rereferral_rate", "20.6", "2024-Q3"),
                   ("rereferral_rate", "21.3", "2024-09"), ("cp_plans_started", "96", "2024-Q2"),
                   ("cp_plans_started", "104", "2024-Q3"), ("cp_plans_started", "200", "2024-09")}


def test_a_list_under_a_caption_naming_a_kpi_is_its_parts(library):
    from kpi_extract.pipeline import extract_text
    text = ("Children looked after by placement type, 31 March 2024\nFoster care | 301\nResidential | 47\n"
            "Placed with parents | 22\nTotal | 370\n")
    got = {(f.kpi, f.value, f.period, f.subject) for f in extract_text(text, library)}
    assert got == {("children_in_care", "301", "2024-03-31", "Foster care"),
                   ("children_in_care", "47", "2024-03-31", "Residential"),
                   ("children_in_care", "22", "2024-03-31", "Placed with parents"),
                   ("children_in_care", "370", "2024-03-31", "")}
    # a caption naming no KPI reads nothing of its own, and leaves the lines to the other readers
    assert extract_text("Contents\nOutcomes for looked after children | 8\nJoint action plan | 17\n", library) == []
    got = {(f.kpi, f.value) for f in extract_text("Key figures, 31 March 2024\nChildren in care: 455\n"
                                                  "Children on a child protection plan: 318\n", library)}
    assert got == {("children_in_care", "455"), ("cp_plans", "318")}


@pytest.mark.parametrize("text", [
    # a column of what the parts are and a column of their number (the share's column is no count)
    "Children on a child protection plan by age, 31 March 2023\nAge | Number | %\nUnder 1 | 29 | 10%\n1-4 | 88 | 30%\n"
    "5-15 | 176 | 60%\nTotal | 293 | 100%\n",
    # the same turned the other way: the header names the parts, one row their number; the total's
    # subject is not the first part the header names
    "Children on a child protection plan by age, 31 March 2023\n\nAge | Under 1 | 1-4 | 5-15 | Total\n"
    "Number | 29 | 88 | 176 | 293\n",
])
def test_a_table_under_a_caption_naming_a_kpi_by_its_parts_reads_them_either_way(text, library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period, f.subject) for f in extract_text(text, library)}
    assert got == {("cp_plans", "29", "2023-03-31", "Under 1"), ("cp_plans", "88", "2023-03-31", "1-4"),
                   ("cp_plans", "176", "2023-03-31", "5-15"), ("cp_plans", "293", "2023-03-31", "")}


def test_an_aside_in_brackets_does_not_end_the_clause(library):
    from kpi_extract.pipeline import extract_text
    # the places are the fostering households', though an aside stands between
    assert extract_text("The service has 296 approved fostering households (including 81 connected persons "
                        "households) offering 452 places.", library) == []


def test_a_table_set_out_with_spaces_one_label_and_figure_a_line(library):
    from kpi_extract.pipeline import extract_text
    # the spaces close up when the page is read: "Children in care 587", one item a line, each line
    # its own figure (never "2,310 Children in care" across the line end)
    text = ("Position as at 31 December 2024\nMeasure                     Value\n"
            "Referrals (year to date)    2,310\nChildren in care            587\n"
            "Children in need (open cases)    2,944\n")
    got = {(f.kpi, f.value, f.period) for f in extract_text(text, library)}
    assert got == {("referrals", "2310", "2024-12"), ("children_in_care", "587", "2024-12-31"),
                   ("children_in_need", "2944", "2024-12-31")}
    # a title's year is no figure of a line
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Corporate Parenting Panel, 15 March 2023\nChildren's Services Annual Report 2022\n"
        "Referrals received: 6,130\n", library)}
    assert got == {("referrals", "6130", "2022")}


def test_the_kpi_words_of_an_aside_do_not_own_the_figure(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value) for f in extract_text(
        "The number of open children in need cases, including children on child protection plans and children "
        "in care, was 3,604 at the end of June.", library)}
    assert not {g for g in got if g[0] in ("cp_plans", "children_in_care")}, got


def test_a_cells_figure_ends_its_cell(library):
    from kpi_extract.pipeline import extract_text
    # "141" is the conferences' cell, not the label of the next cell's
    got = {(f.kpi, f.value) for f in extract_text(
        "Quarter 3 (Oct-Dec 2024) | Initial CP conferences 141 | New CP plans: 118", library)}
    assert ("cp_plans_started", "141") not in got


def test_a_kpi_over_the_label_column_names_rows_of_its_number_or_its_council(library):
    from kpi_extract.pipeline import extract_text
    text = ("Re-referrals within 12 months (%) | Q1 24/25 | Q2 24/25 | Target | England\n"
            "Walsall | 23.0 | 21.4 | 20.0 | 22.4\n"
            "Direction of travel | - | Better | |\n\n"
            "Child protection plans | 30 Jun 24 | 30 Sep 24 | Target\n"
            "Number of children | 318 | 301 | -\n")
    got = {(f.kpi, f.value, f.period, f.subject, f.area_code) for f in extract_text(text, library)}
    assert got == {("rereferral_rate", "23", "2024-Q2", "Walsall", "E08000030"),
                   ("rereferral_rate", "21.4", "2024-Q3", "Walsall", "E08000030"),
                   ("cp_plans", "318", "2024-06-30", "", ""), ("cp_plans", "301", "2024-09-30", "", "")}


def test_lines_of_a_label_a_pipe_and_its_figure(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value) for f in extract_text("Referrals | 1,377\nRe-referral rate | 21%\n"
                                                  "Children on CP plans | 342\n", library)}
    assert got == {("referrals", "1377"), ("rereferral_rate", "21"), ("cp_plans", "342")}
    # under a header that makes the column a target, the row gives no fact
    assert extract_text("Indicator | 2025/26 target\nRe-referral rate | 19%\n", library) == []


def test_a_caption_over_year_columns_names_rows_that_say_whose_and_what_of_it(library):
    from kpi_extract.pipeline import extract_text
    text = ("Table 1: Children looked after at 31 March, 2022 to 2024\n\n"
            "                                    2022      2023      2024\n"
            "Oakvale \u2013 number                  604       618       642\n"
            "Oakvale \u2013 rate per 10,000        60.0      61.1      63.0\n"
            "Statistical neighbours \u2013 rate      63        66        68\n"
            "England \u2013 rate                     70        71        70\n"
            "Children entering care in the year  206       213       214\n\n"
            "Table 2: Children looked after at 31 March\n\n"
            "                                    2023      2024\n"
            "Walsall - number                    829       841\n")
    got = {(f.kpi, f.value, f.period, f.subject) for f in extract_text(text, library)}
    assert got == {("children_in_care", "604", "2022-03-31", ""), ("children_in_care", "618", "2023-03-31", ""),
                   ("children_in_care", "642", "2024-03-31", ""),
                   ("children_in_care_rate_per_10k", "60", "2022-03-31", ""),
                   ("children_in_care_rate_per_10k", "61.1", "2023-03-31", ""),
                   ("children_in_care_rate_per_10k", "63", "2024-03-31", ""),
                   ("children_in_care", "829", "2023-03-31", "Walsall"), ("children_in_care", "841", "2024-03-31", "Walsall")}


def test_a_row_of_courses_run_or_held_is_the_courses(library):
    from kpi_extract.pipeline import extract_text
    text = "Training | 2022/23 | 2023/24\nCourses run | 51 | 58\nSessions held | 12 | 9\n"
    got = {(f.kpi, f.value, f.period) for f in extract_text(text, library)}
    assert got == {("training_courses", "51", "2022-23"), ("training_courses", "58", "2023-24")}


def test_bare_year_columns_under_a_caption_naming_the_day_are_that_day(library):
    from kpi_extract.pipeline import extract_text
    text = ("Table 1: Children in care (at 31 March)\n\n          2022     2023     2024\nChildren in care    702    731    760\n"
            "Children starting care    301    322    340\n")
    got = {(f.kpi, f.value, f.period) for f in extract_text(text, library)}
    assert got == {("children_in_care", "702", "2022-03-31"), ("children_in_care", "731", "2023-03-31"),
                   ("children_in_care", "760", "2024-03-31")}


SCORECARD = """Ref  Measure                          Pol  2023/24   Q1 24/25  Q2 24/25  Target  England  RAG  DoT
                                          outturn
THEME 1: FRONT DOOR
F1   Referrals to children's social     -    3,902     1,004     1,077     -       -        -    -
     care (number)
F2   Re-referrals within 12 months (%)  L    20.8%     19.1%     21.9%     20%     22.1%    A    v

THEME 2: CHILD PROTECTION
C1   Visits within 10 working days      H    90.2%     91.8%     89.9%     95%     -        A    v
     of a plan (%)
C2   Children subject to a child        -    371       402       388       -       -        -    -
     protection plan
C3   Repeat CP plans (%)                L    14.0%     16.2%     15.1%     <18%    23.8%    G    ^
C4   Children becoming subject to a     -    512       141       118       -       -        -    -
     CP plan
"""


def test_a_scorecard_with_codes_polarity_sections_rag_letters_and_wrapped_labels(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(SCORECARD, library)}
    assert got == {("referrals", "3902", "2023-24"), ("referrals", "1004", "2024-Q2"), ("referrals", "1077", "2024-Q3"),
                   ("rereferral_rate", "20.8", "2023-24"), ("rereferral_rate", "19.1", "2024-Q2"),
                   ("rereferral_rate", "21.9", "2024-Q3"), ("cp_plans", "371", "2023-24"),
                   ("cp_plans", "402", "2024-Q2"), ("cp_plans", "388", "2024-Q3"),
                   ("cp_plans_started", "512", "2023-24"), ("cp_plans_started", "141", "2024-Q2"),
                   ("cp_plans_started", "118", "2024-Q3")}


def test_a_table_row_named_by_a_lexicon_term_of_two_words(library):
    from kpi_extract.pipeline import extract_text
    text = "Table 1: three-year trend\n2018-19   2019-20   2020-21\nCared for children at 31 March   611   638   655\n"
    got = {(f.kpi, f.value) for f in extract_text(text, library)}
    assert {("children_in_care", "611"), ("children_in_care", "638"), ("children_in_care", "655")} <= got


def test_the_level_a_figure_moved_to_is_read_with_its_own_date(library):
    from kpi_extract.pipeline import extract_text
    text = ("Children's Services Tracker April to September 2024\n\n"
            "The number of children on a plan fell from 318 at the end of April to 290 at the end of September. "
            "Referrals rose from 1,402 in Q4 2023/24 to 1,486 in Q1 2024/25.")
    got = {(f.kpi, f.value, f.period) for f in extract_text(text, library)}
    assert got == {("cp_plans", "318", "2024-04-30"), ("cp_plans", "290", "2024-09-30"),
                   ("referrals", "1402", "2024-Q1"), ("referrals", "1486", "2024-Q2")}


@pytest.mark.parametrize("text,rate", [
    ("At 31 December 2024 the council was looking after 1,012 children, a rate of 61.8 per 10,000 children.", "61.8"),
    ("We were caring for 688 children at the end of September 2024 (95.1 per 10,000).", "95.1"),
    ("There were 688 children in care at 30 June 2024, compared with 71 per 10,000 nationally.", None),
])
def test_a_rate_written_beside_a_count_is_the_counts_rate(library, text, rate):
    from kpi_extract.pipeline import extract_text
    got = [f.value for f in extract_text(text, library) if f.kpi == "children_in_care_rate_per_10k"]
    assert got == ([rate] if rate else [])


def test_a_rate_row_that_names_its_kpi_is_read_away_from_the_kpis_row(library):
    from kpi_extract.pipeline import extract_text
    text = "Indicator 2022/23 2023/24\nCIC rate 59 61\nCP rate 37 35\nChildren in need rate per 10,000 331 342\n"
    got = {(f.kpi, f.value, f.period) for f in extract_text(text, library)}
    assert got == {("children_in_care_rate_per_10k", "59", "2022-23"), ("children_in_care_rate_per_10k", "61", "2023-24"),
                   ("cp_plans_rate_per_10k", "37", "2022-23"), ("cp_plans_rate_per_10k", "35", "2023-24")}
    # a bare "Rate per 10,000" names no KPI unless it follows that KPI's row
    assert extract_text("Indicator 2022/23 2023/24\nRate per 10,000 59 61\n", library) == []



DATA_PACK = """Table 2: Children's social care
                       2022/23                                            23/24
Measure                outturn  Apr-23  May-23  Jun-23     YTD  Target     Eng
---------------------------------------------------------------------------------
Children in need -       3,011   3,040   3,052   3,077       -       -       -
  open cases (including CP and children in care)

Children becoming           487      38      44      41     123       -       -
  subject to a CP plan
---------------------------------------------------------------------------------
"""


def test_a_data_pack_with_an_outturn_column_month_columns_year_to_date_and_rules(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(DATA_PACK, library)}
    assert got == {("children_in_need", "3011", "2022-23"), ("children_in_need", "3040", "2023-04"),
                   ("children_in_need", "3052", "2023-05"), ("children_in_need", "3077", "2023-06"),
                   ("cp_plans_started", "487", "2022-23"), ("cp_plans_started", "38", "2023-04"),
                   ("cp_plans_started", "44", "2023-05"), ("cp_plans_started", "41", "2023-06"),
                   ("cp_plans_started", "123", "2023-06")}


def test_a_repeated_month_under_ytd_is_the_year_to_that_month(library):
    from kpi_extract.pipeline import extract_text
    text = ("2023/24 YTD 24/25\nMeasure outturn Apr-24 May-24 May-24 Target\n"
            "Referrals to children's social care 4,395 348 391 739 -\n")
    got = {(f.kpi, f.value, f.period, f.period_start) for f in extract_text(text, library)}
    assert got == {("referrals", "4395", "2023-24", "2023-04-01"), ("referrals", "348", "2024-04", "2024-04-01"),
                   ("referrals", "391", "2024-05", "2024-05-01"), ("referrals", "739", "2024-05", "2024-04-01")}


def test_a_stock_row_is_not_read_as_the_flow_whose_alias_it_nearly_is(library):
    # "who became" is what makes the flow: a row without it is the stock
    from kpi_extract.matchers.table import label_kpi
    assert label_kpi("Number of children subject to a child protection plan", "count", None, library)[0] == "cp_plans"
    assert label_kpi("Children becoming subject to a CP plan (in quarter)", "count", None, library)[0] == \
        "cp_plans_started"


def test_a_rate_named_then_its_value_with_last_years_in_brackets(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Annual Report 2023/24\n- Re-referral rate 19.7% (2022/23: 21.0%)", library)}
    assert got == {("rereferral_rate", "19.7", "2023-24"), ("rereferral_rate", "21", "2022-23")}
    # a row of a table whose header went unread is not one rate said in words
    assert not extract_text("Re-referral rate 18.9% 20.2% 22.5% A", library)


@pytest.mark.parametrize("text,want", [
    # the done part of a plan, said with an adverb or with its whole's owner
    ("Members noted that 33 of the 41 actions were now complete.",
     {("plan_actions_total", "41", ""), ("plan_actions_completed", "33", "")}),
    ("The year closed with 47 of the plan's 60 actions completed.",
     {("plan_actions_total", "60", ""), ("plan_actions_completed", "47", "")}),
    # a count and its rate named next, items of a list set out with semicolons
    ("Position at 31 January 2024: children looked after 402; rate per 10,000 66.",
     {("children_in_care", "402", ""), ("children_in_care_rate_per_10k", "66", "")}),
    ("CIC rate per 10,000 as at end Mar 20: 58; CP rate per 10,000 as at end Mar 20: 41.5",
     {("children_in_care_rate_per_10k", "58", ""), ("cp_plans_rate_per_10k", "41.5", "")}),
    # a label's figure closes its line: the next line's label is not its noun, and the day before
    # the colon is no count
    ("Key figures\nChildren subject to a child protection plan at 31 March: 241\nChildren in need: 1,818",
     {("cp_plans", "241", ""), ("children_in_need", "1818", "")}),
])
def test_items_of_short_lists_and_labelled_lines(text, want, library):
    from kpi_extract.pipeline import extract_text
    assert {(f.kpi, f.value, f.subject) for f in extract_text(text, library)} == want


@pytest.mark.parametrize("text,want", [
    # a scorecard's line: its label, a cell naming the period alone, the figure, then comparators
    ("CP plan rate per 10k | Q2 24/25 | 41.3 | Target <40 | Eng 42.1 | SN 44.0",
     {("cp_plans_rate_per_10k", "41.3", "2024-Q3")}),
    ("Children in need (open cases) | at 30.09.24 | 1,874 | Target range 1,700-1,800 | Change -41",
     {("children_in_need", "1874", "2024-09-30")}),
    ("% re-referrals within 12 months | Q2 2024/25 | 21.8% | SN 20% | England 22% | Amber",
     {("rereferral_rate", "21.8", "2024-Q3")}),
])
def test_a_scorecard_line_with_a_period_cell_before_its_figure(text, want, library):
    from kpi_extract.pipeline import extract_text
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == want


def test_an_aside_in_brackets_after_the_term_and_the_councils_care(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Position at 30 June 2025\nChildren in need (open cases, excluding CP and CLA) | 2,044 | Target 1,900", library)}
    assert got == {("children_in_need", "2044", "2025-06-30")}
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Members heard that 988 children were in the County Council's care on 31 January 2025.", library)}
    assert got == {("children_in_care", "988", "2025-01-31")}


@pytest.mark.parametrize("text,want", [
    # a partner list's own total is the contributions, in prose or in cells, a name and its amount in one cell
    ("Partner contributions 2024/25: County Council £198,000; ICB £121,500; Police £60,750; Total £380,250",
     {("agency_contribution", "198000", "County Council"), ("agency_contribution", "121500", "ICB"),
      ("agency_contribution", "60750", "Police"), ("budget_contributions", "380250", "")}),
    ("Partner contributions 2024/25 | County Council £198,000 | ICB £121,500 | Police £60,750 | Total £380,250",
     {("agency_contribution", "198000", "County Council"), ("agency_contribution", "121500", "ICB"),
      ("agency_contribution", "60750", "Police"), ("budget_contributions", "380250", "")}),
    # the rate said beside a count after the count's own date in brackets
    ("Children looked after: 577 (31.03.24), equivalent to 61.2 per 10k; national 70.0",
     {("children_in_care", "577", ""), ("children_in_care_rate_per_10k", "61.2", "")}),
    # a percentage label over a bare number
    ("Re-referrals (%) | Q2 24/25 | 20.6 | Target 20 | England 22.4", {("rereferral_rate", "20.6", "")}),
    # a label that names a target before its colon
    ("Stretch target agreed with the improvement adviser: 58 per 10,000 children in care by 31 March 2027.", set()),
])
def test_lists_with_totals_rates_beside_dates_and_labels(text, want, library):
    from kpi_extract.pipeline import extract_text
    assert {(f.kpi, f.value, f.subject) for f in extract_text(text, library)} == want


@pytest.mark.parametrize("text,want", [
    # a rate naming no measure, in the sentence after a stock's count, is that stock's rate at its date
    ("At 30 September 2024 there were 611 children in care. The rate of 81.2 per 10,000 children remains above "
     "the statistical neighbour average (77).",
     {("children_in_care", "611", "2024-09-30"), ("children_in_care_rate_per_10k", "81.2", "2024-09-30")}),
    # England's is a comparator's; after a flow there is no stock to take the rate of
    ("At 30 September 2024, 402 children were on a child protection plan. England's rate was 41.6 per 10,000.",
     {("cp_plans", "402", "2024-09-30")}),
    ("In 2023/24, 1,102 children became subject to a CP plan. The rate of 44 per 10,000 was the highest yet.",
     {("cp_plans_started", "1102", "2023-24")}),
])
def test_a_rate_said_in_the_next_sentence_is_the_stocks(text, want, library):
    from kpi_extract.pipeline import extract_text
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == want


def test_a_places_column_counts_training_places_only_in_a_table_of_training(library):
    from kpi_extract.pipeline import extract_text
    # a provider's places are its beds; a course's places are training places
    homes = "Provider | Places | Children placed 31/03/2024\nOakridge Homes | 24 | 19\nBrightwater Fostering | 60 | 52"
    assert {f.kpi for f in extract_text(homes, library)} & {"training_places_offered"} == set()
    courses = "Course 2023/24 | Places | Attended\nNeglect | 120 | 104\nExploitation | 96 | 90"
    assert {(f.kpi, f.value) for f in extract_text(courses, library) if f.kpi == "training_places_offered"} == {
        ("training_places_offered", "120"), ("training_places_offered", "96")}


def test_a_column_of_sessions_is_a_course_count_only_in_a_table_that_speaks_of_training(library):
    hubs = "Hub | Visits 2023/24 | Families | Sessions run\nAdswood | 8,412 | 1,620 | 702\nMarple | 6,215 | 1,301 | 530"
    assert {(f.kpi, float(f.value)) for f in extract_text(hubs, library)} == set()
    courses = ("Multi-agency training 2023/24\nCourse | Sessions run | Delegates\nNeglect | 12 | 240\n"
               "Exploitation | 9 | 180")
    assert ("training_courses", 12.0) in {(f.kpi, float(f.value)) for f in extract_text(courses, library)}


def test_a_row_naming_childrens_social_care_is_no_count_of_children_in_care(library):
    text = ("Outcomes of closed early help episodes, 2023/24\nReason for closure | Episodes | %\n"
            "Needs met | 2,281 | 78%\nEscalated to children's social care | 263 | 9%\nMoved away | 88 | 3%")
    assert {f.kpi for f in extract_text(text, library)} & {"children_in_care", "children_in_need"} == set()


@pytest.mark.parametrize("text,want", [
    # each row gives its own date: the rows are KPIs, not periods (a table turned the other way)
    ("Measure | Actual | Target\nChildren looked after at 31 March 2025 | 702 | 650\n"
     "Child protection plans at 31 March 2025 | 388 | 350\n",
     {("children_in_care", "702", "2025-03-31"), ("cp_plans", "388", "2025-03-31")}),
    # a column of each row's period, beside its figure, as a scorecard sets it out
    ("Indicator | Period | Actual | Target\nChildren in need (open cases) | 30/09/2025 | 2,480 | 2,300\n"
     "Referrals received | 2025/26 Q2 | 1,320 | 1,250\n",
     {("children_in_need", "2480", "2025-09-30"), ("referrals", "1320", "2025-Q3")}),
    # the row's date, not the caption's quarter, for a column that is no period ("Result")
    ("Westmoor Council performance dashboard, 2025-26 Q1\n\nMeasure | Result | RAG\n"
     "Rate of children in care per 10,000 (30 Jun 2025) | 64.8 | A\n",
     {("children_in_care_rate_per_10k", "64.8", "2025-06-30")}),
])
def test_a_row_that_gives_its_own_date_dates_its_figure(text, want, library):
    from kpi_extract.pipeline import extract_text
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == want


@pytest.mark.parametrize("text,want", [
    # a header's upper line of aims over its months: the columns are ambitions, no counts
    ("Northmoor Council - children's ambitions\n\n                                   Ambition by    Ambition by\n"
     "                                   March 2027     March 2029\nChildren in care per 10,000            66.0           62.5\n",
     set()),
    # the label column names England: the figures are England's
    ("Published comparators\n\nEngland                  Mar-24    Mar-25\nChildren in care per 10,000    70        71\n", set()),
    # a column headed "Plan" and a year holds what was planned
    ("Measure | Plan 2026-27\n|---|---|\nCourses | 120\nDelegates | 2,800\n", set()),
    # starters and leavers under a stock's caption are flows, not parts of the stock
    ("Children looked after - movements 2024/25\nStarted to be looked after   204\nCeased to be looked after    188\n", set()),
    # a year alone over one column of sums heads it
    ("                          2025-26\nOperating budget          £655,000\nActual spend              £640,300\n",
     {("budget_total", "655000", "2025-26"), ("expenditure_total", "640300", "2025-26")}),
    # "Rate/10k" over year columns: each row's rate, not its count
    ("CP rate trend\nRate/10k      2022/23   2023/24   2024/25\nCP plans        39.1      40.6      42.0\n",
     {("cp_plans_rate_per_10k", "39.1", "2022-23"), ("cp_plans_rate_per_10k", "40.6", "2023-24"),
      ("cp_plans_rate_per_10k", "42", "2024-25")}),
])
def test_a_table_says_by_its_head_whose_and_what_its_figures_are(text, want, library):
    from kpi_extract.pipeline import extract_text
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == want


@pytest.mark.parametrize("text", [
    # a rank counts nothing
    "Nearest neighbours\nIndicator            Average   Rank (of 16)\nChildren in need per 10,000   341.0   11th\n"
    "Children in care    588    5th\n",
    # others' figures taken together, under a heading that says so
    "Training - the regional picture, 2024-25\n(median of the seven North East partnerships)\nCourses delivered      104\n"
    "Delegates              2,310\n",
    # levels that set something off
    "Placement sufficiency trigger points (residential commissioning)\nChildren in care 720\nResidential placements 88\n",
])
def test_figures_that_are_not_the_writers_own_measure_give_no_fact(text, library):
    from kpi_extract.pipeline import extract_text
    assert extract_text(text, library) == []


def test_a_column_header_hyphenated_over_two_lines_is_one_name():
    from kpi_extract.geometry import _stacked
    assert (_stacked("Shrop-", "shire"), _stacked("Stoke-on-", "Trent"), _stacked("Statistical", "neighbours")) == \
        ("Shropshire", "Stoke-on-Trent", "Statistical neighbours")


def test_a_day_alone_in_brackets_is_read_with_its_brackets():
    from kpi_extract.periods import single_period
    assert single_period("CP plans per 10,000 (31/3/24)").label == "2024-03-31"


@pytest.mark.parametrize("text,want", [
    # the KPI in the header's first cell, the council in the row's label
    ("Children in need          31 Mar 23     31 Mar 24     31 Mar 25\nSalford                      2,410         2,388         2,502\n",
     {("children_in_need", "2410", "2023-03-31", "Salford"), ("children_in_need", "2388", "2024-03-31", "Salford"),
      ("children_in_need", "2502", "2025-03-31", "Salford")}),
    # the body itself named by its common noun under a head that names the KPI
    ("Total spend            2023/24      2024/25\nPartnership           £498,100     £517,650\n",
     {("expenditure_total", "498100", "2023-24", ""), ("expenditure_total", "517650", "2024-25", "")}),
    # a change's cell in pounds and per cent does not make the sums a count
    ("Board budget | 2025/26 | 2026/27 | Change\nTotal | £402,000 | £415,500 | +£13,500 (3.4%)\n",
     {("budget_total", "402000", "2025-26", ""), ("budget_total", "415500", "2026-27", "")}),
    # bare quarters after the first quarter's header with its financial year
    ("Children becoming subject to a CP plan | Q1 25/26 | Q2 | Q3\nRochdale | 96 | 104 | 88\n",
     {("cp_plans_started", "96", "2025-Q2", "Rochdale"), ("cp_plans_started", "104", "2025-Q3", "Rochdale"),
      ("cp_plans_started", "88", "2025-Q4", "Rochdale")}),
])
def test_a_header_whose_first_cell_names_the_kpi_heads_rows_that_say_whose(text, want, library):
    from kpi_extract.pipeline import extract_text
    assert {(f.kpi, f.value, f.period, f.subject) for f in extract_text(text, library)} == want


@pytest.mark.parametrize("text,want", [
    # a count with a condition after "and no": no part of the plans
    ("Disabled children on a CP plan and no completed health assessment: 11 (at 31/12/2025)", set()),
    # "had moved placement three or more times": a condition, the whole is the stock
    ("Children looked after: 588 (31 March 2025). Of these, 64 had moved placement three or more times in the year.",
     {("children_in_care", "588", "2025-03-31")}),
    # a period before its colon labels the figure after it, not the one before
    ("CLA rate (per 10,000 under-18s)   2023/24: 66.1   2024/25: 64.9",
     {("children_in_care_rate_per_10k", "66.1", "2023-24")}),
    # an age after "aged under" counts nobody
    ("96 of the 388 children on a plan at 30 June 2025 were aged under five.", {("cp_plans", "388", "2025-06-30")}),
    # where delegates came from is no earlier figure of them
    ("Training in 2024/25: 1,980 delegates attended, from 160 organisations.", {("training_delegates", "1980", "2024-25")}),
])
def test_conditions_ages_and_labels_of_the_next_figure(text, want, library):
    from kpi_extract.pipeline import extract_text
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == want


@pytest.mark.parametrize("text,want", [
    # a short date before the label's colon dates the figure
    ("CLA 31.3.25: 412", {("children_in_care", "412", "2025-03-31")}),
    # the items under a heading of what is meant for a year, an item wrapped over two lines
    ("PRIORITIES FOR 2026/27\n\n  - Reduce the number of children on a plan for a second time\n    to below 18%.\n"
     "  - Deliver 28 multi-agency courses to 1,150 practitioners.\n", set()),
    # a lead that says "of the quarter" is no whole broken down: its items are the figures
    ("3.1  The position at the end of the quarter is mixed:\n  -  referrals to children's social care fell to 1,102 in the "
     "quarter, the lowest\n     for a year;\n  -  children in our care rose to 604 at the end of December 2025.\n",
     {("referrals", "1102", ""), ("children_in_care", "604", "2025-12-31")}),
])
def test_a_list_is_read_by_its_lead_and_a_label_by_its_date(text, want, library):
    from kpi_extract.pipeline import extract_text
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == want


@pytest.mark.parametrize("text,want", [
    # a head of a count "per 10k" that no rate's alias names is that count's rate
    ("LAC per 10k          31 Mar 24    31 Mar 25\nRotherham               103.2        99.8\n",
     {("children_in_care_rate_per_10k", "103.2", "2024-03-31"), ("children_in_care_rate_per_10k", "99.8", "2025-03-31")}),
    # so is a column's head over rows of months
    ("Trafford - rates by month\n          CLA per 10k   CIN per 10k\nJul-25        66.1         301.2\n"
     "Aug-25        66.4         298.7\n",
     {("children_in_care_rate_per_10k", "66.1", "2025-07"), ("children_in_care_rate_per_10k", "66.4", "2025-08"),
      ("children_in_need_rate_per_10k", "301.2", "2025-07"), ("children_in_need_rate_per_10k", "298.7", "2025-08")}),
])
def test_a_head_of_a_count_per_10k_is_its_rate(text, want, library):
    from kpi_extract.pipeline import extract_text
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == want


@pytest.mark.parametrize("text,want", [
    # the whole "included" its part, which names itself after the figure; "the age of five" counts nobody
    ("At 30 September 2025 the 702 children subject to a child protection plan included 164 under the age of five.",
     {("cp_plans", "702", "2025-09-30", ""), ("cp_plans", "164", "2025-09-30", "under 5s")}),
    ("The 655 children looked after at 31 March 2025 include 48 unaccompanied asylum-seeking children.",
     {("children_in_care", "655", "2025-03-31", ""), ("uasc_in_care", "48", "2025-03-31", "")}),
])
def test_a_whole_that_includes_its_part(text, want, library):
    from kpi_extract.pipeline import extract_text
    assert {(f.kpi, f.value, f.period, f.subject) for f in extract_text(text, library)} == want


@pytest.mark.parametrize("text,want", [
    # one row of figures under period columns and nothing else: the caption is its label
    ("Re-referrals within 12 months (%)\n2022/23     2023/24     2024/25\n  23.1        21.4        19.8\n",
     {("rereferral_rate", "23.1", "2022-23"), ("rereferral_rate", "21.4", "2023-24"), ("rereferral_rate", "19.8", "2024-25")}),
    ("Looked after children per 10,000 aged under 18\nMar-24     Mar-25\n 66.2       68.9\n",
     {("children_in_care_rate_per_10k", "66.2", "2024-03"), ("children_in_care_rate_per_10k", "68.9", "2025-03")}),
    # a word in brackets after a period says what its column is: "(forecast)" holds no figure of the period
    ("Children becoming subject to a CP plan 2025/26\nQ1 (actual) | Q2 (actual) | Q3 (forecast)\n88 | 93 | 97\n",
     {("cp_plans_started", "88", "2025-Q2"), ("cp_plans_started", "93", "2025-Q3")}),
])
def test_a_row_under_periods_alone_takes_the_caption_as_its_label(text, want, library):
    from kpi_extract.pipeline import extract_text
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == want


def test_a_year_after_the_span_it_is_of_is_no_earlier_figure(library):
    from kpi_extract.pipeline import extract_text
    text = ("Between April and September 2025 the service received 2,318 referrals, slightly fewer than in the "
            "same period of 2024.")
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == {("referrals", "2318", "2025-09")}


def test_a_stock_after_a_span_is_at_the_spans_end(library):
    from kpi_extract.pipeline import extract_text
    text = ("- Referrals received April to September 2025: 2,204.\n"
            "- Children subject to a child protection plan: 388.\n")
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == {
        ("referrals", "2204", "2025-09"), ("cp_plans", "388", "2025-09-30")}


@pytest.mark.parametrize("text,want", [
    # a second aim joined to the first after an object: "commits the board to ... and to run 96"
    ("For 2026/27 the business plan commits the board to reach 2,400 practitioners and to run 96 multi-agency courses.",
     set()),
    # what a plan asks a body to do is an aim
    ("The new strategy asks the partnership to deliver 120 multi-agency courses in 2026/27.", set()),
    # partners named together pay the total between them, no one partner's share
    ("In 2025/26 the borough council, the ICB and the constabulary put in £471,300 between them.",
     {("budget_contributions", "471300", "2025-26")}),
])
def test_aims_after_an_object_and_sums_paid_between_partners(text, want, library):
    from kpi_extract.pipeline import extract_text
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == want


@pytest.mark.parametrize("text", [
    # a modal's clause over four words before the figure: what would be, not what is
    "If nothing changes, the two boroughs would together be looking after 1,240 children by March 2029.",
    # a place set off as "our partner" is another's, not the writer's
    "Eastmoor, our partner in the shared front door, has a child protection rate of 39.1 per 10,000 at 30 June 2025.",
])
def test_modal_clauses_and_a_partner_in_apposition_give_no_fact(text, library):
    from kpi_extract.pipeline import extract_text
    assert extract_text(text, library) == []


@pytest.mark.parametrize("text,want", [
    # after the term and a colon, a period then its figure, item after item
    ("Contacts passed to children's social care as referrals: 2023/24 3,402; 2024/25 3,518",
     {("referrals", "3402", "2023-24"), ("referrals", "3518", "2024-25")}),
    # the rate's unit before the colon makes the figures the rate
    ("Child protection plans (per 10,000 children): 31 March 2024 44.2; 31 March 2025 41.7",
     {("cp_plans_rate_per_10k", "44.2", "2024-03-31"), ("cp_plans_rate_per_10k", "41.7", "2025-03-31")}),
])
def test_a_series_of_periods_and_figures_after_a_colon(text, want, library):
    from kpi_extract.pipeline import extract_text
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == want


@pytest.mark.parametrize("text,want", [
    # the verb of care, then the rate
    ("At 31 March 2025 Thornbury looks after 71 children per 10,000.", {("children_in_care_rate_per_10k", "71", "2025-03-31")}),
    # "is now" before the rate
    ("The CP rate per 10,000 is now 36.4 (30 November 2025).", {("cp_plans_rate_per_10k", "36.4", "2025-11-30")}),
    # a quarter's end said after it, or without "of"
    ("CLA per 10k: 66.9 (Q2 2025/26 end)", {("children_in_care_rate_per_10k", "66.9", "2025-09-30")}),
    ("Children in care (end Q1 2025/26): 702", {("children_in_care", "702", "2025-06-30")}),
    # what delegates were "on" is no head of the phrase: the delegates are counted, not the courses
    ("Delegates on multi-agency courses in 2024/25: 1,204.", {("training_delegates", "1204", "2024-25")}),
])
def test_rates_after_their_verbs_and_quarter_ends(text, want, library):
    from kpi_extract.pipeline import extract_text
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == want


def test_what_some_of_them_are_besides_qualifies_the_count(library):
    from kpi_extract.pipeline import extract_text
    assert extract_text("Seven children in care are themselves young parents.", library) == []
    assert extract_text("14 children in care were also young carers at the end of March 2025.", library) == []


def test_a_label_that_says_ytd_is_read_as_the_year_to_date(library):
    # "YTD" is a period word of the label, as "year to date" is: the label still names referrals
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text("Contacts 9,880\nReferrals YTD (to end of November 2025): 2,904\n", library)}
    assert ("referrals", "2904", "2025-11") in got


def test_a_bracket_of_several_earlier_years_gives_each_its_figure(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Children in need: 1,944 at 31 March 2025 (31 March 2024: 2,010; 31 March 2023: 2,125)\n", library)}
    assert got == {("children_in_need", "1944", "2025-03-31"), ("children_in_need", "2010", "2024-03-31"),
                   ("children_in_need", "2125", "2023-03-31")}
