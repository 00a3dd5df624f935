"""Each step of the order of precedence in kpi_extract/dating.py, on sentences written for these tests."""
import calendar
from datetime import date

import pytest
from hypothesis import assume, given, strategies as st

from kpi_extract.context import build_context
from kpi_extract.dating import Context, attribute, govern, table_column
from kpi_extract.layout import sentences
from kpi_extract.model import Candidate
from kpi_extract.periods import (as_at, calendar_year, financial_year, find_mentions, fy_quarter, month, parse_period,
                                 quarter, rolling_year, span, year_to_date)

FY_2022 = Context(financial_year(2022), "title")


def dated(text, figures, ctx=FY_2022):
    """(label, kind, rule) of each figure, found by its text."""
    spans = [(text.index(f), text.index(f) + len(f)) for f in figures]
    got = attribute(text, spans, ctx)
    return [(got[s][0].label, got[s][0].kind, got[s][1]) for s in spans]


# -- P1 own_date and P2 comparison ------------------------------------------------------------

def test_own_date_is_the_one_next_to_the_figure():
    assert dated("There were 412 children in care at 31 March 2023.", ["412"]) == \
        [("2023-03-31", "as_at", "own_date")]


def test_a_comparison_keeps_its_period_and_lends_it_to_no_one():
    text = "Looked after children: 455 at year end (2021/22: 431)."
    assert dated(text, ["455", "431"]) == [("2023-03-31", "as_at", "title"), ("2021-22", "financial_year", "own_date")]


def test_a_bracketed_comparison_after_the_noun_does_not_swap_years():
    text = "In 2022 we received 8,115 referrals (2021: 7,560)."
    assert dated(text, ["8,115", "7,560"]) == [("2022", "calendar_year", "own_date"),
                                               ("2021", "calendar_year", "own_date")]


def test_a_bracket_labelled_with_a_short_date():
    text = "Children in care as at 31/3/23 were 455 children (31/3/22: 431)."
    assert [d[0] for d in dated(text, ["455", "431"])] == ["2023-03-31", "2022-03-31"]


def test_a_rate_in_brackets_after_a_prior_count_is_the_prior_date():
    text = "There were 731 children in care at 31 December 2021, up from 702 (61.0 per 10,000) at the end of June."
    assert [d[0] for d in dated(text, ["731", "702", "61.0"])] == ["2021-12-31", "2021-06-30", "2021-06-30"]


def test_a_comparison_after_an_acronym_in_brackets():
    text = "- 318 children were subject to a Child Protection Plan (CPP) (2022: 297)"
    assert dated(text, ["318"], Context(as_at(date(2023, 3, 31)), "lead_in"))[0][0] == "2023-03-31"


@pytest.mark.parametrize("text,figure,prior", [
    ("At 31 March 2023 there were 612 children in care, down from a peak of 744 in June 2012.", "612", "744"),
    ("Expenditure in 2022/23 was £702,400 against £688,000 in 2021/22.", "£702,400", "£688,000"),
])
def test_a_peak_or_an_against_dates_only_its_own_figure(text, figure, prior):
    main, before = dated(text, [figure, prior])
    assert main[0] in ("2023-03-31", "2022-23") and before[0] in ("2012-06", "2021-22")


def test_a_year_less_prior_date_is_the_last_such_date_before_the_main_one():
    text = "There were 540 children in care at 31 March 2023, up from 522 at the end of December."
    assert dated(text, ["540", "522"]) == [("2023-03-31", "as_at", "own_date"), ("2022-12-31", "as_at", "comparison")]


def test_a_prior_with_its_own_event_year_needs_no_guess():
    text = "The summit in March 2024 attracted 251 attendees, up from 190 at the 2023 event."
    assert dated(text, ["190"])[0][:2] == ("2023", "calendar_year")


def test_a_conference_in_the_next_clause_does_not_date_the_training():
    text = ("Our webinars reached 1,146 attendees, and our first online conference, held on 24 February 2021, "
            "had 412 delegates.")
    assert dated(text, ["1,146", "412"], Context(financial_year(2020), "title")) == \
        [("2020-21", "financial_year", "title"), ("2021-02-24", "as_at", "own_date")]


def test_a_plan_is_dated_by_the_report_not_its_approval():
    text = "The improvement plan, approved in May 2021, contains 52 actions."
    assert dated(text, ["52"], Context(as_at(date(2022, 9, 30)), "title")) == [("2022-09-30", "as_at", "title")]


def test_a_bare_year_beside_a_day_of_the_year():
    text = "Children subject to a plan at 31 March: 344 in 2023 and 389 in 2022."
    assert [d[0] for d in dated(text, ["344", "389"])] == ["2023-03-31", "2022-03-31"]


# -- R: relative periods -------------------------------------------------------------------------

@pytest.mark.parametrize("text,figure,ctx,label", [
    ("In the quarter, 1,512 referrals were received.", "1,512", Context(fy_quarter(2022, 2), "heading"), "2022-Q3"),
    ("At the end of the quarter, 487 children were on a plan.", "487", Context(fy_quarter(2023, 3), "title"),
     "2023-12-31"),
    ("This year 1,730 practitioners attended training.", "1,730", Context(fy_quarter(2022, 2), "title"), "2022-23"),
    ("The partnership trained 1,540 practitioners last year.", "1,540", FY_2022, "2021-22"),
    ("In the twelve months to September 2022, 5,210 referrals were received.", "5,210", FY_2022, "2022-09"),
    ("At the time of the inspection, 412 children were in care.", "412",
     Context(financial_year(2022), "title", event=month(2023, 2)), "2023-02"),
    ("In November, 118 practitioners attended the conference.", "118", FY_2022, "2022-11"),
    ("Referrals year to date at the end of September 2023: 2,944", "2,944", FY_2022, "2023-09"),
    ("CLA at 31.3.19: 433", "433", FY_2022, "2019-03-31"),
])
def test_relative_periods_against_the_context(text, figure, ctx, label):
    assert dated(text, [figure], ctx)[0][0] == label


def test_the_previous_quarter():
    text = "Referrals were 1,512 in Q2 2022/23, compared with 1,420 in the previous quarter."
    assert [d[0] for d in dated(text, ["1,512", "1,420"])] == ["2022-Q3", "2022-Q2"]


@pytest.mark.parametrize("text,label", [
    ("Children in care at 31-03-2023: 455", "2023-03-31"),
    ("Referrals in FY22/23: 5,120", "2022-23"),
    ("Referrals in the year to September 2022: 5,120", "2022-09"),
    ("Referrals in the year ending 31 March 2023: 5,120", "2022-23"),
    ("Measure        30 Sep 21    30 Jun 22", "2021-09-30"),
])
def test_more_ways_to_write_a_period(text, label):
    assert [m.period.label for m in find_mentions(text) if m.absolute][0] == label


def test_a_day_month_and_two_digits_before_a_word_is_no_date():
    assert [m for m in find_mentions("On 30 Sep 21 children were placed") if m.absolute] == []


def test_the_inspection_date_from_the_front_page():
    doc = build_context(["Ofsted inspected the council's services between 6 and 17 February 2023.\n"
                         "At the time of the inspection, 412 children were in care."])
    assert doc.event == month(2023, 2)


def test_a_day_alone_under_the_body_on_the_front_page_is_the_meeting():
    doc = build_context(["NORTHBRIDGE CITY COUNCIL\nCABINET\n11 September 2024\nAgenda Item 9\n"
                         "Children's Services Improvement Plan: Progress Report"])
    assert (doc.meeting, doc.meeting_known) == (as_at(date(2024, 9, 11)), True)
    # the inspection only stands in for a meeting the paper does not name
    doc = build_context(["Ofsted inspected the council's services between 6 and 17 February 2023.\n"
                         "At the time of the inspection, 412 children were in care."])
    assert (doc.meeting, doc.meeting_known) == (as_at(date(2023, 2, 28)), False)


def test_a_count_dated_after_the_meeting_is_no_fact_but_a_budget_for_next_year_is(library):
    from kpi_extract.pipeline import extract_text
    front = "Northbridge City Council\nCabinet\n12 February 2025\n\f"
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        front + "Children in care at 31 March 2024: 455. Children in care at 31 March 2026: 430.\n"
                "The partnership budget for 2025/26 is £512,000.", library)}
    assert got == {("children_in_care", "455", "2024-03-31"), ("budget_total", "512000", "2025-26")}
    # a few weeks after a date line is no forecast: the line may be an earlier meeting's
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Northbridge Safeguarding Partnership\nMinutes of the meeting of 5 March 2019\n\n"
        "At 31 March 2019 there were 317 children subject to a child protection plan.", library)}
    assert got == {("cp_plans", "317", "2019-03-31")}
    # a deadline after the meeting dates no sentence after it
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Northbridge City Council\nCabinet\n4 December 2024\nChildren's Services Performance Report: Quarter 2 "
        "2024/25\n\nOur ambition is to bring the rate to 33 per 10,000 by March 2025. The re-referral rate of "
        "18.9% in the quarter is the lowest for three years.", library)}
    assert got == {("rereferral_rate", "18.9", "2024-Q3")}
    # with no date of its own, the paper cannot say what is yet to come
    assert ("children_in_care", "430", "2026-03-31") in {(f.kpi, f.value, f.period) for f in extract_text(
        "Children in care at 31 March 2026: 430.", library)}


def test_a_plan_agreed_by_a_long_named_body_restates_its_actions_at_the_reports_date(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Annual Report 2023-24\n\nThe business plan agreed by the Executive Safeguarding Partners in June 2023 "
        "sets out 41 actions.", library)}
    assert got == {("plan_actions_total", "41", "2023-24")}


def test_a_standing_statement_of_stocks_at_a_day_and_flows_for_its_year(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Scorecard\nUnless otherwise stated, stocks are at 31/03/2024 and flows cover 2023/24.\n"
        "Children looked after 702\nReferrals 5,481\n", library)}
    assert got == {("children_in_care", "702", "2024-03-31"), ("referrals", "5481", "2023-24")}


def test_year_to_date_spans_from_april():
    text = "Referrals year to date at the end of September 2023: 2,944"
    got = attribute(text, [(text.index("2,944"), len(text))], FY_2022)
    period = next(iter(got.values()))[0]
    assert (period.kind, period.start, period.end) == ("month", date(2023, 4, 1), date(2023, 9, 30))


# -- P3 table_column -----------------------------------------------------------------------------

@pytest.mark.parametrize("label,column,expected", [
    ("Children in care (31 Dec)", calendar_year(2021), "2021-12-31"),
    ("Child protection plans at year end", calendar_year(2022), "2022-12-31"),
    ("Children in care (31 March)", financial_year(2021), "2022-03-31"),
    ("Referrals", calendar_year(2022), "2022"),
])
def test_a_stock_row_under_year_columns_is_as_at_its_day(label, column, expected):
    c = Candidate("children_in_care", "402", 1, f"{label} | 2021 2022 | 391 402", "table", "t", 1.0,
                  period=column, period_source="table")
    d = table_column(c)
    assert (d.candidate.period.label, d.rule) == (expected, "table_column")


# -- P4-P8: the document's structure -------------------------------------------------------------

def test_datelines_are_not_headings_and_a_bare_year_title_is_a_calendar_year():
    doc = build_context(["Children's Committee, 8 March 2023\nChildren's Social Care Annual Report 2022\n"
                         "Referrals received: 6,130"])
    assert doc.headings == [] and doc.datelines == [(1, 0)]
    assert doc.titles == [(1, 1, calendar_year(2022))]
    assert govern(doc, 1, 2) == (calendar_year(2022), "title")


def test_a_lead_in_governs_its_list_and_not_the_prose_after_it():
    doc = build_context(["Annual Report 2022-23\nAt 31 March 2023:\n- 344 children on a plan\n"
                         "- 577 children looked after.\nTraining was well attended, with 1,866 delegates."])
    assert govern(doc, 1, 3) == (as_at(date(2023, 3, 31)), "lead_in")
    assert govern(doc, 1, 4) == (financial_year(2022), "title")


def test_a_standing_statement_beats_a_heading_but_not_a_new_report():
    doc = build_context(["Performance Report 2022-23\nData are as at 30 September 2022 unless shown otherwise.\n"
                         "Quarter 1 2022/23\nChildren in care 455\n"
                         "Subject: Safeguarding Partnership Annual Report 2021-22\nThe budget was £500,000."])
    assert govern(doc, 1, 3) == (as_at(date(2022, 9, 30)), "standing")
    assert govern(doc, 1, 5) == (financial_year(2021), "title")


def test_the_meeting_date_governs_last():
    doc = build_context(["Children and Families Committee\nDate: 8 March 2023\nThere are currently 327 children."])
    assert govern(doc, 1, 2) == (as_at(date(2023, 3, 8)), "meeting_date")


def test_a_date_split_over_a_line_end_stays_in_one_sentence():
    (s,) = sentences(["At 31", "March 2023 there were 455 children in care."])
    assert s.text == "At 31 March 2023 there were 455 children in care."


# -- the parsers, for any date -------------------------------------------------------------------

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2039, 12, 31))


@given(days)
def test_short_dotted_dates_after_a_cue(d):
    text = f"Children in care at {d.day}.{d.month}.{d.year % 100:02d}: 433"
    found = [m.period for m in find_mentions(text) if m.absolute]
    assert found == [as_at(d)]


@given(days)
def test_paragraph_numbers_are_not_dates(d):
    assume(d.day < 10 or d.month < 10)  # "10.10.00" is written as a date, not a paragraph number
    assert [m for m in find_mentions(f"{d.day}.{d.month}.{d.year % 100:02d} The board agreed") if m.absolute] == []


@given(st.integers(min_value=2000, max_value=2039), st.integers(min_value=1, max_value=12),
       st.sampled_from(["the twelve months to", "the 12 months ending", "rolling 12 months to"]))
def test_twelve_months_to_a_month(year, mon, words):
    name = calendar.month_name[mon]
    (m,) = [m for m in find_mentions(f"In {words} {name} {year}, 5,210 referrals") if m.absolute]
    p = m.period
    assert p == rolling_year(year, mon)
    assert p.end == date(year, mon, calendar.monthrange(year, mon)[1])
    assert (p.end - p.start).days in (364, 365)
    assert p.kind == ("financial_year" if mon == 3 else "month")


@given(days)
def test_year_to_date_runs_from_the_april_before(d):
    p = year_to_date(d)
    assert p.start.month == 4 and p.start.day == 1 and p.start <= d <= p.end
    assert (p.end - p.start).days < 366


@given(st.integers(min_value=2000, max_value=2038))
def test_numeric_spans_of_a_financial_year(y):
    text = f"Referrals received 1.4.{y % 100:02d} to 31.3.{(y + 1) % 100:02d}: 4,318"
    assert [m.period for m in find_mentions(text) if m.absolute] == [financial_year(y)]


@given(days, days)
def test_a_span_covers_its_dates(a, b):
    first, last = min(a, b), max(a, b)
    p = span(first, last)
    assert p.start == first and p.end == last
    if (first.month, first.day, last.month, last.day) == (4, 1, 3, 31) and last.year == first.year + 1:
        assert p == financial_year(first.year)


@given(st.integers(min_value=2000, max_value=2039), st.integers(min_value=1, max_value=4))
def test_quarter_labels_read_back(y, q):
    assert parse_period(f"Q{q} {y}") == quarter(y, q)


# -- whole short documents -----------------------------------------------------------------------

def facts_of(text, library):
    from kpi_extract.pipeline import extract_text
    return {(f.kpi, f.value): (f.period, f.period_source) for f in extract_text(text, library)}


def test_a_conference_date_carries_to_its_delegates_not_to_the_plan(library):
    got = facts_of("Annual Report 2022-23\nFigures are as at 31 March 2023 except where stated.\n"
                   "Our annual conference on neglect, held in June 2022, was attended by 236 delegates. "
                   "The business plan, agreed in April 2022, has 30 actions.", library)
    assert got[("conference_delegates", "236")] == ("2022-06", "sentence")
    assert got[("plan_actions_total", "30")] == ("2023-03-31", "heading")


def test_a_flow_under_a_standing_31_march_is_the_financial_year(library):
    got = facts_of("Figures are as at 31 March 2023 unless stated.\n"
                   "The partnership ran 74 multi-agency training courses.", library)
    assert got[("training_courses", "74")] == ("2022-23", "heading")


def test_at_the_time_of_a_focused_visit(library):
    got = facts_of("Focused visit to Marshwood children's services\nThis letter summarises the findings of the "
                   "focused visit to Marshwood children's services on 17 and 18 January 2023.\n\n"
                   "At the time of the visit, the local authority was looking after 466 children.", library)
    assert got[("children_in_care", "466")] == ("2023-01", "sentence")


# -- P9 alongside, P10 restated --------------------------------------------------------------------

def test_a_plans_total_is_dated_by_its_completion_figure_beside_it(library):
    got = facts_of("Improvement Plan 2022-24\n"
                   "The plan sets out 42 actions across five priorities.\n"
                   "By 30 September 2023, 28 of the actions had been completed.", library)
    assert got[("plan_actions_total", "42")] == ("2023-09-30", "sentence")
    assert got[("plan_actions_completed", "28")] == ("2023-09-30", "sentence")


def test_a_plans_total_far_from_its_completion_figure_stays_undated(library):
    got = facts_of("The plan sets out 42 actions across five priorities. The board meets quarterly. "
                   "Each priority has a lead. Leads report to the board. "
                   "By 30 September 2023, 28 of the actions had been completed.", library)
    assert got[("plan_actions_total", "42")] == ("", "")


def test_an_undated_figure_takes_the_period_the_document_gives_the_same_figure(library):
    got = [(f.page, f.period, f.period_source) for f in __import__("kpi_extract.pipeline", fromlist=["x"]).extract_text(
        "Latest figures show that 214 children under five are looked after by the council.\f"
        "The latest figures (2021/22) show that 214 children under five are looked after.", library)
        if f.kpi == "children_in_care"]
    assert got == [(1, "2021-22", "sentence"), (2, "2021-22", "sentence")]


def test_a_figure_the_document_dates_twice_stays_undated(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.page, f.period) for f in extract_text(
        "Latest figures show that 214 children under five are looked after by the council.\f"
        "In 2020/21, 214 children under five were looked after.\f"
        "In 2021/22, 214 children under five were looked after.", library) if f.kpi == "children_in_care"}
    assert (1, "") in got


def test_a_part_takes_the_period_of_its_whole(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.value, f.subject, f.period) for f in extract_text(
        "Children on a child protection plan at 30 June 2023: 341.\f"
        "Of the 341 children on plans, 126 were on plans for neglect.", library) if f.kpi == "cp_plans"}
    assert ("126", "neglect", "2023-06-30") in got


# -- earlier figures written beside the current one (issue 8's "prior figures") -------------------

@pytest.mark.parametrize("text,want", [
    ("Looked after children at 31/03/2023: 520 (previous year: 498)",
     {("children_in_care", "520"): "2023-03-31", ("children_in_care", "498"): "2022-03-31"}),
    ("Referrals in 2022/23 numbered 5,640 - well below the 2019/20 peak of 6,412.",
     {("referrals", "5640"): "2022-23", ("referrals", "6412"): "2019-20"}),
    ("Our child protection rate of 38.1 per 10,000 at 31 March 2023 is lower than the 40.6 we reported at 31 March 2022.",
     {("cp_plans_rate_per_10k", "38.1"): "2023-03-31", ("cp_plans_rate_per_10k", "40.6"): "2022-03-31"}),
    ("There were 431 children in care at 31 March 2023 (410 in May 2021).",
     {("children_in_care", "431"): "2023-03-31", ("children_in_care", "410"): "2021-05"}),
    ("Training delegates rose to 2,210 in 2022-23 from 1,905 the previous year.",
     {("training_delegates", "2210"): "2022-23", ("training_delegates", "1905"): "2021-22"}),
    ("There were 655 children in care at 31 March 2021. On 31/03/2020 the figure was 638.",
     {("children_in_care", "655"): "2021-03-31", ("children_in_care", "638"): "2020-03-31"}),
    ("The partnership budget for 2023-24 is £655,000; in 2022-23 it was £630,000.",
     {("budget_total", "655000"): "2023-24", ("budget_total", "630000"): "2022-23"}),
    ("The number of children on the register at 31 March 2022 was 274; at the same point in 2021 it was 301.",
     {("cp_plans", "274"): "2022-03-31", ("cp_plans", "301"): "2021-03-31"}),
    ("At 31 March 2023 there were 612 children in care, down from a peak of 689 in October 2015.",
     {("children_in_care", "612"): "2023-03-31", ("children_in_care", "689"): "2015-10"}),
    ("In FY 2017/18 the partnership's budget was £163,420 (FY 2016/17: £158,900).",
     {("budget_total", "163420"): "2017-18", ("budget_total", "158900"): "2016-17"}),
    ("LAC as at 31.3.19: 287; as at 31.3.20: 301.",
     {("children_in_care", "287"): "2019-03-31", ("children_in_care", "301"): "2020-03-31"}),
    # the next figure of a series, with its own date
    ("There were 312 children on child protection plans at the end of September 2022 and 298 at the end of December.",
     {("cp_plans", "312"): "2022-09-30", ("cp_plans", "298"): "2022-12-31"}),
    ("Referrals in January totalled 512, rising to 601 in February 2023.",
     {("referrals", "512"): "2023-01", ("referrals", "601"): "2023-02"}),
    ("There were 412 children in care at 31 March 2023 and 40 foster carers.", {("children_in_care", "412"): "2023-03-31"}),
    # a count far outside a rate's scale after the semicolon is no earlier rate (it is the count's, with a rate between)
    ("At 30 September 2025, 118 children were in care, a rate of 41.2 per 10,000; a year earlier it had been 131.",
     {("children_in_care", "118"): "2025-09-30", ("children_in_care_rate_per_10k", "41.2"): "2025-09-30"}),
    # "against" a measure that is not an earlier period: no comparison
    ("In 2022/23, 2,842 practitioners attended training against 3,410 places made available.",
     {("training_delegates", "2842"): "2022-23", ("training_places_offered", "3410"): "2022-23"}),
])
def test_an_earlier_figure_beside_the_current_one_is_read_with_its_own_period(text, want, library):
    got = {k: v[0] for k, v in facts_of(text, library).items()}
    assert got == want


# -- the document around a sentence ------------------------------------------------------------------

@pytest.mark.parametrize("text,want", [
    # an Ofsted letter says when the visit was; every figure of the sentence is at that time
    ("Ofsted focused visit to Marshwood children's services\nThe visit took place in March 2023.\n"
     "At the time of the visit, 212 children were in care and there were 1,480 children in need.",
     {("children_in_care", "212"): ("2023-03", "sentence"), ("children_in_need", "1480"): ("2023-03", "sentence")}),
    # a dateline on the front page is the meeting: "the end of January" is the last one before it
    ("Report to the Corporate Parenting Panel, 9 February 2023\nPlacements\n"
     "At the end of January we were looking after 402 children.",
     {("children_in_care", "402"): ("2023-01-31", "sentence")}),
    # a date split over a line end is one date, and the first line no heading
    ("Between 1 April 2022 and 31 March\n2023 the partnership spent £497,812.",
     {("expenditure_total", "497812"): ("2022-23", "sentence")}),
    ("Note: the figures in this section relate to the position at the end of June 2023.\nCiC: 377 (per 10k: 64.1)",
     {("children_in_care", "377"): ("2023-06-30", "heading"),
      ("children_in_care_rate_per_10k", "64.1"): ("2023-06-30", "heading")}),
    ("Business plan update (31 January 2023)\nOf the 36 actions in the plan, twenty-four are complete.",
     {("plan_actions_total", "36"): ("2023-01-31", "heading"), ("plan_actions_completed", "24"): ("2023-01-31", "heading")}),
])
def test_the_document_around_a_sentence_dates_it(text, want, library):
    assert facts_of(text, library) == want


@pytest.mark.parametrize("text,want", [
    ("Expenditure in 2022/23 was more than £400,000.", {("expenditure_total", "400000"): ("2022-23", "sentence")}),
    ("More than 260 delegates attended the annual conference in October 2023.",
     {("conference_delegates", "260"): ("2023-10", "sentence")}),
    ("CP plans started in 2022/23: 498 (2021/22: 512)",
     {("cp_plans_started", "498"): ("2022-23", "sentence"), ("cp_plans_started", "512"): ("2021-22", "sentence")}),
])
def test_more_than_is_a_qualifier_and_plans_that_started_are_no_event(text, want, library):
    assert facts_of(text, library) == want


def test_a_compared_month_is_not_carried_to_the_next_sentence(library):
    got = facts_of("Performance report, quarter 1 2023/24\n"
                   "At 30 June 2023, 612 children were subject to a child protection plan. "
                   "This is 27 fewer than at the end of March. "
                   "During the quarter 211 children became subject to a plan.", library)
    assert got[("cp_plans_started", "211")][0] == "2023-Q2"


def test_a_part_after_including_is_its_wholes_figure_at_its_date(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.value, f.subject, f.period) for f in extract_text(
        "Quarter 1 2023/24\nChildren in care numbered 1,058 at the end of the quarter (rate 62.0 per 10,000; "
        "England 71), including 94 disabled children.", library) if f.kpi == "children_in_care"}
    assert got == {("1058", "", "2023-06-30"), ("94", "disabled children", "2023-06-30")}


def test_a_title_with_its_year_before_a_subtitle_dates_the_report(library):
    got = facts_of("ANNUAL REPORT 2022-23: LEARNING, TRAINING AND RESOURCES\n\n"
                   "During the year the partnership ran 146 multi-agency safeguarding training courses.", library)
    assert got[("training_courses", "146")] == ("2022-23", "title")


@pytest.mark.parametrize("text,want", [
    ("The partnership delivered 140 and 162 multi-agency courses in 2021-22 and 2022-23 respectively.",
     {("training_courses", "140"): "2021-22", ("training_courses", "162"): "2022-23"}),
    ("Annual Report 2022-23\nFollowing the Ofsted inspection in May 2022, the improvement plan set out 31 actions, "
     "of which 22 (71%) have been completed.",
     {("plan_actions_total", "31"): "2022-23", ("plan_actions_completed", "22"): "2022-23",
      ("plan_actions_completed_pct", "71"): "2022-23"}),
    ("At the close of 2022, 355 children were subject to a child protection plan.", {("cp_plans", "355"): "2022-12-31"}),
    ("In the quarter to 31 December 2023 we received 1,312 referrals; twelve months earlier the quarter's total was 1,190.",
     {("referrals", "1312"): "2023-Q4", ("referrals", "1190"): "2022-Q4"}),
    ("Children in need, 30 June 2024: 2,611. The same point last year: 2,540.",
     {("children_in_need", "2611"): "2024-06-30", ("children_in_need", "2540"): "2023-06-30"}),
    ("In Q4 2022/23 the MASH received 1,402 referrals, the busiest quarter since Q1 2020/21 (1,455).",
     {("referrals", "1402"): "2023-Q1", ("referrals", "1455"): "2020-Q2"}),
    ("Ofsted monitoring visit to Marshwood children's services\nThis visit took place on 7 March 2023.\n"
     "At the time of this visit, 312 children were subject to a child protection plan.",
     {("cp_plans", "312"): "2023-03-07"}),
])
def test_periods_of_lists_quarters_visits_and_earlier_points(text, want, library):
    assert {k: v[0] for k, v in facts_of(text, library).items()} == want


def test_a_flow_counted_up_to_a_day_is_the_year_to_date_and_a_later_clause_keeps_its_own_period(library):
    got = facts_of("Annual Report 2022/23\nBy the end of July the partnership had already run 38 courses; "
                   "across the full year it delivered 147 courses to 2,980 delegates.", library)
    assert {k: v[0] for k, v in got.items()} == {("training_courses", "38"): "2022-07",
                                                   ("training_courses", "147"): "2022-23",
                                                   ("training_delegates", "2980"): "2022-23"}


def test_the_same_period_as_a_rolling_year_before_it_is_that_span(library):
    got = facts_of("In the twelve months to October 2023, 4,211 referrals were received. "
                   "Child protection plans starting in the same period: 301.", library)
    assert got[("cp_plans_started", "301")][0] == "2023-10"


def test_data_correct_as_at_is_a_standing_statement(library):
    got = facts_of("Data correct as at 1 November 2024.\nChildren subject to a child protection plan: 331", library)
    assert got[("cp_plans", "331")] == ("2024-11-01", "heading")


@pytest.mark.parametrize("opening", [
    "This report covers the partnership's work from April 2025 to March 2026.",
    "Covering 1 April 2025 to 31 March 2026, this is the yearly report of the Ravensby partnership.",
    "The period covered by this report is 1st April 2025 - 31st March 2026.",
])
def test_the_span_a_report_says_it_covers_dates_its_figures(opening, library):
    got = facts_of(f"{opening}\nLearning\nThe multi-agency programme ran 64 courses.", library)
    assert got[("training_courses", "64")] == ("2025-26", "heading")


@pytest.mark.parametrize("text,key,want", [
    # in a year's report, "the first six months" run to its sixth month, labelled by it; "the half-year point" is that
    # month's last day
    ("Ravensby Safeguarding Partnership - Annual Report 2025/26\nIn the first six months the partnership ran 31 courses.",
     ("training_courses", "31"), ("2025-09", "title")),
    ("Ravensby Safeguarding Partnership - Annual Report 2025/26\nAt the half-year point 402 children were on child "
     "protection plans.", ("cp_plans", "402"), ("2025-09-30", "title")),
    # "reported" and a span of months on a short first line that ends on "the": a sentence over a line end, no dateline
    ("The Business Manager reported that from April to September 2025 the\npartnership ran 49 multi-agency courses.",
     ("training_courses", "49"), ("2025-09", "sentence")),
    # "On that day" points back to the day the sentence before names
    ("Ravensby Council - children in need census\nThe census was taken on 31 March 2026.\n"
     "On that day the council had 1,207 open children in need cases.", ("children_in_need", "1207"), ("2026-03-31", "sentence")),
    # a position statement at a day is a title that dates its stocks
    ("RAVENSBY COUNCIL\nChildren's Services - Position Statement at 30 November 2025\nOur children\n"
     "We currently look after 318 children.", ("children_in_care", "318"), ("2025-11-30", "title")),
    # a long committee line ending on its day is the meeting that places a title's bare quarter ("Quarter 4" with no
    # year, in a paper for July's meeting: January to March before it)
    ("Ravensby Metropolitan Borough Council - Children, Young People and Families Scrutiny Panel, 9 July 2025\n"
     "Quarter 4 Performance Report\nIn the quarter, 1,208 referrals were received.", ("referrals", "1208"),
     ("2025-Q1", "title")),
])
def test_a_figures_period_said_in_its_report_s_words_or_lines(text, key, want, library):
    assert facts_of(text, library)[key] == want


def test_a_report_that_another_asks_for_is_no_span_of_this_one(library):
    got = facts_of("The Board asked for an annual report for 2025/26 on the plan's impact.\n"
                   "The multi-agency programme ran 64 courses.", library)
    assert got[("training_courses", "64")][0] != "2025-26"


def test_a_yearless_day_takes_the_year_its_own_sentence_names(library):
    # a title line with no full stop runs into the sentence below it
    got = facts_of("Northbrook Council - Children's Social Care Dashboard, calendar year 2024\n"
                   "At 30 June there were 1,612 children in need and 455 children in care.", library)
    assert got[("children_in_need", "1612")][0] == got[("children_in_care", "455")][0] == "2024-06-30"


def test_a_baseline_since_a_date_dates_the_figure_said_of_it(library):
    # "since <date>, when <figure>": the figure is at that date; the sentence's own stays at its own
    got = facts_of("Performance report, quarter 3 2024/25\nChildren in care rose to 518 at 31 December 2024, "
                   "the highest since 31 March 2021, when 533 children were in care.", library)
    assert got[("children_in_care", "533")][0] == "2021-03-31"
    assert got[("children_in_care", "518")][0] == "2024-12-31"


def test_a_bracketed_year_beside_a_stock_at_a_day_is_that_day_of_the_year(library):
    got = facts_of("Annual Report 2023/24\n- 402 children on a child protection plan at 31 March (2023: 377)", library)
    assert got[("cp_plans", "402")][0] == "2024-03-31" and got[("cp_plans", "377")][0] == "2023-03-31"


def test_a_bracketed_month_beside_a_stock_at_that_months_end_is_its_end_in_its_own_year(library):
    # "(September 2024: 604)" beside a stock at the end of September 2025: at 30 September 2024, not the month
    got = facts_of("Corporate Parenting Board, 14 October 2025\nThere were 612 children in care at the end of "
                   "September 2025 (September 2024: 604).", library)
    assert got[("children_in_care", "612")][0] == "2025-09-30" and got[("children_in_care", "604")][0] == "2024-09-30"


def test_two_readings_of_one_bracketed_figure_share_its_period(library):
    # "84%" read by a pattern's comparison and "84" by a label before a colon: one figure, one period
    got = facts_of("Annual Report 2024/25\n- 2,950 training places offered, with 86% utilisation (2023/24: 81%)",
                   library)
    assert got[("training_utilisation", "81")][0] == "2023-24"


def test_a_year_first_in_numbers_or_at_a_glance_titles_the_page(library):
    got = facts_of("2023 in numbers\n4,870 referrals · 131 courses · 2,604 delegates", library)
    assert {p for p, _ in got.values()} == {"2023"}
    assert facts_of("2022/23 at a glance\n4,870 referrals", library)[("referrals", "4870")][0] == "2022-23"


def test_a_statement_of_the_present_that_nothing_else_dates_is_at_the_meeting(library):
    got = facts_of("Fostering and Adoption Panel - 4 June 2024\nThere are now 288 children in care.", library)
    assert got[("children_in_care", "288")] == ("2024-06-04", "meeting_date")
    # "this year" at a meeting in February is the financial year the meeting is in
    got = facts_of("Partnership Board minutes - 18 February 2025\nThe chair noted that the partnership "
                   "budget for this year was £577,000.", library)
    assert got[("budget_total", "577000")][0] == "2024-25"
    # a past statement with nothing to date it stays undated
    got = facts_of("Partnership Board minutes - 18 February 2025\nOfficers reported 288 children in care.", library)
    assert got[("children_in_care", "288")][0] == ""


def test_a_figure_dated_only_by_the_meeting_takes_a_dated_statement_of_it(library):
    got = facts_of("Health and Wellbeing Board, 5 March 2019\nThe latest figures (2017/18) show that 412 children "
                   "under five are looked after.\n\fThere are 412 children under five looked after by the council.",
                   library)
    assert {p for p, _ in got.values()} == {"2017-18"}


def test_a_bracketed_period_and_its_figure_never_date_the_main_figure(library):
    got = facts_of("In the year to 31 March 2025, 702 children became subject to a child protection plan "
                   "(2023/24: 655), of whom 61 had been on a plan before.", library)
    assert got[("cp_plans_started", "702")][0] == "2024-25" and got[("cp_plans_started", "655")][0] == "2023-24"
    got = facts_of("A total of 702 children became subject to a child protection plan in the year to 31 March 2025 "
                   "(2023/24: 655).", library)
    assert got[("cp_plans_started", "702")][0] == "2024-25" and got[("cp_plans_started", "655")][0] == "2023-24"


def test_an_amount_is_for_the_year_its_sentence_names_not_the_day_it_was_approved(library):
    got = facts_of("Full Council approved a net revenue budget for 2025/26 of £318.4m on 19 February 2025.", library)
    assert got[("budget_total", "318400000")][0] == "2025-26"


@pytest.mark.parametrize("text, want", [
    # the month before the meeting's, at its end; the month of a dated scorecard, and the one before
    ("Corporate Parenting Panel, 9 October 2023\nAt the end of last month 512 children were in our care.",
     {("children_in_care", "512", "2023-09-30", "as_at")}),
    ("Performance scorecard, June 2024\nThis month 1,204 children were in need; at the end of last month "
     "there were 1,187 children in need.",
     {("children_in_need", "1204", "2024-06", "month"), ("children_in_need", "1187", "2024-05-31", "as_at")}),
])
def test_last_month_and_this_month_are_read_against_the_papers_date(text, want, library):
    from kpi_extract.pipeline import extract_text
    assert {(f.kpi, f.value, f.period, f.period_kind) for f in extract_text(text, library)} == want


@pytest.mark.parametrize("text, want", [
    # a plan's actions that nothing else dates are the plan as the paper restates it, at its meeting
    ("Business Plan update - Executive Board, 6 March 2020\nThe business manager reported that the plan "
     "contained 41 actions, 17 complete.",
     {("plan_actions_total", "41", "2020-03-06"), ("plan_actions_completed", "17", "2020-03-06")}),
    # the day the plan was launched dates the launch only; "now" is the meeting's
    ("Partnership Board, 4 December 2023\nOf the 38 actions set out when the plan was launched in May 2022, "
     "29 are now complete.",
     {("plan_actions_total", "38", "2023-12-04"), ("plan_actions_completed", "29", "2023-12-04")}),
    # another stock said in the past tense is not dated by the meeting alone
    ("Partnership Board, 4 December 2023\nThe report said 512 children were looked after.",
     {("children_in_care", "512", "")}),
])
def test_a_plan_restated_in_a_paper_is_at_its_meeting(text, want, library):
    from kpi_extract.pipeline import extract_text
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == want


@pytest.mark.parametrize("text, want", [
    # money brought or carried forward from a year is the next year's, the year it is spent in
    ("Redbridge Safeguarding Children Partnership spent £588,200 in 2023/24. It started the year with £31,400 "
     "brought forward from 2022/23.", {("expenditure_total", "588200", "2023-24"), ("budget_carry_forward", "31400", "2023-24")}),
    ("Annual Report 2021/22\nPartners contributed £402,000, and £22,700 was carried forward from the previous year.",
     {("budget_contributions", "402000", "2021-22"), ("budget_carry_forward", "22700", "2021-22")}),
])
def test_money_brought_forward_from_a_year_is_the_next_years(text, want, library):
    from kpi_extract.pipeline import extract_text
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == want


def test_a_targets_deadline_dates_the_target_not_the_figure(library):
    from kpi_extract.pipeline import extract_text
    text = ("Partnership Executive, 11 June 2024\nPlan tracker: 58% of actions complete (target 80% by December); "
            "4 actions red-rated.")
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == {
        ("plan_actions_completed_pct", "58", "2024-06-11")}


@pytest.mark.parametrize("text, want", [
    # a date in a relative aside closed before the figure dates the aside's event, not the figure
    ("Ashby Borough Council - Corporate Parenting Panel\n\nThe borough, which joined the regional adoption agency "
     "in 2021, now looks after 306 children (31 January 2026).", {("children_in_care", "306", "2026-01-31")}),
    ("Ashby Safeguarding Children Partnership\nProgress report to the Executive - position at 31 October 2025\n\n"
     "Business Plan 2025-28\nThe plan, which the Executive approved in May, contains 41 actions. So far 27 of them "
     "have been completed.", {("plan_actions_total", "41", "2025-10-31"), ("plan_actions_completed", "27", "2025-10-31")}),
    # a date in the possessive before an event ("since September's monitoring visit") is the event's
    ("Ashby Safeguarding Children Partnership\nProgress report to the Executive - position at 31 October 2025\n\n"
     "The improvement plan, reworked since September's monitoring visit, has 37 actions.",
     {("plan_actions_total", "37", "2025-10-31")}),
    # and so is the date of the event a plan followed, its days a range ("the monitoring visit of 3-4 June 2025")
    ("Ashby Safeguarding Children Partnership\nProgress report to the Executive - position at 31 October 2025\n\n"
     "The action plan drawn up after the monitoring visit of 3-4 June 2025 has 22 actions.",
     {("plan_actions_total", "22", "2025-10-31")}),
    # a date the clause's own verb takes still dates the figure
    ("Ashby Safeguarding Children Partnership\n\nIn May 2025, which was the busiest month, the partnership ran "
     "19 courses.", {("training_courses", "19", "2025-05")}),
])
def test_a_relative_asides_date_is_not_the_figures(text, want, library):
    from kpi_extract.pipeline import extract_text
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == want
