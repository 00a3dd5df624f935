"""Which period does each figure in a sentence describe?

Reports put several figures and several periods in one sentence: "has increased in 2016/17 to
1,466 at 31st March 2017 from 1302 at 31st March 2016", "92% during 2016/17 compared to 87%
during the previous year", "341 (321 2015/16, 428 2014/15)". The rules, in order:

1. A period mention belongs to the figure it is written next to: to the figure before it when
   only a short plain gap (" at ", " in ", " during ") separates them, else to the figure after.
   A bracket group straight after a figure annotates it and is skipped over.
2. A figure introduced by "from", "compared to/with", "than", "the previous year which was" is
   a *prior* figure; without a period of its own it gets the sentence's period one year back.
3. Every other figure without a period of its own gets the sentence's main period: the period of
   the first main figure that has one, else the first period mentioned, else the carried-over
   period of the sentence before, else the document context (heading, title, meeting date).
4. "at 31st March" (no year) and "Quarter 4" are placed in that main period; "last year" is the
   main period one year back; "at the time of the inspection" is the document's event date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import UNKNOWN_PERIOD, Period
from .periods import (Mention, as_at, day_in_context, financial_year, financial_year_of, find_mentions, previous,
                      quarter_in_context)
from .values import figure_spans

_PRIOR_BEFORE = re.compile(
    r"(?:\b(?:from|than|versus|vs\.?)\s+(?:an? |the )?(?:total of |figure of |level of |high of |low of |average of )?"
    r"(?:£)?$)|\bcompared (?:to|with)\b|\b(?:previous|last|prior|preceding) (?:financial |reporting )?year\b"
    r"[^,;]*$|\bas against\b|\bon the previous year\b", re.I)
_COMPARED = re.compile(r"\b(?:than|compared (?:to|with)|from|since|versus|vs\.?|against)\b(?:\s+(?:in|at|during|the|of))*\s*$", re.I)
_PRIOR_CUE = re.compile(r"\b(?:from|compared (?:to|with)|than|versus)\b", re.I)
_CUE_WORDS = re.compile(r"\b(?:from|compared|than|since|versus|previous|last|prior|against|before|after)\b", re.I)


def _plain_gap(gap: str, leading_comma: bool = False) -> bool:
    """A gap that binds a period to a figure: short words, no figures, no clause break.

    "4,036 referrals in 2017/18" binds; "the 2018/19 plan, so 78%" does not. A comma, colon or
    dash is allowed only straight after a period that opens the clause ("At 31 October 2017,
    543", "(2018/19: 3,998)").
    """
    if leading_comma:
        gap = re.sub(r"^\s*[,:=\-]", "", gap)
    return len(gap) <= 40 and not re.search(r"[\d,;:()\[\]]", gap) and not _CUE_WORDS.search(gap)


@dataclass(frozen=True)
class Context:
    """What governs a sentence that names no period itself, with where it came from."""

    period: Period = UNKNOWN_PERIOD
    source: str = ""
    carried: Period | None = None  # the period of the sentence before (source "carried")
    event: Period | None = None  # "at the time of the inspection"
    meeting: Period | None = None  # places "the end of September" in a paper with no other date


@dataclass
class _Figure:
    start: int
    end: int
    ext_end: int  # end including a bracket group that annotates it
    host: int | None = None  # index of the figure whose bracket group holds this one
    prior: bool = False
    mention: Mention | None = None


def _figures(text: str, values: list[tuple[int, int]]) -> list[_Figure]:
    spans = set(values)
    for s, e in figure_spans(text):
        if not any(a <= s < b or s <= a < e for a, b in values):
            spans.add((s, e))
    return [_Figure(s, e, e) for s, e in sorted(spans)]


_CHANGE = re.compile(r"(?:increas|decreas|\brise\b|\brose\b|risen|\bfall|\bfell\b|\bup\b|\bdown\b|reduc|grow|grew|chang|"
                     r"drop|improv|declin|\bmov|compar|\bshift|\bjump|climb|\bslip)", re.I)


def _is_change(text: str, cue_at: int, value_end: int, cue: str) -> bool:
    """A bare "from" starts a prior figure only in a change ("rose from 374 to 412", "a reduction
    from 581"); "attended, from 3,320 places offered" is not one."""
    if not re.match(r"\s*from\b", cue, re.I):
        return True
    return bool(_CHANGE.search(text[max(0, cue_at - 45):cue_at]) or
                re.match(r"[^.;]{0,45}?\bto\s+(?:£)?\d", text[value_end:]))


def _only_periods(gap: str) -> bool:
    """A short gap that holds a period and nothing else: ' at the end of March 2020 '."""
    if len(gap) > 40 or not re.fullmatch(r"[\w\s/.-]*", gap):
        return False
    rest = gap
    for m in sorted(find_mentions(gap), key=lambda m: -m.start):
        rest = rest[:m.start] + rest[m.end:]
    return rest != gap and not re.search(r"\d", rest) and len(rest.split()) <= 3


def _groups(text: str, figures: list[_Figure]) -> list[tuple[int, int, int]]:
    """Bracket groups straight after a figure annotate it: (open, close, host index)."""
    groups = []
    for open_ in re.finditer(r"\(", text):
        close = text.find(")", open_.start())
        if close < 0:
            continue
        before = [i for i, f in enumerate(figures) if f.end <= open_.start() and f.host is None
                  and (not text[f.end:open_.start()].strip() or _only_periods(text[f.end:open_.start()]))]
        if not before:
            continue
        h = before[-1]
        figures[h].ext_end = close + 1
        for f in figures:
            if open_.start() < f.start < close:
                f.host = h
        groups.append((open_.start(), close, h))
    return groups


def attribute(text: str, values: list[tuple[int, int]], ctx: Context) -> dict[tuple[int, int], tuple[Period, str]]:
    """The period and its source for each value span in `text` (one sentence)."""
    return analyse(text, values, ctx)[0]


def analyse(text: str, values: list[tuple[int, int]], ctx: Context
            ) -> tuple[dict[tuple[int, int], tuple[Period, str]], Period | None]:
    """`attribute`, and the sentence's own main period (None when it names none), which the
    next sentence may borrow ("At that date, 2,947 children ...")."""
    mentions = find_mentions(text)
    figs = _figures(text, values)
    groups = _groups(text, figs)
    unattached: list[Mention] = []
    outer = [i for i, f in enumerate(figs) if f.host is None]

    # prior figures: a cue right before them, after the figure before
    for k, i in enumerate(outer):
        prev_end = figs[outer[k - 1]].ext_end if k else 0
        cue = _PRIOR_BEFORE.search(text[prev_end:figs[i].start])
        if cue and _is_change(text, prev_end + cue.start(), figs[i].end, cue.group()):
            figs[i].prior = True

    # each mention goes to one figure: first to the figure just before it ("412 at 31 March"),
    # then to the figure after it ("At 31 March, 412")
    pending = []
    for m in mentions:
        if m.since:
            target = next((figs[i] for i in outer if figs[i].prior and figs[i].mention is None), None)
            if target is not None:
                target.mention = m
            continue
        group = next((g for g in groups if g[0] <= m.start < g[1]), None)
        pool = [i for i, f in enumerate(figs) if group[0] < f.start < group[1]] if group else outer
        before = [i for i in pool if (figs[i].end if group else figs[i].ext_end) <= m.start]
        possessive = text.startswith("'s", m.end)  # "last year's figure of 477" names what follows
        if before and not possessive:
            b = before[-1]
            gap = text[(figs[b].end if group else figs[b].ext_end):m.start]
            if _plain_gap(gap) and figs[b].mention is None:
                figs[b].mention = m
                continue
        pending.append((m, group, pool))
    for m, group, pool in pending:
        after = [i for i in pool if figs[i].start >= m.end]
        chosen = None
        if after:
            a = after[0]
            gap = re.sub(r"^'s\b", "", text[m.end:figs[a].start])
            compared = _COMPARED.search(text[max(0, m.start - 25):m.start]) and not figs[a].prior
            if not (figs[a].prior and _PRIOR_CUE.search(gap)) and _plain_gap(gap, leading_comma=True) \
                    and not compared:
                chosen = a
        if chosen is None and group is not None:
            chosen = group[2]
        if chosen is not None and figs[chosen].mention is None:
            figs[chosen].mention = m
        else:
            unattached.append(m)

    def absolute(m: Mention | None) -> Period | None:
        return m.period if m is not None and m.absolute else None

    def place(m: Mention, around: Period) -> Period | None:
        """A date or quarter written without its year, placed in the period around it (or the
        last such date before the meeting, when nothing else dates the sentence)."""
        if m.month and not around.known and ctx.meeting is not None and ctx.meeting.end is not None:
            p = day_in_context(m.month, m.day, ctx.meeting)
            if p.known and p.end and p.end > ctx.meeting.end:
                p = previous(p)
            return p if p.known else None
        if m.month:
            p = day_in_context(m.month, m.day, around)
        elif m.quarter:
            p = quarter_in_context(m.quarter, around)
            if p.known and m.day == -1:  # "the end of Quarter 1"
                p = as_at(p.end)  # type: ignore[arg-type]
        else:
            return None
        return p if p.known else None

    main: Period | None = None
    for i in outer:
        m = figs[i].mention
        if figs[i].prior or m is None:
            continue
        if m.relative in ("current", "current_year", "previous"):
            break  # "Referrals for the year totalled 7,915, an increase of 4% on 2018/19": the context's year
        main = absolute(m) or place(m, ctx.carried or ctx.period)
        if main is not None:
            break
    if main is None:
        used_by_secondary = {id(f.mention) for f in figs if f.prior or f.host is not None}
        first = next((figs[i] for i in outer if not figs[i].prior), None)

        def in_clause(m: Mention) -> bool:
            """Before the first main figure, or after it with no clause break between."""
            if first is None or m.start < first.start:
                return True
            return not re.search(r"[,;:]|\b(?:which|leaving|while|whereas|but)\b", text[first.end:m.start])
        main = next((m.period for m in mentions if m.absolute and not m.since and id(m) not in used_by_secondary
                     and not _COMPARED.search(text[max(0, m.start - 25):m.start]) and in_clause(m)), None)
    if main is None:
        # "... there were 611 children subject to a CP plan at 31st March."
        loose = next((m for m in unattached if m.month), None)
        if loose is not None:
            placed = day_in_context(loose.month, loose.day, ctx.carried or ctx.period)
            main = placed if placed.known else None
    if main is not None:
        base, base_source = main, "sentence"
    elif ctx.carried is not None:
        base, base_source = ctx.carried, "carried"
    else:
        base, base_source = ctx.period, ctx.source

    def resolve(m: Mention | None, prior: bool) -> tuple[Period, str] | None:
        if m is None:
            return None
        if m.absolute:
            return m.period, "sentence"  # type: ignore[return-value]
        if m.relative == "previous":
            return previous(base), base_source
        if m.relative == "current":
            return base, base_source
        if m.relative == "current_year":
            if base.kind in ("quarter", "month", "as_at") and base.end is not None:
                return financial_year(financial_year_of(base.end)), base_source
            return base, base_source
        if m.relative == "event":
            return (ctx.event, "sentence") if ctx.event is not None else None
        if m.relative == "period_end":  # "at the end of the quarter"
            return (as_at(base.end), base_source) if base.known and base.end else None
        placed = place(m, base)  # the day and month are the sentence's; only the year is borrowed
        if placed is None:
            return None
        return (previous(placed) if prior and m.month else placed), "sentence"

    out: dict[tuple[int, int], tuple[Period, str]] = {}
    for i, f in enumerate(figs):
        if (f.start, f.end) not in values:
            continue
        own = resolve(f.mention, f.prior)
        if own is not None and f.host is not None and f.mention is not None and f.mention.absolute \
                and own[0].kind == "calendar_year":
            # "298 at the end of March 2020 (2019: 341)": the same point of the year named
            host_period = resolve(figs[f.host].mention, figs[f.host].prior)
            if host_period and host_period[0].kind in ("as_at", "month", "quarter") and \
                    previous(host_period[0]).start and previous(host_period[0]).start.year == own[0].start.year:
                own = (previous(host_period[0]), "sentence")
        if own is not None and f.host is not None and f.mention is not None and f.mention.quarter \
                and own[0].kind == "quarter" and own[0].end is not None:
            host_period = resolve(figs[f.host].mention, figs[f.host].prior)
            if host_period and host_period[0].kind == "as_at":
                own = (as_at(own[0].end), own[1])  # "CLA at end of Q3 2020/21 - 503 (Q2: 497)"
        if own is None and f.host is not None:
            host = figs[f.host]
            own = resolve(host.mention, host.prior) or (
                (previous(base), base_source) if host.prior else None)
        if own is None:
            own = (previous(base), base_source) if f.prior else (base, base_source)
        period, source = own
        out[(f.start, f.end)] = (period, source if period.known or period.start else "")
    return out, main
