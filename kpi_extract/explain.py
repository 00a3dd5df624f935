"""`kpi-extract explain`: every candidate of one page and why it became a fact or did not.

As pdfplumber's `debug_tablefinder` or camelot's `parse_details` show their reasoning, this shows
the context that governs the page, each candidate with the clause it was read from, the period
it got and the rule of the precedence (`dating.py`) that decided it, its role (`roles.py`), and
for each candidate that gave no fact, why: not a figure, an implausible value, a duplicate, or
its role. It starts from the same document preparation as `extract`.
"""
from __future__ import annotations

from itertools import islice

from .context import DocumentContext
from .dating import Dated, date_page
from .library import Library
from .matchers import match_page
from .model import Candidate, Period
from .pipeline import extract_pages, page_layouts, prepare_document
from .resolve import dedupe, rejection, snippet_around, to_fact, yet_to_come
from .roles import assign as assign_roles, is_fact


def _when(p: Period | None) -> str:
    if p is None or not (p.known or p.start):
        return "no period"
    return f"{p.label or '-'} ({p.kind})"


def _role(c: Candidate) -> str:
    """The role `roles.py` gave a candidate, and the rule that decided it."""
    if not c.role:
        return ""
    return f"  role {c.role}" + (f" (rule {c.role_rule})" if c.role_rule else "")


def context_lines(doc: DocumentContext, page: int) -> list[str]:
    """What may govern the page's figures, with where each was found."""
    out = []
    for pg, ln, p in doc.titles:
        if pg <= page:
            out.append(f"  title      {_when(p)}  page {pg} line {ln + 1}")
    for pg, ln, p in doc.headings:
        if pg == page:
            out.append(f"  heading    {_when(p)}  line {ln + 1}")
    for pg, first, last, p in doc.lead_ins:
        if pg == page:
            out.append(f"  lead-in    {_when(p)}  lines {first + 1}-{last + 1}")
    for pg, ln, p in doc.standing:
        if pg <= page:
            out.append(f"  standing   {_when(p)}  page {pg} line {ln + 1}")
    for pg, ln in doc.datelines:
        if pg == page:
            out.append(f"  dateline   line {ln + 1} (dates no section)")
    if doc.meeting is not None:
        out.append(f"  meeting    {_when(doc.meeting)}")
    if doc.event is not None:
        out.append(f"  inspection {_when(doc.event)}")
    if doc.owner:
        out.append(f"  owner      {doc.owner} (no area: every figure is its own, none a fact)")
    return out or ["  (none)"]


def _where(c: Candidate) -> str:
    return f"sentence {c.sentence + 1}" if c.sentence >= 0 else f"line {c.line + 1} ({c.method})"


def explain_page(raw_pages: list[str], models: list | None, number: int, library: Library,
                 shown: str = "<text>") -> list[str]:
    """The report of `kpi-extract explain` for page `number` (1-based) of a document."""
    whole = {(f.kpi, f.value, f.snippet, f.pattern): f for f in extract_pages(raw_pages, shown, library, models=models)
             if f.page == number}  # the document-level step (P10) dates what the page left undated
    pages, library, doc = prepare_document(raw_pages, shown, library, models)
    layout = next(islice(page_layouts(pages), number - 1, None))
    cands = assign_roles(match_page(layout, library), library, doc, layout)
    dated, dropped = date_page(layout, [c for c in cands if is_fact(c)], doc, library)
    dropped = [(c, f"its role is {c.role} ({c.role_rule}): not the KPI's own measure")
               for c in cands if not is_fact(c)] + list(dropped)
    ahead = {id(d): yet_to_come(d.candidate, doc, library) for d in dated}
    facts = {id(d): None if ahead[id(d)] else to_fact(d.candidate, shown, library) for d in dated}
    kept = {(f.kpi, f.value, f.period, f.snippet, f.pattern) for f in dedupe([f for f in facts.values() if f])}
    out = [f"{shown}, page {number}: {len(cands)} candidates, {len(kept)} facts", "context:"]
    out += context_lines(doc, number)
    rows: dict[str, list[str]] = {}
    for d in dated:
        c = d.candidate
        fact = facts[id(d)]
        if fact is None:
            outcome = f"rejected: {rejection(c, library) or ahead[id(d)] or 'not plausible'}"
        elif (fact.kpi, fact.value, fact.period, fact.snippet, fact.pattern) in kept:
            outcome = "fact"
            later = whole.get((fact.kpi, fact.value, fact.snippet, fact.pattern))
            if later is not None and later.period != fact.period:
                outcome += f", then {later.period} ({later.period_kind}) by restated (P10: the document dates it elsewhere)"
        else:
            outcome = "rejected: duplicate of a more confident reading of the same figure"
        rows.setdefault(_clause(c), []).append(_line(c, d, outcome))
    for c, why in dropped:
        rows.setdefault(_clause(c), []).append(
            f"    {c.kpi} = {c.raw}  {c.method} {c.pattern}{_role(c)}  rejected: {why}")
    for clause, lines in rows.items():
        out.append(clause)
        out += lines
    return out


def _clause(c: Candidate) -> str:
    return f"{_where(c)}: {snippet_around(c.snippet, c.value_start, c.value_end)}"


def _line(c: Candidate, d: Dated, outcome: str) -> str:
    source = f" -> {c.period_source}" if c.period_source and c.period_source != d.rule else ""
    return (f"    {c.kpi} = {c.raw}  {_when(c.period)} by {d.rule or 'nothing'}{source}  "
            f"{c.method} {c.pattern}{_role(c)}  {outcome}")

