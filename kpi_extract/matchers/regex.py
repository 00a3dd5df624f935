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
from typing import Callable

from ..layout import PageLayout, Sentence
from ..library import FLAGS, KpiEntry, Library
from ..model import Candidate
from ..settings import DEFAULT_SETTINGS, Settings
from ..dating import RESTATED, dated_after, is_change
from ..periods import EXTREME_OF, MONTH_WORD, find_mentions, without_mentions
from ..values import PER_POPULATION, QUALIFIERS, UNIT_VALUE, WORD_VALUES, WORDS_RE, expand_macros, figure_spans, parse_value
from .window import apply_rules, best_per_value

_CUE = re.compile(
    r"(?:,\s*from|\b(?:compared (?:to|with)|(?:up|down) from|(?:an? )?(?:increase|decrease|reduction|rise|fall|drop|change)"
    r"(?: of [\d.]+ ?%)? (?:from|on)|(?:increased|decreased|reduced|rose|fell|dropped|risen|fallen|grown|grew) from|"
    r"versus|vs\.?|against|than|"
    # "well below the 2019/20 peak of 6,412", "down from a high point of 96.3", "the lowest since the peak of 26%"
    r"(?:below|above|from|since|under|over|than) (?:the|its|our|a|an) " + EXTREME_OF + r"|"
    # "a little under the 17,940 received the year before": the figure of an earlier period (said after it)
    r"(?P<near>(?:(?:a little|slightly|just|well|far|somewhat)\s+)?(?:under|below|above|over|short of)\s+the(?=\s+(?!(?:19|20)\d\d\b)\d))|"
    # "slightly above the 2024-25 Qtr 1 figure of 21.9%": an earlier period's figure, named by its period
    r"(?:below|above|under|over|than|with|to|against) the (?:19|20)\d\d(?:\s?[/-]\s?\d\d(?:\d\d)?)?"
    r"(?: (?:Q|Qtr|quarter )\s?[1-4])? (?:figure|rate|level|total|outturn|position|result) of|"
    r"(?P<bare>from)))\s+", re.I)
# a bare "from" cues a comparison only straight after the figure and its own period ("rose to 2,210
# in 2022-23 from 1,905"), not in "2,210 delegates from 14 agencies"
_PERIOD_GAP = re.compile(r"^[\s,]*(?:(?:in|at|on|during|by|for|as at)\s+)?$", re.I)
_FILLER = re.compile(
    r"^[\s,]*(?:(?:the|a|an|its|our|their|previous|prior|last|preceding|year'?s?|years|which|when|it|was|were|is|of|figure|total|"
    r"level|same|period|in|during|at|average|financial|reporting|peak|high|low|point|highest|lowest|record|\d{4}(?:[/-]\d{2,4})?(?:'s)?)[\s,]*){0,8}$", re.I)
# "just over 900 (904)": the exact figure in brackets replaces the rounded one
_APPROX = re.compile(rf"(?:{QUALIFIERS})\s*$", re.I)
_EXACT = re.compile(r"\((£?\d{1,3}(?:,\d{3})+(?:\.\d+)?|£?\d+(?:\.\d+)?%?)\)")
_NEXT_SENTENCE = re.compile(
    r"^(?:this|that|it|which)(?: figure| number| total| rate)? (?:is|was|represents|shows|marks)(?: an?)?"
    r"(?: [\w-]+){0,2}? (?:increase|decrease|reduction|rise|fall|drop|change)(?: of [\d.]+ ?%)? (?:from|on)\b", re.I)
# "A year before, the figure was 4,588.", "; in 2022-23 it was £630,000", "; the same quarter last year
# saw 1,190", "This compares with 162 a year earlier.": an earlier figure of the KPI just named
_PRIOR_CLAUSE = re.compile(
    r"(?:(?P<when>(?:a|one) year (?:before|earlier|ago)|(?:twelve|12) months (?:before|earlier|ago|previously)|"
    r"(?:at|by|in) the same (?:point|time|date|stage|quarter|month|period) (?:last|the previous|a) year|"
    r"the same (?:quarter|month|period|point) (?:last|the previous|a) year|last year|the year before|"
    r"(?:in )?the previous year|(?:as at|at|on|in|by|during|for) (?P<date>[^,;:]{3,30}?))"
    r"\s*,?\s*(?:(?:the|this|that) (?:quarter's |year's |month's )?(?:figure|number|total|rate|count|budget|level)|it|this|they|there)?\s*"
    r"(?:(?:was|were|had been|stood at|totalled|numbered|saw|recorded|had risen to|had fallen to|had increased to|"
    # (or what the body did then: "in the same quarter last year it received 588")
    r"had decreased to|rose to|fell to|had|received)\s+(?:just\s+)?|:\s*)|this compares (?:to|with)\s+|"
    # a period in brackets before the figure, as the first was written: "Referrals (2024/25) 2,468; (2023/24) 2,391"
    r"\((?P<bracketed>[^();]{3,30}?)\)\s*:?\s*)",
    re.I)
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


# "fell from 311 at the end of April to 284 at the end of September": the level it moved to
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:an?\s+(?:peak|high|low)\s+of\s+)?$", re.I)
_FROM_TO = re.compile(r"(?:\s+(?:at|in|on|as at|by)\s+(?:the\s+)?(?:end\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
                      r"(?:[A-Z][a-z]+|Q[1-4])(?:\s+(?:19|20)\d\d(?:[/-]\d\d)?)?)?\s*,?\s+to\s+")


def _tail_from_to(c: Candidate, entry: KpiEntry, text: str) -> Candidate | None:
    """'... from 311 at the end of April to 284 at the end of September': the figure after 'to'."""
    if not _FROM_BEFORE.search(text, 0, c.value_start):
        return None
    gap = _FROM_TO.match(text, c.value_end)
    if gap is None:
        return None
    m = _unit_value(entry, text, gap.end())
    if m is None or m.start("value") != gap.end():
        return None
    return replace(_derived(c, text, m, c.sentence, "comparison"), line=c.line)


def _tail_in_sentence(c: Candidate, entry: KpiEntry, text: str) -> Candidate | None:
    """'... 1,608 compared to 1,339 ...': the comparison figure straight after a match."""
    after = max(c.value_end, c.match_end)  # "2,947 children ... as children in need, a decrease from"
    cue = _CUE.search(text, after)
    if cue is None or cue.start() - after > 60 or ";" in text[c.value_end:cue.start()]:
        return None
    if cue.group("bare") and not _only_a_period(text[c.value_end:cue.start()]):
        return None
    # another figure between them takes the comparison, unless it is a rate or a share
    # ("498 children in care, a rate of 88 per 10,000 children, compared with 521")
    if any(c.value_end <= s < cue.start() and not _RATE_OR_SHARE.match(text, e) for s, e in figure_spans(text)):
        return None
    m = _unit_value(entry, text, cue.end())
    if entry.unit == "rate_per_10k" and (m is None or m.start("value") - cue.end() > 45):
        m = _BARE_RATE.search(text, cue.end())  # "lower than the 40.6 we reported": the unit is the main one's
    if m is None or m.start("value") - cue.end() > 45 or not _FILLER.match(text[cue.end():m.start("value")]):
        return None
    if (cue.group().lower().startswith("against") or cue.group("near")) and not dated_after(text, m.end("value")):
        return None  # "attended against 3,410 places made available": another measure, not an earlier period
    if re.match(r"\W*from\b", cue.group(), re.I) and not is_change(text, cue.start(), m.end("value"), cue.group().lstrip(" ,")) \
            and not dated_after(text, m.end("value")) \
            and not find_mentions(re.split(r"[.;,]", text[m.end("value"):m.end("value") + 45], maxsplit=1)[0]):
        return None  # "2,406 practitioners attended, from 214 organisations": where they came from, no earlier figure
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


_OPEN = re.compile(r"[(\[]")
_LEAD_GAP = re.compile(r"[(\[]\s*(?:FY|financial year|year)?\s*", re.I)  # "(FY 2016/17: £158,900)"
# a compared period straight before a bracket that holds that period's figure alone
_DATED_BEFORE = re.compile(r"\b(?:since|than(?: in)?|from|compared (?:to|with)|versus|vs\.?)\s+(?:the\s+)?"
                           r"(?:(?:Q[1-4]|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\s+)?"
                           r"(?:19|20)\d\d(?:[/-]\d{2,4})?\s*$", re.I)
_BARE_RATE = re.compile(r"(?<![\d,.£])(?P<value>\d{1,3}(?:\.\d+)?)(?![\d,]|\.\d|\s*(?:%|per cent|percent))")
# "(previous year: 498)", "[last year 5,733]": a bracket led by the year before
_RELATIVE_LEAD = re.compile(r"\s*(?:the\s+)?(?:previous|last|prior|preceding)\s+(?:financial\s+|reporting\s+)?(?:year|quarter)"
                            r"|\s*(?:a|one)\s+year\s+(?:earlier|before|ago)", re.I)
# "(from 23 per cent in 2021-22)", "(compared with 1,190 a year earlier)"
_CUE_LEAD = re.compile(r"\s*(?:(?:up|down) from|from|compared (?:to|with)|against|vs\.?|versus)\s+", re.I)


_DURATION = re.compile(r"\s*(?:months?|weeks?|days?|years?|working days)\b", re.I)


def _figures_outside_dates(text: str) -> bool:
    """Figures in `text` other than dates and durations ("re-referred within 12 months")."""
    dates = [(m.start, m.end) for m in find_mentions(text)]
    return any(not any(a <= s < b for a, b in dates) and not _DURATION.match(text, e) for s, e in figure_spans(text))


def _only_a_period(gap: str) -> bool:
    """The words between a figure and a cue are its own period and nothing else ("in 2022-23")."""
    mentions = find_mentions(gap)
    return bool(mentions) and all(m.absolute or m.relative for m in mentions) and \
        _PERIOD_GAP.match(without_mentions(gap, mentions)) is not None


def _tail_in_brackets(c: Candidate, entry: KpiEntry, text: str) -> Candidate | None:
    """The earlier figure in a bracket after a match: 'Referrals received in 2019/20: 4,102
    (2018/19: 3,998)', '[2021-22: 22.3 per cent]', '(previous year: 498)', '(from 23 per cent in
    2021-22)', '(410 in May 2021)'."""
    after = max(c.value_end, c.match_end)  # "431 children in care at 31 March 2023 (410 in May 2021)"
    for opened in _OPEN.finditer(text, c.value_end, after + 90):
        close = text.find(")" if opened.group() == "(" else "]", opened.start())
        if close < 0:
            return None
        if not re.search(r"\d", text[opened.start():close]):
            continue  # "(CPP)": a remark, and the bracket with the earlier figure may come next
        between = _figures_outside_dates(text[c.value_end:opened.start()])
        return _bracket_figure(c, entry, text, opened, close, between)
    return None


def _bracket_figure(c: Candidate, entry: KpiEntry, text: str, opened: re.Match, close: int,
                    between: bool) -> Candidate | None:
    """The earlier figure inside one bracket; with figures between it and the match, only the
    strongest form, a value and its date alone ("eleven fewer than a year earlier (410 in May 2021)")."""
    open_ = opened.start()
    if opened.start() - max(c.value_end, c.match_end) > 30 and not between:
        between = True  # far from the match: as strict as with figures between
    inner = text[open_ + 1:close]
    lead = find_mentions(text[open_:close])
    relative = _RELATIVE_LEAD.match(inner)
    cued = _CUE_LEAD.match(inner)
    if between:
        lead, relative, cued = (), None, None
    if lead and (lead[0].start <= 1 or _LEAD_GAP.fullmatch(text, open_, open_ + lead[0].start)) \
            and (lead[0].absolute or lead[0].quarter):
        at = open_ + lead[0].end
    elif relative or cued:
        at = open_ + 1 + (relative or cued).end()
    else:  # "(410 in May 2021)": the figure first, then its own date and nothing else
        m = _unit_value(entry, text, open_ + 1)
        alone = m is not None and m.start("value") == open_ + 1 and not text[m.end("value"):close].strip()
        if alone and _DATED_BEFORE.search(text, 0, open_):  # "the busiest quarter since Q1 2020/21 (1,455)"
            return replace(_derived(c, text, m, c.sentence, "comparison"), line=c.line)
        if m is None or m.start("value") != open_ + 1 or not _only_a_period(text[m.end("value"):close]):
            return None
        return replace(_derived(c, text, m, c.sentence, "comparison"), line=c.line)
    return _figure_at(c, entry, text, at, close)


def comparisons(found: list[Candidate], text: str, library: Library) -> list[Candidate]:
    """The earlier figures a sentence gives beside its matches ("compared to", "(2018/19: ...)"),
    unless their own clause names a comparator ("compared with 67 for England")."""
    claimed = {(c.value_start, c.value_end) for c in found}
    tails = []
    for c in found:
        for tail in (_tail_in_sentence, _tail_in_brackets, _tail_after_semicolon, _tail_continued, _tail_from_to):
            t = tail(c, library.kpis[c.kpi], text)
            while t is not None and (t.value_start, t.value_end) not in claimed and not _another_noun(c, t, text) \
                    and apply_rules([t], text, library):
                tails.append(t)
                claimed.add((t.value_start, t.value_end))
                # a bracket of several earlier years: "(2023-24: 6,502; 2022-23: 6,397)"
                t = _next_in_bracket(t, library.kpis[c.kpi], text) if tail is _tail_in_brackets else None
    return tails


# the plural noun straight after a figure: "1,137 practitioners", "121 sessions"
_NOUN_AFTER = re.compile(r"\s+([a-z]{3,}s)\b")


def _another_noun(c: Candidate, t: Candidate, text: str) -> bool:
    """The earlier figure counts another noun than the match's ("delivered 64 sessions to 1,137 practitioners; for
    the full year it had been 121 sessions": the 121 are sessions, not practitioners)."""
    mine, theirs = _NOUN_AFTER.match(text, c.value_end), _NOUN_AFTER.match(text, t.value_end)
    return mine is not None and theirs is not None and mine.group(1).lower() != theirs.group(1).lower()


_NEXT_ITEM = re.compile(r"\s*[;,]\s*")


def _next_in_bracket(c: Candidate, entry: KpiEntry, text: str) -> Candidate | None:
    """The next "period: figure" of the bracket that holds `c`, after a semicolon or a comma."""
    opened = max(text.rfind("(", 0, c.value_start), text.rfind("[", 0, c.value_start))
    close = text.find(")" if opened >= 0 and text[opened] == "(" else "]", c.value_end)
    sep = _NEXT_ITEM.match(text, c.value_end)
    if opened < 0 or close < 0 or sep is None or sep.end() >= close:
        return None
    lead = find_mentions(text[sep.end():close])
    if not lead or lead[0].start != 0 or not (lead[0].absolute or lead[0].quarter):
        return None
    at = sep.end() + lead[0].end
    return _figure_at(c, entry, text, at, close)


def _figure_at(c: Candidate, entry: KpiEntry, text: str, at: int, close: int) -> Candidate | None:
    """The earlier figure straight after its period's words at `at` (a colon, an equals sign or a dash
    between), inside the bracket that closes at `close`."""
    m = _unit_value(entry, text, at)
    if m is None or m.end("value") > close or not re.fullmatch(RESTATED + r"\s*[:=-]?\s*", text[at:m.start("value")], re.I):
        return None
    return replace(_derived(c, text, m, c.sentence, "comparison"), line=c.line)


def _prior_clause(entry: KpiEntry, text: str, at: int) -> re.Match | None:
    """The value of an earlier figure's clause starting at `at` ("A year before, the figure was
    4,588"), when its date is one (a date, or a year before) and the value follows at once."""
    cue = _PRIOR_CLAUSE.match(text, at)
    if cue is None:
        return None
    for said in ("date", "bracketed"):
        if cue.group(said) and not any(m.absolute or m.month for m in find_mentions(text[cue.start():cue.end(said)])):
            return None
    m = _unit_value(entry, text, cue.end())
    if m is None and entry.unit == "rate_per_10k":
        m = _BARE_RATE.match(text, cue.end())
    return m if m is not None and m.start("value") - cue.end() <= 2 else None


# "312 ... at the end of September 2022 and 298 at the end of December", "totalled 512, rising to
# 601 in February 2023": the same KPI at another date, written straight after the first figure
_CONTINUED = re.compile(r"(?:\s*,)?\s+(?:and (?:then )?(?:stood at|rose to|fell to|reached|was|were|had risen to|had fallen to)|"
                        r"(?:,\s*)?(?:then\s+)?(?:rising|falling|increasing|decreasing|dropping|climbing|up|down|going up|"
                        r"going down) to|and(?: then)?)\s+(?:just\s+)?", re.I)
_OWN_DATE_NEXT = re.compile(r"\s+(?:at|in|on|by|as at|for)\s+", re.I)


def _tail_continued(c: Candidate, entry: KpiEntry, text: str) -> Candidate | None:
    """The next figure of a series in one sentence: it has its own date and nothing else after it."""
    after = _past_own_date(text, max(c.value_end, c.match_end))
    cue = _CONTINUED.match(text, after)
    if cue is None:
        return None
    m = _unit_value(entry, text, cue.end())
    if m is None and entry.unit == "rate_per_10k":
        m = _BARE_RATE.match(text, cue.end())
    if m is None or m.start("value") != cue.end():
        return None
    date = _OWN_DATE_NEXT.match(text, m.end("value"))
    if date is None:
        return None
    mentions = find_mentions(text[date.start():date.start() + 40])
    bare = _BARE_MONTH_NEXT.match(text, date.end())  # (or a month of no year, as the first's: "247 in January and 221 in February")
    if bare is not None and (not mentions or mentions[0].start > date.end() - date.start()):
        end = bare.end()
    elif not mentions or mentions[0].start > date.end() - date.start() or not (mentions[0].absolute or mentions[0].month):
        return None
    else:
        end = date.start() + mentions[0].end
    if not re.match(r"\s*(?:[.;,)]|$|and\b)", text[end:]):
        return None
    return replace(_derived(c, text, m, c.sentence, "comparison"), line=c.line)


_BARE_MONTH_NEXT = re.compile(rf"(?:{MONTH_WORD})\b(?!\s+(?:19|20)\d\d)", re.I)


def _past_own_date(text: str, pos: int) -> int:
    """Past the date written right after a figure ("312 children ... at the end of September 2022")."""
    for m in find_mentions(text[pos:pos + 45]):
        if re.fullmatch(r"[\s,]*(?:(?:at|in|on|by|as at|for|during)\s+)?(?:the\s+)?", text[pos:pos + m.start]):
            return pos + m.end
    return pos


def _tail_after_semicolon(c: Candidate, entry: KpiEntry, text: str) -> Candidate | None:
    """'The partnership budget for 2023-24 is £655,000; in 2022-23 it was £630,000.'"""
    after = max(c.value_end, c.match_end)
    semi = text.find(";", after, after + 60)
    if semi < 0 or _figures_outside_dates(text[after:semi]):
        return None
    m = _prior_clause(entry, text, semi + 1 + (len(text[semi + 1:]) - len(text[semi + 1:].lstrip())))
    if m is None or (entry.unit in _RATE_UNITS and not _of_one_scale(c.raw, m.group("value"))):
        return None  # ("342 children, a rate of 63.1 per 10,000; a year earlier it had been 401": the count's, not the rate's)
    return replace(_derived(c, text, m, c.sentence, "comparison"), line=c.line)


_RATE_UNITS = ("rate_per_10k", "percent")


def _of_one_scale(now: str, before: str) -> bool:
    """Could `before` be the same rate or share as `now` a period earlier? Not at three times or a third of it."""
    a, b = parse_value(now), parse_value(before)
    return a is None or b is None or a <= 0 or b <= 0 or 1 / 3 <= b / a <= 3


def _tail_next_sentence(c: Candidate, entry: KpiEntry, text: str, index: int) -> Candidate | None:
    """'This is an increase from 690 (60.2 per 10,000 children) at 31st March 2014.', 'A year
    before, the figure was 4,588.'"""
    cue = _NEXT_SENTENCE.match(text)
    if cue is None:
        m = _prior_clause(entry, text, 0)
        return replace(_derived(c, text, m, index, "comparison-next"), carry_from=c.sentence) if m else None
    m = _unit_value(entry, text, cue.end())
    if m is None:
        return None
    if entry.unit != "rate_per_10k" and not _FILLER.match(text[cue.end():m.start("value")]):
        return None
    return replace(_derived(c, text, m, index, "comparison-next"), carry_from=c.sentence)


def next_sentence_tails(found: list[Candidate], layout: PageLayout, library: Library) -> list[Candidate]:
    """The earlier figures written beside a figure any matcher read, in its sentence ("17.6%
    re-referred within 12 months (2021/22: 19.0%)") and in the next ("On 31/03/2020 the figure
    was 638."); the written patterns look for them themselves as they go."""
    claimed = {(c.sentence, c.value_start) for c in found if c.sentence >= 0}
    by_sentence: dict[int, list[Candidate]] = {}
    for c in found:
        if c.sentence >= 0 and "+comparison" not in c.pattern:
            by_sentence.setdefault(c.sentence, []).append(c)
    for si, cands in sorted(by_sentence.items()):
        for t in comparisons(cands, layout.sentences[si].text, library):
            if (si, t.value_start) not in claimed:
                found = found + [t]
                claimed.add((si, t.value_start))
    last: dict[tuple[int, str], Candidate] = {}
    for c in sorted((c for c in found if c.sentence >= 0 and "+comparison" not in c.pattern), key=lambda c: c.value_start):
        last[(c.sentence, c.kpi)] = c
    tails = []
    for (si, kpi), c in sorted(last.items(), key=lambda kv: (kv[0][0], library.kpis[kv[0][1]].unit == "rate_per_10k", kv[0][1])):
        if si + 1 >= len(layout.sentences):
            continue
        text = layout.sentences[si + 1].text
        t = _tail_next_sentence(c, library.kpis[kpi], text, si + 1)
        if t is not None and (si + 1, t.value_start) not in claimed and apply_rules([t], text, library):
            t = replace(t, line=layout.sentences[si + 1].line_at(t.value_start))
            tails.append(t)
            claimed.add((si + 1, t.value_start))
    return rate_tails(found + tails, layout, library) + rates_said_next(found + tails, layout, library)


# "... 706 children in care at 31 October. The rate of 93.4 per 10,000 children remained above ...":
# a rate that names no measure, in the sentence after the one that counted the stock it is a rate of
_RATE_NAMED_ALONE = re.compile(
    r"(?:^|[,;]\s+)\W*(?:the|our|its|this|[A-Z][\w'\u2019-]*(?:'s|\u2019s))\s+(?:overall\s+)?rate\s+"
    r"(?:of\s+|was\s+|is\s+|stood at\s+|stands at\s+|remained at\s+|remains at\s+|at\s+|,\s*)?"
    r"(?P<value>\d{1,3}(?:\.\d+)?)(?:\s+children)?\s*,?\s*(?:per|in every)\s*10(?:,?000|k)\b", re.I)


def rates_said_next(found: list[Candidate], layout: PageLayout, library: Library) -> list[Candidate]:
    """The rate per 10,000 said in the sentence after a stock's count, naming no measure of its own
    ("The rate of 93.4 per 10,000 children ..."): the rate KPI that `follows` that stock, when the
    sentence before counted only that one stock."""
    siblings = library.rates()
    by_sentence: dict[int, set[str]] = {}
    for c in found:
        if c.sentence >= 0:
            by_sentence.setdefault(c.sentence, set()).add(c.kpi)
    out = []
    for si, kpis in sorted(by_sentence.items()):
        stocks = {k for k in kpis if k in siblings}
        nxt = si + 1
        if len(stocks) != 1 or nxt >= len(layout.sentences) or by_sentence.get(nxt):
            continue
        text = layout.sentences[nxt].text
        m = _RATE_NAMED_ALONE.search(text)
        if m is None or _NAMES_A_MEASURE.search(text, 0, m.start("value")):
            continue
        rate = siblings[stocks.pop()]
        c = Candidate(rate, m.group("value"), layout.number, text, "regex", f"{rate}/rate-said-next",
                      DEFAULT_SETTINGS.sentence_confidence * 0.9, m.start("value"), m.end("value"),
                      line=layout.sentences[nxt].line_at(m.start("value")), sentence=nxt,
                      match_start=m.start(), match_end=m.end())
        out += apply_rules([c], text, library)  # (dated as the sentence before is, by `carried`)
    return out


# the words of a measure of its own before the rate: then the rate is that measure's, not the stock's
_NAMES_A_MEASURE = re.compile(r"\b(?:re-?referral|referrals?|in need|CIN|CPP?|child protection|in care|looked after|"
                              r"CLA|LAC|CiC|plans?|utili[sz]ation|conversion|repeat|placement|adoption)\b", re.I)


# ", a rate of 64.4 per 10,000 children", "(97.2 per 10,000)": the count's rate, said beside it
_RATE_BESIDE = re.compile(r"(?:[^.;()]|\([\d/.]{6,10}\)|\([^()]{1,30}:\s*£?[\d,.]+\)){0,60}?(?:,\s*|\(\s*)(?:(?:a|the|which is a|representing a|equivalent to(?: a)?|or)\s+)?"
                          r"(?:rate\s+(?:of\s+)?)?(?P<value>\d{1,3}(?:\.\d+)?)\s*per\s*10(?:,?000|k)\b", re.I)
# "611 (31.03.25), equivalent to 58.3 per 10k": the count's own date; "347 (31 March 2024: 329), a rate of
# 71.6": the count's own figure a year before
_SHORT_DATE = re.compile(r"\([\d/.]{6,10}\)|\([^()]{1,30}:\s*£?[\d,.]+\)")
# "children looked after 402; rate per 10,000 66": the rate named next, its value after its name
_RATE_NAMED_NEXT = re.compile(r"\s*[;,]\s*(?:the\s+|a\s+)?rate\s+per\s*10(?:,?000|k)(?:\s+children)?\s*[:=]?\s*"
                              r"(?P<value>\d{1,3}(?:\.\d+)?)\b(?!\s*%|[.,]\d)", re.I)
_RATE_BESIDE_NOT = re.compile(r"\b(?:england|national|nationally|statistical|neighbours?|SN|regional|region|average|"
                              r"target|compared|than|against)\b|\d", re.I)


_DATES = re.compile(r"\b(?:19|20)\d\d(?:[/-]\d\d)?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
                    r"Oct|Nov|Dec))")


def rate_tails(found: list[Candidate], layout: PageLayout, library: Library) -> list[Candidate]:
    """The rate per 10,000 written beside a count that a matcher read ("looking after 1,094 children,
    a rate of 64.4 per 10,000 children"), when no matcher read it: the count's rate KPI (the entry
    that `follows` it), unless the words between name a comparator."""
    siblings = library.rates()
    claimed = {(c.sentence, c.value_start) for c in found if c.sentence >= 0}
    tails = []
    for c in found:
        rate = siblings.get(c.kpi)
        if rate is None or c.sentence < 0 or "+comparison" in c.pattern:
            continue
        text = layout.sentences[c.sentence].text
        m = _RATE_BESIDE.match(text, c.value_end) or _RATE_NAMED_NEXT.match(text, c.value_end)
        if m is None or (c.sentence, m.start("value")) in claimed or \
                _RATE_BESIDE_NOT.search(_DATES.sub(" ", PER_POPULATION.sub(" ", _SHORT_DATE.sub(" ", text[c.value_end:m.start("value")])))):
            continue
        t = Candidate(rate, m.group("value"), c.page, text, "regex", f"{c.pattern}+rate", c.score * 0.95,
                      m.start("value"), m.end("value"), line=c.line, sentence=c.sentence,
                      match_start=m.start("value"), match_end=m.end())
        if apply_rules([t], text, library):
            tails.append(t)
            claimed.add((c.sentence, t.value_start))
    return found + tails


def _derived(c: Candidate, text: str, m: re.Match, sentence: int, how: str) -> Candidate:
    vs, ve = m.span("value")
    return Candidate(c.kpi, m.group("value"), c.page, text, "regex", f"{c.pattern}+{how}", c.score * 0.95,
                     vs, ve, c.subject, line=-1, sentence=sentence, match_start=vs, match_end=ve)


_LABEL_COLON_BEFORE = re.compile(r":\s*(?:(?:c\.|about|around|approx\.?|over|almost|nearly|some)\s+)?$", re.I)


def _labelled_line_crossed(sent, text: str, vs: int, ve: int, end: int) -> bool:
    """A figure closing a line of its label ("Children subject to a plan at 31 March: 241") is that
    label's: a match that runs on from it into the next line ("241 / Children in need: 1,818") reads
    the next line's label for it."""
    if end <= ve or sent.line_at(end - 1) == sent.line_at(vs) or text[ve:end].split(" ", 1)[0].strip():
        return False
    line = sent.line_at(vs)
    return bool(_LABEL_COLON_BEFORE.search(text, sent.line_start(vs), vs)) and sent.line_at(ve) == line and \
        (ve == len(text) or sent.line_at(ve + 1) != line)


# a line that ends as a title does, with no stop, comma or word that runs on ("Children's Social Care annual summary")
_RUNS_ON = re.compile(r"(?:[.,;:(\u2013\u2014-]|\b(?:and|or|of|the|a|an|to|in|for|from|with|by|on|at|as|was|were|is|are))\s*$", re.I)


@lru_cache(maxsize=None)
def _anchored(pattern: str) -> bool:
    """Whether the regex holds a "^" that anchors (not one that negates a class, "[^.;]")."""
    return re.search(r"(?<![\[\\])\^", pattern) is not None


def _matches(rx: re.Pattern, text: str, sent: Sentence, cut: tuple[int, int] | None = None
             ) -> list[tuple[Callable[[int], int], re.Match]]:
    """The regex's matches in the sentence, each with the map from its positions to the sentence's. A regex that
    must start the sentence ("^referrals ... rose") is tried also where a line starts that a title line above,
    ending with no stop, ran on into ("... annual summary" over "Referrals rose from 2,870 ... to 3,105"): the
    sentence the page's text made of the two starts there for the reader. Where a period stands between a
    label's colon and its figure (`cut`: "Re-referral rate: Q2 2025/26 24.8%"), the regex is tried also on the
    sentence without it, for the label reads on to its figure."""
    found: list[tuple[Callable[[int], int], re.Match]] = [(_shift(0), m) for m in rx.finditer(text)]
    if cut is not None:
        a, b = cut
        gap = b - a - 1
        seen = {f(m.start("value")) for f, m in found}
        found += [(f, m) for m in rx.finditer(text[:a] + " " + text[b:])
                  if (f := _cut_map(a, gap))(m.start("value")) not in seen and m.start("value") > a]
    if not _anchored(rx.pattern):
        return found
    for at in sent.offsets[1:]:
        if 0 < at < len(text) and text[at].isupper() and not _RUNS_ON.search(text, 0, at) \
                and not any(f(m.start()) <= at < f(m.end()) for f, m in found):
            found += [(_shift(at), m) for m in rx.finditer(text[at:])]
    return found


def _shift(at: int) -> Callable[[int], int]:
    return lambda pos: pos + at


def _cut_map(a: int, gap: int) -> Callable[[int], int]:
    """Positions in a sentence from which `gap` characters after position `a` were taken out."""
    return lambda pos: pos + gap if pos > a else pos


# a label's colon and what may open its period's bracket, just before a period; then its bracket's close, before a figure
_COLON_BEFORE = re.compile(r":[ \t]*\(?[ \t]*$")
_FIGURE_NEXT = re.compile(r"[ \t]*\)?[ \t]+(?=£?\d)")


def _label_period(text: str) -> tuple[int, int] | None:
    """Where the period written between a label's colon and its figure starts (just after the colon's space)
    and ends (at the figure): "Re-referral rate: Q2 2025/26 24.8%", "Children in care: (March 2025) 1,071"."""
    for m in find_mentions(text):
        colon = _COLON_BEFORE.search(text, 0, m.start)
        after = _FIGURE_NEXT.match(text, m.end)
        if colon is not None and after is not None and m.absolute:
            return colon.start() + 1, after.end()
    return None


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
        words = bool(applicable) and not _NUMBER_TOKENS.isdisjoint(_LETTERS.findall(lowered[si]))
        cut = _label_period(text) if applicable and ":" in text else None
        for i in applicable:
            rule = rules[i]
            if rule.follow and not prev_kpis & index.follows[rule.kpi]:
                continue
            rx = rule.for_sentence(words)
            for at, m in _matches(rx, text, sent, cut):
                vs, ve = m.span("value")
                if vs < 0:
                    continue
                vs, ve = at(vs), at(ve)
                if _labelled_line_crossed(sent, text, vs, ve, at(m.end())):
                    continue
                subject = (m.groupdict().get("subject") or "").strip()
                found.append(Candidate(rule.kpi, m.group("value"), layout.number, text, "regex",
                                       f"{rule.kpi}/{rule.name}", settings.sentence_confidence, vs, ve, subject,
                                       line=sent.line_at(vs), sentence=si,
                                       match_start=at(m.start()), match_end=at(m.end()),
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
