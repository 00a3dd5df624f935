"""How the bundled library reads phrasings it was not written from.

`data/phrasings.csv` is a battery of 237 short texts in the styles of many English councils
(annual reports, scrutiny papers, Ofsted summaries, dashboards, budget notes), written
independently of the pattern files, each with the figures a careful reader takes from it and
traps (comparators, targets, flows, ages, dates) that must give nothing. A figure counts as
read when KPI, value and period agree (a financial year and its 31 March agree, as in the
shared scorer). The floors are where the library stands; a change that lowers them is a
regression to look at, not a number to edit.
"""
from __future__ import annotations

import csv
from collections import OrderedDict
from pathlib import Path

from kpi_extract.pipeline import extract_text

BATTERY = Path(__file__).parent / "data" / "phrasings.csv"


def _dated(text: str, library) -> set[tuple[str, str, str]]:
    """(kpi, value, period) of every fact the text gives."""
    return {(f.kpi, f.value, f.period) for f in extract_text(text, library)}


def _key(period: str, kind: str) -> tuple:
    if not period or kind == "unknown":
        return ("?",)
    if kind == "financial_year":
        return ("FY", int(period[:4]))
    if kind in ("as_at", "month"):
        return ("M", period[:7])
    return (kind, period)


def _same_period(a: tuple, b: tuple) -> bool:
    if a == b:
        return True
    for x, y in ((a, b), (b, a)):
        if x[0] == "FY" and y[0] == "M" and y[1] == f"{x[1] + 1}-03":
            return True
    return False


def score(library) -> tuple[int, int, int, list[str]]:
    cases: OrderedDict[str, dict] = OrderedDict()
    with BATTERY.open(newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            c = cases.setdefault(r["case"], {"text": r["text"], "want": []})
            if r["kpi"]:
                c["want"].append((r["kpi"], float(r["value"]), _key(r["period"], r["period_kind"])))
    right = wrong = missed = 0
    misses = []
    for cid, c in cases.items():
        got = [(f.kpi, float(f.value), _key(f.period, f.period_kind)) for f in extract_text(c["text"], library)
               if not f.kpi.endswith("_rate_per_10k") or f.kpi in ("cp_plans_rate_per_10k", "children_in_care_rate_per_10k")]
        want = list(c["want"])
        for g in got:
            hit = next((w for w in want if w[0] == g[0] and abs(w[1] - g[1]) < 0.06 and _same_period(w[2], g[2])), None)
            if hit:
                want.remove(hit)
                right += 1
            elif g[0] != "children_in_need_rate_per_10k":
                wrong += 1
                misses.append(f"{cid}: read {g}")
        missed += len(want)
        misses += [f"{cid}: missed {w}" for w in want]
    return right, wrong, missed, misses


def test_unseen_phrasings(library):
    right, wrong, missed, misses = score(library)
    precision, recall = right / (right + wrong), right / (right + missed)
    assert precision >= 0.95 and recall >= 0.88, (precision, recall, misses)


def test_header_words_this_qtr_a_month_written_with_its_year_and_a_year_so_far_to_a_bracketed_month(library):
    # "qtr" is a quarter; "Mar24" is March 2024; "2024-25 YTD (Nov)" is April to November 2024, labelled by November
    text = ("Children's performance report, Quarter 2 2025/26\n"
            "Measure | This qtr | Last qtr\n"
            "Referrals | 1,210 | 1,164\n\n"
            "Corporate parenting summary\n"
            "Measure | Mar24 | Mar25\n"
            "Children in care | 702 | 731\n\n"
            "Front door activity\n"
            "Measure | 2024-25 YTD (Nov)\n"
            "Referrals | 3,904\n")
    assert _dated(text, library) == {
        ("referrals", "1210", "2025-Q3"), ("referrals", "1164", "2025-Q2"),
        ("children_in_care", "702", "2024-03"), ("children_in_care", "731", "2025-03"),
        ("referrals", "3904", "2024-11")}


def test_a_year_in_review_title_dates_the_years_flows(library):
    text = ("Rochdale Borough Council\n"
            "Early Help and Social Care - Year in Review 2024\n"
            "During the year the front door took 4,210 referrals.\n")
    assert _dated(text, library) == {("referrals", "4210", "2024")}


def test_bare_months_after_the_label_columns_head_and_a_month_end_head(library):
    # the months take the caption's financial year; "Year to date" after them is the year so far to the last
    # month; a head that says the columns are month ends dates each stock at its month's last day
    text = ("Oldham Council - Front Door Report, 2025/26\n"
            "Measure                  April    May    June    Year to date\n"
            "Referrals                  301    287     322             910\n")
    assert _dated(text, library) == {
        ("referrals", "301", "2025-04"), ("referrals", "287", "2025-05"), ("referrals", "322", "2025-06"),
        ("referrals", "910", "2025-06")}
    text = ("Oldham Council - Corporate Parenting Panel, 4 February 2025\n"
            "Month-end position       Oct      Nov      Dec\n"
            "Children in care         655      661      668\n")
    assert _dated(text, library) == {
        ("children_in_care", "655", "2024-10-31"), ("children_in_care", "661", "2024-11-30"),
        ("children_in_care", "668", "2024-12-31")}


def test_a_statement_of_the_comparators_year_does_not_date_the_papers_figures(library):
    # the England figures' year is theirs; the title's year dates the year in numbers
    text = ("Wigan Safeguarding Children Partnership\n"
            "Annual Report 2024-25\n\n"
            "The year in numbers\n"
            "England figures in brackets are for 2023-24.\n\n"
            "9,104 referrals to children's social care\n")
    assert _dated(text, library) == {("referrals", "9104", "2024-25")}


def test_an_earlier_figure_of_another_noun_is_no_comparison_of_the_match(library):
    # the 2,610 are practitioners: not the 131 courses' earlier figure
    text = ("Sefton Safeguarding Children Partnership Annual Report 2024-25\n"
            "This year the partnership trained 2,940 practitioners across 131 courses, compared with 2,610 "
            "practitioners last year.\n")
    assert ("training_courses", "2610") not in {(f.kpi, f.value) for f in extract_text(text, library)}


def test_a_rate_of_children_in_our_care(library):
    text = ("Stockton-on-Tees Borough Council - Children and Young People Select Committee, 5 March 2025\n"
            "We had 98 children per 10,000 in our care at the end of January, above the North East average.\n")
    assert _dated(text, library) == {
        ("children_in_care_rate_per_10k", "98", "2025-01-31")}


def test_a_span_of_months_before_the_label_is_no_noun_the_figure_qualifies(library):
    text = ("Halton Borough Council - Children, Young People and Families Policy and Performance Board, 10 March 2025\n"
            "In the 12 months to January 2025 the re-referral rate was 21.4%.\n")
    assert _dated(text, library) == {("rereferral_rate", "21.4", "2025-01")}


def test_the_first_months_or_quarters_of_the_year_and_the_same_period_of_another(library):
    # the year's months so far, placed by the meeting (10 March 2025: April to December 2024); "than in the same
    # period of 2023-24" dates the compared figure only
    lines = "Halton Borough Council - Children, Young People and Families Policy and Performance Board, 10 March 2025\n"
    got = _dated(
        lines + "Children's social care received 2,810 referrals in the first three quarters of the year.\n", library)
    assert got == {("referrals", "2810", "2024-12")}
    got = _dated(
        lines + "In the first nine months of the year the front door took 2,402 referrals, 4% more than in the same "
                "period of 2023-24 (2,310).\n", library)
    assert ("referrals", "2402", "2024-12") in got
