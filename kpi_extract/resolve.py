"""From candidate figures to facts: value, plausible range, period, subject, confidence.

Everything the matchers could not know is decided here, with the whole page in view: the
period (`dating.py`, one chain of named steps), whether the value is
plausible for the KPI, which sub-population it describes, and how sure we are.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from .areas import gazetteer, key
from .context import DocumentContext
from .dating import AHEAD_OF_THE_MEETING, beyond_the_meeting, date_page
from .docarea import figure_area
from .ids import figure_key
from .layout import PageLayout
from .library import Library
from .model import UNKNOWN_PERIOD, Candidate, Fact, sort_facts
from .roles import assign as assign_roles, is_fact, subject_of as _subject
from .values import format_value, parse_value

SOURCE_WEIGHT = {"sentence": 1.0, "table": 1.0, "heading": 0.9, "title": 0.85, "meeting_date": 0.7, "": 0.6}
SNIPPET_MAX = 200


def snippet_around(text: str, start: int, end: int, limit: int = SNIPPET_MAX) -> str:
    """The sentence, or about `limit` characters of it centred on the value."""
    text = " ".join(text.split()) if "  " in text or "\n" in text else text
    if len(text) <= limit:
        return text
    lo = max(0, min(start - limit // 2, len(text) - limit))
    hi = lo + limit
    lo = text.rfind(" ", 0, lo) + 1 if lo > 0 else 0
    hi = text.find(" ", hi) if text.find(" ", hi) != -1 else len(text)
    return ("..." if lo > 0 else "") + text[lo:hi].strip() + ("..." if hi < len(text) else "")




def resolve_page(layout: PageLayout, cands: list[Candidate], doc: DocumentContext, document: str,
                 library: Library) -> list[Fact]:
    """Facts for one page's candidates: those whose role (roles.py) is the KPI's own measure,
    each dated (`dating.py`), then checked (`to_fact`)."""
    if not cands:  # most pages of a pack: nothing to date
        return []
    dated, _ = date_page(layout, own_measures(cands, library, doc, layout), doc, library)
    facts = []
    for d in dated:
        if yet_to_come(d.candidate, doc, library):
            continue
        # the one place where a dated candidate may still be turned away before it becomes a fact
        fact = to_fact(d.candidate, document, library)
        if fact is not None:
            area, code = figure_area(fact.subject, fact.pattern, doc.area, doc.area_code,
                                     counted=library.kpis[fact.kpi].unit != "GBP", place=d.candidate.place_code)
            if fact.pattern.endswith("/table-our-row"):
                # the one place among comparators' rows ("Peterborough | 84" over "England | 70"): the paper's own
                # figure when it is the paper's place, and else no one's the paper can vouch for
                if not (doc.area_code and (own := gazetteer().lookup(fact.subject)) is not None
                        and own.code == doc.area_code):
                    continue
                fact = replace(fact, subject="")
            if fact.pattern.endswith("/table-one-area") and (
                    (code and code == doc.area_code and (key(fact.subject) == key(area)
                                                         or gazetteer().lookup(fact.subject) is not None))
                    or not (doc.area or doc.area_code)):
                # the one column headed with a place, the paper's own area ("South Tyneside Q1" beside
                # the comparators'), or the one place of a paper that names no other ("Kingsmere | London |
                # England"): the area's whole figure, no part of it, one series with its prose's
                fact = replace(fact, subject="")
            facts.append(replace(fact, area=area, area_code=code, fact_id=figure_key(d.candidate)))
    return facts


def own_measures(cands: list[Candidate], library: Library, doc: DocumentContext | None = None,
                 layout: PageLayout | None = None) -> list[Candidate]:
    """The candidates whose role makes them facts (levels, flows, rates, shares of the KPI's own
    measure; named parts), each with its role and subject set."""
    return [c for c in assign_roles(cands, library, doc, layout) if is_fact(c)]


# money known only once its year has run: what was spent in it (what is carried into a year is known
# as it begins, from the year before's underspend)
_AT_YEARS_END = frozenset({"expenditure_total"})


# how far ahead of its meeting a year's budget can be set: the next year's is, the years after it in a
# medium-term plan ("2027/28 579.8" in a paper of February 2026) are only indicative
_BUDGET_SET_AHEAD = timedelta(days=300)


def yet_to_come(c: Candidate, doc: DocumentContext, library: Library) -> str:
    """Why a count, rate or share dated well after its document's meeting is no fact ("" when
    it is not): nothing can have been counted then, so it is a forecast or a target ("bring the
    number of children in care down to 480 by March 2027" in a paper of November 2024), whatever
    its words. Money is exempt, for a budget is set for a year that has not begun (the next year,
    not the later years of a medium-term plan, which are only indicative), but not what is spent
    in a year: in a paper of January, spending "in 2026/27" is a plan from the day that year begins."""
    money = library.kpis[c.kpi].unit == "GBP"
    if money and c.kpi not in _AT_YEARS_END:
        if beyond_the_meeting(c.period, doc, _BUDGET_SET_AHEAD):
            return (f"its year ({c.period.label}) starts long after the meeting ({doc.meeting.label}): "  # type: ignore[union-attr]
                    "an indicative sum of a medium-term plan, not yet a budget")
        return ""
    if not beyond_the_meeting(c.period, doc, timedelta(0) if money else AHEAD_OF_THE_MEETING):
        return ""
    return (f"its period ({c.period.label}) starts after the meeting ({doc.meeting.label}): "  # type: ignore[union-attr]
            "a forecast or a target, not yet a figure")


def rejection(c: Candidate, library: Library) -> str:
    """Why a dated candidate gives no fact ("" when it gives one): the value is no number, or
    is implausible for the KPI."""
    entry = library.kpis[c.kpi]
    value = parse_value(c.raw)
    if value is None:
        return "not a number"
    if not entry.range[0] <= value <= entry.range[1]:
        return f"implausible value: outside the KPI's range {entry.range[0]:g}-{entry.range[1]:g}"
    if entry.unit == "count" and value != int(value):
        return "implausible value: a count with a fraction"
    return ""


def to_fact(c: Candidate, document: str, library: Library) -> Fact | None:
    """The fact for a candidate with its period set, or None when the value is not plausible."""
    if rejection(c, library):
        return None
    entry = library.kpis[c.kpi]
    value = parse_value(c.raw)
    period = c.period or UNKNOWN_PERIOD
    source = c.period_source if (period.known or period.start) else ""
    confidence = round(c.score * SOURCE_WEIGHT.get(source, 0.6), 3)
    return Fact(
        kpi=c.kpi, value=format_value(value), unit=entry.unit,
        period=period.label, period_kind=period.kind,
        period_start=period.start.isoformat() if period.start else "",
        period_end=period.end.isoformat() if period.end else "",
        period_source=source, subject=_subject(c, library), document=document, page=c.page,
        snippet=snippet_around(c.snippet, c.value_start, c.value_end), method=c.method,
        pattern=c.pattern, confidence=confidence,
    )


def dedupe(facts: list[Fact]) -> list[Fact]:
    """One fact per figure: the same value, period and KPI read twice from one sentence (two
    patterns, or a matcher and a comparison) is one fact, the most confident reading. The same
    figure in two sentences is two mentions, and two facts."""
    best: dict[tuple, Fact] = {}
    for f in facts:
        key = (f.document, f.page, f.kpi, f.subject, f.period, f.period_kind, f.value, f.snippet)
        cur = best.get(key)
        if cur is None or (f.confidence, f.pattern) > (cur.confidence, cur.pattern):
            best[key] = f
    return sort_facts(list(best.values()))
