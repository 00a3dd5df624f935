"""Finance tables: each service's or directorate's own budget, from a table of money by row.

Cabinet budget reports and finance monitoring reports set their budgets out as tables in £m or
£000, one row per directorate or service, with a column of budget beside columns that are never
a budget (inflation, growth, pressures, savings, forecast outturn, variance):

    Table 2: Net budget by directorate (£m)
    Directorate            2024/25 budget  Growth  Savings  2025/26 budget
    Children and Families  192.1           22.8    (6.9)    214.1
    Total                  578.0           41.2    (16.8)   602.4

Each budget column's cell is that row's `budget_total` (spec/kpis.md: "a service's or
directorate's (naming it in `subject`)"), scaled by the table's unit; the total row is the body's
own budget, with no subject. Rows that are no service (savings, reserves, contingency, corporate
and central items, grants, income) are skipped, and a table whose unit is not stated is not read:
a bare 192.1 could be anything.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..layout import PageLayout, is_piped, unpiped
from ..library import Library
from ..model import Candidate
from ..periods import find_mentions, single_period
from ..settings import DEFAULT_SETTINGS, Settings
from ..values import GROWTH_LINE
from .table import MONEY_SCALE as _UNIT, money_cell as _money, money_unit as _unit_of, row_snippet

# the words that head a finance table's columns; two-word heads are one column
_HEADS = ("variance %", "variance (%)", "% variance", "full year budget", "annual budget", "latest budget",
          "working budget", "controllable budget", "revised budget", "original budget", "net budget", "current budget", "approved budget", "base budget",
          "gross budget", "forecast outturn", "projected outturn", "forecast variance", "projected variance",
          "spend to date", "actual to date", "budget", "outturn", "forecast", "variance", "actual", "actuals",
          "inflation", "pressures", "pressure", "growth", "savings", "saving", "change", "movement", "estimate",
          "estimates", "spend", "expenditure", "income", "%")
_YEAR = r"(?:19|20)\d\d[/-]\d\d(?:\d\d)?"
# (or what was spent up to a day the head names: "Actual to 30 June", "Spend to end of September")
_ONE_HEAD = r"(?:(?:actuals?|spend|spent|expenditure)\s+to\s+(?:the\s+)?(?:end\s+(?:of\s+)?)?(?:\d{1,2}\s+)?[A-Za-z]{3,9}\.?" \
    r"(?:\s+\d{4})?(?!\w)|" + "|".join(re.escape(h) for h in _HEADS) + r")(?!\w)"
# ("Pressures and growth" heads one column; in "Savings 2026/27 budget" the year is the budget's)
# ("Q1 variance", "P6 forecast": the quarter, month or period a column was reported at, before its head)
_HEAD = re.compile(rf"(?:{_YEAR}\s+|(?:Q|M|P)\d{{1,2}}\s+)?{_ONE_HEAD}(?:\s+(?:and|&)\s+{_ONE_HEAD})?(?:\s+{_YEAR}(?!\s+(?:\w+\s+)?budget\b))?"
                   # ("Variance M7", "Forecast P6", "Variance Month 5", "Outturn Q2": the month or quarter reported at)
                   r"(?:\s+(?:at\s+)?(?:M|P|Q|Month\s|Period\s)\d{1,2}(?!\w))?"
                   r"(?:\s*\(?£\s?(?:m|000|'000|k)\)?(?!\w))?|" + _YEAR, re.I)
# what heads the label column
_LABEL_HEAD = re.compile(r"^(?:directorate|service(?: area)?|portfolio|department|division|area|budget area|"
                         r"service line|cabinet portfolio|description|item)s?\b", re.I)
# a budget column: a budget, not its change
_BUDGET_COLUMN = re.compile(r"\bbudget\b", re.I)
# a cell of money: 192.1, 78,412, (4.1) for minus 4.1, - for nothing
# (a change may say its sign: "+9.4")
_CELL = re.compile(r"^(?:\(?[-+]?£?\d{1,3}(?:,\d{3})*(?:\.\d+)?\)?|[-+]?£?\d+(?:\.\d+)?|[-\u2013\u2014]|n/a)$", re.I)
# rows that are no service's or directorate's: finance lines and the council's central items
_NOT_A_SERVICE = re.compile(r"\b(?:corporate (?:items|costs|budgets|and (?:central|technical))|central(?:ly)? "
                            r"(?:controlled|held|items|budgets|costs)|technical|contingenc\w*|reserves?|capital financing|"
                            r"financing|levies|levy|treasury|grants?|income|savings?|pressures?|"
                            + GROWTH_LINE + r"|inflation|"
                            r"council tax|business rates|funding|(?<!non-)DSG|schools block|high needs|interest|"
                            r"minimum revenue provision|MRP|transfers?|gaps?|shortfalls?|deficits?|surplus(?:es)?)\b", re.I)
_TOTAL = re.compile(r"^(?:(?:grand |overall |net )?total(?: operational)?(?: net)?(?: revenue)?(?: budget| expenditure| spending|"
                    r" net budget| general fund)?|"
                    r"(?:net )?general fund(?: total| budget| revenue budget)?|"
                    r"net revenue budget|net budget(?: requirement)?|budget requirement|total net budget)$", re.I)


# the sum of the directorates before the council's central items: neither one service nor the body's budget
# (under a label column of directorates: "Directorate total" under "Service area" is the directorate's)
_SUBTOTAL = re.compile(r"^(?:(?:sub-?)?total\s+(?:for\s+)?(?:all\s+)?(?P<a>directorate|service|portfolio|department)s?"
                       r"(?:\s+budgets?)?|(?P<b>directorate|service|portfolio|department)s?\s+(?:sub-?)?total)$", re.I)
_INCLUDING = re.compile(r"\s*\((?:incl\.?|including|includes)\s[^()]*\)", re.I)
_CAPITAL = re.compile(r"\bcapital\b(?!\s+financ)", re.I)


def _columns(header: str) -> tuple[str, list[str]] | None:
    """The label column's head and the columns' names, or None when the line heads no finance table."""
    head = _LABEL_HEAD.match(header.strip())  # (a label column may have no head at all)
    rest = header.strip()[head.end():] if head else header.strip()
    names = [m.group(0) for m in _HEAD.finditer(rest)]
    if len(names) < 2 or not any(_BUDGET_COLUMN.search(n) for n in names):
        return None
    if _UNIT.sub("", _HEAD.sub("", rest)).strip(" ()'"):
        return None  # words the heads do not account for: prose, or a table of another kind
    return (head.group(0) if head else ""), names


_YEAR_HEAD = re.compile(_YEAR)


def _stacked(lines: list[str], i: int) -> tuple[list[str], int] | None:
    """A header set over two or three lines ("2024/25 Growth Savings Other 2025/26" / "budget changes
    budget" / "£m £m £m £m £m"): the first line's words are the columns, and its years are budget
    columns when the line under it says "budget" once for each of them, or, a word under each year
    ("Budget Indicative Indicative"), those it says "budget" under. Returns the columns and the last
    line of the header."""
    line = lines[i].strip()
    if (head := _LABEL_HEAD.match(line)) is not None:
        line = line[head.end():]  # (the label column's head on the first line: "Portfolio  2024/25  Growth ...")
    top = line.split()
    years = [t for t in top if _YEAR_HEAD.fullmatch(t)]
    if not years or len(top) < 2 or any(re.search(r"\d", t) for t in top if not _YEAR_HEAD.fullmatch(t)):
        return None
    if i + 1 >= len(lines) or re.search(r"\d", lines[i + 1]):
        return None
    under = lines[i + 1].split()
    if len(years) == len(top) == len(under) and any(w.lower() == "budget" for w in under):
        # one word under each year ("2026/27 2027/28" over "Budget Indicative"): only the budget's year is one
        names = [f"{t} {w}" for t, w in zip(top, under)]
    elif len(top) >= 3 and len(re.findall(r"\bbudget\b", lines[i + 1], re.I)) == len(years):
        names = [f"{t} budget" if _YEAR_HEAD.fullmatch(t) else t for t in top]
    else:
        return None
    end = i + 1
    if end + 1 < len(lines) and _units_line(lines[end + 1]):
        end += 1
    return names, end


def _units_line(line: str) -> bool:
    """A header's line of units alone, one under each column: "£m £m £m", "£000 £000"."""
    units = line.split()
    return bool(units) and all(_UNIT.fullmatch(t) for t in units)


def _units_and_words(line: str) -> bool:
    """A header's second line of units, some under the rest of a column's head: "£000  outturn £000  £000  %"."""
    tokens = line.split()
    units = sum(1 for t in tokens if _UNIT.fullmatch(t))
    words = sum(1 for t in tokens if t.isalpha())
    return units >= 2 and words < units and all(_UNIT.fullmatch(t) or t == "%" or t.isalpha() for t in tokens)


def _two_lines(lines: list[str], i: int) -> tuple[str, int] | None:
    """A header whose column names are set over two lines, each word over the next, the label
    column's head on the second and a unit under each column ("2025/26 Forecast" over "Directorate
    budget outturn" over "£m £m"): the one header line they make, and the header's last line. (The
    page's lines have lost their spacing: the columns are paired by count, a unit to each.)"""
    if i + 2 >= len(lines) or re.search(r"\d", re.sub(r"\b[QMP]\d{1,2}\b", "", lines[i + 1])):
        return None
    head = _LABEL_HEAD.match(lines[i + 1].strip())
    top = lines[i].split()
    if head is None or not _units_line(lines[i + 2]) or len(top) != len(lines[i + 2].split()):
        return None
    below: list[str] = []
    for word in lines[i + 1].strip()[head.end():].split():
        if below and re.fullmatch(r"(?:[QMP]\d{1,2}|\d{1,2})", word) and below[-1].lower() in ("at", "to"):
            below[-1] += f" {word}"  # "at Q1" is one column's second line
        else:
            below.append(word)
    if len(below) != len(top):
        return None
    return "   ".join([head.group(0)] + [f"{t} {b}" for t, b in zip(top, below)]), i + 2


def _piped_stack(lines: list[str], i: int) -> tuple[str, int] | None:
    """A header set out with pipes over two lines, each column's words over its next ("| 2025/26  | Actual to |"
    over "| budget   | 30 June   |"): the one header line its columns make, cell by cell, and its last
    line (a rule of dashes under it is the table's, not the header's)."""
    if i + 1 >= len(lines) or "|" not in lines[i] or "|" not in lines[i + 1]:
        return None
    top, under = [c.strip() for c in lines[i].split("|")], [c.strip() for c in lines[i + 1].split("|")]
    if len(top) != len(under) or len(top) < 3 or any(re.fullmatch(r"\(?£?[\d,.]+\)?%?", c) for c in under if c):
        return None
    return "   ".join(" ".join(w for w in (t, u) if w) for t, u in zip(top, under) if t or u), i + 1


# the month, period or quarter a column was reported at: "Q1", "M7", "month 4", "period 6"
_REPORTED_AT = re.compile(r"\b(?:[QMP]\d{1,2}|(?:month|period|quarter|qtr)\s+\d{1,2})\b", re.I)
# a header's word as one column's: an upper word with the "at" or "to" after it ("Variance at"), a lower line's
# month reported at ("month 4")
_TOP_WORD = re.compile(r"\S+(?: (?:at|to)\b(?= |$))?")
_UNDER_WORD = re.compile(_REPORTED_AT.pattern + r"|\S+", re.I)


def _paired_stack(lines: list[str], i: int) -> tuple[str, int] | None:
    """A header over two lines, the label column's head on the first (or the second) and a second word under some
    columns ("Directorate Revised Forecast Variance" over "Budget Outturn"), the page's lines having
    lost their spacing: each lower word, in order, joins the upper word it makes a finance head with
    ("Revised Budget", "Forecast Outturn", "Q1 variance"); the one header line they make, and its
    last line. None unless every lower word finds its column and one of them makes a budget."""
    if i + 1 >= len(lines) or re.search(r"\d", _REPORTED_AT.sub("", lines[i + 1])):
        return None
    head = _LABEL_HEAD.match(lines[i].strip())
    if head is not None:
        top, under = lines[i].strip()[head.end():].split(), lines[i + 1].split()
    # (or on the second, beside the lower words: "Net Forecast Variance Variance" over "Directorate budget outturn Q2 Q1")
    elif (head := _LABEL_HEAD.match(lines[i + 1].strip())) is not None:
        top, under = lines[i].split(), lines[i + 1].strip()[head.end():].split()
    else:
        return None
    if len(top) < 3 or not under:
        return None
    # ("Variance at" over "month 4": one column's words, the month it was reported at under it)
    top = _TOP_WORD.findall(" ".join(top))
    under = _UNDER_WORD.findall(" ".join(under))
    names, k = [], 0
    for word in top:
        pair = f"{word} {under[k]}" if k < len(under) else ""
        if pair and _HEAD.fullmatch(pair):
            names.append(pair)
            k += 1
        else:
            names.append(word)
    if k != len(under) or not any(_BUDGET_COLUMN.search(n) and " " in n for n in names):
        return None
    return "   ".join([head.group(0)] + names), i + 1


# what a header's line may hold beside words: years, months or quarters reported at, units
_HEADER_FIGURE = re.compile(r"(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?|\b[QMP]\d{1,2}\b|\b(?:period|month|quarter)\s+\d{1,2}\b|"
                            r"£\s?'?000|\d{1,2}\s+[A-Za-z]{3,9}(?:\s+(?:\d\d){1,2}\b)?", re.I)
# a column whose head says "budget" and is no annual budget: the budget profiled to date, a variance against
# it, a share of it, what it changed by
_NOT_A_BUDGET_HEAD = re.compile(r"\bto\s+date\b|\bYTD\b|variance|%|\bper\b|\bof\s+budget\b|change|movement|"
                                + GROWTH_LINE + r"|savings?|pressures?|profiled?|phased", re.I)


def _piped_header(lines: list[str], i: int) -> tuple[str, list[str], int] | None:
    """A header set out with pipes ("| Department | Updated budget | Forecast outturn | Variance |"), or over two
    lines, each cell's words over the next's ("| Budget | Actual to |" over "| 2025/26 | 30 Sep 25 |"): the
    label column's head, the columns' names, one to a cell, when one of them is a year's budget, and the
    header's last line."""
    line = lines[i]
    if not is_piped(line):
        return None
    cells = _pipe_cells(line)
    last = i
    if i + 1 < len(lines) and is_piped(lines[i + 1]):
        under = _pipe_cells(lines[i + 1])
        if len(under) == len(cells) and not any(re.search(r"\d", _HEADER_FIGURE.sub("", c)) for c in under) \
                and not all(_RULE.match(c) for c in under):
            cells, last = [f"{c} {u}".strip() for c, u in zip(cells, under)], i + 1
    if not any("udget" in c for c in cells):
        return None
    if len(cells) < 3 or (cells[0] and not _LABEL_HEAD.match(cells[0])) or any(re.search(r"\d", c) and not
                                                                               _HEADER_FIGURE.search(c) for c in cells):
        return None
    names = cells[1:]
    if not all(names) or not any(_BUDGET_COLUMN.search(n) and not _NOT_A_BUDGET_HEAD.search(n) for n in names):
        return None
    return cells[0], names, last


def _pipe_cells(line: str) -> list[str]:
    """A row's cells between its pipes; the pipes that open and close a markdown row are no cell's."""
    text = line.strip()
    if text.startswith("|") and text.endswith("|") and len(text) > 1:
        text = text[1:-1]
    return [c.strip() for c in text.split("|")]


_RULE = re.compile(r"^[\s|+:=_\u2013\u2014-]*$")  # a rule of dashes under a header ("-----+-----", "|---|---:|")


def _aligned(layout: PageLayout, lines: list[str], i: int) -> tuple[list[str], str, int] | None:
    """A header set over two to four lines, each column's words under one another over its figures
    ("Annual" over "Budget"; "Forecast" over "Outturn" over "Variance"), read where the page keeps
    where its words sit (a PDF's runs, a text's spacing): each column's name, its words from the top
    down, placed over the first row's figures; the label column's head; the header's last line. A
    line with a chunk over two columns, or from the labels' column into one, is prose or a caption, not a
    header."""
    if not any("udget" in ln for ln in lines[i:i + 4]):
        return None
    k = i
    while k < len(lines) and k - i < 4 and lines[k].strip() and not re.search(r"\d", _HEADER_FIGURE.sub("", lines[k])):
        k += 1
    first = k + 1 if k + 1 < len(lines) and not lines[k].strip() else k  # (a blank line under the header)
    if k - i < 2 or first >= len(lines) or not any("udget" in ln for ln in lines[i:k]):
        return None
    row = layout.cells_at(first)
    if not row or len(row) < 3 or not all(_CELL.match(t) for *_, t in row[1:]) or _CELL.match(row[0][2]):
        return None
    spans = [(a, b) for a, b, _ in row[1:]]
    words: list[list[str]] = [[] for _ in spans]
    head: list[str] = []
    for n in range(i, k):
        if _RULE.match(lines[n]):
            continue
        for a, b, text in layout.cells_at(n) or []:
            over = [max(0.0, min(b, e) - max(a, s)) for s, e in spans]
            if sum(1 for o in over if o) > 1 or (any(over) and a < row[0][1]):
                return None  # (a chunk over two columns, or from the labels' column into one: a caption, prose)
            if not any(over) and b <= spans[0][0]:
                head.append(text)
                continue
            # (a head set over its figures, or beside them: the column whose right edge is nearest)
            c = over.index(max(over)) if any(over) else min(range(len(spans)), key=lambda m: abs(spans[m][1] - b))
            words[c].append(text)
    if not all(words):
        return None
    names = [" ".join(w) for w in words]
    if head and not _LABEL_HEAD.match(" ".join(head)):
        return None  # (rows of another kind: "Placement type", "Subjective heading")
    if not any(_BUDGET_COLUMN.search(n) and not _NOT_A_BUDGET_HEAD.search(n) for n in names):
        return None
    return names, " ".join(head), first - 1


# a row label's first line that runs on to the next: it ends on "and", "of", "for", "&" or a comma
_LABEL_RUNS_ON = re.compile(r"(?:\b(?:and|of|for)|&|,)\s*$", re.I)


def _fitted(names: list[str], row: str) -> list[str]:
    """The columns as many as the first row's cells: "Budget Forecast Variance" over three figures
    is three columns, not "Budget" and "Forecast variance"."""
    if _split(row, len(names)) is not None:
        return names
    for k, name in enumerate(names):  # one two-word head that is two heads ("Forecast Variance")
        parts = name.lower().split()
        if len(parts) == 2 and all(p in _HEADS for p in parts):
            split = names[:k] + name.split(None, 1) + names[k + 1:]
            if _split(row, len(split)) is not None:
                return split
    words = [w for n in names for w in ([n] if _YEAR_HEAD.match(n) or "%" in n else n.split())]
    return words if _split(row, len(words)) is not None else names


def _split(line: str, n: int) -> tuple[str, list[str]] | None:
    tokens = line.split()
    cells: list[str] = []
    while tokens and len(cells) < n and _CELL.match(tokens[-1]):
        cells.insert(0, tokens.pop())
    if len(cells) != n or not tokens or _CELL.match(tokens[-1]):
        return None
    return " ".join(tokens), cells


# a row of a list of money that is the body's own budget: "Net revenue budget 2025/26 742.6"
_BUDGET_ROW = re.compile(r"^(?:(?:the )?(?:council's )?net revenue budget|net budget(?: requirement)?|budget requirement|"
                         r"total (?:net )?budget|revenue budget)\b", re.I)
_CAPTION = re.compile(r"^(?:table|figure|chart)\s+[\w.]+\s*[:.-]", re.I)


def _candidate(label: str, header: str, cells: list[str], k: int, raw: str, page: int, line: int,
               subject: str, period, settings: Settings) -> Candidate:
    snippet, starts = row_snippet(label, cells, header)
    return Candidate("budget_total", raw, page, snippet, "table", "budget_total/finance-table", settings.table_confidence,
                     starts[k], starts[k] + len(cells[k]), subject, period=period,
                     period_source="table" if period else "", line=line, match_start=0, match_end=len(snippet))


def _budget_rows(layout: PageLayout, settings: Settings) -> list[Candidate]:
    """A captioned list of money in £m or £000 ("Table 1: Revenue budget 2025/26 £m"): its rows that
    name the body's own budget ("Net revenue budget 2024/25 701.3"), each of the year it names."""
    out: list[Candidate] = []
    lines = layout.lines
    for i, caption in enumerate(lines):
        if not _CAPTION.match(caption) or (unit := _unit_of([caption])) is None:
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        # rows end in an amount ("Savings (Appendix 4) (18.4)" too, which is no budget); the list ends
        # at a line that does not
        while j < len(lines) and lines[j].split() and _CELL.match(lines[j].split()[-1]):
            row = _split(lines[j], 1)
            if row is not None:
                label, cells = row
                raw = _money(cells[0], unit)
                if raw and _BUDGET_ROW.match(label) and (period := single_period(label)) is not None:
                    out.append(_candidate(label, caption.strip(), cells, 0, raw, layout.number, j, "", period, settings))
            j += 1
    return out


def match(layout: PageLayout, library: Library, settings: Settings = DEFAULT_SETTINGS,
          claimed: list[Candidate] | None = None) -> list[Candidate]:
    if "budget_total" not in library.kpis:
        return []
    out: list[Candidate] = _budget_rows(layout, settings)
    lines = [unpiped(ln) for ln in layout.lines]  # a table set out with pipes is one set out with spaces
    i = 0
    while i < len(lines):
        found = _columns(lines[i]) if "udget" in lines[i] else None
        last = i
        budget_below = i + 1 < len(lines) and "udget" in lines[i + 1]
        if found is None and budget_below and (two := _piped_stack(layout.lines, i) or _two_lines(lines, i)
                                               or _paired_stack(lines, i)):
            found, last = _columns(two[0]), two[1]
        stacked = _stacked(lines, i) if found is None and budget_below else None
        read: tuple[list[Candidate], int] | None = None
        if found is not None:
            head, names = found
            if last + 1 < len(lines) and _units_and_words(lines[last + 1]):
                last += 1  # the header's second line, its units and the rest of a head ("£000  outturn £000  £000  %")
            names = _fitted(names, lines[last + 1]) if last + 1 < len(lines) else names
            read = _table(layout, lines, i, head, names, last, settings)
        elif stacked is not None:
            read = _table(layout, lines, i, "", stacked[0], stacked[1], settings)
        if not (read and read[0]) and (cells := _piped_header(layout.lines, i)) is not None:
            # (a header set out with pipes: each cell is a column, whatever words it heads it with)
            read = _table(layout, lines, i, cells[0], cells[1], cells[2], settings, _NOT_A_BUDGET_HEAD) or read
        if not (read and read[0]) and (aligned := _aligned(layout, lines, i)) is not None:
            # (what the words of a header read as, one line to a column, missed: where they sit says)
            read = _table(layout, lines, i, aligned[1], aligned[0], aligned[2], settings, _NOT_A_BUDGET_HEAD) or read
        if read is None:
            i += 1
            continue
        out += read[0]
        i = read[1]
    return out


def _table(layout: PageLayout, lines: list[str], i: int, head: str, names: list[str], last: int, settings: Settings,
           not_budget: re.Pattern | None = None) -> tuple[list[Candidate], int] | None:
    """The budget cells of a finance table whose header runs from line i to `last`, and the line after
    it; None when no line near the header says what unit its money is in."""
    unit = _unit_of(lines[i:last + 1] + lines[max(0, i - 3):i][::-1])
    if unit is None:
        return None
    # a budget is a year's: a column that names none takes the financial year its caption names
    # ("Revenue monitoring 2024/25 - Quarter 2 (£000)" over "Service | Budget | Forecast")
    year = next((m.period for ln in reversed(lines[max(0, i - 3):i]) for m in find_mentions(ln)
                 if m.absolute and m.period.kind == "financial_year"), None)
    periods = [single_period(n) or (year if _BUDGET_COLUMN.search(n) else None) for n in names]
    header = f"{head} | " + " | ".join(names)
    # (a capital programme's budgets are what it may spend on assets over its years, no revenue budget)
    capital = any(_CAPITAL.search(ln) for ln in lines[max(0, i - 3):last + 1])
    out: list[Candidate] = []
    j = last + 1
    wrapped, begun, above = 0, "", 0  # (`above`: where the row above's candidates start in `out`)
    label = ""
    while j < len(lines):
        row = _split(lines[j], len(names))
        if row is None and lines[j].strip() and not re.search(r"\d", lines[j]) and wrapped < 2:
            wrapped += 1
            part = lines[j].strip()
            # (the beginning of the next row's label when it runs on: "Economy, Infrastructure and" / "Skills
            # 88,305 ..."; else the rest of the row above's: "(capital financing, contingency,", or, when its label
            # ran on, its subject's: "Peoples Services - Children and  84,627 ..." over "Young People")
            begun = f"{begun} {part}".strip() if _LABEL_RUNS_ON.search(part) else ""
            if not begun and wrapped == 1 and _LABEL_RUNS_ON.search(label):
                out[above:] = [c if not c.subject else replace(c, subject=f"{c.subject} {part}") for c in out[above:]]
            j += 1
            continue
        if row is None:
            break
        wrapped, above = 0, len(out)
        label, cells = row
        label, begun = (f"{begun} {label}" if begun else label), ""
        total = bool(_TOTAL.match(label))
        # (the sum of the directorates above, before the central items, when the rows are directorates)
        sub = _SUBTOTAL.match(label)
        subtotal = sub is not None and head.lower().startswith((sub.group("a") or sub.group("b")).lower())
        # (an aside of what the service takes in is no line of its own: "Resources (incl. corporate budgets)")
        named = _INCLUDING.sub("", label)
        if not capital and not subtotal and (total or not _NOT_A_SERVICE.search(named)):
            for k, (cell, name, period) in enumerate(zip(cells, names, periods)):
                raw = _money(cell, unit) if _BUDGET_COLUMN.search(name) and not (
                    not_budget and not_budget.search(name)) else None
                if raw is not None:
                    subject = "" if total else re.sub(r"^(?:sub-?)?total\s+(?:for\s+)?", "", label, flags=re.I)
                    out.append(_candidate(label, header, cells, k, raw, layout.number, j, subject, period, settings))
        j += 1
    return out, j
