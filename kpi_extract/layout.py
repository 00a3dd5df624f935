"""Turn a page of normalised text into what the matchers read: text tables and sentences.

Extracted text keeps table rows as lines (`No of Children on Child 1301 851 988`) but loses
the cell borders, and it keeps prose as lines broken wherever the layout broke them. Tables are
found first, from a header line of periods (`Mar-15 Mar-16 Mar-17`); the remaining lines are
joined into paragraphs and cut into sentences, each remembering the lines it came from.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from .geometry import (POINT_HEAD, PROJECTED_CAPTION, GeoTable, area_name, calendar_year_named, cells_of,
                       find_tables as find_geo_tables, is_figure, starts_of_blocks)
from .model import Period
from .normalise import collapse
from .textgrid import spaced_blocks, spaced_cells
from .pagemodel import Line, Run
from .settings import DEFAULT_SETTINGS, Settings
from .periods import (MONTH_WORD, MONTHS, YTD_HEAD, as_at, calendar_year, end_of_month, caption_period, find_mentions, financial_year, financial_year_of,
                      fy_quarter, month, quarter, single_period, year_column, year_to_date_after, yearless_day)


@dataclass
class Sentence:
    text: str
    lines: list[int]  # page line index of each piece
    offsets: list[int]  # where each piece starts in `text`

    def line_at(self, offset: int) -> int:
        return self.lines[max(0, bisect.bisect_right(self.offsets, offset) - 1)]

    def line_start(self, offset: int) -> int:
        """Where the page line holding `offset` starts in `text`."""
        k = max(0, bisect.bisect_right(self.offsets, offset) - 1)
        while k > 0 and self.lines[k - 1] == self.lines[k]:
            k -= 1
        return self.offsets[k] if k else 0


@dataclass
class TableRow:
    label: str
    cells: list[str | None]  # None: "Not provided", "-", "n/a"
    lines: list[int]
    text: str  # the row as printed, for the snippet


@dataclass
class TextTable:
    header_line: int
    periods: list[Period | None]  # one per column; None for a comparator or target column
    rows: list[TableRow] = field(default_factory=list)
    agency: bool = False  # rows are partners and what each contributed
    # from the page's geometry: each column's kind (period, area, total, measure, comparator, code)
    # and header, the header as printed, and the table's caption
    kinds: list[str] | None = None
    names: list[str] | None = None
    header_text: str = ""
    caption: str = ""
    label_head: str = ""  # the header of the label column ("Looked after children", "Partner")

    @property
    def lines(self) -> set[int]:
        used = {self.header_line}
        for r in self.rows:
            used.update(r.lines)
        return used


@dataclass
class PageLayout:
    number: int
    lines: list[str]
    tables: list[TextTable]
    sentences: list[Sentence]
    geo: list[GeoTable] = field(default_factory=list)  # this page's tables from geometry, for a table the next page continues
    # where each line's cells sit, for a reader that needs a header's words over its columns: the PDF's lines with
    # their runs, or a text's lines as set out with spaces (None when the text was not)
    model_lines: list[Line] | None = None
    laid_out: list[str] | None = None

    def cells_at(self, i: int) -> list[tuple[float, float, str]] | None:
        """Line i's cells, each with where it starts and ends across the page (points in a PDF,
        characters in a text); None when the page keeps no positions."""
        if self.model_lines is not None:
            return [(c.x0, c.x1, c.text) for c in cells_of(self.model_lines[i])]
        if self.laid_out is not None:
            line = self.laid_out[i]
            start = len(line) - len(line.lstrip())
            cells = spaced_cells(line) or ([(start, line.strip())] if line.strip() else [])
            return [(float(s), float(s + len(t)), t) for s, t in cells]
        return None


# -- tables ---------------------------------------------------------------------------------

_EMPTY_CELL = re.compile(r"\b(?:not provided|not available|not applicable|no data|n/?a)\b|(?<!\S)[-*—](?!\S)", re.I)
# a cell: a figure, an empty cell, an arrow or caret of direction, a RAG word or letter
_CELL = re.compile(r"^(?:£?\d{1,3}(?:,\d{3})+(?:\.\d+)?|£?\d+(?:\.\d+)?)%?$|^[<>≤≥]=?\d+(?:\.\d+)?%?$|^\u2205$|^[↑↓→←↗↘▲▼^=]$|^(?-i:v|[RAGB]|AG|RA)$|"
                   r"^(?:green|amber|red)$", re.I)
# a scorecard's section line inside a table ("THEME 2: ASSESSMENT AND CHILDREN IN NEED")
_SECTION = re.compile(r"^(?=[^a-z]*$)[A-Z][A-Z0-9 :&,'()/-]{3,80}$")
# a row label's leading indicator code ("F3", "CSC12") and trailing polarity ("H", "L")
# (not a quarter's or a half's short name before its year: "Q1 2023/24", "H2 2024")
_ROW_CODE = re.compile(r"^(?!(?:Q[1-4]|H[12])\s+(?:FY\s?)?(?:(?:19|20)\d\d|\d\d\s?[/-]\s?\d\d)\b)[A-Z]{1,4}\d{1,3}[a-z]?\s+(?=\S)")
_POLARITY = re.compile(r"\s+(?:[HL]|\u2205)$")
_BARE_YEARS = re.compile(r"(?:(?:19|20)\d\d\s+){1,}(?:19|20)\d\d")
# words that head a column of figures that are not the area's own for a period
_COMPARATOR = re.compile(r"^(?:england|national|nationally|sn|statistical|neighbours?|regional|region|london|"
                         r"target|targets|average|benchmark|comparator|trend|change|dot|rag|rank|status|"
                         r"variance|difference|direction|polarity|good|is|£|\(£\)|%|\(%\))$", re.I)
_MERGE = {("statistical", "neighbours"), ("statistical", "neighbour"), ("england", "average"),
          ("national", "average"), ("sn", "average"), ("regional", "average"), ("good", "is")}
_MONEY_HEAD = re.compile(r"£|\b(?:contribut\w*|amount|funding|income|paid|cost|budget|value|gbp)\b", re.I)
# a column of each one's share ("Share", "% of total"), not of an amount or a count
SHARE_HEAD = re.compile(r"%|\bshare\b|\bper ?cent|\bproportion\b", re.I)
_AGENCY_HEADER = re.compile(r"^\s*(?:partner|agency|organisation|organization|contributor|funder|source|income|funding)s?\b",
                            re.I)


@dataclass
class Column:
    period: Period | None  # None: a column of figures that are not a period's (Target, England)
    name: str


def _quarter_year(context: list[str]) -> int | None:
    """The financial year a bare `Q1 Q2 Q3 Q4` header is about, from the lines above it."""
    for line in reversed(context):
        named = [m.period for m in find_mentions(line) if m.absolute and m.period.start]
        years = [p for p in named if p.kind == "financial_year"]
        if len(years) == 1:
            return years[0].start.year
        # "scorecard – Quarter 2 2024/25 (July – September 2024)": the year of the quarter it names
        quarters = {financial_year_of(p.start) for p in named if p.kind == "quarter"}
        if not years and len(quarters) == 1:
            return quarters.pop()
    return None


def _calendar_year_above(context: list[str]) -> int | None:
    """The calendar year the nearest line above a bare `Q1 Q2 Q3 Q4` header names, when it names no financial
    year: as a period ("calendar year 2024") or as the bare year it ends on ("Referrals by calendar quarter, 2024")."""
    return next((calendar_year_named(line) for line in reversed(context) if line.strip()), None)


# what every period a header can name begins with: a year, `15/16`, `Q1`, a quarter, a month
_PERIOD_HINT = re.compile(r"(?:19|20)\d\d|\b\d\d?[/-]\d\d\b|\bQ[1-4]\b|\bquarter\s*[1-4]\b|"
                          r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[-\s'/]*\d\d", re.I)


_TWO_DIGITS = re.compile(r"\d\D*\d")
# the stub of a header of plans: "Demand forecast | 2025/26 | 2026/27", "Targets 2025/26 2026/27"
_PLANNED_WORDS = (r"forecasts?|projected|projections?|predicted|modelled|targets?|trajector(?:y|ies)|milestones?|ambitions?|"
                  r"goals?|planned|stretch")
_PLANNED_LEAD = re.compile(rf"\b(?:{_PLANNED_WORDS})\b(?!.*\b(?:actuals?|outturn)\b)", re.I)
# a header's upper line of such words alone, over its periods ("Ambition by   Ambition by" over
# "March 2026   March 2028"): the columns are aims, not counts
_PLANNED_ABOVE = re.compile(rf"\s*(?:(?:{_PLANNED_WORDS})(?:\s+(?:by|for|to|at|in))?\s*)+", re.I)
# a header whose label column names others ("England (published)   Mar-23   Mar-24"): their figures
_OTHERS_LEAD = re.compile(r"\W*(?:england|national|(?:statistical|stat\.?|nearest) neighbours?|(?-i:SN)|regional|region|"
                          r"comparators?|benchmarks?)\b", re.I)


def _quarters_with_months(mentions: list, line: str) -> list:
    """A quarter of no year with its months in brackets after it ("Q1 (Apr-Jun 24)") is one column,
    the months' quarter: the brackets say which year's first quarter it is."""
    out = []
    k = 0
    while k < len(mentions):
        m = mentions[k]
        if m.quarter and not m.absolute and k + 1 < len(mentions) and (n := mentions[k + 1]).absolute \
                and n.period.kind == "quarter" and re.fullmatch(r"\s*\(\s*", line[m.end:n.start]) \
                and (close := re.match(r"\s*\)", line[n.end:])):
            out.append(replace(n, start=m.start, end=n.end + close.end()))
            k += 2
            continue
        out.append(m)
        k += 1
    return out


def _split_at_gaps(mentions: list, line: str) -> list:
    """A period read across a column gap ("2024/25   Q1", two cells of a header set out with
    pipes or wide spaces: the last year's outturn, then the first quarter of the caption's year)
    is the periods of its two sides, each read alone."""
    out = []
    for m in mentions:
        text = line[m.start:m.end]
        gap = _COLUMN_GAP.search(text)
        if gap is None:
            out.append(m)
            continue
        for part_start, part_end in ((m.start, m.start + gap.start()), (m.start + gap.end(), m.end)):
            out += [replace(n, start=n.start + part_start, end=n.end + part_start)
                    for n in find_mentions(line[part_start:part_end]) if n.absolute or n.quarter]
    return out


_COLUMN_GAP = re.compile(r"\s{3,}")
_SAID_OF_PERIOD = re.compile(r"\s*\((?:[A-Za-z]+\s?){1,2}\)")

# a header of months with no year ("Sep  Oct  Nov  Dec", "July August September Quarter 2"), whose year the
# caption above names: a financial year (April to March), a quarter of one, or a calendar year
_AFTER_MONTHS = r"Q[1-4]|Quarter\s*[1-4]|YTD|Year\s+to\s+date|Total|Year"  # the columns a header of months may end on
_BARE_MONTHS = re.compile(rf"(?P<months>(?:{MONTH_WORD})\.?(?:\s+(?:{MONTH_WORD})\.?){{1,11}})"
                          rf"(?P<rest>(?:\s+(?:{_AFTER_MONTHS}))*)")
_CALENDAR_YEAR = re.compile(r"(?<![\d/-])((?:19|20)\d\d)(?![\d/-])")
# the head of a table's label column, before its first month: words of no month and no figure ("Measure", "Indicator")
# (its gap to the months may be collapsed)
_LEAD_CELL = re.compile(rf"(?!(?:{MONTH_WORD})\b)[A-Za-z][^\d|.,;:]{{0,30}}?\s+(?=(?:{MONTH_WORD})\b)", re.I)


def _bare_month_columns(stripped: str, context: list[str]) -> list[Column] | None:
    """The months of a header that names no year, dated by the caption above; None if it names none."""
    m = _BARE_MONTHS.fullmatch(stripped)
    if not m and (lead := _LEAD_CELL.match(stripped)) is not None and len(lead.group(0).split()) <= 3 \
            and not _PLANNED_LEAD.search(lead.group(0)) and not _OTHERS_LEAD.match(lead.group(0)):
        m = _BARE_MONTHS.fullmatch(stripped, lead.end())  # ("Measure   April   May   June": the label column's head)
    if not m:
        return None
    # (a head that says each column is a point in time: "Month-end snapshot   Nov   Dec   Jan" is each month's last day)
    ends = m.start() > 0 and POINT_HEAD.search(stripped[:m.start()].strip()) is not None
    fy = _quarter_year(context)
    year = None
    day = None  # a meeting's day, when that is what names the year: each month the last such by it
    if fy is None:
        for line in reversed(context):
            years = set(_CALENDAR_YEAR.findall(line))
            if len(years) == 1:
                year = int(years.pop())
                named = [mn.period for mn in find_mentions(line) if mn.absolute]
                if len(named) == 1 and named[0].kind == "as_at" and named[0].end is not None:
                    day = named[0].end  # ("Meeting held 14 January 2025" over "Oct  Nov  Dec": 2024's)
                break
        if year is None:
            return None
    columns: list[Column] = []
    last = 0
    for name in m.group("months").split():
        mon = MONTHS[name.rstrip(".").lower()]
        if day is not None:
            at = day.year if mon <= day.month else day.year - 1
        elif fy is not None:
            at = fy if mon >= 4 else fy + 1
        else:
            year = year + 1 if mon < last else year  # "Oct Nov Dec Jan" runs into the next year
            at = year
        last = mon
        columns.append(Column(as_at(end_of_month(at, mon)) if ends else month(at, mon), name))  # type: ignore[arg-type]
    for word in re.findall(_AFTER_MONTHS, m.group("rest")):
        q = re.search(r"[1-4]", word)
        if q and fy is not None:
            columns.append(Column(fy_quarter(fy, int(q.group(0))), word))
        elif YTD_HEAD.fullmatch(word) and (ytd := year_to_date_after(columns[-1].period)):
            columns.append(Column(ytd, word))
        else:
            columns.append(Column(None, word))
    return columns


def header_columns(line: str, context: list[str] | None = None) -> list[Column] | None:
    """The columns of a table header line (`Mar-15 Mar-16 Mar-17`, `2015/16 2016/17 Target
    England`, `Q1 Q2 Q3 Q4 Year` under a caption naming the year), or None if it is not one.

    Words after the first period are columns of their own (`Target`, `England`); a period
    written after a comparator word (`England 2018/19`) is that comparator's column."""
    stripped = line.strip()
    if context and (months := _bare_month_columns(stripped, context)):
        return months
    if not _TWO_DIGITS.search(stripped):  # (two quarters, `Q1 Q2`, have two digits too)
        return None
    if len(_PERIOD_HINT.findall(stripped)) < 2:
        return None  # a header names two periods at least; most lines name none (cheap to see)
    if context and PROJECTED_CAPTION.search(context[-1]):
        return None  # ("Sufficiency modelling - projections at 31 March" over "2026  2027  2028")
    if _BARE_YEARS.fullmatch(stripped) or re.fullmatch(r"(?:[A-Za-z]+\s+){0,2}" + _BARE_YEARS.pattern, stripped):
        # a bare year heads that calendar year, or the day of it the caption names ("(at 31 March)")
        day = yearless_day(" ".join(context or []))
        return [Column(year_column(int(y), day), y) for y in re.findall(r"(?:19|20)\d\d", stripped)]
    mentions = _quarters_with_months(_split_at_gaps([m for m in find_mentions(stripped) if m.absolute or m.quarter],
                                                    stripped), stripped)
    if len(mentions) < 2:
        return None
    fy = _quarter_year(context or []) if any(not m.absolute for m in mentions) else None
    # (or of the calendar year the caption names, by itself or as its last word: "Referrals by calendar quarter, 2024")
    # (bare quarters alone: a quarter's months in brackets after it, "Q1 (Jan-Mar)", are read as the quarter's own)
    cal = _calendar_year_above(context or []) if fy is None and "(" not in stripped \
        and any(not m.absolute for m in mentions) else None
    if any(not m.absolute for m in mentions) and fy is None and cal is None:
        return None
    columns: list[Column] = []
    pos = mentions[0].start
    lead = stripped[:pos]
    if len(lead.split()) > 4 or re.search(r"\d", lead) or _PLANNED_LEAD.search(lead) or _OTHERS_LEAD.match(lead):
        return None  # (a table headed "Demand forecast | 2025/26 | 2026/27" holds no actuals)
    if context and _PLANNED_ABOVE.fullmatch(context[-1]):
        return None
    # "Measure outturn Apr-24 May-24 ...": the last year's outturn is a column, of the year the line
    # above names ("2023/24")
    outturn = re.search(r"\b(?:outturn|actual|actuals|baseline)\s*$", lead, re.I)
    if outturn:
        above = [m.period for line in (context or [])[-1:] for m in find_mentions(line)
                 if m.absolute and m.period.kind == "financial_year"]
        columns.append(Column(above[0] if above else None, outturn.group(0).strip()))
    words_pending: list[str] = []
    # a header set out in columns (pipes or wide spaces) keeps a heading of two words as one ("East Mids")
    words_of = (lambda text: [w for w in re.split(r"\s{2,}", text.strip()) if w]) if _COLUMN_GAP.search(stripped) \
        else str.split

    def flush_words() -> None:
        k = 0
        while k < len(words_pending):
            w = words_pending[k]
            if k + 1 < len(words_pending) and (w.lower(), words_pending[k + 1].lower()) in _MERGE:
                columns.append(Column(None, f"{w} {words_pending[k + 1]}"))
                k += 2
                continue
            if w.lower() == "year" and fy is not None:
                columns.append(Column(financial_year(fy), w))
            elif w.lower() == "year" and cal is not None:
                columns.append(Column(calendar_year(cal), w))
            elif w.lower() in ("ytd", "year-to-date") and columns and (ytd := year_to_date_after(columns[-1].period)):
                columns.append(Column(ytd, w))  # the year to the last month
            elif w not in ("(£)", "£", "(%)", "%"):
                if not _COMPARATOR.match(w) and any(len(word) > 12 for word in w.split()):
                    raise ValueError(w)  # a long word is prose, not a column heading
                columns.append(Column(None, w))
            k += 1
        words_pending.clear()

    try:
        for m in mentions:
            between = words_of(stripped[pos:m.start])
            words_pending.extend(between)
            comparator_year = bool(words_pending) and _COMPARATOR.match(words_pending[-1] or "")
            flush_words()
            if comparator_year and columns:
                columns[-1] = Column(None, f"{columns[-1].name} {stripped[m.start:m.end]}")
            elif m.absolute:
                columns.append(Column(m.period, stripped[m.start:m.end]))
            elif fy is not None:
                columns.append(Column(fy_quarter(fy, m.quarter), stripped[m.start:m.end]))  # type: ignore[arg-type]
            else:
                columns.append(Column(quarter(cal, m.quarter), stripped[m.start:m.end]))  # type: ignore[arg-type]
            pos = m.end
            # a word in brackets after a period says what its column is ("Q1 (actual)", "Q3 (forecast)"): no
            # column of its own, and a column of aims holds no period's figures
            if said := _SAID_OF_PERIOD.match(stripped, pos):
                name = f"{columns[-1].name} {said.group(0).strip()}"
                columns[-1] = Column(None if _PLANNED_LEAD.search(said.group(0)) else columns[-1].period, name)
                pos = said.end()
        words_pending.extend(words_of(stripped[pos:]))
        flush_words()
    except ValueError:
        return None
    # "Sep-24 Sep-24" under "... YTD ...": the second is the year to that month
    if context and YTD_HEAD.search(context[-1]):
        for k in range(1, len(columns)):
            here = columns[k].period
            if here is not None and here == columns[k - 1].period and (ytd := year_to_date_after(here)):
                columns[k] = Column(ytd, f"YTD {columns[k].name}")
    periods = [c.period for c in columns if c.period is not None]
    if len(periods) < 2 and not (len(periods) == 1 and len(columns) > 1):
        return None
    if len({(p.label, p.start) for p in periods}) != len(periods) or len(columns) > 12:
        return None
    return columns


_YEAR_WORD = re.compile(r"\(?(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?\)?")


# a caption's number before what it names: "Appendix B:", "Table 3 -", "Annex 2 –" (opening a header line too:
# "Table 3: Income 2024-25   £   Share")
CAPTION_NUMBER = re.compile(r"^\W*(?:appendix|annex|table|figure|chart|section|part)\s+[\w.]{1,4}\s*[:.\-\u2013\u2014]\s*",
                            re.I)


_AGENCY_HEAD_ALONE = re.compile(r"^\s*(?:income|funding|partners?|contributions?|partner contributions)\s*:?\s*$", re.I)


def agency_header(line: str, above: list[str] | None = None) -> list[Column] | None:
    """`Partner Contribution (£)` or `Partner 2021/22 2022/23 Change`: a table of who paid what (the
    caption's number may open the line: "Table 3: Income 2024-25   £   Share"); or a line of the head alone,
    "Income", under a caption that names pounds (`above`: "Table 3: Income and expenditure 2024/25 (£)")."""
    line = CAPTION_NUMBER.sub("", line)
    if not _AGENCY_HEADER.match(line):
        return None
    if not re.search(r"contribution|£|\d{4}", line, re.I) and not (
            _AGENCY_HEAD_ALONE.match(line) and any("£" in a for a in above or [])):
        return None
    cols = header_columns(line)
    if cols:
        return cols
    # each word after the first heads a column; a per cent sign or a year belongs to the word
    # before it ("Contribution £ Share %", "Contribution 2022-23 Share": sums, then shares)
    words: list[str] = []
    for w in line.split()[1:]:
        if w in ("(£)", "£"):
            continue
        if words and (w in ("%", "(%)") or _YEAR_WORD.fullmatch(w)):
            words[-1] += " " + w
        else:
            words.append(w)
    if not words:
        return [Column(None, "value")]
    if len(words) > 3:
        return [Column(None, "value")] * 3
    return [Column(single_period(w), w) for w in words]


def split_row(line: str, n: int, piped: bool = False) -> tuple[str, list[str | None]] | None:
    """Split `label v1 v2 v3` into the label and the last `n` cells; None if it is not such a row. A
    label that ends in a figure is one only in a row set out with pipes (`piped`), whose first cell it
    is ("Assessments completed within 45 | 86.2 | 88.9"); else the figure may be a cell too many."""
    marked = _EMPTY_CELL.sub(" \u2205 ", line)
    tokens = marked.split()
    cells: list[str | None] = []
    while tokens and _CELL.match(tokens[-1]) and len(cells) < n:
        tok = tokens.pop()
        cells.insert(0, tok if re.match(r"[£\d]", tok) else None)
    label_unit = len(tokens) >= 2 and tokens[-2].lower() == "per"  # "Rate per 10,000 36.3 37.6"
    if len(cells) != n or (tokens and _CELL.match(tokens[-1]) and re.match(r"[£\d]", tokens[-1]) and not label_unit
                           and not (piped and _PIPE_GAP.split(line.strip())[0].split() == tokens)):
        return None
    return " ".join(tokens), cells


_PIPE_GAP = re.compile(r"\s{3,}")  # where a pipe stood in a row set out with pipes, unpiped


def _wrapped_label(line: str) -> bool:
    """Could this line be the rest of a row's label? It holds one number at most, and not at its
    end ("45 working days (%)"); a line of figures is a row that could not be split, or prose."""
    tokens = line.split()
    figures = [k for k, t in enumerate(tokens) if re.fullmatch(r"[<>]?£?\d[\d,.]*%?", t)]
    return len(figures) <= 1 and not (figures and figures[0] == len(tokens) - 1)


def find_tables(lines: list[str], piped: set[int] | frozenset[int] = frozenset()) -> list[TextTable]:
    """Text tables: a header line of periods (or of partners and their contributions) and the
    rows below it, with one cell per column. A row set out with pipes (its line in `piped`) has
    its cells in its pipes, so a header set out otherwise ("Quarter 2 2024/25 scorecard (position
    at 30 September 2024)", a title over one row) is not its header.

    A label that wraps is found on a line of its own, either after its row (pdfplumber) or
    before its cells (PDFium); both are joined back to the row. A row may leave out the
    trailing comparator columns (`Target`, `England`) of its header.
    """
    tables = []
    i = 0
    while i < len(lines):
        columns = agency_header(lines[i], lines[max(0, i - 3):i])
        agency = columns is not None
        if not columns:
            columns = header_columns(lines[i], lines[max(0, i - 5):i])
        if not columns or (i + 1 in piped and i not in piped):
            i += 1
            continue
        n_periods = sum(1 for c in columns if c.period is not None)
        above = [t.strip() for t in lines[max(0, i - 2):i] if t.strip()]
        # what the header says before its first column: the label column's head ("Referrals   2022/23   2023/24")
        head = lines[i].strip()
        at = head.find(columns[0].name) if columns[0].name and not agency else -1
        table = TextTable(i, [c.period for c in columns], agency=agency,
                          names=[c.name for c in columns] if agency else None,
                          caption=above[-1] if above and not split_row(above[-1], len(columns)) else "",
                          label_head=head[:at].strip() if at > 0 else "")
        pending: list[tuple[int, str]] = []
        j = i + 1
        while j < len(lines):
            line = lines[j]
            row = split_row(line, len(columns), j in piped)
            if row is None and n_periods and n_periods < len(columns) and columns[0].period is not None:
                short = split_row(line, n_periods)
                row = (short[0], short[1] + [None] * (len(columns) - n_periods)) if short else None
            if row is not None:
                label, cells = row
                label = _POLARITY.sub("", _ROW_CODE.sub("", label))
                used = [j]
                if pending and not label:
                    label = " ".join(t for _, t in pending)
                    used = [k for k, _ in pending] + used
                elif pending and table.rows:
                    prev = table.rows[-1]
                    prev.label = " ".join([prev.label] + [t for _, t in pending])
                    prev.lines.extend(k for k, _ in pending)
                elif pending:
                    label = " ".join([t for _, t in pending] + [label])
                    used = [k for k, _ in pending] + used
                pending = []
                table.rows.append(TableRow(label, cells, used, line))
            elif j == i + 1 and line and len(line.split()) <= 3 and not re.search(r"\d", line):
                pass  # the header's second line ("outturn" under "2023/24")
            elif re.fullmatch(r"\s*[-=_\u2013\u2014]{5,}(?:[+|\s]+[-=_\u2013\u2014]+)*[+|]?\s*", line):
                pass  # a rule drawn with dashes under the header or at the table's end ("-----+-----+---" where it crosses the columns)
            elif not line.strip() and table.rows and j + 1 < len(lines) and (
                    _SECTION.match(lines[j + 1].strip()) or split_row(lines[j + 1], len(columns)) is not None):
                pass  # a blank line before the scorecard's next section, or between groups of rows
            elif _SECTION.match(line.strip()):
                if pending and table.rows:  # the last row's wrapped label, then a section of the scorecard
                    table.rows[-1].label += " " + " ".join(t for _, t in pending)
                    table.rows[-1].lines.extend(k for k, _ in pending)
                    pending = []
            elif len(line) <= 60 and len(pending) < 2 and line and _wrapped_label(line):
                pending.append((j, line))
            else:
                break
            j += 1
        if pending and table.rows and len(pending) == 1 and (pending[0][1].lstrip()[:1].islower() or agency):
            table.rows[-1].label += " " + pending[0][1]
            table.rows[-1].lines.append(pending[0][0])
        if table.rows:
            tables.append(table)
            i = max(table.lines) + 1
        else:
            i += 1
    return tables


# -- sentences ------------------------------------------------------------------------------

_ABBREV = r"(?<!\bc\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bNo\.)(?<!\bno\.)(?<!\bapprox\.)(?<!\bApprox\.)(?<!\bSt\.)(?<!\bMr\.)(?<!\bDr\.)(?<!\bvs\.)(?<!\bMrs\.)(?<!\bref\.)"
# the stop first, then the look-behinds for abbreviations: `re` scans for a leading character
# class fast, while a leading chain of look-behinds is tried at every position of the paragraph
_SENTENCE_END = re.compile(r"[.!?]" + _ABBREV + r"(?P<gap>[\"')\]]*\s+)(?=[\"'(\[]?[A-Z0-9\u2022£])")
# a numbered item "3 The board ...", "2.1 Referrals ..."; not a date split over the line end ("31 December 2023, ...")
# (or a pictograph or a geometric shape as its bullet: "▪ 512 children in care", "📌 23 adoptions")
_BULLET = re.compile(r"^(?:\u2022|[\u2023\u2043\u2192\u21d2\u25a0-\u25ff\u2600-\u27bf\U0001F300-\U0001FAFF]\ufe0f?\s|[-*]\s|\(?[ivx]{1,4}\)\s|\(?[a-z]\)\s|\d{1,2}(?:\.\d{1,2})*[.)]?\s+(?=[A-Z])"
                     rf"(?!(?:{MONTH_WORD})\b))")
# a line that ends on a word wanting what follows: the sentence runs on ("... for FY 2020/21 totalled" / "£318,000.")
_NO_BREAK_END = re.compile(r"(?:[,;\-(&]|\b(?:and|or|of|the|to|a|an|in|on|for|with|by|from|at|which|that|was|were|is|are|"
                           r"totall?ed|reached|numbered|received|delivered|recorded|spent|contributed|provided|included|"
                           r"including|comprised|made|gave|paid))$", re.I)


_DAY_AT_END = re.compile(r"(?<![\d.,/])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?$")
_MONTH_AT_START = re.compile(rf"(?:{MONTH_WORD})\b")


# an item of a list set out as "label – figure" or "label: figure", one to a line
_LABEL_VALUE_LINE = re.compile(r"^[A-Z][^.!?|]{2,80}?(?:\s(?:[-\u2013\u2014:]|\|)|\s{2,})\s*£?\d[\d,.]*%?\s*$"
                               # or a short label with no figure of its own, a space, its figure: a row of a
                               # table set out with spaces, once the spaces are closed up
                               r"|^[A-Z][^.!?|\d]{2,60}?\s(?!(?:19|20)\d\d\s*$)£?\d[\d,.]*%?\s*$")  # (not a title's year)


def _paragraph_break(prev: str, line: str, typical: int, in_bullet: bool) -> bool:
    """Does `line` start a new paragraph after `prev`? Lines that stop well short of the
    margin end a paragraph (or are headings) when the next line starts with a capital."""
    if not prev or not line:
        return True
    if _BULLET.match(line):
        return True
    if _MONTH_AT_START.match(line) and _DAY_AT_END.search(prev[-8:]):
        return False  # a date split over the line end: "At 31" / "March 2023 there were ..."
    # (or a label that opens on its unit: "% complete   52")
    starts_new = line[:1].isupper() or line[:1] in "\u2022£" or bool(re.match(r"%\s*[A-Za-z]", line))
    if prev.endswith((".", "!", "?", ":", "]", ")")) and starts_new:
        return True
    if starts_new and _LABEL_VALUE_LINE.match(prev):
        return True  # "Children subject to CP plans – 276" / "Children in need – 1,340": a list of items
    if _NO_BREAK_END.search(prev, len(prev) - 14):  # (anchored at the end: its tail)
        return False
    if not starts_new:
        # a figure opening a line under a short heading of no sentence's end ("Child protection - quarter 3
        # update" / "301 children were subject to ..."): the heading's line is its own
        return line[:1].isdigit() and len(prev) < 0.5 * max(typical, len(line)) and _HEADING_END.search(prev) is not None
    # (or a title that ends on a heading's word in lower case: "Bury Council - Cabinet, Greater Manchester update")
    return len(prev) < 0.75 * typical or in_bullet or _title_line(prev) or (
        (end := _HEADING_END.search(prev)) is not None and _title_line(prev[:end.start()]))


# the last word of a heading over a section ("... update", "... report", "... summary")
_HEADING_END = re.compile(r"\b(?:update|report|summary|overview|position|performance|dashboard|scorecard|highlights|"
                          r"headlines|key (?:data|figures)|at a glance)\s*$", re.I)


# a word of a title: capitalised, a figure, a connective or a dash ("Kent County Council - Children's Scrutiny")
_TITLE_WORD = re.compile(r"(?:(?-i:[A-Z])[\w'’&.,/()-]*|\d[\d/.,-]*|and|of|the|for|to|in|on|at|&|[-\u2013\u2014:|])$", re.I)


def _title_line(line: str) -> bool:
    """A line written as a title, every word capitalised but the connectives ("Kent County
    Council - Children's Scrutiny") and ending with no word wanting more: a heading, whatever its
    length, so the sentence below does not begin with it. (A letterhead over a one-sentence text is
    as long as the sentence: no length tells it.) Its dates still date the text below, as context."""
    words = line.split()
    capitals = sum(1 for w in words if w[:1].isupper())
    # (a meeting line set out in cells counts its words cell by cell: "Hull City Council | Children, Young People and
    # Family Services Overview and Scrutiny Commission | 7 March 2025")
    cells = [c.split() for c in line.split("|")] if " | " in line else [words]
    return capitals >= 2 and max(len(c) for c in cells) <= 14 and all(_TITLE_WORD.match(w) for w in words)


_LINE_END_HYPHEN = re.compile(r"[A-Za-z]-$")
_LINE_END_THOUSANDS = re.compile(r"(?<![\d,./\-])£?\d{1,3}(?:,\d{3})*,$")
_LINE_START_GROUP = re.compile(r"^\d{3}(?!\d|,\d|\.\d)")


def sentences(lines: list[str], skip: set[int] | None = None, breaks: set[int] | None = None) -> list[Sentence]:
    """Join the page's lines into paragraphs and cut those into sentences.

    `breaks` are lines that start a new block on the page (after a gap, a change of type, a
    heading): a sentence never crosses them. A word hyphenated over a line end, or a number
    whose thousands group went to the next line, is joined back here."""
    skip = skip or set()
    breaks = breaks or set()
    kept = [(i, ln) for i, ln in enumerate(lines) if i not in skip]
    lengths = sorted(len(ln) for _, ln in kept if ln)
    typical = lengths[int(0.75 * (len(lengths) - 1))] if lengths else 80
    typical = max(typical, 40)

    paragraphs: list[list[tuple[int, str]]] = []
    prev_index, prev_text = -2, ""
    in_bullet = False  # the last paragraph starts with a bullet
    for i, ln in kept:
        if not ln:
            prev_index, prev_text = i, ""
            continue
        if paragraphs and prev_index == i - 1 and i not in breaks and \
                not _paragraph_break(prev_text, ln, typical, in_bullet):
            paragraphs[-1].append((i, ln))
        else:
            paragraphs.append([(i, ln)])
            in_bullet = bool(_BULLET.match(ln))
        prev_index, prev_text = i, ln

    out: list[Sentence] = []
    for para in paragraphs:
        text, line_idx, offs = "", [], []
        for i, ln in para:
            if text:
                # (only the paragraph's tail is looked at: it grows line by line)
                if _LINE_END_HYPHEN.search(text, len(text) - 2) and ln[:1].islower():
                    text = text[:-1]
                elif not (text.endswith(",") and _LINE_END_THOUSANDS.search(text, max(0, len(text) - 64))
                          and _LINE_START_GROUP.match(ln)):
                    text += " "
            line_idx.append(i)
            offs.append(len(text))
            text += ln
        start = 0
        for m in list(_SENTENCE_END.finditer(text)) + [None]:
            end = m.start("gap") + len(m.group("gap").rstrip()) if m else len(text)
            cut_end = m.end() if m else len(text)
            piece = text[start:end].strip()
            if piece:
                lead = start + (len(text[start:end]) - len(text[start:end].lstrip()))
                pl, po = [], []
                # the lines the sentence overlaps: offsets are ascending, so two bisections find them
                bounds = offs[1:] + [len(text) + 1]
                for k in range(bisect.bisect_right(bounds, lead), bisect.bisect_left(offs, end)):
                    pl.append(line_idx[k])
                    po.append(max(0, offs[k] - lead))
                out.append(Sentence(piece, pl or [line_idx[0]], po or [0]))
            start = cut_end
    return out


# a label column of a programme's schemes or projects: what money is spent on, never who paid it
_SCHEMES_HEAD = re.compile(r"\s*(?:capital\s+)?(?:schemes?|projects?|programmes?|capital(?: programme)?|works|"
                           r"investment|asset|site)s?\b", re.I)


_SPENT = re.compile(r"expenditure|\bspend|\bcosts?\b|outturn", re.I)
_INCOME_AND_SPEND = re.compile(r"\bincome and (?:expenditure|spend(?:ing)?)\b", re.I)
# a row that sums what partners paid in: "Total contributions", "Total partner contributions"
CONTRIBUTIONS_TOTAL_ROW = re.compile(r"^\W*total (?:partner )?contributions?\b", re.I)
_PAID_IN_CAPTION = re.compile(r"\b(?:contributions?|contributed|funding from|income from)\b", re.I)
_PARTNER_ROW = re.compile(r"\b(?:police|constabulary|ICB|NHS|council|probation|integrated care|commissioner)\b", re.I)
_PARTNERSHIP_ROW = re.compile(r"\b(?:(?-i:[A-Z]*SCPs?|LSCBs?|SCBs?)|partnerships?|boards?|median|average|mean)\b", re.I)
_INCOME_SECTION = re.compile(r"(?:income|funding|(?:partner )?contributions)\s*:?", re.I)


def _from_geometry(t: GeoTable, lines: list[str]) -> TextTable:
    """A table read from the page's geometry, in the form the table matcher reads: cells that
    are not figures (`n/a`, `-`, RAG words) are empty."""
    header_line = min(t.header_lines) if t.header_lines else min(t.lines)
    rows = [TableRow(r.label, [c if c and is_figure(c) else None for c in r.cells], r.lines, r.text) for r in t.rows]
    kinds = [c.kind for c in t.columns]
    # who paid what: the label column is headed Partner/Agency, or the table is one of money whose
    # caption or headers speak of contributions, income or funding (not of spending)
    words = " ".join([t.caption, t.label_head] + [c.header for c in t.columns])
    money = bool(rows) and (all((c or "").startswith("£") for r in rows for c in r.cells if c) or
                            all("£" in c.header for c in t.columns))
    # (a table of partners with a column of a count, "Agency | Delegates | Share", breaks down that
    # count by partner: no one paid anything)
    counted = not money and not any(_MONEY_HEAD.search(c.header or "") for c in t.columns) \
        and any(c.kind == "measure" and c.header and not SHARE_HEAD.search(c.header) for c in t.columns)
    # a table of income and expenditure whose rows here are its income, under a line of the one word ("Table 4: Income
    # and expenditure 2024/25   £" over "Income" over "St Helens Borough Council   148,500"): that line heads its
    # section, no part of the first partner's name, and the rows are who paid in
    section = _INCOME_SECTION.fullmatch(lines[rows[0].lines[0]].strip()) if rows and len(rows[0].lines) > 1 else None
    if section and money and not counted:
        rows[0] = replace(rows[0], label=rows[0].label.strip()[len(section.group(0)):].strip(), lines=rows[0].lines[1:])
        words = " ".join([t.label_head] + [c.header for c in t.columns] + ["income"])
    # (a table headed "Income and expenditure" whose rows here are only its income, the spending set out in a
    # table of its own below, is who paid in)
    if not any(_SPENT.search(r.label) for r in rows):
        words = _INCOME_AND_SPEND.sub("income", words)
    agency = (bool(_AGENCY_HEADER.match(t.label_head or "")) and not counted) or (
        money and all(k in ("measure", "period", "unknown", "total") for k in kinds) and
        bool(re.search(r"contribut|partner|agenc|\bincome\b|\bfunding\b", words, re.I)) and
        not _SPENT.search(words) and
        not _SCHEMES_HEAD.match(t.label_head or ""))  # "Scheme | 2025/26 £000": a capital programme's lines
    # a list under a caption of what partners paid in ("Table 4: Partner contributions 2024/25" over "Ealing Council
    # £214,000"), its rows partners and none a partnership paid or compared ("Westshire SCP £104,000")
    agency = agency or (money and kinds == ["captioned"] and (bool(_PAID_IN_CAPTION.search(t.caption or ""))
                                                             or any(CONTRIBUTIONS_TOTAL_ROW.search(r.label) for r in rows))
                        and not _SPENT.search(t.caption or "")
                        and any(_PARTNER_ROW.search(r.label) for r in rows)
                        and not any(_PARTNERSHIP_ROW.search(r.label) for r in rows))
    header = " | ".join(c.header for c in t.columns if c.header) or (lines[header_line] if t.header_lines else "")
    # a table's own date ("Table 1: ... at 31 March 2021", a label column headed "2021/22") dates the
    # columns that are not periods themselves
    own = single_period(t.label_head) or caption_period(t.caption) or _note_date(lines, max(t.lines))
    periods = [c.period if c.kind == "period" else
               (c.period or own) if c.kind in ("area", "total", "measure", "captioned") else None for c in t.columns]
    names = [(area_name(c.header) or c.header) if c.kind == "area" else c.header for c in t.columns]
    return TextTable(header_line, periods, rows, agency, kinds, names,
                     " ".join(x for x in (t.label_head, header) if x), t.caption, t.label_head)


# a note set under a table: "Source: case management system, snapshot 31/03/2024", "Note: figures at 31 March"
# (or a bracket of its own that opens on the day: "(as at 30/09/2021; caseload ceiling 18 per worker)")
# ("Figures are the partner contributions agreed for 2024/25", "All figures are for the quarter")
NOTE_LINE = re.compile(r"^\W*(?:sources?|notes?|data|figures|snapshot|position)\b\s*(?:\d{1,2}\s*)?(?:[:.,(-]|as at|at|taken)|^\s*\(\s*as (?:at|of)\b|"
                       r"^\W*(?:all\s+)?(?:figures|data|numbers)\s+(?:are|were|shown|given|relate|cover)\b", re.I)


def _note_date(lines: list[str], last: int) -> Period | None:
    """The one date of a note straight under a table (its source, its snapshot), which dates it as
    its caption would."""
    for k in range(last + 1, min(last + 3, len(lines))):
        if lines[k].strip():
            if not NOTE_LINE.match(lines[k]):
                return None
            # (of two dates, the one the figures are at: "extracted 3 January 2025; position at 31 December 2024")
            at = _FIGURES_AT.search(lines[k])
            return single_period(lines[k]) or (single_period(at.group(1)) if at else None)
    return None


_FIGURES_AT = re.compile(r"\b(?:position|figures|data|snapshot)\s+(?:as\s+)?(?:at|of)\s+([^;,.()]{4,30})", re.I)


# (a cell may touch its pipe on one side: "|      (20)|   (1.7)")
_PIPES = re.compile(r"\s+\|\s+|(?<=\S)\|\s+|\s+\|(?=\S)")
_FIGURE_CELL = re.compile(r"\|\s*[£<>]?\d")  # a row's cell that holds a figure (not a header's "| Q1")
_PIPE_ROW = re.compile(r"\S\s+\|\s+\S|^\s*\|\s*\S")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")


def is_piped(line: str) -> bool:
    """Is the line a row set out with pipes ("Children looked after | 78.1 | 81.4")?"""
    return line.count(" | ") >= 2


_OUTER_PIPE = re.compile(r"^(\s*)\|\s?|\s?\|\s*$")


def unpiped(line: str) -> str:
    """A row set out with pipes as one set out with spaces (the pipes that open and close a row
    written as markdown, "| Adults | 106.27 |", as well)."""
    return _PIPES.sub("   ", _OUTER_PIPE.sub(lambda m: m.group(1) or "", line)) if is_piped(line) else line


# the rest of a row's label, run on under it: "(at 31 March)", "(%)", "and young people"
# (or a rate's base, all that wrapped of "Children in care rate per" / "10,000"; or an initialism and words in
# lower case, "Children becoming subject to a" / "CP plan")
_LABEL_WRAP = re.compile(r"\s*[(a-z](?!.*\b(?:19|20)\d\d\b)[^|]*$|\s*(?:10,?000|1,?000|100,?000)(?:\s+[a-z][^|\d]*)?\s*$|"
                         r"\s*(?-i:[A-Z]{2,5})\s+(?-i:[a-z])[^|\d]*$|"
                         # (or a count of days or months and their words: "Assessments completed within" / "45 working
                         # days (%)")
                         r"\s*\d{1,3}\s+(?-i:[a-z])[^|\d]*$")


_WRAP_ON = re.compile(r"\s*[a-z(]")  # the rest of a label, run on
_RULE_LINE = re.compile(r"^\s*[-=_\u2013\u2014]{3,}[-=_\u2013\u2014\s]*$")


def pipe_lines(lines: list[str], avoid: list[set[int]] | None = None) -> tuple[list[Line], set[int]] | None:
    """A page's lines laid out as the page model of a drawn table, for a text set out with pipes
    ("Children in care | 702 | 488") or with spaces (`textgrid`): each cell a run in its column, so
    that a block of two or more such lines is read as geometry reads a table (typed headers, a label
    column's own period, a row of one figure), not as prose. Returns the lines and which of them are
    rows; None when no block of rows is on the page. A block set out with spaces that the text tables
    read (`avoid`, the lines of each: a header of periods over rows) is left to them, as `_read_whole`
    says: they read such a table better more often than not."""
    rules = {i for i, ln in enumerate(lines) if _PIPE_RULE.match(ln)}  # "|------|------|": inside a block, no row
    rows = [bool(_PIPE_ROW.search(ln)) or i in rules for i, ln in enumerate(lines)]
    # the rest of a row's label run on under it, between two rows ("A3  Referral rate per 10,000 | 553.1 | ..." over
    # "(rolling 12 months)" over "A4 ..."): a line of the block, its label cell alone, not the block's end; and a
    # scorecard's section line between its rows, or between its header and its first row ("FRONT DOOR", "CHILDREN IN
    # CARE"), no row and no end of the table either: it is kept as a rule is. (A section may follow a wrapped label:
    # "45 working days" / "CHILDREN IN NEED" between two rows.)
    wraps: set[int] = set()
    unprinted: set[int] = set()
    i = 1
    while i < len(lines) - 1:
        if rows[i] or not rows[i - 1]:
            i += 1
            continue
        run = []
        k = i
        while k < len(lines) and not rows[k] and len(run) < 3 and lines[k].strip() and "|" not in lines[k] and (
                _SECTION.match(lines[k].strip()) or _LABEL_WRAP.match(lines[k])):
            run.append(k)
            k += 1
        sections = [j for j in run if _SECTION.match(lines[j].strip())]
        if run and k < len(lines) and rows[k] and len(sections) <= 1 and (len(run) == 1 or sections):
            # (under the header, a section is read over as a rule is; between rows, as a line of no print)
            (rules if not _FIGURE_CELL.search(lines[i - 1]) else unprinted).update(sections)
            wraps |= set(run) - set(sections)
        i = k + 1 if run else i + 1
    rows = [r or i in wraps or i in rules or i in unprinted for i, r in enumerate(rows)]
    blocks: list[list[int]] = []
    for i, is_row in enumerate(rows):
        if is_row and blocks and blocks[-1][-1] == i - 1:
            blocks[-1].append(i)
        elif is_row:
            blocks.append([i])
    blocks = [b for b in blocks if len(b) >= 2]
    spaced = [list(span) for span in spaced_blocks(lines) if not any(rows[i] for i in span)
              and not _read_whole(lines, span, avoid or [])]
    if not blocks and not spaced:
        return None
    size, char = 10.0, 5.0
    # a line over a block of pipe rows is its caption or header, never a label wrapped up from its
    # first row (a pipe row holds its whole label): a little space is set before each block
    starts = {b[0] for b in blocks + spaced}
    # (and a line straight after a block of pipe rows that is none, a footnote, "* Latest = position at 28 February
    # 2017.", is set apart from it as the block is from its caption)
    starts |= {b[-1] + 1 for b in blocks if b[-1] + 1 < len(lines) and b[-1] + 1 not in starts
               and not _LABEL_WRAP.match(lines[b[-1] + 1]) and not lines[b[-1] + 1].lstrip().startswith("(")}
    # a label wrapped over two lines of a table set out with spaces, its figures on the second ("Children in
    # care per 10,000" over "children aged 0-17   57.1   58.4"), is set close, as one row's lines are
    glued = {i + 1 for b in spaced for i in b if i + 1 in b and spaced_cells(lines[i]) is None
             and _WRAP_ON.match(lines[i + 1])}
    tops, offset = [], 0.0
    for i in range(len(lines)):
        offset += 9.0 if i in starts else (-8.0 if i in glued else 0.0)
        tops.append(60 + 14 * i + offset)
    runs: dict[int, list[Run]] = {}
    for block in blocks:
        # a leading pipe leaves the label cell empty ("| 31 Mar 2022 | 31 Mar 2023" heads the figures)
        block = [i for i in block if i not in rules and i not in unprinted]
        if not block:
            continue
        split = {i: [c.strip() for c in lines[i].strip().rstrip("|").split("|")] for i in block if i not in wraps}
        ncols = max(len(c) for c in split.values())
        widths = [max((len(c[k]) for c in split.values() if k < len(c)), default=1) * char for k in range(ncols)]
        right = [40 + widths[0]]
        for k in range(1, ncols):
            right.append(right[-1] + 30 + widths[k])  # figures and headers set right, as in a drawn table
        for i, cells in split.items():
            top = tops[i]
            out = []
            for k, cell in enumerate(cells):
                if not cell:
                    continue
                x0, x1 = (40, 40 + len(cell) * char) if k == 0 else (right[k] - len(cell) * char, right[k])
                out.append(Run(cell, x0, top, x1, top + size, size, False))
            runs[i] = out
        for i in block:  # (a wrapped label sits in the label column, set close under its row)
            if i in wraps:
                runs[i] = [Run(lines[i].strip(), 40, tops[i], 40 + len(lines[i].strip()) * char, tops[i] + size, size, False)]
    # a rule of dashes is kept as a blank line, so that it neither parts a header from its rows nor is read
    ruled = rules | {i for b in spaced for i in b if _RULE_LINE.match(lines[i])}
    for block in spaced:  # a monospaced text: each cell starts at its column's character
        for i in block:
            if i in ruled:
                continue
            cells = spaced_cells(lines[i]) or [(len(lines[i]) - len(lines[i].lstrip()), lines[i].strip())]
            runs[i] = [Run(t, 40 + at * char, tops[i], 40 + (at + len(t)) * char, tops[i] + size, size, False)
                       for at, t in cells]
    # a blank line between two rows of a table set out with spaces (a text that double-spaces its rows) is no
    # line of print: geometry reads on over it, as over the gap between two rows of a drawn table
    between = {i for b in spaced for i in b if not lines[i].strip()} | unprinted
    model = []
    for i, ln in enumerate(lines):
        top = tops[i]
        if i in between:
            model.append(Line([Run("", 40, top, 40, top + size, size, False)], ""))
            continue
        shown = " " if i in ruled else ln.strip() or " "
        line_runs = runs.get(i) or [Run(shown, 40, top, 40 + max(1, len(shown.strip())) * char, top + size, size, False)]
        model.append(Line(line_runs, " ".join(r.text for r in line_runs)))
    return model, {i for b in blocks + spaced for i in b}


def _read_whole(lines: list[str], span: range, avoid: list[set[int]]) -> bool:
    """Is the block the text tables' (`avoid`: the lines of each)? It is when one of them reaches
    beyond it (a table whose sections blank lines part, under one header), or when they read every
    line of figures in it; a table they read only in part, within the block (a header of two lines,
    a label wrapped under a row), they read wrongly."""
    inside = set(span)
    touching = [t for t in avoid if t & inside]
    if any(t - inside for t in touching):
        return True
    figured = [i for i in span if any(ch.isdigit() for ch in lines[i])]
    read = set().union(*touching) if touching else set()
    return bool(figured) and all(i in read for i in figured)


def _claimed(g: GeoTable, table: TextTable) -> set[int]:
    """The lines a table takes from the text readers: all of them, except a headerless list under
    a caption, which is read as the caption's parts only when the caption names a KPI (the table
    matcher's call), and else stays for the readers of text; a list of partners and sums under a
    caption of contributions ("Table 4: Partner contributions 2024/25" over "Ealing Council   £214,000") is
    a partner table's, all of it."""
    return set() if [c.kind for c in g.columns] == ["captioned"] and not table.agency else g.lines


def layout_page(number: int, text: str, model_lines: list[Line] | None = None, carry: GeoTable | None = None,
                settings: Settings | None = None) -> PageLayout:
    """Tables and sentences of a page. With the page's model lines, tables come from the
    geometry (columns, wrapped labels, typed headers) and sentences stop at block breaks;
    the text-table reading still runs on the lines no geometric table took."""
    laid_out = text.split("\n")  # (a table set out with spaces keeps them: its columns)
    spaced = "  " in text
    lines = [collapse(ln) for ln in laid_out] if spaced else laid_out
    as_text = [unpiped(ln) for ln in lines]  # what the text tables read: a row set out with pipes is one set out with spaces
    piped_rows = {i for i, ln in enumerate(lines) if is_piped(ln)}
    # the text tables of the whole page, read first where they decide which spaced blocks are theirs
    text_tables = find_tables(as_text, piped_rows) if model_lines is None and spaced else None
    used: set[int] = set()
    tables: list[TextTable] = []
    geo: list[GeoTable] = []
    breaks: set[int] | None = None
    if model_lines is not None and len(model_lines) == len(lines):
        settings = settings or DEFAULT_SETTINGS
        geo = find_geo_tables(model_lines, settings, carry)
        for g in geo:
            tables.append(_from_geometry(g, lines))
            used |= _claimed(g, tables[-1])
        breaks = starts_of_blocks(model_lines)
    elif model_lines is None and ("|" in text or spaced) and (piped := pipe_lines(
            laid_out, [t.lines for t in text_tables or []])) is not None:
        # a text set out with pipes: its tables as geometry reads them, the rest as text
        laid, rows = piped
        for g in find_geo_tables(laid, settings or DEFAULT_SETTINGS, None):
            # (a row's label may wrap onto a line of its own under it: "Child protection plans, rate per
            # 10,000 | 46.1 | 48.8" over "(at 31 March)"; not a new label, nor a dated line under the table)
            if g.lines <= rows or (g.lines & rows and all(i - 1 in g.lines and _LABEL_WRAP.match(lines[i])
                                                          for i in g.lines - rows)):
                tables.append(_from_geometry(g, lines))
                used |= _claimed(g, tables[-1])
    # also on a model page: a row drawn as one run of text is a table geometry cannot split (read again
    # only when a geometric table took some lines: else the page's text tables are those read above)
    if text_tables is None or used:
        text_tables = find_tables([("" if i in used else ln) for i, ln in enumerate(as_text)], piped_rows)
    for t in text_tables:
        tables.append(t)
        used |= t.lines
    return PageLayout(number, lines, tables, sentences(lines, used | contents_lines(lines), breaks), geo,
                      model_lines if model_lines is not None and len(model_lines) == len(lines) else None,
                      laid_out if spaced and model_lines is None else None)


_CONTENTS_HEAD = re.compile(r"^\s*(?:table of\s+)?contents\s*:?\s*$|^\s*index\s*$", re.I)
_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d{1,3}\s*$")  # "Children in care .......... 12"
_PAGE_AT_END = re.compile(r"(?:\s|\|)\d{1,3}\s*$")


def contents_lines(lines: list[str]) -> set[int]:
    """A list of contents: titles with their page numbers, never figures. Lines with dot
    leaders anywhere, and under a "Contents" heading the lines that end on a page number, up to
    a blank line."""
    out = {i for i, ln in enumerate(lines) if _LEADER.search(ln)}
    for i, ln in enumerate(lines):
        if _CONTENTS_HEAD.match(ln):
            for k in range(i + 1, len(lines)):
                if not lines[k].strip():
                    break
                if _PAGE_AT_END.search(lines[k]):
                    out.add(k)
    return out
