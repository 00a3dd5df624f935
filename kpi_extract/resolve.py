"""From candidate figures to facts: value, plausible range, period, subject, confidence.

Everything the matchers could not know is decided here, with the whole page in view: the
period from the sentence or its context (`attribution.py`, `context.py`), whether the value is
plausible for the KPI, which sub-population it describes, and how sure we are.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from .attribution import Context, analyse
from .context import DocumentContext
from .layout import PageLayout
from .library import Library
from .model import UNKNOWN_PERIOD, Candidate, Fact, Period
from .periods import financial_year, find_mentions
from .roles import assign as assign_roles, is_fact, subject_of as _subject
from .values import format_value, not_a_figure, parse_value

# a figure is dated by the meeting only when its text says it is current
PRESENT = re.compile(r"\b(?:currently|at present|presently|as it stands|to date|(?:at )?(?:the )?time of writing|"
                     r"this month|today|as we speak|right now)\b", re.I)
POINT_KINDS = ("as_at", "month", "quarter")
_ANAPHOR = re.compile(r"\b(?:at|on|by) (?:that|this|the same) (?:date|point|time)\b|\bthe same (?:data|figures|date|period)\b|"
                      r"\b(?:these|those) figures\b|\bthis broke down\b|\bof (?:these|them|which)\b", re.I)
_FIGURE = re.compile(r"\d")
SOURCE_WEIGHT = {"sentence": 1.0, "table": 1.0, "heading": 0.9, "title": 0.85, "meeting_date": 0.7, "": 0.6}
SNIPPET_MAX = 200


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with its date mentions cut out, so "in 2021/22" alone does not count as a figure."""
    for a, b in sorted(spans, reverse=True):
        text = text[:a] + text[b:]
    return text


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


def _period_of(text: str) -> Period | None:
    periods = {m.period for m in find_mentions(text) if m.absolute and not m.since and m.period.known}
    return periods.pop() if len(periods) == 1 else None


def resolve_page(layout: PageLayout, cands: list[Candidate], doc: DocumentContext, document: str,
                 library: Library) -> list[Fact]:
    """Facts for one page's candidates: those whose role (roles.py) is the KPI's own measure."""
    cands = [c for c in assign_roles(cands, library) if is_fact(c)]
    by_sentence: dict[int, list[Candidate]] = defaultdict(list)
    timed: list[Candidate] = []
    for c in cands:
        if c.period is not None:
            timed.append(c)
        elif c.sentence >= 0:
            by_sentence[c.sentence].append(c)
        else:
            timed.append(c)

    last_main: Period | None = None  # the main period of the sentences just before, and how far back
    age = 0
    last_had_figure = False
    for si, sent in enumerate(layout.sentences):
        group = by_sentence.get(si, [])
        own_mentions = [(m.start, m.end) for m in find_mentions(sent.text)]
        governing, source = doc.governing(layout.number, sent.lines[0])
        # a date carries over from a sentence with figures in it, or into one that points back
        # ("At that date, 2,947 ..."); "A deep dive will be reported in April 2022." dates nothing
        carried: Period | None = last_main if age <= 2 and (last_had_figure or _ANAPHOR.search(sent.text)) else None
        if PRESENT.search(sent.text) and doc.meeting is not None and not own_mentions:
            # "There are currently 327 children in our care": the meeting's date, not the last one named
            governing, source, carried = doc.meeting, "meeting_date", None
        elif source == "meeting_date":
            governing, source = None, ""
        origin = max((c.carry_from for c in group), default=-1)
        if origin >= 0:
            carried = _period_of(layout.sentences[origin].text) or carried
        ctx = Context(governing or UNKNOWN_PERIOD, source, carried, doc.event, doc.meeting)
        group = [c for c in group if not any(a <= c.value_start < b for a, b in own_mentions)
                 and not not_a_figure(sent.text, c.value_start, c.value_end)]
        spans = sorted({(c.value_start, c.value_end) for c in group})
        periods, main = analyse(sent.text, spans, ctx)
        if main is not None and main.kind in POINT_KINDS:
            last_main, age = main, 0
            last_had_figure = bool(_FIGURE.search(_without(sent.text, own_mentions)))
        elif main is not None:
            last_main, age = None, 0
        else:
            age += 1
        for c in group:
            p, src = periods[(c.value_start, c.value_end)]
            if src == "carried":
                # a date carried from the sentence before dates a stock; a flow or an amount
                # (a budget, courses delivered) belongs to the financial year holding that date
                if library.kpis[c.kpi].measure in ("flow", "amount") and p.kind in POINT_KINDS \
                        and p.end is not None:
                    p = financial_year(p.end.year if p.end.month > 3 else p.end.year - 1)
                src = "sentence"
            timed.append(replace(c, period=p, period_source=src))

    facts = []
    for c in timed:
        if c.period is None:  # a line-based candidate: its context only
            governing, source = doc.governing(layout.number, c.line)
            if source == "meeting_date" and not PRESENT.search(c.snippet):
                governing, source = None, ""
            c = replace(c, period=governing or UNKNOWN_PERIOD, period_source=source if governing else "")
        fact = to_fact(c, document, library)
        if fact is not None:
            facts.append(replace(fact, area=doc.area))
    return facts


def to_fact(c: Candidate, document: str, library: Library) -> Fact | None:
    """The fact for a candidate with its period set, or None when the value is not plausible."""
    entry = library.kpis[c.kpi]
    value = parse_value(c.raw)
    if value is None or not entry.range[0] <= value <= entry.range[1]:
        return None
    if entry.unit == "count" and value != int(value):
        return None
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


def sort_facts(facts: list[Fact]) -> list[Fact]:
    def key(f: Fact) -> tuple:
        num = float(f.value) if re.fullmatch(r"-?\d+(?:\.\d+)?", f.value) else 0.0
        return (f.document, f.page, f.kpi, f.subject, f.period_start, f.period, num, f.snippet, f.pattern)
    return sorted(facts, key=key)
