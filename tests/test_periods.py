"""Periods as reports write them, normalised per spec/kpis.md."""
from datetime import date

import pytest
from hypothesis import assume, given, strategies as st

from kpi_extract.periods import (MONTHS, yearless_day, day_in_context, find_mentions, financial_year, fy_quarter, month,
                                 parse_period, previous, quarter, single_period, span, end_of_month)


def labels(text):
    return [(m.period.label, m.period.kind) if m.period else (m.relative or "partial")
            for m in find_mentions(text)]


@pytest.mark.parametrize("text,expected", [
    ("During 2016/2017 the Sub-Group", [("2016-17", "financial_year")]),
    ("Annual report 2016 / 17", [("2016-17", "financial_year")]),
    ("At 28th February 2014, 551 children", [("2014-02-28", "as_at")]),
    # the end of a quarter with its year or its last month in brackets; a report's noun before the year
    ("Position at the end of Quarter 2 (2024/25)", [("2024-09-30", "as_at")]),
    ("by the end of quarter 3 (December 2021)", [("2021-12-31", "as_at")]),
    ("Second-quarter figures 2022/23", [("2022-Q3", "quarter")]),
    # a month's end named after "month end"
    ("Children in need: 2,240 at month end (Mar 25)", [("2025-03-31", "as_at")]),
    # ... or after "the last day of"
    ("On the last day of June 2024 there were 2,100 children in need.", [("2024-06-30", "as_at")]),
    ("By the close of September 2021, 402 children were on a plan.", [("2021-09-30", "as_at")]),
    # a scorecard's day with hyphens, and ISO 8601's
    ("Children in care (as at 31-Mar-2025) 817", [("2025-03-31", "as_at")]),
    ("Figures at 2024-03-31: CLA 370", [("2024-03-31", "as_at")]),
    ("Looked after children as at 30 Sep. 2017: 544", [("2017-09-30", "as_at")]),
    ("at the end of March 2017", [("2017-03-31", "as_at")]),
    ("At the beginning of May 2017", [("2017-05-01", "as_at")]),
    ("as of March 2013", [("2013-03-31", "as_at")]),
    ("Mar-15 Mar-16 Mar-17", [("2015-03", "month"), ("2016-03", "month"), ("2017-03", "month")]),
    ("In August 2018", [("2018-08", "month")]),
    ("Q4 2017/18", [("2018-Q1", "quarter")]),
    ("The first quarter of 2017/18", [("2017-Q2", "quarter")]),
    ("between 1st April 2016 and 31st March 2017", [("2016-17", "financial_year")]),
    ("In 2023 there were", [("2023", "calendar_year")]),
    ("In the 2016/17 academic year", [("2016-17", "academic_year")]),
    ("2022/23 (academic)", [("2022-23", "academic_year")]),
    ("compared to the previous year", ["previous"]),
    ("Last year 368 delegates attended", ["year_reported"]),
    ("At the time of the inspection", ["event"]),
    ("at 31st March.", ["partial"]),
    # a span of months: a calendar quarter when it is one, else labelled by the month it ends
    ("in the quarter October to December 2023: 148", ["current_quarter", ("2023-Q4", "quarter")]),
    ("Oct-Dec 2023", [("2023-Q4", "quarter")]),
    ("between April and September 2022", [("2022-09", "month")]),
    ("from November 2022 to February 2023", [("2023-02", "month")]),
    ("in March and June 2023", ["partial", ("2023-06", "month")]),
    # a short date opening a labelled bracket is a date; a paragraph number in brackets is not
    ("LAC (31.3.23): 733", [("2023-03-31", "as_at")]),
    ("See section (4.3.12) for details", []),
    ("During the quarter 211 children", ["current_quarter"]),
    ("Across 2024, 2,775 practitioners attended", [("2024", "calendar_year")]),
    ("Twelve months earlier the figure was 402.", ["previous"]),
    ("CiC: 389 (31.3.24) - up 6%", [("2024-03-31", "as_at")]),
    # a short span of months with a two-digit year, closing a label or a cell; a quarter with "FY"
    ("Oct-Dec 23: 76 children started a plan; Jan-Mar 24: 88", [("2023-Q4", "quarter"), ("2024-Q1", "quarter")]),
    ("Measure | Apr-Jun 24 | Jul-Sep 24", [("2024-Q2", "quarter"), ("2024-Q3", "quarter")]),
    ("Q2 FY24/25: 1,146 referrals", [("2024-Q3", "quarter")]),
    # the short years with a dash after a quarter; two years that do not follow each other are no year
    ("| Q1 25-26 | Q2 25-26 | England 2024-25 |", [("2025-Q2", "quarter"), ("2025-Q3", "quarter"), ("2024-25", "financial_year")]),
    ("Quarter 3 24\u201325: 1,020 referrals", [("2024-Q4", "quarter")]),
    ("Q2 21-25 children", ["partial"]),
    ("in Quarter 3 FY 2023/24", [("2023-Q4", "quarter")]),
    # months of no year, placed later in the period around them; two months joined by "and" are two
    ("Between April and June, 402 delegates attended", ["partial"]),
    ("Our January and February webinars drew 212 and 187", []),
    # not a year: "Oct-Dec 23 children" runs on into a count
    ("from Oct-Dec 23 children were seen", []),
    # a scorecard's month end with a two-digit year; a span of months each with its year; a month and a
    # two-digit year closing a label; not "the end of March 24 children ..." nor "In March 24 children"
    ("CP plans at end Sept 24: 377; at end Dec 24: 391", [("2024-09-30", "as_at"), ("2024-12-31", "as_at")]),
    ("As at end of Feb 24 there were 1,944 open cases", [("2024-02-29", "as_at")]),
    ("Oct 24 - Mar 25 (half year 2): 158", [("2025-03", "month")]),
    ("Apr 2024 to Mar 2025: 3,120 referrals", [("2024-25", "financial_year")]),
    ("Position Sept 24: 377", [("2024-09", "month")]),
    ("In March 24 children entered care", ["partial"]),  # March of the year around it
    ("by the end of March 24 children had left care", ["partial"]),
    # a heading's month end in brackets, "of" left out: a month of no year
    ("Headline figures (end Sept)", ["partial"]),
    # two days of no year joined by a dash are no month of a two-digit year ("April - 28" is no April 2028)
    ("Year to date (1 April - 28 February)", ["partial", "partial"]),
    ("Apr-24 May-24", [("2024-04", "month"), ("2024-05", "month")]),
])
def test_mentions(text, expected):
    assert labels(text) == expected


@pytest.mark.parametrize("text", ["Children Act 1989", "during 2015-2020", "Business Improvement Plan 2017/19"])
def test_not_periods(text):
    assert [m for m in find_mentions(text) if m.absolute] == []


@given(st.integers(2000, 2040), st.integers(1, 12), st.integers(0, 11))
def test_a_span_of_months_covers_exactly_its_months(y, m1, length):
    names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
    m2, y2 = (m1 - 1 + length) % 12 + 1, y + (m1 - 1 + length) // 12
    assume(length > 0)
    found = [m for m in find_mentions(f"from {names[m1 - 1]} {y} to {names[m2 - 1]} {y2}") if m.absolute]
    assert len(found) == 1
    p = found[0].period
    assert (p.start, p.end) == (date(y, m1, 1), date(y2, m2, [31, 29 if y2 % 4 == 0 and (y2 % 100 or y2 % 400 == 0) else 28,
                                                               31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m2 - 1]))


def test_a_rolling_year_is_labelled_by_the_month_it_ends():
    """spec/kpis.md: "rolling 12 months to June 2022" is month 2022-06 starting 2021-07-01."""
    (m,) = find_mentions("In the 12 months leading up to August 2018 there were")
    assert (m.period.label, m.period.kind, m.period.start, m.period.end) == \
        ("2018-08", "month", date(2017, 9, 1), date(2018, 8, 31))


@given(st.integers(min_value=1990, max_value=2040))
def test_financial_year_forms_agree(y):
    short, long_ = f"{y}/{(y + 1) % 100:02d}", f"{y}-{y + 1}"
    p = financial_year(y)
    assert parse_period(short) == p == parse_period(long_)
    assert (p.start, p.end) == (date(y, 4, 1), date(y + 1, 3, 31))
    assert previous(p) == financial_year(y - 1)


@given(st.integers(min_value=1990, max_value=2040), st.integers(min_value=1, max_value=4))
def test_fy_quarters_tile_the_financial_year(y, q):
    p = fy_quarter(y, q)
    fy = financial_year(y)
    assert fy.start <= p.start <= p.end <= fy.end
    assert p == parse_period(f"Q{q} {y}/{(y + 1) % 100:02d}")


@given(st.integers(min_value=1990, max_value=2040), st.integers(min_value=1, max_value=4),
       st.sampled_from(["{fy} Q{q}", "{fy} Quarter {q}", "{fy} - Q{q}", "{fy}, Q{q}"]),
       st.sampled_from(["{y}/{yy}", "{y}-{yy}", "{y}/{y1}"]))
def test_a_financial_year_then_a_quarter_is_that_quarter(y, q, form, year):
    # scorecards write the year first: "Utilisation 79% - 2025/26 Q1"
    fy = year.format(y=y, yy=f"{(y + 1) % 100:02d}", y1=y + 1)
    text = "Utilisation 79% " + form.format(fy=fy, q=q) + "."
    assert [m.period for m in find_mentions(text)] == [fy_quarter(y, q)]


@given(st.integers(2000, 2040), st.integers(0, 11), st.sampled_from([" to date", " year to date", " so far", ""]))
def test_a_financial_years_months_from_april_in_brackets_are_its_span(y, k, words):
    # "2024/25 to date (April to January 2025)": from 1 April to the end of the month named, a quarter or the
    # whole year when the months make one
    names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
    mon, year = (4 + k - 1) % 12 + 1, y + (4 + k - 1) // 12
    found = find_mentions(f"Referrals {y}/{(y + 1) % 100:02d}{words} (April to {names[mon - 1]} {year}): 2,000")
    assert [m.period for m in found] == [span(date(y, 4, 1), end_of_month(year, mon))]
    assert found[0].period.end == end_of_month(year, mon) and found[0].period.start == date(y, 4, 1)


@given(st.integers(2000, 2040), st.integers(1, 12), st.integers(0, 11), st.sampled_from([" - ", " \u2013 ", " to "]))
def test_two_days_joined_by_a_dash_or_to_are_the_span_between(y, m1, length, sep):
    # "1 January - 31 December 2023": no "between" or "from" needed; "on 1 October and 31 December" is two days
    names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
    m2, y2 = (m1 - 1 + length) % 12 + 1, y + (m1 - 1 + length) // 12
    last = end_of_month(y2, m2)
    found = [m for m in find_mentions(f"1 {names[m1 - 1]} {y}{sep}{last.day} {names[m2 - 1]} {y2}: 1,210") if m.absolute]
    assert [m.period for m in found] == [span(date(y, m1, 1), last)]
    if (m1, length) != (4, 11):  # (1 April to 31 March is a financial year however it is joined: the fy_span rule)
        assert [m.period for m in find_mentions(f"on 1 {names[m1 - 1]} {y} and {last.day} {names[m2 - 1]} {y2}")
                if m.absolute and m.period.start != m.period.end] == []


@given(st.integers(2000, 2040), st.integers(1, 12), st.integers(1, 10), st.sampled_from(["between", "from"]),
       st.sampled_from([" and ", " to "]))
def test_the_ends_of_two_months_are_the_span_between_them(y, m1, length, lead, sep):
    # "between the end of June and the end of September 2025": from the one month's last day to the other's
    names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
    assume(not (lead == "from" and sep == " and "))
    m2, y2 = (m1 - 1 + length) % 12 + 1, y + (m1 - 1 + length) // 12
    found = [m for m in find_mentions(f"fell by 9 to 377 {lead} the end of {names[m1 - 1]}{sep}the end of "
                                      f"{names[m2 - 1]} {y2}") if m.absolute]
    assert [m.period for m in found] == [span(end_of_month(y, m1), end_of_month(y2, m2))]


@given(st.dates(min_value=date(1991, 1, 1), max_value=date(2040, 12, 31)))
def test_full_dates_are_as_at(d):
    text = d.strftime(f"as at {d.day} %B %Y")
    p = parse_period(text)
    assert (p.kind, p.start, p.end) == ("as_at", d, d)


@given(st.dates(min_value=date(1991, 1, 1), max_value=date(2040, 12, 31)))
def test_a_day_written_with_hyphens_or_in_iso_form_is_as_at(d):
    for text in (f"as at {d.day}-{d.strftime('%b')}-{d.year}", f"at {d.isoformat()}"):
        p = parse_period(text)
        assert (p.kind, p.start, p.end) == ("as_at", d, d), text


@given(st.sampled_from(["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]), st.sampled_from(["at the", "by the", "Figures at"]))
def test_the_close_of_a_month_of_no_year_is_its_end(name, lead):
    # ("Children on plans stood at 219 at the close of February": the month's last day, placed later by the paper's date)
    close = [(m.month, m.day, m.relative) for m in find_mentions(f"{lead} close of {name} there were 402 children in care.")]
    end = [(m.month, m.day, m.relative) for m in find_mentions(f"{lead} end of {name} there were 402 children in care.")]
    assert close == end and close and close[0][0] == MONTHS[name[:3].lower()]


def test_day_without_year_in_financial_year():
    fy = financial_year(2016)
    assert day_in_context(3, 31, fy).label == "2017-03-31"
    assert day_in_context(11, 1, fy).label == "2016-11-01"
    assert day_in_context(3, None, month(2018, 8)).label == "2018-03-31"


def test_previous_of_each_kind():
    assert previous(quarter(2018, 1)).label == "2017-Q1"
    assert previous(month(2016, 2)).label == "2015-02"
    assert previous(parse_period("29 February 2016")).label == "2015-02-28"


def _every_rule(text):
    """find_mentions without the cues that skip rules: every rule tried on the text (that has
    one of the words without which no rule matches)."""
    from kpi_extract import periods
    if not periods._PERIOD_WORD.search(text):
        return ()
    if "-" in text:
        text = periods._SPLIT_MONTH.sub(periods._joined_month, text)
    taken = []
    for rule, regex in periods._RULES:
        for m in regex.finditer(text):
            if not any(m.start() < t.end and t.start < m.end() for t in taken):
                if (mention := periods._mention(rule, m, text)) is not None:
                    taken.append(mention)
    return tuple(sorted(taken, key=lambda t: t.start))


@pytest.mark.parametrize("text", [
    "AT THE END OF QUARTER 2 2022/23 there were", "in DECEMBER 2022", "Dec- ember 2021", "SEPT. 2020",
    "the previous quarter", "over the last 12 months to June 2022", "ſince 2010 we", "İn 2023 there",
    "at the end of the year", "during the time of the inspection", "1.4.22 to 31.3.23", "FY22/23 and Q3 21/22",
    "30 Sep 21 30 Jun 22", "at the year-end", "this financial year", "twelve months earlier", "the quarter end",
    "October to December 2023", "between October 2022 and March 2023", "Q1-Q4 2022/23", "Q1 to Q2 2023",
    "At the close of 2022", "as at 31/03/2023", "Annual Report 2022 to 2023", "(31/3/22: 431)", "31.03.23",
    "FY 2016-17", "in 1999", "Fy22/23", "1 April 2016 - 31 March 2017", "412 children on plans", "2.1 Referrals",
    "at end Sept 24: 377", "Oct 24 - Mar 25", "Position Sept 24:",
])
def test_the_cues_skip_only_rules_that_cannot_match(text):
    assert find_mentions.__wrapped__(text) == _every_rule(text)


@given(st.lists(st.sampled_from(["2022", "1999", "22", "31", "/", ".", "-", " ", "to", "FY", "fy", "Q2", "quarter",
                                 "March", "mar", "Sept", "end of", "close of", "the", "year", "as at", "in",
                                 "(", ")", ":", "months", "last", "İ"]), max_size=12).map("".join))
def test_the_cues_skip_only_rules_that_cannot_match_any_text(text):
    assert find_mentions.__wrapped__(text) == _every_rule(text)


@pytest.mark.parametrize("text,expected", [
    ("Table 1: Children in care, 2019 to 2023 (at 31 March)", (3, 31)),
    ("Children on a plan (31st Dec)", (12, 31)),
    ("Children in care at 31 March 2024", None),  # a whole date: not a day for every column
    ("Table 1: Children in care at 31 March, 2020 to 2024", (3, 31)),  # the years are the columns' span
    ("Children in care at 31 March 2024 to 2025", (3, 31)),
    ("at 31 March and at 30 September", None),  # two days: neither governs
    ("Table 2: referrals by source", None),
])
def test_a_caption_names_the_day_of_every_year_column(text, expected):
    assert yearless_day(text) == expected


@pytest.mark.parametrize("text,label,kind", [
    ("Between 1 October and 31 December 2024, the rate was 18.8%.", "2024-Q4", "quarter"),
    ("from 1 July 2023 to 30 June 2024 there were 5,210 referrals", "2024-06", "month"),
    ("between 1 April 2022 and 31 March 2023", "2022-23", "financial_year"),
])
def test_a_span_between_two_days_is_the_period_it_covers(text, label, kind):
    (m,) = [m for m in find_mentions(text) if m.period]
    assert (m.period.label, m.period.kind) == (label, kind)


@pytest.mark.parametrize("text,label,kind,start", [
    ("In the six months to 30 September 2024, 93 children started a plan", "2024-09", "month", date(2024, 4, 1)),
    ("Across the three months to 30 November 2024, 3,402 referrals", "2024-11", "month", date(2024, 9, 1)),
    ("the three months ending 30 June 2023", "2023-Q2", "quarter", date(2023, 4, 1)),
    ("in the nine months to 31 December 2024", "2024-12", "month", date(2024, 4, 1)),
    ("in the first six months of 2024/25", "2024-09", "month", date(2024, 4, 1)),
    ("in the same six months of 2023/24", "2023-09", "month", date(2023, 4, 1)),
    ("during the first half of 2024/25", "2024-09", "month", date(2024, 4, 1)),
    ("over the first nine months of 2023/24", "2023-12", "month", date(2023, 4, 1)),
    ("in the first three quarters of 2024/25", "2024-12", "month", date(2024, 4, 1)),
    ("over the first two quarters of 2022/23", "2022-09", "month", date(2022, 4, 1)),
])
def test_a_span_of_months_to_a_day_is_labelled_by_the_month_it_ends(text, label, kind, start):
    (m,) = [m for m in find_mentions(text) if m.period]
    assert (m.period.label, m.period.kind, m.period.start) == (label, kind, start)


@given(st.integers(2000, 2040), st.integers(1, 12), st.integers(2, 11))
def test_n_months_to_the_end_of_a_month_cover_exactly_n_months(y, mon, n):
    names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
    (m,) = [m for m in find_mentions(f"in the {n} months to the end of {names[mon - 1]} {y}") if m.period]
    p = m.period
    months = (p.end.year * 12 + p.end.month) - (p.start.year * 12 + p.start.month) + 1
    assert (months, p.start.day, p.end.month, p.end.year) == (n, 1, mon, y)


def test_a_yearless_span_of_months_is_placed_in_its_report():
    from kpi_extract.dating import Context, attribute
    text = "In the six months to 30 September, 93 children started a child protection plan."
    i = text.index("93")
    (period, _), = attribute(text, [(i, i + 2)], Context(financial_year(2024), "title")).values()
    assert (period.label, period.kind, period.start) == ("2024-09", "month", date(2024, 4, 1))


@given(st.integers(2001, 2039), st.integers(1, 4))
def test_a_short_span_of_a_quarters_months_is_that_quarter(y, q):
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    text = f"{names[3 * q - 3]}-{names[3 * q - 1]} {y % 100:02d}: 41"
    assert labels(text) == [(f"{y}-Q{q}", "quarter")]


@pytest.mark.parametrize("title,label,kind", [
    # a half year in brackets inside the title's financial year: the months it covers, by the month it ends
    ("Half-year report 2024/25 (April to September 2024)", "2024-09", "month"),
    ("Quarter 4 2019/20 (January to March 2020)", "2020-Q1", "quarter"),
    # the same year again, or a date outside it, changes nothing
    ("Annual Report 2023/24 (April 2023 to March 2024)", "2023-24", "financial_year"),
    ("Annual report 2023/24 (published June 2024)", "2023-24", "financial_year"),
    # a year alone in brackets with the kind of year it is
    ("Safeguarding training for early years settings (academic year 2024-25)", "2024-25", "academic_year"),
    ("Learning and development summary (financial year 2024/25)", "2024-25", "financial_year"),
    # or the year before brackets that say it is a school year
    ("Schools safeguarding training 2024-25 (academic year, September to July)", "2024-25", "academic_year"),
])
def test_a_title_with_a_span_in_brackets_names_that_span(title, label, kind):
    from kpi_extract.periods import single_period
    p = single_period(title)
    assert (p.label, p.kind) == (label, kind)


def test_a_yearless_span_of_months_is_placed_in_its_reports_year(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Training report, financial year 2024/25\nBetween July and September, 388 delegates attended 17 courses.",
        library)}
    assert got == {("training_delegates", "388", "2024-Q3"), ("training_courses", "17", "2024-Q3")}


@pytest.mark.parametrize("text, label", [("30-Sep-25", "2025-09-30"), ("31-Mar-24", "2024-03-31"), ("Sep-25", "2025-09")])
def test_a_day_month_and_short_year_with_hyphens_is_that_day(text, label):
    assert single_period(text).label == label


def test_the_previous_of_a_span_labelled_by_its_month_is_the_same_span_a_year_back():
    # "compared with 24.1% in the previous twelve months" after "the 12 months to 30 November 2024"
    from kpi_extract.periods import months_ending
    got = previous(months_ending(date(2024, 11, 30), 12))
    assert (got.label, got.kind, got.start, got.end) == ("2023-11", "month", date(2022, 12, 1), date(2023, 11, 30))
    assert previous(month(2024, 3)).label == "2023-03"


@pytest.mark.parametrize("text, label", [("Referrals received 2024: 5,120", "2024"), ("CIN - 2023: 1,940", "2023")])
def test_a_year_that_labels_the_figure_after_its_colon_is_that_calendar_year(text, label):
    assert [m.period.label for m in find_mentions(text) if m.period] == [label]


def test_a_year_after_a_figure_labels_the_next_figure_not_the_one_before():
    assert [m.period.label for m in find_mentions("at 31 March 2023: 640 2024: 655") if m.period] == ["2023-03-31"]


@given(st.integers(min_value=2000, max_value=2040), st.sampled_from(["July", "August"]),
       st.sampled_from(["from September {y} to {m} {y1}", "between September {y} and {m} {y1}", "September {y} - {m} {y1}"]))
def test_a_span_from_september_to_the_summer_is_the_school_year(y, last, form):
    (m,) = [m for m in find_mentions(form.format(y=y, m=last, y1=y + 1)) if m.absolute]
    assert (m.period.label, m.period.kind) == (f"{y}-{(y + 1) % 100:02d}", "academic_year")
    assert (m.period.start, m.period.end) == (date(y, 9, 1), date(y + 1, 7 if last == "July" else 8, 31))


@given(st.sampled_from(["January", "February", "March", "April", "May", "June", "July", "August", "September",
                        "October", "November", "December"]),
       st.sampled_from(["figures", "data", "return", "position", "snapshot", "count"]))
def test_the_months_own_data_names_that_month_of_no_year(month_name, noun):
    """"The September figures show ...": a month's own data, placed later by the paper's date."""
    found = find_mentions(f"The {month_name} {noun} show 1,245 children on plans.")
    assert [(m.month, m.day) for m in found] == [(MONTHS[month_name.lower()[:3]], 0)]


@given(st.integers(min_value=2000, max_value=2040), st.integers(min_value=1, max_value=4),
       st.sampled_from(["Qtr {q} ({m}) {y}/{yy}", "Quarter {q} ({m}) {y}-{yy}", "Q{q} ({m}) {y}/{yy}"]))
def test_a_quarter_with_its_months_in_brackets_before_a_financial_year_is_that_quarter_of_it(y, q, form):
    """"Qtr 2 (Jul-Sep) 2025/26": the second quarter of 2025/26 (calendar 2025-Q3), not a stray quarter and the
    whole year."""
    months = ["Apr-Jun", "Jul-Sep", "Oct-Dec", "Jan-Mar"][q - 1]
    found = [m for m in find_mentions(form.format(q=q, m=months, y=y, yy=f"{(y + 1) % 100:02d}")) if m.period]
    assert [m.period for m in found] == [fy_quarter(y, q)]


@given(st.sampled_from(["for the financial year", "for the year", "this year", "over the year to date"]),
       st.sampled_from(["April", "September", "December", "February"]))
def test_the_year_so_far_to_the_end_of_a_month_of_no_year_is_one_mention_of_that_month(lead, month_name):
    """"for the financial year to the end of December": the year the paper is in, so far, to that month (placed
    in the year later, by the paper's date), not the whole year and a stray month."""
    found = find_mentions(f"Referrals {lead} to the end of {month_name} were 4,210.")
    assert [(m.relative, m.month) for m in found] == [("current_year", MONTHS[month_name.lower()[:3]])]


@given(st.sampled_from([("first", 1), ("second", 2), ("third", 3), ("fourth", 4)]),
       st.sampled_from(["the financial year", "the year", "this financial year", "the current year"]))
def test_a_quarter_of_the_year_the_paper_is_in_is_one_quarter_of_no_year(ordinal, year):
    """"In the second quarter of the financial year, 1,276 referrals": the quarter, to be placed by the paper's date
    as a quarter alone is, not a quarter and the whole year."""
    word, q = ordinal
    found = find_mentions(f"In the {word} quarter of {year} the front door received 1,276 referrals.")
    assert [(m.quarter, m.relative, m.period) for m in found] == [(q, "", None)]
