"""Matchers turn a laid-out page into candidate figures, one module per strategy.

`regex` reads sentences with the library's patterns, `table` reads tables by their row labels
and typed columns, `finance` each service's budget from a table of money in £m or £000, `lexicon` applies general constructions to each KPI's words, `fuzzy` finds
labels that are damaged, reworded, or on the line next to the figure, `parts` the sub-populations
a sentence gives of a whole the others read ("of whom 96 were under five"). Each is a function of
one signature, `(layout, library, settings, claimed) -> candidates`,
registered in `MATCHERS` (as camelot's parsers behind `BaseParser`); `match_page` runs them in
order, each seeing what the earlier ones claimed, so a figure claimed once stays claimed.
"""
from __future__ import annotations

from typing import Callable

from ..layout import PageLayout
from ..library import Library
from ..model import Candidate
from ..settings import DEFAULT_SETTINGS, Settings
from . import finance, fuzzy, lexicon, parts, regex, table
from .window import lead_in_rules

Matcher = Callable[[PageLayout, Library, Settings, list[Candidate]], list[Candidate]]


# the lexicon's general constructions come after the written patterns and tables (a figure they
# claimed stays theirs) and before the fuzzy labels, which are the weakest reading; parts last,
# as they read the wholes the others found
MATCHERS: dict[str, Matcher] = {"regex": regex.match, "table": table.match, "finance": finance.match, "lexicon": lexicon.match,
                                "fuzzy": fuzzy.match, "parts": parts.match}


def prepare(library: Library) -> None:
    """Build what the matchers derive from the library alone (alias tables, cleaned labels) before
    files are read: each file is read in a child forked from this process, and what a child
    builds dies with it, so a table built there is built again for every file."""
    for module in (regex, table, lexicon, fuzzy, parts):
        build = getattr(module, "prepare", None)
        if build is not None:
            build(library)
    library.index()


def match_page(layout: PageLayout, library: Library, settings: Settings = DEFAULT_SETTINGS) -> list[Candidate]:
    found: list[Candidate] = []
    for matcher in MATCHERS.values():
        found += matcher(layout, library, settings, found)
    found = _parts_win(found)
    found = regex.next_sentence_tails(lexicon.pair_lists(found, layout, library, settings), layout, library)
    return lead_in_rules(found, [s.text for s in layout.sentences], library)


def _parts_win(found: list[Candidate]) -> list[Candidate]:
    """A figure the parts matcher read as a part of a whole ("5,214 referrals ...: 1,633 in the West area") is
    that part only: another matcher's bare reading of it, as if it were the whole, goes."""
    parts = {(c.sentence, c.value_start, c.kpi) for c in found if c.sentence >= 0 and c.pattern.endswith("+part")}
    return [c for c in found if c.subject or c.pattern.endswith("+part") or (c.sentence, c.value_start, c.kpi) not in parts]
