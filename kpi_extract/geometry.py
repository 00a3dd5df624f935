"""Tables, headings and blocks from where text sits on the page, not from lines of characters.

A council table is read by eye through its columns: a value belongs to the column whose header
sits above it, and to the row whose label cell it shares (a label may wrap over several lines,
with the values set against its first, middle or last line). From the page model's runs:

1. `cells_of`: a line's runs, merged where they are closer than a cell gap (`Settings.cell_gap`
   em), are its cells;
2. `_value_lines`: lines whose cells, right of a text cell, hold figures (or `n/a`, `-`, RAG words);
3. a table is a run of value lines with the label-only lines between them (wrapped labels); its
   value columns come from the x-extents of the figures, its header from the lines just above;
4. each header cell is typed (`classify_header`): period, comparator (target, England, RAG,
   direction, change), code (`CS14`), area (`Northtown`), total, measure (`Places`), or the label;
5. rows are cut where the vertical gap between lines is larger than the gap inside a cell; a row's
   label is its label-column text from every line of the row.

Headings are lines set larger or bolder than the page's body text; blocks are broken by vertical
gaps, by a change of type size and by columns. Thresholds live in `Settings`, with defaults.
"""
from __future__ import annotations

import re
from datetime import date
from dataclasses import dataclass, field
from functools import cached_property

from .model import Period
from .settings import DEFAULT_SETTINGS, Settings
from .normalise import repair_numbers
from .pagemodel import Line, Run, body_size, join_runs, spaced
from .periods import (MONTHS, YTD_HEAD, as_at, calendar_year, day_in_context, end_of_month, financial_year, financial_year_of, find_mentions, fy_quarter,
                      month, month_before, previous, previous_quarter, quarter, quarter_before, single_period, without_mentions,
                      year_column, year_to_date, year_to_date_after, yearless_day)

# (a signed cell, "+11%", "−2.7", "+3.1pp", is a change's value, in a column a header names)
_NUMBER = re.compile(r"^\(?[+\u2212\u2013-]?[£$€]?-?\d[\d,]*(?:\.\d+)?(?:%|[km]|bn|\s?pp|\s?ppts?|\s?pts)?\)?[*†‡]?$", re.I)
_EMPTY = re.compile(r"^(?:n/?a|n\.a\.|-|–|—|\*|\.\.|:|x|nil|tbc|tba|not (?:provided|available|applicable|collected)|"
                    r"no data|none|awaited|no return)$", re.I)
# a target's band or bound, in a row of figures: "240-280", "35 - 42", "<18%", "≥ 90%" (not a year's
# span, "2023-24", which heads a column)
_BAND = re.compile(r"^(?!(?:19|20)\d\d\s*[-\u2013/]\s*(?:\d\d|(?:19|20)\d\d)$)(?:[<>\u2264\u2265]=?\s*)?[£]?\d[\d,]*(?:\.\d+)?%?"
                   r"(?:\s*(?:-|\u2013|to)\s*[£]?\d[\d,]*(?:\.\d+)?%?)?$")
# a RAG rating or a direction of travel, alone or as an arrow with its word ("↑ improving", "↓ worsening")
# (sideways arrows and triangles too: "►", "◄", "↔", "➡" for no change or a direction)
_RAG = re.compile(r"^(?:green|amber|red|g|a|r|(?:[↑↓→←↗↘▲▼⬆⬇⇧⇩=►◄▶◀↔⇔⬌➡⬅]\s*)?(?:up|down|same|better|worse|improving|improved|"
                  r"declining|declined|worsening|stable|static|no change|similar)|[↑↓→←↗↘▲▼⬆⬇⇧⇩=►◄▶◀↔⇔⬌➡⬅]|"
                  # (arrows typed in plain text: "^" up, "v" down, "->" level)
                  r"\^|v|->|<->)$", re.I)
_YEAR = re.compile(r"(?:19[89]\d|20[0-4]\d)")
_PART_OF_YEAR = re.compile(r"(?:Q[1-4]|H[12])\s+(?:FY\s?)?(?:(?:19|20)\d\d|\d\d\s?[/-]\s?\d\d)\b")
_CODE = re.compile(r"^(?:[A-Z]{1,5}\s?-?\d{1,3}[a-z]?|[A-Z]{1,4}\d{0,2}\.\d{1,2}|\d{1,2}\.\d{1,2}[a-z]?|[A-Z]\d?)$")
_COMPARATOR = re.compile(
    r"\b(?:england|national|nationally|eng|sn|stat(?:istical)?\.?|neighbours?|nbrs?|regional|region|reg|"
    r"north[- ]?(?:east|west)|south[- ]?(?:east|west)|east midlands|west midlands|(?:east|west) mids|yorkshire|yorks|humber|london|core cities|"
    r"targets?|stretch|tolerance|goal|ambition|aim|average|avg|benchmark|comparators?|quartile|"
    r"trend|change|dot|d\.o\.t|rag|rank|ranking|status|variance|var|diff|difference|direction|polarity|"
    r"good is|performance|forecast|projected|projection|budget variance|threshold|bandings?|"
    r"indicative|proposed|planned|draft|estimated?|trajector(?:y|ies)|assumed|assumptions?|budgeted|modelled)\b|"
    r"^[+-]/[+-]$|^%$|^[+±]|^plan\b",  # ("Plan 2025-26": what was planned)
    re.I)
# (a row label of such a column's kind, "England" or "Statistical neighbours", is no one's own part either)
COMPARATOR_HEAD = _COMPARATOR
# words that head a column of some measure, never a place
_MEASURE_WORD = re.compile(
    r"\b(?:number|no|rate|total|places|sessions|courses|attended|attendance|delegates|attendees|budget|spend|income|"
    r"contribution|amount|value|count|percentage|per|actual|outturn|booked|events|cancelled|filled|vacant|vacancies|"
    r"vacancy|agency|posts?|fte|staff|establishment|permanent|interim|locum|headcount|starters|turnover|sickness|cases|caseloads?|open|closed|new|started|ended|ceased|starts|leavers|previous|prior|baseline|"
    r"received|completed|outstanding|overdue|forecast|variance|plan|plans|level|score|grade|rating|type|category|"
    r"male|female|boys|girls|under|over|aged|age|months?|weeks?|days?|years?|hours?|minimum|maximum|min|max|mean|"
    r"median|cost|costs|price|fees?|gross|net|in|out|yes|no|comments?|notes?|source|owner|lead|date|results?|figure|performance|"
    r"referrals?|re-?referrals?|contacts?|assessments?|conferences?|children|families|households|pupils|learners|utili[sz]ation|uptake|take-up|latest|current|most recent|ytd|"
    # the KPIs' own abbreviations over a column: "District | CLA", "Locality | CIN | CP"
    r"cla|lac|cic|cin|cpp|cp|uasc|"
    # what is counted, never a place: "Episodes | Children"
    r"episodes?|incidents?|occasions?|visits?|interviews?|enquir(?:y|ies)|requests?|notifications?|nights?)\b", re.I)
_TOTAL = re.compile(r"^(?:grand )?total|^all\b|^overall\b|^combined\b|^partnership\b|^whole\b", re.I)
_CODE_HEAD = re.compile(r"^(?:ref|ref\.|reference|code|no\.?|pi|kpi ref|indicator ref|id|#)$", re.I)





@dataclass
class Cell:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @cached_property
    def value_like(self) -> bool:  # (asked again and again while a table is looked for; text is final by then)
        return bool(_NUMBER.match(self.text) or _EMPTY.match(self.text) or _RAG.match(self.text))

    @property
    def number(self) -> bool:
        return is_figure(self.text)


def is_figure(text: str) -> bool:
    """A table cell that is a number (`1,311`, `£402,000`, `22.8%`), not `n/a`, `-` or `Green`."""
    return bool(_NUMBER.match(text)) and bool(re.search(r"\d", text))


def cells_of(line: Line, settings: Settings = DEFAULT_SETTINGS) -> list[Cell]:
    """A line's runs merged into cells; a cell of several bare figures is split into one each."""
    cells: list[Cell] = []
    prev: Run | None = None
    for r in line.runs:
        text = r.text.strip()
        if not text:
            continue
        gap = r.x0 - prev.x1 if prev is not None else 1e9
        if cells and gap < settings.cell_gap * max(r.size, prev.size if prev else r.size):
            c = cells[-1]
            joiner = "" if prev is not None and not spaced(prev, r) and gap < 0.5 * r.size else " "
            cells[-1] = Cell(c.text + joiner + text, c.x0, max(c.x1, r.x1), min(c.top, r.top), max(c.bottom, r.bottom))
        else:
            cells.append(Cell(text, r.x0, r.x1, r.top, r.bottom))
        prev = r
    out: list[Cell] = []
    for c in cells:
        if "," in c.text or "£" in c.text or "E" in c.text:
            c.text = repair_numbers(c.text)
        tokens = c.text.split()
        if len(tokens) > 1 and all(_NUMBER.match(t) or _EMPTY.match(t) for t in tokens) and \
                sum(bool(re.search(r"\d", t)) for t in tokens) >= 2:
            width = (c.x1 - c.x0) / max(1, len(c.text))
            pos = 0
            for t in tokens:
                start = c.text.index(t, pos)
                out.append(Cell(t, c.x0 + start * width, c.x0 + (start + len(t)) * width, c.top, c.bottom))
                pos = start + len(t)
        else:
            out.append(c)
    return out


@dataclass
class Column:
    """One column of a table: where it sits, what its header says, and what kind it is."""

    x0: float
    x1: float
    header: str = ""
    kind: str = ""  # period | comparator | code | area | total | measure | captioned | unknown
    period: Period | None = None


@dataclass
class GeoRow:
    label: str
    cells: list[str | None]  # one per column; None where the row has no figure there
    lines: list[int]
    text: str


@dataclass
class GeoTable:
    header_lines: list[int]
    columns: list[Column]
    rows: list[GeoRow] = field(default_factory=list)
    caption: str = ""  # the line just above the table ("Table 1: ... at 31 March 2021")
    label_head: str = ""  # the header of the label column ("Indicator", "Partner", "At 31 March 2021")
    continued: bool = False  # header taken from the table on the page before

    @property
    def lines(self) -> set[int]:
        used = set(self.header_lines)
        for r in self.rows:
            used.update(r.lines)
        return used


_BARE_MONTH = re.compile(r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|t|tember|ober|"
                         r"ember)?\.?", re.I)


def _period_of_header(text: str, context: str = "", above: str = "") -> Period | None:
    """The period a column header names: a bare year, one period, or a quarter of the year its
    table's caption or upper header names (`Q2` under `2022/23`), unless its months in brackets name
    the quarter's year (`Q1 (Apr-Jun 24)`)."""
    if "(" in text and (own := single_period(text)) is not None and own.kind == "quarter":
        return own
    found = _header_period(text, context, above)
    if found is not None and found.kind in ("quarter", "month") and found.end is not None and POINT_HEAD.search(text):
        return as_at(found.end)  # "Position at end of Q1", "At end of Sep-25": the column is that day's
    return found


# a header that says its column is a point in time: "Position at end of Q1", "As at end Sep-25", "Q2 end"
POINT_HEAD = re.compile(r"\b(?:position|snapshot|as at|at (?:the )?end|end of)\b|\bend\W*$", re.I)
# a financial year's end over a column: "Year-end 2025", "Year end 2024" (31 March)
_YEAR_END_HEAD = re.compile(r"(?:financial\s+)?year[\s-]*end(?:ing)?\s+(?:(?:31(?:st)?\s+)?march\s+)?((?:19|20)\d\d)", re.I)


# a bare year over a bare month's name, on two lines of one header: "2025" over "Nov"
_YEAR_OVER_MONTH = re.compile(r"(?P<year>(?:19|20)\d\d)\s+(?P<mon>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?", re.I)


def _header_period(text: str, context: str = "", above: str = "") -> Period | None:
    """`_period_of_header` before a point in time is read from its words."""
    bracketed = re.findall(r"\(([^()]*)\)", text)
    text = re.sub(r"\([^()]*\)", " ", text)
    if len(bracketed) == 1 and not any(m.absolute or m.quarter for m in find_mentions(text)) and (own := single_period(bracketed[0])) is not None \
            and own.kind in ("month", "as_at", "quarter", "financial_year"):
        return own  # "Latest month (Nov-25)": the words outside name no period, the brackets do
    if (year_end := _YEAR_END_HEAD.fullmatch(text.strip())) is not None:
        return as_at(date(int(year_end.group(1)), 3, 31))
    if (stacked := _YEAR_OVER_MONTH.fullmatch(text.strip())) is not None:  # "2025" over "Nov"
        return month(int(stacked.group("year")), MONTHS[stacked.group("mon").lower()[:3]])
    # a quarter's months under its year, on two lines of one header: "2024-25" over "Apr-Jun"
    q = _quarter_of_months(_QUARTER_MONTHS.search(text))
    years = [m.period for m in find_mentions(text) if m.absolute and m.period.kind == "financial_year" and m.period.start]
    if q is not None and len(years) == 1:
        return fy_quarter(years[0].start.year, q)  # type: ignore[union-attr]
    if _YEAR.fullmatch(text.strip()):  # a bare year over a column is that calendar year,
        # or that day of it, when the caption names one ("(at 31 March)")
        return year_column(int(text.strip()), yearless_day(context))
    found = single_period(text)
    if found is not None and found.kind in ("quarter", "month") and found.end is not None and YTD_HEAD.search(text):
        return year_to_date(found.end)  # "Q3 YTD 2024/25": April to December 2024
    if found is not None and found.kind == "financial_year" and found.start is not None and YTD_HEAD.search(text) \
            and len(bracketed) == 1 and (q := re.fullmatch(r"\s*Q([1-4])\s*", bracketed[0])):
        return year_to_date(fy_quarter(found.start.year, int(q.group(1))).end)  # "2024/25 YTD (Q3)": to December 2024
    if found is not None and found.kind == "financial_year" and found.start is not None and YTD_HEAD.search(text) \
            and len(bracketed) == 1 and (named := _BARE_MONTH.fullmatch(bracketed[0].strip())):
        mon = MONTHS[named.group(1).lower()]  # "2024-25 YTD (Dec)": to December 2024, the month placed in the year
        return year_to_date(end_of_month(found.start.year + (mon < found.start.month), mon))
    if found is not None:
        return found
    named = _BARE_MONTH.fullmatch(text.strip())
    if named:
        return _month_in_context(MONTHS[named.group(1).lower()], context)
    quarters = [m.quarter for m in find_mentions(text) if m.quarter and not m.absolute]
    if (q := _quarter_of_months(_QUARTER_MONTHS.fullmatch(text.strip()))) is not None:
        quarters = [q]
    if len(quarters) == 1:
        # (a caption that is a note on the comparators names their year: the lines above it say the table's,
        # by its year or by the quarter they name, "Table 1: key measures, Quarter 1 2025/26")
        noted = bool(_COMPARATORS_NOTE.search(context))
        where = above if noted else context
        years = {m.period for m in find_mentions(where) if m.absolute and m.period.kind == "financial_year"}
        if not years and noted:
            years = {financial_year(financial_year_of(m.period.start)) for m in find_mentions(where)
                     if m.absolute and m.period.kind == "quarter" and m.period.start}
        # a quarter's total under a caption that names its quarter is placed by that quarter, as the latest such
        # quarter by its end ("Q2 total" under "Referrals, Quarter 2 2024/25"), whatever year a column beside it
        # names ("Q2 2023/24")
        # (so is a bare quarter under a caption that names no year but that quarter's: "Q2 | Year to date | 2024/25"
        # under "Period: Quarter 2 2025/26" is 2025/26's second, whatever year the column after it names)
        captioned = [m.period for m in find_mentions(above) if m.absolute]
        named = {p for p in captioned if p.kind == "quarter" and p.end}
        own_years = {p for p in captioned if p.kind == "financial_year"}
        rest = without_mentions(text, find_mentions(text)).strip()
        if not noted and len(named) == 1 and (not years and _QUARTER_TOTAL.fullmatch(rest)
                                              or not own_years and not rest):
            return quarter_before(quarters[0], named.pop().end)  # type: ignore[arg-type]
        if len(years) > 1 and not noted and len(own_years) == 1:  # (a caption's one year over the years of the columns
            years = own_years  # beside: "Q3" beside "2023/24 full year", under "Quarter 3 performance, 2024/25")
        if not years:  # the year of the first quarter's header: "Q2" beside "Q1 24/25"
            years = {financial_year(int(y) % 100 + 2000) for y, nxt in _QUARTER_OF_FY.findall(context)
                     if (int(y) + 1) % 100 == int(nxt)}
        if len(years) == 1:
            fy = years.pop()
            if fy.start is not None:
                return fy_quarter(fy.start.year, quarters[0])
        # (or of the calendar year the caption names: "Referrals by calendar quarter, 2024")
        if not years and not noted and (cal := calendar_year_named(context, context.split(" | ")[0])) is not None:
            return quarter(cal, quarters[0])
    return None


# a caption that calls its table a forecast: every period under it is one ("Sufficiency modelling -
# projections at 31 March" over "2026  2027  2028"); not "targets": "Performance against targets" captions
# actuals beside a target column
PROJECTED_CAPTION = re.compile(r"^(?!.*\b(?:actuals?|outturn)\b).*"  # ("actual and forecast": the caption of both)
                               r"\b(?:forecasts?|projected|projections?|predicted|predictions?|modell?ed|modell?ing)\b", re.I)
# a line over the table about its comparators: the years it names are theirs ("Comparators are the latest
# published (2023/24 for statistical neighbours, North East and England)"), not the quarter's
_COMPARATORS_NOTE = re.compile(r"\b(?:comparators?|benchmarks?|statistical neighbours?|stat\.? neighbours?|latest published)\b", re.I)
# the word beside a bare quarter that makes its column the quarter's total: "Q2 total"
_QUARTER_TOTAL = re.compile(r"total\b\W*", re.I)
# a quarter of a financial year written in full in a header: "Q1 24/25", "Q3 2024-25"
_QUARTER_OF_FY = re.compile(r"\bQ[1-4]\s*(?:FY\s?)?(?:20)?(\d\d)\s?[/-]\s?(\d\d)\b", re.I)
def _fy_quarter_number(mon: int) -> int:
    """The quarter of a financial year that month `mon` falls in: April to June is the first."""
    return (mon - 4) % 12 // 3 + 1


def _quarter_of_months(span: re.Match | None) -> int | None:
    """The quarter of a financial year that a span of three months names ("Apr-Jun": 1); None for any other span."""
    if span is None:
        return None
    first, last = MONTHS[span.group(1).lower()], MONTHS[span.group(2).lower()]
    return _fy_quarter_number(first) if (last - first) % 12 == 2 else None


# three months a quarter spans, with no year: "Apr-Jun", "Oct – Dec", "Jan to Mar" (under a year's caption)
_QUARTER_MONTHS = re.compile(r"(jan|apr|jul|oct)[a-z]*\.?\s*(?:-|\u2013|to)\s*(mar|jun|sep|dec)[a-z]*\.?", re.I)


# a caption that ends on a bare year, a title's calendar year: "Child protection, month-end figures, 2024"
CAPTION_ENDS_ON_A_YEAR = re.compile(r"(?<![\d/.£-])(?:,\s*|\s[-\u2013]\s*|\s)((?:19|20)\d\d)\s*$")


def calendar_year_named(text: str, caption: str | None = None) -> int | None:
    """The calendar year a caption names and no other period besides: said as a period ("Training activity,
    calendar year 2024") or, when `text` names no period at all, as the bare year its caption ends on ("Referrals by
    calendar quarter, 2024"); `caption` is the part of `text` that may end on it (all of it when None)."""
    named = {m.period for m in find_mentions(text) if m.absolute}
    if not named:
        bare = CAPTION_ENDS_ON_A_YEAR.search(text if caption is None else caption)
        return int(bare.group(1)) if bare is not None else None
    one = next(iter(named))
    return one.start.year if len(named) == 1 and one.kind == "calendar_year" and one.start is not None else None


def _month_in_context(mon: int, context: str) -> Period | None:
    """A bare month over a column, placed by its caption: in the one year or span the caption
    names (`Apr May Jun` under "Monthly data 2024/25", `Oct Nov Dec` under "October to December
    2023"), else as the last such month at or before the one day it names (`Aug Sep Oct` under
    "tracker for the Panel, 14 November 2024"); None when the caption names neither."""
    periods = [m.period for m in find_mentions(context) if m.absolute and m.period.start and m.period.end]
    if not periods and (year := calendar_year_named(context, context.split(" | ")[0])) is not None:
        # (a caption that ends on a bare year, a title's calendar year: `April May June` under "Child protection,
        # month-end figures, 2024")
        periods = [calendar_year(year)]
    spans = [p for p in periods if p.kind not in ("as_at", "month")]
    # (a quarter or a span of months that holds it places it before any year does: `Apr May Jun` beside a
    # "2023/24 outturn" column, under "Quarter 1 2024/25", are 2024's)
    narrow = {y for p in spans if p.kind not in ("financial_year", "calendar_year", "academic_year")
              for y in range(p.start.year, p.end.year + 1)  # type: ignore[union-attr]
              if p.start <= date(y, mon, 1) <= p.end}  # type: ignore[operator]
    if len(narrow) == 1:
        return month(narrow.pop(), mon)
    if spans:
        years = {p for p in spans if p.kind in ("financial_year", "calendar_year")}
        if len(years) == 1:  # (a year's months; January to March of a financial year are in its second)
            found = day_in_context(mon, 0, years.pop())
            return found if found.known else None
        held = {y for p in spans for y in range(p.start.year, p.end.year + 1)  # type: ignore[union-attr]
                if p.start <= date(y, mon, 1) <= p.end}  # type: ignore[operator]
        return month(held.pop(), mon) if len(held) == 1 else None
    days = {p.end for p in periods}
    if len(days) == 1:
        day = days.pop()
        return month(day.year if mon <= day.month else day.year - 1, mon)  # type: ignore[union-attr]
    return None


def classify_header(text: str, body: list[str], context: str = "", above: str = "") -> tuple[str, Period | None]:
    """What a column holds, from its header text and its cells.

    A comparator, target, RAG or direction column never yields a KPI; a code column (`CS14`) is
    a label; a period column dates its cells; an area column (`Northtown`) names their subject;
    a measure column (`Places`, `Attended`) decides the KPI with the row label."""
    t = " ".join(text.split())
    filled = [b for b in body if b]
    if filled and sum(bool(_CODE.match(b)) and not _NUMBER.match(b) for b in filled) >= max(1, len(filled) * 0.6):
        return "code", None
    if filled and all(_RAG.match(b) or _EMPTY.match(b) for b in filled) and any(_RAG.match(b) for b in filled):
        return "comparator", None
    if not t:
        return "unknown", None
    if _COMPARATOR.search(t):
        return "comparator", None
    period = _period_of_header(t, context, above)
    if period is not None:
        place = "" if _BARE_MONTH.fullmatch(t) or _QUARTER_MONTHS.fullmatch(t) else area_name(t)
        return ("area", period) if place else ("period", period)
    if _BARE_MONTH.fullmatch(t):
        return "unknown", None  # `Oct` with no year anywhere near: a month, but of no known year; never a place
    if _CODE_HEAD.match(t):
        return "code", None
    if _TOTAL.match(t):
        return "total", None
    if re.search(r"\d", t) and not re.search(r"per\s*10", t, re.I):
        return "unknown", None
    if re.fullmatch(r"(?:[A-Z][\w'&.-]*|and|&|of|upon|on|the|-)(?:\s+(?:[A-Z][\w'&.-]*|and|&|of|upon|on|the|-)){0,4}", t) \
            and not _MEASURE_WORD.search(t):
        return "area", None
    return "measure", None


# (a place's words may be joined by "&": "Telford & Wrekin")
_PLACE = re.compile(r"(?:[A-Z][\w'&.-]*|and|&|of|upon|on|the|-)(?:\s+(?:[A-Z][\w'&.-]*|and|&|of|upon|on|the|-)){0,4}")


def area_name(header: str) -> str:
    """The place a column header names, without any date it also gives ("At 31 March 2022
    Northtown" -> "Northtown"); empty when it names none."""
    rest = header
    for m in sorted(find_mentions(header), key=lambda m: -m.start):
        rest = rest[:m.start] + " " + rest[m.end:]
    rest = re.sub(r"\b(?:at|as at|as of|on|position|snapshot|year end|end of)\b", " ", rest, flags=re.I)
    rest = " ".join(rest.replace("(", " ").replace(")", " ").split())
    if not rest or re.search(r"\d", rest) or not _PLACE.fullmatch(rest) or _MEASURE_WORD.search(rest) \
            or _COMPARATOR.search(rest) or _TOTAL.match(rest) or rest.lower() in ("and", "of", "the", "-"):
        return ""
    return rest


def _stacked(upper: str, lower: str) -> str:
    """A header cell's two lines as one: a word hyphenated over the line end is whole again
    ("Shrop-" over "shire" is Shropshire; "Stoke-on-" over "Trent" is Stoke-on-Trent)."""
    if not upper or not lower:
        return (upper + " " + lower).strip()
    if re.search(r"[A-Za-z]-$", upper) and lower[:1].isalpha():
        return upper[:-1] + lower if lower[:1].islower() else upper + lower
    return upper + " " + lower


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def _value_start(cells: list[Cell]) -> int | None:
    """Index of the first value cell that follows a text cell (or of the second of two values):
    where the line's run of value cells up to its end begins, never the first cell."""
    k = len(cells)
    # (a target's band after a figure is one more value: "248 | 291 | 240-280 | G", or after an empty cell: "2.6% |
    # n/a | <5%"; bands alone head a table by age)
    while k > 0 and (cells[k - 1].value_like or k >= 2 and _BAND.match(cells[k - 1].text)
                     and (cells[k - 2].number or _EMPTY.match(cells[k - 2].text))):
        k -= 1
    k = max(k, 1)
    return k if k < len(cells) else None


@dataclass
class _Prepared:
    cells: list[list[Cell]]
    vstart: list[int | None]


# the base of a rate, which a wrapped header sets under its "per": "Rate per" over "10,000"
_RATE_BASE = re.compile(r"^(?:1,?000|10,?000|100,?000)$")


def _rate_bases_under_per(values: list[Cell], above: list[Cell]) -> bool:
    """Whether a line's figures are only the bases of rates, each under a cell of the line above that
    ends in "per" ("Rate per" / "10,000"): a header wrapped over two lines, not a row of figures."""
    figures = [c for c in values if c.number]
    return bool(figures) and all(
        _RATE_BASE.match(c.text) and any(re.search(r"\bper$", a.text, re.I) and _overlap(a.x0, a.x1, c.x0, c.x1) > 0
                                         for a in above) for c in figures)


def _prepare(lines: list[Line], settings: Settings) -> _Prepared:
    cells = [cells_of(ln, settings) for ln in lines]
    vstart = []
    for cs in cells:
        k = _value_start(cs)
        if k is not None and not any(c.number for c in cs[k:]) and not any(_RAG.match(c.text) for c in cs[k:]):
            k = None  # a line of dashes is not a row of figures
        if k is not None and len(" ".join(c.text for c in cs[:k])) > 120:
            k = None  # a sentence ending in a figure
        if k is not None and all(c.value_like for c in cs[:k]):
            k = None  # figures only, no row label: headline boxes side by side (`_grids`)
        if k is not None and all(_YEAR.fullmatch(c.text) for c in cs[k:]):
            k = None  # a header of bare years (`Measure 2020 2021`), not a row of figures
        if k is not None and vstart and _rate_bases_under_per(cs[k:], cells[len(vstart) - 1]):
            k = None  # a header's second line: "Rate per" over "10,000"
        vstart.append(k)
    return _Prepared(cells, vstart)


def _columns_from(rows: list[list[Cell]]) -> list[tuple[float, float]]:
    """Value columns from the x-extents of the figures of every row: overlapping extents are one column."""
    spans = sorted((c.x0, c.x1) for cs in rows for c in cs)
    cols: list[list[float]] = []
    for x0, x1 in spans:
        if cols and x0 <= cols[-1][1] + 2:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    return [(a, b) for a, b in cols]


def _assign(cells: list[Cell], cols: list[tuple[float, float]]) -> list[str | None]:
    out: list[str | None] = [None] * len(cols)
    for c in cells:
        best = max(range(len(cols)), key=lambda k: (_overlap(c.x0, c.x1, *cols[k]),
                                                     -abs((c.x0 + c.x1) / 2 - (cols[k][0] + cols[k][1]) / 2)))
        if out[best] is None:
            out[best] = c.text
    return out


def find_tables(lines: list[Line], settings: Settings = DEFAULT_SETTINGS,
                carry: GeoTable | None = None) -> list[GeoTable]:
    """Tables on a page of model lines (see the module's docstring for the steps)."""
    prep = _prepare(lines, settings)
    tables: list[GeoTable] = []
    i = 0
    n = len(lines)
    used: set[int] = set()
    while i < n:
        if prep.vstart[i] is None:
            i += 1
            continue
        # the extent of the table: value lines, and label-only lines between them
        first_val = prep.cells[i][prep.vstart[i]]
        vx = first_val.x0
        members = [i]
        j = i + 1
        pending: list[int] = []
        size = lines[i].size
        while j < n:
            if not lines[j].text:  # (a text's blank line between rows: no line of print)
                j += 1
                continue
            cs = prep.cells[j]
            gap = lines[j].top - lines[members[-1] if not pending else pending[-1]].bottom
            if gap > 3.5 * size:
                break
            if prep.vstart[j] is not None and abs(prep.cells[j][prep.vstart[j]].x0 - vx) < 6 * size:
                members += pending + [j]
                pending = []
            elif cs and all(c.x1 <= vx + 0.5 * size for c in cs) and len(pending) < 8 and \
                    len(" ".join(c.text for c in cs)) <= 70:
                pending.append(j)
            else:
                break
            j += 1
        value_lines = [k for k in members if prep.vstart[k] is not None]
        # trailing label-only lines belong to the last row when they sit close under it
        trail = []
        for k in pending:
            if lines[k].top - lines[(trail or value_lines)[-1]].bottom <= 0.8 * size:
                trail.append(k)
            else:
                break
        members += trail
        # lines just above the first value line: wrapped label lines of the first row, or the header
        above: list[int] = []
        k = i - 1
        while k >= 0 and len(above) < settings.header_lines + 3 and k not in used:
            gap = lines[(above or [i])[-1]].top - lines[k].bottom
            if gap > 2.5 * size:
                break
            above.append(k)
            k -= 1
        above.reverse()
        if len(value_lines) < 2 and not (carry is not None and not tables and len(value_lines) >= 1) \
                and not _has_header(above, prep, vx):
            i = j if j > i else i + 1
            continue
        table = _build(lines, prep, members, value_lines, above, vx, settings, carry if not tables else None)
        if table is not None and table.rows:
            tables.append(table)
            used |= table.lines
        i = max(members) + 1
    return tables + _grids(lines, prep, used, settings)


def _grids(lines: list[Line], prep: _Prepared, used: set[int], settings: Settings) -> list[GeoTable]:
    """Headline boxes set side by side: a line of two or more figures, each under (or over) its
    own label, left-aligned with it. Each figure becomes a row labelled by its box's text."""
    out: list[GeoTable] = []
    for i, cs in enumerate(prep.cells):
        if i in used or len(cs) < 2 or not all(c.number for c in cs):
            continue
        size = min(lines[i].size, 12.0)
        rows: list[GeoRow] = []
        taken: set[int] = set()
        for f in cs:
            parts: list[tuple[int, str]] = []
            for step in (-1, 1):  # the label above the figure, else the one below it
                k, last = i + step, i
                while 0 <= k < len(lines) and len(parts) < 3 and k not in used:
                    gap = (lines[last].top - lines[k].bottom) if step < 0 else (lines[k].top - lines[last].bottom)
                    if gap > 2.5 * size or lines[k].heading or (parts and lines[k].size != lines[parts[0][0]].size):
                        break
                    near = [c for c in prep.cells[k] if abs(c.x0 - f.x0) <= 1.5 * size]
                    if not near or near[0].number:
                        break
                    parts = [(k, near[0].text)] + parts if step < 0 else parts + [(k, near[0].text)]
                    last, k = k, k + step
                if parts:
                    break
            if parts:
                label = " ".join(t for _, t in parts)
                lines_of = sorted({k for k, _ in parts} | {i})
                rows.append(GeoRow(label, [f.text], lines_of, f"{label} {f.text}"))
                taken.update(lines_of)
        if len(rows) >= 2:
            out.append(GeoTable([], [Column(0.0, 0.0, "", "total")], rows))
            used.update(taken)
    return out


def _heads(c: Cell, vx: float, size: float, vcols: list[tuple[float, float]], label_right: float) -> bool:
    """Does a cell above the figures head a column of them? It starts right of the row labels
    (a header may stand well left of right-aligned figures) or over the figures; a caption
    reaching in from the label column does not."""
    left = min([vx] + [a for a, _ in vcols])
    return c.x0 >= min(left - size, label_right + 0.5 * size) and c.x1 > min(left, label_right)


def _has_header(above: list[int], prep: _Prepared, vx: float) -> bool:
    """A line of no figures above the first row with a cell over the figures: one that starts at
    them, or a later cell that reaches them (a long header over right-set figures, "2024/25 target")."""
    return any(prep.vstart[k] is None and (sum(c.x0 >= vx - 2 for c in prep.cells[k]) >= 1
                                           or any(c.x1 >= vx for c in prep.cells[k][1:])) for k in above)


def _build(lines: list[Line], prep: _Prepared, members: list[int], value_lines: list[int], above: list[int],
           vx: float, settings: Settings, carry: GeoTable | None) -> GeoTable | None:
    size = lines[value_lines[0]].size
    vcols = _columns_from([prep.cells[k][prep.vstart[k]:] for k in value_lines])  # type: ignore[misc]
    label_right = max((c.x1 for k in members for c in prep.cells[k][:prep.vstart[k] if prep.vstart[k] is not None
                                                                       else len(prep.cells[k])] if c.x1 <= vx),
                      default=vx - size)
    # header: the lines above that have cells over the value columns; label-only lines just above
    # the first row (touching it) are its wrapped label instead
    header: list[int] = []
    first_label: list[int] = []
    for k in reversed(above):
        cs = prep.cells[k]
        # a header cell starts over the figures; a line reaching in from the left is a caption
        over = [c for c in cs if _heads(c, vx, size, vcols, label_right)] if lines[k].size <= size + 1.5 else []
        below = (first_label or [value_lines[0]])[0]
        if over:
            header.insert(0, k)
        elif not header and lines[below].top - lines[k].bottom <= 0.8 * size and len(first_label) < 3 \
                and members[0] == value_lines[0]:
            first_label.insert(0, k)  # the first row's label wraps upwards from its figures
        else:
            break
    header = header[-settings.header_lines:]
    caption = ""
    cap_line = (min(header) if header else value_lines[0]) - 1
    blank = 0  # (a text page's empty line between a caption and its table is no line of print)
    while cap_line >= 0 and (cap_line in first_label or not lines[cap_line].text.strip()):
        blank += not lines[cap_line].text.strip()
        cap_line -= 1
    if cap_line >= 0 and blank <= 1 and \
            lines[(min(header) if header else value_lines[0])].top - lines[cap_line].bottom < (3 + 1.5 * blank) * size:
        caption = lines[cap_line].text
    # the caption and the lines over it, up to a blank line, but for notes on the comparators: a caption
    # block's notes go under its title
    block = [caption] if caption else []
    k = cap_line - 1
    while caption and k >= 0 and k >= cap_line - 3 and lines[k].text.strip():
        block.insert(0, lines[k].text)
        k -= 1
    caption_block = " | ".join(t for t in block if not _COMPARATORS_NOTE.search(t))

    # columns: value columns named by the header cells above them
    columns = [Column(a, b) for a, b in vcols]
    continued = False
    header_text_all = " ".join(lines[k].text for k in header)
    label_head = ""
    if header:
        extents = [[col.x0, col.x1] for col in columns]  # each column's reach: its figures and its header
        for depth, k in enumerate(reversed(header)):
            for c in prep.cells[k]:
                heads = _heads(c, vx, size, vcols, label_right)
                if not heads:
                    label_head = (c.text + " " + label_head).strip() if depth else (label_head + " " + c.text).strip()
                    continue
                if depth == 0:  # the header line over the figures: the column it overlaps, else the nearest
                    hits = [m for m, col in enumerate(columns) if _overlap(c.x0, c.x1, col.x0, col.x1) > 0][:1]
                else:  # a line above: every column whose header it spans ("At 31 March 2022" over two areas)
                    hits = [m for m, (a, b) in enumerate(extents) if c.x0 - size <= (a + b) / 2 <= c.x1 + size]
                if not hits:
                    centre = (c.x0 + c.x1) / 2
                    hits = [min(range(len(columns)), key=lambda m: abs(sum(extents[m]) / 2 - centre))]
                for m in hits:
                    columns[m].header = _stacked(c.text, columns[m].header) if depth else \
                        _stacked(columns[m].header, c.text)
                    if depth == 0:
                        extents[m] = [min(extents[m][0], c.x0), max(extents[m][1], c.x1)]
    elif carry is not None and len(carry.columns) >= len(columns) and \
            all(any(_overlap(col.x0, col.x1, cc.x0, cc.x1) > 0 for cc in carry.columns) for col in columns):
        columns = [Column(cc.x0, cc.x1, cc.header, cc.kind, cc.period) for cc in carry.columns]
        label_head, caption = carry.label_head, carry.caption
        continued = True
    elif caption and len(columns) == 1:
        # no header, one column of figures under a caption ("Children on CP plans at 31 March 2024,
        # by locality" / "North 118" / "Central 97"): the caption says what each figure is, and when
        columns[0].kind, columns[0].period = "captioned", single_period(caption)
        if columns[0].period is not None and not re.sub(r"[\W_]+", "", without_mentions(caption, find_mentions(caption))):
            # the "caption" is a period alone ("2024-25" over "Operating budget | £918,000"): the column's header
            columns[0].kind, columns[0].header = "period", caption.strip()
    else:
        return None

    # rows: cut by vertical gaps larger than those inside a wrapped cell
    body = first_label + members
    pitches = [lines[b].top - lines[a].top for a, b in zip(body, body[1:])]
    tight = min(pitches) if pitches else 0
    rows_lines: list[list[int]] = [[body[0]]]
    for (a, b), p in zip(zip(body, body[1:]), pitches):
        new_row = p > settings.row_gap_ratio * tight
        if not new_row and prep.vstart[b] is not None and any(prep.vstart[x] is not None for x in rows_lines[-1]):
            new_row = True  # two lines of figures in one band: two rows of a tight table
        if new_row:
            rows_lines.append([b])
        else:
            rows_lines[-1].append(b)
    table = GeoTable(header, columns, caption=caption, label_head=label_head, continued=continued)
    bodies: list[list[str | None]] = []
    for group in rows_lines:
        vals = [k for k in group if prep.vstart[k] is not None]
        if not vals:
            if table.rows and group and all(not lines[x].text[:1].isupper() for x in group[:1]):
                table.rows[-1].label += " " + " ".join(lines[x].text for x in group)
                table.rows[-1].lines += group
            continue
        v = vals[0]
        cells = _assign(prep.cells[v][prep.vstart[v]:], [(c.x0, c.x1) for c in columns])  # type: ignore[misc]
        label_parts = []
        for x in group:
            cs = prep.cells[x]
            cut = prep.vstart[x] if prep.vstart[x] is not None else len(cs)
            label_parts += [c.text for c in cs[:cut] if c.x1 <= vx + 0.5 * size]
        table.rows.append(GeoRow(" ".join(label_parts), cells, group, lines[v].text))
        bodies.append(cells)
    if not columns[0].kind:
        legend = _legend_lines(lines, block, max(members))
        # (a note that says what the columns are names the year of bare quarters: "Columns are the quarters of
        # the 2024-25 financial year")
        context = " | ".join(t for t in (caption, label_head, header_text_all, *legend)
                             if t)  # (a caption's "at 31 March" is not dated by the year under it)
        # (a comparator's header names its own year, not the months': "Apr ... Aug | England (2024)")
        own_heads = " ".join(col.header for col in columns if col.header and not _COMPARATOR.search(col.header))
        months_context = " | ".join(t for t in (caption, label_head, own_heads, *legend) if t)
        for m, col in enumerate(columns):
            col.kind, col.period = classify_header(col.header, [b[m] for b in bodies],
                                                   months_context if _BARE_MONTH.fullmatch(col.header.strip()) else context,
                                                   caption_block)
            if col.kind in ("area", "unknown", "measure") and col.period is None \
                    and (keyed := legend_period(col.header, legend)) is not None:
                col.kind, col.period = "period", keyed  # "Key: Current = position at 31 August 2025"
            if col.period is None and col.kind != "comparator" and not m and (own := _month_of_the_paper(col.header, caption_block)):
                col.kind, col.period = "period", own  # "Last month" under "Briefing - issued 10 February 2026": January 2026
            elif col.kind not in ("comparator", "period") and (own := _period_of_the_caption(col.header, caption_block)) is not None:
                col.kind, col.period = "period", own  # "Month | YTD" under "Front door dashboard - November 2024"
            elif col.kind not in ("comparator", "period") and not m \
                    and (own := _quarter_of_the_caption(col.header, caption_block)) is not None:
                col.kind, col.period = "period", own  # "This quarter" under "Referral activity - April to December 2024"
            elif col.kind not in ("comparator", "period") \
                    and (own := _year_of_the_caption(col.header, caption_block)) is not None:
                col.kind, col.period = "period", own  # "This year | Last year" under "Training summary 2024/25"
            if col.kind != "comparator" and m and (back := _back_from(_standing(columns[:m]), col.header)):
                col.kind, col.period = "period", back  # "Q1 2025/26 | Same quarter 2024/25", "Latest month (Nov-25) | Previous month"
            ytd = year_to_date_after(columns[m - 1].period if m else None)
            if ytd is None and col.period is None and col.kind != "comparator" and _YTD_ALONE.fullmatch(col.header):
                ytd = _ytd_of_caption(caption_block)  # "YTD" beside a target's column, under "Q3 2024/25 dashboard"
            if ytd is not None and col.kind != "comparator" and (YTD_HEAD.search(col.header) or _TO_DATE.search(col.header)):
                col.kind, col.period = "period", ytd  # the year to the month before it ("2019/20 to date" too)
                # (not a target's, a forecast's or England's for that year: "Target (YTD)")
            if col.kind == "period" and PROJECTED_CAPTION.search(caption):
                col.kind, col.period = "comparator", None  # (a forecast's year, under its caption)
            elif m and col.kind in ("period", "area", "unknown") and not _follows(columns[m - 1].period, col.period) \
                    and not _placed_by_the_captions_quarter(col.period, caption_block) \
                    and (nxt := _next_quarter(columns[m - 1].period, col.header)) is not None:
                # "Q4" under "2024/25", then "Q1 Q2" under "2025/26"; "Apr-Jun Jul-Sep" under "2024-25": each quarter
                # follows the one before it
                col.kind, col.period = "period", nxt
    # a leading code column: its cells are part of the label, never values (not a quarter's or a
    # half's short name before its year: "Q1 2023/24" is a period)
    for r in table.rows:
        parts = r.label.split(" ", 1)
        if len(parts) == 2 and _CODE.match(parts[0]) and not _NUMBER.match(parts[0]) \
                and not _PART_OF_YEAR.match(r.label):
            r.label = parts[1]
    return table


_TO_DATE = re.compile(r"\bto date\b", re.I)

# a line that says what a table's columns are: a key or legend ("Key: Current = position at 31 August 2025;
# Previous = position at 31 July 2025"), a column's definition ('"This year" = 2024/25'), or a note on the
# columns ("Columns are the quarters of the 2024-25 financial year", "Notes: 'Last year' is 2023/24")
_ON_COLUMNS = re.compile(r"\b(?:key|legend)\s*[:-]|=|\bcolumns?\b|^\W*notes?\s*:", re.I)


def _legend_lines(lines: list[Line], block: list[str], last: int) -> list[str]:
    """The lines of a table's caption block and the two lines under it that say what its columns are."""
    under = [ln.text for ln in lines[last + 1:last + 3] if ln.text.strip()]
    return [t for t in block + under if _ON_COLUMNS.search(t)]


def legend_period(header: str, legend: list[str]) -> Period | None:
    """The one period a key or a note gives a column by its header ("Current = position at 31 August 2025",
    '"This year" = 2024/25', 'the "Q2 2025/26" column shows ...'), or None."""
    name = re.sub(r"\s*[+*\u2020\u2021\u00b9\u00b2\u00b3]+$", "", " ".join(header.split()))  # (its mark aside: "Latest+")
    lines = [line for line in legend if name and name.lower() in line.lower()]
    if not lines or len(name) > 30:
        return None  # (most tables have no key: nothing to compile a column's pattern for)
    defined = re.compile(r"(?:^|[;:.,|(+*\u2020\u2021]\s*|\b(?:key|legend)\s*[:-]\s*|\band\s+)[\"“‘']?" + re.escape(name) + r"[\"”’']?"
                         r"\s*(?:column\s+)?(?:=|:|means|is|are|refers to|shows)\s*(?P<d>[^;|=]+?)(?=\s*(?:[;|]|\.\s|\.?$|,\s*[\"“‘']?[A-Z]))",
                         re.I)
    found = {p for line in lines for m in defined.finditer(line) if (p := single_period(m.group("d"))) is not None}
    return found.pop() if len(found) == 1 else None


# a column headed only by the year to date (not "Last year YTD", "YTD target")
_YTD_ALONE = re.compile(r"\W*(?:YTD|year[- ]to[- ]date)\W*", re.I)


def _placed_by_the_captions_quarter(own: Period | None, caption: str) -> bool:
    """A bare quarter's column placed as the latest such quarter by the one quarter its caption names ("Q3 | Q2"
    under "Scorecard, Quarter 3 2024/25": July to September 2024 for "Q2"): a scorecard may set its latest quarter
    first, so the quarters after it are not the next year's."""
    if own is None or own.kind != "quarter" or own.end is None:
        return False
    named = {m.period for m in find_mentions(caption) if m.absolute and m.period.kind == "quarter" and m.period.end}
    return len(named) == 1 and own.end <= next(iter(named)).end  # type: ignore[operator]


def _follows(before: Period | None, own: Period | None) -> bool:
    """A quarter's column already placed after the quarter's column before it (the calendar quarters of a
    calendar year's caption, "Q1 | Q2" under "Referrals, calendar year 2024"): no other reading moves it."""
    return before is not None and own is not None and before.kind == own.kind == "quarter" \
        and before.start is not None and own.start is not None and own.start > before.start


def _next_quarter(before: Period | None, header: str) -> Period | None:
    """A bare quarter ("Q2", "Jul-Sep") straight after a quarter's column: the next such quarter after it, in the same
    financial year or, when its number is lower, the next ("Q4 2024/25 | Q1 | Q2" are 2025/26's); None when the
    header is more than a quarter's name or names the same quarter (last year's, beside it)."""
    if before is None or before.kind != "quarter" or before.start is None:
        return None
    bare = _BARE_QUARTER.fullmatch(header.strip())
    q = int(bare.group(1)) if bare is not None else _quarter_of_months(_QUARTER_MONTHS.fullmatch(header.strip()))
    if q is None:
        return None
    q_before = _fy_quarter_number(before.start.month)
    if q == q_before:
        return None
    fy = financial_year_of(before.start)
    return fy_quarter(fy if q > q_before else fy + 1, q)


# a column said by where it stands from the one before it: "Previous month", "Last quarter", "Same period last year",
# "Same quarter 2024/25"
_BACK_HEAD = re.compile(r"\W*(?:(?:previous|last|prior)\s+(?P<unit>month|quarter|qtr|year)|(?P<unit2>month|quarter)\s+before|"
                        r"same\s+(?:month|quarter|period|point)\s+(?:(?:last|previous|prior)\s+year|(?P<year>.+?)))\W*", re.I)


_THIS_OR_LAST_MONTH = re.compile(r"\W*(?P<which>this|last|latest|previous)\s+month\W*", re.I)


_IN_PERIOD = re.compile(r"\W*(?:in[- ])?(?P<unit>month|quarter|qtr)\W*", re.I)


def _period_of_the_caption(header: str, caption: str) -> Period | None:
    """The month a column headed "Month" or "In month" is, from the one month its caption block names ("Front door
    dashboard - November 2024"), and the quarter a column headed "Quarter" or "In quarter" is, from its one quarter
    ("Scorecard, Quarter 2 2025/26"); None when it names none or several."""
    said = _IN_PERIOD.fullmatch(" ".join(header.split()))
    if said is None:
        return None
    kind = "month" if said.group("unit").lower() == "month" else "quarter"
    named = {m.period for m in find_mentions(caption) if m.absolute and m.period.kind == kind
             and m.period.start is not None and m.period.end is not None
             and (kind == "quarter" or (m.period.start.year, m.period.start.month) == (m.period.end.year, m.period.end.month))}
    return named.pop() if len(named) == 1 else None


_THIS_OR_LAST_QUARTER = re.compile(r"\W*(?P<which>this|latest|current|last|previous)\s+(?:quarter|qtr)\W*", re.I)


def _quarter_of_the_caption(header: str, caption: str) -> Period | None:
    """The quarter a first column headed "This quarter" (or "Last quarter") is, from the one span, month or quarter
    its caption block names that ends with a quarter ("Referral activity - April to December 2024": October to
    December 2024, or July to September for the last); None when the caption names no such one."""
    said = _THIS_OR_LAST_QUARTER.fullmatch(" ".join(header.split()))
    if said is None:
        return None
    ends = {m.period.end for m in find_mentions(caption)
            if m.absolute and m.period.end is not None and m.period.kind in ("month", "quarter")}
    if len(ends) != 1:
        return None
    end = ends.pop()
    this = quarter(end.year, (end.month - 1) // 3 + 1)
    if this.end != end:
        return None  # (a span that ends inside a quarter names none of its own)
    return this if said.group("which").lower() in ("this", "latest", "current") else previous_quarter(this)


_THIS_OR_LAST_YEAR = re.compile(r"\W*(?:(?P<which>this|current|last|previous|prior)\s+(?:financial\s+)?year|"
                                r"(?P<whole>outturn|full[- ]year|year[- ]end|annual))\W*", re.I)


def _year_of_the_caption(header: str, caption: str) -> Period | None:
    """The year a column headed "This year" (or "Last year", "Previous year") is, from the one financial year its
    caption block names ("Training summary 2024/25": 2024-25, and 2023-24 for the last); so is a column of that
    year's whole ("Outturn", "Full year", "Year end"); None when it names no one."""
    said = _THIS_OR_LAST_YEAR.fullmatch(" ".join(header.split()))
    if said is None:
        return None
    years = {m.period for m in find_mentions(caption) if m.absolute and m.period.kind == "financial_year"}
    if len(years) != 1:
        return None
    this = years.pop()
    return this if said.group("whole") or said.group("which").lower() in ("this", "current") else previous(this)


def _month_of_the_paper(header: str, caption: str) -> Period | None:
    """The month a first column headed "This month" or "Last month" is, from the one day its caption block
    names (the paper's date: "Front Door Briefing - issued 10 February 2026"): that day's month, or the one
    before it; None when the caption names no one day."""
    said = _THIS_OR_LAST_MONTH.fullmatch(" ".join(header.split()))
    if said is None:
        return None
    days = {m.period.end for m in find_mentions(caption) if m.absolute and m.period.kind == "as_at" and m.period.end}
    if len(days) != 1:
        return None
    day = days.pop()
    this = month(day.year, day.month)
    return this if said.group("which").lower() == "this" else month_before(this)


def _standing(columns: list) -> Period | None:
    """The period of the last column before that is not itself said from another ("Dec-25 | Previous month |
    Same month last year": the last is a year back from December 2025, not from the month before it)."""
    standing = [c for c in columns if not _BACK_HEAD.fullmatch(" ".join(c.header.split()))]
    # (a first column said from the paper's date stands for the rest: "Last month | Month before")
    chosen = standing[-1] if standing else columns[0] if columns else None
    return chosen.period if chosen is not None else None


def _back_from(before: Period | None, header: str) -> Period | None:
    """The period of a column headed by where it stands from the column before it, a month, quarter or
    year back or the same point of another year ("Q1 2025/26 | Same quarter 2024/25": the first quarter of
    2024/25); None for any other header, or when the column before names no period of that kind."""
    said = _BACK_HEAD.fullmatch(" ".join(header.split()))
    if said is None or before is None or not before.known or before.start is None:
        return None
    unit = (said.group("unit") or said.group("unit2") or "").lower()
    if unit == "month":
        return month_before(before) if before.kind == "month" else None
    if unit in ("quarter", "qtr"):
        return previous_quarter(before) if before.kind == "quarter" else None
    if said.group("year"):  # the same quarter of the year it names
        years = [m.period for m in find_mentions(said.group("year")) if m.absolute and m.period.kind == "financial_year"]
        if len(years) != 1 or years[0].start is None or before.kind != "quarter":
            return None
        return fy_quarter(years[0].start.year, _fy_quarter_number(before.start.month))
    back = previous(before)
    return back if back.known else None


# a quarter's name alone over a column: "Q2", "Quarter 3"
_BARE_QUARTER = re.compile(r"(?:Q|Quarter\s*)([1-4])", re.I)


def _ytd_of_caption(caption: str) -> Period | None:
    """The year to date that a caption's one quarter, month or day ends ("Children and Families Q3 2024/25
    dashboard": April to December 2024), for a YTD column that no period column stands before."""
    ends = {m.period.end for m in find_mentions(caption)
            if m.absolute and m.period.kind in ("quarter", "month", "as_at") and m.period.end is not None}
    return year_to_date(ends.pop()) if len(ends) == 1 else None


def mark_headings(lines: list[Line], settings: Settings = DEFAULT_SETTINGS) -> float:
    """Flag the lines set larger, or wholly bold, and short: the page's title and headings.
    Returns the body size."""
    body = body_size(lines)
    for ln in lines:
        words = len(ln.text.split())
        if not ln.text or words > settings.heading_max_words or ln.text.endswith((".", ",", ";")):
            continue
        larger = ln.size >= body * settings.heading_ratio and ln.size - body >= 1.0
        if (larger or ln.bold) and re.search(r"[A-Za-z]{2}", ln.text):
            ln.heading = True
    return body


def _prose(runs: list[Run]) -> bool:
    """Words of running text, not a table's cells: several words, mostly letters."""
    text = " ".join(r.text for r in runs)
    words = text.split()
    return len(words) >= 4 and sum(c.isalpha() for c in text) >= 0.6 * len(text.replace(" ", ""))


def split_columns(lines: list[Line], settings: Settings = DEFAULT_SETTINGS) -> list[Line]:
    """Lines of a page set in two columns, read column by column.

    A gutter is an x position where at least three lines split with a wide gap; each such line is
    cut in two there, and the cut pieces are read left column first, within each stretch of the
    page between full-width lines."""
    gaps: dict[int, int] = {}
    for ln in lines:
        for k, (a, b) in enumerate(zip(ln.runs, ln.runs[1:])):
            if b.x0 - a.x1 >= settings.column_gap * max(a.size, b.size) and \
                    _prose(ln.runs[:k + 1]) and _prose(ln.runs[k + 1:]):
                key = int((a.x1 + b.x0) / 2 // 20)
                gaps[key] = gaps.get(key, 0) + 1
    gutters = [k for k, c in gaps.items() if c >= 3]
    if not gutters:
        return lines
    key = max(gutters, key=lambda k: gaps[k])
    gx = (key + 0.5) * 20
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []

    def flush() -> None:
        out.extend(left)
        out.extend(right)
        left.clear()
        right.clear()

    for ln in lines:
        lr = [r for r in ln.runs if r.x1 <= gx + 10]
        rr = [r for r in ln.runs if r.x0 >= gx - 10 and r not in lr]
        spans = len(lr) + len(rr) < len(ln.runs)
        if spans or (not rr and ln.x1 > gx + 40):
            flush()
            out.append(ln)
            continue
        if lr:
            left.append(Line(lr, join_runs(lr), ln.heading, ln.block))
        if rr:
            right.append(Line(rr, join_runs(rr), ln.heading, ln.block))
    flush()
    return out


_LONE_FIGURE = re.compile(r"[£]?\d[\d,]*(?:\.\d+)?(?:%|[km]|bn)?")


def mark_blocks(lines: list[Line], settings: Settings = DEFAULT_SETTINGS) -> None:
    """Number the page's blocks on its lines (`Line.block`), once, for layout and context alike."""
    breaks = block_breaks(lines, settings)
    block = 0
    for k, ln in enumerate(lines):
        if k in breaks:
            block += 1
        ln.block = block


def starts_of_blocks(lines: list[Line]) -> set[int]:
    return {k for k in range(1, len(lines)) if lines[k].block != lines[k - 1].block}


def block_breaks(lines: list[Line], settings: Settings = DEFAULT_SETTINGS) -> set[int]:
    """Indices of lines that start a new block: after a wide vertical gap, a change of type size,
    a jump back up the page (a new column), or a heading (which is a block of its own)."""
    breaks: set[int] = set()
    for k in range(1, len(lines)):
        a, b = lines[k - 1], lines[k]
        gap = b.top - a.bottom
        # a sentence running on (no final stop, a lower-case start) is not cut by a wider gap
        runs_on = b.text[:1].islower() and not a.text.rstrip().endswith((".", "!", "?", ":", ";"))
        # a headline figure and the label set under it are one block ("89%" / "course utilisation")
        if _LONE_FIGURE.fullmatch(a.text) and not _LONE_FIGURE.fullmatch(b.text) and \
                0 <= gap < 2.5 * b.size and abs(a.x0 - b.x0) < 2 * b.size:
            continue
        if b.text[:1] in ("\u2022", "\ufffd"):  # a bullet, or one drawn with an unmapped glyph
            breaks.add(k)
            continue
        if (gap > settings.block_gap * max(a.size, b.size) and not runs_on) or gap < -a.size or \
                abs(a.size - b.size) >= 1.5 or a.heading != b.heading or b.heading or \
                abs(b.x0 - a.x0) > 12 * b.size:
            breaks.add(k)
    return breaks
