"""Which period each figure of a sentence describes (see kpi_extract/dating.py)."""
import pytest
from hypothesis import given, strategies as st

from kpi_extract.dating import SOURCE_OF_RULE, Context, attribute
from kpi_extract.model import Period
from kpi_extract.periods import as_at, financial_year, month
from datetime import date

REPORT_2016_17 = Context(financial_year(2016), "title")


def dated(text: str, library) -> set[tuple[str, str, str]]:
    """Each fact of a text as its KPI, value and period label."""
    from kpi_extract.pipeline import extract_text
    return {(f.kpi, f.value, f.period) for f in extract_text(text, library)}


def periods(text, figures, ctx=REPORT_2016_17):
    spans = [(text.index(f), text.index(f) + len(f)) for f in figures]
    got = attribute(text, spans, ctx)
    return [(got[s][0].label, SOURCE_OF_RULE[got[s][1]]) for s in spans]


@pytest.mark.parametrize("text,figures,expected", [
    ("The number of children with a Child in Need Plan has increased in 2016/17 to 1,466 at 31st March 2017 "
     "from 1302 at 31st March 2016.", ["1,466", "1302"],
     [("2017-03-31", "sentence"), ("2016-03-31", "sentence")]),
    ("Course utilisation stayed high at 92% during 2016/17 compared to 87% during the previous year.",
     ["92%", "87%"], [("2016-17", "sentence"), ("2015-16", "sentence")]),
    ("There were 341 (321 2015/16, 428 2014/15) Police Protections.", ["341", "321", "428"],
     [("2016-17", "title"), ("2015-16", "sentence"), ("2014-15", "sentence")]),
    ("At the end of March 2017 the county had 3,906 open children in need cases compared to the previous "
     "year which was 4,112.", ["3,906", "4,112"], [("2017-03-31", "sentence"), ("2016-03-31", "sentence")]),
    ("This year 1,127 children became the subject of a CP plan, compared to 986 children last year.",
     ["1,127", "986"], [("2016-17", "title"), ("2015-16", "title")]),
    ("The number of training events commissioned during 2017/18 was up from 131 to 139.", ["131", "139"],
     [("2016-17", "sentence"), ("2017-18", "sentence")]),
    ("This is a reduction from 467 (44 per 10,000 children) at 31 March 2017.", ["467", "44"],
     [("2017-03-31", "sentence"), ("2017-03-31", "sentence")]),
    ("The population has increased by 16% from 1020 to 1187 (as of March 2013), since 2010.",
     ["1020", "1187"], [("2010", "sentence"), ("2013-03-31", "sentence")]),
    ("There were 611 children subject to a CP plan at 31st March.", ["611"], [("2017-03-31", "sentence")]),
    ("In Q3 2018/19 there were 1,096 referrals, compared with 4,036 referrals in 2017/18 as a whole.",
     ["1,096", "4,036"], [("2018-Q4", "sentence"), ("2017-18", "sentence")]),
    ("By the end of March 2018, 31 actions have been completed and the rest moved to the 2018/19 plan, "
     "so 78% of the actions have been completed.", ["31", "78%"],
     [("2018-03-31", "sentence"), ("2018-03-31", "sentence")]),
    ("The budget for 2016/17 was £412,960, with a carry forward of £15,300 from the previous year.",
     ["£412,960", "£15,300"], [("2016-17", "sentence"), ("2016-17", "sentence")]),
    ("Course utilisation was 84%, a little lower than in 2015/16.", ["84%"], [("2016-17", "title")]),
    # "from" opens the span itself, not a comparison
    ("From 1 April 2017 to 31 March 2018, 1,204 children became subject to a plan.", ["1,204"],
     [("2017-18", "sentence")]),
])
def test_attribution(text, figures, expected):
    assert periods(text, figures) == expected


def test_a_labels_bracketed_period_dates_the_figure_after_its_colon():
    # each line a quarter, its months in brackets, then its figure: the brackets are no date of the line before's
    text = "Front door summary 2024/25 Q4 (Jan-Mar 25): 1,388 referrals Q3 (Oct-Dec 24): 1,295 referrals"
    assert periods(text, ["1,388", "1,295"]) == [("2025-Q1", "sentence"), ("2024-Q4", "sentence")]


def test_carried_date_and_event_date():
    ctx = Context(financial_year(2016), "title", carried=as_at(date(2017, 3, 31)), event=month(2013, 7))
    assert periods("The caseload split as follows: 611 on a CP plan.", ["611"], ctx) == [("2017-03-31", "sentence")]
    assert periods("At the time of the inspection there were 1298 looked after children.", ["1298"], ctx) == \
        [("2013-07", "sentence")]


def test_no_period_anywhere_is_unknown():
    assert periods("There are 2000 children in care.", ["2000"], Context()) == [("", "")]


MEETING_NOV_2024 = Context(meeting=as_at(date(2024, 11, 14)))


@pytest.mark.parametrize("text,figures,expected", [
    # the day that closes a figure's own clause is that figure's, though a long noun phrase stands between
    ("(c) 344 children were subject to a child protection plan at 31 October 2024, and 38 children became "
     "subject to a plan during October;", ["344", "38"], [("2024-10-31", "sentence"), ("2024-10", "sentence")]),
    # a year-less day is placed before the meeting, not left undated
    ("3,462 children were open to social care as children in need at the end of September, including those "
     "on plans and in care.", ["3,462"], [("2024-09-30", "sentence")]),
    # a deadline after "and the remaining six" is not the count's date
    ("Of the plan's 28 actions, 22 are complete and the remaining six are on track to be completed by "
     "September 2024.", ["22"], [("", "")]),
    # nor is the year that names a plan ("the business plan for 2024/25")
    ("By 31 December 2024, 21 of the 32 actions in the Board's business plan for 2024/25 had been completed.",
     ["21"], [("2024-12-31", "sentence")]),
])
def test_a_date_at_the_end_of_its_figures_clause(text, figures, expected):
    assert periods(text, figures, MEETING_NOV_2024) == expected


@pytest.mark.parametrize("text,figures,expected", [
    # a date that closes a line of figures, in a bracket or after a dash, dates each figure of the line
    ("Children in need: 2,410 | Child protection: 301 | Children in care: 575 \u2014 data as at 30 June 2019",
     ["2,410", "575"], [("2019-06-30", "sentence"), ("2019-06-30", "sentence")]),
    ("Children in care by gender: male 402; female 371; not known 3 (as at 31/03/2022)", ["402", "371"],
     [("2022-03-31", "sentence"), ("2022-03-31", "sentence")]),
    ("There are 41 actions in the plan, of which 29 are now complete (30 September 2024).", ["41", "29"],
     [("2024-09-30", "sentence"), ("2024-09-30", "sentence")]),
    ("Progress on the plan: 27 of 35 actions are complete (77%), as at 31 October 2024.", ["27", "35", "77%"],
     [("2024-10-31", "sentence")] * 3),
    # even after a comparator's figure: "England 42.1 (at ...)" closes the line
    ("Child protection rate per 10,000: Harrowby 47.3; North West 50.3; England 42.1 (at 31 March 2023)", ["47.3"],
     [("2023-03-31", "sentence")]),
])
def test_a_date_closing_a_line_of_figures_dates_them_all(text, figures, expected):
    assert periods(text, figures, MEETING_NOV_2024) == expected


Q2_2024_25 = Context(Period("2024-Q3", "quarter", date(2024, 7, 1), date(2024, 9, 30)), "title",
                     meeting=as_at(date(2024, 11, 14)))


@pytest.mark.parametrize("text,figures,expected", [
    # a date after a superlative's "since" is the baseline's, like "since 2010", not the figure's own
    ("Referrals fell to 1,044, the fewest since Q4 2022/23 (1,012).", ["1,044"], [("2024-Q3", "title")]),
    ("There were 305 children on a plan at 30 September, the highest number since 31 March 2021.", ["305"],
     [("2024-09-30", "sentence")]),
    # a change's baseline ("down 138 on Q1") and a comparator's year ("the England figure for 2022/23")
    # date neither the figure nor the sentence
    ("The re-referral rate was 21%, in line with the England figure for 2022/23 (22.4%).", ["21%"],
     [("2024-Q3", "title")]),
    # a comparison in square brackets has its own period, like one in round brackets
    ("Children in need at quarter end: 2,914 [Q1 24/25: 2,870]", ["2,914"], [("2024-09-30", "title")]),
    # a date in the clause after a semicolon is that clause's, not the figure's before it
    ("The re-referral rate was 19.8%; a dip sample of 30 cases in July found good practice.", ["19.8%"],
     [("2024-Q3", "title")]),
])
def test_a_baseline_or_another_clauses_date_is_not_the_figures(text, figures, expected):
    assert periods(text, figures, Q2_2024_25) == expected


def test_a_changes_baseline_is_no_date_of_its_sentence_for_the_next_to_borrow():
    from kpi_extract.dating import analyse
    text = "The fall in contacts (down 138 on Q1) reflects the usual summer dip."
    at = text.index("138")
    _, main, _ = analyse(text, [(at, at + 3)], Q2_2024_25)
    assert main is None


def test_a_changes_baseline_dates_the_change_not_the_figure_of_its_clause(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.period) for f in extract_text(
        "The board's budget for 2025/26 is £480,000; partner contributions come to £455,500, up £9,000 on last "
        "year.", library)}
    assert got == {("budget_total", "2025-26"), ("budget_contributions", "2025-26")}


def test_a_later_cells_own_period_does_not_date_the_first_cell(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.value, f.period) for f in extract_text("Re-referral rate (December 2024): 19.5% | 2023/24 outturn 22.0%",
                                                      library) if f.value == "19.5"}
    assert got == {("19.5", "2024-12")}


def test_month_end_is_the_last_day_of_the_month_governing_it(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.value, f.period) for f in extract_text("Scorecard, March 2024\n- 355 children in care at month end",
                                                      library)}
    assert got == {("355", "2024-03-31")}


def test_a_date_line_under_a_big_figure_dates_it(library):
    for text in ("Children in Care\n488\nas at 30 June 2025", "488\nChildren in Care\nas at 30 June 2025"):
        assert dated(text, library) == \
            {("children_in_care", "488", "2025-06-30")}


def test_a_count_since_april_is_the_year_to_the_meeting(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.value, f.period, f.period_kind) for f in extract_text(
        "Corporate Parenting Panel, 14 November 2023\nSince April, 1,640 referrals have been received.", library)}
    assert got == {("1640", "2023-11", "month")}


def test_the_close_of_the_period_a_section_heading_names(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.value, f.period) for f in extract_text(
        "Section 3: Child protection — quarter review, July to September 2024\nThe number of children on plans stood "
        "at 388 at the close of the period.", library)}
    assert got == {("388", "2024-09-30")}


def test_a_heading_run_into_the_text_dates_the_sentences_after_it(library):
    # a few words and a period, no verb: a heading set on the same line as the text it heads
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Safeguarding training, 2022/23. The partnership ran 88 multi-agency courses, which 1,930 practitioners "
        "attended.", library)}
    assert got == {("training_courses", "88", "2022-23"), ("training_delegates", "1930", "2022-23")}
    # a sentence with a verb is no heading: its date is its own, and the next sentence's is unknown
    got = {(f.kpi, f.period) for f in extract_text(
        "The board met in May 2023. The partnership ran 88 multi-agency courses.", library)}
    assert got == {("training_courses", "")}


def test_the_year_a_change_is_measured_on_is_not_the_sentences(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Ashby Council - Annual Report 2024/25\n\nContacts rose by 310 on 2023/24, and the re-referral rate was 19.2%.",
        library)}
    assert got == {("rereferral_rate", "19.2", "2024-25")}


def test_a_months_own_figure_in_the_possessive_is_that_months(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Ashby Council - Monthly data pack, 2025/26\n\nJune's 512 referrals were the most of any month so far.",
        library)}
    assert got == {("referrals", "512", "2025-06")}


def test_a_long_heading_that_names_its_body_and_ends_on_its_period_dates_what_follows(library):
    text = ("Ashby Safeguarding Children Partnership - Training and Learning Summary 2024-25\n\n"
            "1,940 practitioners attended our multi-agency courses.")
    assert len(text.split("\n")[0]) > 70
    assert dated(text, library) == {("training_delegates", "1940", "2024-25")}


def test_a_heading_of_up_to_130_characters_that_names_its_body_and_ends_on_its_period_dates_what_follows(library):
    text = ("Kestrelford Safeguarding Children Partnership - Interim report to the Partnership Executive (April-September "
            "2025)\nOver those six months the partnership ran 31 multi-agency courses for 684 delegates.\n")
    assert len(text.split("\n")[0]) > 90
    assert dated(text, library) == {
        ("training_courses", "31", "2025-09"), ("training_delegates", "684", "2025-09")}


@pytest.mark.parametrize("text", [
    # the quarter to a day of no year, placed before the meeting
    "Ashby Council - Children's Scrutiny, 10 February 2026\n\nIn the quarter to 31 December the front door received "
    "1,310 referrals.",
    # "in the quarter" of a paper whose position is a quarter's last day
    "Ashby Council\nChildren's Services Scorecard - position at 31 December 2025\n\nThe service received 1,310 "
    "referrals in the quarter.",
])
def test_the_quarter_a_paper_speaks_of_is_the_quarter(text, library):
    assert dated(text, library) == {("referrals", "1310", "2025-Q4")}


def test_the_year_something_was_put_off_to_does_not_date_the_figures(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Ashby Safeguarding Children Partnership - Annual Report 2024-25\n\nBusiness plan progress at 31 March 2025\n\n"
        "Of the plan's 40 actions, 25 were complete and 3 had been deferred to 2025-26.", library)}
    assert got == {("plan_actions_total", "40", "2025-03-31"), ("plan_actions_completed", "25", "2025-03-31")}


def test_a_ratio_of_what_happened_up_to_a_months_end_is_the_year_so_far(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Ashby Council - Scrutiny minutes, 10 March 2025\n\nCourse utilisation to the end of December stood at 84%.",
        library)}
    assert got == {("training_utilisation", "84", "2024-12")}


@pytest.mark.parametrize("text, want", [
    # a bracket closing the sentence with the day every figure is at, across its semicolons
    ("Ashby Council - Children's Scrutiny\n\nCP plan rate 41.0; England 43.2; statistical neighbours 45.9 (all figures "
     "at 31 March 2025).", {("cp_plans_rate_per_10k", "41", "2025-03-31")}),
    # a short day alone in a bracket, or closing one after its quarter's name
    ("Ashby Council - Children's Scrutiny\n\nOur rate of children in care fell to 61.5 per 10,000 children (31.3.25).",
     {("children_in_care_rate_per_10k", "61.5", "2025-03-31")}),
    ("Ashby Council - Children's Scrutiny\n\nChildren in need: 1,912 (end of Q3, 31.12.25).",
     {("children_in_need", "1912", "2025-12-31")}),
])
def test_a_bracket_that_closes_the_sentence_with_its_day_dates_its_figures(text, want, library):
    assert dated(text, library) == want


@pytest.mark.parametrize("text,want", [
    ("Children looked after 588\nSource: children's case management system, snapshot taken 31 May 2025\n",
     {("children_in_care", "588", "2025-05-31")}),
    ("Where we are now\n* 2,016 children in need\n* 287 on CP plans\nSource: LCS snapshot 31/12/2025\n",
     {("children_in_need", "2016", "2025-12-31"), ("cp_plans", "287", "2025-12-31")}),
])
def test_a_note_closing_a_block_dates_its_stocks(text, want, library):
    assert dated(text, library) == want


def test_as_at_the_date_of_the_meeting_is_the_papers_meeting(library):
    text = ("Minutes of the Corporate Parenting Panel, 9 December 2025\n"
            "The Service Manager said that 544 children were looked after as at the date of the meeting.\n")
    assert dated(text, library) == {("children_in_care", "544", "2025-12-09")}


def test_a_budget_in_a_forecast_of_the_running_year_is_that_years(library):
    """A sentence forecasting the year still running names no year: its budget is the year the meeting is in."""
    text = ("Finance monitoring, period 7\nCommittee date: 4 December 2025\n\n"
            "The directorate forecasts to spend £98.6m against a budget of £93.2m, an overspend of £5.4m.\n")
    got = dated(text, library)
    assert got == {("budget_total", "93200000", "2025-26")}


def test_a_relative_quarter_that_opens_with_its_own_dating_word_closes_the_clause(library):
    """"in the quarter" after a long noun phrase is the figure's, as "during the quarter" is."""
    text = ("Quarterly report, position at 31 December 2025\n\n"
            "97 children became the subject of a child protection plan in the quarter.\n")
    assert dated(text, library) == {("cp_plans_started", "97", "2025-Q4")}


def test_a_years_span_that_names_the_plan_leaves_its_actions_to_the_meeting(library):
    """A restated plan is at its meeting; "the 2023-26 strategic plan" names the plan, it dates nothing."""
    text = ("Minutes - Bristol Safeguarding Partnership Executive, 3 March 2025\n\n"
            "Members heard that the 2023-26 strategic plan holds 28 actions; 19 are complete.\n")
    assert dated(text, library) == {
        ("plan_actions_total", "28", "2025-03-03"), ("plan_actions_completed", "19", "2025-03-03")}


def test_an_approval_in_a_month_without_its_year_dates_the_approval_not_the_actions(library):
    text = ("Leeds Safeguarding Children Partnership\nExecutive report - position at 31 December 2025\n\n"
            "The plan, which partners endorsed in June, sets out 36 actions.\n")
    assert dated(text, library) == {
        ("plan_actions_total", "36", "2025-12-31")}


@pytest.mark.parametrize("text, want", [
    # a title on a line of its own dates what is under it as context: "in the quarter" is the title's quarter
    ("Quarter 3 Performance Report 2023/24\n\nFront door\nReferrals in the quarter: 980.\n",
     {("referrals", "980", "2023-Q4")}),
    ("Quarter 3 Performance Report 2023/24\nFront door\nReferrals in the quarter: 980.\n",
     {("referrals", "980", "2023-Q4")}),
    # and a "year to date" under a quarter's title runs from April to the quarter's end
    ("Quarter 1 2025/26 Performance Report\nReferrals year to date: 612.\n", {("referrals", "612", "2025-06")}),
])
def test_a_title_dates_what_is_under_it_and_a_year_to_date_under_a_quarter(text, want, library):
    assert dated(text, library) == want


def test_a_scorecard_of_the_papers_own_area_beside_its_comparators(library):
    """A caption block's note on the comparators names their year, not the quarter's; the page's
    "Snapshot measures are as at" day is the stocks' day under a quarter that ends then; the one column
    headed with the paper's own area gives its whole figures, with no subject."""
    from kpi_extract.pipeline import extract_text
    text = ("WIGAN COUNCIL\n\nChildren's Scrutiny Committee, 9 December 2025\n\n"
            "Table 2: Key measures, Quarter 2 2025/26\n"
            "Snapshot measures are as at 30 September 2025.\n"
            "Benchmarks are the latest published (2023/24 for England and statistical neighbours).\n"
            "Measure | Wigan Q2 | England | Stat. neighbours\n"
            "Referrals in the quarter | 812 | - | -\n"
            "Children looked after | 604 | - | -\n")
    got = {(f.kpi, f.value, f.period, f.subject, f.area) for f in extract_text(text, library)}
    assert got == {("referrals", "812", "2025-Q3", "", "Wigan"), ("children_in_care", "604", "2025-09-30", "", "Wigan")}


def test_a_visits_day_after_a_comma_and_a_note_in_brackets_under_a_table(library):
    from kpi_extract.pipeline import extract_text
    visit = ("Ofsted focused visit to Norfolk County Council children's services, 14 May 2025\n"
             "At the time of the visit, 1,210 children were in the care of the local authority.\n")
    assert {(f.kpi, f.value, f.period) for f in extract_text(visit, library)} == {("children_in_care", "1210", "2025-05-14")}
    note = "Locality | CIN | CP\nEast | 190 | 44\nWest | 210 | 51\n(as at 31/12/2024)\n"
    assert {(f.kpi, f.value, f.period) for f in extract_text(note, library)} == {
        ("children_in_need", "190", "2024-12-31"), ("children_in_need", "210", "2024-12-31"),
        ("cp_plans", "44", "2024-12-31"), ("cp_plans", "51", "2024-12-31")}


def test_a_snapshot_note_with_an_aside_naming_its_measures_dates_the_stocks_under_a_quarter(library):
    text = ("Appendix B: Children's services scorecard, Quarter 3 2025/26\n"
            "Note: snapshot figures (rows 4 to 6: children in need, on plans and in care) are as at 31 December 2025.\n"
            "Measure | Q3 2025/26 | London\n"
            "Referrals | 1,140 | -\n"
            "Children in care | 388 | -\n")
    assert dated(text, library) == {
        ("referrals", "1140", "2025-Q4"), ("children_in_care", "388", "2025-12-31")}


@pytest.mark.parametrize("text, want", [
    # a bracket closing a stock's sentence names its day, over the title's year; and read with its brackets
    ("Corporate Parenting Annual Report 2023-24\n\n982 children and young people in our care (snapshot, 30 June 2024)\n",
     {("children_in_care", "982", "2024-06-30")}),
    ("CP rate 38.2; England 41.6; SN 44.0 (31.3.24)\n", {("cp_plans_rate_per_10k", "38.2", "2024-03-31")}),
    # an infographic's figure over its snapshot note
    ("Number of children in care\n611\n(snapshot, 31 May 2025)\n", {("children_in_care", "611", "2025-05-31")}),
    # a quarter written in words is a period, not a count of children
    ("Stockport - children's services key figures, quarter two\nCiC: 412 (snapshot 30/09/2025)\n",
     {("children_in_care", "412", "2025-09-30")}),
    ("The number of children in care at the end of quarter two (2025-26) was 702.\n",
     {("children_in_care", "702", "2025-09-30")}),
    # a dash after a day that sets off the next figure is no span of years
    ("There were 2,230 open children in need cases at 30 November 2025 - 45 more than the budget assumed.\n",
     {("children_in_need", "2230", "2025-11-30")}),
    # a financial year to date, its month in brackets without a year
    ("Children in need referrals received in 2025/26 to date (to end of January): 3,980.\n",
     {("referrals", "3980", "2026-01")}),
    # "year to date" said in full, and the months from April in the bracket, which may make a quarter
    ("Re-referrals, 2024/25 year to date (to end of November): 19.2%\n", {("rereferral_rate", "19.2", "2024-11")}),
    ("Our CP plan starts for 2024/25 so far (April to January 2025) number 388.\n",
     {("cp_plans_started", "388", "2025-01")}),
    ("Referrals in the opening quarter of 2024/25 (April to June) came to 1,204.\n", {("referrals", "1204", "2024-Q2")}),
    # any months of a year named in its bracket: an academic year's from September
    ("Safeguarding courses for schools, academic year 2025/26 to date (September to November 2025): 14 courses\n",
     {("training_courses", "14", "2025-11")}),
    # an event's or a season's year after "of"
    ("The partnership's conferences of 2024 were attended by 310 practitioners.\n",
     {("conference_delegates", "310", "2024")}),
    # two days joined by a dash, with no word before them, are the span between
    ("Referrals, 1 July - 30 September 2024: 1,412\n", {("referrals", "1412", "2024-Q3")}),
    # a stock said over a span of months is the count at its end
    ("The number of children on a protection plan fell by 9 to 377 between 30 June and 30 September 2025.\n",
     {("cp_plans", "377", "2025-09-30")}),
    # a column dated by a day and the span to it: its stocks at the day, its flows and rates over the span
    ("Scrutiny Committee, 14 January 2026\n\n2. Key data\n\n\"Latest\" is our local data at 31 December 2025; for "
     "flows it is the year to date, 1 April to 31 December 2025.\n\nMeasure | 2024-25 | Latest\n"
     "Children in care at 31 March | 634 | 640\nReferrals in the year | 3,910 | 2,215\n"
     "Re-referrals within 12 months (%) | 20.5 | 18.7\n",
     {("children_in_care", "634", "2025-03-31"), ("children_in_care", "640", "2025-12-31"), ("referrals", "3910", "2024-25"),
      ("referrals", "2215", "2025-12"), ("rereferral_rate", "20.5", "2024-25"), ("rereferral_rate", "18.7", "2025-12")}),
    # a quarter of no year, in a title or a sentence: the latest such quarter ended by the meeting; a budget
    # under it is its year's; and "quarter 1, 240" is a quarter and a count, not 1,240
    ("Quarter 1 scorecard\nReport to Cabinet, 9 September 2025\n\nDuring quarter 1, 240 children started a child "
     "protection plan.\n", {("cp_plans_started", "240", "2025-Q2")}),
    # a meeting line that runs on into the paper's title: the title's quarter or year after the day and a dash, with
    # the title's words before it, governs what follows ("during the quarter", "during the year")
    ("Scrutiny Board 9 December 2025 - Children's Services Report, Quarter 2 (July to September) 2025/26\n\n"
     "During the quarter, 1,122 referrals were received.\n", {("referrals", "1122", "2025-Q3")}),
    ("Westvale Council - Cabinet 9 July 2025 - Front Door Annual Report 2024/25\n\nDuring the year, 4,410 referrals "
     "were received.\n", {("referrals", "4410", "2024-25")}),
    # "last quarter" alone is the quarter before, and its months in brackets say which; "the last quarter of" a year
    # is its fourth
    ("Westvale Council - Children's Scrutiny Committee, 12 March 2025\nIn the last quarter (October to December) "
     "the front door received 1,044 referrals.\n", {("referrals", "1044", "2024-Q4")}),
    ("Westvale Council - Corporate Parenting Board, 10 July 2025\nThis quarter (April to June) 27 children became "
     "subject to a plan, against 34 last quarter.\n",
     {("cp_plans_started", "27", "2025-Q2"), ("cp_plans_started", "34", "2025-Q1")}),
    ("Westvale Safeguarding Children Partnership\nIn the last quarter of 2024/25 the partnership ran 19 courses.\n",
     {("training_courses", "19", "2025-Q1")}),
    # a small count straight after "In the previous year" is that year's, no label's number ("Year 6")
    ("Westvale Safeguarding Children Partnership - Annual Report 2024/25\nIn the previous year 55 courses ran.\n",
     {("training_courses", "55", "2023-24")}),
    # a footnote's asterisk or dagger on a term is read past, and its note dates the figure
    ("Westvale Council - front door summary\nReferrals* 1,612\nRe-referral rate* 17.9%\n"
     "* April to November 2025, provisional.\n",
     {("referrals", "1612", "2025-11"), ("rereferral_rate", "17.9", "2025-11")}),
    # a strip of names over their figures under a caption: each figure its name's, in the caption's period
    ("Westvale Safeguarding Children Partnership\nTable 2: Multi-agency training, Q2 2025/26\n"
     "Courses    Delegates    Utilisation\n  31         702          84%\n",
     {("training_courses", "31", "2025-Q3"), ("training_delegates", "702", "2025-Q3"),
      ("training_utilisation", "84", "2025-Q3")}),
    # a long title line whose period comes before a colon and its subtitle heads what follows (not a line whose
    # colon gives a figure: "CP plans started: 214 in 2024-25 (2023-24: 231)")
    ("Westvale Council - Children's social care in 2025: a summary for members\n\nDuring the calendar year, 3,980 "
     "referrals were received.\n", {("referrals", "3980", "2025")}),
    ("Quarter 2 finance and performance report\nCabinet, 10 December 2025\n\nQuarter 2 saw 1,210 referrals. The "
     "children's services budget is £96.4m.\n",
     {("referrals", "1210", "2025-Q3"), ("budget_total", "96400000", "2025-26")}),
    # a heading's day of no year, or a month's end: the latest such day on or before the meeting
    ("Westvale Council\nCorporate Parenting Panel - 12 March 2026\n\nPosition at 31 January\nThere were 508 children "
     "in care.\n", {("children_in_care", "508", "2026-01-31")}),
    ("Westvale Council\nScrutiny Committee - 14 January 2026\n\nPosition at end of October\n"
     "| Children on a child protection plan | 233 |\n", {("cp_plans", "233", "2025-10-31")}),
    # "Last year" opening a sentence is the year reported, but the year before when the sentence sets it against this year
    ("Westvale Safeguarding Children Partnership Annual Report 2024/25\n\nLast year the partnership ran 71 courses, "
     "this year it ran 84 courses.\n", {("training_courses", "71", "2023-24"), ("training_courses", "84", "2024-25")}),
    # "(Data extracted 30/05/2025)" on a line of its own is a standing statement: the present is its day
    ("Westvale Safeguarding Children Partnership\nExecutive Board - 12/06/2025\n(Data extracted 30/05/2025)\n\n"
     "Children currently in care: 1,146\n", {("children_in_care", "1146", "2025-05-30")}),
    # or when the sentence before spoke of this year
    ("Westvale Partnership Budget 2025/26\n\nThe budget for this year is £602,000. Last year the partnership spent "
     "£571,300.\n", {("budget_total", "602000", "2025-26"), ("expenditure_total", "571300", "2024-25")}),
    # a year in a body's plan's name names the plan: the sentence's day dates its actions
    ("By 30 September 2025, 41 of the 52 actions in the partnership's 2025-26 business plan were complete.\n",
     {("plan_actions_completed", "41", "2025-09-30"), ("plan_actions_total", "52", "2025-09-30")}),
    # a meeting line that runs on into its paper's title: the title's period dates the paper, and its table
    ("Eastborough Council - Children's Scrutiny Panel, 12 March 2026 - Children in need by area (31 January 2026)\n"
     "| Area | Children in need |\n| North | 604 |\n| South | 731 |\n| Total | 1,335 |\n",
     {("children_in_need", "604", "2026-01-31"), ("children_in_need", "731", "2026-01-31"),
      ("children_in_need", "1335", "2026-01-31")}),
    # a quarter or a financial year alone on its line heads what follows (a day alone is a dateline), even under a long line
    ("Northfield Council\nChildren's Scrutiny Committee, 4 March 2026\nQuarter 3 2025/26\n\nThere were 1,377 "
     "referrals.\n", {("referrals", "1377", "2025-Q4")}),
    ("Northfield Council\nCabinet Member for Children's Services - Quarterly Briefing Note\nQ2 2025/26 (July - "
     "September 2025)\n\nThe front door took 1,204 referrals.\n", {("referrals", "1204", "2025-Q3")}),
    # "Position" straight before a month's end, and a standing statement's last (working) day of a month of no year
    ("Westvale Council\nScrutiny Committee - 11 February 2026\n\nPosition end of December\n"
     "Children in care: 517\n", {("children_in_care", "517", "2025-12-31")}),
    ("Westvale Council\nScrutiny Committee - 11 February 2026\n\nAll figures are as at the last working day of January.\n"
     "Children in need: 2,114\n", {("children_in_need", "2114", "2026-01-31")}),
    # a working group's or a commission's meeting line is a dateline; "Annual performance" and its year is a title
    ("Eastvale Council\nChildren, Young People and Families Overview and Scrutiny Committee - 9 July 2025\n"
     "Annual performance 2024/25\n\nThe service took 2,905 referrals, a re-referral rate of 19.2%.\n",
     {("referrals", "2905", "2024-25"), ("rereferral_rate", "19.2", "2024-25")}),
    ("Eastvale Council\nChildren, Young People and Education Scrutiny Task and Finish Group, 2 July 2025\n"
     "Annual performance 2024/25\n\nThe service took 2,905 referrals.\n", {("referrals", "2905", "2024-25")}),
    # a subgroup's meeting line is a dateline; a dataset's title dates what follows; so does a quarter's title with
    # its year between its words ("Quarter 2 2025/26 performance")
    ("Westvale Safeguarding Children Partnership\nLearning and Improvement Subgroup - 12 January 2026\n"
     "Dataset for November 2025\n\nReferrals to children's social care 1,204\n",
     {("referrals", "1204", "2025-11")}),
    ("Westvale Borough Council\nChildren, Young People and Families Overview and Scrutiny Committee - 4 December 2025\n"
     "Quarter 2 2025/26 performance\n\nThe service took 1,480 referrals.\n", {("referrals", "1480", "2025-Q3")}),
    # under a standing statement the present is the data's day: "year to date" and "currently" are to it, not the meeting
    ("Westvale Council\nCabinet - 11 March 2026\nData are as at 31 January 2026.\n\nYear to date, 1,930 referrals "
     "have been received, and 402 children are currently in care.\n",
     {("referrals", "1930", "2026-01"), ("children_in_care", "402", "2026-01-31")}),
    # a line under the meeting line may head what follows, however long the meeting line: "As at 31 October 2025"
    ("Westvale Council\nChildren, Young People and Families Overview and Scrutiny Committee - 9 December 2025\n"
     "As at 31 October 2025\n\n| Children in care | 640 |\n| Children in need | 2,310 |\n",
     {("children_in_care", "640", "2025-10-31"), ("children_in_need", "2310", "2025-10-31")}),
    # a prose line wrapped after its year is no title, though it names a budget and a year: its figure is read
    ("Westvale Council\nCabinet - 3 December 2025\nBudget monitoring 2025/26: quarter 2\n\n1.1 Council agreed a net "
     "revenue budget of £402.7m for 2025/26 at its\nmeeting in February 2025.\n",
     {("budget_total", "402700000", "2025-26")}),
])
def test_brackets_notes_quarters_in_words_dashes_years_to_date_and_quarters_of_the_meeting(text, want, library):
    assert dated(text, library) == want


def test_a_compared_figures_month_leaves_today_to_date_the_figure(library):
    text = ("Full Council, 20 November 2025\nThe Cabinet Member replied that as of today 318 children were looked "
            "after, 12 more than in June.\n")
    assert dated(text, library) == {("children_in_care", "318", "2025-11-20")}


@pytest.mark.parametrize("text, want", [
    # a span of years outside a heading's brackets dates nothing: the bracket's day dates the list under it
    ("Improvement Plan 2025-28: progress (position at 31 October 2025)\n- Actions in the plan: 44\n- Completed: 20\n",
     {("plan_actions_total", "44", "2025-10-31"), ("plan_actions_completed", "20", "2025-10-31")}),
    # a short heading over a line that opens on a figure is its own line: its quarter is not the figure's date
    ("Front door - quarter 3 update\n402 children were subject to a child protection plan at the end of December 2025.\n",
     {("cp_plans", "402", "2025-12-31")}),
])
def test_a_headings_span_of_years_and_a_short_heading_over_a_figure(text, want, library):
    assert dated(text, library) == want


def test_a_rate_over_the_past_twelve_months_to_a_day_is_that_rolling_year(library):
    from kpi_extract.pipeline import extract_text
    text = ("Quarterly dashboard - data to 30 November 2025\nIn the past 12 months the front door received 3,960 "
            "referrals, with a re-referral rate of 18.4%.\n")
    got = {(f.kpi, f.value, f.period, f.period_kind) for f in extract_text(text, library)}
    assert ("rereferral_rate", "18.4", "2025-11", "month") in got


def test_a_stock_ending_the_quarter_at_a_figure_is_at_the_quarters_end(library):
    text = "Looked after children numbers fell during Q2 2025/26, ending the quarter at 388.\n"
    assert dated(text, library) == {("children_in_care", "388", "2025-09-30")}


def test_an_arrow_sets_a_changes_baseline_like_up_or_down(library):
    # an infographic's "↓ 9% on 2023/24" compares with last year: its year dates the change, and the
    # figure keeps the span of months over it
    from kpi_extract.pipeline import extract_text
    got = [(f.kpi, f.value, f.period) for f in extract_text(
        "2,215\nreferrals received by our social care teams\nApril 2024 to March 2025\n(↓ 9% on 2023/24)", library)]
    assert got == [("referrals", "2215", "2024-25")]


@pytest.mark.parametrize("text,want", [
    # the mark on the figure, the note's day after a population estimate's year
    ("Rate of children in care per 10,000: 71.3\u00b9\n\n\u00b9 Per 10,000 under-18s at 31.03.2025; ONS mid-2023 estimates.\n",
     {("children_in_care_rate_per_10k", "71.3", "2025-03-31")}),
    # the mark on a year-less date in the sentence, the note giving the day
    ("The number of children subject to a protection plan was 318 at the end of September\u00b2, and most of the "
     "plans were made for neglect.\nThe service will report again in the spring.\n\n"
     "\u00b2 Position at 30 September 2025, from the case management system.\n",
     {("cp_plans", "318", "2025-09-30")}),
    # an asterisk on a share; the note names a quarter
    ("Multi-agency course utilisation: 87%*\n* Places filled against places offered, quarter 1 2025/26.\n",
     {("training_utilisation", "87", "2025-Q2")}),
    # the mark on the label before its figure
    ("Children subject to a CP plan\u00b3: 291\n\n\u00b3 Snapshot as at 31 January 2026.\n",
     {("cp_plans", "291", "2026-01-31")}),
])
def test_a_footnote_mark_dates_the_figure_it_is_set_on(text, want, library):
    assert dated(text, library) == want


@pytest.mark.parametrize("text,want", [
    # a bracketed number after the figure, its note a line that opens on it
    ("Front door activity, Ravensby\nContacts | 5,410 (1)\nReferrals | 1,874 (2)\n(1) Not a KPI.\n"
     "(2) Year to date, April to November 2025.\n", {("referrals", "1874", "2025-11")}),
    # "(see note b)" on the label, "Note b:" below
    ("Ravensby Children's Services - exceptions\nChildren in care (see note b) | 418\n"
     "Note b: as at 30 November 2025.\n", {("children_in_care", "418", "2025-11-30")}),
])
def test_a_bracketed_mark_and_a_named_note_date_the_figure(text, want, library):
    assert dated(text, library) == want


@pytest.mark.parametrize("text,want", [
    ("Ravensby Borough Council - Children and Young People Scrutiny Committee\n3. Position at 31 October 2025\n"
     "3.1 There were 418 children in care.\n", {("children_in_care", "418", "2025-10-31")}),
    ("Ravensby Safeguarding Children Partnership - Finance Report to the Executive\nSection 5: 2024/25 outturn\n"
     "5.1 The partnership's budget for the year was £388,400.\n", {("budget_total", "388400", "2024-25")}),
])
def test_a_line_opening_on_a_sections_number_is_a_heading_under_a_long_title(text, want, library):
    assert dated(text, library) == want


def test_a_new_paragraph_borrows_no_point_in_time_from_the_figures_of_the_one_before(library):
    # "January to March" dates the planned courses' sentence, not the next paragraph's actions (the date in
    # it is a deadline): they are left undated rather than put in a quarter of the wrong year
    from kpi_extract.pipeline import extract_text
    text = ("Ravensby Borough Council\nChildren's Scrutiny Committee\nMinutes of the meeting held on 4 March 2026\n\n"
            "The Business Manager said that 61 more courses were planned for January to March.\n\n"
            "She said that 29 of the 40 actions in the partnership's business plan had now been completed, the rest "
            "being due by the end of the plan in March 2026.\n")
    got = {(f.kpi, f.value, f.period) for f in extract_text(text, library) if f.kpi.startswith("plan_actions")}
    assert got == {("plan_actions_completed", "29", ""), ("plan_actions_total", "40", "")}


def test_the_next_numbered_paragraph_of_a_section_still_borrows_the_day_before(library):
    # "4.3 At 31 October" takes its year from 4.2, a blank line between, not from the budget's year in the title
    text = ("Children's Services Budget 2026-27 - Scrutiny Committee\n\n4. Demand\n\n"
            "4.2 At 31 October 2025, 842 children were in the care of the council.\n\n"
            "4.3 At 31 October our rate of children in care was 58.2 per 10,000 children.\n")
    got = dated(text, library)
    assert ("children_in_care_rate_per_10k", "58.2", "2025-10-31") in got


def test_last_month_in_a_paper_dated_only_by_its_month(library):
    # no meeting day, no heading: the month the paper is dated places "last month"
    text = ("Ravensby Children's Services - quarterly report to Cabinet, February 2026\n"
            "Last month 188 referrals were received, fewer than in December.\n")
    assert dated(text, library) == {("referrals", "188", "2026-01")}


@pytest.mark.parametrize("text,want", [
    # a note that opens in lower case after its mark
    ("Children in need\u2021: 1,604\n\n"
     "\u2021 as at 31st October 2025; earlier months are refreshed each month.\n",
     {("children_in_need", "1604", "2025-10-31")}),
    # two bracketed notes in turn on one line
    ("Looked after children: 377 (a)\nChild protection plans: 214 (b)\n"
     "(a) at 30 Sep 2025 (b) at 31 Aug 2025\n",
     {("children_in_care", "377", "2025-09-30"), ("cp_plans", "214", "2025-08-31")}),
    # the mark on the table's caption governs its rows
    ("Ravensby Council - Corporate Parenting Panel, 2 February 2026\nChildren in care by age band\u00b3\n"
     "| Age band | Number |\n| 0-4 | 61 |\n| 5-15 | 240 |\n| 16-17 | 97 |\n| Total | 398 |\n"
     "\u00b3 Snapshot on 31 December 2025.\n",
     {("children_in_care", v, "2025-12-31") for v in ("61", "240", "97", "398")}),
])
def test_notes_in_lower_case_side_by_side_or_marked_on_a_caption_date_their_figures(text, want, library):
    assert dated(text, library) == want


@pytest.mark.parametrize("note", [
    # "Figures are ..." closes the table: the partners' payments are for that year
    "Figures are the contributions each partner agreed for 2025/26.",
    # a numbered note, and the day the sums were agreed dates the agreement, not the sums
    "Note 1: all sums are for 2025/26, as agreed by the Executive on 12 March 2025.",
])
def test_a_note_under_a_table_that_names_a_year_dates_its_sums(note, library):
    from kpi_extract.pipeline import extract_text
    text = f"Partner                 Amount\nRavensby Council        £120,400\nRavensby Constabulary   £31,000\n{note}\n"
    got = {(f.kpi, f.value, f.period) for f in extract_text(text, library) if f.kpi == "agency_contribution"}
    assert got == {("agency_contribution", "120400", "2025-26"), ("agency_contribution", "31000", "2025-26")}


@pytest.mark.parametrize("text,want", [
    # a key over the table names each column's day
    ("Ravensby Council - Children's Services Monthly Summary\n"
     "Key: Latest = position at 31 October 2025; Prior = position at 30 September 2025; Target = 2025/26 target.\n"
     "| Measure | Prior | Latest | Target |\n| Children in care | 402 | 409 | 390 |\n",
     {("children_in_care", "402", "2025-09-30"), ("children_in_care", "409", "2025-10-31")}),
    # a note under the table names the year of its bare quarters
    ("Ravensby Council - front door by quarter\n| Measure | Q1 | Q2 | Q3 |\n| Referrals | 1,101 | 1,087 | 1,140 |\n"
     "The columns are the quarters of the 2025-26 financial year.\n",
     {("referrals", "1101", "2025-Q2"), ("referrals", "1087", "2025-Q3"), ("referrals", "1140", "2025-Q4")}),
    # each column defined under the table
    ("Ravensby Safeguarding Partnership - learning\n| | Current year | Year before |\n| Courses | 118 | 104 |\n"
     "'Current year' = 2025/26; 'Year before' = 2024/25.\n",
     {("training_courses", "118", "2025-26"), ("training_courses", "104", "2024-25")}),
])
def test_a_key_or_a_note_on_the_columns_dates_them(text, want, library):
    assert dated(text, library) == want


def test_asterisks_that_open_a_list_are_bullets_not_footnotes(library):
    # three lines open on "*": a list, so the last bullet's date is no note for the figure marked above it
    from kpi_extract.pipeline import extract_text
    text = ("Looked after children: 402*\n\n* Placed in county: 301\n* Placed out of county: 101\n"
            "* Data as at 30 June 2024\n")
    got = {(f.kpi, f.value, f.period) for f in extract_text(text, library) if f.value == "402"}
    assert got != {("children_in_care", "402", "2024-06-30")}


@pytest.mark.parametrize("text,want", [
    ("Front door: referrals 3,905; re-referral rate 20.7%; repeat plans 22.1% (all 2023/24)\n",
     {("referrals", "3905", "2023-24"), ("rereferral_rate", "20.7", "2023-24")}),
    ("Referrals to social care 3,020; re-referral rate 19.1% (both for 2022/23)\n",
     {("referrals", "3020", "2022-23"), ("rereferral_rate", "19.1", "2022-23")}),
])
def test_a_closing_bracket_that_says_all_dates_every_figure_of_the_line(text, want, library):
    assert dated(text, library) == want



@pytest.mark.parametrize("text,want", [
    # a bracket holding only the day, closing the figures' clause (a comma after it), dates them as one closing
    # the sentence does
    ("Of the 40 actions in the plan, 26 are complete (as at 31 December 2025), and the rest are on track.\n",
     {("plan_actions_completed", "26", "2025-12-31"), ("plan_actions_total", "40", "2025-12-31")}),
    ("The team is working with 574 children in need (snapshot, 31 October 2025) and expects the number to fall.\n",
     {("children_in_need", "574", "2025-10-31")}),
    # a plan's years between the figure and its date name the plan, and do not keep the date from the figure
    ("The board had completed 64 per cent of the actions in its 2023-26 plan by December 2025; a further 20 per cent "
     "are due by June 2026.\n", {("plan_actions_completed_pct", "64", "2025-12")}),
])
def test_a_bracket_of_the_day_closing_a_clause_and_a_plans_years_leave_the_figures_date(text, want, library):
    assert dated(text, library) == want

def test_a_stock_between_the_ends_of_two_months_is_the_count_at_the_later(library):
    text = "The number of children looked after fell by 11 to 406 between the end of March and the end of June 2025.\n"
    assert dated(text, library) == {("children_in_care", "406", "2025-06-30")}


def test_a_stock_under_a_heading_naming_its_quarter_and_the_day_it_ends_is_at_that_day(library):
    # the quarter names the report, the day when its counts were taken; a flow keeps the quarter
    text = "Quarter 2 2025/26 position (30 Sep 2025)\nChildren on child protection plans: 244\nReferrals: 1,187\n"
    assert dated(text, library) == {
        ("cp_plans", "244", "2025-09-30"), ("referrals", "1187", "2025-Q3")}


@pytest.mark.parametrize("text,want", [
    ("Quarter 3 2025/26 performance\nChildren subject to a protection plan fell by 15 over the quarter to 287.\n",
     {("cp_plans", "287", "2025-12-31")}),
    ("Quarter 3 2025/26 performance\nThe number of children looked after went up by 9 to 512 during the quarter.\n",
     {("children_in_care", "512", "2025-12-31")}),
    # "in the quarter" says when, not over what: the quarter stays
    ("Quarter 3 2025/26 performance\nChildren looked after rose to 512 in the quarter.\n",
     {("children_in_care", "512", "2025-Q4")}),
])
def test_a_stock_that_moved_over_its_quarter_to_a_figure_is_the_count_at_the_quarters_end(text, want, library):
    assert dated(text, library) == want


def test_a_year_that_work_was_carried_into_is_not_the_date_of_the_sentences_figures(library):
    # the two actions went on to 2026/27; the counts are at the sentence's own day
    text = "At 31 March 2026 the plan held 36 actions; 30 of them were complete, 4 were on track and 2 have been carried into 2026/27.\n"
    assert dated(text, library) == {
        ("plan_actions_total", "36", "2026-03-31"), ("plan_actions_completed", "30", "2026-03-31")}


def test_a_rate_after_a_sentence_dated_at_the_quarters_end_is_the_quarters(library):
    """A re-referral rate or a course utilisation is a ratio of what happened in the quarter: the
    day the sentence before carries (its stock's) is held by the quarter the title names. A share of
    a stock, the plan's actions complete, stays at the day."""
    text = ("PERFORMANCE REPORT: CHILDREN'S SOCIAL CARE, QUARTER 3 2025/26\n\n"
            "4.1 At 31 December 2025 Hollinbury looked after 388 children.\n"
            "4.2 Re-referrals within twelve months rose to 21.7%, above the 20% target.\n")
    assert dated(text, library) == {("children_in_care", "388", "2025-12-31"), ("rereferral_rate", "21.7", "2025-Q4")}
    text = ("PERFORMANCE REPORT: CHILDREN'S SOCIAL CARE, QUARTER 3 2025/26\n\n"
            "4.1 At 31 December 2025 the improvement plan held 44 actions. Of these, 30 have been completed (68%).\n")
    assert ("plan_actions_completed_pct", "68", "2025-12-31") in dated(text, library)


def test_a_sum_carried_from_the_previous_year_dates_no_figure_after_it(library):
    text = ("Northfield Safeguarding Children Partnership - Budget 2025/26\n\n"
            "The budget is made up of a carry forward of £19,800 from the previous year and £512,000 in contributions "
            "from the statutory partners.\n")
    assert dated(text, library) == {("budget_carry_forward", "19800", "2025-26"), ("budget_contributions", "512000", "2025-26")}


def test_a_reports_line_naming_a_span_of_months_is_its_title_not_a_dateline(library):
    text = "Half-yearly report to the Partnership Board, October 2024 to March 2025\nReferrals to children's social care: 1,912\n"
    assert dated(text, library) == {("referrals", "1912", "2025-03")}


def test_a_body_named_before_a_title_of_figures_at_a_quarters_end_makes_no_meeting_line(library):
    text = ("Ashvale Council – Performance scorecard, end of Quarter 2 2025/26 (30 September 2025)\n"
            "Children in care      604\n")
    assert dated(text, library) == {("children_in_care", "604", "2025-09-30")}


def test_a_comparators_date_in_its_bracket_is_carried_to_no_later_sentence(library):
    text = ("Children's Scrutiny Committee, 12 November 2025\n"
            "3 Performance in Quarter 2 (July to September 2025)\n\n"
            "3.1 Child protection. The rate remains below both England (41.6 at 31 March 2024) and our statistical "
            "neighbours (47.3). During the quarter 96 children became the subject of a plan, compared with 88 in Quarter 1."
            "\n\n"
            "3.2 Children in care. The number of children in our care rose to 604 at the end of September.\n")
    assert ("children_in_care", "604", "2025-09-30") in dated(text, library)


def test_the_opening_line_of_minutes_dates_the_meeting_however_long(library):
    text = ("Minutes of the meeting of the Children, Young People and Families Overview and Scrutiny Committee held in "
            "the Council Chamber, Ashvale Town Hall, on 4 December 2024\n"
            "12. Performance report\n"
            "12.1 The Director reported that 512 children were in care at 31 October.\n")
    assert dated(text, library) == {("children_in_care", "512", "2024-10-31")}


def test_the_last_twelve_months_before_a_papers_date_are_the_rolling_year_to_its_month(library):
    text = "Report date: 31 January 2025 (Ashvale Borough Council)\nIn the past 12 months 388 children became subject to a child protection plan.\n"
    assert dated(text, library) == {("cp_plans_started", "388", "2025-01")}


def test_a_partners_payment_or_a_carry_forward_dated_by_the_meeting_is_the_year_holding_it(library):
    text = ("Northfield Safeguarding Children Partnership - Executive Group, 14 January 2026\n\n"
            "The Business Manager reported that partner contributions currently stand at £431,000 and the "
            "carry forward at £18,250.\n")
    assert dated(text, library) == {("budget_contributions", "431000", "2025-26"), ("budget_carry_forward", "18250", "2025-26")}


def test_money_carried_into_a_year_is_that_years_carry_forward(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text("An underspend of £21,400 will be carried forward into 2026/27.\n", library)}
    assert got == {("budget_carry_forward", "21400", "2026-27")}


def test_a_title_whose_first_line_a_comma_carries_on_to_its_period_dates_the_paper(library):
    text = ("QUARTERLY PERFORMANCE REPORT: EARLY HELP AND SOCIAL CARE,\nQUARTER 3 2024/25\n\n"
            "5. Referrals. The front door passed 1,402 referrals to social care in the quarter.\n")
    assert dated(text, library) == {("referrals", "1402", "2024-Q4")}


def test_during_the_quarter_is_the_papers_quarter_not_the_day_the_sentence_before_named(library):
    text = ("Children's Services Performance Report - Quarter 2 2025/26\n\nFront door\n"
            "The backlog of 40 contacts awaiting screening had been cleared by 12 October 2025.\n\n"
            "Child protection\n58 children became subject to a child protection plan during the quarter.\n")
    assert dated(text, library) == {("cp_plans_started", "58", "2025-Q3")}


@pytest.mark.parametrize("text,want", [
    # a title's quarter written with the day it ends
    ("Children's social care dashboard, quarter ending 31 March 2025\nChildren in need (open cases): 1,530\n",
     {("children_in_need", "1530", "2025-03-31")}),
    # a column's quarter with its day in brackets: stocks at the day, flows over the quarter
    ("Measure                         Outturn 2024/25   Q2 2025/26 (30 Sep)\n"
     "Children looked after                 512                   520\n"
     "Referrals                           4,090                 1,122\n",
     {("children_in_care", "512", "2024-25"), ("children_in_care", "520", "2025-09-30"),
      ("referrals", "4090", "2024-25"), ("referrals", "1122", "2025-Q3")}),
])
def test_a_quarter_written_with_the_day_it_ends_puts_its_stocks_at_that_day(text, want, library):
    assert dated(text, library) == want


def test_last_financial_year_in_a_paper_dated_in_the_summer_is_the_year_to_march(library):
    text = "Report date: 14 August 2025\nLast financial year the early help service spent £3.9m on family support.\n"
    assert dated(text, library) == {("expenditure_total", "3900000", "2024-25")}


def test_at_the_end_of_the_previous_quarter_is_that_quarters_last_day(library):
    text = "Quarter 2 2025/26\nAt the end of the previous quarter 512 children were looked after.\n"
    assert dated(text, library) == {("children_in_care", "512", "2025-06-30")}


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)))
def test_last_financial_year_is_the_one_before_the_day_s(day):
    from kpi_extract.dating import Context, attribute
    from kpi_extract.periods import as_at, financial_year, financial_year_of
    text = "Last financial year the service spent £2.1m."
    got = attribute(text, [(text.index("2.1"), text.index("2.1") + 3)], Context(as_at(day), "meeting_date"))
    assert list(got.values())[0][0] == financial_year(financial_year_of(day) - 1)


@pytest.mark.parametrize("text,want", [
    # a quarter without its year, under the day a paper is written: the last such quarter before that day, not the
    # one of the financial year the day falls in, which has not happened yet
    ("Front door update - 9 June 2025\nQuarter 4 brought 1,118 referrals, the most of any quarter in the year.\n",
     {("referrals", "1118", "2025-Q1")}),
    ("Children's services briefing, 14 May 2025\nChildren on child protection plans at the end of Quarter 4: 301.\n",
     {("cp_plans", "301", "2025-03-31")}),
])
def test_a_bare_quarter_under_a_papers_day_is_the_last_one_before_it(text, want, library):
    assert dated(text, library) == want


def test_last_month_is_against_the_papers_day_not_a_month_the_sentence_names_later(library):
    # "(April to November)" is the year so far's span, said of another figure after "Last month"
    from kpi_extract.pipeline import extract_text
    text = ("Front door summary - 9 December 2025\nLast month 301 referrals were received, taking the total for the year "
            "so far (April to November) to 2,488.\n")
    got = {(f.kpi, f.value, f.period) for f in extract_text(text, library) if f.value == "301"}
    assert got == {("referrals", "301", "2025-11")}


def test_the_day_a_budget_was_set_by_a_board_is_not_its_year(library):
    text = "Annual Report 2025/26\nThe board's budget, set by the executive in March 2025, was £512,000 for the year.\n"
    assert dated(text, library) == {("budget_total", "512000", "2025-26")}


def test_a_reporting_date_line_dates_the_stocks_not_the_meeting(library):
    # the day the data are taken, on a line of its own under the meeting's, is neither a dateline nor the meeting
    text = ("Wirral Council - Children, Young People and Education Committee, 14 October 2025\n"
            "Snapshot date for these figures: 31 August 2025\n"
            "On that day 802 children were looked after by the council.\n")
    assert dated(text, library) == {("children_in_care", "802", "2025-08-31")}


def test_a_reporting_period_field_beside_the_reports_own_date_dates_the_figures(library):
    # a form's line of two fields: the period the data cover, then the day the report was written
    text = ("Westvale Council - Children's Services Monthly Dashboard\n"
            "Reporting period: September 2025      Report date: 3 November 2025\n\n"
            "Children in need: 1,214\n")
    assert dated(text, library) == {("children_in_need", "1214", "2025-09")}


def test_a_quarters_total_column_is_placed_by_the_quarter_its_caption_names(library):
    # "Q3 total" beside last year's "Q3 2023/24" is the caption's Q3, October to December 2024
    text = ("Front door activity, Quarter 3 2024/25\n"
            "Measure | Oct-24 | Nov-24 | Dec-24 | Q3 total | Q3 2023/24\n"
            "Referrals | 410 | 388 | 352 | 1,150 | 1,204\n")
    assert dated(text, library) == {("referrals", "410", "2024-10"), ("referrals", "388", "2024-11"),
                                    ("referrals", "352", "2024-12"), ("referrals", "1150", "2024-Q4"),
                                    ("referrals", "1204", "2023-Q4")}


def test_a_ytd_column_with_no_period_column_before_it_is_the_year_to_the_captions_quarter(library):
    # a target's column stands between last year's outturn and "YTD": the year to date is April to the end of
    # the caption's quarter, and a stock in it is at that quarter's end
    text = ("Children's social care scorecard, Quarter 2 2025/26\n"
            "Measure | Outturn 2024/25 | Target 2025/26 | YTD\n"
            "Referrals | 5,410 | - | 2,702\n"
            "Children looked after (snapshot) | 611 | 600 | 627\n")
    assert dated(text, library) == {("referrals", "5410", "2024-25"), ("referrals", "2702", "2025-09"),
                                    ("children_in_care", "611", "2024-25"),
                                    ("children_in_care", "627", "2025-09-30")}


@pytest.mark.parametrize("text,want", [
    # a half of a financial year by its short name is a span labelled by the month it ends
    ("Mid-year report\nH1 2025/26: 1,204 referrals were received.\n", {("referrals", "1204", "2025-09")}),
    ("H2 24/25 referrals: 1,310\n", {("referrals", "1310", "2025-03")}),
    # a line naming the period a dashboard covers dates what is under it
    ("Leeds Safeguarding Children Partnership - training dashboard\nPeriod: Jul '25 - Sep '25\n"
     "Courses delivered: 24 | Places offered: 510\n",
     {("training_courses", "24", "2025-Q3"), ("training_places_offered", "510", "2025-Q3")}),
    # a budget dated only by a day is the budget of the year that holds the day
    ("Budget monitoring\nSpend to 31 December stood at £290,000 against a budget of £402,000 (as at 31 December 2025).\n",
     {("budget_total", "402000", "2025-26")}),
])
def test_half_years_snapshot_and_period_lines_and_a_budget_dated_by_a_day(text, want, library):
    assert dated(text, library) == want


@pytest.mark.parametrize("text,want", [
    # a month's end alone in a bracket, with no year, is the last such before the paper's day
    ("Kirklees Council - briefing note for members, 14 March 2025\n"
     "The most recent figures (end of February) show 402 children in care.\n",
     {("children_in_care", "402", "2025-02-28")}),
    # a rolling year to a month of no year ends at the last such month before the paper, labelled by it
    ("Sheffield City Council - Performance Digest, June 2025\nReferrals (rolling 12 months to end of May): 6,204.\n",
     {("referrals", "6204", "2025-05")}),
])
def test_a_bracketed_month_end_and_a_rolling_year_of_no_year_are_placed_before_the_paper(text, want, library):
    assert dated(text, library) == want


@pytest.mark.parametrize("text,want", [
    # a year over two lines of header: each bare quarter follows the one before it, into the next year
    ("Scorecard to the Children's Scrutiny Panel, November 2025\n"
     "                     2024/25    2025/26\n"
     "                     Q4         Q1       Q2\n"
     "Referrals            1,104      1,180    1,131\n",
     {("referrals", "1104", "2025-Q1"), ("referrals", "1180", "2025-Q2"), ("referrals", "1131", "2025-Q3")}),
    # a quarter named by its months under a year written once above them
    ("Front door activity                   2025-26\n"
     "                                      Apr-Jun   Jul-Sep\n"
     "Referrals received                    1,012     998\n",
     {("referrals", "1012", "2025-Q2"), ("referrals", "998", "2025-Q3")}),
])
def test_quarter_columns_under_a_year_over_two_header_lines(text, want, library):
    assert dated(text, library) == want


@pytest.mark.parametrize("text,want", [
    # a header that says its column is a point in time: the day its quarter or month ends
    ("Wirral Safeguarding Children Partnership - improvement plan tracker 2024/25\n"
     "| | Position at end of Q3 | Position at end of Q4 |\n|---|---|---|\n"
     "| Actions in the plan | 36 | 36 |\n| Actions completed | 20 | 29 |\n",
     {("plan_actions_total", "36", "2024-12-31"), ("plan_actions_total", "36", "2025-03-31"),
      ("plan_actions_completed", "20", "2024-12-31"), ("plan_actions_completed", "29", "2025-03-31")}),
    # a year-end column is the 31 March of its year
    ("Oldham Council - children looked after, five-year view\n"
     "| | Year end 2021 | Year end 2022 |\n|---|---|---|\n| Children looked after | 588 | 604 |\n",
     {("children_in_care", "588", "2021-03-31"), ("children_in_care", "604", "2022-03-31")}),
    # the period in a header's brackets, when its words name none
    ("Bury - front door weekly flash\n| | This month (Oct-25) | Last month |\n|---|---|---|\n| Referrals | 512 | 480 |\n",
     {("referrals", "512", "2025-10"), ("referrals", "480", "2025-09")}),
    # a column said by where it stands from the one before it
    ("Stockport - front door\n| | Q3 2025/26 | Same quarter 2024/25 |\n|---|---|---|\n| Referrals | 1,204 | 1,166 |\n",
     {("referrals", "1204", "2025-Q4"), ("referrals", "1166", "2024-Q4")}),
    ("Trafford - front door\n| | Dec-25 | Previous month | Same month last year |\n|---|---|---|---|\n"
     "| Referrals | 388 | 402 | 371 |\n",
     {("referrals", "388", "2025-12"), ("referrals", "402", "2025-11"), ("referrals", "371", "2024-12")}),
    # a first column said from the paper's date, and the one after it said from that column
    ("Rotherham - front door briefing, issued 12 March 2026\n| | Last month | Month before |\n|---|---|---|\n"
     "| Referrals | 402 | 377 |\n",
     {("referrals", "402", "2026-02"), ("referrals", "377", "2026-01")}),
    # a bare year over a bare month's name, on two lines of the header
    ("Barnsley - winter trend\n| | 2025 | 2026 |\n| | Dec | Jan |\n|---|---|---|\n| Referrals | 288 | 301 |\n",
     {("referrals", "288", "2025-12"), ("referrals", "301", "2026-01")}),
])
def test_a_columns_period_said_by_its_header_in_words(text, want, library):
    assert dated(text, library) == want


def test_a_year_to_date_under_a_quarters_title_runs_to_the_quarters_end_not_the_meeting(library):
    """"To date" says the present, which is the meeting's day; but a year to date in a report of a quarter is the
    year to that quarter's end, labelled by its month (spec/kpis.md)."""
    text = ("Salford City Council\nChildren's Services Scrutiny Panel, 9 March 2026\n\n"
            "Children's social care performance, Quarter 3 2025/26\n\n"
            "Year to date, 3,418 referrals have been received.\n")
    assert dated(text, library) == {("referrals", "3418", "2025-12")}


def test_so_far_this_year_under_a_quarters_heading_runs_to_the_quarters_end_not_the_meeting(library):
    """"This year" is the year; "so far" in it runs to the point the heading names in that year, the end of its
    quarter, before the meeting's day."""
    text = ("Devon County Council\nCabinet Member briefing - 12 November 2025\n"
            "Children's social care, quarter 2 2025/26\n"
            "So far this year 1,944 referrals have been received.\n")
    assert dated(text, library) == {("referrals", "1944", "2025-09")}


def test_last_year_opening_a_sentence_is_the_last_financial_year_before_the_papers_day(library):
    """"Last year ..." opening a sentence is the year the paper reports on: in a paper of June that is the
    financial year that ended in March, for every figure of the sentence."""
    text = ("Solihull Safeguarding Children Partnership\nExecutive meeting, 17 June 2025\n\n"
            "Last year we ran 88 multi-agency courses and offered 2,140 training places.\n")
    assert dated(text, library) == {("training_courses", "88", "2024-25"), ("training_places_offered", "2140", "2024-25")}


def test_the_half_year_point_against_a_papers_day_is_the_end_of_september_before_it(library):
    text = ("Gateshead Council\nCorporate Parenting Partnership Board - 18 November 2025\n\n"
            "At the half-year point 371 children were in our care.\n")
    assert dated(text, library) == {("children_in_care", "371", "2025-09-30")}
    # (before its half has ended, the paper's year has no half-year point yet to place it at)
    early = text.replace("18 November 2025", "18 August 2025")
    assert ("children_in_care", "371", "2025-09-30") not in dated(early, library)


def test_a_quarters_ytd_column_is_the_year_to_that_quarters_end(library):
    text = ("Kirklees Safeguarding Children Partnership - training dashboard\n"
            "                 Q2 YTD 2025/26    Full year 2024/25\n"
            "Courses          37                72\n"
            "Attendees        655               1,240\n")
    assert dated(text, library) == {("training_courses", "37", "2025-09"), ("training_courses", "72", "2024-25"),
                                    ("training_delegates", "655", "2025-09"), ("training_delegates", "1240", "2024-25")}


@pytest.mark.parametrize("text,want", [
    # a school term of a year is a span labelled by the month it ends, its bracket's months when it names them
    ("Schools safeguarding training - autumn term 2024 (September to December)\n"
     "This term 14 courses were delivered and 262 practitioners attended.\n",
     {("training_courses", "14", "2024-12"), ("training_delegates", "262", "2024-12")}),
    ("In the summer term 2025 the partnership ran 9 multi-agency courses.\n", {("training_courses", "9", "2025-07")}),
])
def test_a_school_term_is_a_span_labelled_by_the_month_it_ends(text, want, library):
    assert dated(text, library) == want


def test_a_year_before_a_sums_noun_dates_the_sum_after_it(library):
    # "the 2023/24 budget of £..." names its own year, not the sentence's first
    text = "The partnership's budget for 2024/25 is £512,000, up from the 2023/24 budget of £498,000.\n"
    assert dated(text, library) == {("budget_total", "512000", "2024-25"), ("budget_total", "498000", "2023-24")}


@pytest.mark.parametrize("text,want", [
    # a dateline that runs on into the paper's title names its quarter
    ("Sefton Council - Overview and Scrutiny Committee (Children's Services)\n"
     "Meeting 2 December 2025 - Quarter 2 2025/26 performance\n"
     "The front door received 1,317 referrals in the quarter.\n",
     {("referrals", "1317", "2025-Q3")}),
    # a summary or an update of a quarter names it as a report does, its year the meeting's
    ("Knowsley Safeguarding Children Partnership\nExecutive - 16 April 2025\nQuarter 4 training summary\n"
     "The partnership ran 24 courses in the quarter.\n",
     {("training_courses", "24", "2025-Q1")}),
])
def test_a_quarter_the_paper_is_about_in_its_dateline_or_a_summarys_title(text, want, library):
    assert dated(text, library) == want


@pytest.mark.parametrize("bracket", ["(2015/16 restated: 3,811)", "(2015/16, revised: 3,811)", "(2015/16 final: 3,811)"])
def test_a_bracket_that_restates_last_years_figure_dates_only_that_figure(bracket):
    # the year in the bracket is the restated figure's; the figure before it keeps the report's year
    text = f"Referrals: 3,954 {bracket}"
    assert periods(text, ["3,954", "3,811"]) == [("2016-17", "title"), ("2015-16", "sentence")]


def test_a_restated_figure_in_a_bracket_is_a_fact_of_its_own_year(library):
    text = "Annual performance report 2016/17\n\nChildren in need referrals: 3,954 (2015/16, restated: 3,811)"
    assert dated(text, library) == {("referrals", "3954", "2016-17"), ("referrals", "3811", "2015-16")}


def test_a_line_under_the_papers_opening_headings_is_a_heading_however_long_the_title_above(library):
    # a long title line would make the next line a wrapped line of prose; under a paper's opening block of
    # headings it heads what follows, and its day of no year is the last such day before the meeting
    text = ("Wyvern Borough Council\nChildren and Families Scrutiny Panel - 18 February 2026\n"
            "Lead Member Briefing Paper: Children's Social Care and Early Help\nPosition at 31 January\n"
            "The service was working with 1,208 children in need. 274 children were looked after.")
    assert dated(text, library) == {("children_in_need", "1208", "2026-01-31"), ("children_in_care", "274", "2026-01-31")}


@pytest.mark.parametrize("text", [
    "Courses to the end of November (2016/17 year to date): 61 courses, 1,204 delegates.",
    "For 2016/17 so far, 61 courses had run up to the end of November, with 1,204 delegates.",
])
def test_a_financial_year_said_to_be_so_far_runs_to_the_month_the_sentence_names(text):
    # the year to date to the month's end is labelled by the month, spec/kpis.md
    assert periods(text, ["61", "1,204"]) == [("2016-11", "sentence"), ("2016-11", "sentence")]


def test_a_terms_second_figure_after_a_comma_with_its_own_span_said_from_the_paper(library):
    # "in the quarter", then "year to date": each figure its own span under the title's quarter
    text = ("Performance report, Quarter 3 2024/25\n"
            "Children who became subject to a child protection plan: 96 in the quarter, 281 year to date.")
    assert dated(text, library) == {("cp_plans_started", "96", "2024-Q4"), ("cp_plans_started", "281", "2024-12")}


def test_a_figure_a_little_under_or_above_the_earlier_periods_is_that_periods(library):
    # "a little under the N received the year before": the earlier figure, dated by the words after it
    text = "The front door received 6,120 referrals in 2016/17, a little under the 6,388 received the year before."
    assert dated(text, library) == {("referrals", "6120", "2016-17"), ("referrals", "6388", "2015-16")}
    # (a peak's year after "below the" stays the peak's, not a figure: "well below the 2012/13 peak of 7,010")
    peak = "Referrals in 2016/17 numbered 6,120, well below the 2012/13 peak of 7,010."
    assert dated(peak, library) == {("referrals", "6120", "2016-17"), ("referrals", "7010", "2012-13")}


def test_a_title_lines_bracket_of_when_its_data_are_dates_the_year_so_far_below(library):
    # "(data to 31 October 2024)" on the line above says when the paper's figures are, nearer than the meeting
    text = ("Eastmere Council\nChildren's Scrutiny Committee - 3 December 2024\n"
            "Scorecard commentary (data to 31 October 2024)\n"
            "So far this year 2,410 referrals have been received.")
    assert dated(text, library) == {("referrals", "2410", "2024-10")}


def test_a_label_that_opens_by_saying_its_figure_is_current_is_dated_by_the_meeting(library):
    # "Current re-referral rate: 21.8%" is the rate at the meeting's day; "current year" names a year, no present
    text = "Eastmere Council\nChildren's Scrutiny Committee\nDate: 9 October 2025\nCurrent re-referral rate: 19.6%"
    assert dated(text, library) == {("rereferral_rate", "19.6", "2025-10-09")}


def test_a_heading_of_the_year_so_far_to_a_day_of_no_year_is_the_year_to_date_before_the_meeting(library):
    text = ("Eastmere Council\nChildren's Scrutiny Committee - 20 March 2025\n"
            "Financial year to date (1 April - 28 February)\nReferrals: 3,702")
    assert dated(text, library) == {("referrals", "3702", "2025-02")}


def test_a_figure_set_against_an_earlier_periods_figure_named_by_its_period_keeps_the_papers(library):
    # "slightly above the 2015-16 Qtr 1 figure of 21.9%": that figure is 2015-16's first quarter, and the rate
    # before it keeps the paper's quarter
    text = ("Performance report - Qtr 1 2016-17\n"
            "Re-referrals made up 23.4% of referrals, slightly above the 2015-16 Qtr 1 figure of 21.9%.")
    assert dated(text, library) == {("rereferral_rate", "23.4", "2016-Q2"), ("rereferral_rate", "21.9", "2015-Q2")}


def test_a_sentence_a_title_line_runs_on_into_is_read_from_its_own_line_start(library):
    # a pattern that must open its sentence ("Referrals rose from ... to ...") is read where its line starts when
    # the title line above, which ends with no stop, ran on into it; the earlier figure takes its own year
    text = ("Eastmere Council - Children's Social Care yearly digest\n"
            "Referrals rose from 3,412 in 2015-16 to 3,690 in 2016-17.")
    assert dated(text, library) == {("referrals", "3412", "2015-16"), ("referrals", "3690", "2016-17")}


def test_a_period_alone_in_brackets_before_a_figure_dates_that_figure(library):
    # "(2015-16) 3,101" after a semicolon is the year before's figure, written as the first was; a period alone in
    # brackets before a figure dates it, the closing bracket no break between them
    text = ("Eastmere Council - Children's Social Care\n"
            "Children becoming subject to a plan (2016-17) 412; (2015-16) 389")
    assert dated(text, library) == {("cp_plans_started", "412", "2016-17"), ("cp_plans_started", "389", "2015-16")}


def test_a_clause_after_a_semicolon_says_what_was_received_at_an_earlier_point(library):
    # "in the same quarter last year it received 588": the earlier quarter's figure, of the same KPI
    text = ("Eastmere Council - Performance report, Quarter 2 2016-17\n"
            "This quarter the front door received 640 referrals; in the same quarter last year it received 588.")
    assert dated(text, library) == {("referrals", "640", "2016-Q3"), ("referrals", "588", "2015-Q3")}


def test_a_period_between_a_labels_colon_and_its_figure_dates_the_figure_the_label_reads_on_to(library):
    # "Re-referral rate: Q3 2016/17 21.8%": the label reads on to its figure past the period, which dates it; the
    # bracket after it gives the year before's
    text = ("Eastmere Council - Children's Scrutiny Committee\n"
            "Re-referral rate: Q3 2016/17 21.8% (Q3 2015/16: 24.0%)")
    assert dated(text, library) == {("rereferral_rate", "21.8", "2016-Q4"), ("rereferral_rate", "24", "2015-Q4")}


def test_a_count_over_the_last_twelve_months_under_a_data_as_at_line_ends_at_that_month(library):
    # "Data as at 31 October 2016" over "In the last 12 months the front door received 1,380 referrals": the twelve
    # months to October 2016, labelled by the month they end, not the financial year holding the day
    text = ("Eastmere Council - Front door report\nData as at 31 October 2016\n"
            "In the last 12 months the front door received 1,380 referrals.")
    assert dated(text, library) == {("referrals", "1380", "2016-10")}


def test_the_next_figure_of_a_series_may_name_its_month_with_no_year_as_the_first_did(library):
    # "412 referrals in January and 388 in February" at March's meeting: both months of that year
    text = ("Eastmere Council\nChildren's Scrutiny Committee - 8 March 2017\n"
            "The front door received 412 referrals in January and 388 in February.")
    assert dated(text, library) == {("referrals", "412", "2017-01"), ("referrals", "388", "2017-02")}


def test_a_mark_on_a_table_columns_header_dates_the_column_by_its_footnote(library):
    # "Latest*" over a column, "* Latest = position at 28 February 2017; ..." under the table: the column's stocks are at
    # that day, the outturn column's keep their year
    text = ("Eastmere Children's Services scorecard\n"
            "Measure | 2015/16 outturn | Latest* | Target\n"
            "Children subject to a CP plan | 402 | 417 | –\n"
            "Re-referrals within 12 months | 22.5% | 21.1% | 20%\n"
            "* Latest = position at 28 February 2017; re-referrals are for the year to date.")
    assert ("cp_plans", "417", "2017-02-28") in dated(text, library)
    assert ("cp_plans", "402", "2015-16") in dated(text, library)


def test_a_financial_year_to_date_count_at_a_day_is_the_year_so_far_to_that_day(library):
    # "As at 12 December 2016, the financial year-to-date count of referrals stood at 3,720": April to December 2016,
    # labelled by its month, not the whole year that "financial year" names
    text = ("Eastmere Council - weekly front door note\n"
            "As at 12 December 2016, the financial year-to-date count of referrals stood at 3,720.")
    assert dated(text, library) == {("referrals", "3720", "2016-12")}


def test_a_title_with_its_meeting_in_a_closing_bracket_still_dates_the_paper(library):
    # "Quarter 3 2016/17 Performance Report (Cabinet, 14 February 2017)": the title names the quarter, the bracket the
    # meeting; "this quarter" is the title's, "the previous quarter" the one before
    text = ("Eastmere Borough Council\nQuarter 3 2016/17 Performance Report (Cabinet, 14 February 2017)\n\n"
            "Referrals rose to 640 this quarter from 598 in the previous quarter.")
    assert dated(text, library) == {("referrals", "640", "2016-Q4"), ("referrals", "598", "2016-Q3")}


def test_a_background_papers_title_with_its_meeting_in_brackets_dates_nothing(library):
    # a list of background papers further down the front page names other reports and their meetings
    text = ("Eastmere Borough Council\nReport title: Quarter 3 2016/17 Financial Overview\n"
            "Date of meeting: 14 February 2017\n\nBackground papers: Budget (Council, 9 February 2016);\n"
            "2015/16 Provisional Outturn (Cabinet, 21 June 2016)\n\n"
            "The children's services portfolio holds a budget of £98.2m.")
    assert dated(text, library) == {("budget_total", "98200000", "2016-17")}


def test_months_of_no_year_in_brackets_after_a_financial_year_are_its_months(library):
    # "Performance to date 2016/17 (April to December)": the year to date to December 2016, not the whole year
    text = ("Eastmere Council\nChildren's Scrutiny Panel - 7 February 2017\n"
            "Performance to date 2016/17 (April to December)\n\nReferrals: 3,118")
    assert dated(text, library) == {("referrals", "3118", "2016-12")}


def test_a_heading_ending_on_a_month_of_no_year_is_that_month_before_the_meeting(library):
    # "Monthly data: May" in a paper to June's meeting: May of that year; "(end of month)" makes a stock its last day
    text = ("Eastmere Council\nChildren's Scrutiny Committee - 27 June 2017\nMonthly data: May\n\n"
            "Referrals received: 171\nChildren in care (end of month): 312")
    assert dated(text, library) == {("referrals", "171", "2017-05"), ("children_in_care", "312", "2017-05-31")}


def test_the_year_so_far_to_the_end_of_a_month_is_the_year_to_date_to_it(library):
    # "for the financial year to the end of December" in January's paper: April to December 2016, labelled by its month
    text = ("Eastmere County Council - Cabinet - 24 January 2017\n\n"
            "Cumulative referrals for the financial year to the end of December were 4,118.")
    assert dated(text, library) == {("referrals", "4118", "2016-12")}


def test_the_day_data_were_extracted_in_brackets_is_not_the_day_they_are_at(library):
    # "Data as at 28 February 2017 (extracted from the case management system on 3 March 2017)": the first day
    text = ("Eastmere Council - Children's Scrutiny Panel\n"
            "Data as at 28 February 2017 (extracted from the case management system on 3 March 2017)\n\n"
            "Children looked after: 402")
    assert dated(text, library) == {("children_in_care", "402", "2017-02-28")}


def test_a_body_line_saying_its_data_are_at_a_day_is_no_meeting_line(library):
    # "Eastmere Borough Council - data as at 30 June 2017" dates the figures under it, as a heading does
    text = ("Eastmere Borough Council - data as at 30 June 2017\n\n"
            "There were 212 children on child protection plans.")
    assert dated(text, library) == {("cp_plans", "212", "2017-06-30")}


def test_a_data_bracket_closing_the_meeting_line_dates_the_papers_figures(library):
    # "Performance report to the Executive, July 2017 (data to 30 June 2017)": the meeting line still dates the
    # paper, and its bracket says when the figures are: the last twelve months to June 2017
    text = ("Eastmere SCP performance report to the Executive, July 2017 (data to 30 June 2017)\n"
            "In the last twelve months 4,206 referrals were received.")
    assert dated(text, library) == {("referrals", "4206", "2017-06")}


def test_a_carry_forward_from_a_year_with_its_sum_between_is_the_next_years(library):
    # "a carry forward of £8,950 from 2015/16": the sum came from that year and funds the next, as "brought forward
    # from 2015/16" does
    text = "The 2016/17 budget included a carry forward of £8,950 from 2015/16."
    assert ("budget_carry_forward", "8950", "2016-17") in dated(text, library)
    text = "Note: the table excludes the carry forward of £6,120 from 2015/16."
    assert dated(text, library) == {("budget_carry_forward", "6120", "2016-17")}


def test_the_total_for_the_year_to_date_under_a_quarters_title_is_the_year_to_that_quarters_end(library):
    # "bringing the total for the year to date to 231" in a Quarter 3 2016/17 paper: April to December 2016, not
    # the whole year that "for the year" alone would name
    text = ("Eastmere Council - Quarter 3 2016/17 performance scorecard\n"
            "During the quarter 77 children became the subject of a plan, bringing the total for the year to date to 231.")
    assert ("cp_plans_started", "231", "2016-12") in dated(text, library)


def test_a_figure_against_others_in_quarters_of_no_year_is_compared_with_them(library):
    # "against 1,010 in quarter 2 and 1,090 in quarter 1" under a Quarter 3 2016/17 title: the main figure keeps its
    # own span (October to December 2016); the compared ones are their quarters, not its date
    text = ("Eastmere Council - Children's Social Care Scorecard, Quarter 3 2016/17\n\n"
            "982 referrals to children's social care were received between October and December 2016, against 1,010 "
            "in quarter 2 and 1,090 in quarter 1.")
    assert ("referrals", "982", "2016-Q4") in dated(text, library)


def test_a_figure_of_last_year_said_in_a_when_clause_is_compared_and_dates_nothing_else(library):
    # "..., 6% lower than at the same point last year, when 2,018 had been received by the end of September 2016": the
    # day names last year's figure, so the next sentence's "in the quarter" is still the quarter said before it
    text = ("Children's Sub-Committee, 5 December 2017 - Quarterly Performance Report\n\n"
            "The front door received 4,630 contacts between July and September 2017. Referrals for the year to date "
            "stand at 1,904, which is 6% lower than at the same point last year, when 2,018 had been received by the end "
            "of September 2016. Re-referrals fell to 18.1% in the quarter.")
    assert ("rereferral_rate", "18.1", "2017-Q3") in dated(text, library)


@pytest.mark.parametrize("head, expected", [
    # a title with its year and the calendar months in brackets: that calendar year
    ("Eastmere Council - Children's Services Annual Review 2016 (January-December)", "2016"),
    # a meeting line that says after a dash when its data are: the twelve months to then
    ("Eastmere Council\nReport to the Executive, 8 February 2017 - data to 30 November 2016", "2016-11"),
])
def test_a_title_or_meeting_line_that_says_its_data_dates_the_flows_under_it(head, expected, library):
    text = head + "\nIn the last 12 months 2,104 referrals were received." if "data to" in head \
        else head + "\nReferrals: 2,104"
    assert dated(text, library) == {("referrals", "2104", expected)}


@pytest.mark.parametrize("head", [
    "Eastmere Borough Council - Children in care profile, as at 31 March 2017",
    "Eastmere Borough Council - Corporate Parenting Panel\nData extracted 5 April 2017; figures are for 31 March 2017.",
])
def test_a_line_that_says_which_day_its_figures_are_at_dates_the_stocks_under_it(head, library):
    # "..., as at 31 March 2017" after the body's name is no meeting line; "Data extracted 5 April 2017; figures are for
    # 31 March 2017" says the second day is the figures'
    assert dated(head + "\nLooked after children: 318", library) == {("children_in_care", "318", "2017-03-31")}


def test_a_heading_whose_closing_bracket_says_its_kind_of_year_is_no_longer_for_it(library):
    # "Schools safeguarding training 2016-17 (academic year, September to July)" under the partnership's name: a
    # heading of 52 characters and its bracket, dating the rows under it by the school year
    text = ("Eastmere Safeguarding Children Partnership\n"
            "Schools safeguarding training 2016-17 (academic year, September to July)\n"
            "Sessions delivered | 27\nAttendees | 610\n")
    assert dated(text, library) == {("training_courses", "27", "2016-17"), ("training_delegates", "610", "2016-17")}


@pytest.mark.parametrize("text, want", [
    # a financial year split over the line end: one sentence, not a heading with a calendar year over it
    ("The partnership's agreed budget for 2025/\n26 is £388,400.\n", {("budget_total", "388400", "2025-26")}),
    # an event named by its year with its kind between: the event's year
    ("Our 2025 multi-agency neglect conference brought together 265 delegates.\n",
     {("conference_delegates", "265", "2025")}),
])
def test_a_year_split_over_a_line_end_and_an_events_year_before_its_kind(text, want, library):
    assert dated(text, library) == want


@pytest.mark.parametrize("text, want", [
    # a title's bare year with the kind of year said in brackets
    ("Multi-agency Training Review 2025 (calendar year)\nWe delivered 164 courses.\n",
     {("training_courses", "164", "2025")}),
    # a title's year so far to a day: to 31 March it is the whole financial year, else the months to that day
    ("Front door activity (YTD to 31 March 2025)\nReferrals YTD: 5,210\n", {("referrals", "5210", "2024-25")}),
    ("Front door activity (YTD to 31 December 2024)\nReferrals YTD: 3,980\n", {("referrals", "3980", "2024-12")}),
    # a month's end said first, its month in brackets after it, placed by the meeting
    ("Corporate Parenting Panel, 12 February 2025\nLooked after children at month end (January): 688.\n",
     {("children_in_care", "688", "2025-01-31")}),
    # the end of the financial year, in a paper of no year of its own: the last 31 March its meeting had passed
    ("Corporate Parenting Panel - 9 July 2025\nAt the end of the financial year, 702 children were in our care.\n",
     {("children_in_care", "702", "2025-03-31")}),
    # the day the data were taken from the system dates the table under it
    ("The figures below were extracted from the case recording system on 3 November 2025.\n"
     "Children in care                 455\n", {("children_in_care", "455", "2025-11-03")}),
    # stocks at a day, and flows over the month it closes
    ("Performance dashboard\n(stock measures are as at 30 September 2025; flow measures are for September 2025)\n"
     "Children on a CP plan             287\nReferrals received                164\n",
     {("cp_plans", "287", "2025-09-30"), ("referrals", "164", "2025-09")}),
])
def test_periods_said_in_brackets_by_a_month_end_a_year_end_or_by_where_the_data_came_from(text, want, library):
    assert dated(text, library) == want


@pytest.mark.parametrize("text, want", [
    # a bare quarter over its column, under a caption that names that quarter and its year, is that quarter,
    # whatever year another column names ("2024/25" is last year's whole year); "YTD" after it is the year to
    # its end, and "Same period last year" that span a year back
    ("Oldham Council - Children's Scrutiny, 10 December 2025\n"
     "Dashboard for quarter 2 2025-26\n\n"
     "Measure             | Q2    | YTD   | Same period last year\n"
     "Referrals           | 905   | 1,822 | 1,760\n",
     {("referrals", "905", "2025-Q3"), ("referrals", "1822", "2025-09"), ("referrals", "1760", "2024-09")}),
    ("Period covered: Quarter 1 2025/26\n"
     "| Measure | Q1 | Year to date | 2024/25 |\n"
     "| CP plans started | 97 | 97 | 402 |\n",
     {("cp_plans_started", "97", "2025-Q2"), ("cp_plans_started", "97", "2025-06"),
      ("cp_plans_started", "402", "2024-25")}),
])
def test_a_bare_quarter_under_a_caption_naming_it_is_that_quarter(text, want, library):
    assert dated(text, library) == want


def test_a_bare_quarter_beside_columns_of_other_years_takes_the_captions_one_year(library):
    # (the caption names one financial year; the columns beside name this year's so far and last year's whole)
    text = ("Bury Council\nCabinet - 12 February 2025\nQuarter 3 performance, 2024/25\n"
            "Indicator                  Q3      2024/25 YTD (Q3)    2023/24 full year\n"
            "Referrals to CSC           611     1,870               2,402\n")
    assert dated(text, library) == {("referrals", "611", "2024-Q4"), ("referrals", "1870", "2024-12"),
                                    ("referrals", "2402", "2023-24")}


def test_a_row_of_a_day_of_no_year_under_a_quarter_is_that_day_in_the_quarter(library):
    text = ("Tameside Council\nScrutiny Panel, 11 February 2025\nChildren's Services Report, Quarter 3 2024/25\n\n"
            "                                  Q3     YTD (Apr-Dec)\n"
            "Referrals                         802    2,390\n"
            "Children in care (31 Dec)         688    n/a\n")
    assert dated(text, library) == {("referrals", "802", "2024-Q4"), ("referrals", "2390", "2024-12"),
                                    ("children_in_care", "688", "2024-12-31")}


def test_months_of_no_year_under_a_meeting_day_are_the_last_such_months_by_it(library):
    # (the one year near the months is the meeting's, a day in January: October to December are the year before)
    text = ("Rotherham Safeguarding Children Partnership\nPerformance Sub-group\nMeeting held 21 January 2026\n"
            "Front door activity\n"
            "                     Oct     Nov     Dec\n"
            "Referrals            488     455     392\n")
    assert dated(text, library) == {("referrals", "488", "2025-10"), ("referrals", "455", "2025-11"),
                                    ("referrals", "392", "2025-12")}


def test_a_comparators_year_in_its_header_does_not_place_the_months_beside_it(library):
    text = ("Solihull Council\nChildren's Scrutiny - 12 November 2025\nChild protection dashboard, financial year 2025-26\n"
            "                    Apr     May     Jun     England (2024)\n"
            "CP plans            301     296     310\n"
            "Rate per 10k        38.2    37.6    39.4    41.6\n")
    assert dated(text, library) == {("cp_plans", "301", "2025-04"), ("cp_plans", "296", "2025-05"),
                                    ("cp_plans", "310", "2025-06"), ("cp_plans_rate_per_10k", "38.2", "2025-04"),
                                    ("cp_plans_rate_per_10k", "37.6", "2025-05"), ("cp_plans_rate_per_10k", "39.4", "2025-06")}


@pytest.mark.parametrize("text, want", [
    # months of no year named in turn take the figures named in turn, each placed by the meeting as a month is
    ("Derby City Council - Cabinet, 12 March 2025\nReferrals in January and February numbered 402 and 377 respectively.\n",
     {("referrals", "402", "2025-01"), ("referrals", "377", "2025-02")}),
    ("Oldham Council - Children's Scrutiny Committee, 10 December 2024\n"
     "The October and November figures were 640 and 652 children looked after respectively.\n",
     {("children_in_care", "640", "2024-10"), ("children_in_care", "652", "2024-11")}),
])
def test_months_of_no_year_named_in_turn_date_figures_named_in_turn(text, want, library):
    assert dated(text, library) == want


def test_a_scrutiny_named_alone_with_its_day_is_a_meeting_line(library):
    # (so a month of no year under it is the last such month by the meeting, not one of the meeting's year after it)
    text = ("Solihull Children's Services Scrutiny - 12 March 2025\n"
            "In October there were 355 children looked after.\n")
    assert dated(text, library) == {("children_in_care", "355", "2024-10")}


@pytest.mark.parametrize("text, want", [
    # periods named in turn between a term and its figures named in turn: each figure is the term's, in its period
    ("Sefton Council - Cabinet, 6 March 2025\nReferrals in Q1, Q2 and Q3 were 1,204, 1,187 and 1,266 respectively.\n",
     {("referrals", "1204", "2024-Q2"), ("referrals", "1187", "2024-Q3"), ("referrals", "1266", "2024-Q4")}),
    ("Annual report of the partnership\nReferrals in 2022/23, 2023/24 and 2024/25 were 3,905, 4,118 and 4,260 respectively.\n",
     {("referrals", "3905", "2022-23"), ("referrals", "4118", "2023-24"), ("referrals", "4260", "2024-25")}),
])
def test_periods_named_in_turn_between_a_term_and_its_figures(text, want, library):
    assert dated(text, library) == want


@pytest.mark.parametrize("text, want", [
    # a note under the table that defines its columns' words, in quotes after "Notes:"
    ("Partnership finance summary\n\n"
     "Line                    Last year     This year\n"
     "Budget                  £402,300      £415,000\n"
     "Expenditure             £398,100      n/a\n\n"
     "Notes: 'Last year' is 2023/24 (final outturn); 'This year' is 2024/25 (approved budget).\n",
     {("budget_total", "402300", "2023-24"), ("budget_total", "415000", "2024-25"),
      ("expenditure_total", "398100", "2023-24")}),
    # a key keyed by the mark its column's header carries
    ("Gateshead Council scorecard\n"
     "Indicator                | Latest+ | Previous | England\n"
     "Referrals                | 1,511   | 1,480    | -\n"
     "Re-referral rate         | 19.2%   | 20.6%    | 22.4%\n"
     "+ Latest = Q3 2024/25 (October-December 2024); Previous = Q2 2024/25.\n",
     {("referrals", "1511", "2024-Q4"), ("referrals", "1480", "2024-Q3"),
      ("rereferral_rate", "19.2", "2024-Q4"), ("rereferral_rate", "20.6", "2024-Q3")}),
])
def test_a_note_or_a_marked_key_under_a_table_names_its_columns_periods(text, want, library):
    assert dated(text, library) == want


def test_this_quarter_under_a_caption_of_a_span_ending_with_a_quarter_is_that_quarter(library):
    text = ("Front door activity - April to September 2025\n"
            "                 This quarter   Year to date   Same point last year\n"
            "Referrals        1,212          2,380          2,296\n"
            "Re-referrals %   19.6           20.4           22.1\n")
    assert dated(text, library) == {
        ("referrals", "1212", "2025-Q3"), ("referrals", "2380", "2025-09"), ("referrals", "2296", "2024-09"),
        ("rereferral_rate", "19.6", "2025-Q3"), ("rereferral_rate", "20.4", "2025-09"),
        ("rereferral_rate", "22.1", "2024-09")}


def test_this_year_and_last_year_under_a_caption_of_one_financial_year(library):
    text = ("Multi-agency training summary 2024/25\n"
            "                 This year    Last year\n"
            "Courses          142          131\n"
            "Delegates        2,904        2,711\n")
    assert dated(text, library) == {("training_courses", "142", "2024-25"), ("training_courses", "131", "2023-24"),
                                    ("training_delegates", "2904", "2024-25"), ("training_delegates", "2711", "2023-24")}


def test_a_column_of_the_whole_year_under_a_caption_of_one_financial_year_is_that_year(library):
    text = ("Partnership performance summary 2024/25\n"
            "                 Year end    Target\n"
            "Referrals        4,210       4,400\n"
            "Courses          96          100\n")
    assert dated(text, library) == {("referrals", "4210", "2024-25"), ("training_courses", "96", "2024-25")}
    # ("Previous" alone over a column names no place: its figures are no part of the paper's, and no period's)
    latest = ("Partnership performance summary 2024/25\n"
              "                 Latest      Previous\n"
              "Referrals        4,210       4,102\n"
              "Courses          96          91\n")
    assert dated(latest, library) == {("referrals", "4210", "2024-25"), ("training_courses", "96", "2024-25")}


def test_a_column_headed_month_under_a_caption_naming_one_month_is_that_month(library):
    text = ("Front door dashboard - November 2024\n"
            "                    Month       YTD\n"
            "Referrals           402         2,904\n"
            "CP plans started    41          298\n")
    assert dated(text, library) == {("referrals", "402", "2024-11"), ("referrals", "2904", "2024-11"),
                                    ("cp_plans_started", "41", "2024-11"), ("cp_plans_started", "298", "2024-11")}


def test_a_column_headed_quarter_under_a_caption_naming_one_quarter_is_that_quarter(library):
    text = ("Children's scorecard, Quarter 2 2025/26\n"
            "                    In quarter  YTD\n"
            "Referrals           1,204       2,380\n"
            "CP plans started    121         240\n")
    assert dated(text, library) == {("referrals", "1204", "2025-Q3"), ("referrals", "2380", "2025-09"),
                                    ("cp_plans_started", "121", "2025-Q3"), ("cp_plans_started", "240", "2025-09")}
