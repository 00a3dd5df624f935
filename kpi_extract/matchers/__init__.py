"""Matchers turn a laid-out page into candidate figures, one module per strategy.

`regex` reads sentences with the library's patterns, `table` reads tables by their row labels
and typed columns, `fuzzy` finds labels that are damaged, reworded, or on the line next to the
figure, `parts` the sub-populations a sentence gives of a whole the others read ("of whom 96
were under five"). Each is a function of one signature, `(layout, library, settings, claimed) -> candidates`,
registered in `MATCHERS` (as camelot's parsers behind `BaseParser`); `match_page` runs them in
order, each seeing what the earlier ones claimed, so a figure claimed once stays claimed.
"""
from __future__ import annotations

from typing import Callable

from ..layout import PageLayout
from ..library import Library
from ..model import Candidate
from ..settings import DEFAULT_SETTINGS, Settings
from . import fuzzy, parts, regex, table

Matcher = Callable[[PageLayout, Library, Settings, list[Candidate]], list[Candidate]]


MATCHERS: dict[str, Matcher] = {"regex": regex.match, "table": table.match, "fuzzy": fuzzy.match, "parts": parts.match}


def match_page(layout: PageLayout, library: Library, settings: Settings = DEFAULT_SETTINGS) -> list[Candidate]:
    found: list[Candidate] = []
    for matcher in MATCHERS.values():
        found += matcher(layout, library, settings, found)
    return found
