"""Periods as reports write them, normalised per spec/kpis.md.

`find_mentions` lists every period expression in a piece of text with its offsets; the
resolver (`resolve.py`) decides which mention governs which figure. Pure functions over
strings and dates, so that they can be property-tested.
"""
from __future__ import annotations

import calendar
import re
from functools import lru_cache
from dataclasses import dataclass, replace
from datetime import date

from .model import UNKNOWN_PERIOD, Period
from .numberwords import UNITS, WORD_VALUES

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# a month written out with its capital, as a month alone must be ("in May", not "may")
MONTH_NAME = "January|February|March|April|May|June|July|August|September|October|November|December"
# the same, or its short form ("Sept", "Mar"), as a heading or a bullet writes it
MONTH_WORD = MONTH_NAME + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])\s?(?:st|nd|rd|th)?"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_COUNT_WORD = "(?:" + "|".join(UNITS[2:12]) + ")"  # two to eleven months
# the months of a school term, when its bracket does not name them: a span labelled by the month it ends
_TERMS = {"autumn": (9, 12), "spring": (1, 3), "summer": (4, 7)}
_ORD = {"1": 1, "2": 2, "3": 3, "4": 4, "first": 1, "second": 2, "third": 3, "fourth": 4,
        "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4, "last": 4, "one": 1, "two": 2, "three": 3, "four": 4}


# -- constructors ---------------------------------------------------------------------------

def financial_year(start: int) -> Period:
    return Period(f"{start}-{(start + 1) % 100:02d}", "financial_year",
                  date(start, 4, 1), date(start + 1, 3, 31))


def academic_year(start: int) -> Period:
    return Period(f"{start}-{(start + 1) % 100:02d}", "academic_year",
                  date(start, 9, 1), date(start + 1, 8, 31))


def as_at(day: date) -> Period:
    return Period(day.isoformat(), "as_at", day, day)


def month(year: int, mon: int) -> Period:
    last = calendar.monthrange(year, mon)[1]
    return Period(f"{year}-{mon:02d}", "month", date(year, mon, 1), date(year, mon, last))


# ("Children in care at 31 March, 2020 to 2024": the years after are the columns' span, not the day's)
_YEARLESS_DAY = re.compile(rf"\b(?P<day>{_DAY})\s+(?P<mon>{_MONTH})(?!\w)"
                           rf"(?!\s*,?\s*(?:{_YEAR}(?!\s*(?:to|-|\u2013)\s*{_YEAR})|\d\d\b))", re.I)


def yearless_day(text: str) -> tuple[int, int] | None:
    """The one day of a month without its year that a caption or label names ("Children in care
    (at 31 March)"): (month, day), for the year of each column under it; None for none or several."""
    found = {(MONTHS[m.group("mon").lower().rstrip(".")], int(re.sub(r"\D", "", m.group("day"))))
             for m in _YEARLESS_DAY.finditer(text)}
    return found.pop() if len(found) == 1 else None


def year_column(year: int, day: tuple[int, int] | None) -> Period:
    """A bare year over a column: that calendar year, or its (month, day) from `yearless_day`."""
    on = safe_date(year, *day) if day is not None else None
    return as_at(on) if on else calendar_year(year)


# the words that head a column of the year so far ("YTD", "Year to date")
YTD_HEAD = re.compile(r"\bYTD\b|\byear to date\b", re.I)
# the words that say a financial year is counted so far ("2025/26 year to date", "Financial year to date (1 April -
# 28 February)", "For 2024-25 so far"): what a heading says of itself, and what may follow a year's name
SO_FAR_WORDS = r"(?:financial\s+)?year\s+to\s+date|YTD|so\s+far"


def year_to_date_after(p: Period | None) -> Period | None:
    """The year to date that ends with month or quarter `p`, for a YTD column after that month's or
    quarter's (`Q1 2024/25 | Q2 2024/25 | Year to date`); None when `p` is neither."""
    return year_to_date(p.end) if p is not None and p.kind in ("month", "quarter") and p.end is not None else None


def calendar_year(year: int) -> Period:
    return Period(str(year), "calendar_year", date(year, 1, 1), date(year, 12, 31))


def quarter(year: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    last_day = calendar.monthrange(year, first + 2)[1]
    return Period(f"{year}-Q{q}", "quarter", date(year, first, 1), date(year, first + 2, last_day))


def fy_quarter(fy_start: int, q: int) -> Period:
    """Quarter `q` of financial year `fy_start`/`fy_start+1` as a calendar quarter: Q4 -> Jan-Mar."""
    return quarter(fy_start + 1, 1) if q == 4 else quarter(fy_start, q + 1)


def rolling_year(year: int, mon: int) -> Period:
    """The twelve months to the end of `mon`: labelled by that month (spec/kpis.md), or the
    financial year when they end in March."""
    if mon == 3:
        return financial_year(year - 1)
    start = date(year, 1, 1) if mon == 12 else date(year - 1, mon + 1, 1)
    return Period(f"{year}-{mon:02d}", "month", start, end_of_month(year, mon))


def year_to_date(day: date) -> Period:
    """A financial year to date at `day`: labelled by its month, from 1 April; to the end of
    March it is the whole financial year (spec/kpis.md)."""
    if day.month == 3:
        return financial_year(day.year - 1)
    start = date(financial_year_of(day), 4, 1)
    return Period(f"{day.year}-{day.month:02d}", "month", start, end_of_month(day.year, day.month))


def span(first: date, last: date, school_year: bool = True) -> Period:
    """A span between two dates as the period it is: a financial, calendar or (when the text names
    its months, `school_year`) academic year, a quarter, a month, else labelled by the month it ends
    (spec/kpis.md)."""
    if first == date(first.year, 4, 1) and last == date(first.year + 1, 3, 31):
        return financial_year(first.year)
    if first == date(first.year, 1, 1) and last == date(first.year, 12, 31):
        return calendar_year(first.year)
    if school_year and first == date(first.year, 9, 1) and last.year == first.year + 1 \
            and last in (date(last.year, 7, 31), date(last.year, 8, 31)):
        # "September 2023 to July 2024": the school year, over the months the text names
        return Period(academic_year(first.year).label, "academic_year", first, last)
    if first.day == 1 and last == end_of_month(last.year, last.month):
        if (first.year, first.month) == (last.year, last.month):
            return month(first.year, first.month)
        if first.year == last.year and first.month % 3 == 1 and last.month == first.month + 2:
            return quarter(first.year, first.month // 3 + 1)
    return Period(f"{last.year}-{last.month:02d}", "month", first, last)


def first_months(year: Period, n: int) -> Period | None:
    """The first `n` months of a financial, calendar or academic year, labelled by the month they end (three of a
    financial year's: its first quarter); None for any other period, or for a whole year or more."""
    if year.kind not in ("financial_year", "calendar_year", "academic_year") or year.start is None or not 0 < n < 12:
        return None
    y, m = _month_shift(year.start.year, year.start.month, n - 1)
    return span(year.start, end_of_month(y, m), school_year=False)


def _month_shift(year: int, mon: int, k: int) -> tuple[int, int]:
    """The month `k` months after (before, when negative) `mon` of `year`."""
    n = year * 12 + mon - 1 + k
    return n // 12, n % 12 + 1


def months_ending(last: date, n: int) -> Period:
    """The `n` whole months that end with `last`'s month, to `last` (a span, or the quarter or year it is)."""
    y, m = _month_shift(last.year, last.month, 1 - n)
    return span(date(y, m, 1), last, school_year=False)  # (twelve months to August are no school year)


def _months(word: str) -> int:
    return WORD_VALUES.get(word.lower()) or int(word)


def _numeric_date(day: str, mon: str, year: str) -> date | None:
    """31.3.19, 31/03/2019: a date, or None when it is none."""
    y = int(year) if len(year) == 4 else 2000 + int(year)
    return safe_date(y, int(mon), int(day)) if 1 <= int(mon) <= 12 else None


def end_of_month(year: int, mon: int) -> date:
    return date(year, mon, calendar.monthrange(year, mon)[1])


def safe_date(year: int, mon: int, day: int) -> date | None:
    """The day, or None when the calendar has no such day ("31 September", "29 February 2025"): a date
    read from a page may name one."""
    try:
        return date(year, mon, day)
    except ValueError:
        return None


# -- shifting and resolving -----------------------------------------------------------------

def previous(period: Period) -> Period:
    """The same period one year earlier ("compared to 1,339 last year")."""
    if not period.known or period.start is None:
        return UNKNOWN_PERIOD
    y = period.start.year
    k = period.kind
    if k == "financial_year":
        return financial_year(y - 1)
    if k == "academic_year":
        return academic_year(y - 1)
    if k == "calendar_year":
        return calendar_year(y - 1)
    if k == "month" and period.end is not None and (period.start.year, period.start.month) != (period.end.year,
                                                                                     period.end.month):
        # a span labelled by the month it ends ("the 12 months to 30 November 2024"): the same span a year back
        e = period.end
        n = (e.year - period.start.year) * 12 + e.month - period.start.month + 1
        return months_ending(safe_date(e.year - 1, e.month, e.day) or end_of_month(e.year - 1, e.month), n)
    if k == "month":
        return month(y - 1, period.start.month)
    if k == "quarter":
        return quarter(y - 1, (period.start.month - 1) // 3 + 1)
    if k == "as_at":
        d = period.start
        if d == end_of_month(d.year, d.month):
            return as_at(end_of_month(d.year - 1, d.month))
        return as_at(safe_date(d.year - 1, d.month, d.day) or end_of_month(d.year - 1, d.month))
    return UNKNOWN_PERIOD


def previous_quarter(period: Period) -> Period:
    """The quarter before ("compared with 1,420 in the previous quarter"), or the day a quarter
    earlier for a date at a quarter's end; unknown for any other period."""
    if period.end is None:
        return UNKNOWN_PERIOD
    y, m = period.end.year, period.end.month - 3
    if m < 1:
        y, m = y - 1, m + 12
    if period.kind == "quarter":
        return quarter(y, (m - 1) // 3 + 1)
    if period.kind == "as_at" and period.end == end_of_month(period.end.year, period.end.month):
        return as_at(end_of_month(y, m))
    return UNKNOWN_PERIOD


def month_before(period: Period) -> Period:
    """The month before the one a period ends in ("402 last month" in a March scorecard: February)."""
    if not period.known or period.end is None:
        return UNKNOWN_PERIOD
    y, m = _month_shift(period.end.year, period.end.month, -1)
    return month(y, m)


def month_of(period: Period) -> Period:
    """The month a period ends in ("389 this month" in a March scorecard)."""
    return month(period.end.year, period.end.month) if period.known and period.end else UNKNOWN_PERIOD


def day_in_context(mon: int, day: int | None, context: Period) -> Period:
    """A day and month without a year ("at 31st March") placed in the governing period.

    In a financial year, January to March fall in its second calendar year; otherwise the
    context's own year is used. `day=None` means the end of the month, `day=0` the whole month.
    """
    if not context.known or context.start is None:
        return UNKNOWN_PERIOD
    year = context.start.year
    if context.kind in ("financial_year", "academic_year") and mon < context.start.month:
        year += 1
    elif context.end is not None and context.kind not in ("financial_year", "academic_year"):
        year = context.end.year
    if day == 0:  # "in November": the month, not a day of it
        return month(year, mon)
    d = end_of_month(year, mon) if day is None else safe_date(year, mon, day)
    return as_at(d) if d else UNKNOWN_PERIOD


def financial_year_of(day: date) -> int:
    """The first calendar year of the financial year holding `day`."""
    return day.year if day.month >= 4 else day.year - 1


def quarter_before(q: int, day: date) -> Period:
    """Quarter `q` of a financial year, the latest that has ended by `day`: a paper's "Quarter 2
    performance report" at a meeting of 4 December 2024 reports July to September 2024."""
    p = fy_quarter(financial_year_of(day), q)
    return fy_quarter(financial_year_of(day) - 1, q) if p.end is not None and p.end > day else p


def quarter_in_context(q: int, context: Period) -> Period:
    """"Quarter 4" or "Q3" with no year, read in a financial year's report or next to another
    quarter of it ("In Q4 2021/22 ..., compared to 540 in Q3")."""
    if context.kind == "financial_year" and context.start is not None:
        return fy_quarter(context.start.year, q)
    if context.kind in ("quarter", "as_at", "month") and context.end is not None:
        return fy_quarter(financial_year_of(context.end), q)
    if context.kind == "calendar_year" and context.start is not None:
        return quarter(context.start.year, q)
    return UNKNOWN_PERIOD


# -- finding mentions -----------------------------------------------------------------------

@dataclass(frozen=True)
class Mention:
    """A period expression at text[start:end].

    Exactly one of `period` (absolute), `relative` ("previous", "previous_quarter", "previous_quarter_end", "current",
    "year_reported", "current_year", "event", "period_end", ...) or a
    partial (`month` without a year, optionally `day`; or `quarter` without a year) is set.
    `since` marks a baseline ("since 2010"). A mention with none set blocks the span
    (a multi-year range such as 2015-2020 is not a period of its own).
    """

    start: int
    end: int
    period: Period | None = None
    relative: str = ""
    month: int = 0
    day: int | None = None
    quarter: int = 0
    since: bool = False
    months: int = 0  # with a year-less `month`: the span of that many months that ends there
    fy: bool = False  # a relative year said to be a financial one ("last financial year")

    @property
    def absolute(self) -> bool:
        return self.period is not None


def _year4(first: int, second: str) -> int | None:
    """The second year of a range written `2016/17` or `2016/2017`; None when not consecutive."""
    end = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
    if len(second) == 2 and end < first:
        end += 100
    return end


# "the 2019/20 peak of", "a high point of", "the lowest level of": a compared figure's extreme, for
# the matchers that read the figure and for dating, which gives it its own period
EXTREME_OF = (r"(?:[\w/-]+ )?(?:peak|high point|high|low point|low|highest (?:point|level)|lowest (?:point|level)|"
              r"record (?:high|low))(?: level)? of")

# the words that make "March 24 ..." a count in March, not March 2024
_COUNTED = (r"\s+(?:more|fewer|new|other|open|additional|extra|further|children|child|young|people|cases|referrals|"
            r"plans|per\b|of\b|delegates|practitioners|courses|actions|places|staff|families|percent|were|was)\b")

# (a year's words straight before "to date" or "so far" name no whole year: "the total for the year to date")
_NOT_SO_FAR = r"(?!\s+(?:to\s+date|so\s+far)\b)"

_RULES: list[tuple[str, re.Pattern]] = [
    # "for the financial year to the end of December": the year the paper is in, so far to that month's end
    ("year_to_month", re.compile(rf"\b(?:(?:this|the\s+current)\s+(?:financial\s+|reporting\s+)?year|the\s+financial\s+year|"
                                 rf"(?:for|over|during|in)\s+the\s+year)\s+(?:(?:to\s+date|so\s+far)\s+)?(?:up\s+)?to\s+the\s+"
                                 rf"end\s+of\s+(?P<m>{_MONTH})(?!\w)(?![\s,]*(?:19|20)\d\d)", re.I)),
    # in the 12 months leading up to August 2018: a rolling year, which has no period label
    ("rolling", re.compile(
        rf"\b(?:(?:(?:in |during |over )?the |rolling )(?:previous |last |past |rolling )?(?:(?:12|twelve)[- ]months?|year)|"
        rf"(?:12|twelve) months) "  # (a label's "12 months to end of November 2025" has no article)
        rf"(?:leading up to|up to|to|ending(?: in)?|ended|prior to|until) (?:(?:the )?end of )?(?:{_DAY}\s+)?"
        # (or of no year, placed later: "Referrals (rolling 12 months to end of December)")
        rf"(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR})\b|\s?[-'’]\s?(?P<yy>\d{{2}})\b|(?![\w\s]*\d))", re.I)),
    # 1.4.22 to 31.3.23, 01/04/2022 - 31/03/2023: a span between two numeric dates
    ("numeric_span", re.compile(
        r"(?<![\d/.])(?P<d1>[0-3]?\d)(?P<s1>[/.])(?P<m1>[01]?\d)(?P=s1)(?P<y1>(?:19|20)?\d\d)\s*(?:to|-|–|until|and)\s*"
        r"(?P<d2>[0-3]?\d)(?P<s2>[/.])(?P<m2>[01]?\d)(?P=s2)(?P<y2>(?:19|20)?\d\d)(?![\d/.]\d)")),
    # April 2016 to March 2017, 1 Apr 2016 - 31 Mar 2017, between 1st April 2016 and 31st March 2017
    ("fy_span", re.compile(
        rf"(?:between\s+)?(?:{_DAY}\s+)?(?:april|apr\.?)\s+(?P<y1>{_YEAR})\s*(?:to|and|-|until)\s*"
        rf"(?:(?:the\s+)?{_DAY}\s+)?(?:march|mar\.?)\s+(?P<y2>{_YEAR})", re.I)),
    # between 1 October and 31 December 2024, from 1 July 2023 to 30 June 2024: the span between two days
    # (or with no word before, when a dash or "to" joins them: "1 January - 31 December 2023")
    ("day_span", re.compile(
        # (or the ends of two months: "between the end of June and the end of September 2025")
        rf"\b(?:(?P<lead>between|from)\s+)?(?<![\d/.-])(?:(?P<d1>{_DAY})|(?:(?<=between )|(?<=from ))the\s+end\s+of)\s+"
        rf"(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?\s*"
        rf"(?P<sep>to|and|until|-|\u2013)\s*(?:the\s+)?(?:(?P<d2>{_DAY})|(?<![\w-])end\s+of)\s+(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR})\b", re.I)),
    # "2024/25 to date (to end of November)", "so far in 2025/26 (to 31 October)": the financial year to
    # that month, which the bracket names without its year
    ("fy_to_date", re.compile(
        rf"(?:\b(?:so far|to date)\s+in\s+)?(?<![\d/.£-])(?P<y1>{_YEAR})\s?[/-]\s?(?P<y2>\d{{2}}(?:\d{{2}})?)(?![\d%])"
        rf"(?:\s+(?:year[- ]to[- ]date|to date|so far))?\s*\(\s*(?:(?:up\s+)?to\s+(?:the\s+)?(?:end\s+of\s+)?(?:(?P<d>{_DAY})\s+)?(?P<m>{_MONTH})"
        # or the months of it the figure spans: "2025/26 to date (April to December 2025)", "AY 2024/25 to date
        # (September to December 2024)", "2024/25 (January to March)"
        rf"|(?:1\s+)?(?P<m0>{_MONTH})\s*(?:to|-|\u2013)\s*(?:(?P<d2>{_DAY})\s+)?(?P<m2>{_MONTH})(?:\s+(?P<y3>{_YEAR}))?)\s*\)", re.I)),
    # "in the quarter to 31 December 2023": that quarter
    # (a year-less end, "in the quarter to 30 September", is placed later)
    ("quarter_to", re.compile(rf"\b(?:the\s+)?quarter\s+(?:to|ending|ended|up\s+to)\s+(?:the\s+end\s+of\s+)?"
                              rf"(?:(?P<d>{_DAY})\s+)?(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR}))?\b", re.I)),
    # "the three months ending 30 June 2023" (a quarter), "the six months to 30 September 2024", "the
    # nine months to 31 December": a span labelled by the month it ends; a year-less end is placed later
    ("months_to", re.compile(rf"\b(?P<n>{_COUNT_WORD}|[2-9]|1[01])\s+months\s+(?:to|ending|ended|up\s+to|until)\s+"
                             rf"(?:(?:the\s+)?end\s+of\s+)?(?:(?P<d>{_DAY})\s+)?(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR}))?\b", re.I)),
    # a school term of a year, with its months in a bracket or without: "autumn term 2025 (September to December)"
    ("school_term", re.compile(rf"\b(?P<t>autumn|spring|summer)\s+term\s+(?P<y>{_YEAR})\b(?![/-]\d)"
                               rf"(?:\s*\(\s*(?P<m1>{_MONTH})\s*(?:to|-|\u2013)\s*(?P<m2>{_MONTH})\s*\))?", re.I)),
    # a half of a financial year by its short name: "H1 2024/25" (April to September), "H2 24/25" (October to March)
    ("fy_half", re.compile(r"\bH(?P<h>[12])\s*(?:FY\s*)?(?P<y1>(?:19|20)?\d\d)\s*[/-]\s*(?P<y2>(?:19|20)?\d\d)(?![\d/-])",
                           re.I)),
    # "the first six months of 2024/25", "the same six months of 2023/24", "the first half of 2024/25", "the first
    # three quarters of 2024/25"
    ("fy_months", re.compile(rf"\b(?:first|same|opening)\s+(?:(?P<n>{_COUNT_WORD}|[2-9]|1[01])\s+months|(?P<half>half)|"
                             rf"(?P<q>two|three|2|3)\s+quarters)\s+of\s+"
                             rf"(?:the\s+)?(?:financial\s+year\s+)?(?P<y1>{_YEAR})\s*[/-]\s*(?P<y2>\d{{4}}|\d{{2}})(?!\d)", re.I)),
    # October to December 2023 (a quarter), April to September 2022, between October 2022 and March 2023
    ("month_span", re.compile(
        rf"(?:\b(?P<between>between)\s+)?\b(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?\s*(?P<to>to|-|\u2013|until|and)\s*"
        rf"(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR})\b", re.I)),
    # between April and June, from October to December, April-September: months of no year, placed later
    # in the period around them (in a report of 2024/25, April to June 2024: 2024-Q2)
    ("month_span_yearless", re.compile(
        rf"(?:\b(?P<between>between)\s+|\bfrom\s+)?\b(?P<m1>{_MONTH})\s*(?P<to>to|-|\u2013|until|and)\s*"
        rf"(?P<m2>{_MONTH})(?![\w'\u2019]|\s*['\u2019]?\d|\s*,?\s*(?:19|20)\d\d)", re.I)),
    # Oct-Dec 23, Jan-Mar 24: a table's or a list's short span of months, closed by a colon, a cell's end
    ("month_span_yy", re.compile(
        r"\b(?P<m1>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\s?[-\u2013]\s?"
        r"(?P<m2>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\s?['\u2019]?(?P<yy>\d{2})(?=\s*(?:[:|)\]]|$))", re.I | re.M)),
    # as at the end of Quarter 2 2022/23, the end of Q4 2019/20: a stock on the quarter's last day
    ("quarter_end", re.compile(
        rf"\b(?:(?:as )?at\s+)?(?:the\s+)?end\s+(?:of\s+)?(?:(?:quarter|Q)\s?(?P<q1>[1-4](?!\d|[,.]\d)|(?<=quarter )(?:one|two|three|four)\b)|(?:the\s+)?(?P<q3>first|second|third|fourth|final|1st|2nd|3rd|4th)\s+quarter)"
        # (the year in brackets, "Quarter 2 (2025/26)", or the quarter's last month, "quarter 3 (December 2022)")
        rf"(?:\s*\((?P<bm>{_MONTH})\s+(?P<by>{_YEAR})\)|"
        rf"\s*(?:of|in|,)?\s*(?P<open>\()?(?P<y1>{_YEAR})(?:\s*[/-]\s*(?P<y2>\d{{4}}|\d{{2}})(?!\d))?(?(open)\)))?", re.I)),
    # "(Q3 2024/25 end)", "Q2 2025/26 quarter end": the quarter's last day, its end said after it
    ("quarter_end_after", re.compile(
        rf"\bQ(?P<q1>[1-4])\s+(?P<y1>{_YEAR})\s*[/-]\s*(?P<y2>\d{{4}}|\d{{2}})(?!\d)\s+(?:quarter[- ]?)?end\b", re.I)),
    # Q1-Q4 2022/23 (the whole financial year), Q1 to Q2 2023: a span of quarters
    ("quarter_span", re.compile(
        rf"\bQ(?P<a>[1-4])\s*(?:-|\u2013|to)\s*Q(?P<b>[1-4])\s+(?P<y1>{_YEAR})(?:\s*[/-]\s*(?P<y2>\d{{4}}|\d{{2}})(?!\d))?", re.I)),
    # Q2 21/22, a table header's short form of a financial year's quarter
    # (a dash too, "Q1 24-25": after a quarter two years that follow each other name its financial year)
    ("quarter_short", re.compile(r"\b(?:Q|Qtr\.?\s?|Quarter\s?)(?P<q>[1-4])(?!\d|[,.]\d)\s+(?:FY\s?)?(?P<a>\d{2})\s?[/\u2013-]\s?(?P<b>\d{2})\b", re.I)),
    # Q4 2017/18, quarter 1 of 2018/19, Qtr 2 2024-25, the first quarter of 2017/18, Q1 2018, quarter three
    # ("the last quarter of 2024/25" is its fourth; "in the last quarter" alone is the one before, a relative)
    ("quarter", re.compile(
        rf"(?:\bQ(?P<q1>[1-4])(?!\d|[,.]\d)|\b(?:quarter|qtr\.?)\s*(?P<q2>[1-4](?!\d|[,.]\d)|(?:one|two|three|four)\b)|\b(?:the\s+)?(?P<q3>first|second|third|fourth|final|last(?=[\s-]+quarter\s+(?:of|in|for)\s)|1st|2nd|3rd|4th)[\s-]+quarter)"
        # ("Third-quarter performance 2019/20": a report's noun may stand between)
        rf"(?:\s*(?:of|in|for|,)?\s*(?:the\s+)?(?:(?:financial|reporting)\s+year\s+|FY\s?|(?:performance|report|update|figures|data|"
        rf"position|return|dashboard|scorecard)\s+)?(?P<y1>{_YEAR})(?:\s*[/-]\s*(?P<y2>\d{{4}}|\d{{2}})(?!\d))?)?", re.I)),
    # FY22/23, FY 22-23
    ("fy_short", re.compile(r"\bFY\s?(?P<a>\d{2})\s?[/-]\s?(?P<b>\d{2})\b")),
    # 2016/17, 2017-2018, 2016 / 17, FY 2016-17, 2022/23 (academic)
    ("year_range", re.compile(
        rf"(?<![\d/.£-])(?P<y1>{_YEAR})\s?[/-]\s?(?P<y2>\d{{4}}|\d{{2}})(?![\d%]|/\d|-\d)(?:\s*\((?P<ac>academic)(?: year)?\)|\s+(?P<ac2>academic)\s+year)?", re.I)),
    # as at 31st March 2017, 28th February 2014, 31 October 2017, 1 st January 2018
    # (and 31-Mar-2025, a scorecard's day)
    ("full_date", re.compile(rf"\b(?P<d>{_DAY})(?:\s+(?:of\s+)?|-)(?P<m>{_MONTH})(?:,?\s+|-)(?P<y>{_YEAR})\b", re.I)),
    # 30 Sep 21, a table header's short form of a day ("30 Sep 21   30 Jun 22"), not "30 Sep 21 children"
    # (or with hyphens, as a scorecard's column writes it: "30-Sep-25")
    ("short_full_date", re.compile(rf"\b(?P<d>{_DAY})(?:\s+(?P<m>{_MONTH})\s+|-(?P<m4>{_MONTH})-)(?P<y>\d{{2}})\b"
                                   rf"(?!\s*(?:[a-z]|[,.%]\d|%)|-\d)", re.I)),
    # 31/03/2017, 31.03.2017, 31.03.23
    # (and 2024-03-31, ISO 8601's)
    ("numeric_date", re.compile(r"(?<![\d/.-])(?:(?P<d>[0-3]?\d)(?P<s1>[/.-])(?P<m>[01]?\d)(?P=s1)(?P<y>(?:19|20)\d\d)|"
                                r"(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)(?![\d-])|"
                                r"(?P<d2>[0-3]\d)(?P<sep>[/.])(?P<m2>[01]\d)(?P=sep)(?P<y2>\d\d))(?![\d/.]\d)")),
    # 31.3.19 after "at", "as at", "on", "to", "by", or opening a labelled bracket "(31/3/22: 431)", or alone in
    # the bracket that ends the text "(31.3.25)", or closing a bracket after its words "(end of Q2, 30.9.25)", or
    # alone in a bracket with slashes "(31/3/23)": a short date, not a paragraph number ("4.3.12 The ...")
    ("short_date", re.compile(r"(?:\b(?:at|of|on|to|by|until|from|ending|end|date)\s|\((?=[\d/.]{6,8}\)?\s*(?::|$))|(?<=\d )\((?=[\d/.]{6,8}\))|\((?=[0-3]?\d/[01]?\d/\d\d\))|\((?=[0-3]?\d\.[01]?\d\.\d\d\)\W*$)|(?<=,\s)(?=[0-3]?\d[/.][01]?\d[/.]\d\d\))"
                              # or after a label's word, before its colon and figure: "CiC 31.3.25: 412"
                              r"|(?<=[A-Za-z)]\s)(?=[0-3]?\d[/.][01]?\d[/.]\d\d:\s*£?\d))"
                              r"(?P<d>[0-3]?\d)(?P<sep>[/.])"
                              r"(?P<m>[01]?\d)(?P=sep)(?P<y>\d\d)(?![\d/]|\.\d)", re.I)),
    # "At the close of 2022", "at the end of 2023": the last day of the calendar year
    ("year_end", re.compile(rf"\b(?:(?:at|by)\s+)?the\s+(?:close|end)\s+of\s+(?P<y>{_YEAR})\b(?![/-]\d)", re.I)),
    # "Annual Report 2022 to 2023": a financial year written with both years in full
    ("year_to_year", re.compile(rf"\b(?P<y1>{_YEAR})\s+to\s+(?P<y2>{_YEAR})\b", re.I)),
    # at the end of March 2017, the beginning of May 2017, as of March 2013
    ("edge_month", re.compile(
        rf"\b(?:(?:at\s+)?the\s+)?(?P<edge>end|close|beginning|start)\s+of\s+(?P<m>{_MONTH})\s+(?P<y>{_YEAR})\b", re.I)),
    # "at end Sept 24", "as at end of Feb 24", "end Mar 2020": a scorecard's short month end; not "the end
    # of March 24 children ..." (a count after the month)
    ("edge_month_short", re.compile(
        rf"\b(?:(?:as\s+)?at\s+)?(?:the\s+)?end\s+(?:of\s+)?(?P<m>{_MONTH})\s?['\u2019-]?\s?(?:(?P<y>{_YEAR})|(?P<yy>\d{{2}}))\b"
        rf"(?![-/.,]\d|\s*%|{_COUNTED})", re.I)),
    # Oct 24 - Mar 25, Apr 2024 to Mar 2025: a span of months, each with its year
    ("month_span_both", re.compile(
        rf"\b(?P<m1>{_MONTH})\s?['\u2019-]?\s?(?:(?P<y1>{_YEAR})|(?P<yy1>\d{{2}}))\s*(?:-|\u2013|to)\s*"
        rf"(?P<m2>{_MONTH})\s?['\u2019-]?\s?(?:(?P<y2>{_YEAR})|(?P<yy2>\d{{2}}))\b(?![-/.,]\d|\s*%|{_COUNTED})", re.I)),
    ("asof_month", re.compile(rf"\bas\s+(?:at|of)\s+(?:the\s+end\s+of\s+)?(?P<m>{_MONTH})\s+(?P<y>{_YEAR})\b", re.I)),
    # March 2016, In August 2018, Mar-17 (a table header)
    ("month_year", re.compile(rf"\b(?P<m>{_MONTH})(?:\s*,?\s+|-)(?P<y>{_YEAR})\b(?![-/]\d)", re.I)),  # ("Feb-2026")
    # (not a span of two days of no year: "1 April - 28 February" is no April 2028; "Apr-24 May-24" are two months)
    ("month_short", re.compile(rf"\b(?P<m>{_MONTH})\s?[-'’]\s?(?P<y>\d{{2}})\b(?![-/]\d)(?!\s+{_MONTH}\b(?!\s?[-'’]\s?\d))", re.I)),
    # "Sept 24:", "| Mar 25 |": a month and a two-digit year closed by a colon, a cell's or a line's end
    # (or written together in a header's cell: "Mar24 | Mar25")
    ("month_short_closed", re.compile(rf"\b(?P<m>{_MONTH})\s?(?P<y>\d{{2}})(?=\s*(?:[:|)\];]|$))", re.I | re.M)),
    # the end of March (no year), 31st March, 1 November
    # (or alone in a bracket: "The latest data (end of October) show ...", or after "at" alone: "Position at end of
    # November", or after "Position" alone, as a heading says it: "Position end of November"; the month's last
    # (working) day is its end: "as at the last working day of October")
    ("edge_month_partial", re.compile(rf"(?:\b(?:at\s+)?the\s+|\bat\s+|\bposition\s+|(?<=\())"
                                      # (or a heading's short form in brackets, "of" left out: "Headline figures (end Sept)")
                                      rf"(?P<edge>end|close|beginning|start|last\s+(?:working\s+)?day)\s+(?:of\s+|(?<=\(end\s))(?P<m>{_MONTH})"
                                      rf"(?!\s*,?\s*\d)", re.I)),
    # a month's end said first, its month in brackets after it, of no year: "CiC at month end (December): 779"
    ("month_end_bracket", re.compile(rf"\b(?:(?:as\s+)?at\s+)?(?:the\s+)?month[- ]end\s*\(\s*(?P<m>{_MONTH})\s*\)", re.I)),
    ("month_alone", re.compile(rf"\b(?:in|during|for|throughout|by)\s+(?:the\s+month\s+of\s+)?(?P<m>(?-i:{MONTH_NAME}))\b"
                               r"(?!\s*,?\s*(?:(?:19|20)\d\d|of\b))", re.I)),
    # a month's own data, of no year: "The September figures show 1,245 children on plans", "the October return"
    ("month_figures", re.compile(rf"\bthe\s+(?P<m>(?-i:{MONTH_NAME}))\s+(?=(?:figures?|data|dataset|return|position|snapshot|"
                                 r"count|numbers)\b)", re.I)),
    # a month's own figure, of no year: "October's 640 referrals were the most in any month"
    ("month_possessive", re.compile(rf"\b(?P<m>(?-i:{MONTH_NAME}))['’]s\b(?!\s*,?\s*(?:(?:19|20)\d\d))", re.I)),
    ("day_month", re.compile(rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?!\s*,?\s*(?:19|20)\d\d|\w)", re.I)),
    # in 2023, during 2017, (2015), since 2010, calendar year 2017
    ("year", re.compile(
        rf"(?:\b(?P<cue>in|during|for|throughout|since|by|across|over|calendar\s+year|year)\s+|\((?=(?:19|20)\d\d\s*[):])|"
        rf"\bthe\s+(?=(?:19|20)\d\d\s+(?:event|conference|summit|figure|total|count|report|return|census|snapshot|calendar year)\b)|"
        # an event's year with its kind between: "The 2024 annual safeguarding conference ... drew 310 delegates"
        rf"\b(?:the|our|its|their)\s+(?=(?:19|20)\d\d\s+(?:(?!(?:and|or|of|to|for|budget|plan|report)\b)[a-z-]+\s+){{1,3}}"
        rf"(?:conferences?|events?|summits?|symposium|festival|practice\s+week|learning\s+week)\b)|"
        # an event's or a season's year after "of": "the spring and autumn conferences of 2022", "the summer of 2023"
        rf"\b(?:conferences?|events?|summits?|spring|summer|autumn|winter)\s+of\s+(?=(?:19|20)\d\d\b)|"
        # "2024 in numbers: 623 children ...", "2023 at a glance"
        rf"(?<![\w/.-])(?=(?:19|20)\d\d\s+(?:in\s+(?:numbers|figures|review)|at\s+a\s+glance)\b)|"
        # a year that labels the figure after its colon, after a label: "Rereferrals - 2024: 17.5 per cent"
        rf"(?<=[A-Za-z)\-\u2013]\s)(?=(?:19|20)\d\d:\s*£?\d))"
        rf"(?P<y>{_YEAR})\b(?![/-]\d|\s?%|,\d)", re.I)),
    # relative periods; "Last year 245 delegates attended" opening a sentence, and "over the last
    # year", mean the year reported on, not the one before it
    # (set against this year in the same sentence, it is the year before: "Last year we reported 49 actions; this
    # year's refreshed plan has 38")
    ("year_reported", re.compile(r"^\W*last year\b(?![^.]*\b(?:equivalent|comparable|corresponding|same|this year)\b)", re.I)),
    ("current", re.compile(r"\b(?:over|during|in|throughout|within) the (?:last|past) (?:12 months|twelve months|year)\b", re.I)),
    # the half of the year the report is about: "at the half-year point" is the last day of its sixth month,
    # "in the first six months" the months to it (a year's half, not its end nor the whole year)
    ("half_year_end", re.compile(r"\b(?:(?:as\s+)?at|by)\s+(?:the\s+)?(?:half[- ]?year|mid[- ]year)(?:\s+(?:point|stage|mark))?\b|"
                                 r"\b(?:(?:as )?at )?(?:the )?(?:end|close) of (?:the )?(?:first )?half[- ]year\b|"
                                 r"\b(?:as )?at the end of the first (?:six|6) months\b", re.I)),
    ("first_half", re.compile(r"\b(?:in|during|over|across)\s+the\s+first\s+(?:six|6)\s+months\b(?!\s+of\s+(?!the\s+(?:financial\s+|reporting\s+)?year\b))|"
                              r"\b(?:in|during|over|across)\s+the\s+first\s+half\s+of\s+the\s+(?:financial\s+|reporting\s+)?year\b", re.I)),
    # "in the first three quarters of the year", "during the first nine months": the year's months so far, to the
    # last of them (the six months' own rule, `first_half`, is above)
    ("first_months", re.compile(rf"\b(?:in|during|over|across)\s+the\s+first\s+(?P<n>(?!six\b){_COUNT_WORD}|[2-9]|1[01])\s+"
                                r"(?P<unit>quarters|months)\b(?!\s+of\s+(?!the\s+(?:financial\s+|reporting\s+)?year\b))"
                                r"(?:\s+of\s+the\s+(?:financial\s+|reporting\s+)?year\b)?", re.I)),
    # "at the end of the quarter": the last day of the quarter the report is about
    ("period_end", re.compile(r"\b(?:(?:as )?at )?(?:the )?(?:end|close) of (?:the|this) (?:quarter|month|(?:reporting |review )?period|"
                              r"(?:financial |reporting )?year)\b|"
                              r"\b(?:(?:as )?at )?(?:the )?end of (?:month|quarter)\b|"  # a label's "(end of month)"
                              r"\b(?:as )?at (?:the )?year[- ]end\b|"
                              r"\b(?:(?:as )?at )?(?:the )?(?:quarter|month)[- ]end\b(?!\s*[(,:]?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s'-]*\d)", re.I)),
    ("previous", re.compile(
        r"\b(?:(?:at\s+)?the\s+end\s+of\s+)?(?:the\s+)?(?:previous|last|prior|preceding)\s+(?:financial\s+|reporting\s+|academic\s+)?year\b|\bthe\s+year\s+before\b|\ba\s+year\s+(?:ago|earlier|before)\b|"
        r"\b(?:twelve|12)\s+months\s+(?:earlier|before|ago|previously)\b", re.I)),
    # "at the end of last month", "last month", "this month": against the month or day the paper is dated
    ("previous_month_end", re.compile(r"\b(?:(?:as )?at )?the end of (?:last|the previous|the preceding) month\b", re.I)),
    ("previous_month", re.compile(r"\b(?:last|the previous|the preceding) month\b|\bthe month before\b", re.I)),
    ("current_month", re.compile(r"\bthis month\b", re.I)),
    # "at the end of the previous quarter": that quarter's last day
    ("previous_quarter_end", re.compile(r"\b(?:(?:as )?at )?the end of (?:the\s+)?(?:previous|last|prior|preceding)\s+quarter\b", re.I)),
    ("previous_quarter", re.compile(r"\b(?:the\s+)?(?:previous|last|prior|preceding)\s+(?:quarter|qtr)\b|\bthe\s+quarter\s+before\b", re.I)),
    # "this year", "for the year": the financial year, even in a quarter's report
    # (not the year so far: "bringing the total for the year to date to 284")
    ("current_year", re.compile(r"\b(?:this|the\s+current)\s+(?:financial\s+|reporting\s+)?year\b" + _NOT_SO_FAR + "|"
                                r"\bthe\s+financial\s+year\b" + _NOT_SO_FAR + "|"
                                r"\b(?:over|during|for|in|across|throughout)\s+the\s+(?:full\s+|whole\s+)?year\b" + _NOT_SO_FAR + "|"
                                r"\bin\s+year\b", re.I)),
    ("current_quarter", re.compile(r"\b(?:this|the|in|during|in\s+the)\s+quarter\b|\b(?:this|current)\s+qtr\b", re.I)),
    ("event", re.compile(r"\b(?:at|during)\s+the\s+time\s+of\s+(?:the\s+|this\s+|our\s+)?(?:inspection|visit)\b", re.I)),
    # "317 children were on plans as at the date of the meeting": the day the paper's meeting sits
    ("meeting_day", re.compile(r"\b(?:(?:as\s+)?(?:at|on)\s+the\s+(?:date|day)|at\s+the\s+time)\s+of\s+(?:the|this|today's)\s+"
                               r"meeting\b", re.I)),
]


# What a rule cannot match without, by the rule's name: a digit, a year written in full (19xx,
# 20xx), a numeric date's separator between digits (31/3), "FY", a month's name (every one
# begins with its three-letter form), the letter q (Q2, quarter), a word. Most sentences name no
# month and no quarter, and the rules that need one are then not tried at all. The words are
# looked for in the lower-cased text, which finds whatever the rules' IGNORECASE finds, except
# for the three letters that fold to ASCII only there (dotted and dotless i, long s): a text with
# one of those tries every rule.
_DIGIT = re.compile(r"\d")
_MONTH_CUE = re.compile(r"j(?:an|u[nl])|feb|ma[ry]|a(?:pr|ug)|sep|oct|nov|dec")
_YEAR_CUE = re.compile(_YEAR)  # a year written in full (the rules' {_YEAR})
_DATED_CUE = re.compile(r"\d[/.-]\d")  # a numeric date's separator between digits
_ODD_FOLDS = ("\u0130", "\u0131", "\u017f")
_RULE_NEEDS: dict[str, tuple[str, ...]] = {
    "rolling": ("digit", "month"), "numeric_span": ("dated",), "fy_span": ("yyyy", "month"), "day_span": ("yyyy", "month"),
    "quarter_end": ("q",), "quarter_short": ("digit", "q"), "quarter": ("q",), "fy_short": ("fy",),
    "year_range": ("yyyy",), "full_date": ("yyyy", "month"), "short_full_date": ("digit", "month"),
    "numeric_date": ("dated",), "short_date": ("dated",), "edge_month": ("yyyy", "month"),
    "asof_month": ("yyyy", "month"), "edge_month_short": ("digit", "month"), "month_span_both": ("digit", "month"),
    "month_short_closed": ("digit", "month"), "month_year": ("yyyy", "month"), "month_short": ("digit", "month"),
    "edge_month_partial": ("month",), "month_end_bracket": ("month",), "month_alone": ("month",), "month_possessive": ("month",), "month_figures": ("month",), "day_month": ("digit", "month"),
    "year": ("yyyy",), "month_span": ("yyyy", "month"), "month_span_yy": ("digit", "month"), "month_span_yearless": ("month",), "quarter_span": ("yyyy", "q"),
    "quarter_to": ("month",), "fy_to_date": ("yyyy", "month"), "months_to": ("month",), "fy_months": ("yyyy",), "year_end": ("yyyy",), "year_to_year": ("yyyy",),
    "current": ("year_month_quarter",), "year_reported": ("year",), "current_quarter": ("q",), "period_end": ("end",),
    "previous": ("year_month",), "previous_quarter": ("q",), "previous_quarter_end": ("end",), "previous_month_end": ("end",), "previous_month": ("year_month",),
    "current_month": ("year_month",), "first_months": ("first",), "current_year": ("year",), "year_to_month": ("year", "month"), "event": ("time",), "meeting_day": ("meeting",),
}
_GATED = [(rule, regex, _RULE_NEEDS.get(rule, ())) for rule, regex in _RULES]


def _cues(text: str) -> dict[str, bool]:
    """Which of the rules' needs `text` meets (all of them, when it has a letter of odd folding)."""
    if not text.isascii() and any(c in text for c in _ODD_FOLDS):
        return dict.fromkeys(("digit", "yyyy", "dated", "fy", "month", "q", "year_month_quarter", "year_month", "end",
                              "year", "time", "meeting", "first"), True)
    low = text.lower()
    year, month = "year" in low, "month" in low
    digit = _DIGIT.search(text) is not None
    return {"digit": digit, "yyyy": digit and _YEAR_CUE.search(text) is not None,
            "dated": digit and _DATED_CUE.search(text) is not None, "fy": "FY" in text,
            "month": _MONTH_CUE.search(low) is not None,
            "q": "q" in low, "year_month_quarter": year or month or "quarter" in low, "year_month": year or month,
            "end": "end" in low or "close" in low, "year": year, "time": "time" in low, "meeting": "meeting" in low,
            "first": "first" in low}


def _months_mention(s: int, e: int, first: date, last: date) -> Mention:
    """The span from the first day of one month to the last of another, when it is one of less
    than a year; else a mention that dates nothing."""
    return Mention(s, e, span(first, last)) if first < last and (last - first).days < 370 else Mention(s, e)


def _mention(rule: str, m: re.Match, text: str) -> Mention | None:
    g = m.groupdict()
    s, e = m.span()
    if rule == "rolling":
        mon = MONTHS[g["m"].lower().rstrip(".")]
        if not g["y"] and not g["yy"]:
            return Mention(s, e, month=mon, day=None, months=12)
        return Mention(s, e, rolling_year(int(g["y"]) if g["y"] else 2000 + int(g["yy"]), mon))
    if rule == "numeric_span":
        first = _numeric_date(g["d1"], g["m1"], g["y1"])
        last = _numeric_date(g["d2"], g["m2"], g["y2"])
        return Mention(s, e, span(first, last)) if first and last and first < last else Mention(s, e)
    if rule == "year_end":
        return Mention(s, e, as_at(date(int(g["y"]), 12, 31)))
    if rule == "quarter_to":
        mon = MONTHS[g["m"].lower().rstrip(".")]
        if mon % 3:
            return Mention(s, e)
        if not g["y"]:
            return Mention(s, e, month=mon, day=None, months=3)
        return Mention(s, e, quarter(int(g["y"]), mon // 3))
    if rule == "months_to":
        n, mon = _months(g["n"]), MONTHS[g["m"].lower().rstrip(".")]
        day = int(re.sub(r"\D", "", g["d"])) if g["d"] else None
        if not g["y"]:
            return Mention(s, e, month=mon, day=day, months=n)
        last = safe_date(int(g["y"]), mon, day) if day else end_of_month(int(g["y"]), mon)
        return Mention(s, e, months_ending(last, n)) if last else Mention(s, e)
    if rule == "school_term":
        y = int(g["y"])
        first, last = _TERMS[g["t"].lower()]
        if g["m1"]:
            first, last = MONTHS[g["m1"].lower().rstrip(".")], MONTHS[g["m2"].lower().rstrip(".")]
        if last < first:
            return Mention(s, e)
        return Mention(s, e, Period(f"{y}-{last:02d}", "month", date(y, first, 1), end_of_month(y, last)))
    if rule == "fy_half":
        y1, y2 = int(g["y1"]) % 100 + 2000, int(g["y2"]) % 100
        if (y1 + 1) % 100 != y2:
            return Mention(s, e)
        first = date(y1, 4, 1) if g["h"] == "1" else date(y1, 10, 1)
        return Mention(s, e, span(first, end_of_month(*_month_shift(first.year, first.month, 5))))
    if rule == "fy_months":
        y1 = int(g["y1"])
        if _year4(y1, g["y2"]) != y1 + 1:
            return Mention(s, e)
        n = 6 if g["half"] else 3 * _months(g["q"]) if g["q"] else _months(g["n"])
        return Mention(s, e, first_months(financial_year(y1), n))
    if rule == "year_to_year":
        y1, y2 = int(g["y1"]), int(g["y2"])
        return Mention(s, e, financial_year(y1)) if y2 == y1 + 1 else Mention(s, e)
    if rule == "month_span":
        if g["to"].lower() == "and" and not g["between"]:
            return None  # "in March and June 2023": two months, not the months between them
        m1, m2, y2 = MONTHS[g["m1"].lower().rstrip(".")], MONTHS[g["m2"].lower().rstrip(".")], int(g["y2"])
        y1 = int(g["y1"]) if g["y1"] else (y2 if m1 <= m2 else y2 - 1)
        return _months_mention(s, e, date(y1, m1, 1), end_of_month(y2, m2))
    if rule == "month_span_yearless":
        if g["to"].lower() == "and" and not g["between"]:
            return None  # "our January and February webinars": two months, not the months between them
        m1, m2 = MONTHS[g["m1"].lower().rstrip(".")], MONTHS[g["m2"].lower().rstrip(".")]
        n = (m2 - m1) % 12 + 1
        return Mention(s, e, month=m2, day=None, months=n) if 2 <= n <= 11 else None
    if rule == "month_span_yy":
        m1, m2, y2 = MONTHS[g["m1"].lower()], MONTHS[g["m2"].lower()], 2000 + int(g["yy"])
        return _months_mention(s, e, date(y2 if m1 <= m2 else y2 - 1, m1, 1), end_of_month(y2, m2))
    if rule == "day_span":
        if not g["lead"] and g["sep"].lower() in ("and", "until"):
            return None  # "on 1 October and 31 December 2024": two days
        m1, m2, y2 = MONTHS[g["m1"].lower().rstrip(".")], MONTHS[g["m2"].lower().rstrip(".")], int(g["y2"])
        y1 = int(g["y1"]) if g["y1"] else (y2 if m1 <= m2 else y2 - 1)
        first = safe_date(y1, m1, int(re.sub(r"\D", "", g["d1"]))) if g["d1"] else end_of_month(y1, m1)
        last = safe_date(y2, m2, int(re.sub(r"\D", "", g["d2"]))) if g["d2"] else end_of_month(y2, m2)
        ok = first is not None and last is not None and first < last and (last - first).days < 370
        return Mention(s, e, span(first, last)) if ok else Mention(s, e)  # type: ignore[arg-type]
    if rule == "fy_span":
        y1, y2 = int(g["y1"]), int(g["y2"])
        return Mention(s, e, financial_year(y1)) if y2 == y1 + 1 else Mention(s, e)
    if rule in ("quarter_end", "quarter_end_after"):
        q = _ORD[(g["q1"] or g.get("q3")).lower()]
        if g.get("bm"):
            mon = MONTHS[g["bm"].lower().rstrip(".")]
            return Mention(s, e, as_at(end_of_month(int(g["by"]), mon))) if mon % 3 == 0 else Mention(s, e)
        if not g["y1"]:
            return Mention(s, e, quarter=q, day=-1)
        y1 = int(g["y1"])
        fy = bool(g["y2"]) and _year4(y1, g["y2"]) == y1 + 1
        p = fy_quarter(y1, q) if fy else quarter(y1, q)
        return Mention(s, e, as_at(p.end)) if (fy or not g["y2"]) else Mention(s, e)
    if rule == "fy_short":
        a, b = int(g["a"]), int(g["b"])
        return Mention(s, e, financial_year(2000 + a)) if (a + 1) % 100 == b else Mention(s, e)
    if rule == "quarter_span":
        a, b, y1 = int(g["a"]), int(g["b"]), int(g["y1"])
        if a >= b or (g["y2"] and _year4(y1, g["y2"]) != y1 + 1):
            return Mention(s, e)
        first, last = (fy_quarter(y1, a), fy_quarter(y1, b)) if g["y2"] else (quarter(y1, a), quarter(y1, b))
        return Mention(s, e, span(first.start, last.end))
    if rule == "quarter_short":
        a, b = int(g["a"]), int(g["b"])
        return Mention(s, e, fy_quarter(2000 + a, int(g["q"]))) if (a + 1) % 100 == b else Mention(s, e)
    if rule == "quarter":
        q = _ORD[(g["q1"] or g["q2"] or g["q3"]).lower()]
        if not g["y1"]:
            return Mention(s, e, quarter=q)
        y1 = int(g["y1"])
        if g["y2"]:
            return Mention(s, e, fy_quarter(y1, q)) if _year4(y1, g["y2"]) == y1 + 1 else Mention(s, e)
        return Mention(s, e, quarter(y1, q))
    if rule == "fy_to_date":
        y1 = int(g["y1"])
        if _year4(y1, g["y2"]) != y1 + 1:
            return None
        if g["m2"]:  # the months it spans, which may make a quarter: "the first quarter of 2025/26 (April to June)"
            m0, m2 = MONTHS[g["m0"].lower().rstrip(".")], MONTHS[g["m2"].lower().rstrip(".")]
            first = date(y1 if m0 >= 4 else y1 + 1, m0, 1)
            last = end_of_month(first.year if m2 >= m0 else first.year + 1, m2)
            if (g["y3"] and int(g["y3"]) != last.year) or last > date(y1 + 1, 8, 31):
                return None  # "2025/26 (April to December 2024)": not the year's own months
            return Mention(s, e, span(first, last))
        mon = MONTHS[g["m"].lower().rstrip(".")]
        year = y1 if mon >= 4 else y1 + 1
        return Mention(s, e, year_to_date(end_of_month(year, mon)))
    if rule == "year_range":
        y1 = int(g["y1"])
        y2 = _year4(y1, g["y2"])
        academic = bool(g["ac"] or g["ac2"]) or bool(re.search(r"academic\s+year\s*$|academic\s*$", text[max(0, s - 20):s], re.I))
        if y2 != y1 + 1:
            if len(g["y2"]) == 2 and re.search(r"\s[-\u2013]\s", m.group(0)) \
                    and not re.match(rf"\s*(?:st|nd|rd|th)?\s+{_MONTH}\b", text[e:], re.I):  # (not "2025 - 31 December 2025")
                return None  # "at 31 October 2025 - 96 more than": a dash that sets off the next figure
            return Mention(s, e)  # 2015-2020, 2017-19: a span of years, not one period
        if not academic and (_FORWARD_FROM.search(text, max(0, s - 40), s) or _SUM_FORWARD_FROM.search(text, max(0, s - 60), s)):
            return Mention(s, e, financial_year(y1 + 1))  # the balance brought forward from 2023/24 is 2024/25's
        return Mention(s, e, academic_year(y1) if academic else financial_year(y1))
    if rule == "short_date":
        d = _numeric_date(g["d"], g["m"], g["y"])
        return Mention(s, e, as_at(d)) if d else Mention(s, e)
    if rule in ("month_alone", "month_possessive", "month_figures"):
        return Mention(s, e, month=MONTHS[g["m"].lower()], day=0)
    if rule == "numeric_date" and g["d2"]:
        g = {"d": g["d2"], "m": g["m2"], "y": g["y2"]}
    if rule == "numeric_date" and g.get("y3"):
        g = {"d": g["d3"], "m": g["m3"], "y": g["y3"]}
    if rule == "short_full_date":
        g = {"d": g["d"], "m": g["m"] or g["m4"], "y": g["y"]}
        rule = "full_date"
    if rule in ("full_date", "numeric_date"):
        mon = MONTHS[g["m"].lower().rstrip(".")] if rule == "full_date" else int(g["m"])
        day = int(re.match(r"\d+", g["d"]).group())
        year = int(g["y"]) if len(g["y"]) == 4 else 2000 + int(g["y"])
        d = safe_date(year, mon, day) if 1 <= mon <= 12 else None
        return Mention(s, e, as_at(d)) if d else Mention(s, e)
    if rule in ("edge_month", "asof_month"):
        mon, year = MONTHS[g["m"].lower().rstrip(".")], int(g["y"])
        d = date(year, mon, 1) if g.get("edge", "end").lower() in ("beginning", "start") else end_of_month(year, mon)
        return Mention(s, e, as_at(d))
    if rule == "edge_month_short":
        mon, year = MONTHS[g["m"].lower().rstrip(".")], int(g["y"]) if g["y"] else 2000 + int(g["yy"])
        return Mention(s, e, as_at(end_of_month(year, mon)))
    if rule == "month_span_both":
        y1, y2 = (int(g["y1"]) if g["y1"] else 2000 + int(g["yy1"])), (int(g["y2"]) if g["y2"] else 2000 + int(g["yy2"]))
        first, last = date(y1, MONTHS[g["m1"].lower().rstrip(".")], 1), end_of_month(y2, MONTHS[g["m2"].lower().rstrip(".")])
        return _months_mention(s, e, first, last)
    if rule in ("month_short_closed", "month_year", "month_short"):
        year, mon = int(g["y"]) if len(g["y"]) == 4 else 2000 + int(g["y"]), MONTHS[g["m"].lower().rstrip(".")]
        if _MONTH_END_BEFORE.search(text, max(0, s - 20), s):  # "1,912 at month end (Nov 24)": its last day
            return Mention(s, e, as_at(end_of_month(year, mon)))
        return Mention(s, e, month(year, mon))
    if rule == "edge_month_partial":
        mon = MONTHS[g["m"].lower().rstrip(".")]
        return Mention(s, e, month=mon, day=1 if g["edge"].lower() in ("beginning", "start") else None)
    if rule == "month_end_bracket":
        return Mention(s, e, month=MONTHS[g["m"].lower().rstrip(".")], day=None)
    if rule == "day_month":
        mon = MONTHS[g["m"].lower().rstrip(".")]
        day = int(re.match(r"\d+", g["d"]).group())
        if safe_date(2000, mon, day) is None:
            return None
        return Mention(s, e, month=mon, day=day)
    if rule == "year_to_month":
        return Mention(s, e, relative="current_year", month=MONTHS[g["m"].lower().rstrip(".")])
    if rule == "year":
        cue = (g["cue"] or "").lower()
        since = cue == "since"
        return Mention(s, e, calendar_year(int(g["y"])), since=since)
    if rule == "previous" and _FORWARD_FROM.search(text, max(0, s - 40), s):
        return Mention(s, e, relative="current_year")  # "carried forward from the previous year": this year's money
    if rule == "previous" and "financial" in text[s:e].lower():
        return Mention(s, e, relative=rule, fy=True)  # "last financial year": the financial year before, whatever dates the paper
    if rule == "period_end" and "financial" in text[s:e].lower():
        return Mention(s, e, relative=rule, fy=True)  # "at the end of the financial year": a 31 March
    if rule == "first_months":  # the months it counts, three to a quarter
        n = _months(g["n"])
        return Mention(s, e, relative=rule, months=n * 3 if g["unit"].lower() == "quarters" else n)
    return Mention(s, e, relative=rule)


# "at month end (Nov 24)", "month-end, March 2024": the day that ends the month named
_MONTH_END_BEFORE = re.compile(r"\bmonth[- ]?end\s*[(,:]?\s*$|\b(?:the\s+)?(?:(?:last|final)\s+day|close)\s+of\s+$", re.I)
# money brought or carried forward from a year is the next year's: "the balance brought forward from 2023/24"
_FORWARD_FROM = re.compile(r"\b(?:(?:brought|carried|carry|b/f)[\s-]+(?:forward|over)|carryforward|c/f)\s+from\s+(?:the\s+)?"
                           r"(?:financial\s+year\s+)?$", re.I)


# (or with the sum between: "the carry forward of £8,950 from 2023/24"; dating.py reads the same words before a
# relative year, "a carry forward of £27,340 from the previous year")
SUM_FORWARD_FROM = r"\b(?:brought|carried|carry|b/f)[\s-]+(?:forward|over)\b[^,;.£\d]{0,20}?£?\d[\d,.]*(?:m|k)?\s+from\s+(?:the\s+)?"
_SUM_FORWARD_FROM = re.compile(SUM_FORWARD_FROM + r"(?:financial\s+year\s+)?$", re.I)


_SPLIT_MONTH = re.compile(r"\b([A-Za-z]{2,6})-\s+([a-z]{2,7})\b")


def _joined_month(m: re.Match) -> str:
    """"Dec- ember" (a month broken over a line end) as "December" padded to the same length,
    so that every offset into the text stays right."""
    joined = m.group(1) + m.group(2)
    return joined.ljust(len(m.group())) if joined.lower() in MONTHS else m.group()


_PERIOD_WORD = re.compile(r"\d|quarter|year|month|time of|end of|beginning of|start of|day of|\(end ", re.I)  # ("twelve months earlier")


@lru_cache(maxsize=8192)
def find_mentions(text: str) -> tuple[Mention, ...]:
    """Every period expression in `text`, left to right, without overlaps (earlier rules win).

    Cached: the same sentence is asked about by the layout, the matchers and the resolver.
    """
    if not _PERIOD_WORD.search(text):
        return ()
    if "-" in text:
        text = _SPLIT_MONTH.sub(_joined_month, text)
    taken: list[Mention] = []
    cues = _cues(text)
    for rule, regex, needs in _GATED:
        if not all(cues[n] for n in needs):
            continue
        for m in regex.finditer(text):
            if any(m.start() < t.end and t.start < m.end() for t in taken):
                continue
            mention = _mention(rule, m, text)
            if mention is not None:
                taken.append(mention)
    taken = _quarter_of_this_year(_quarter_then_fy(_fy_then_quarter(sorted(taken, key=lambda t: t.start), text), text), text)
    if "(" in text:
        taken = _named_in_brackets(taken, text)
    if "since" in text:  # "the lowest since Q3 2023/24": a baseline, like "since 2010"
        taken = [replace(t, since=True) if t.absolute and not t.since and
                 _BASELINE_BEFORE.search(text, max(0, t.start - 80), t.start) else t for t in taken]
    return tuple(sorted(taken, key=lambda t: t.start))


_RELATIVE_QUARTERS = ("previous_quarter",)  # ("this quarter (April to June)" is the quarter its brackets name already)
_OPEN_BRACKET = re.compile(r"\s*\(\s*")


def _named_in_brackets(taken: list[Mention], text: str) -> list[Mention]:
    """The quarter before, its months in brackets straight after ("in the last quarter (July to September)"): the
    brackets name that quarter, so the words before them are no period of their own (else "last quarter" would go
    back a quarter from the months that say which it is)."""
    out: list[Mention] = []
    for k, t in enumerate(taken):
        nxt = taken[k + 1] if k + 1 < len(taken) else None
        if t.relative in _RELATIVE_QUARTERS and nxt is not None and (nxt.month or nxt.absolute) \
                and _OPEN_BRACKET.fullmatch(text, t.end, nxt.start):
            continue
        out.append(t)
    return out


def _fy_then_quarter(taken: list[Mention], text: str) -> list[Mention]:
    """A financial year straight before a quarter without a year is that quarter of the year, as
    scorecards write it ("2025/26 Q1", "2024-25 Quarter 3"), not the whole year and a stray quarter."""
    out: list[Mention] = []
    for t in taken:
        last = out[-1] if out else None
        if last is not None and t.quarter and t.period is None and not t.relative and last.period is not None \
                and last.period.kind == "financial_year" and last.period.start is not None \
                and _FY_QUARTER_GAP.fullmatch(text, last.end, t.start):
            out[-1] = Mention(last.start, t.end, period=fy_quarter(last.period.start.year, t.quarter))
            continue
        out.append(t)
    return out


_FY_QUARTER_GAP = re.compile(r"[ \t]*(?:[-,\u2013][ \t]*)?")


def _quarter_then_fy(taken: list[Mention], text: str) -> list[Mention]:
    """A quarter without a year, its months in brackets, then a financial year is that quarter of the year
    ("Qtr 2 (Jul-Sep) 2025/26"), not a stray quarter, a stray span and the whole year."""
    out: list[Mention] = []
    for t in taken:
        if len(out) >= 2 and t.period is not None and t.period.kind == "financial_year" and t.period.start is not None:
            q, months = out[-2], out[-1]
            if q.quarter and q.period is None and not q.relative and months.period is None and months.months \
                    and _QUARTER_MONTHS_GAP.fullmatch(text, q.end, months.start) \
                    and _QUARTER_MONTHS_CLOSE.fullmatch(text, months.end, t.start):
                out[-2:] = [Mention(q.start, t.end, period=fy_quarter(t.period.start.year, q.quarter))]
                continue
        out.append(t)
    return out


def _quarter_of_this_year(taken: list[Mention], text: str) -> list[Mention]:
    """A quarter of no year said to be of the year the paper is in ("the second quarter of the financial year") is
    that quarter, placed as a quarter alone is, not a quarter and the whole year."""
    out: list[Mention] = []
    for t in taken:
        last = out[-1] if out else None
        if last is not None and t.relative == "current_year" and not t.month and last.quarter and last.period is None \
                and not last.relative and re.fullmatch(r"\s+of\s+", text[last.end:t.start]):
            out[-1] = replace(last, end=t.end)
            continue
        out.append(t)
    return out


_QUARTER_MONTHS_GAP = re.compile(r"[ \t]*\(")
_QUARTER_MONTHS_CLOSE = re.compile(r"\)[ \t]*(?:[-,\u2013][ \t]*)?")


# what a figure is measured against, after a superlative: "the lowest number since 31 March 2022",
# "the first time since Q3 2023/24" (not "Since April 2024, 412 children ...": a span from then)
_BASELINE_BEFORE = re.compile(r"\b(?:[a-z]{2,}est|first time|most|least)\b[^.;:]{0,50}\bsince\s+(?:the\s+(?:end\s+of\s+)?)?$",
                              re.I)


def without_mentions(text: str, mentions) -> str:
    """`text` with these mentions (or (start, end) spans) cut out: what a line or a gap says
    besides its dates ("in 2021/22" alone is no figure)."""
    spans = [(m.start, m.end) if isinstance(m, Mention) else m for m in mentions]
    for a, b in sorted(spans, reverse=True):
        text = text[:a] + text[b:]
    return text


# a meeting's day and year, then a dash and the title of its paper: "Norfolk County Council - Scrutiny Committee,
# 19 February 2025 - Children in Care by Locality (31 December 2024)"
DAY_THEN_TITLE = re.compile(r"(?P<head>.{10,90}?\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+(?:19|20)\d\d)\s+[-\u2013\u2014]\s+"
                            r"(?P<title>\S.{4,100})$")


def caption_period(text: str) -> Period | None:
    """A caption's period: the one it names, or, after a meeting's day, the one its title names."""
    if (m := DAY_THEN_TITLE.match(text)) and (p := single_period(m.group("title"))) is not None:
        return p
    return single_period(text)


def single_period(text: str) -> Period | None:
    """The one period a title, heading or caption names, outside brackets ("Quarter 4 2019/20
    (January to March 2020)"); None when it names none or several."""
    inner = re.findall(r"\(([^()]*)\)", text)
    text = re.sub(r"\([^()]*\)", " ", text)
    mentions = find_mentions(text)
    # (a span of years outside them, "Business Plan 2025-27: progress (position at 30 June 2025)", dates nothing)
    if not any(m.period is not None or m.quarter or m.month or m.relative for m in mentions) and len(inner) == 1:
        # "Business plan update (31 January 2023)", "(as at 31 July 2025)": a date alone in brackets
        bracket = f"({inner[0]})"  # (read with its brackets: "(31/3/24)" is a day, "31/3/24" alone may be a ratio)
        dated = [m for m in find_mentions(bracket) if m.absolute and m.period.known]
        if len(dated) == 1:
            rest = bracket[:dated[0].start] + bracket[dated[0].end:]
            # (the year so far to that day: "Year-end position (YTD to 31 March 2025)" is 2024/25)
            if dated[0].period.kind == "as_at" and dated[0].period.end is not None and re.fullmatch(
                    r"\W*(?:(?:financial\s+)?year\s+to\s+date|YTD)\s+(?:up\s+)?(?:to|at)\W*", rest, re.I):
                return year_to_date(dated[0].period.end)
            # (and what is counted: "Referrals (number, 2024/25)")
            # (or the kind of year it is: "Safeguarding training for schools (academic year 2024-25)")
            if not re.sub(r"[\W_]+|\b(?:as at|as of|at|on|data|position|snapshot|number|no|count|total|academic|financial|"
                          r"calendar|school|year)\b", "", rest, flags=re.I):
                return dated[0].period
    found = {m.period for m in mentions if m.absolute and m.period.known}
    quarters = {m.quarter for m in mentions if m.quarter and not m.absolute}
    if not found and len(quarters) == 1 and len(inner) == 1:
        # "Quarter 1 performance (April to June 2025)": the quarter's months, with their year
        spans = [m.period for m in find_mentions(inner[0]) if m.absolute and m.period.kind == "quarter"]
        if len(spans) == 1:
            return spans[0]
    if len(found) == 1 and len(quarters) == 1 and (fy := next(iter(found))).kind == "financial_year" and fy.start:
        return fy_quarter(fy.start.year, quarters.pop())  # "Quarter 2 Performance Report 2022/23"
    if len(found) == 1 and len(inner) == 1 and (whole := next(iter(found))).kind == "financial_year" and whole.start \
            and re.search(r"\bacademic\b|\bschool year\b", inner[0], re.I):
        return academic_year(whole.start.year)  # "Schools safeguarding training 2024-25 (academic year, September to July)"
    if len(found) == 1 and len(inner) == 1 and (whole := next(iter(found))).kind == "financial_year":
        part = _span_within(inner[0], whole)
        if part is not None:  # "Half-year report 2024/25 (April to September 2024)": the months it covers
            return part
    if len(found) == 2 and (span := _span_to_the_day(found)) is not None:
        return span
    return found.pop() if len(found) == 1 else None


def _span_to_the_day(found: set[Period]) -> Period | None:
    """Of a day and a span of months ending on it ("local data at 31 December 2025; for flows it is the year to
    date, 1 April to 31 December 2025"), the span: its stocks are counted at its end (spans of months date a
    stock at their last day), its flows and rates cover it."""
    days = [p for p in found if p.kind == "as_at"]
    spans = [p for p in found if p.kind == "month" and over_months(p)]
    return spans[0] if len(days) == 1 and len(spans) == 1 and spans[0].end == days[0].end else None


def over_months(p: Period) -> bool:
    """A period labelled by its month that spans more than that month (a year to date, "June to September")."""
    return p.start is not None and p.end is not None and (p.start.year, p.start.month) != (p.end.year, p.end.month)


_YEARLESS_SPAN = re.compile(rf"\s*(?P<first>{_MONTH})\s*(?:to|-|\u2013|until)\s*(?P<last>{_MONTH})\s*", re.I)


def _span_within(text: str, whole: Period) -> Period | None:
    """The one span of several months (a quarter, a half year) that `text` names inside `whole`."""
    spans = [m.period for m in find_mentions(text) if m.absolute and m.period.start and m.period.end
             and (m.period.kind == "quarter" or (m.period.kind == "month" and m.period.start.day == 1
                                                  and (m.period.end - m.period.start).days > 31))]
    if whole.start is None or whole.end is None:
        return None
    if not spans and (months := _YEARLESS_SPAN.fullmatch(text)) is not None:
        # (its months with no year, placed in the year: "Performance to date 2024/25 (April to December)")
        first, last = (MONTHS[months.group(k).lower().rstrip(".")] for k in ("first", "last"))
        y1, y2 = (whole.start.year + (mon < whole.start.month) for mon in (first, last))
        if (y1, first) < (y2, last):
            spans = [span(date(y1, first, 1), end_of_month(y2, last), school_year=False)]
    if len(spans) != 1:
        return None
    p = spans[0]
    return p if whole.start <= p.start and p.end <= whole.end and p != whole else None  # type: ignore[operator]


def parse_period(text: str) -> Period:
    """The single period a short label names ("Mar-17", "2016/17", "31 March 2017"), else unknown."""
    found = [m for m in find_mentions(text) if m.absolute]
    return found[0].period if len(found) == 1 else UNKNOWN_PERIOD  # type: ignore[return-value]
