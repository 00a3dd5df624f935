"""Matchers turn a laid-out page into candidate figures, one module per strategy.

`regex` reads sentences with the library's patterns, `table` reads text tables by their row
labels, `fuzzy` finds labels that are damaged, reworded, or on the line next to the figure.
Each exposes `match(layout, library) -> list[Candidate]`; `match_page` runs them in that
order and lets a figure claimed by an earlier one stay claimed.
"""
from __future__ import annotations

from ..layout import PageLayout
from ..library import Library
from ..model import Candidate
from . import fuzzy, regex, table


def match_page(layout: PageLayout, library: Library) -> list[Candidate]:
    found = regex.match(layout, library)
    found += table.match(layout, library)
    found += fuzzy.match(layout, library, claimed=found)
    return found
