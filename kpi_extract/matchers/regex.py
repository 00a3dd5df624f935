"""Regex matcher: the library's patterns over each sentence, plus comparisons that follow a match.

A report writes the previous figure straight after the current one, without repeating the label:
"1,608 compared to 1,339 children last year", "301, up from 268 at 31 March 2015", or in the
next sentence, as every Ofsted report does: "This is an increase from 690 (60.2 per 10,000
children) at 31st March 2014." Such a figure is the same KPI; its period is settled later
(`dating.py` reads "from"/"compared to" as a prior period).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..layout import PageLayout
from ..library import FLAGS, KpiEntry, Library
from ..model import Candidate
from ..settings import DEFAULT_SETTINGS, Settings
from ..periods import find_mentions
from ..values import PER_POPULATION, QUALIFIERS, UNIT_VALUE, WORD_VALUES, WORDS_RE, expand_macros, figure_spans, parse_value
from .window import apply_rules, best_per_value

_CUE = re.compile(
    r"(?:,\s*from|\b(?:compared (?:to|with)|(?:up|down) from|(?:an? )?(?:increase|decrease|reduction|rise|fall|drop|change)"
    r"(?: of [\d.]+ ?%)? (?:from|on)|(?:increased|decreased|reduced|rose|fell|dropped|risen|fallen|grown|grew) from|"
    r"versus|vs\.?))\s+", re.I)
_FILLER = re.compile(
    r"^[\s,]*(?:(?:the|a|an|previous|prior|last|preceding|year'?s?|years|which|when|it|was|were|is|of|figure|total|"
    r"level|same|period|in|during|at|average|financial|reporting|\d{4}(?:[/-]\d{2,4})?(?:'s)?)[\s,]*){0,8}$", re.I)
# "just over 900 (904)": the exact figure in brackets replaces the rounded one
_APPROX = re.compile(rf"(?:{QUALIFIERS})\s*$", re.I)
_EXACT = re.compile(r"\((£?\d{1,3}(?:,\d{3})+(?:\.\d+)?|£?\d+(?:\.\d+)?%?)\)")
_NEXT_SENTENCE = re.compile(
    r"^(?:this|that|it|which)(?: figure| number| total| rate)? (?:is|was|represents|shows|marks)(?: an?)?"
    r"(?: [\w-]+){0,2}? (?:increase|decrease|reduction|rise|fall|drop|change)(?: of [\d.]+ ?%)? (?:from|on)\b", re.I)
_RATE_OR_SHARE = re.compile(rf"\s*(?:%|{PER_POPULATION.pattern})")
# every pattern reads a figure: a sentence without one is skipped (most prose has none)
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(rf"\b{WORDS_RE}", re.I)


# every number word is a whole word of its own ("twenty-four", "one hundred"): a sentence none
# of whose words is one needs no try of the full pattern, whose look-behinds make it slow
_NUMBER_TOKENS = frozenset(w for w in WORD_VALUES if w != "zero")
_LETTERS = re.compile(r"[a-z]+")


@lru_cache(maxsize=2048)  # (asked by the regex and the lexicon matchers of the same sentence)
def has_figure(text: str) -> bool:
    """A digit, else a number word: the word alternation is slow to try at every position,
    and most sentences that have a figure have a digit."""
    return _DIGIT.search(text) is not None or (
        not _NUMBER_TOKENS.isdisjoint(_LETTERS.findall(text.lower())) and _NUMBER_WORD.search(text) is not None)


_UNIT_RX = {unit: re.compile(expand_macros(src), FLAGS) for unit, src in UNIT_VALUE.items()}


def _unit_value(entry: KpiEntry, text: str, pos: int) -> re.Match | None:
    rx = _UNIT_RX.get(entry.unit)
    return rx.search(text, pos) if rx else None


def _tail_in_sentence(c: Candidate, entry: KpiEntry, text: str) -> Candidate | None:
    """'... 1,608 compared to 1,339 ...': the comparison figure straight after a match."""
    after = max(c.value_end, c.match_end)  # "2,947 children ... as children in need, a decrease from"
    cue = _CUE.search(text, after)
    if cue is None or cue.start() - after > 60 or ";" in text[c.value_end:cue.start()]:
        return None
    # another figure between them takes the comparison, unless it is a rate or a share
    # ("498 children in care, a rate of 88 per 10,000 children, compared with 521")
    if any(c.value_end <= s < cue.start() and not _RATE_OR_SHARE.match(text, e) for s, e in figure_spans(text)):
        return None
    m = _unit_value(entry, text, cue.end())
    if m is None or m.start("value") - cue.end() > 45 or not _FILLER.match(text[cue.end():m.start("value")]):
        return None
    return replace(_derived(c, text, m, c.sentence, "comparison"), line=c.line)


def _exact(c: Candidate, text: str) -> Candidate:
    """'just over 900 (904)' reads 904: the rounded figure with its exact value in brackets."""
    open_ = text.find("(", c.value_end, c.value_end + 50)
    m = _EXACT.match(text, open_) if open_ >= 0 else None
    if not m or figure_spans(text[c.value_end:open_]) or re.search(r"[,;:]", text[c.value_end:open_]) \
            or not _APPROX.search(text[max(0, c.value_start - 20):c.value_start]):
        return c
    rough, exact = parse_value(c.raw), parse_value(m.group(1))
    if rough and exact and abs(exact - rough) <= 0.15 * rough:
        return replace(c, raw=m.group(1), value_start=m.start(1), value_end=m.end(1))
    return c


def _tail_in_brackets(c: Candidate, entry: KpiEntry, text: str) -> Candidate | None:
    """'Referrals received in 2019/20: 4,102 (2018/19: 3,998)': the earlier period's figure."""
    open_ = text.find("(", c.value_end, c.value_end + 30)
    if open_ < 0 or figure_spans(text[c.value_end:open_]):
        return None
    close = text.find(")", open_)
    lead = find_mentions(text[open_:close]) if close > 0 else []
    if not lead or lead[0].start > 1 or not (lead[0].absolute or lead[0].quarter):
        return None
    m = _unit_value(entry, text, open_ + lead[0].end)
    if m is None or m.end("value") > close or not re.fullmatch(r"\s*[:=-]?\s*", text[open_ + lead[0].end:m.start("value")]):
        return None
    return replace(_derived(c, text, m, c.sentence, "comparison"), line=c.line)


def comparisons(found: list[Candidate], text: str, library: Library) -> list[Candidate]:
    """The earlier figures a sentence gives beside its matches ("compared to", "(2018/19: ...)"),
    unless their own clause names a comparator ("compared with 67 for England")."""
    claimed = {(c.value_start, c.value_end) for c in found}
    tails = []
    for c in found:
        for tail in (_tail_in_sentence, _tail_in_brackets):
            t = tail(c, library.kpis[c.kpi], text)
            if t is not None and (t.value_start, t.value_end) not in claimed and apply_rules([t], text, library):
                tails.append(t)
                claimed.add((t.value_start, t.value_end))
    return tails


def _tail_next_sentence(c: Candidate, entry: KpiEntry, text: str, index: int) -> Candidate | None:
    """'This is an increase from 690 (60.2 per 10,000 children) at 31st March 2014.'"""
    cue = _NEXT_SENTENCE.match(text)
    if cue is None:
        return None
    m = _unit_value(entry, text, cue.end())
    if m is None:
        return None
    if entry.unit != "rate_per_10k" and not _FILLER.match(text[cue.end():m.start("value")]):
        return None
    return replace(_derived(c, text, m, index, "comparison-next"), carry_from=c.sentence)


def _derived(c: Candidate, text: str, m: re.Match, sentence: int, how: str) -> Candidate:
    vs, ve = m.span("value")
    return Candidate(c.kpi, m.group("value"), c.page, text, "regex", f"{c.pattern}+{how}", c.score * 0.95,
                     vs, ve, c.subject, line=-1, sentence=sentence, match_start=vs, match_end=ve)


def match(layout: PageLayout, library: Library, settings: Settings = DEFAULT_SETTINGS,
          claimed: list[Candidate] | None = None) -> list[Candidate]:
    out: list[Candidate] = []
    prev_kpis: set[str] = set()
    sentences = layout.sentences
    index = library.index()
    rules = index.rules
    # every pattern reads a figure: only sentences with one are read, and only their words looked up
    figured = [has_figure(s.text) for s in sentences]
    lowered = [s.text.lower() if f else "" for s, f in zip(sentences, figured)]
    page_words = index.page_words([low for low in lowered if low])
    carried: list[Candidate] = []  # comparisons found for the next sentence
    for si, sent in enumerate(sentences):
        text = sent.text
        applicable = index.applicable(lowered[si], page_words) if figured[si] else []
        if not carried and not applicable:  # most sentences: nothing to read
            prev_kpis = set()
            continue
        found: list[Candidate] = [replace(c, line=sent.line_at(c.value_start)) for c in carried]
        for i in applicable:
            rule = rules[i]
            if rule.follow and not prev_kpis & index.follows[rule.kpi]:
                continue
            for m in rule.rx.finditer(text):
                vs, ve = m.span("value")
                if vs < 0:
                    continue
                subject = (m.groupdict().get("subject") or "").strip()
                found.append(Candidate(rule.kpi, m.group("value"), layout.number, text, "regex",
                                       f"{rule.kpi}/{rule.name}", settings.sentence_confidence, vs, ve, subject,
                                       line=sent.line_at(vs), sentence=si,
                                       match_start=m.start(), match_end=m.end(),
                                       carry_from=si - 1 if rule.carries and prev_kpis & index.follows[rule.kpi]
                                       else -1))
        found = [_exact(c, text) for c in best_per_value(apply_rules(found, text, library), library)]
        found += comparisons(found, text, library)
        carried = []
        if si + 1 < len(sentences):
            last: dict[str, Candidate] = {}
            for c in sorted(found, key=lambda c: c.value_start):
                if "+comparison" not in c.pattern:  # a comparison does not spawn another
                    last[c.kpi] = c
            for c in last.values():
                t = _tail_next_sentence(c, library.kpis[c.kpi], sentences[si + 1].text, si + 1)
                if t is not None:
                    carried.append(t)
        prev_kpis = {c.kpi for c in found}
        out += found
    return out
