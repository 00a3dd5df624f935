"""When a figure is from: one chain of small named steps, in a written order of precedence.

Reports put several figures and periods in one sentence ("455 at year end (2021/22: 431)"), and
a sentence that names no period is governed by the document around it. The precedence, also in
README ("Periods: when a figure is from"); the first step that dates a figure decides, and its
name is the figure's rule (`kpi-extract explain` shows it):

  P1 own_date      the sentence's own date, bound to the figure it is written next to, or
                   governing its main clause ("In 2022-23, 71% ..."); an approval or launch date
                   dates the event, not the figures of the report that restates it;
  P2 comparison    a compared figure (bracketed after the main one, after "from", "compared
                   with", "than", "against", "a peak of") takes its own period, else the main
                   period one year back; its period never dates the main figure;
     carried       the date of the sentence just before, when that one held figures (or nothing
                   but the date) or this one points back ("at that date"), for two sentences;
                   a sentence whose only periods are relative borrows the one before's period;
  P3 table_column  a table's column header or caption; a stock row "(31 Dec)" or "at year end"
                   under year columns is as at that day;
  P4 lead_in       a list lead-in ("At 31 March 2023:") over the list under it;
  P5 standing      a standing statement ("Data are as at 30 September 2022 unless shown
                   otherwise") over the rest of the report, up to the next title;
  P6 heading       the section heading above, on the same page, below the last title;
  P7 title         the document's (or reprinted report's) title, a bare year included;
  P8 meeting_date  the meeting line or dateline, for a figure said to be current ("currently").
  P9 alongside     a figure still undated takes the date of a figure its KPI is `dated_with`
                   (a plan's total, its completion) written within two sentences of it;
  P10 restated     one still undated that repeats a figure the document dates elsewhere (the
                   same KPI, subject and value) takes that period.

Relative periods are read against what governs the sentence (R): "at 31st March", "in November"
and "Quarter 4" are placed in it; "last year" is it one year back, "the previous quarter" one
quarter back; "this year" is its financial year; "in the quarter" is its quarter, "the end of
the quarter" and "at year end" its last day; "year to date" runs from the April before;
"at the time of the inspection" is the inspection's month (rule `event`); a day or month with
nothing around it falls before the meeting; a stock dated only by a calendar year of the context
is at its end. `period_source` in the facts names the kind of evidence (spec/output.md): P1, P2,
carried, event, P9 and P10 are `sentence`, P3 `table`, P4-P6 `heading`, P7 `title`, P8 `meeting_date`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .layout import NOTE_LINE
from .model import UNKNOWN_PERIOD, Candidate, Fact, Period
from .periods import (EXTREME_OF, MONTH_NAME, MONTH_WORD, MONTHS, Mention, SO_FAR_WORDS, SUM_FORWARD_FROM, as_at, day_in_context, end_of_month, financial_year, financial_year_of,
                      find_mentions, first_months, month_before, month_of, months_ending, over_months, previous, previous_quarter, quarter,
                      quarter_before, quarter_in_context, rolling_year, without_mentions, year_to_date)
from .values import figure_spans, not_a_figure

if TYPE_CHECKING:
    from .context import DocumentContext
    from .layout import PageLayout
    from .library import Library

# the step that decided -> the `period_source` of spec/output.md
SOURCE_OF_RULE = {"own_date": "sentence", "comparison": "sentence", "carried": "sentence", "event": "sentence",
                  "alongside": "sentence",
                  "table_column": "table", "lead_in": "heading", "standing": "heading", "heading": "heading",
                  "title": "title", "meeting_date": "meeting_date", "note": "heading", "footnote": "sentence", "": ""}

_PRIOR_BEFORE = re.compile(
    r"(?:\b(?:from|than|versus|vs\.?|against)\s+(?:an? |the )?(?:total of |figure of |level of |high of |low of |average of |"
    r"peak of |previous (?:high|peak) of |(?:its|our|their|a) (?:peak|high|previous high) of )?(?:£)?$)|\bcompared (?:to|with)\b|\b(?:below|above|since|under|over|from|than) (?:the|its|our|a|an) " + EXTREME_OF + r"\s*£?$|\b(?:previous|last|prior|preceding) (?:financial |reporting )?year\b"
    r"[^,;]*(?:,\s*when\b[^,;]*)?$|\bas against\b|\bon the previous year\b", re.I)
# ("brought forward from 2023/24" names where money came from, not a comparison: periods._FORWARD_FROM)
_COMPARED = re.compile(r"\b(?:than|compared (?:to|with)|(?<!\bforward )from|since|versus|vs\.?|against)\b"
                       r"(?:\s+(?:in|at|during|the|of))*\s*$", re.I)
_PRIOR_CUE = re.compile(r"\b(?:from|compared (?:to|with)|than|versus)\b", re.I)
_CUE_WORDS = re.compile(r"\b(?:from|compared|than|since|versus|previous|last|prior|against|before|"
                        r"(?<!look )(?<!looks )(?<!looking )(?<!looked )(?<!cared )(?<!caring )after)\b", re.I)
_CHANGE = re.compile(r"(?:increas|decreas|\brise\b|\brose\b|risen|\bfall|\bfell\b|\bup\b|\bdown\b|reduc|grow|grew|chang|"
                     r"drop|improv|declin|\bmov|compar|\bshift|\bjump|climb|\bslip)", re.I)

# a count since the year began, up to when its sentence (or the meeting) says: the year to date
_SO_FAR_WORDS = r"(?:in )?the year so far|so far this year|since (?:the start of )?April(?!\s+(?:19|20)?\d\d)"
_SO_FAR = re.compile(rf"\b(?:{_SO_FAR_WORDS})\b", re.I)
# a stock said at the end of the period the sentence names: "ending the quarter at 452", "closed the year on 611"
_ENDING_AT = re.compile(r"\b(?:end(?:ing|ed|s)?|finish(?:ing|ed|es)?|clos(?:ing|ed|es)?)\s+the\s+(?:quarter|year|period)\s+"
                        r"(?:at|on|with)\s+(?:around\s+|about\s+)?$", re.I)
# a stock that moved to its figure over the span the sentence names: "rose by eight over the quarter to 560", "rose by 12
# to 689 over the quarter" (the figure it moved to is the count at the span's end)
_MOVED_TO = re.compile(r"\b(?:rose|fell|increased|decreased|grew|dropped|reduced|climbed|went (?:up|down))\s+(?:by\s+[\w,.%]+\s+)?"
                       r"(?:(?P<over>(?:over|during|across)\s+the\s+(?:quarter|year|period|half[- ]year))\s+)?to\s+(?:around\s+|about\s+)?$", re.I)
_OVER_THE_SPAN = re.compile(r"\s+(?:over|during|across)\s+the\s+(?:quarter|year|period|half[- ]year)\b", re.I)


def _moved_over_the_span(text: str, start: int, end: int) -> bool:
    m = _MOVED_TO.search(text, max(0, start - 60), start)
    return m is not None and (bool(m.group("over")) or _OVER_THE_SPAN.match(text, end) is not None)


# a rate over the twelve months to a day the context names: "Over the last 12 months ..., a re-referral rate of 21%"
_LAST_TWELVE_MONTHS = re.compile(r"\b(?:last|past|previous|rolling|preceding)\s+(?:12|twelve)[- ]months?\b|\b(?:R12|rolling year)\b", re.I)
# a span up to a month's end: "to the end of December" (a ratio of what happened, counted over the year so far)
_UP_TO_THE_END = re.compile(rf"\b(?:to|up to|until|till)\s+the\s+end\s+of\s+(?:{MONTH_WORD})", re.I)
# a figure is dated by the meeting only when its text says it is current (or counts the year so far)
PRESENT = re.compile(r"\b(?:currently|at present|presently|as it stands|to date|(?:at )?(?:the )?time of writing|"
                     rf"this month|today|as we speak|right now|{_SO_FAR_WORDS})\b|"
                     # (or a label that opens by saying so: "Current re-referral rate: 21.8%")
                     r"^\W*current\s+(?!(?:financial\s+)?(?:year|quarter|month|period|budget|target|plan)\b)", re.I)
# a statement of the present, for a figure that nothing but the meeting dates
_NOW = re.compile(r"\bthere (?:are|is)\b|\bnow\b|\b(?:stands|remains) at\b", re.I)
POINT_KINDS = ("as_at", "month", "quarter")
_ANAPHOR = re.compile(r"\b(?:at|on|by) (?:that|this|the same) (?:date|day|point|time)\b|\bthe same (?:data|figures|date|period)\b|"
                      r"\b(?:these|those) figures\b|\bthis broke down\b|\bof (?:these|them|which)\b", re.I)
_FIGURE = re.compile(r"\d")
# a numbered paragraph's number, its section first: "3.3 At 30 November ..."
_PARAGRAPH_NUMBER = re.compile(r"\s*(\d{1,2})\.\d{1,2}\.?\s")
# a sentence that goes on about the last one's subject: "... reviewed its learning offer in 2023/24. It ran 118
# multi-agency courses": it has no period of its own, and takes that one's
# a sentence of a few words and its period, no verb and no figure: a heading run into the text
# ("Learning and development, 2023/24.", "The front door in 2018/19.", "Minutes, 12 November 2024.")
_HEADING_WORD = re.compile(r"[A-Za-z&'’-]+")
_HEADING_VERB = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|shall|can|could|may|might|did|does|do|"
                           r"[a-z]+ed|rose|fell|ran|held|made|saw|took|grew|met|says|said)\b", re.I)
_HEAD_SENTENCES = 3


def _run_in_heading(rest: str) -> bool:
    """Is a sentence, its dates taken out, a heading run into the text: a few words, no verb, no figure?"""
    return len(rest) <= 80 and not _FIGURE.search(rest) and 1 <= len(_HEADING_WORD.findall(rest)) <= 7 \
        and not _HEADING_VERB.search(rest)
_SAME_SUBJECT = re.compile(r"^\W*(?:It|They)\s+(?!(?:is|are|was|were|will|would|should|may|might)\b)", re.I)


@dataclass(frozen=True)
class Context:
    """What governs a sentence that names no period itself, with the rule it came from."""

    period: Period = UNKNOWN_PERIOD
    source: str = ""  # the rule that set `period`: heading, title, meeting_date ...
    carried: Period | None = None  # the period of the sentence before (rule "carried")
    event: Period | None = None  # "at the time of the inspection"
    meeting: Period | None = None  # places "the end of September" in a paper with no other date
    issued: Period | None = None  # the month a paper without a meeting's day is dated
    after_this_year: bool = False  # the sentence before spoke of "this year": a "Last year" opening this one is the year before


@dataclass
class _Figure:
    start: int
    end: int
    ext_end: int  # end including a bracket group that annotates it
    host: int | None = None  # index of the figure whose bracket group holds this one
    prior: bool = False
    mention: Mention | None = None


# -- the sentence: P1 own_date, P2 comparison --------------------------------------------------

# a number that names a part of the paper ("Section 4: Children in Care ..."), not a figure
_PART_NUMBER = re.compile(r"\b(?:section|part|chapter|item|paragraph|para|table|appendix|annex|figure|page)\s*$", re.I)


def _figures(text: str, values: list[tuple[int, int]]) -> list[_Figure]:
    spans = set(values)
    for s, e in figure_spans(text):
        if not any(a <= s < b or s <= a < e for a, b in values) and not _PART_NUMBER.search(text, max(0, s - 12), s):
            spans.add((s, e))
    return [_Figure(s, e, e) for s, e in sorted(spans)]


_RATE_UNIT = re.compile(r"^\s*(?:per|/)\s*10,?000(?:\s+(?:children|population|of the population|under[- ]18s?))?|^\s*per 10k\b", re.I)


# the years in a plan's or a strategy's name, before its noun
_PLAN_YEARS = re.compile(r"\b(?:19|20)\d\d\s?[/\u2013-]\s?(?:19|20)?\d\d(?=\s+(?:[\w-]+\s+)?(?:plan|strategy|programme)\b)", re.I)


def _plain_gap(gap: str, leading_comma: bool = False) -> bool:
    """A gap that binds a period to a figure: short words, no figures, no clause break.

    "4,036 referrals in 2017/18" binds; "the 2018/19 plan, so 78%" does not. A comma, colon or
    dash is allowed only straight after a period that opens the clause ("At 31 October 2017,
    543", "(2018/19: 3,998)").
    """
    gap = _RATE_UNIT.sub("", gap)  # "88.1 per 10,000 at the end of March 2023": the unit is the figure's
    if leading_comma:
        gap = re.sub(r"^\s*[,:=\-]", "", gap)
    gap = re.sub(r"\([^()\d]{1,30}\)", "", gap)  # a remark in brackets: "22 were complete (two thirds) at 31 March"
    gap = _PLAN_YEARS.sub(" ", gap)  # a plan's years name the plan: "88% of the actions in its 2024-26 plan by September"
    return len(gap) <= 40 and not re.search(r"[\d,;:()\[\]|]", gap) and not _CUE_WORDS.search(gap)


_EARLIER = re.compile(r"\b(?:year before|year earlier|previous|last (?:year|quarter|month)|prior|a year ago|earlier)\b", re.I)


# a comparison's word before "the same period (quarter, month, point) of" a period: the period is the compared one's
_SAME_SPAN_COMPARED = re.compile(r"\b(?:than|compared (?:to|with)|against|versus|from)\s+(?:(?:in|at|during|over|for)\s+)?"
                                 r"the\s+same\s+(?:period|quarter|month|months|point|time|stage)\s+(?:of|in|last)\s+$", re.I)


def _after_the_same_span(text: str, m: Mention) -> bool:
    """"Than in the same period of" (quarter, month, point) stands straight before the mention: its period is the
    compared figure's."""
    return _SAME_SPAN_COMPARED.search(text, 0, m.start) is not None


def _compared_before(text: str, m: Mention) -> bool:
    """Does a comparison word stand just before the mention ("compared with 2021/22", "from March
    2020")? Not when "from" opens the mention's own span ("From 1 April 2023 to 31 March 2024")."""
    if re.search(r"\s(?:to|until|and)\s|\s[-\u2013]\s?\d", text[m.start:m.end]):
        return False
    if m.absolute and _MONEY_FROM_BEFORE.search(text, max(0, m.start - 60), m.start):
        return False  # "a carry forward of £8,950 from 2023/24": where the sum came from, its year the next (periods.py)
    # (the span it names may stand between: "fewer than in the same period of 2023-24")
    return bool(_COMPARED.search(text[max(0, m.start - 25):m.start])) or _after_the_same_span(text, m) \
        or _baseline_before(text, m)


# the period of a change's baseline or of a comparator: "down 138 on Q1", "fell by 147 on 2022/23", an arrow's
# "↓ 4% on 2023/24", "the England figure for 2022/23"
_BASELINE_OF = re.compile(r"(?:(?:\b(?:up|down|higher|lower|more|fewer|less|rose|fell|risen|fallen|increased|"
                          r"decreased|grew|grown|dropped|reduced)\s+|[↑↓▲▼⬆⬇]\s*)(?:by\s+)?£?[\d,.]+%?(?:\s+\w+)?\s+on"
                          r"|\b(?:England|national|nationally|regional|statistical neighbours?'?|SN|comparator)\b"
                          r"[^.;,\d]{0,25}\b(?:for|in|at|of))\s*(?:the\s+)?$", re.I)


def _baseline_before(text: str, m: Mention) -> bool:
    """Is the mention a change's baseline or a comparator's date ("down 138 on Q1", "↓ 4% on 2023/24", "the
    England figure for 2022/23")?"""
    return bool(_BASELINE_OF.search(text, max(0, m.start - 50), m.start))


def dated_after(text: str, value_end: int) -> bool:
    """The words after a figure give it a period of its own ("against 1,655 in 2022", "against
    21.0% the year before"): what makes "against" a comparison of periods."""
    clause = re.split(r"[.;]", text[value_end:value_end + 45], maxsplit=1)[0]
    # (or a quarter or a month of no year, to be placed: "against 1,118 in quarter 2")
    return bool(_EARLIER.search(clause)) or any(m.absolute or m.quarter or m.month for m in find_mentions(clause))


def is_change(text: str, cue_at: int, value_end: int, cue: str) -> bool:
    """A bare "from" starts a prior figure only in a change ("rose from 374 to 412", "a reduction
    from 581"); "attended, from 3,320 places offered" is not one."""
    if re.match(r"\s*(?:as )?against\b", cue, re.I):
        return dated_after(text, value_end)  # "2,842 attended against 3,410 places" compares no periods
    if not re.match(r"\s*from\b", cue, re.I):
        return True
    return bool(_CHANGE.search(text[max(0, cue_at - 45):cue_at]) or
                re.match(r"[^.;]{0,45}?\bto\s+(?:£)?\d", text[value_end:]))


def _only_periods(gap: str) -> bool:
    """A short gap that holds a period and nothing else: ' at the end of March 2020 '."""
    if len(gap) > 40 or not re.fullmatch(r"[\w\s/.-]*", gap):
        return False
    rest = without_mentions(gap, find_mentions(gap))
    return rest != gap and not re.search(r"\d", rest) and len(rest.split()) <= 3


# (its period may say the figure was restated: "(2023/24, restated: 16,089)", "(2024 revised: 642)")
RESTATED = r"(?:,?\s*(?:restated|revised|re-?based|final|validated|provisional|updated))?"
_PERIOD_BRACKET = re.compile(r"^\(\s*(?:(?:19|20)\d\d(?:\s?[/-]\s?\d{2,4})?|Q[1-4][^:]{0,12}|previous year|last year|"
                             r"prior year|the year before)" + RESTATED + r"\s*[:=-]", re.I)


def _annotates(gap: str, bracket: str) -> bool:
    """A bracket annotates the figure before it when nothing but a period stands between, or
    when it gives a compared figure with its own period ("8,115 referrals (2021: 7,560)")."""
    if not gap.strip() or gap.strip().lower() in ("%", "per cent") or _only_periods(gap):
        return True
    gap = re.sub(r"\s*\([A-Za-z]{2,8}\)", "", gap)  # "318 children on a Child Protection Plan (CPP) (2022: 297)"
    return _labelled(bracket) and len(gap) <= 80 and not re.search(r"[\d,;:()\[\]]", gap)


def _labelled(bracket: str) -> bool:
    """A bracket that opens with a period and a colon: "(2021: 7,560)", "(31/3/22: 431)",
    "(Q2: 497)", "(previous year: 498)"."""
    if _PERIOD_BRACKET.match(bracket):
        return True
    first = next(iter(find_mentions(bracket)), None)
    return first is not None and not bracket[1:first.start].strip() and \
        bool(re.match(RESTATED + r"\s*[:=\u2013-]", bracket[first.end:], re.I))


def _groups(text: str, figures: list[_Figure]) -> list[tuple[int, int, int]]:
    """P2: bracket groups straight after a figure annotate it, (open, close, host index); the
    figures inside are compared figures with periods of their own."""
    groups = []
    for open_ in re.finditer(r"[(\[]", text):  # "(2022/23: 1,873)", "[Q2 24/25: 2,870]"
        close = text.find(")" if open_.group() == "(" else "]", open_.start())
        if close < 0:
            continue
        before = [i for i, f in enumerate(figures) if f.end <= open_.start() and f.host is None
                  and _annotates(text[f.end:open_.start()], text[open_.start():close])]
        if not before:
            continue
        h = before[-1]
        figures[h].ext_end = close + 1
        for f in figures:
            if open_.start() < f.start < close:
                f.host = h
        groups.append((open_.start(), close, h))
    return groups


_DATED_BRACKET = re.compile(r"\(?\s*£?[\d,.]+%?\s+(?:in|at|on|as at)\s+[^()]{3,25}\)")


_QUANTITY = re.compile(r"\b(?:more|fewer|less)\s+than$", re.I)


_LABELLED_BRACKET = re.compile(r"\(\s*([^()]{2,30}?)\s*:\s*£?$")


def mark_comparisons(text: str, figs: list[_Figure], outer: list[int]) -> None:
    """P2 comparison: a figure after "from", "compared with", "than" (in a change) is a prior
    figure, dated by its own period or the main one a year back, never lending it to the main one."""
    opening = re.match(r"\W*last year\b", text, re.I)  # "Last year 245 delegates attended": the year reported on
    for k, i in enumerate(outer):
        prev_end = figs[outer[k - 1]].ext_end if k else 0
        cue = _PRIOR_BEFORE.search(text[prev_end:figs[i].start])
        if cue and opening and prev_end + cue.start() < opening.end():
            continue
        if cue and _MONEY_FROM_BEFORE.search(text, 0, prev_end + cue.start()):
            continue  # "a carry forward of £27,340 from the previous year and £498,600 in contributions"
        if cue and re.fullmatch(r"than\s*£?", cue.group().strip(), re.I) \
                and _QUANTITY.search(text, 0, prev_end + cue.start() + 4):
            continue  # "more than 260 delegates", "was more than £400,000": a figure's qualifier, no comparison
        if cue and is_change(text, prev_end + cue.start(), figs[i].end, cue.group()):
            figs[i].prior = True
        elif k and figs[outer[k - 1]].prior and _LIST_GAP.fullmatch(text, _past_its_period(text, prev_end),
                                                                    figs[i].start) \
                and _past_its_period(text, figs[i].end) > figs[i].end:
            figs[i].prior = True  # "against 1,118 in quarter 2 and 1,204 in quarter 1": the list goes on comparing
        elif k and _DATED_BRACKET.match(text, figs[i].start) and text[:figs[i].start].rstrip().endswith("("):
            figs[i].prior = True  # "eleven fewer than a year earlier (410 in May 2021)": a figure and its date alone
        elif k and (label := _LABELLED_BRACKET.search(text, 0, figs[i].start)) and find_mentions(label.group(1)):
            figs[i].prior = True  # "611 ... in the year to 31 March 2024 (2022/23: 574)": a period's label, then its figure


def _past_its_period(text: str, end: int) -> int:
    """Where a figure's words end, past the period said straight after it ("1,010 in quarter 2")."""
    m = next((m for m in find_mentions(text) if m.start >= end), None)
    if m is not None and re.fullmatch(r"\s*(?:in|at|for|during|by|on|to)?\s*", text[end:m.start]):
        return m.end
    return end


_LIST_GAP = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")


def _bracketed_figure(text: str, m: Mention, figs: list[_Figure]) -> int | None:
    """The figure alone in a bracket straight after a period mention, which it belongs to."""
    opened = re.match(r"\s*\(\s*", text[m.end:])
    if not opened:
        return None
    at = m.end + opened.end()
    i = next((k for k, f in enumerate(figs) if f.start == at), None)
    if i is None or not re.match(r"\s*(?:%|per cent)?\s*\)", text[figs[i].end:]):
        return None
    return i


# a date used as an attribute of the figure after it: "the 2019/20 peak of 6,412", "the March 2022 figure of 301"
# (and a sum's: "on the 2024/25 budget of £276.7 million", "the 2024 to 2025 financial year budget of ...")
_ATTRIBUTE_OF_NEXT = re.compile(r"(?:'s)?\s+(?:(?:financial|calendar|academic)\s+year\s+)?(?:peak|high point|high|low point|"
                                r"low|figure|total|level|outturn|position|count|rate|budget|spend|expenditure)\s+"
                                r"(?:of|was|stood at)\s+(?:just\s+)?(?:£)?$", re.I)


# a figure set against the one before it, named by its period: "slightly above the 2024-25 Qtr 1 figure of"
_COMPARED_THE = re.compile(r"\b(?:above|below|under|over|than|against|compared (?:to|with)|versus|from)\s+(?:the|its|our)\s*$",
                           re.I)


def _named_by(text: str, m: Mention, figs: list[_Figure]) -> int | None:
    """The figure a mention is an attribute of ("the 2019/20 peak of 6,412"), if any."""
    after = next((i for i, f in enumerate(figs) if f.start >= m.end), None)
    if after is None or figs[after].mention is not None or not m.absolute:
        return None
    return after if _ATTRIBUTE_OF_NEXT.fullmatch(text[m.end:figs[after].start]) else None


def _clause_mates(text: str, figs: list[_Figure]) -> None:
    """"...had already run 38 courses; across the full year it delivered 147 courses to 2,980
    delegates": in a clause after a semicolon, a figure with no period of its own takes the one
    its clause gives another figure, not the sentence's first."""
    if ";" not in text:
        return
    bounds = [0] + [m.end() for m in re.finditer(";", text)] + [len(text) + 1]
    for lo, hi in zip(bounds, bounds[1:]):
        if lo == 0:
            continue  # the first clause is the main one
        inside = [f for f in figs if lo <= f.start < hi and f.host is None and not f.prior]
        # (not a change's baseline: in "contributions total £574,300, up £12,000 on last year" last
        # year is the £12,000's)
        own = {id(f.mention): f.mention for f in inside if f.mention is not None
               and not _compared_before(text, f.mention)}
        if len(own) == 1:
            m = next(iter(own.values()))
            for f in inside:
                if f.mention is None:
                    f.mention = m


_JOINED = re.compile(r"^\s*(?:,|,?\s*and)\s*$", re.I)
# months named in turn with no year after them: "November and December", "January, February and March"
_MONTHS_IN_TURN = re.compile(rf"\b(?:{MONTH_NAME})(?:(?:,\s*|,?\s+and\s+)(?:{MONTH_NAME}))+\b(?!,?\s+(?:19|20)\d\d)")


def _respectively(text: str, mentions: tuple[Mention, ...], figs: list[_Figure], outer: list[int]) -> None:
    """"140 and 162 courses in 2021-22 and 2022-23 respectively": as many periods, joined by "and",
    as figures joined by "and", each figure takes the period in its place; so do months or quarters of no
    year ("The November and December figures were 121 and 120 respectively"), placed as any such month is."""
    if "respectively" not in text.lower():
        return
    dated = [m for m in mentions if m.absolute or m.quarter]
    # (months of no year in turn, "November and December", are such periods too, whether or not "in" leads them)
    named = [m for m in _MONTHS_IN_TURN.finditer(text)
             if not any(n.absolute and n.start < m.end() and m.start() < n.end for n in mentions)]
    for run_match in named:
        words = list(re.finditer(MONTH_NAME, run_match.group(0)))
        dated += [Mention(run_match.start() + w.start(), run_match.start() + w.end(), month=MONTHS[w.group(0).lower()], day=0)
                  for w in words]
    dated.sort(key=lambda m: m.start)
    for k in range(len(dated) - 1):
        run = [dated[k]]
        while k + len(run) < len(dated) and _JOINED.match(text[run[-1].end:dated[k + len(run)].start]):
            run.append(dated[k + len(run)])
        if len(run) < 2:
            continue
        group = [i for i in outer if not figs[i].prior]
        for s in range(len(group) - len(run) + 1):
            chosen = group[s:s + len(run)]
            if all(_JOINED.match(text[figs[a].end:figs[b].start]) for a, b in zip(chosen, chosen[1:])):
                for i, m in zip(chosen, run):
                    figs[i].mention = m
                return
        return


# a period that labels the figure after its colon: "2023/24: 39.2   2024/25: 37.5" (the 2024/25 is not the 39.2's)
_LABEL_GAP = re.compile(r"\)?\s*:\s*£?")
_LABELS_NEXT = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?:\s*£?\d")  # (its aside between: "Q3 (Oct-Dec 24): 1,295")


def _bind_before(text: str, m: Mention, figs: list[_Figure], group: tuple[int, int, int] | None,
                 pool: list[int]) -> bool:
    """The figure just before the mention takes it when a short plain gap separates them ("412
    at 31 March"), also when the figure's bracket follows the mention ("455 at year end (2021/22:
    431)"); "last year's figure of 477" names what follows."""
    ahead = [i for i in pool if not group and figs[i].end <= m.start < figs[i].ext_end]
    before = ahead or [i for i in pool if (figs[i].end if group else figs[i].ext_end) <= m.start]
    if not before or text.startswith("'s", m.end) or _LABELS_NEXT.match(text, m.end):
        return False
    b = before[-1]
    gap = text[(figs[b].end if group or ahead else figs[b].ext_end):m.start]
    if _plain_gap(gap) and figs[b].mention is None:
        figs[b].mention = m
        return True
    return False


# a sum carried over, then "from": what follows names where the sum came from ("a carry forward of £27,340 from the
# previous year"), not a period to date it or the figures after it by
_MONEY_FROM_BEFORE = re.compile(SUM_FORWARD_FROM + "$", re.I)
_RELATIVE = re.compile(r"\b(?:which|who|whom|whose)\b", re.I)


def _in_relative_clause(text: str, m: Mention) -> bool:
    """The mention ends an aside that a relative pronoun opens after a comma ("The plan, which the
    Executive approved in April, contains 52 actions"): it dates the aside's event, not the figure
    after the aside's closing comma."""
    comma = text.rfind(",", 0, m.start)
    return comma >= 0 and bool(_RELATIVE.search(text, comma, m.start))


def _bind_after(text: str, m: Mention, figs: list[_Figure], group: tuple[int, int, int] | None,
                pool: list[int]) -> bool:
    """Else the figure after it, when the gap is plain and the mention is no comparison's ("At
    31 March, 412"); in a bracket group, the group's host."""
    after = [i for i in pool if figs[i].start >= m.end]
    chosen = None
    if after:
        a = after[0]
        gap = re.sub(r"^'s\b", "", text[m.end:figs[a].start])
        gap = re.sub("^" + RESTATED, "", gap, flags=re.I)  # "(2023/24, restated: 16,089)": the restated figure's year
        if re.search(r"\(\s*$", text[:m.start]):
            gap = re.sub(r"^\s*\)\s*:?", " ", gap)  # a period alone in brackets before its figure: "; (2023/24) 2,391"
        compared = _compared_before(text, m) and not figs[a].prior
        if not (figs[a].prior and _PRIOR_CUE.search(gap)) and _plain_gap(gap, leading_comma=True) and not compared \
                and not (gap.lstrip().startswith(",") and _in_relative_clause(text, m)):
            chosen = a
    if chosen is None and group is not None:
        chosen = group[2]
    if chosen is not None and figs[chosen].mention is None:
        figs[chosen].mention = m
        return True
    return False


def bind_mentions(text: str, mentions: tuple[Mention, ...], figs: list[_Figure],
                  groups: list[tuple[int, int, int]], outer: list[int],
                  closing: frozenset[Mention] = frozenset()) -> list[Mention]:
    """P1 own_date: each period mention goes to one figure, first to the figure just before it,
    then to the one after it; inside a bracket group only to the figures of the group (P2), a
    baseline ("since 2010") to a prior figure; a date that closes the line (`closing`) to none, for
    every figure of the line. Returns the mentions bound to no figure."""
    pending, closes = [], []
    for m in mentions:
        inside = _bracketed_figure(text, m, figs)
        if inside is not None and figs[inside].mention is None:
            h = figs[inside].host
            if h is not None and not m.since and figs[h].mention is None and figs[h].end <= m.start \
                    and _plain_gap(text[figs[h].end:m.start]):
                figs[h].mention = m  # "31 were complete at 30 September 2025 (53%)": the count's date, so its share's
            else:
                figs[inside].mention = m  # "the busiest quarter since Q1 2020/21 (203)"
            continue
        if not m.absolute and _MONEY_FROM_BEFORE.search(text, 0, m.start):
            continue  # "a carry forward of £27,340 from the previous year and £498,600 in contributions": where the
            # money came from, which dates neither it (it is this year's) nor the figure after it
        named = _named_by(text, m, figs)
        if named is not None:  # "well below the 2019/20 peak of 6,412": the date is the peak's
            figs[named].mention = m
            if _COMPARED_THE.search(text, 0, m.start):
                figs[named].prior = True  # ("slightly above the 2024-25 Qtr 1 figure of 21.9%": no main figure's date)
            continue
        if m.since:
            target = next((figs[i] for i in outer if figs[i].prior and figs[i].mention is None), None)
            if target is not None:
                target.mention = m
            continue
        if m.absolute and m in closing:
            closes.append(m)  # "female 1,012; male 1,101; not known 9 (as at 31/03/2023)": every figure's
            continue
        group = next((g for g in groups if g[0] <= m.start < g[1]), None)
        pool = [i for i, f in enumerate(figs) if group[0] < f.start < group[1]] if group else outer
        if group is not None and not pool and m.absolute and figs[group[2]].mention is None \
                and not _CUE_WORDS.search(text, group[0], m.start) and not _CHANGE.search(text, group[0], m.start) \
                and not any(figs[group[2]].end <= o.start < group[0] for o in mentions):
            figs[group[2]].mention = m  # "27.4% (year to date, end of December 2024)": its figure's date
            continue
        if group is not None and not pool and m.absolute:
            # the bracket of a period written between, a label of the figure after its colon: "1,388 referrals
            # Q3 (Oct-Dec 24): 1,295" dates the 1,295
            labelled = next((f for f in figs if f.start >= group[1] and _LABEL_GAP.fullmatch(text, group[1], f.start)), None)
            if labelled is not None and labelled.mention is None:
                labelled.mention = m
                continue
        if not _bind_before(text, m, figs, group, pool):
            pending.append((m, group, pool))
    left = [(m, group, pool) for m, group, pool in pending if not _bind_after(text, m, figs, group, pool)]
    return closes + [m for m, group, pool in left if group is not None or not _bind_in_clause(text, m, figs, pool)]


_CLAUSE_WORD = re.compile(r"\b(?:and|or|but|while|whereas|although|which|who|that|so)\b", re.I)
_DATING_WORDS = r"(?:at|on|in|during|as of)"
_DATING_WORD = re.compile(rf"\b{_DATING_WORDS}\s*$", re.I)  # not "completed by September", "the plan for 2024/25"
_DATING_WORD_FIRST = re.compile(rf"{_DATING_WORDS}\b", re.I)  # (or the mention's own first word: "in the quarter")


def _bind_in_clause(text: str, m: Mention, figs: list[_Figure], pool: list[int]) -> bool:
    """Last, a date that closes its figure's own clause: in "344 children were subject to a
    child protection plan at 31 October 2024, and 38 ... during October" the day is the 344's,
    though the noun phrase between is too long for a plain gap. No comma, figure or comparison
    word may stand between, and the figure must still be free."""
    before = [i for i in pool if figs[i].ext_end <= m.start]
    if not before or m.since or _compared_before(text, m):
        return False
    f = figs[before[-1]]
    figure_end = f.start + len(text[f.start:f.ext_end].rstrip(", "))  # "£139,850, which": the comma is the gap's
    gap = text[figure_end:m.start]
    if f.mention is not None or f.prior or len(gap) > 100 or re.search(r"[\d,;:()\[\]|]", gap) \
            or _CUE_WORDS.search(gap) or _CLAUSE_WORD.search(gap) \
            or not (_DATING_WORD.search(gap) or _DATING_WORD_FIRST.match(text, m.start)):
        return False
    f.mention = m
    return True


def place(m: Mention, around: Period, ctx: Context) -> Period | None:
    """R: a date or quarter written without its year, placed in the period around it, or the last
    such date (or quarter ended) before the meeting when nothing else dates the sentence."""
    # (the paper's date: its meeting's day, or the day or month it is written under)
    paper = ctx.meeting or ctx.issued or (around if around.kind in ("as_at", "month") else None)
    if m.month and not around.known and paper is not None and paper.end is not None:
        p = day_in_context(m.month, m.day, paper)
        if p.known and p.end and p.end > paper.end:
            p = previous(p)
    elif m.month:
        p = day_in_context(m.month, m.day, around)
    elif m.quarter:
        if not around.known and ctx.meeting is not None and ctx.meeting.end is not None:
            p = quarter_before(m.quarter, ctx.meeting.end)  # ("During quarter 3, 97 children ...", at February's meeting)
        else:
            p = quarter_in_context(m.quarter, around)
            if p.known and p.end is not None and paper is not None and paper.end is not None and p.end > paper.end \
                    and around.end is not None and around.end <= paper.end:
                p = quarter_before(m.quarter, paper.end)  # "Q4 saw 1,402 referrals" in minutes of July 2025: not next March's
        if p.known and m.day == -1:  # "the end of Quarter 1"
            p = as_at(p.end)  # type: ignore[arg-type]
    else:
        return None
    if p.known and m.months and p.end is not None:  # "in the six months to 30 September"
        # (twelve of them are a rolling year, labelled by its month: "rolling 12 months to end of December")
        p = rolling_year(p.end.year, p.end.month) if m.months == 12 else months_ending(p.end, m.months)
    return p if p.known else None


def main_period(text: str, mentions: tuple[Mention, ...], figs: list[_Figure], outer: list[int],
                unattached: list[Mention], ctx: Context, lead: int = 0,
                closing: frozenset[Mention] = frozenset()) -> tuple[Period | None, int]:
    """P1 own_date for the sentence: the period of its first main figure that has one, else the
    first period its main clause names (not one after "compared with"), else a loose day-month
    placed in the context (R); with where in the text it was written. None when it names none.
    `lead`: where the first figure read for a KPI starts; a later cell of its line (" | ") is
    another figure's, with its own period ("23.5% | 2024/25 outturn 25.1%")."""
    for i in outer:
        m = figs[i].mention
        if figs[i].start > lead and " | " in text[lead:figs[i].start]:
            break
        if figs[i].prior or m is None or m.since or _baseline_before(text, m) \
                or (m.absolute and _after_the_same_span(text, m)):
            continue  # "(20.6%)" after "the lowest since Q3 2023/24", "(22.4%)" after "the England figure for 2022/23"
            # (or "(3,311)" after "fewer than in the same period of 2023-24")
        if m.relative == "year_reported" and ctx.after_this_year and (base := ctx.carried or ctx.period).known \
                and base.kind in ("financial_year", "calendar_year", "academic_year"):
            return previous(base), m.start  # "The budget for this year is £547,300. Last year the partnership spent ..."
        if m.relative == "year_reported" and (got := resolve_mention(m, False, ctx.carried or ctx.period, "", ctx)):
            return got[0], m.start  # "Last year we offered 3,240 places across 142 courses": the sentence's year
        if m.relative in ("current", "year_reported", "current_quarter", "current_year", "previous", "previous_quarter",
                          "previous_quarter_end"):
            break  # "Referrals for the year totalled 7,915, an increase of 4% on 2018/19": not 2018/19
        if m.relative == "event" and ctx.event is not None:  # "At the time of the inspection there were 341 ... and 2,011 ..."
            return ctx.event, m.start
        found = (m.period if m.absolute else None) or place(m, ctx.carried or ctx.period, ctx) \
            or _placed_in_sentence(m, mentions, ctx)
        if found is not None:
            return found, m.start
    used_by_secondary = {id(f.mention) for f in figs if f.prior or f.host is not None}
    first = next((figs[i] for i in outer if not figs[i].prior), None)

    def aside(m: Mention) -> bool:
        """In a relative aside closed before the first main figure: "The plan, which the Executive
        approved in April, contains 52 actions" (April dates the approval, not the 52)."""
        return first is not None and m.start < first.start and _in_relative_clause(text, m) \
            and "," in text[m.end:first.start]

    def in_clause(m: Mention) -> bool:
        """Before the first main figure, or after it with no clause break between."""
        if aside(m):
            return False
        if first is None or m.start < first.start or _date_cell(text, m) or m in closing:
            return True
        return not re.search(r"[;:]|,(?!\d{3})|\b(?:which|leaving|while|whereas|but)\b", text[first.end:m.start]) \
            and " | " not in text[max(first.end, lead):m.start]  # (nor in a later cell than the first figure read)
    found = next((m for m in mentions if m.absolute and not m.since and id(m) not in used_by_secondary
                  and not _compared_before(text, m) and in_clause(m)), None)
    if found is not None:
        return found.period, found.start
    meeting = next((m for m in mentions if m.relative == "meeting_day" and in_clause(m)), None)
    if meeting is not None and ctx.meeting is not None:  # "317 children ... as at the date of the meeting"
        return ctx.meeting, meeting.start
    # "... there were 611 children subject to a CP plan at 31st March."
    loose = next((m for m in unattached if m.month  # not a compared one: "27 fewer than at the end of March"
                  and not _compared_before(text, m) and not aside(m)), None)
    if loose is not None:
        placed = place(loose, ctx.carried or ctx.period, ctx)
        return (placed, loose.start) if placed is not None else (None, -1)
    return None, -1


# a target's or a forecast's deadline, "(target 75% by March)", "anticipates 610 by March", dates that
# target or forecast, never the figure beside it
_TARGET_BEFORE = re.compile(r"\b(?:target(?:ed)?|aim(?:ing)?|ambition|goal|trajectory|forecasts?|anticipat\w*|projects?|"
                            r"projected|projection|expects?|expected|predicts?|predicted)\b[^.;()]{0,40}?$", re.I)
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?$", re.I)
_BY_OPENS = re.compile(r"by\b", re.I)


_DATE_CELL_WORDS = re.compile(r"[\s(]*(?:(?:data\s+|position\s+|figures\s+)?(?:as\s+(?:at|of)|at|on)|snapshot)?[\s:)]*\.?\s*", re.I)


# a date that closes a line of several figures, in a bracket or after a dash: "... not known 9 (as at
# 31/03/2023)", "Children in Care: 590 — data as at 30 September 2018", "| (rate 88.6) as at 31.12.2021"
_CLOSING_BEFORE = re.compile(r"(?:(?:\(|\s[-\u2013\u2014]|\|\s*\([^()]*\))\s*(?:(?:data|position|figures|snapshot)\s+)?"
                             r"(?:(?:as\s+(?:at|of)|at|on)\s+)?|,\s*(?:as\s+(?:at|of))\s+)$", re.I)


_NUMBER = re.compile(r"(?<![\d.,])\d[\d,.]*")


def _closing_date(text: str, m: Mention, figs: list[_Figure]) -> bool:
    """Is the mention a date that closes a line of two figures or more, set apart by a bracket or
    a dash: the date of every figure of the line that has none of its own?"""
    return (len(figs) > 1 or len(_NUMBER.findall(text, 0, m.start)) > 1) and all(f.end <= m.start for f in figs) \
        and re.fullmatch(r"[\s).]*", text[m.end:]) is not None and _CLOSING_BEFORE.search(text, 0, m.start) is not None


def _date_cell(text: str, m: Mention) -> bool:
    """The last cell of a line set out with pipes, holding a date alone ("... | 11 | as at
    30/09/2024"): the date of the whole line."""
    cell = text.rfind(" | ", 0, m.start)
    return cell >= 0 and " | " not in text[m.end:] \
        and _DATE_CELL_WORDS.fullmatch(text[cell + 3:m.start] + " " + text[m.end:]) is not None


# a comparator's own figure just before the date: "England 41.6 at", "statistical neighbours 58 in"
_COMPARATOR_FIGURE_BEFORE = re.compile(
    r"\b(?:England|English average|national(?:ly)?(?: average)?|statistical neighbours?|SNs?|(?:the )?region(?:al)?(?: average)?)"
    r"(?:'s?)?(?: (?:rate|average|figure|was|is|of))*:? \d[\d.,]*%?(?: per 10,000)?\s*(?:at|in|on|for|as at|,)?\s*$|"
    # "... against 88 for our statistical neighbours and 70 for England (2024)"
    r"\d[\d.,]*%?\s+for\s+(?:our\s+|the\s+)?(?:England|statistical neighbours?|the region|the North \w+|the South \w+|"
    r"similar (?:councils|authorities|areas)|(?:all )?(?:English )?(?:councils|local authorities))\s*\(?\s*$")


def _target_deadline(text: str, m: Mention) -> bool:
    """Is the mention the deadline of a target or a forecast ("target 75% by March", "anticipates
    610 by March")? ("by" may open its span.)"""
    by = _BY_OPENS.match(text, m.start, m.end) or _BY_BEFORE.search(text, max(0, m.start - 20), m.start)
    return bool(by) and bool(_TARGET_BEFORE.search(text, max(0, m.start - 60), m.start))


def _dates_another(text: str, m: Mention) -> bool:
    """A date that dates something else than the sentence's figures: an event ("the plan
    launched in April 2019"), a target's or a forecast's deadline ("target 75% by March"), or a
    comparator's figure ("163 children ... (45.3 per 10,000; England 41.6 at 31 March 2025)")."""
    return dates_an_event(text, m) or _target_deadline(text, m) or \
        bool(_COMPARATOR_FIGURE_BEFORE.search(text, max(0, m.start - 50), m.start)) or _names_a_plan(text, m) \
        or _carried_into(text, m)


# work moved on to a later year: "5 had slipped and have been carried into 2025/26", "rolled over into next year's plan"
_CARRIED_INTO = re.compile(r"\b(?:carried|rolled|moved|pushed|deferred|slipped)\s+(?:forward\s+|over\s+|back\s+)?(?:in)?to\s+(?:the\s+)?$",
                           re.I)


def _carried_into(text: str, m: Mention) -> bool:
    """A year that work was carried into is where it went, not when the sentence's figures are; money carried
    into a year is that year's carry forward, so a sentence of sums keeps it."""
    if not _CARRIED_INTO.search(text, max(0, m.start - 40), m.start):
        return False
    return "£" not in text


# "the 2025-26 business plan": a year that is part of a plan's name
_PLAN_AFTER_YEAR = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:plan|strategy|programme)\b", re.I)
# (or a body's: "the partnership's 2024-25 business plan")
_PLAN_DETERMINER = re.compile(r"\b(?:the|its|our|their|this)\s+(?:[\w-]+(?:'s|s'|’s)\s+)?$", re.I)


def _a_plans_name(text: str, m: Mention) -> bool:
    """The mention is a year in a plan's name: "the 2025-26 business plan", "our 2024-2027 strategy"."""
    return bool(_PLAN_DETERMINER.search(text, max(0, m.start - 30), m.start)) and bool(_PLAN_AFTER_YEAR.match(text, m.end))


def _names_a_plan(text: str, m: Mention) -> bool:
    """A year in a plan's name ("57% of the actions in the 2025-26 business plan had been completed by
    30 September 2025") names the plan; another date in the sentence dates its figures."""
    return _a_plans_name(text, m) \
        and any(x.absolute and x.start != m.start and not _PLAN_AFTER_YEAR.match(text, x.end) for x in find_mentions(text))


def _placed_in_sentence(m: Mention, mentions: tuple[Mention, ...], ctx: Context) -> Period | None:
    """A year-less day placed in the year the sentence itself names before it, when nothing
    around does: "Dashboard, calendar year 2024 At 30 June there were 1,540 ... and 402 ..."."""
    year = next((x.period for x in mentions if x.start < m.start and x.absolute and x.period is not None
                 and x.period.kind in ("calendar_year", "financial_year")), None)
    return place(m, year, ctx) if year is not None and m.month else None


_CLAUSE_BREAK = re.compile(r";|,\s*(?:and|but|while|whereas|although|though|with)\b", re.I)
_EVENT_NOUN = re.compile(r"\b(?:conference|summit|event|webinar|workshop|seminar|launch|briefing|held|took place|visit)\b", re.I)


def _outside_main_clause(text: str, f: _Figure, main_at: int) -> bool:
    """A figure before a later clause that dates an event, or before a semicolon, is not dated
    by that clause: in "webinars reached 1,146 attendees, and our conference, held on 24
    February 2021, had 412 delegates" the conference's date is not the webinars', and in "The
    re-referral rate of 21.4% remains above target; an audit in August found ..." August is
    the audit's."""
    if main_at <= f.ext_end:
        return False
    brk = None
    for brk in _CLAUSE_BREAK.finditer(text, f.ext_end, main_at):
        pass
    return brk is not None and (brk.group() == ";" or bool(_EVENT_NOUN.search(text[brk.end():main_at])))


# "last month", "at the end of last month", "this month": a month against another
_MONTH_BACK = ("previous_month", "previous_month_end", "current_month")


def _last_year_ended_by(day: date) -> Period:
    """The last financial year that had ended by `day` (on its 31 March, that year)."""
    fy = financial_year_of(day)
    return financial_year(fy if day == date(fy + 1, 3, 31) else fy - 1)


def resolve_mention(m: Mention | None, prior: bool, base: Period, base_rule: str,
                    ctx: Context) -> tuple[Period, str] | None:
    """R: a figure's own mention as a period: absolute as written; relative ones against `base`,
    the period that governs the sentence, keeping the rule that set it."""
    if m is None:
        return None
    if m.absolute:
        return m.period, ("comparison" if prior else "own_date")  # type: ignore[return-value]
    if m.relative == "previous":
        return _year_back(base, m.fy), base_rule
    if m.relative == "previous_quarter":
        return previous_quarter(base), base_rule
    if m.relative == "previous_quarter_end":  # "at the end of the previous quarter": its last day
        got = previous_quarter(base)
        return (as_at(got.end), base_rule) if got.known and got.end is not None else None
    if m.relative == "current":
        if base.kind == "as_at" and base.end is not None and base_rule == "meeting_date":
            return months_ending(base.end, 12), base_rule  # "In the last 12 months, 1,402 children ..." (a paper of 30 April)
        return base, base_rule
    if m.relative == "year_reported":  # "Last year 245 delegates attended": the year reported on; against a day,
        # the last financial year ended by it ("Last year we offered 3,240 places" in a paper of 21 May 2025: 2024-25)
        if base.kind in ("as_at", "month") and base.end is not None:
            return _last_year_ended_by(base.end), base_rule
        return base, base_rule
    if m.relative == "current_quarter":  # "in the quarter" of a report at a quarter's last day is that quarter
        if base.kind in ("as_at", "month") and base.end is not None and base.end.month % 3 == 0 \
                and base.end == end_of_month(base.end.year, base.end.month):
            return quarter(base.end.year, base.end.month // 3), base_rule
        return base, base_rule
    if m.relative == "current_year":
        year = financial_year(financial_year_of(base.end)) if base.kind in ("quarter", "month", "as_at") \
            and base.end is not None else base
        if m.month and year.kind == "financial_year":  # "for the financial year to the end of December": so far
            placed = day_in_context(m.month, None, year)
            if placed.known and placed.end is not None:
                return year_to_date(placed.end), base_rule
        return year, base_rule
    if m.relative == "event":
        return (ctx.event, "event") if ctx.event is not None else None
    if m.relative == "meeting_day":  # "as at the date of the meeting": the paper's meeting, said in the sentence
        return (ctx.meeting, "own_date") if ctx.meeting is not None else None
    if m.relative in _MONTH_BACK:
        # "At the end of last month" in minutes of 12 September 2018, "389 this month, 402 last month" in
        # a March scorecard: against what governs the sentence, else the meeting the paper is for, else the
        # month it is dated ("Last month 201 referrals were received" in a report to Cabinet of October 2025)
        anchor, rule = (base, base_rule) if base.known else (ctx.meeting or ctx.issued, "meeting_date")
        if anchor is None:
            return None
        got = month_of(anchor) if m.relative == "current_month" else month_before(anchor)
        if m.relative == "previous_month_end" and got.end is not None:
            got = as_at(got.end)
        return (got, rule) if got.known else None
    if m.relative in ("half_year_end", "first_half", "first_months"):  # "at the half-year point", "in the first six months"
        n = m.months if m.relative == "first_months" else 6  # ("the first nine months": its own count)
        half = first_months(base, n)
        if half is None and base.kind in ("as_at", "month") and base.end is not None:
            # against a paper's day, the half of the financial year it falls in, once that half has ended
            # ("At the half-year point 498 children ..." in a paper of 6 November 2024: 30 September 2024)
            half = first_months(financial_year(financial_year_of(base.end)), n)
            half = half if half is not None and half.end is not None and half.end <= base.end else None
        if half is None or half.end is None:
            return None
        return (as_at(half.end) if m.relative == "half_year_end" else half), base_rule
    if m.relative == "period_end":  # "at the end of the quarter"
        if not base.known and m.fy and ctx.meeting is not None and ctx.meeting.end is not None:
            # "At the end of the financial year, 871 children were in our care" in a paper of 2 July 2025: the last
            # 31 March the meeting had passed
            return as_at(_last_year_ended_by(ctx.meeting.end).end), "meeting_date"  # type: ignore[arg-type]
        return (as_at(base.end), base_rule) if base.known and base.end else None
    placed = place(m, base, ctx)  # the day and month are the sentence's; only the year is borrowed
    if placed is None:
        return None
    if prior and m.month and placed.end and base.end and placed.end >= base.end:
        placed = previous(placed)  # "517 at 31 December 2021, up from 502 at the end of September": 2021
    return placed, ("comparison" if prior else "own_date")


def _year_back(base: Period, financial: bool) -> Period:
    """The year before `base`; when it is said to be a financial year ("last financial year") and `base` is a
    day, a month or a quarter, the financial year before the one holding it (in a July paper: the year to March)."""
    if financial and base.kind != "financial_year" and base.end is not None:
        return financial_year(financial_year_of(base.end) - 1)
    return previous(base)


def _same_point_a_year_back(own: tuple[Period, str], f: _Figure, host: tuple[Period, str] | None
                            ) -> tuple[Period, str]:
    """P2: a bare year in a bracket after a point in time is that point a year back ("298 at the
    end of March 2020 (2019: 341)"); a bare quarter after an as-at date is its last day
    ("CLA at end of Q3 2020/21 - 503 (Q2: 497)")."""
    if host is None or f.mention is None:
        return own
    if f.mention.absolute and own[0].kind == "calendar_year" and host[0].kind in ("as_at", "month", "quarter"):
        back = previous(host[0])
        if back.start and own[0].start and back.start.year == own[0].start.year:
            return back, "comparison"
    if f.mention.quarter and own[0].kind == "quarter" and own[0].end is not None and host[0].kind == "as_at":
        return as_at(own[0].end), own[1]
    return own


# a financial year said to be so far: "2025/26 year to date", "2025/26 so far", "2025/26 YTD"
_SO_FAR_AFTER = re.compile(rf"\s*(?:{SO_FAR_WORDS}|to\s+date)\b", re.I)


def _year_to_a_month(text: str, mentions: tuple[Mention, ...], main: Period) -> tuple[Mention, Period] | None:
    """A financial year the sentence says is so far, beside the one month of no year it runs to ("to the end of
    February (2025/26 year to date)", "For 2024-25 so far, 47 courses had run up to the end of February"): that
    month's mention, and the year to date to its end, labelled by the month (spec/kpis.md), when the sentence's
    main period is that year or that month."""
    years = [m.period for m in mentions if m.period is not None and m.period.kind == "financial_year"
             and _SO_FAR_AFTER.match(text, m.end)]
    months = [m for m in mentions if m.month and m.period is None and not m.relative and not m.months and not m.since]
    if len(years) != 1 or len(months) != 1:
        return None
    year = years[0]
    placed = day_in_context(months[0].month, None, year)
    if not placed.known or placed.end is None or year.start is None or year.end is None \
            or not year.start <= placed.end < year.end or main.end is None \
            or not (main == year or main.kind in ("as_at", "month") and main.end == placed.end):
        return None
    return months[0], year_to_date(placed.end)


def attribute(text: str, values: list[tuple[int, int]], ctx: Context) -> dict[tuple[int, int], tuple[Period, str]]:
    """The period and the rule that decided it, for each value span in `text` (one sentence)."""
    return analyse(text, values, ctx)[0]


def analyse(text: str, values: list[tuple[int, int]], ctx: Context
            ) -> tuple[dict[tuple[int, int], tuple[Period, str]], Period | None, int]:
    """`attribute`, the sentence's own main period (None when it names none), which the next
    sentence may borrow ("At that date, 2,947 children ..."), and where it is written."""
    # two readings of one figure ("84%" and "84") are one figure: dated once, by its shorter span
    shortest: dict[int, int] = {}
    for a, b in values:
        shortest[a] = min(b, shortest.get(a, b))
    asked, values = values, sorted(shortest.items())
    figs = _figures(text, values)
    # (a date closing a line of figures is all of theirs, even after a comparator's: "Salford 61.7;
    # England 42.1 (at 31 March 2023)")
    found = find_mentions(text)
    closing = frozenset(m for m in found if _closing_date(text, m, figs))
    mentions = tuple(m for m in found if not _dates_another(text, m) or m in closing)
    groups = _groups(text, figs)
    outer = [i for i, f in enumerate(figs) if f.host is None]
    mark_comparisons(text, figs, outer)
    unattached = bind_mentions(text, mentions, figs, groups, outer, closing)
    _respectively(text, mentions, figs, outer)
    _clause_mates(text, figs)
    main, main_at = main_period(text, mentions, figs, outer, unattached, ctx, min((a for a, _ in values), default=0),
                                closing)
    around = (ctx.carried, "carried") if ctx.carried is not None else (ctx.period, ctx.source)
    so_far = _year_to_a_month(text, mentions, main) if main is not None else None
    if so_far is not None:
        main = so_far[1]  # "Training to the end of February (2025/26 year to date): 74 courses": April to February
    base, base_rule = (main, "own_date") if main is not None else around

    back = _year_back(base, any(m.fy for m in mentions))  # where a figure said to be from before is
    closes = any(m.start == main_at for m in closing)
    point = next((m for m in unattached if m.month and m.day != 0), None)
    to_date = _to_date_figures(text, figs)
    out: dict[tuple[int, int], tuple[Period, str]] = {}
    for f in figs:
        if (f.start, f.end) not in values:
            continue
        fbase, frule = base, base_rule
        if f.mention is not None and f.mention.relative in _MONTH_BACK and main is not None and main_at > f.mention.start:
            # "Last month the front door received 262 referrals, which brings the total for the year so far (April to
            # February) to 2,611": against the paper's date, not a month the sentence names later for another figure
            fbase, frule = around
        own = resolve_mention(f.mention, f.prior, fbase, frule, ctx)
        if so_far is not None and f.mention is so_far[0]:
            own = (so_far[1], "own_date")  # ("47 courses had run up to the end of February": the year so far to it)
        if own is not None and point is not None and own[0].kind == "calendar_year":
            own = at_that_point(own, point)
        # (a figure's own year or month beside a stock at a day, in brackets or "at the same point")
        at_a_day = own is not None and main is not None and main.kind == "as_at" and main.end is not None \
            and f.mention is not None
        bracketed = at_a_day and "(" in text[max(0, f.mention.start - 1):f.mention.start + 1]
        if at_a_day and own[0].kind == "calendar_year" \
                and (bracketed or _SAME_POINT.search(text, max(0, f.mention.start - 30), f.mention.start)):
            # "274 at 31 March 2022; at the same point in 2021 it was 301": 31 March 2021; so is a
            # bracketed year beside a stock at a day ("718 children in care at 31 March (2024: 689)")
            placed = day_in_context(main.end.month, main.end.day, own[0])
            own = (placed, own[1]) if placed.known else own
        elif bracketed and own[0].kind == "month" and own[0].start is not None \
                and own[0].start.month == main.end.month and main.end == end_of_month(main.end.year, main.end.month):
            # the same with a month of the stock's own: "1,418 ... at the end of December 2024 (December 2023:
            # 1,389)" is at 31 December 2023
            own = (as_at(end_of_month(own[0].start.year, own[0].start.month)), own[1])
        if own is not None and own[0].kind == "financial_year" and base.kind == "quarter" and base.start \
                and f.mention is not None and _SAME_QUARTER.search(text, max(0, f.mention.start - 30), f.mention.start):
            # "1,032 in the quarter, against 1,118 in the same quarter of 2021/22": that quarter of that year
            shift = own[0].start.year - financial_year_of(base.start)
            own = (quarter(base.start.year + shift, (base.start.month - 1) // 3 + 1), own[1])
        when = _SINCE_WHEN.search(text, 0, f.start)
        then = next((m for m in mentions if when and when.start("date") <= m.start and m.end <= when.end("date")
                     and m.absolute), None)
        if then is not None:  # "the lowest since March 2023, when 381 children were on a plan": then
            own = (then.period, "comparison")
        host = figs[f.host] if f.host is not None else None
        host_own = resolve_mention(host.mention, host.prior, base, base_rule, ctx) if host else None
        if own is not None and host is not None:  # a host dated by the context is at the context's point
            own = _same_point_a_year_back(own, f, host_own or (None if host.prior else (base, base_rule)))
        if own is None and host is not None:
            own = host_own or ((back, base_rule) if host.prior else None)
        if own is None and not f.prior and main is not None and host is None and _outside_main_clause(text, f, main_at) \
                and not closes:
            own = around
        if own is None:
            own = (back, "comparison" if base_rule == "own_date" else base_rule) if f.prior \
                else (base, base_rule)
        period, rule = own
        if (f.start, f.end) in to_date and period.kind == "financial_year" and period.start and period.end:
            # "As at 15 December 2025, the financial year-to-date count ... stood at 4,150": the year so far to that day
            day = next((m.period for m in mentions if m.absolute and m.period.kind == "as_at" and m.period.end
                        and period.start <= m.period.end <= period.end), None)
            period = day if day is not None else period
        if (f.start, f.end) in to_date and period.kind in ("as_at", "month", "quarter") and period.end is not None:
            period = year_to_date(period.end)  # (under "Quarter 2 2024/25 Performance Report": April to September)
        out[(f.start, f.end)] = (period, rule if period.known or period.start else "")
    return {(a, b): out[(a, shortest[a])] for a, b in asked if (a, shortest[a]) in out}, main, main_at


def dates_the_event(text: str, at: int) -> bool:
    """A date written after an event's name ("Our conference, held in June 2022, ..."): it may
    carry to the next sentence about the event, not to other figures."""
    return at >= 0 and bool(_EVENT_NOUN.search(text[max(0, at - 40):at]))


_EVENT_VERB = re.compile(
    r"\b(?:agreed|approved|adopted|launched|published|endorsed|ratified|signed off|introduced|established|"
    r"refreshed|implemented|set up|put in place|came into (?:force|effect))\b"
    r"(?:\s+(?:by|at|in|on|from|during|with)\s+(?:the\s+|our\s+|its\s+)?[\w' -]{0,50}?,?)??\s+(?:in|on|at|during|from)?\s*$"
    # "The partnership's budget, set by the board in February 2024, was £408,000": when it was set, not its year
    r"|\bset\s+by\s+(?:the\s+|our\s+|its\s+)?[\w' -]{0,50}?,?\s+(?:in|on|at|during)\s*$"
    # "the plan began in April 2022" dates an event; "the board began 2022/23 with £31,560" is the year itself
    # ("CP plans started in 2022/23: 498" counts plans that started: the figure's own period)
    r"|(?<!plans )(?<!children )(?<!people )(?<!cases )(?<!episodes )\b(?:began|started)\b(?:\s+(?:by|at|in|on|from|during|with)\s+(?:the\s+|our\s+|its\s+)?[\w' -]{0,30}?)??"
    r"\s+(?:in|on|at|during|from)\s*$"
    # "Following the Ofsted inspection in May 2022, the plan set out 31 actions": the inspection's date
    r"|\b(?:following|after)\s+(?:the|an|a|our|its|their)\s+[\w' -]{0,40}?\s+(?:in|on|of)\s*"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s*(?:-|\u2013|and|to)\s*)?$"  # (its first day: "the visit of 14-15 May 2024")
    # "3 had slipped into 2025-26": the year something was put off to
    r"|\b(?:slipped|slipping|deferred|postponed|delayed|pushed back|put back|rolled over|carried over|moved)\s+"
    r"(?:into|to|until|till)\s*$", re.I)
_YEAR_TO_DATE = re.compile(r"\byear[- ]to[- ]date\b|\bYTD\b|\bso far (?:this|in the) (?:financial |reporting )?year\b", re.I)
_SAME_QUARTER = re.compile(r"\bsame quarter (?:of|in|for|during)\s+(?:the\s+)?(?:financial\s+year\s+)?$", re.I)
_LEADS_TO = re.compile(r"[^.;,()]{0,25}$")  # "year to date: 2,087", "YTD total 2,087"


def _to_date_figures(text: str, figs: list[_Figure]) -> set[tuple[int, int]]:
    """The figures a "year to date" counts: every figure after it when it opens the sentence
    ("In the year to date, 2,087 referrals ..."), else the one figure it heads ("year to date
    2,087") or follows ("... and 2,087 in the year to date"), not the quarter's figure earlier
    in the sentence."""
    out: set[tuple[int, int]] = set()
    ordered = sorted(figs, key=lambda f: f.start)
    for m in _YEAR_TO_DATE.finditer(text):
        after = [f for f in ordered if f.start >= m.end()]
        before = [f for f in ordered if f.end <= m.start()]
        if not before:
            out |= {(f.start, f.end) for f in after}
        elif after and _LEADS_TO.fullmatch(text[m.end():after[0].start]):
            out.add((after[0].start, after[0].end))
        else:
            out.add((before[-1].start, before[-1].end))
    return out


def dates_an_event(text: str, m: Mention) -> bool:
    """P1, restated stocks: the date a plan was approved or launched dates that event, not the
    figures of the report that restates it ("The improvement plan agreed in July 2021 sets out
    46 actions" is dated by the report, spec/kpis.md), and so is a month without its year ("The plan,
    which the Executive approved in April, contains 52 actions")."""
    return ((m.absolute or m.month) and bool(_EVENT_VERB.search(text[max(0, m.start - 60):m.start]))) or \
        bool(_FUTURE_EVENT.search(text, max(0, m.start - 60), m.start)) or _an_events_own(text, m)


# a date in the possessive before an event ("refreshed after July's focused visit", "since March's
# conference") is the event's, like "the inspection in July"
_EVENTS_OWN_DATE = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:visits?|inspections?|conferences?|summits?|events?|workshops?|"
                              r"launch|meeting|away ?day|peer review|challenge session)\b", re.I)


def _an_events_own(text: str, m: Mention) -> bool:
    at = re.match(r"['\u2019]s?", text[m.end:])  # the mention may hold its "'s" ("July's") or stop before it
    possessive = at is not None or text[m.start:m.end].endswith(("'s", "\u2019s"))
    return possessive and bool(_EVENTS_OWN_DATE.match(text, m.end + (at.end() if at else 0)))


# what is still to happen dates that, not a figure already counted: "an audit ... will report in January"
_FUTURE_EVENT = re.compile(r"\b(?:will|is due to|are due to|is expected to|are expected to)\s+(?:\w+\s+){0,2}?"
                           r"(?:report|be (?:completed|published|presented|reviewed|held|reported|finished)|conclude|"
                           r"complete|finish|start|begin|launch|go live|return|come back|be back)\s+(?:back\s+)?"
                           r"(?:to\s+[\w' ]{1,40}?\s+)?(?:(?:in|by|on|at|during)\s+(?:the\s+)?)?$", re.I)


# a baseline's date and its figure, "since 31 March 2022, when 641 children were in care"
_SINCE_WHEN = re.compile(r"\bsince\s+(?P<date>[^,;()]{3,30}?),?\s+when\s+(?:there\s+(?:were|was)\s+|"
                         r"(?:the\s+)?(?:figure|number|total|rate|it)\s+(?:was|stood at)\s+|(?:it\s+)?(?:was|stood at)\s+)?$", re.I)
_SAME_POINT = re.compile(r"\bthe same (?:point|time|date|day|stage)(?:\s+(?:in|of))?\s+$", re.I)


def at_that_point(own: tuple[Period, str], point: Mention) -> tuple[Period, str]:
    """R: a year next to a figure, when the sentence names the day of the year the figures are
    at ("at 31 March: 344 in 2023 and 389 in 2022"), is that day of that year."""
    placed = day_in_context(point.month, point.day, own[0])
    return (placed, own[1]) if placed.known else own


# -- the page: carried, P3-P8 --------------------------------------------------------------------

@dataclass(frozen=True)
class Dated:
    """A candidate with its period set, and the rule of the precedence that decided it."""

    candidate: Candidate
    rule: str


def _period_of(text: str) -> Period | None:
    periods = {m.period for m in find_mentions(text) if m.absolute and not m.since and m.period.known}
    return periods.pop() if len(periods) == 1 else None


def _only_relative(text: str) -> bool:
    """A sentence whose only periods are relative ("A year before, the figure was 188")."""
    found = find_mentions(text)
    return bool(found) and all(m.relative in ("previous", "previous_quarter", "current", "year_reported", "current_quarter")
                               for m in found)


def lead_in(doc: DocumentContext, page: int, line: int) -> Period | None:
    """P4 lead_in: a list lead-in ("At 31 March 2023:") dates the items of the list under it."""
    return next((p for pg, first, last, p in doc.lead_ins if pg == page and first < line <= last), None)


def standing(doc: DocumentContext, page: int, line: int) -> Period | None:
    """P5 standing: the last standing statement before the line ("Figures in this report are at
    31 December 2022") dates the rest of the report, up to the next title (a reprinted report)."""
    title = _last_title(doc, page, line)
    after = (title[0], title[1]) if title else (0, -1)
    k = bisect_left(doc.standing, (page, line), key=lambda t: (t[0], t[1]))
    return doc.standing[k - 1][2] if k and (doc.standing[k - 1][0], doc.standing[k - 1][1]) > after else None


def _last_title(doc: DocumentContext, page: int, line: int) -> tuple[int, int, Period | None] | None:
    k = bisect_left(doc.titles, (page, line), key=lambda t: (t[0], t[1]))  # titles are in reading order
    return doc.titles[k - 1] if k else None


def _last_heading(doc: DocumentContext, page: int, line: int) -> tuple[int, int, Period | None] | None:
    """The nearest section heading above on the same page, below the last title (see `heading`)."""
    title = _last_title(doc, page, line)
    after = (title[0], title[1]) if title else (0, -1)
    heads = [h for h in doc.headings if h[0] == page and h[1] < line and (h[0], h[1]) > after]
    return heads[-1] if heads else None


def heading(doc: DocumentContext, page: int, line: int) -> Period | None:
    """P6 heading: the nearest section heading above on the same page, below the last title (a
    heading over a reprinted report's title belongs to the report before)."""
    found = _last_heading(doc, page, line)
    return found[2] if found else None


def title(doc: DocumentContext, page: int, line: int) -> Period | None:
    """P7 title: the last title before the line, of the document or of a report it reprints."""
    found = _last_title(doc, page, line)
    return found[2] if found else None


def meeting_date(doc: DocumentContext, page: int, line: int) -> Period | None:
    """P8 meeting_date: the meeting line or dateline (a figure said to be current only)."""
    return doc.meeting


CONTEXT_STEPS = (lead_in, standing, heading, title, meeting_date)


def govern(doc: DocumentContext, page: int, line: int) -> tuple[Period | None, str]:
    """P4-P8 in order: the first step that finds a period for (page, line), and its name."""
    for step in CONTEXT_STEPS:
        found = step(doc, page, line)
        if found is not None:
            return found, step.__name__
    return None, ""


def sentence_context(doc: DocumentContext, page: int, line: int, text: str, has_own: bool) -> tuple[Period | None, str]:
    """P4-P8 for a sentence: what governs it; the meeting date (P8) only for a figure said to be
    current ("There are currently 327 children in our care")."""
    governing, rule = govern(doc, page, line)
    if PRESENT.search(text) and doc.meeting is not None and not has_own and rule != "standing":
        # (under a standing statement, "Data are as at 30 November 2025", the present is the data's day)
        # (a "year to date" under a title or heading that dates it is the year to its end, not to the meeting:
        # "Year to date, 2,766 referrals" in a Quarter 3 report)
        only_to_date = not PRESENT.search(_YEAR_TO_DATE.sub(" ", text))
        if not (only_to_date and governing is not None and rule != "meeting_date"):
            return doc.meeting, "meeting_date"
    if rule == "meeting_date":
        # with nothing else to govern it, a statement in the present ("There are now 377 children in
        # care") is at the meeting, and "this year" or "last year" is the meeting's year or the one before
        mentions = find_mentions(text)
        if (not has_own and _NOW.search(text)) or (
                mentions and all(m.relative in ("current_year", "previous", "year_reported", "half_year_end", "first_half",
                                                "first_months", "current")
                                 or (m.absolute and _after_the_same_span(text, m))  # (a compared year's)
                                 for m in mentions)):
            return governing, rule
        return None, ""
    return governing, rule


def _carried_as_flow(c: Candidate, p: Period, library: Library, around: Period) -> Period:
    """carried: a date carried from the sentence before dates a stock; a flow, an amount (a
    budget, courses delivered) or a ratio (a re-referral rate) belongs to the period around that
    holds the date (a quarter's heading), else a flow or an amount to the financial year holding
    it. A carried quarter is a flow's own period."""
    if p.kind == "month" and p.start and p.end and (p.end - p.start).days > 40:
        # a span labelled by its month ("the twelve months to October 2023"): "the same period"; a
        # stock after it is at the span's end ("Referrals April to September 2025: 1,802." then
        # "Children on child protection plans: 317.")
        return as_at(p.end) if library.kpis[c.kpi].measure == "stock" else p
    measure = library.kpis[c.kpi].measure
    if measure == "ratio" and (c.kpi in _shares_of_stocks(library) or around.kind == "month"):
        return p  # (a share of a stock, "31 of the 46 actions completed (67%)", is at the day; so is a rate in a month's report)
    if measure in ("flow", "amount", "ratio") and p.kind in ("as_at", "month") and p.end is not None:
        if around.known and around.kind != "as_at" and around.start and around.end \
                and around.start <= p.end <= around.end:
            return around
        # (a ratio carried with no period around to hold the day keeps it: "a re-referral rate of 21%" after "at
        # 31 August 2024")
        return financial_year(financial_year_of(p.end)) if measure != "ratio" else p
    return p


def _shares_of_stocks(library: Library) -> frozenset[str]:
    """The ratio KPIs that are a share of a stock counted at a day (the completed share of a plan's actions),
    not a rate of what happened over a period."""
    return library.memo(("shares-of-stocks",), lambda: frozenset(
        e.lexicon.completed_share for e in library.kpis.values() if e.lexicon and e.lexicon.completed_share))


_CONTEXT_RULES = ("lead_in", "standing", "heading", "title")
# a budget is set for a year: one named in a quarter's or a month's report is that year's
# (and what partners pay into it, and what it carries over into the next: each a year's)
_ANNUAL_AMOUNTS = frozenset({"budget_total", "agency_contribution", "budget_contributions", "budget_carry_forward"})
# a sentence that forecasts the year still running: its budget is that year's, the one the meeting falls in
_IN_YEAR_FORECAST = re.compile(r"\b(?:forecasts?|forecasting|projected|projecting)\s+(?:an?\s+|the\s+|year-end\s+)?"
                               r"(?:outturn|to spend|spend|overspend|underspend|over-spend|under-spend)\b", re.I)


def _amount_of_its_year(c: Candidate, p: Period, text: str, library: Library) -> Period:
    """R: an amount is for a year, not for the day or the quarter of the paper that states it (a
    count dated by a day is made the year to that day for every dated figure, `_count_to_a_day`)."""
    if c.kpi in _ANNUAL_AMOUNTS and p.kind in ("quarter", "month") and p.end is not None:
        return financial_year(financial_year_of(p.end))  # "Quarter 1 2025/26: Children's Services budget £139.2m"
    if library.kpis[c.kpi].measure == "amount" and p.kind == "as_at":
        # an amount is for a year: "approved a net revenue budget for 2024/25 of £240.93m on 21
        # February 2024" is the budget of 2024/25, the day the approval's
        years = {m.period for m in find_mentions(text) if m.absolute and m.period.kind == "financial_year"}
        if len(years) == 1:
            return years.pop()
        if c.kpi in _ANNUAL_AMOUNTS and not years and p.end is not None:
            # (with no year named, the year that holds the day: "spend to the end of quarter 3 stood at £341,000
            # against the full-year budget of £480,000")
            return financial_year(financial_year_of(p.end))
    return p


_BACK = ("previous", "previous_quarter", "previous_quarter_end", "previous_month", "previous_month_end")


def _so_far(p: Period, meeting: Period | None, governing: Period | None = None) -> Period:
    """R: a count "since April" or "in the year so far" is the year to date: to the day or month
    that dates it, or, when only the year does, to the quarter, month or day its title or
    heading names in that year ("So far this year 214 children ..." under "quarter 2 2024/25": to
    September), else to the meeting (spec/kpis.md: labelled by the month it ends)."""
    if p.kind in ("as_at", "month") and p.end is not None:
        return year_to_date(p.end)
    if p.kind == "financial_year" and p.start is not None and p.end is not None:
        for point in (governing, meeting):
            if point is not None and point.kind in ("as_at", "month", "quarter") and point.end is not None \
                    and p.start <= point.end < p.end:
                return year_to_date(point.end)
    return p


def _flow_at_year_end(c: Candidate, p: Period, rule: str, library: Library) -> Period:
    """R: a flow or an amount under a lead-in or standing statement dated 31 March ("Figures
    are as at 31 March 2023") is the financial year that ends then, not a day."""
    if rule in ("lead_in", "standing") and p.kind == "as_at" and p.end is not None \
            and (p.end.month, p.end.day) == (3, 31) and library.kpis[c.kpi].measure in ("flow", "amount"):
        return financial_year(p.end.year - 1)
    # an amount (a budget) is for a year: "Position at 31 December 2023" or "Quarter 2" over a
    # budget table dates the budget of the financial year that holds the day
    if rule in _CONTEXT_RULES and p.kind in ("as_at", "month", "quarter") and p.end is not None \
            and library.kpis[c.kpi].measure == "amount":
        return financial_year(financial_year_of(p.end))
    return p


def _stock_at_year_end(c: Candidate, p: Period, rule: str, library: Library) -> Period:
    """R: a stock dated only by a calendar year of the context ("Annual Report 2021": "1,139
    children in our care") is the count at the year's end, as a financial year's stock is at
    31 March (spec/kpis.md: a stock is at a point in time)."""
    if rule in _CONTEXT_RULES and p.kind == "calendar_year" and p.end is not None \
            and library.kpis[c.kpi].measure == "stock":
        return as_at(p.end)
    # a span of months is no point in time: a stock said over one ("rose ... to 362 between 30 June and 30
    # September 2025") is the count at its end (one month stays a month)
    if p.kind == "month" and over_months(p) and library.kpis[c.kpi].measure == "stock":
        return as_at(p.end)  # type: ignore[arg-type]
    return p


def _dated(c: Candidate, p: Period, rule: str) -> Dated:
    rule = rule if (p.known or p.start) else ""
    return Dated(replace(c, period=p, period_source=SOURCE_OF_RULE.get(rule, rule)), rule)


# a period named by pointing back to the last sentence's: "a budget of £6.3m for the same year"
_SAME_YEAR = re.compile(r"\b(?:the same|that)\s+(?:financial\s+)?year\b", re.I)


class _Carry:
    """carried: what a sentence may borrow from the sentences before it on the page. A point in
    time carries for two sentences from one with figures in it (or with nothing but the date:
    "Q4 2022/23 (January to March 2023).") or into one that points back ("At that date, 2,947
    ..."); "A deep dive will be reported in April 2022." dates nothing. Any main period carries
    one sentence into a sentence whose only periods are relative ("A year before, the figure
    was 4,588")."""

    def __init__(self) -> None:
        self.point: Period | None = None
        self.head: Period | None = None  # a run-in heading's period ("Learning and development, 2023/24. The ...")
        self.head_age = 0
        self.head_line = -1  # the page line the heading ends on: the text it heads runs on from it
        self.age = 0
        self.had_figure = False
        self.year: Period | None = None
        self.event = False
        self.last_line = -1  # the page line the sentence before ended on
        self.section = ""  # the section a numbered paragraph ("3.2") of the last sentences was in ("3")

    def into(self, text: str) -> Period | None:
        if self.point is not None and self.age <= 2 and (self.had_figure or _ANAPHOR.search(text)):
            return self.point
        return self.year if self.year is not None and (_only_relative(text) or _SAME_YEAR.search(text)) else None

    def under_a_run_in_heading(self) -> Period | None:
        """The period of a heading run into the text a sentence or two before ("Learning and
        development, 2023/24. The partnership put on 126 courses"), when nothing around governs."""
        return self.head if self.head_age <= _HEAD_SENTENCES else None

    def onto_the_same_subject(self, text: str) -> Period | None:
        """A sentence that goes on about the last one's subject ("It ran 118 multi-agency courses")
        and names no period: the last sentence's, when nothing around the two governs them."""
        return self.year if self.year is not None and _SAME_SUBJECT.match(text) and not find_mentions(text) else None

    def starts(self, first_line: int, lines: list[str]) -> None:
        """A sentence starts on `first_line`: a heading that ended a line is a heading line (the
        document's headings date what is under it), not one run into the text. A paragraph that
        starts after a blank line borrows no point in time from the one before it, unless it points
        back to it ("On the same date") or is the next numbered paragraph of the same section ("3.2",
        then "3.3"): "78 courses were planned for January to March" does not date a new paragraph's
        actions."""
        if self.head is not None and self.head_age == 0 and first_line != self.head_line:
            self.head = None
        if not 0 <= first_line < len(lines):
            return
        numbered = _PARAGRAPH_NUMBER.match(lines[first_line])
        # (the next numbered paragraph of the same section goes on: "3.2 At 30 November 2024, 1,214 ..." /
        # "3.3 At 30 November our rate ...")
        if 0 <= self.last_line < first_line and any(not ln.strip() for ln in lines[self.last_line + 1:first_line]) \
                and not (numbered and numbered.group(1) == self.section):
            self.had_figure = False  # (one that points back still may: "On the same date, 497 ...")
        if numbered:
            self.section = numbered.group(1)

    def after(self, main: Period | None, rest: str, event: bool = False, last_line: int = -1) -> None:
        """Record the sentence just dated: its main period, its text without its dates, whether
        that period dates an event, and the line it ends on."""
        self.head_age += 1
        self.last_line = last_line
        if main is not None and _run_in_heading(rest):
            # it governs the few sentences after it, as a heading line does
            self.head, self.head_age, self.head_line = main, 0, last_line
        if main is not None:
            self.event = event
        if main is not None and main.kind in POINT_KINDS:
            self.point, self.age = main, 0
            self.had_figure = bool(_FIGURE.search(rest)) or not re.search(r"[A-Za-z]{3}", rest)
        elif main is not None:
            self.point, self.age = None, 0
        else:
            self.age += 1
        self.year = main if main is not None else (self.year if self.age <= 1 else None)


def _screen(group: list[Candidate], text: str, cut: int, own_mentions: list[tuple[int, int]],
            rejected: list[tuple[Candidate, str]]) -> list[Candidate]:
    """The sentence's candidates that are figures of its own words, their offsets into `text`
    (the sentence from `cut`); the others go to `rejected` with the reason."""
    kept = []
    for c in group:
        c2 = replace(c, value_start=c.value_start - cut, value_end=c.value_end - cut)
        if c.value_start < cut:
            rejected.append((c, "in a title, heading, lead-in or dateline the sentence runs on from"))
        elif any(a <= c2.value_start < b for a, b in own_mentions):
            rejected.append((c, "inside a date"))
        elif not_a_figure(text, c2.value_start, c2.value_end):
            rejected.append((c, "not a figure of its own (a ratio, an age, a reference, a page or phone number)"))
        else:
            kept.append(c2)
    return kept


# how far after the paper's meeting a period must start to be yet to come: a paper's date line may
# be a meeting before the one it went to ("Minutes of the meeting of 5 March 2019" with figures at
# 31 March), and the forecasts and targets that matter run to a year end or years ahead
AHEAD_OF_THE_MEETING = timedelta(days=92)


def beyond_the_meeting(p: Period | None, doc: DocumentContext, margin: timedelta = AHEAD_OF_THE_MEETING) -> bool:
    """Does `p` start well after the paper's own meeting: a deadline's or a forecast's date, which
    nothing could have been counted at? Never when the meeting is only the inspection's stand-in."""
    m = doc.meeting
    return p is not None and p.start is not None and doc.meeting_known and m is not None and m.end is not None \
        and p.start > m.end + margin


_BY = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?$", re.I)


def _deadline(main: Period | None, text: str, at: int, doc: DocumentContext) -> bool:
    """Is the sentence's main period a date yet to come: well after the meeting, or after it at all
    when written as a deadline ("to bring the rate to 33 per 10,000 by March 2025")?"""
    if beyond_the_meeting(main, doc):
        return True
    return at >= 0 and bool(_BY.search(text, max(0, at - 20), at)) and beyond_the_meeting(main, doc, timedelta(0))


# a bracket that closes a sentence with the day its figures are at, and no figure of its own: "(snapshot, 31
# August 2025)", "(all figures at 31 March 2025)", "(both per 10,000, 31 March 2025)", "(end of Q2, 30.9.25)"
# (or a clause of it, a comma, a semicolon or a conjunction after: "55% are complete (as at 30 September 2025), and a
# further group are due to close", "working with 612 children in need (snapshot, 30 November 2025) and received ...")
_CLOSING_BRACKET = re.compile(r"\(([^()]{4,60})\)(?=\W*$|\s*[,;]\s|\s+(?:and|but|while|whereas)\s)")
_ALL_OF_THEM = re.compile(r"\b(?:all|both)\b", re.I)
_BRACKET_WORDS = re.compile(r"(?:[\W_]|\b(?:all|both|figures?|data|snapshots?|position|as|at|on|for|taken|end|of|the|"
                            r"Q[1-4]|quarter|per|10,?000|rates?|counts?)\b)*", re.I)


def _closing_bracket_day(text: str) -> Period | None:
    """The day a bracket closing the sentence, or one of its clauses, says its figures are at, for the figures that
    have no period of their own (a semicolon's clause does not reach them otherwise); none when two such brackets
    say two days."""
    days = {p for m in _CLOSING_BRACKET.finditer(text) if (p := _bracket_day(m.group(1))) is not None}
    return days.pop() if len(days) == 1 else None


def _bracket_day(words: str) -> Period | None:
    """The day a bracket's words say, when they say nothing else but how the figures were taken."""
    inner = f"({words})"  # (read with its brackets: "(31.3.25)" is a day, "31.3.25" alone may be a figure)
    found = [x for x in find_mentions(inner) if x.absolute or not x.quarter]  # (its quarter's name may stand beside it)
    if len(found) != 1 or not found[0].absolute or found[0].period is None or not found[0].period.known:
        return None
    if found[0].period.kind != "as_at" and not _ALL_OF_THEM.search(inner):
        return None  # (a year or a quarter closes the sentence's figures only when the bracket says all: "(all 2024/25)")
    return found[0].period if _BRACKET_WORDS.fullmatch(without_mentions(inner, found)) else None


def _outside_its_quarter(carried: Period | None, governing: Period | None, mentions: tuple[Mention, ...]) -> bool:
    """A day the sentence before named, outside the quarter that governs a sentence speaking of "the
    quarter" ("during the quarter" is the quarter the paper is about): not to be borrowed."""
    return governing is not None and carried is not None and governing.kind == "quarter" \
        and carried.end is not None and governing.start is not None and governing.end is not None \
        and not governing.start <= carried.end <= governing.end \
        and any(m.relative == "current_quarter" for m in mentions)


_THIS_YEAR = re.compile(r"\bthis year\b", re.I)


# a bracket a comparator's figure and its date open: "England (41.6 at 31 March 2024)", "statistical neighbours (47.3, 2023/24)"
_COMPARATOR_BRACKET = re.compile(r"\b(?:England|national(?:ly)?|regional(?:ly)?|(?:statistical )?neighbours?|SNs?|comparators?|"
                                 r"London|(?:North|South|East|West)(?:[- ](?:East|West))?|Midlands)\s*\(\s*[^()]{0,30}$", re.I)


def _comparators_date(text: str, at: int) -> bool:
    """Is the sentence's own date written in a comparator's bracket, with its figure ("England (41.6 at 31 March
    2024)")? It dates the comparator alone: no date for the sentences after it."""
    return at >= 0 and bool(_COMPARATOR_BRACKET.search(text, max(0, at - 45), at))


def _date_sentence(layout: PageLayout, si: int, group: list[Candidate], doc: DocumentContext, library: Library,
                   carry: _Carry, structural: set[int], rejected: list[tuple[Candidate, str]]) -> list[Dated]:
    """P1, P2, carried and P4-P8 for the candidates of one sentence."""
    sent = layout.sentences[si]
    cut, first_line = own_start(sent, structural)
    carry.starts(first_line, layout.lines)
    text = sent.text[cut:]
    mentions = find_mentions(text)
    own_mentions = [(m.start, m.end) for m in mentions]
    if not group and (not own_mentions or all(line in structural for line in sent.lines)):
        # nothing to date, and no date to carry: a title or a heading on lines of its own dates what
        # is under it as context (P4-P7), read whole ("Quarter 2 Performance Report 2022/23" is Q2's),
        # not as a sentence's date the next borrows ("Referrals in the quarter: 1,102" is no year's)
        carry.after(None, text, last_line=sent.lines[-1])
        return []
    carried = carry.into(text)
    # (a date that only dates an event, "the plan launched in April 2019", or a target's or a forecast's
    # deadline, "anticipates 610 by March", is not the sentence's own; nor is a baseline a year or a
    # quarter back, "42 more than a year ago", which is dated against the sentence's own)
    # (nor is a compared figure's, "23 fewer than in April")
    has_own = any(not _dates_another(text, m) and m.relative not in _BACK and not _compared_before(text, m)
                  for m in mentions)
    governing, rule = sentence_context(doc, layout.number, first_line, text, has_own)
    if rule == "meeting_date" or _outside_its_quarter(carried, governing, mentions):
        carried = None
    if carried is None and governing is None:
        carried = carry.onto_the_same_subject(text) or carry.under_a_run_in_heading()
        # "... reviewed its training in 2023/24. It ran 96 courses.", "The front door in 2018/19. 5,872 referrals ..."
    origin = max((c.carry_from for c in group), default=-1)
    if origin >= 0:  # a matcher's comparison reads the sentence it compares with
        carried = _period_of(layout.sentences[origin].text) or carried
    before = layout.sentences[si - 1].text if si and layout.sentences[si - 1].lines[-1] + 1 >= sent.lines[0] else ""
    ctx = Context(governing or UNKNOWN_PERIOD, rule, carried, doc.event, doc.meeting, doc.issued,
                  bool(_THIS_YEAR.search(before)))
    kept = _screen(group, text, cut, own_mentions, rejected)
    if carried is not None and carry.event and not any(library.kpis[c.kpi].measure == "event" for c in group):
        ctx = replace(ctx, carried=None)  # a conference's date dates its delegates, not the next plan
    periods, main, main_at = analyse(text, sorted({(c.value_start, c.value_end) for c in kept}), ctx)
    # (a deadline or a forecast's date, well after the meeting, is no date the next sentence is at)
    # (nor is a comparator's date in its bracket: "below both England (41.6 at 31 March 2024) and ...")
    carry.after(None if _deadline(main, text, main_at, doc) or _comparators_date(text, main_at) else main,
                without_mentions(text, own_mentions),
                dates_the_event(text, main_at), sent.lines[-1])
    out = []
    bracket_day, looked = None, False  # the day of a bracket closing the sentence: looked for once, if needed
    for c in kept:
        p, why = periods[(c.value_start, c.value_end)]
        measure = library.kpis[c.kpi].measure
        if why == "carried" and measure == "flow" and p is not None and p.kind == "as_at" and p.end is not None \
                and _LAST_TWELVE_MONTHS.search(text):
            p = months_ending(p.end, 12)  # "Data as at 31 January 2025" over "In the last 12 months ... 1,437 referrals"
        if why == "carried":
            p = _carried_as_flow(c, p, library, ctx.period)
            if p is not None and p.known:  # (a budget under a carried quarter is its year's)
                p = _amount_of_its_year(c, p, text, library)
        elif why in ("own_date", "meeting_date"):
            p = _amount_of_its_year(c, p, text, library)
        if p is None or not p.known or (why not in ("own_date", "comparison", "carried") and measure == "stock"):
            # (and a stock the title or a heading would date: "1,118 children in our care (snapshot, 31 July 2025)"
            # under "Corporate Parenting Annual Report 2024-25" is at the bracket's day)
            if not looked:
                bracket_day, looked = _closing_bracket_day(text), True
            if bracket_day is not None:
                p, why = bracket_day, "own_date"  # "CiC rate 66.2; England 70; SN 74 (all figures at 31 March 2025)"
        if (p is None or not p.known) and c.kpi in _ANNUAL_AMOUNTS and doc.meeting is not None \
                and doc.meeting.end is not None and _IN_YEAR_FORECAST.search(text):
            # "forecasts to spend £152.32m against a revised budget of £141.90m": the year the paper forecasts
            p, why = financial_year(financial_year_of(doc.meeting.end)), "meeting_date"
        if measure in ("flow", "ratio") and _SO_FAR.search(text):
            # "Since April, 1,913 referrals have been received" (November's meeting)
            p = _so_far(p, doc.meeting, None if rule == "meeting_date" else governing)
        elif measure == "ratio" and p is not None and p.kind == "as_at" and p.end is not None:
            if _UP_TO_THE_END.search(text):
                p = year_to_date(p.end)  # "Course utilisation to the end of December stood at 84%": the year so far
            elif _LAST_TWELVE_MONTHS.search(text):
                p = months_ending(p.end, 12)  # "data to 31 August 2024" over "a re-referral rate of 21%" "over the last 12 months"
        if p is not None and p.kind in ("quarter", "financial_year", "calendar_year") and p.end is not None \
                and measure == "stock" and (_ENDING_AT.search(text, max(0, c.value_start - 40), c.value_start)
                                            or _moved_over_the_span(text, c.value_start, c.value_end)):
            p = as_at(p.end)  # "LAC numbers rose during Q3 2024/25, ending the quarter at 452": the count at its end
        d = _dated(c, _flow_at_year_end(c, _stock_at_year_end(c, p, why, library), why, library), why)
        out.append(replace(d, candidate=replace(d.candidate, value_start=c.value_start + cut,
                                                value_end=c.value_end + cut)))
    return out


def date_page(layout: PageLayout, cands: list[Candidate], doc: DocumentContext, library: Library
              ) -> tuple[list[Dated], list[tuple[Candidate, str]]]:
    """Every candidate of a page dated, and those dropped before dating with the reason (a
    figure inside a date, or not a figure at all)."""
    by_sentence: dict[int, list[Candidate]] = defaultdict(list)
    loose: list[Candidate] = []
    for c in cands:
        if c.period is None and c.sentence >= 0:
            by_sentence[c.sentence].append(c)
        else:
            loose.append(c)
    dated: list[Dated] = []
    rejected: list[tuple[Candidate, str]] = []
    carry = _Carry()
    structural = doc.structural(layout.number)
    for si in range(len(layout.sentences)):
        dated += _date_sentence(layout, si, by_sentence.get(si, []), doc, library, carry, structural, rejected)
    at_end: bool | None = None  # the page says its counts are taken at each period's end (looked at once, if needed)
    snapshot_days: set = set()  # the days the page says its snapshots are taken on
    for c in loose:
        if c.period is None:
            dated.append(line_context(c, doc, library))
            continue
        stock = library.kpis[c.kpi].measure == "stock" and c.period.kind == "quarter"
        if stock and at_end is None:
            page = "\n".join(layout.lines)
            at_end = _STOCKS_AT_END.search(page) is not None or any(_a_row_of_days(line) for line in layout.lines)
            snapshot_days = _snapshot_days(page)
        dated.append(table_column(c, stock and (bool(at_end) or c.period.end in snapshot_days),
                                  library.kpis[c.kpi].measure == "stock"))
    return [_count_to_a_day(d, library)
            for d in _at_the_headings_day(_under_a_footnote(_under_a_note(restated_at_meeting(alongside(
                dated, library), layout, doc, library), layout, library), layout), layout, doc, library)], \
        rejected


def _under_a_note(dated: list[Dated], layout: PageLayout, library: Library) -> list[Dated]:
    """A figure nothing dated, in a block of lines that a note closes with one period, as a note
    under a table dates the table's: a stock at the note's day ("Source: LCS snapshot 30/09/2024",
    "Position at 31/10/2024."), a count or a sum over the note's span ("Figures are the partner
    contributions agreed for 2024/25")."""
    out = []
    for d in dated:
        c = d.candidate
        if (c.period is None or not c.period.known) and c.line >= 0:
            when = _note_period(layout.lines, c.line)
            if when is not None and (when.kind == "as_at") == (library.kpis[c.kpi].measure == "stock"):
                d = _dated(c, when, "note")
        out.append(d)
    return out


# a footnote's mark: superscript digits, or one to three asterisks, daggers
_MARK = r"(?:[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+|\*{1,3}|[\u2020\u2021])"
# a mark set on a figure, a word, a per cent sign or a bracket ("96.4²", "children³", "91%*"), not a
# bold run's asterisks ("**2,104**")
# or a bracketed number or letter after it, a space between ("2,061 (1)", "Children looked after (see note a)")
_MARKED = re.compile(r"(?<=[\w%)\]])(?<!\*)(" + _MARK + r")(?![*\w])|"
                     r"(?<=[\w%])\s?\((?:see\s+)?(?:note\s+)?(?P<b>\d{1,2}|(?-i:[a-z]))\)(?!\s*[\w£])", re.I)
# where a footnote starts: at a line's start, or after a gap in a line of several ("¹ Snapshot ...  ² DfE ...");
# a bracketed one or a numbered note at a line's start ("(1) Year to date, April to October 2025", "Note a: as at")
# (at a line's start a note may open in lower case: "† as at 30th November 2024")
_NOTE_START = re.compile(r"(?:^|(?<=\s\s)|(?<=[.;]\s))\s*(" + _MARK + r")\s*(?=[A-Z(\d])|^\s*(" + _MARK + r")\s+(?=[a-z])|"
                         r"^\s*(?:\((?P<b>\d{1,2}|(?-i:[a-z]))\)|(?-i:Note)\s+(?P<n>\d{1,2}|(?-i:[a-z]))\s*[:.])\s+(?=[A-Za-z(\d])")


def _mark_key(m: re.Match) -> str:
    """A mark as its note is keyed: "²" as written, a bracketed or named note's number or letter as "(1)"."""
    b = m.group("b") or (m.groupdict().get("n") or "")
    return f"({b.lower()})" if b else (m.group(1) or m.group(2))


_FIGURE_START = re.compile(r"(?<![\w.,])\d")  # (a digit that starts a figure, not one inside a word or a number)
# (what a footnote may date by: not a population estimate's year, "ONS mid-2023 population estimates")
_ESTIMATE_YEAR = re.compile(r"\b(?:mid-?year|mid-?(?:19|20)\d\d)\b[^.;]*\bestimates?\b", re.I)


def _footnotes(lines: list[str]) -> dict[str, tuple[int, str]]:
    """The page's footnotes by mark, with the line each starts on: a mark that opens several lines
    ("* ..." bullets) is a list, not a note."""
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for k, line in enumerate(lines):
        starts = list(_NOTE_START.finditer(line))
        while starts and starts[-1].group("b") and (nxt := _next_bracketed(line, starts[-1])):
            starts.append(nxt)  # "(a) as at 31 Dec 2021 (b) as at 30 Nov 2021": notes in turn on one line
        for i, m in enumerate(starts):
            end = starts[i + 1].start() if i + 1 < len(starts) else len(line)
            found[_mark_key(m)].append((k, line[m.end():end]))
    return {mark: notes[0] for mark, notes in found.items() if len(notes) == 1}


def _next_bracketed(line: str, m: re.Match) -> re.Match | None:
    """The bracketed note after `m` on its line, when it is the next in turn ("(b)" after "(a)", "(2)" after "(1)")."""
    b = m.group("b")
    nxt = str(int(b) + 1) if b.isdigit() else chr(ord(b) + 1)
    return re.compile(r"(?<=\s)\((?P<b>" + re.escape(nxt) + r")\)\s+(?=[A-Za-z(\d])").search(line, m.end())


def _footnote_period(note: str) -> Period | None:
    """The one period a footnote names, a day before any other ("Snapshot as at 31 August 2025")."""
    note = _ESTIMATE_YEAR.sub(" ", note)
    found = {m.period for m in find_mentions(note) if m.absolute and not m.since and m.period.known}
    days = {p for p in found if p.kind == "as_at"}
    if len(days) == 1:
        return days.pop()
    return found.pop() if len(found) == 1 else None


def _mark_of(c: Candidate, line: str) -> str | None:
    """The mark that governs a figure: the first set after it, before the next figure ("stood at 571
    at the end of December²"), else one set on its table column's header ("Latest*"), else one set on its
    label before it ("Re-referral rate²: 18.2%")."""
    text, end = c.snippet, c.value_end
    nxt = _FIGURE_START.search(text, end)
    after = _MARKED.search(text, end, nxt.start() if nxt else len(text))
    if after:
        return _mark_key(after)
    if c.method == "table" and (head := _column_head_of(c)) and (marked := _MARKED.search(head)):
        return _mark_key(marked)
    before = list(_MARKED.finditer(text, 0, c.value_start))
    if before and not _FIGURE_START.search(text[before[-1].end():c.value_start].replace(before[-1].group(0), "")):
        return _mark_key(before[-1])
    marks = [_mark_key(m) for m in _MARKED.finditer(line)]
    return marks[0] if len(set(marks)) == 1 else None


def _column_head_of(c: Candidate) -> str:
    """The header of a table figure's column, from its row's snippet ("label | head 1 | head 2 | 737 752"): the
    head in the place the figure has among the row's cells, when there are as many heads as cells."""
    bar = c.snippet.rfind(" |", 0, c.value_start)
    if bar < 0:
        return ""
    heads = c.snippet[:bar].split(" | ")[1:]
    cells = [m.start() + bar + 2 for m in re.finditer(r"\S+", c.snippet[bar + 2:])]
    if c.value_start not in cells or len(heads) != len(cells):
        return ""
    return heads[cells.index(c.value_start)]


_TABLE_NUMBER = re.compile(r"^\W*(?:table|figure|chart|appendix)\s+\d+[a-z]?\b", re.I)


def _caption_mark(lines: list[str], at: int) -> str | None:
    """The mark set on the caption over the block of line `at` ("Table 2: Children in care by age
    group¹"): it governs every figure of the table, as a mark on one figure governs that figure. The
    caption is the nearest line above that carries a mark and no figure of its own (a table's number
    aside), with no blank line between."""
    for k in range(at - 1, max(-1, at - 13), -1):
        line = lines[k]
        if not line.strip():
            return None
        marks = {_mark_key(m) for m in _MARKED.finditer(line)}
        if marks:
            bare = _MARKED.sub(" ", _TABLE_NUMBER.sub(" ", line))
            return marks.pop() if len(marks) == 1 and not _FIGURE_START.search(bare) else None
    return None


def _under_a_footnote(dated: list[Dated], layout: PageLayout) -> list[Dated]:
    """R: a figure its text leaves undated, or dates only by what governs the page (a title, a
    heading, the meeting), that carries a footnote's mark is dated by the footnote below it, as the
    reader follows the mark ("Looked after rate: 96.4²" over "² Rate per 10,000 ..., 31.03.2025")."""
    notes: dict[str, tuple[int, str]] | None = None
    out = []
    for d in dated:
        c = d.candidate
        if (c.period is None or not c.period.known or d.rule in _GOVERNED) and c.line >= 0:
            if notes is None:
                notes = _footnotes(layout.lines)
            mark = _mark_of(c, layout.lines[c.line] if c.line < len(layout.lines) else "") if notes else None
            if notes and mark is None:
                mark = _caption_mark(layout.lines, c.line)
            if mark in notes and notes[mark][0] > c.line:
                p = _footnote_period(notes[mark][1])
                if p is not None:
                    d = _dated(c, p, "footnote")
        out.append(d)
    return out


_GOVERNED = ("lead_in", "standing", "heading", "title", "meeting_date")


# a span written with the day it ends: "quarter ending 30 June 2019", "Q3 2025/26 (31 Dec)"
_END_DAY = re.compile(r"(?:\b(?:ending|ended|to)\s+(?:the\s+)?|\(\s*)(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m>" + MONTH_WORD + r")\b\.?",
                      re.I)


def _names_its_end_day(text: str, p: Period) -> bool:
    """Does `text` write the day `p` ends on beside it ("quarter ending 30 June 2019", "(31 Dec)")?"""
    for m in _END_DAY.finditer(text):
        mon = MONTHS.get(m.group("m").lower().rstrip("."))
        if mon and p.end is not None and (int(m.group("d")), mon) == (p.end.day, p.end.month):
            return True
    return False


def _at_the_headings_day(dated: list[Dated], layout: PageLayout, doc: DocumentContext, library: Library) -> list[Dated]:
    """R: a stock dated by a heading or a title on its page that names its span and the day it ends
    ("Quarter 3 2024/25 snapshot (31 Dec 2024)" over "CLA 671") is the count at that day: the span
    says which report it is, the day when its counts were taken."""
    out = []
    for d in dated:
        c, p = d.candidate, d.candidate.period
        if d.rule in ("heading", "title") and p is not None and p.end is not None and p.kind != "as_at" \
                and library.kpis[c.kpi].measure == "stock":
            at = _last_title(doc, layout.number, c.line) if d.rule == "title" else _last_heading(doc, layout.number, c.line)
            if at is not None and at[0] == layout.number and 0 <= at[1] < len(layout.lines):
                line = layout.lines[at[1]]
                days = {m.period for m in find_mentions(line) if m.absolute and m.period.kind == "as_at"}
                if days == {as_at(p.end)} or _names_its_end_day(line, p):
                    d = _dated(c, as_at(p.end), d.rule)
        out.append(d)
    return out


def _note_period(lines: list[str], at: int) -> Period | None:
    """The one period of the note that closes the block of line `at` (within eight lines, before a blank one)."""
    for k in range(at + 1, min(at + 9, len(lines))):
        if not lines[k].strip():
            return None
        if NOTE_LINE.match(lines[k]):
            # (not the day the figures were approved or agreed: "Source: the budget statement for 2023/24, approved
            # by the Executive Board on 11 May 2023")
            found = [m for m in find_mentions(lines[k]) if m.absolute and m.period is not None
                     and not dates_an_event(lines[k], m)]
            return found[0].period if len(found) == 1 and found[0].period.known else None
    return None


def _count_to_a_day(d: Dated, library: Library) -> Dated:
    """R: a count of what happened has no day; dated by one ("By the end of July the partnership had
    already run 38 courses", "Latest" at 30 November 2022 over "Referrals in the year | ... | 6,310"),
    it is the count up to that day: the year to date, labelled by its month (spec/kpis.md)."""
    p = d.candidate.period
    if p is not None and p.kind == "as_at" and p.end is not None and library.kpis[d.candidate.kpi].measure == "flow":
        return replace(d, candidate=replace(d.candidate, period=year_to_date(p.end)))
    return d


def restated_at_meeting(dated: list[Dated], layout: PageLayout, doc: DocumentContext, library: Library) -> list[Dated]:
    """P8 for a plan, after P9: a plan's actions and their completion (KPIs `dated_with` each other)
    that nothing else dated are the plan as the paper restates it, at its meeting (spec/kpis.md: "A
    stock that a document restates (actions in a plan ...) takes the date of the report that
    states it"): "The business manager reported that the plan contained 41 actions, 17 complete",
    "the 2024-26 business plan contains 41 actions" (the years name the plan). Like every meeting
    date, a dated statement of the same figure elsewhere (P10) overrides it."""
    if doc.meeting is None:
        return dated
    plan = library.memo(("restated-kpis",), lambda: frozenset(
        k for e in library.kpis.values() if e.dated_with for k in (e.id, *e.dated_with)))
    out = []
    for d in dated:
        c = d.candidate
        if c.kpi in plan and c.sentence >= 0 and not (c.period is not None and c.period.known) \
                and govern(doc, layout.number, c.line)[1] == "meeting_date" \
                and all(_dates_another(c.snippet, m) or _a_plans_name(c.snippet, m) or m.period == doc.meeting
                        for m in find_mentions(c.snippet)):
            d = _dated(c, doc.meeting, "meeting_date")
        out.append(d)
    return out


ALONGSIDE_SENTENCES = 2  # how far apart a figure and the one that dates it may be written


def alongside(dated: list[Dated], library: Library) -> list[Dated]:
    """P9 alongside: a figure nothing dated takes the date of a figure its KPI is `dated_with`,
    written within two sentences of it on the page ("The plan has 33 actions. At the end of year
    one (31 March 2022), 73% of them were complete.": the total and its completion describe the
    plan at one point). The nearest such figure decides; two at the same distance that disagree
    date nothing."""
    known = [d for d in dated if d.candidate.sentence >= 0 and d.candidate.period is not None
             and d.candidate.period.known]
    out = []
    for d in dated:
        c = d.candidate
        partners = library.kpis[c.kpi].dated_with
        if partners and c.sentence >= 0 and (c.period is None or not c.period.known):
            near = sorted((abs(k.candidate.sentence - c.sentence), k.candidate.period) for k in known
                          if k.candidate.kpi in partners and abs(k.candidate.sentence - c.sentence) <= ALONGSIDE_SENTENCES)
            if near and (len(near) == 1 or near[0][0] < near[1][0] or near[0][1] == near[1][1]):
                d = _dated(c, near[0][1], "alongside")
        out.append(d)
    return out


_SOURCE_ORDER = ("sentence", "table", "heading", "title", "meeting_date", "")


def restated(facts: list[Fact]) -> list[Fact]:
    """P10 restated: a figure left undated that repeats a figure the same document dates
    elsewhere (the same KPI, subject and value: "Latest figures show 335 under-fives looked
    after" and, pages on, "The latest figures (2016/17) show 335 ...") takes that period, as does one
    dated only by the meeting; when the document dates the value in two ways, it stays as it was."""
    dated: dict[tuple, set[tuple]] = defaultdict(set)
    for f in facts:
        if f.period_kind != "unknown":
            dated[(f.kpi, f.subject, f.unit, f.value)].add(
                (f.period, f.period_kind, f.period_start, f.period_end, f.period_source))
    out = []
    for f in facts:
        found = sorted(dated.get((f.kpi, f.subject, f.unit, f.value), ())) if f.period_kind == "unknown" else []
        if f.period_source == "meeting_date":  # the weakest evidence gives way to a dated statement of it
            found = [w for w in dated.get((f.kpi, f.subject, f.unit, f.value), ()) if w[4] != "meeting_date"]
        if len({w[:4] for w in found}) == 1:  # the evidence is that statement's (its source, in order)
            f = _with_period(f, min(found, key=lambda w: _SOURCE_ORDER.index(w[4])))
        out.append(f)
    return _parts_of_wholes(out)


def _with_period(f: Fact, when: tuple[str, str, str, str, str]) -> Fact:
    period, kind, start, end, source = when
    return replace(f, period=period, period_kind=kind, period_start=start, period_end=end, period_source=source)


def _parts_of_wholes(facts: list[Fact]) -> list[Fact]:
    """P10, for a part: still undated, it takes the period of its whole, the same KPI's figure
    without a subject in the same sentence ("Of the 296 children on plans, 118 were on plans
    for neglect": when the 296 is dated, so is the 118)."""
    wholes: dict[tuple, set[tuple]] = defaultdict(set)
    for f in facts:  # (a part the parts matcher read is its whole's, whatever its own clause said)
        if not f.subject and f.period_kind != "unknown":
            wholes[(f.document, f.page, f.snippet, f.kpi)].add(
                (f.period, f.period_kind, f.period_start, f.period_end, f.period_source))
    out = []
    for f in facts:
        part = f.subject and (f.period_kind == "unknown" or f.pattern.endswith("+part"))
        whole = wholes.get((f.document, f.page, f.snippet, f.kpi), set()) if part else set()
        out.append(_with_period(f, next(iter(whole))) if len(whole) == 1 else f)
    return out


def own_start(sent, structural: set[int]) -> tuple[int, int]:
    """Where a sentence's own words start, and their first line: after the title, heading,
    lead-in or dateline lines the layout ran it on from (in plain text nothing sets them apart),
    whose dates are context (P4-P8), not the sentence's own (P1). A sentence that is nothing
    but such lines is kept whole."""
    for k, line in enumerate(sent.lines):
        if line not in structural:
            return sent.offsets[k], line
    return 0, sent.lines[0]


_STOCK_ROW = re.compile(r"(?:\((?:as )?(?:at )?|\bat\s+)(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m>[A-Za-z]{3,9})\b\.?\)?|"
                        r"\b(?:at|as at)\s+(?:the\s+)?(?:year[- ]end|end of (?:the )?year)\b|\(year[- ]end\)", re.I)


# a page that says its counts are taken at the end of each column's quarter (or period): "Snapshot measures
# are at the last day of the quarter", "Children in care at the end of the quarter | 1,203 | 1,181"
_STOCKS_AT_END = re.compile(r"\b(?:position|snapshots?|stocks?|counts?|figures|numbers|children|measures?|cases)\b"
                            # (a list of the measures in brackets and a line's end may come between: "Stock measures
                            # (children in need, ...) and their rates\n are counted on the last day of the period")
                            r"(?:[^.;:\n()]|\([^()]{0,120}\)|\n(?!\s*\n)){0,80}?\b(?:at|on|as at)\s+the\s+(?:end|last day)\s+of\s+(?:each|the|every)\s+"
                            r"(?:month|quarter|period|column(?:'s)?)\b", re.I)


# a page's statement of the day its stocks are counted on: "Snapshot measures are as at 30 June 2025",
# "Stock figures at 31 December 2024", "snapshot measures (rows 3 to 6) are as at ...": a quarter's column
# that ends that day holds counts at it
_SNAPSHOT_DAY = re.compile(r"\b(?:snapshots?|stocks?)(?:\s+(?:measures?|figures?|counts?|indicators?|data))?\s+"
                          r"(?:\([^()]{1,120}\)\s+)?"  # an aside naming them: "(CF03 to CF06: children on plans)"
                          r"(?:(?:are|were|is|was)\s+)?(?:taken\s+|counted\s+)?(?:as\s+at|at|on)\s+(?P<day>[^.;]{6,30})", re.I)


def _snapshot_days(page: str) -> set:
    """The days a page (its lines joined) says its snapshot (stock) measures are counted on."""
    days = set()
    for m in _SNAPSHOT_DAY.finditer(page):
        found = [x for x in find_mentions(m.group("day")) if x.absolute and x.period is not None]
        if found and found[0].start == 0 and found[0].period.kind == "as_at":
            days.add(found[0].period.end)
    return days


def _a_row_of_days(line: str) -> bool:
    """A header's line of days alone, under its quarters' names ("(31 Dec 24)   (31 Mar 25)"): the
    counts are taken on those days."""
    if "(" not in line:
        return False
    found = find_mentions(line)
    if len(found) < 2 or not all(m.absolute and m.period.kind == "as_at" for m in found):
        return False
    return not re.sub(r"[\s()|]+|\b(?:as at|at)\b", "", without_mentions(line, found), flags=re.I)


# a stock row that says it is counted at each quarter's end
_AT_QUARTER_END = re.compile(r"\b(?:at|as at)\s+(?:the\s+)?(?:quarter|period)[- ]end\b|"
                             r"\bat\s+(?:the\s+)?end\s+of\s+(?:the|each)\s+quarter\b|"
                             # "Children in care (quarter end)", "(snapshot, last day of quarter)"
                             r"\((?:[^()]{0,20},\s*)?(?:(?:quarter|qtr)[- ]end|last day of (?:the\s+|each\s+)?quarter)\)", re.I)


def table_column(c: Candidate, at_end: bool = False, stock: bool = False) -> Dated:
    """P3 table_column: the period a table matcher read from the column header or caption; a
    stock row labelled "(31 Dec)" or "at year end" under year columns is as at that day of each
    column's year, not the year; a stock under a quarter's column is as at its last day when the page
    says its counts are taken then (`at_end`) or its row does ("(at quarter end)"). (A month's
    column stays the month, as spec/kpis.md's "Mar-17" header says, whatever the page says of its
    counts.) A stock under a column of a span of months ("Latest" under "1 April to 30 November 2022") is
    as at its end, as in a sentence."""
    rule = "table_column" if c.period_source == "table" else c.period_source
    p = c.period
    if stock and p is not None and p.kind == "month" and over_months(p):
        return Dated(replace(c, period=as_at(p.end)), rule)  # type: ignore[arg-type]
    label = c.snippet.split(" | ")[0]
    if p is not None and p.kind == "quarter" and p.end is not None and (
            at_end or _AT_QUARTER_END.search(label) or (stock and _names_its_end_day(c.snippet[len(label):], p))):
        return Dated(replace(c, period=as_at(p.end)), rule)  # (its row: "Children looked after (at quarter end)")
    if p is not None and p.kind == "as_at" and p.end is not None and _YEAR_TO_DATE.search(label):
        # "Referrals to children's social care, year to date (Apr-Feb)" under "Position at 28 Feb 2019"
        return Dated(replace(c, period=year_to_date(p.end)), rule)
    m = _STOCK_ROW.search(label)
    if m is None or p is None or p.end is None or p.kind not in ("calendar_year", "financial_year"):
        return Dated(c, rule)
    if m.group("m"):
        mon = MONTHS.get(m.group("m").lower())
        at = day_in_context(mon, int(m.group("d")), p) if mon else UNKNOWN_PERIOD
    else:
        at = as_at(p.end)
    return Dated(replace(c, period=at), rule) if at.known else Dated(c, rule)


def line_context(c: Candidate, doc: DocumentContext, library: Library) -> Dated:
    """P4-P8 for a figure read from a line outside any sentence (a label and a big number)."""
    governing, rule = govern(doc, c.page, c.line)
    if rule == "meeting_date" and not PRESENT.search(c.snippet):
        governing, rule = None, ""
    p = _stock_at_year_end(c, governing or UNKNOWN_PERIOD, rule, library)
    return _dated(c, _flow_at_year_end(c, p, rule, library), rule)
