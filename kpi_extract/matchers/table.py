"""Table matcher: a text table's row label names a KPI, its header row names the periods.

Labels are compared with the library's aliases (RapidFuzz `ratio` on lower-cased text, so
`No of Children on Child Protection Plans` finds "no of children on child protection plans").
A row labelled only "Rate per 10k" belongs to the KPI row above it: an entry whose `follows`
names that KPI claims it.
"""
from __future__ import annotations

from rapidfuzz import fuzz, process, utils

from ..layout import PageLayout
from ..library import Library
from ..model import Candidate

CUTOFF = 88.0
# a table is the report's own data, laid out to be read as figures: a clean row label reads more
# surely than a sentence (0.9), which may round a figure or date it loosely
SCORE = 0.95


def _unit_of(cells: list[str | None]) -> str:
    vals = [c for c in cells if c]
    if vals and all(v.startswith("£") for v in vals):
        return "GBP"
    if vals and all(v.endswith("%") for v in vals):
        return "percent"
    return "count"


def label_kpi(label: str, unit: str, previous: str | None, library: Library) -> tuple[str, float] | None:
    """The KPI a row label names, with the match score, or None."""
    choices: dict[str, str] = {}
    for e in library.kpis.values():
        bound = bool(e.follows)
        if bound and previous not in e.follows:
            continue
        if not bound and e.unit != unit and not (unit == "count" and e.unit == "rate_per_10k"):
            continue
        for alias in e.aliases:
            key = utils.default_process(alias)
            # an alias bound to the row above outranks a free one
            if key not in choices or bound:
                choices[key] = e.id
    if not choices:
        return None
    best = process.extractOne(utils.default_process(label), list(choices), scorer=fuzz.ratio,
                              score_cutoff=CUTOFF)
    return (choices[best[0]], best[1]) if best else None


def match(layout: PageLayout, library: Library) -> list[Candidate]:
    out: list[Candidate] = []
    for table in layout.tables:
        header = layout.lines[table.header_line].strip()
        previous: str | None = None
        for row in table.rows:
            found = label_kpi(row.label, _unit_of(row.cells), previous, library)
            previous = found[0] if found else None
            if not found:
                continue
            kpi, score = found
            snippet = f"{row.label} | {header} |"
            starts = []
            for cell in row.cells:
                snippet += " "
                starts.append(len(snippet))
                snippet += cell or "-"
            for cell, period, start in zip(row.cells, table.periods, starts):
                if cell is None:
                    continue
                out.append(Candidate(kpi, cell, layout.number, snippet, "table", f"{kpi}/table-row",
                                     SCORE * score / 100, start, start + len(cell), "",
                                     period=period, period_source="table", line=row.lines[-1],
                                     match_start=0, match_end=len(snippet)))
    return out
