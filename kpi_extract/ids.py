"""Stable fact ids: the key an analyst's decision in the review ledger hangs on.

A decision must survive the next nightly run, a new tool version and an edited pattern file, as
long as the page the figure is on says the same thing. So the id is made only of what the
document itself fixes: the SHA-256 of the file's content, the page, the figure's text as printed
and its place on the page (the sentence or line it is in and the character offset within it).
Row order, KPI, pattern and confidence change with the library and are left out. The file's
name is left out too: a renamed download keeps its decisions, and an identical copy of a file in
two folders gives the same ids, so a decision on a figure applies to every copy of it. What the
id does depend on is how the page is split into sentences and table rows (`layout.py`): a change
there moves figures to other sentences, and the decisions on them are then listed as orphans by
`series`, `report` and `review --orphans`, never lost silently.

One figure can give two facts (two KPIs, or two subjects). Those share the figure's key, so they
are told apart by what differs between them, in a fixed order: the first by KPI, subject and
period keeps the figure's own id, each other one gets an id salted with its KPI, subject and
period. Ids are 12 hex characters (48 bits): a collision among the figures of one run is
vanishingly unlikely.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import replace

from .model import Candidate, Fact

ID_LENGTH = 12


def figure_key(c: Candidate) -> str:
    """Where a figure sits on its page and how it is printed: its sentence (or, for a table cell or
    a line, its line), the value's offset there and its raw text. Stands in `Fact.fact_id` from
    `resolve` until `assign` turns it into the id, when the document's hash is known."""
    place = f"s{c.sentence}" if c.sentence >= 0 else f"l{c.line}"
    return f"{c.page}|{place}|{c.value_start}|{c.raw}"


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:ID_LENGTH]


def assign(facts: list[Fact], content_hash: str) -> list[Fact]:
    """The facts of one document with their ids, in the same order; `fact_id` of each must hold
    its `figure_key`."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        by_key[f.fact_id].append(i)
    ids = [""] * len(facts)
    for key, members in by_key.items():
        base = _digest(content_hash, key)
        ranked = sorted(members, key=lambda i: (facts[i].kpi, facts[i].subject, facts[i].period_kind,
                                                facts[i].period, facts[i].value))
        ids[ranked[0]] = base
        for i in ranked[1:]:
            f = facts[i]
            ids[i] = _digest(base, f.kpi, f.subject, f.period_kind, f.period, f.value)
    return [replace(f, fact_id=ids[i]) for i, f in enumerate(facts)]


def text_hash(pages: list[str]) -> str:
    """The content hash of a document known only by its page texts (a test's string)."""
    return hashlib.sha256("\f".join(pages).encode("utf-8", "surrogatepass")).hexdigest()
