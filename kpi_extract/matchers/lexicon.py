"""Lexicon matcher: a few general constructions over each KPI's words (`[kpi.lexicon]`).

Councils join a figure to what it counts in a handful of ways, whatever words they use for the
thing counted: a figure before the noun phrase ("1,190 children we care for"), the noun phrase
then a verb of amount or a colon ("Partnership funding for 2022-23 came to £611,000"), a list
("Partners contributed: Police £45,000, ICB £58,500"), "171 and 139 attendees respectively",
"with a further 85 watching online", "twenty-four are complete (two thirds)", "69 per cent of
the 2,050 places", a rate written without its unit ("rate 35.2; England 42.0"). So the words
are data, the constructions are code, and a synonym added to a TOML file is read at once.

Cost: the terms are compiled once per library, grouped by their first word; a sentence is read
only when it has a figure and one of the terms' key words, its words are looked up to find the
terms (only those starting with a word it has are tried, there: no loop over synonyms), and each
construction then looks only at the text just before or after a term found. Candidates pass
through the KPI's own `exclude` and `redirect` rules, like a regex's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..layout import PageLayout
from ..lexicon import BREAKDOWN_BY, normal
from ..library import FLAGS, Library
from ..model import Candidate
from ..needles import Guarded
from ..periods import MONTH_NAME, SO_FAR_WORDS, find_mentions
from ..roles import FACT_ROLES, role_of
from ..settings import DEFAULT_SETTINGS, Settings
from ..values import expand_macros, figure_spans, not_a_figure, parse_value
from .regex import comparisons, has_figure
from .window import apply_rules, best_per_value

_SHAPE = {
    "count": r"{q}{count}(?!\s?per\s?10)",
    "GBP": "{q}{money}",
    "percent": "{q}{percent}",
    "rate_per_10k": r"{number}",
}
# the unit a rate may carry after its figure ("41.1 per 10,000 children: our protection plan rate")
_RATE_UNIT = r"(?:\s?per 10(?:,?000|k)\b(?: children(?: and young people)?)?:?)?"
_SEP = r"[\s-]+"


def _alternation(words: list[str]) -> str:
    """Longest first, so that "children in care" wins over "children"; spaces and hyphens alike."""
    return "|".join(re.escape(w).replace(r"\ ", _SEP).replace(r"\-", _SEP)
                    for w in sorted(set(words), key=len, reverse=True))


def _value(unit: str) -> str:
    """The unit's value shape, without its `value` group: a construction names its own groups."""
    return expand_macros(_SHAPE.get(unit, "{q}{number}")).replace("(?P<value>", "(?:")


def _key_word(term: str) -> str:
    """The longest word of a term, lower-cased: the page must hold it for the term to be there."""
    return max(normal(term).split(), key=len)


@dataclass
class Compiled:
    """What the constructions need, derived from the library once."""

    terms: re.Pattern | None  # every term and abbreviation of every KPI
    index: Terms
    owner: dict[str, str]  # normal(term) or abbreviation -> KPI id
    keys: tuple[str, ...]  # the key words of every term, for the page's prefilter
    cues: tuple[str, ...]  # words of the constructions that need no term in their own sentence
    before: dict[str, re.Pattern]  # unit -> figure (and "between" words) just before a term
    after: dict[str, re.Pattern]  # unit -> verb of amount or colon, then the figure, just after a term
    bracketed: dict[str, re.Pattern]  # unit -> the figure alone in a bracket just after a term
    items: re.Pattern  # one "Name £n" item of an inline list
    first_item: re.Pattern  # the amount of an item whose name ended the sentence before
    further: re.Pattern | None
    completion: re.Pattern | None
    rate: re.Pattern
    share: re.Pattern  # "69 per cent of the" before a count
    respectively: re.Pattern  # "171 and" before a figure
    and_next: re.Pattern  # "and 139" after one
    rates: dict[str, str]  # KPI -> the rate KPI that `follows` it
    owners: dict[str, re.Pattern]  # KPI -> its `owners` written just before a term
    done_after: re.Pattern | None  # "have been completed" after a term
    verbs: re.Pattern | None  # a verb that takes the KPI's figure as its object, then the counted nouns
    verb_owner: dict[str, str]
    term_end: re.Pattern | None  # a term just before "(CWCF)"
    defines: Guarded | None  # "we say 'our children'" (searched only where a definition word is)
    partner_sums: dict[str, tuple[re.Pattern, re.Pattern]]  # KPI -> an owner beside a sum; a sum "from" an owner


_TOKEN = re.compile(r"[A-Za-z][A-Za-z']*")


def _first(word: str) -> str:
    return word.lower().rstrip("'")


def _terms_regex(pairs: list[tuple[str, str]], abbreviations: list[tuple[str, str]]) -> Terms:
    """Every term in one alternation (to look back from a point), and the terms by their first
    word (to find them: a sentence's words are looked up, and only the terms starting with a
    word it has are tried there, instead of every term at every position)."""
    owner = {normal(t): k for t, k in pairs}
    owner.update({a: k for a, k in abbreviations})
    by_first: dict[str, list[str]] = {}
    for t, _ in pairs:
        by_first.setdefault(_first(_TOKEN.match(normal(t)).group(0)), []).append(_alternation([t]))
    for a, _ in abbreviations:
        by_first.setdefault(_first(a), []).append(f"(?-i:{re.escape(a)})")
    parts = []
    if pairs:
        parts.append(_alternation([t for t, _ in pairs]))
    if abbreviations:
        parts.append(f"(?-i:{_alternation([a for a, _ in abbreviations])})")
    if not parts:
        return Terms(None, owner, {})
    index = {w: re.compile(rf"(?<![\w'-])(?:{'|'.join(sorted(alts, key=len, reverse=True))})(?![\w-])", FLAGS)
             for w, alts in by_first.items()}
    return Terms(re.compile(rf"(?<![\w'-])(?:{'|'.join(parts)})(?![\w-])", FLAGS), owner, index)


@dataclass
class Terms:
    rx: re.Pattern | None  # all of them
    owner: dict[str, str]  # normal(term) or abbreviation -> KPI id
    by_first: dict[str, re.Pattern]  # first word, lower case -> the terms starting with it

    def hits(self, text: str) -> list[_Hit]:
        found: list[_Hit] = []
        pos = 0
        for w in _TOKEN.finditer(text):
            if w.start() < pos:
                continue
            rx = self.by_first.get(_first(w.group(0)))
            m = rx.match(text, w.start()) if rx is not None else None
            if m is None:
                continue
            kpi = self.owner.get(m.group(0)) or self.owner.get(normal(m.group(0)))
            if kpi:
                found.append(_Hit(kpi, m.start(), m.end()))
                pos = m.end()
        return found


_CHANGE_BY_TO = (r"(?:rose|fell|increased|decreased|grew|dropped|went up|went down|reduced|has risen|has fallen|"
                 r"has increased|has decreased) by (?:a further |another )?(?:£)?[\d.,]+(?: ?%| per cent| percentage points?| points?)?"
                 r"(?: (?:in|during|over) [\w/ -]{3,20}?)?,? to")


def compile_library(library: Library) -> Compiled:
    words = library.words
    pairs, abbrs, keys = [], [], set()
    for e in library.kpis.values():
        if e.lexicon is None:
            continue
        pairs += [(t, e.id) for t in e.lexicon.terms]
        abbrs += [(a, e.id) for a in e.lexicon.abbreviations]
        keys |= {_key_word(t) for t in e.lexicon.terms} | {a.lower() for a in e.lexicon.abbreviations}
    found = _terms_regex(pairs, abbrs)
    terms, owner = found.rx, found.owner
    verb_pairs = [(v, e.id) for e in library.kpis.values() if e.lexicon for v in e.lexicon.verbs]
    keys |= {_key_word(v) for v, _ in verb_pairs}
    between = rf"(?:(?:{_alternation(words.between)}){_SEP}){{0,4}}" if words.between else ""
    verbs = _alternation(words.amount_verbs) if words.amount_verbs else r"(?!)"
    # "fell by 2.3 to 88.7": the change is read past, the level after "to" is the figure
    verbs = rf"(?:{verbs}|{_CHANGE_BY_TO})"
    units = {e.unit for e in library.kpis.values()}
    # a figure in a row of figures ("1,814 1,877 1,932") is a table cell, not the phrase's
    before = {u: re.compile(rf"(?:^|(?<=[\s(:,;]))(?<![\d%]\s)(?P<fig>{_value(u)}){_RATE_UNIT if u == 'rate_per_10k' else ''}"
                            rf"\s+{between}$", FLAGS) for u in units}
    # the gap may name a period or an owner ("funding for 2022-23", "the police contribution was
    # unchanged at"), never another figure: checked after the match
    # (or a space alone, when the figure ends the line: "Children in care 618", a row of a table set
    # out with spaces, or an item of a list)
    after = {u: re.compile(rf"^(?P<gap>(?:\([^().;:£%|]{{0,60}}\)|[^.;:£%,|]|\.(?=\d)){{0,60}}?)(?:\s(?:{verbs})\s+|\s?:\s?|\s?-\s|\s\|\s|"
                           rf"(?P<bare>\s)(?={_value(u)}(?:\.?\s*$|\s*;)))(?P<fig>{_value(u)})(?!\s+£?\d)", FLAGS)
             for u in units}
    # "children in need (2,947), children with a plan (402) and children in care (881)": the bracket holds the
    # term's figure alone (not a date's, "(2023: 881)", nor a share of something else, "(12%)" after a count)
    bracketed = {u: re.compile(rf"^\s?\((?P<fig>{_value(u)})\)(?!\s*(?:per|%))", FLAGS) for u in units}
    items = re.compile(rf"\s*(?:and\s+|&\s+)?(?P<subject>[A-Za-z][\w'&() -]{{1,50}}?)\s*(?:[:-]\s*|\(\s*)?"
                       rf"(?P<fig>{_value('GBP')})\)?\s*(?:[,;.]|\band\b|$|(?=\())", FLAGS)
    first_item = re.compile(rf"\s*(?P<fig>{_value('GBP')})\)?\s*(?:[,;.]|\band\b|$)", FLAGS)
    further = (re.compile(rf"\b(?:{_alternation(words.further)})\s+(?P<fig>{_value('count')})(?!\s?%|\s?per\b)", FLAGS)
               if words.further else None)
    completion = (re.compile(rf"(?P<fig>{_value('count')})(?:\s+(?:of\s+(?:them|these|those)|actions?))?\s+"
                             rf"(?:(?:are|were|is|was|have|had|has)\s+(?:now\s+)?(?:been\s+)?)?(?:now\s+|fully\s+)?"
                             rf"(?:{_alternation(words.completion)})\b(?:(?P<tail>[^()]{{0,40}}?)\(\s*(?P<pct>{_value('percent')})\s*\))?"
                             # or a list's label, then its figure: "Actions complete   33   (72%)", "Actions completed: 27"
                             rf"|\bactions\s+(?:now\s+|fully\s+)?(?:{_alternation(words.completion)})\s*[:\u2013-]?\s*"
                             rf"(?!(?:19|20)\d\d\b)(?P<lfig>{_value('count')})(?![\d,.]|\s?%|\s?per\b|\s+of\b)"
                             rf"(?:\s*\(\s*(?P<lpct>{_value('percent')})\s*\))?",
                             FLAGS) if words.completion else None)
    rate_word = _alternation(words.rate_words) if words.rate_words else r"(?!)"
    # "(rate 29.8; England 43.2)", or the unit in brackets: "421 children in our care (53.9 per 10,000)"
    rate = re.compile(rf"^(?:[^.;]{{0,25}}?\(?\s*(?:(?:a|the|our)\s+)?(?:{rate_word})(?:\s+per\s?10(?:,?000|k))?(?:\s?\([^().;]{{1,20}}\))?(?:\s+(?:of|was|is|at)|\s?:)?"
                      rf"\s+(?P<fig>{_value('rate_per_10k')})(?!\s?%|\d|\s?per\s?cent|\s+\d)"
                      rf"|[^.;()]{{0,25}}?\(\s*(?P<unit>{_value('rate_per_10k')})\s?per 10(?:,?000|k)\b)", FLAGS)
    share = re.compile(rf"(?P<fig>{_value('percent')})\s+of\s+(?:the\s+|all\s+|our\s+)?(?:total\s+)?$", FLAGS)
    respectively = re.compile(rf"(?P<fig>{_value('count')})\s*(?:,\s*and|,|and)\s+$", FLAGS)
    and_next = re.compile(rf"(?:\s*,\s*and|\s*,|\s+and)\s+(?P<fig>{_value('count')})", FLAGS)
    rates = library.rates()
    term_end = re.compile(rf"(?:{terms.pattern})\s*$", FLAGS) if terms is not None else None
    defines = (Guarded(re.compile(rf"\b(?:{_alternation(words.definitions)})\s+['\"‘“]"
                                  rf"(?P<term>[A-Za-z][\w' -]{{2,40}}?)['\"’”]", FLAGS)) if words.definitions else None)
    verb_owner = {normal(v): k for v, k in verb_pairs}
    verbs_rx = (re.compile(rf"(?<![\w'-])(?:{_alternation([v for v, _ in verb_pairs])})\s+(?:a total of\s+)?"
                           rf"(?P<fig>{_value('count')})\s+(?:{_alternation(words.between)})\b", FLAGS)
                if verb_pairs and words.between else None)
    owners = {e.id: re.compile(rf"(?:the\s+)?(?P<subject>{_alternation(e.lexicon.owners)})(?:'s|s')?\s+$", FLAGS)
              for e in library.kpis.values() if e.lexicon and e.lexicon.owners}
    done_after = (re.compile(rf"\s+(?:(?:have|has|had|were|are|is|was)\s+)?(?:now\s+)?(?:been\s+)?(?:now\s+|fully\s+)?"
                             rf"(?:{_alternation(words.completion)})\b", FLAGS) if words.completion else None)
    cues = tuple(sorted({w.lower().split()[0] for w in words.completion} | {w.lower().split()[-1] for w in words.further}))
    partner_sums = {e.id: _partner_sums_patterns(e.lexicon.owners) for e in library.kpis.values()
                    if e.lexicon and e.lexicon.owners and e.unit == "GBP"}
    return Compiled(terms, found, owner, tuple(sorted(keys)), cues, before, after, bracketed, items, first_item, further, completion, rate, share,
                    respectively, and_next, rates, owners, done_after, verbs_rx, verb_owner, term_end, defines, partner_sums)


def _partner_sums_patterns(owners: list[str]) -> tuple[re.Pattern, re.Pattern]:
    """An owner named straight before its sum ("the ICB £96,000", "Council £260,000", "Hallowmere
    Council - £187,000", "the ICB (£164,000)", "the borough council giving £198,000"), and a sum
    straight before "from" and its owner ("with £64,000 from the ICB"). The owner is one of the
    KPI's `owners`, after up to five capitalised words of its name ("Hallowmere and Dunmere Police")."""
    name = (rf"(?P<subject>(?:(?-i:[Tt]he)\s+)?(?-i:(?:[A-Z][\w&'-]*\s+(?:(?:and|of|&)\s+)?){{0,5}})"
            rf"(?:{_alternation(owners)}))")
    gbp = _value("GBP")
    beside = re.compile(rf"(?<![\w'-]){name}(?:'s|s')?(?:\s*,\s*which)?"
                        rf"(?:\s+(?:has\s+|have\s+|had\s+|will\s+|again\s+)?(?:contributed|contributes|contribute|contributing|"
                        rf"provided|provides|providing|paid|pays|put in|puts in|putting in|gave|gives|giving))?"
                        rf"\s*(?:[:\u2013-]\s*|\(\s*)?(?P<fig>{gbp})(?!\s*(?:per|a head|each)\b)", FLAGS)
    source = re.compile(rf"(?P<fig>{gbp})\s+(?:coming\s+)?from\s+{name}"
                        rf"(?=\s*(?:[,;.)]|\band\b|$|(?:in|for|to|towards)\b))", FLAGS)
    return beside, source


def compiled(library: Library) -> Compiled:
    """The library's lexicon compiled, once per library: the run calls this before it forks the
    children that read files, so that none compiles it again (it costs half a second)."""
    return library.memo(("lexicon",), lambda: compile_library(library))


@lru_cache(maxsize=64)
def _document_terms(pairs: tuple[tuple[str, str], ...]) -> Terms:
    """A document's own terms, compiled once per set (a pack's parts share them)."""
    terms = [(t, k) for t, k in pairs if " " in t or t.lower() == t]
    abbrs = [(t, k) for t, k in pairs if (t, k) not in terms]
    return _terms_regex(terms, abbrs)


_NEVER = re.compile(r"(?!)")


@dataclass
class _Hit:
    kpi: str
    start: int
    end: int


def _hits(text: str, c: Compiled, doc: Terms | None) -> list[_Hit]:
    return c.index.hits(text) + (doc.hits(text) if doc is not None else [])


_SMALL_WORDS = {"of", "and", "in", "the", "a", "an", "for", "to", "on", "with", "by", "we", "our"}


def _initials(abbr: str, term: str) -> bool:
    """'CWCF' abbreviates "children we care for", 'CiC' "children in care": its letters are the
    words' initials (small words may be left out). "referrals (MASH)" names something else."""
    words = re.findall(r"[a-z]+", term.lower())
    short = abbr.lower().removesuffix("s")
    return short in ("".join(w[0] for w in words), "".join(w[0] for w in words if w not in _SMALL_WORDS))


_ABBREVIATION = re.compile(r"\(\s*(?P<abbr>(?-i:[A-Z][A-Za-z]{1,7}))\s*\)")


def prepare(library: Library) -> None:
    """Compile the lexicon's constructions before files are read (see `matchers.prepare`)."""
    compiled(library)


def for_document(library: Library, texts: list[str]) -> Library:
    """The library with the terms a document defines for itself, for that document only:
    "In Wexley we say 'our children' for children in care" and "children we care for (CWCF)"
    make "our children" and "CWCF" name that KPI while its pages are read."""
    c = compiled(library)
    if c.terms is None:
        return library
    pairs: dict[str, str] = {}
    for text in texts:
        if c.defines is not None:
            for m in c.defines.finditer(text):
                term = " ".join(m.group("term").split())
                if normal(term) in c.owner or len(normal(term)) < 4:
                    continue
                near = text[max(0, m.start() - 150):m.end() + 150]
                mid = m.start() - max(0, m.start() - 150)
                hits = sorted(_hits(near, c, None), key=lambda h: abs(h.start - mid))
                if hits:
                    pairs.setdefault(term, hits[0].kpi)
        for m in _ABBREVIATION.finditer(text):
            abbr = m.group("abbr")
            if abbr in c.owner or abbr in pairs:
                continue
            head = text[max(0, m.start() - 60):m.start()]
            t = c.term_end.search(head) if c.term_end is not None else None
            kpi = (c.owner.get(t.group(0).strip()) or c.owner.get(normal(t.group(0)))) if t else None
            named = t.group(0) if kpi else ""
            if not kpi:
                named, kpi = next(((term, k) for term, k in pairs.items()
                                   if re.search(rf"{re.escape(term)}\s*$", head, re.I)), ("", None))
            if kpi and _initials(abbr, named):
                pairs[abbr] = kpi
    if not pairs:
        return library
    return replace(library, doc_terms=tuple(sorted(pairs.items())))


# the words before an age, not a count: "were aged under five", "aged 16 or over"
_AN_AGE_BEFORE = re.compile(r"\b(?:aged|ages?)(?:\s+(?:under|over|between|from))?\s*$", re.I)


def _no_figure(text: str) -> bool:
    """No figure in `text`, but for periods, durations and label numbers ("within 12 months")."""
    return all(not_a_figure(text, a, b) for a, b in figure_spans(text))


# "the rate of children in care was 82": a rate, whatever the noun phrase counts
_RATE_BEFORE = re.compile(r"\brates?(?:\s+per\s+10,?000)?(?:\s+(?:of|for|among))?\s*$", re.I)
# what people counted did, between them and their verb: "Delegates attending ... numbered 2,940"
_DOING = r"(?:attending|(?:who|that) attended|taking part in|participating in)"
_ATTENDING = re.compile(rf"^\s+(?:{_DOING}|on)\b[^.;:,|]*$", re.I)


def _heads(text: str, hits: list[_Hit]) -> list[_Hit]:
    """The hits that head their noun phrase: in "Delegates attending the partnership's courses in
    2022/23 numbered 1,884" the courses are what the delegates attended, not the figure's noun."""
    return [h for k, h in enumerate(hits) if not (k and _ATTENDING.match(text[hits[k - 1].end:h.start]))]


# between a noun phrase and its verb of amount only a period, a span or an owner may stand
# ("funding for 2022-23 came to"); "Funding Agency's allocation to providers is" is another noun's
# (or what the people did: "Delegates attending multi-agency safeguarding training in 2018-19 numbered")
# a label's words after the term that name a part of its population, then its figure: " under a care
# order (s31): 502", " placed with parents | 41", " in the North locality: 188"
# ("with" names a part of the spec's, a disability or a placement, not a state: "with an up-to-date health
# assessment | 412" is a condition)
_PART_LABEL = re.compile(r"^\s+(?P<part>(?:(?:under|subject to|accommodated|placed|living|aged|on|who (?:are|were)|"
                         r"with (?=(?:a |an )?(?:disabilit|foster|parents?\b|relatives|family|friends|kinship|connected|"
                         r"special|(?-i:SEND?|EHC)|learning|autism|complex))|"
                         r"that (?:are|were))\b[^.;:£%|\d()]{2,50}?|in (?:the )?[\w' -]{1,30}? (?:locality|area|quadrant|district|"
                         r"zone|cluster|patch|team|hub)\b))\s*(?:\([^()]{1,12}\))?\s*(?::|\s\|)\s*(?P<fig>\d[\d,]*)"
                         r"(?![\d,.]|\s*%|\s*per\b)", re.I)
_PERIOD_WORDS = re.compile(r"\b(?:quarter|year|month|week|period|to date|snapshot|total|all|overall|q[1-4])\b", re.I)
# a figure straight before a term: its own, so that a bracket after the term holds another figure
_FIGURE_BEFORE = re.compile(r"\d[\d,.]*\s*%?\s*(?:[a-z'-]+\s+){0,2}$", re.I)
# periods named in turn, the first within a few words of a term: "in Q1, Q2 and Q3", "in 2023/24 and 2024/25"
_PERIOD_IN_A_RUN = rf"(?:Q[1-4]|quarter\s+[1-4]|(?:19|20)\d\d(?:\s*[/-]\s*\d\d(?:\d\d)?)?|(?:{MONTH_NAME})(?:\s+(?:19|20)\d\d)?)"
_PERIODS_IN_TURN = re.compile(rf"(?<=\s){_PERIOD_IN_A_RUN}(?:(?:,\s*|,?\s+and\s+){_PERIOD_IN_A_RUN})+\b")
_GAP = re.compile(r"^(?:\s*,)?\s*(?:$|\(|(?:for|in|during|at|as at|within|to|from|by|across|over|on|of|this|last|since|"
                  r"between|until|up to|" + _DOING + r")\b)", re.I)
_NEGATED = re.compile(r"^\s+(?:[\w'-]+\s+){0,3}?(?:not|never)\b", re.I)
_A_SUM = re.compile(r"\b(?:fund|grant|reserve|budget|programme|pot|allocation)s?$", re.I)
_NOT_OWNERS = {"the", "a", "an", "this", "that", "our", "their", "its", "each", "every", "total", "overall"}
_OWNER_NAME = re.compile(r"(?-i:(?P<subject>[A-Z][\w&-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&-]*){0,4}))(?:'s|s')?\s+$")


class _Sentence:
    """The candidates of one sentence, built construction by construction."""

    def __init__(self, layout: PageLayout, si: int, settings: Settings):
        self.layout, self.si = layout, si
        self.sent = layout.sentences[si]
        self.text = self.sent.text
        self.score = settings.sentence_confidence * 0.95  # a general construction, not a written pattern
        self.found: list[Candidate] = []
        self.earlier: list[Candidate] = []  # what other matchers read in this sentence
        self.pending: tuple[str, str] | None = None  # (kpi, first name) of a list the next sentence goes on with

    def add(self, kpi: str, m: re.Match, group: str, how: str, start: int, end: int, offset: int = 0,
            subject: str = "") -> None:
        vs, ve = m.start(group) + offset, m.end(group) + offset
        raw = self.text[vs:ve]
        self.found.append(Candidate(kpi, raw, self.layout.number, self.text, "regex", f"{kpi}/lexicon-{how}",
                                    self.score, vs, ve, subject, line=self.sent.line_at(vs), sentence=self.si,
                                    match_start=min(start, vs), match_end=max(end, ve)))


# a footnote's mark straight after a term: one to three asterisks, a dagger (a superscript digit is a word's
# character, and no term ends before one)
_MARK_ON_TERM = re.compile(r"^(?:\*{1,3}|[\u2020\u2021])(?=[\s:|])")


def _constructions(s: _Sentence, hit: _Hit, library: Library, c: Compiled) -> None:
    text, entry = s.text, library.kpis[hit.kpi]
    lex = entry.lexicon
    unit, kpi = entry.unit, hit.kpi
    head = text[max(0, hit.start - 120):hit.start]
    off = hit.start - len(head)
    tail = text[hit.end:hit.end + 90]
    # (a footnote's mark set on the term is read past, as a reader does, and kept in the text for the note that
    # dates it: "Referrals* 1,451" over "* Financial year 2024/25", "Children in need† 1,288")
    tail = _MARK_ON_TERM.sub(lambda mk: " " * len(mk.group(0)), tail, count=1)
    subject = ""
    if lex and lex.owners:  # "the police contribution was unchanged at £67,500"
        owner = _OWNER_NAME.search(head) or c.owners.get(kpi, _NEVER).search(head)
        if owner is None:
            return
        subject = re.sub(r"^(?:the|a|an)\s+", "", owner.group("subject").strip(), flags=re.I)
        if subject.lower() in _NOT_OWNERS or _A_SUM.search(subject):
            return  # ("Fund contribution of £2.4m": a fund is money, no partner)
    rate_kpi = c.rates.get(kpi)
    if unit == "count" and rate_kpi and _RATE_BEFORE.search(head):
        kpi, unit = rate_kpi, "rate_per_10k"
    m = c.before[unit].search(head) if kpi == hit.kpi and not subject else None
    if m and lex and lex.completed and c.done_after is not None and c.done_after.match(tail):
        m = None  # "19 actions have been completed": the completion construction reads it
    if m and _NEGATED.match(tail):
        m = None  # "the five actions that were not completed", "12 children not yet on a plan"
    if m:  # "1,190 children we care for"
        s.add(hit.kpi, m, "fig", "figure-term", m.start() + off, hit.end, off)
        if re.search(r"\brespectively\b", text[hit.end:]):  # "171 and 139 attendees respectively"
            lead = head[:m.start()]
            r = c.respectively.search(lead)
            first = len(s.found) - 1
            while r is not None:
                s.add(hit.kpi, r, "fig", "respectively", r.start() + off, hit.end, off)
                lead = lead[:r.start()]
                r = c.respectively.search(lead)
            _pair_periods(s, first)
        if lex and lex.share and unit == "count":  # "69 per cent of the 2,050 places"
            sh = c.share.search(head[:m.start()])
            if sh:
                s.add(lex.share, sh, "fig", "share-of", sh.start() + off, hit.end, off)
    if kpi == hit.kpi and not subject and _period_series(s, hit, kpi, unit, rate_kpi):
        return
    if lex and lex.lists and _list(s, hit, c, lex.lists):
        return
    if unit in ("count", "rate_per_10k") and _area_list(s, hit, kpi):
        return
    own_kpi, own_unit = (rate_kpi, "rate_per_10k") if rate_kpi and kpi == hit.kpi and _UNIT_WORDS.search(
        text[hit.end:hit.end + 40].split(":")[0].split("|")[0]) else (kpi, unit)
    if _own_among_comparators(s, hit, own_kpi, own_unit):
        return
    if unit == "count" and kpi == hit.kpi and _breakdown(s, hit, kpi, library, m.group("fig") if m else ""):
        return
    celled = _period_cell(tail, unit)
    if celled is None and unit == "percent" and re.match(r"\s*\(%\)", tail):  # "Re-referrals (%) | Q3 24/25 | 19.8"
        celled = _period_cell(tail, "bare number")  # (the label says it is a percentage)
    # (periods named in turn before the figures named in turn, "Referrals in Q1, Q2 and Q3 were 1,811, 1,902 and
    # 1,744 respectively": the run of periods is read over, and the figures after the first are the term's too)
    in_turn = _PERIODS_IN_TURN.search(tail) if celled is None and _RESPECTIVELY.search(text, hit.end) else None
    if in_turn is not None and not _GAP.match(tail[:in_turn.start()] + " "):
        in_turn = None
    read_tail = tail if in_turn is None else tail[:in_turn.start()] + " " * (in_turn.end() - in_turn.start()) \
        + tail[in_turn.end():]
    a = celled or c.after[unit].match(read_tail)
    if a and a.group("bare") is not None and s.sent.line_at(hit.start) != s.sent.line_at(hit.end + a.start("fig")):
        a = None  # a figure alone on the line after its term heads the next label ("Plan" / "683" / "Children in Care")
    if a and "|" in tail[:a.start("fig")] and (m or not _no_figure(text[text.rfind("|", 0, hit.start) + 1:hit.start])):
        a = None  # "1,984 referrals | 312 new plans", "41 new CP plans | 19 children came into care": the term's own
        # cell has its figure; the next cell's is the next term's
    part_label = _PART_LABEL.match(tail) if unit == "count" and kpi == hit.kpi and not subject else None
    if part_label is not None and _PERIOD_WORDS.search(part_label.group("part")):
        part_label = None
    if part_label is not None:
        # the label names a part of the term's population: "Children looked after under a care order (s31): 502"
        part = re.sub(r"^(?:(?:who|that) (?:are|were)\s+|(?:in|with|under|on)\s+(?:the\s+|a\s+|an\s+)?)", "",
                      part_label.group("part").strip(), flags=re.I)
        s.add(kpi, part_label, "fig", "label-part", hit.start, hit.end + part_label.end(), hit.end, subject=part)
    elif a is None and kpi == hit.kpi and not subject and unit in ("count", "percent") \
            and (b := c.bracketed[unit].match(tail)) is not None and not _FIGURE_BEFORE.search(text, 0, hit.start):
        # (not after the term's own figure: "1,742 children in need (1,688)" holds last year's in its bracket)
        s.add(kpi, b, "fig", "term-bracket", hit.start, hit.end + b.end(), hit.end)
    elif a and (celled or _GAP.match(a.group("gap")) and _no_figure(a.group("gap"))) \
            and not re.search(r"\b(?:and|or|but|of whom|of which|there|which|who|that|we|it|they)\b",
                              re.sub(r"\([^()]*\)", " ", a.group("gap"))) \
            and not _AN_AGE_BEFORE.search(a.group("gap")):  # (an aside's words are its own; "aged under five" is an age)
        s.add(kpi, a, "fig", "term-amount", hit.start, hit.end + a.end(), hit.end, subject=subject)
        pos = hit.end + a.end()  # "Children in need: 2,880 at 31 March 2023 and 3,012 at 31 March 2022"
        while in_turn is not None and (n := c.and_next.match(text, pos)) is not None:
            s.add(kpi, n, "fig", "term-amount", hit.start, n.end())  # (the rest of the figures named in turn)
            pos = n.end()
        while unit == "count" and (n := c.and_next.match(text, _past_date(text, pos))) is not None \
                and _DATED.match(text, n.end()):
            s.add(kpi, n, "fig", "term-amount", hit.start, n.end())
            pos = n.end()
    if rate_kpi and kpi == hit.kpi and a is None and (p := _period_cell(tail, "rate_per_10k")) is not None \
            and _UNIT_WORDS.search(p.group("gap")):  # "CP plan rate per 10k | Q1 25/26 | 36.9 | Target <38"
        s.add(rate_kpi, p, "fig", "term-amount", hit.start, hit.end + p.end(), hit.end)
    if rate_kpi and kpi == hit.kpi:  # "233 children on plans (rate 29.8; England 43.2)"
        r = c.rate.match(tail)
        group = "fig" if r and r.group("fig") else "unit"
        # (the count's own cell may stand between: "Children on CP plans | 271 | rate per 10k 56.2")
        gap_from = hit.end + a.end() if a is not None and r and a.end() <= r.start(group) \
            and "|" in tail[a.end():r.start(group)] else hit.end
        if r and _no_figure(text[gap_from:hit.end + r.start(group)]):
            s.add(rate_kpi, r, group, "bare-rate" if group == "fig" else "rate-in-brackets", hit.start,
                  hit.end + r.end(), hit.end)


_UNIT_WORDS = re.compile(r"\b(?:per\s*10,?000|per\s*10k|rate|%|per cent)(?:\s+children)?", re.I)


@lru_cache(maxsize=None)
def _period_cell_pattern(unit: str) -> re.Pattern:
    return re.compile(rf"^(?P<gap>[^|]{{0,30}}?)\s?\|\s?(?P<cell>[^|]{{2,30}}?)\s?\|\s?(?P<bare>)(?P<fig>{_value(unit)})"
                      rf"(?=\s*(?:\||$))", FLAGS)


@lru_cache(maxsize=None)
def _dated_label_pattern(unit: str) -> re.Pattern:
    return re.compile(rf"^(?P<gap>)\s?(?:,|\()\s?(?P<cell>[^|(),]{{4,30}}?)\)?\s?\|\s?(?P<bare>)(?P<fig>{_value(unit)})"
                      rf"(?=\s*(?:\||$))", FLAGS)


# the words from a series' term to its colon: "Children in care rate (per 10,000):", "Referrals received:"
_SERIES_LEAD = re.compile(r"(?P<gap>[^.;:|£\d]{0,40}?(?:\([^()]{0,30}\))?[^.;:|£\d]{0,10}?):\s*")
_SERIES_SEP = re.compile(r"\s*(?:[;,]\s*|$)")


@lru_cache(maxsize=None)
def _series_value(unit: str) -> re.Pattern:
    return re.compile(rf"\s+(?P<fig>{_value(unit)})(?=\s*(?:[;,]|$))", FLAGS)


def _period_series(s: _Sentence, hit: _Hit, kpi: str, unit: str, rate_kpi: str | None) -> bool:
    """"Referrals: 2022/23 1,204; 2023/24 1,310; 2024/25 1,288": after the term and a colon, a
    period then its figure, item after item (two at least); each figure is the KPI's at the
    period before it. A rate's unit before the colon makes the figures the rate."""
    lead = _SERIES_LEAD.match(s.text, hit.end)
    if lead is None:
        return False
    gap = lead.group("gap")
    if unit == "count" and rate_kpi and _UNIT_WORDS.search(gap):
        kpi, unit = rate_kpi, "rate_per_10k"
    elif not _no_figure(_UNIT_WORDS.sub(" ", gap)):
        return False
    base = pos = lead.end()
    items = []
    value = _series_value(unit)
    for mention in find_mentions(s.text[base:]):
        start = base + mention.start
        if not mention.absolute or s.text[pos:start].strip():
            break  # (each item opens with its period, straight after the one before)
        v = value.match(s.text, base + mention.end)
        sep = _SERIES_SEP.match(s.text, v.end()) if v else None
        if v is None or sep is None:
            break
        items.append(v)
        pos = sep.end()
    if len(items) < 2:
        return False
    for v in items:
        s.add(kpi, v, "fig", "series", hit.start, v.end())
    return True


def _period_cell(tail: str, unit: str) -> re.Match | None:
    """"CP plan rate per 10k | Q1 25/26 | 36.9 | Target <38 | Eng 41.2": a scorecard's line, its label,
    a cell naming the period alone, then the figure's cell; the later cells are comparators. The
    period may also close the label's own cell: "Children on CP plans, 31/03/2025 | 271"."""
    m = _period_cell_pattern(unit).match(tail) or _dated_label_pattern(unit).match(tail)
    gap = _UNIT_WORDS.sub(" ", re.sub(r"\([^()]*\)", " ", m.group("gap"))) if m else ""
    if m is None or gap.strip(" :") and not _GAP.match(gap):
        return None
    cell = re.sub(r"^(?:(?:snapshot|position|data|figures?)\s+)?(?:(?:as\s+)?(?:at|of)\s+)?", "", m.group("cell").strip(), flags=re.I)
    found = [x for x in find_mentions(cell) if x.absolute]
    return m if len(found) == 1 and not cell[:found[0].start].strip() and not cell[found[0].end:].strip() else None


def _pair_periods(s: _Sentence, first: int, other: Candidate | None = None) -> None:
    """'At 31 March 2022 and 31 March 2023 there were 402 and 377 children in care respectively':
    as many dates as figures, each figure takes its own, in order (`other`: one of the figures,
    read by another matcher, which keeps its own)."""
    group = sorted(s.found[first:] + ([other] if other else []), key=lambda x: x.value_start)
    if len(group) < 2:
        return
    dates = [m.period for m in find_mentions(s.text) if m.period is not None and m.end <= group[0].value_start]
    if len(dates) == 1:  # "The spring and autumn conferences of 2022 had 164 and 122 attendees respectively"
        dates = dates * len(group)
    if len(dates) != len(group):
        return
    paired = {(x.value_start, x.kpi): d for x, d in zip(group, dates)}
    s.found[first:] = [replace(x, period=paired[(x.value_start, x.kpi)], period_source="sentence")
                       for x in s.found[first:]]


_AREA_ITEM = re.compile(r"\s*(?:and\s+)?(?P<name>[A-Z][\w'&-]*(?: (?:and |upon |on |of |the )?[A-Z][\w'&-]*){0,4}):?\s+"
                        r"(?P<fig>\d[\d,]*(?:\.\d+)?)(?![\d,]|\.\d|\s*%)\s*(?:[;,.]|\band\b|$)")


def _area_list(s: _Sentence, hit: _Hit, kpi: str) -> bool:
    """'Children in care at 31 March 2024 across the tri-borough partnership: Hammersmith and
    Fulham 201; Kensington and Chelsea 96; Westminster 178': after the KPI's words and a colon,
    each "Name N" whose name is a UK local authority (the gazetteer) is that area's figure."""
    from ..areas import gazetteer
    lead = re.match(r"[^.;:£]{0,80}?:", s.text[hit.end:])
    if lead is None:
        return False
    pos, items = hit.end + lead.end(), []
    while (m := _AREA_ITEM.match(s.text, pos)) is not None:
        if gazetteer().lookup(m.group("name")) is None:
            return False
        items.append(m)
        pos = m.end()
    if len(items) < 2:
        return False
    for m in items:
        s.add(kpi, m, "fig", "area-list", m.start(), m.end(), subject=m.group("name"))
    return True


# "CP rate per 10,000 (31 March 2024): Harrowby 44.6; SN 39.8; England 42.1": after the KPI's words and
# a colon or a cell's bar, one "Name N" item of the reporting body among comparators' items
_LIST_LEAD = re.compile(r"(?:\([^()]*\)|[^.;:|£()]){0,60}?(?:[:|]|\s[\u2013\u2014-]\s)")
_NAMED_ITEM = re.compile(r"\s*(?:and\s+)?(?P<name>[A-Za-z][\w'&.-]*(?:\s+(?!\d)[\w'&.()-]+){0,5}?)\s*:?\s+"
                         r"(?P<fig>\d[\d,]*(?:\.\d+)?)\s*(?:%|per cent)?(?:\s*\([^()]{0,20}\))?"
                         r"\s*(?:[;,|]|\s[\u2013\u2014-]\s|\band\b|\.(?=\s|$)|$)")
_REGION = r"(?:north[- ]?east|north[- ]?west|south[- ]?east|south[- ]?west|east midlands|west midlands|east of england|" \
          r"eastern|yorkshire(?: (?:and|&) (?:the )?humber)?|(?:inner |outer )?london)"
_COMPARATOR_NAME = re.compile(
    r"\b(?:england|english|national(?:ly)?|uk|sn|stat(?:istical)?\.?(?:\s+neighbours?)?|neighbours?|nbrs?|regional|region|"
    r"core cities|targets?|stretch|tolerance|quartile|average|avg|mean|median|benchmark|comparators?|family group|peers|"
    r"similar areas|other|ambition|aim|goal|forecast|projected|threshold)\b|^(?:the )?" + _REGION + r"$", re.I)
# an item of the reporting body itself, whatever the document calls it
_OWN_NAME = re.compile(r"^(?:this (?:authority|council|borough|county|city|area|la|partnership)|the (?:council|authority)|"
                       r"us|we|ours?|our (?:council|authority|area|borough|county|city|partnership)|local)$", re.I)
_EARLIER = re.compile(r"\b(?:last|previous|prior) (?:year|quarter|month)\b|\b(?:19|20)\d\d\b", re.I)


def _own_among_comparators(s: _Sentence, hit: _Hit, kpi: str, unit: str) -> bool:
    """A scorecard's line of the reporting body's figure beside England's, the region's and
    statistical neighbours': the one item that is neither a comparator nor an earlier period is
    the body's own figure (named "this authority", "us", or by its place), with no subject. True
    when there was such a line."""
    text = s.text
    lead = _LIST_LEAD.match(text, hit.end)
    if lead is None or not _no_figure(re.sub(r"\([^()]*\)", " ", text[hit.end:lead.end()])):
        return False
    pos, own, others = lead.end(), [], 0
    while (m := _NAMED_ITEM.match(text, pos)) is not None and m.end() > pos:
        name = m.group("name").strip()
        if _COMPARATOR_NAME.search(name):
            others += 1
        elif not _EARLIER.search(name):
            own.append(m)
        pos = m.end()
    if len(own) != 1 or not others:
        return False
    m = own[0]
    name = m.group("name").strip()
    if not (_OWN_NAME.match(name) or name[:1].isupper()) or (unit == "count" and "." in m.group("fig")):
        return False
    s.add(kpi, m, "fig", "own-among-comparators", m.start("name"), m.end("fig"))
    return True


# "CP plans by locality, 30 September 2024 | North 112 | ...", "Referrals by source, 2024/25: police 1,630;
# schools 1,102 (all sources 4,961)": a KPI broken down by what its parts are
_BY_DIMENSION = re.compile(r"[^.;:|£]{0,25}?" + BREAKDOWN_BY, re.I)
# what leads from the dimension to the first item: a colon or a cell's bar, or a comma before "Name N"
_BREAKDOWN_LEAD = re.compile(r"[^.;:|]{0,45}?[:|]|[^.;:|]{0,45}?,?\s(?=[A-Za-z0-9][\w'-]*\s*:?\s\d)")
# the whole, named in a bracket after the last part: "(all sources 4,961)"
_WHOLE_IN_BRACKET = re.compile(r"\s*\((?P<subject>[^()\d]{2,30}?)\s+(?P<fig>\d[\d,]*)\)|"
                               r"\s*[(,;]?\s*(?:and\s+)?(?P<fig2>\d[\d,]*)\s+(?P<subject2>in total|in all|overall|altogether)\b\)?")
# one part: a name (an age band may open with its figures, "0-4"), an optional colon, its count
_PART_ITEM = re.compile(r"\s*(?:and\s+|from\s+)?(?P<subject>(?:(?:\d{1,2}\s?(?:-|to)\s?\d{1,2}|\d{1,2}\+|under \d{1,2})"
                        r"(?:\s?(?:years?|yrs?)(?: old)?)?|"
                        # (a number followed by the count is the name's: "Section 20 118")
                        r"[A-Za-z][\w'&()/+-]*(?: (?:\d{1,3}(?= \d| [A-Za-z])|(?!\d)[\w'&()/+-]+)){0,5}?))\s*:?\s+(?P<fig>\d{1,3}(?:,\d{3})+|\d+)"
                        r"(?!\d|,\d|\.\d|\s*%|\s*per\b)\s*(?:[;,|]|\band\b|[-\u2013]\s|\.(?=\s|$)|$|(?=\())")
_WHOLE_ITEM = re.compile(r"^(?:(?:grand |overall |authority |county |borough |city )?total|all(?: \w+)?|overall|"
                         r"county|authority|borough|city|in total)$", re.I)


# after the whole and its noun, a colon opens its parts: "311 children were subject to a plan: neglect 176, ..."
_PARTS_COLON = re.compile(r"[^.;:|\d]{0,30}?:")
# a list item named as a period, a target or a comparator is no part: "Q1 402, Q2 410", "target 380"
_NOT_A_PART = re.compile(r"\b(?:Q[1-4]|quarter|target|england|national|regional|region|statistical|SN|"
                         r"average|last year|previous|(?:19|20)\d\d)\b", re.I)


# what the parts are, named before the KPI's words: "Legal status of looked-after children at 31 March 2022: ..."
_DIMENSION_OF = re.compile(r"\b(?:legal status(?:es)?|placement types?|placements?|categor(?:y|ies)(?: of (?:abuse|need))?|"
                           r"age bands?|age groups?|ages?|ethnicity|gender|sex|sources?|localit(?:y|ies)|primary need)\s+"
                           r"(?:of|for|among)\s+(?:the\s+|our\s+|all\s+)?$", re.I)
# an age band names a part whatever leads to it: "Children starting a plan, Apr-Sep 2025: 0-4 years 118, 5-9 years 74"
_AGE_BAND = re.compile(r"^(?:(?:aged |age )?\d{1,2}\s?(?:-|to)\s?\d{1,2}|\d{1,2}\+|under \d{1,2}|unborn)(?:\s?(?:years?|yrs?)"
                       r"(?: old)?)?$", re.I)


def _kpi_of_the_words(s: _Sentence, hit: _Hit, kpi: str, cut: int, library: Library) -> str | None:
    """The KPI a list's lead words name, after the entry's `redirect` and `exclude` over their
    clause ("Children who became subject to a plan in 2024/25: under 1 41, ..." are plans started):
    judged once, on the words before the list and its dimension (`cut`: "by placement" names no
    placement move), since each item's own clause is only its name and figure."""
    probe = Candidate(kpi, "", s.layout.number, s.text[:cut], "regex", f"{kpi}/lexicon-breakdown", s.score,
                      hit.end, hit.end, match_start=hit.start, match_end=hit.end)
    kept = apply_rules([probe], s.text[:cut], library)
    return kept[0].kpi if kept else None


def _breakdown(s: _Sentence, hit: _Hit, kpi: str, library: Library, whole: str = "") -> bool:
    """A KPI "by" what its parts are, then at least two "Name N" items: each is a part of the KPI
    with its name as subject; an item named as the whole ("Total", "all sources", "County") is the
    KPI's own figure. Also, after the whole's own figure (`whole`, read before the noun), a colon
    and named items that sum to no more than it. True when there was such a list."""
    text = s.text
    by = _BY_DIMENSION.match(text, hit.end)
    named_before = by is None and bool(_DIMENSION_OF.search(text, 0, hit.start))
    if by is None and whole:
        return _parts_after_colon(s, hit, kpi, whole)
    start = by.end() if by is not None else hit.end
    lead = _BREAKDOWN_LEAD.match(text, start)
    if lead is None or not _no_figure(text[start:lead.end()]):
        return False
    pos, items, found = lead.end(), [], len(s.found)
    while (m := _PART_ITEM.match(text, pos)) is not None:
        items.append(m)
        pos = m.end()
        bracket = _WHOLE_IN_BRACKET.match(text, pos)
        if bracket and bracket.group("fig2"):  # "(296 in total)"
            s.add(kpi, bracket, "fig2", "breakdown", pos, bracket.end())
            break
        if bracket and _WHOLE_ITEM.match(bracket.group("subject").strip()):
            s.add(kpi, bracket, "fig", "breakdown", pos, bracket.end())
            break
    ages = all(_AGE_BAND.match(m.group("subject").strip()) or _WHOLE_ITEM.match(m.group("subject").strip())
               for m in items)
    if len(items) < 2 or (by is None and not named_before and not ages):
        del s.found[found:]
        return False
    kpi = _kpi_of_the_words(s, hit, kpi, by.start() if by is not None else lead.start(), library)
    if kpi is None:  # the KPI's words say it is another's measure: no parts of it
        del s.found[found:]
        return True
    s.found[found:] = [replace(x, kpi=kpi, pattern=f"{kpi}/lexicon-breakdown") for x in s.found[found:]]
    for m in items:
        name = re.sub(r"^(?:from|the)\s+", "", m.group("subject").strip(), flags=re.I)
        whole = bool(_WHOLE_ITEM.match(name)) or name.lower().endswith(" total")
        s.add(kpi, m, "fig", "breakdown", m.start("subject"), m.end("fig"), subject="" if whole else name)
    return True


def _parts_after_colon(s: _Sentence, hit: _Hit, kpi: str, whole: str) -> bool:
    """"At 31 December, 311 children were subject to a child protection plan: neglect 176,
    emotional abuse 92, physical abuse 28": the items after the colon are parts of the 311 when
    none is named as a period or a comparator and together they come to no more than it."""
    lead = _PARTS_COLON.match(s.text, hit.end)
    if lead is None:
        return False
    pos, items = lead.end(), []
    while (m := _PART_ITEM.match(s.text, pos)) is not None:
        items.append(m)
        pos = m.end()
    total, parts = parse_value(whole), [parse_value(m.group("fig")) for m in items]
    if len(items) < 2 or total is None or None in parts or sum(parts) > total \
            or any(_NOT_A_PART.search(m.group("subject")) for m in items):  # type: ignore[arg-type]
        return False
    for m in items:
        s.add(kpi, m, "fig", "breakdown", m.start("subject"), m.end("fig"), subject=m.group("subject").strip())
    return True


def _list(s: _Sentence, hit: _Hit, c: Compiled, kpi: str) -> bool:
    """'Partners contributed: County Council £150,000, Police £45,000 and ICB £58,500': each
    item is `kpi` with its name as subject. True when there was such a list."""
    text = s.text
    lead = re.match(r"[^.;£|]{0,40}?(?::|\bas follows\b:?|\|(?=[^|£\d]{2,60}(?:\|\s*)?£))", text[hit.end:])
    if lead is None:  # "Partner contributions totalling £461,890 were confirmed: ...": the total, then the list
        lead = _LEAD_WITH_TOTAL.match(text[hit.end:])
        if lead is None or not _no_figure(lead.group(0).replace(lead.group("total"), "")):
            return False
    elif not _no_figure(lead.group(0)):  # "Partner contributions 2022/23: ..."
        return False
    pos = hit.end + lead.end()
    if not text[pos:].strip():  # the lead ends its line: one "Name £n" item per line follows
        s.pending = (kpi, "")
        return True
    label = _LABEL_ONLY.match(text, pos)
    if label:  # the line ends with the first partner's name: its amount opens the next sentence
        s.pending = (kpi, label.group("subject"))
        return True
    n = _items(s, _CELL_ITEM if text[pos - 1] == "|" else c.items, kpi, pos, hit.kpi)
    if n == 1:  # one amount after a colon is the term's own figure, read by term-amount
        s.found.pop()
    return n > 1


_LEAD_WITH_TOTAL = re.compile(r"[^.;£:]{0,30}?(?P<total>£[\d,.]+(?:m|k|bn)?)\b[^.;£:]{0,30}?:")
_LABEL_ONLY = re.compile(r"\s*(?P<subject>[A-Za-z][\w'&() -]{1,50}?)\s*$")


# "Contributions 2024/25 | Luton Borough Council | £210,000 | Bedfordshire Police | £48,500": a list
# set out in cells, each name in a cell of its own (commas and all) before its amount's
_CELL_ITEM = re.compile(rf"\s*(?P<subject>[A-Za-z][^|£]{{1,60}}?)\s*(?:\|\s*)?(?P<fig>{_value('GBP')})\s*(?:\|\s*|$)", re.I)
# the list's own total, not a partner's: "Total £380,250", "In total: £380,250"
_LIST_TOTAL = re.compile(r"(?:grand |overall |in )?total\b|overall\b|all (?:partners|agencies|contributions)\b", re.I)


def _items(s: _Sentence, items: re.Pattern, kpi: str, pos: int, whole: str = "") -> int:
    """The "Name £n" items of a list from `pos` on; how many. An item named as the total is the
    `whole` KPI's (the term's own), with no subject."""
    text, n = s.text, 0
    while pos < len(text):
        m = items.match(text, pos)
        if m is None or m.end() == pos:
            break
        subject = re.sub(r"^(?:the|a|an)\s+", "", m.group("subject").strip(" -:("), flags=re.I)
        if whole and whole != kpi and _LIST_TOTAL.fullmatch(subject.strip(" :")):
            s.add(whole, m, "fig", "list-total", m.start(), m.end())
            pos = m.end()
            continue
        s.add(kpi, m, "fig", "list", m.start(), m.end(), subject=subject)
        n += 1
        pos = m.end()
    return n


# a row of a partners' list that is no partner: the total, the balance brought forward
_NOT_A_PARTNER = re.compile(r"(?:total|overall|sub-?total|balance|carr(?:y|ied)|brought|reserves?|income|expenditure|"
                            r"spend|budget|underspend|overspend)\b", re.I)


def _continued_list(s: _Sentence, c: Compiled, pending: tuple[str, str]) -> None:
    """A list whose first name ended the sentence before ("Contributions were: Local Authority"
    / "£142,000, Police £48,500 ...", split at a line end): its amount opens this one."""
    kpi, subject = pending
    if not subject:  # "Lewisham Council    £284,000" under "Contributions from the statutory partners:"
        m = c.items.fullmatch(s.text.strip())
        if m is not None and not _NOT_A_PARTNER.match(m.group("subject").strip()):
            s.add(kpi, m, "fig", "list", m.start(), m.end(),
                  subject=re.sub(r"^(?:the|a|an)\s+", "", m.group("subject").strip(" -:("), flags=re.I))
            s.pending = pending
        return
    m = c.first_item.match(s.text)
    if m is None:
        return
    s.add(kpi, m, "fig", "list", m.start(), m.end(), subject=subject.strip())
    if _items(s, c.items, kpi, m.end()) == 0:
        s.found.pop()


def _context_ok(entry, low: str, prev_low: str) -> bool:
    lex = entry.lexicon
    return not lex or not lex.context or any(w.lower() in low or w.lower() in prev_low for w in lex.context)


# a meeting's action log counts the meeting's own actions, not a plan's
_ACTION_LOG = re.compile(r"\baction(?:s)? log\b|\blog of actions\b|\bactions? (?:arising|recorded|raised|logged)\b", re.I)


# a share "of" the figure after it: that figure is the whole the share is of
_WHOLE_OF_A_SHARE = re.compile(r"%\s+of\s+(?:the|its|our|their|all)\b(?:[^.;%\d]|\b(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?\b){0,60}$",
                               re.I)  # (a plan's years are no figure: "the 2022-24 improvement plan's")


def _completion(s: _Sentence, library: Library, c: Compiled, targets: list[tuple[str, str]]) -> None:
    """'Of the 28 actions, twenty-four are complete'; '19 were complete (two thirds)'."""
    if c.completion is None or _ACTION_LOG.search(s.text):
        return
    for m in c.completion.finditer(s.text):
        if _WHOLE_OF_A_SHARE.search(s.text, max(0, m.start() - 80), m.start()):
            continue  # "64% of the improvement plan's 50 actions were complete": the 50 is the whole
        label = m.group("lfig") is not None
        for kpi, share in targets:
            s.add(kpi, m, "lfig" if label else "fig", "completed", m.start(), m.end())
            if share and label and m.group("lpct"):
                s.add(share, m, "lpct", "completed-share", m.start(), m.end())
            elif share and m.group("pct") and _no_figure(m.group("tail")):
                s.add(share, m, "pct", "completed-share", m.start(), m.end())


_OTHER_STATE = re.compile(r"\s*(?:are |were |is |was )?(?:on track|in progress|outstanding|not\b|behind|overdue|due\b|"
                          r"planned|scheduled|delayed|ongoing|on-going)", re.I)
_REMOTE = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(online|virtually|remotely|in person)\b", re.I)


def _verbs(s: _Sentence, c: Compiled, library: Library) -> None:
    """'We currently care for 287 children and young people', 'corporate parent to 715 children'."""
    if c.verbs is None:
        return
    for m in c.verbs.finditer(s.text):
        verb = normal(s.text[m.start():m.start("fig")])
        kpi = next((k for v, k in c.verb_owner.items() if verb.startswith(v)), None)
        if kpi and library.kpis[kpi].unit == "count":
            s.add(kpi, m, "fig", "verb-figure", m.start(), m.end())


def _respectively(s: _Sentence, c: Compiled) -> None:
    """'attended by 163 and 148 practitioners respectively', read by a written pattern as 148:
    the figures joined to it by "and" before it are the same KPI's."""
    if not _RESPECTIVELY.search(s.text):
        return
    for x in s.earlier:
        if x.sentence != s.si or "respectively" not in s.text[x.value_end:].lower():
            continue
        lead = s.text[max(0, x.value_start - 60):x.value_start]
        off = x.value_start - len(lead)
        first = len(s.found)
        r = c.respectively.search(lead)
        while r is not None:
            s.add(x.kpi, r, "fig", "respectively", r.start() + off, x.match_end, off, subject=x.subject)
            lead = lead[:r.start()]
            r = c.respectively.search(lead)
        pos = x.value_end  # "attended by 163 and 148 practitioners respectively", read as 163
        while (n := c.and_next.match(s.text, pos)) is not None:
            s.add(x.kpi, n, "fig", "respectively", x.match_start, n.end(), subject=x.subject)
            pos = n.end()
        if len(s.found) > first:
            _pair_periods(s, first, x)


def _past_date(text: str, pos: int) -> int:
    """Where the date just after a figure ends ("2,880 at 31 March 2023"), else `pos`."""
    m = _DATED.match(text, pos)
    if m is None:
        return pos
    for mention in find_mentions(text[pos:pos + 40]):
        if mention.start <= m.end() - pos and (mention.period is not None or mention.month or mention.relative):
            return pos + mention.end
    return pos


# the figure after "and" has a date of its own: a second reading of the same noun phrase
_DATED = re.compile(r"\s+(?:(?:at|in|on|as at|by|for|during)\s+(?:the\s+end\s+of\s+)?(?:\d|[A-Z][a-z]+\s+\d|Q\d)|"
                    # (or a period said from where the paper stands: "147 in the quarter, 448 year to date")
                    rf"(?:in\s+)?(?:the|this)\s+(?:quarter|month|year)\b|(?:{SO_FAR_WORDS})\b)")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


# a change to the partners' sums, sums not yet agreed, money handed back or held over, or another
# partnership's sums to compare, before the named ones: "A 4% pay award would add £16,800 to partner
# contributions: £8,400 from the council and £5,000 from the ICB"
_UNSETTLED = re.compile(r"\b(?:add|adds|added|adding|increase[ds]?|increasing|rise|rises|rising|rose|uplifts?|reduc\w*|cuts?|"
                        r"savings?|extra|additional|shortfall|propos\w*|request\w*|expect\w*|forecasts?|projected|"
                        r"estimated?|would|could|may|might|indicative|draft|underspend|overspend|deficit|surplus|refund\w*|return\w*|"
                        r"reserves?|balances?|carr(?:y|ied)|compar\w*|benchmark\w*|neighbour\w*|average)\b", re.I)


def _partners_beside_sums(s: _Sentence, c: Compiled, library: Library) -> None:
    """'Hallowmere Council contributed £187,000 to the partnership's budget, with £64,000 from the
    ICB and £23,500 from Hallowmere Constabulary': once a sentence holds one partner's contribution,
    every other owner named beside a sum after it is that owner's contribution. The partners' total
    leads only the bracket after it: "... total £512,000 (council £260,000, police £84,000, ICB
    £168,000)". (Alone, an owner beside a sum is anything: "the county council £812.6m net budget".)"""
    read = s.found + s.earlier
    spans: dict[str, list[tuple[int, int]]] = {}
    relative_only: bool | None = None
    for x in apply_rules(s.found, s.text, library) + s.earlier:  # (a lead its own clause drops leads nothing)
        lex = library.kpis[x.kpi].lexicon if x.kpi in library.kpis else None
        partners_own = bool(lex and lex.owners and x.kpi in c.partner_sums)  # (else the partners' total, which lists them)
        if lex is None or not (partners_own or lex.lists in c.partner_sums) \
                or role_of(x, library)[0] not in _LEADING_ROLES:
            continue  # (a change, a target or another body's figure leads no partner's own)
        if partners_own:  # up to another year's figure: "..., the same as last year, and"
            if relative_only is None:
                mentions = find_mentions(s.text)
                relative_only = bool(mentions) and not any(m.period for m in mentions)
            if relative_only:
                continue  # "This year the council's contribution is £210,000 and the ICB's £125,000": a year said
                # relative to the paper binds to the figure beside it, and the partners after it would go undated
            other = [m.start() for m in _OTHER_YEAR.finditer(s.text)]
            spans.setdefault(x.kpi, []).append((x.value_end,
                                                min([len(s.text)] + [o for o in other if o > x.value_end])))
        elif lex.lists in c.partner_sums and (b := _BRACKET_AFTER.match(s.text, x.value_end)) is not None:
            spans.setdefault(lex.lists, []).append((b.end(), b.end() + len(b.group("inside"))))
    held = {x.value_start for x in read}
    for kpi, allowed in sorted(spans.items()):
        for rx in c.partner_sums[kpi]:
            for m in rx.finditer(s.text):
                if m.start("fig") in held or not any(a <= m.start() and m.end() <= b for a, b in allowed) \
                        or _UNSETTLED.search(s.text, 0, m.start()):
                    continue
                subject = re.sub(r"^the\s+", "", " ".join(m.group("subject").split()), flags=re.I)
                s.add(kpi, m, "fig", "partner-sum", m.start(), m.end(), subject=subject)
                held.add(m.start("fig"))


_LEADING_ROLES = FACT_ROLES | {"part"}
# another year said between a partner's figure and the next partner's: that partner's may be that year's
_OTHER_YEAR = re.compile(r"\b(?:(?:last|previous|prior|preceding|this|next|current|coming) (?:year|financial year)|the year (?:before|earlier)|"
                         r"a year (?:before|earlier|ago)|(?:up|down) from|compared (?:to|with)|unchanged (?:from|on))\b", re.I)
# the bracket after a total, a few words on: "£512,000 for 2025/26 (council £260,000, police £84,000, ...)"
_BRACKET_AFTER = re.compile(r"[^.;£()]{0,40}?\((?=(?P<inside>[^()]*)\))")


def _further(s: _Sentence, c: Compiled, library: Library) -> None:
    """'... attracted 251 attendees, with a further 85 watching online': the same KPI again (a
    figure of its own: the spec adds nothing up)."""
    if c.further is None:
        return
    for m in c.further.finditer(s.text):
        before = [f for f in s.found + s.earlier if f.value_end <= m.start() and f.value_start != m.start("fig")]
        after = s.text[m.end():m.end() + 40]
        if not before or _OTHER_STATE.match(after):
            continue
        last = max(before, key=lambda f: f.value_end)
        if library.kpis[last.kpi].measure not in ("flow", "event"):
            continue
        where = _REMOTE.match(after)
        s.add(last.kpi, m, "fig", "further", m.start(), m.end(), subject=where.group(1).lower() if where else "")


# "143 and 2,870 respectively", "1,044, 16.2% and 312 respectively": the figures of a paired list
_FIGURE_LIST = re.compile(r"(?P<list>£?\d[\d,]*(?:\.\d+)?(?:\s*%| per cent)?(?:\s*,\s*£?\d[\d,]*(?:\.\d+)?(?:\s*%| per cent)?)*"
                          r"\s*,?\s+and\s+£?\d[\d,]*(?:\.\d+)?(?:\s*%| per cent)?)\s+respectively\b", re.I)
_LIST_ITEM = re.compile(r"£?\d[\d,]*(?:\.\d+)?(?:\s*%| per cent)?", re.I)
_NOUN_JOIN = re.compile(r"^\s*(?:,|,?\s*and)\s+(?:the\s+|our\s+)?$", re.I)


def _unit_of(raw: str) -> str:
    return "percent" if raw.endswith("%") or raw.lower().endswith("per cent") else "GBP" if raw.startswith("£") else "count"


def pair_lists(found: list[Candidate], layout: PageLayout, library: Library,
               settings: Settings = DEFAULT_SETTINGS) -> list[Candidate]:
    """'Courses and delegates in 2022/23 numbered 143 and 2,870 respectively': when a sentence
    names as many KPIs, joined by "and", as the figures of its list before "respectively", each
    figure is the KPI in the same place, whatever reading the matchers gave it; the written
    patterns would give 143 to delegates, the noun nearest to it."""
    c = compiled(library)
    if c.terms is None:
        return found
    for si, sent in enumerate(layout.sentences):
        if "respectively" not in sent.text.lower():
            continue
        m = _FIGURE_LIST.search(sent.text)
        if m is None:
            continue
        hits = [h for h in _hits(sent.text[:m.start()], c, None)]
        kpis: list = []
        for h in hits:  # a noun list: each name joined to the one before by "and" or a comma
            if kpis and h.kpi != kpis[-1][0].kpi and _NOUN_JOIN.match(sent.text[kpis[-1][0].end:h.start]):
                kpis.append((h,))
            elif not kpis or h.kpi != kpis[-1][0].kpi:
                kpis = [(h,)]
        items = list(_LIST_ITEM.finditer(m.group("list")))
        if len(kpis) < 2 or len(kpis) != len(items):
            continue
        pairs = [(k[0].kpi, it) for k, it in zip(kpis, items)]
        if any(library.kpis[kpi].unit != _unit_of(it.group()) and not
               (library.kpis[kpi].unit == "rate_per_10k" and _unit_of(it.group()) == "count") for kpi, it in pairs):
            continue
        spans = {(m.start("list") + it.start(), m.start("list") + it.end()) for _, it in pairs}
        found = [x for x in found if not (x.sentence == si and any(a <= x.value_start < b for a, b in spans))]
        for kpi, it in pairs:
            vs = m.start("list") + it.start()
            raw = re.sub(r"\s*per cent$|\s*%$", "", it.group(), flags=re.I) if library.kpis[kpi].unit == "percent" else it.group()
            found.append(Candidate(kpi, raw, layout.number, sent.text, "regex", f"{kpi}/lexicon-respectively-list",
                                   settings.sentence_confidence, vs, vs + len(raw), line=sent.line_at(vs),
                                   sentence=si, match_start=kpis[0][0].start, match_end=m.end()))
    return found


def _inside_label(x: Candidate, other: Candidate, text: str) -> bool:
    """Whether x's figure lies inside the words another matcher read with its own figure ("97
    children under the age of 5 with a plan": the 5 is part of 97's label); a figure that the
    other's bracket annotates ("CiC: 377 (per 10k: 64.1)") is not."""
    if not other.match_start <= x.value_start < other.match_end:
        return False
    # nor one the other's words reach across after a clause's end: "Looked after children as at 30
    # Sep 2017: 544, rate 63 per 10,000" (the 544 is the term's, the rate a clause of its own)
    between = text[x.value_end:other.value_start] if x.value_end <= other.value_start else ""
    return not (between and ("(" in between or x.pattern.endswith("term-amount") and re.match(r"[,;]\s", between)))


def match(layout: PageLayout, library: Library, settings: Settings = DEFAULT_SETTINGS,
          claimed: list[Candidate] | None = None) -> list[Candidate]:
    c = compiled(library)
    doc = _document_terms(library.doc_terms) if library.doc_terms else None
    if c.terms is None and doc is None:
        return []
    sentences = layout.sentences
    lowered = [x.text.lower() for x in sentences]
    page = "\x00".join(lowered)
    words = set(_TOKEN.findall(page))  # one pass over the page, then set lookups
    keys = [k for k in c.keys if k in words]
    if doc is None and not keys:
        return []
    keys += [k for k in c.cues if k in words]
    taken = {(x.sentence, x.value_start) for x in claimed or [] if x.sentence >= 0}
    by_sentence: dict[int, list[Candidate]] = {}
    for x in claimed or []:
        if x.sentence >= 0:
            by_sentence.setdefault(x.sentence, []).append(x)
    completers = library.memo(("lexicon-completers",), lambda: [
        (tuple(normal(t) for t in e.lexicon.terms), e.lexicon.completed, e.lexicon.completed_share)
        for e in library.kpis.values() if e.lexicon and e.lexicon.completed])
    out: list[Candidate] = []
    carried_list: tuple[str, str] | None = None
    for si, sent in enumerate(sentences):
        # a sentence without a key word of any term has no hit (a document's own terms aside);
        # looking for the words first spares the figure test, whose number words are slow
        pending, carried_list = carried_list, None
        # (a list's lead has no figure when its first name ends the line: "Contributions were: Police")
        if doc is None and not pending and not any(k in lowered[si] for k in keys) \
                or ":" not in sent.text and not has_figure(sent.text):
            continue
        s = _Sentence(layout, si, settings)
        s.earlier = by_sentence.get(si, [])
        if pending:
            _continued_list(s, c, pending)
        prev = lowered[si - 1] if si else ""
        hits = _heads(sent.text, [h for h in _hits(sent.text, c, doc) if _context_ok(library.kpis[h.kpi], lowered[si], prev)])
        for h in hits:
            _constructions(s, h, library, c)
        near = normal(prev + " " + lowered[si]) if completers else ""
        done = [(k, sh) for terms, k, sh in completers if any(t in near for t in terms)]
        if done:
            _completion(s, library, c, done)
        _verbs(s, c, library)
        _respectively(s, c)
        _further(s, c, library)
        _partners_beside_sums(s, c, library)
        carried_list = s.pending
        # a figure already read, or inside the words another matcher read with its figure ("97
        # children under the age of 5 with a plan": the 5 is part of 97's label)
        found = [x for x in s.found if (si, x.value_start) not in taken
                 and not any(_inside_label(x, e, sent.text) for e in s.earlier)]
        found = best_per_value(apply_rules(found, sent.text, library), library)
        found += [t for t in comparisons(found, sent.text, library) if (si, t.value_start) not in taken]
        out += found
    return out
