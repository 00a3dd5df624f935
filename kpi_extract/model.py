"""Plain data passed between the stages of the pipeline.

Every stage takes and returns these dataclasses, so each one can be tested with values typed
into a test rather than with a PDF.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Period:
    """A normalised period (see spec/kpis.md). `label` is empty when the kind is unknown."""

    label: str
    kind: str
    start: date | None = None
    end: date | None = None

    @property
    def known(self) -> bool:
        return self.kind != "unknown"


UNKNOWN_PERIOD = Period("", "unknown")


@dataclass(frozen=True)
class Candidate:
    """A figure a matcher believes belongs to a KPI, before period and checks are applied."""

    kpi: str
    raw: str  # the value text as matched, e.g. "£918,687"
    page: int
    snippet: str  # sentence or table row the figure was read from
    method: str  # regex | fuzzy | table
    pattern: str  # pattern name within the library entry
    score: float  # matcher's own confidence 0..1
    # where the value sits in `snippet`, so that the period resolver can look around it
    value_start: int = 0
    value_end: int = 0
    subject: str = ""
    period: Period | None = None  # set by matchers that know it (table columns)
    period_source: str = ""
    line: int = 0  # index of the page line holding the value
    sentence: int = -1  # index of the sentence on the page (-1: a table cell or a line)
    match_start: int = 0  # the whole regex match in `snippet` (label and value)
    match_end: int = 0
    carry_from: int = -1  # sentence whose period governs this one ("This represents 39 per 10,000")
    role: str = ""  # what kind of figure it is (roles.py): level, change, target, comparator...
    role_rule: str = ""  # the rule of roles.py that decided the role, to explain it
    place_code: str = ""  # a writer's place its clause names in a joint paper ("In Stoke-on-Trent ..."): the figure's area


@dataclass(frozen=True)
class Fact:
    """One row of the facts CSV (spec/output.md)."""

    kpi: str
    value: str
    unit: str
    period: str
    period_kind: str
    period_start: str
    period_end: str
    period_source: str
    subject: str
    document: str
    page: int
    snippet: str
    method: str
    pattern: str
    confidence: float
    area: str = ""  # the local authority area the figure is for (docarea.py, figure_area)
    area_code: str = ""  # that area's ONS GSS code, empty when it is not one UK local authority
    fact_id: str = ""  # stable id of the figure (ids.py): what a review decision refers to
    reviewed: str = ""  # "accepted" / "corrected" once a review decision applies (ledger.py)


FACT_COLUMNS = [
    "fact_id", "kpi", "value", "unit", "period", "period_kind", "period_start", "period_end",
    "period_source", "subject", "document", "page", "snippet", "method", "pattern", "confidence",
    "area", "area_code", "reviewed",
]


# columns a facts file written before they existed may lack (read as empty)
OPTIONAL_FACT_COLUMNS = {"fact_id", "area", "area_code", "reviewed"}


def sort_facts(facts: list[Fact]) -> list[Fact]:
    """The facts file's order: by document, page, KPI, subject and period, so that a run's output
    does not depend on the order the workers finished in."""
    def key(f: Fact) -> tuple:
        num = float(f.value) if re.fullmatch(r"-?\d+(?:\.\d+)?", f.value) else 0.0
        return (f.document, f.page, f.kpi, f.subject, f.period_start, f.period, num, f.snippet, f.pattern)
    return sorted(facts, key=key)

