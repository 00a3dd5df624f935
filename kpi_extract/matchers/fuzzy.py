"""Fuzzy matcher: figures whose label the regexes cannot read.

Four shapes occur in real packs:
- an infographic box: a big `1,323` on its own line, the label on the line(s) below or above;
- a figure and a short label on one line (`552 Children in Care`);
- a dashboard line, the label before a colon or dash (`LAC numbers (31/03/2022): 389`,
  `Rate per 10k - 72.9`): the label, stripped of periods and filler words, is compared whole;
- prose whose label is damaged (`3,118 delegates aJended`) or reworded.

Labels are compared with the library's aliases using RapidFuzz `ratio` on lower-cased word
windows of about the alias's length, never `partial_ratio` or `WRatio` on short text, which
score high on unrelated words (pitfalls.md). A figure already claimed by another matcher is
left alone, and the clause rules (`exclude`, `redirect`) still apply.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import islice
from typing import Iterator

from rapidfuzz import fuzz, process, utils

from ..layout import PageLayout
from ..library import Library
from ..model import Candidate
from ..settings import DEFAULT_SETTINGS, Settings
from ..periods import find_mentions
from ..values import label_spans
from .regex import comparisons
from .window import apply_rules, best_per_value

_FIGURE = r"(?:(?:over|c\.|around|approx\.?|almost|nearly)\s)?(?P<value>£?\d{1,3}(?:,\d{3})+(?:\.\d+)?|£?\d+(?:\.\d+)?)(?P<suffix>\s?%|\s?(?:m|bn|k|million|billion)\b)?"
_FIGURE_LINE = re.compile(rf"^\s*{_FIGURE}\s*$", re.I)
_FIGURE_LABEL_LINE = re.compile(rf"^\s*{_FIGURE}\s+(?P<label>[A-Za-z][^\d]{{3,80}})$", re.I)
# (an ordinal, "9th" in a column of ranks, counts nothing)
_PROSE_FIGURE = re.compile(rf"(?<![\d.,£/-]){_FIGURE}(?![\d,]|\.\d|/\d|-\d|(?:st|nd|rd|th)\b)", re.I)
_WORD = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")


def _unit(value: str, suffix: str | None) -> str:
    if value.startswith("£"):
        return "GBP"
    if suffix and "%" in suffix:
        return "percent"
    return "count"


@dataclass(frozen=True)
class Aliases:
    """Alias -> KPI, the aliases as RapidFuzz's choices, and the lowest cutoff of their KPIs
    (a label scoring under it matches none, so RapidFuzz may abandon it early); the aliases'
    lengths, sorted, say which labels no alias can reach the cutoff with (see `reachable`)."""

    kpi: dict[str, str]
    choices: list[str]
    floor: float
    lengths: tuple[int, ...] = ()

    def reachable(self, label: str) -> bool:
        """Can any alias score `floor` against `label`? `ratio` is at most 200 * shorter /
        (sum of the lengths), so an alias much longer or shorter than the label cannot (the
        bounds are widened by one character: a label in doubt is compared)."""
        n, f = len(label), self.floor
        if f <= 0 or f >= 200:
            return True
        i = bisect_left(self.lengths, n * f / (200 - f) - 1)
        return i < len(self.lengths) and self.lengths[i] <= n * (200 - f) / f + 1

    @classmethod
    def of(cls, kpi: dict[str, str], library: Library) -> "Aliases":
        floor = min((library.kpis[k].fuzzy_cutoff for k in kpi.values()), default=100.0)
        return cls(kpi, list(kpi), floor, tuple(sorted(len(a) for a in kpi)))


_GENERIC_RATE = re.compile(r"^rate per 10(?: ?000|k)?(?: children)?$")


def _aliases(library: Library, unit: str, min_len: int = 0) -> Aliases:
    """Aliases of the KPIs a figure of this unit may be; a plain "rate per 10k" is only ever
    read under its KPI's row (tables), but "CP rate per 10,000" names its KPI anywhere.
    Built once per library: every figure of every page asks."""
    def build() -> Aliases:
        out: dict[str, str] = {}
        for e in library.kpis.values():
            if e.unit != unit and not (unit == "count" and e.unit == "rate_per_10k"):
                continue
            for a in e.aliases:
                key = utils.default_process(a)
                if len(key) >= min_len and not (e.follows and _GENERIC_RATE.match(key)):
                    out.setdefault(key, e.id)
        return Aliases.of(out, library)
    return library.memo(("fuzzy-aliases", unit, min_len), build)


def best_label(text: str, aliases: Aliases, library: Library) -> tuple[str, float, int] | None:
    """Best (kpi, score, words used) for the start of `text`, trying windows of 1 to 10 words.

    RapidFuzz is given the lowest KPI cutoff as its score cutoff, so that aliases that cannot
    reach it are abandoned early, in C; the per-KPI cutoff is then applied to the best alias.
    (`extractOne` per window rather than `cdist`, which would import numpy in every child.)"""
    words = [w.group() for w in islice(_WORD.finditer(text), 10)]
    best = None
    for k in range(1, len(words) + 1):
        window = utils.default_process(" ".join(words[:k]))
        if not window or not aliases.reachable(window):
            continue
        hit = process.extractOne(window, aliases.choices, scorer=fuzz.ratio, score_cutoff=aliases.floor)
        if hit is None:
            continue
        kpi = aliases.kpi[hit[0]]
        if hit[1] >= library.kpis[kpi].fuzzy_cutoff and (best is None or hit[1] >= best[1]):  # longest window on a tie
            best = (kpi, hit[1], k)
    return best


def _score(label_score: float) -> float:
    return round(0.55 + 0.3 * (label_score - 85) / 15, 3)


def _infographic(layout: PageLayout, library: Library, claimed_lines: set[int]) -> list[Candidate]:
    out = []
    lines = layout.lines
    table_lines = set().union(*(t.lines for t in layout.tables)) if layout.tables else set()
    for i, line in enumerate(lines):
        if i in table_lines or i in claimed_lines:
            continue
        m = _FIGURE_LINE.match(line)
        below: list[tuple[str, int]] = []
        above: list[tuple[str, int]] = []
        if m:
            after = [lines[j] for j in range(i + 1, min(i + 3, len(lines)))
                     if j not in table_lines and not _FIGURE_LINE.match(lines[j])]
            if after:
                below.append((after[0], i + 1))
                if len(after) > 1:
                    below.append((f"{after[0]} {after[1]}", i + 1))
            # the line above, unless it is the label of the figure above it (1,234 / label / 567)
            if i > 0 and not _FIGURE_LINE.match(lines[i - 1]) and not (i > 1 and _FIGURE_LINE.match(lines[i - 2])):
                above.append((lines[i - 1], i - 1))
        else:
            m = _FIGURE_LABEL_LINE.match(line)
            if m and re.fullmatch(r"\d{1,2}\.\d{1,2}", m.group("value")) and m.group("label").isupper():
                continue  # a section's number before its heading in capitals: "7.0 CHILDREN IN CARE"
            if m and len(m.group("label").split()) <= 10:
                below.append((m.group("label"), i))
        if not m or not (below or above):
            continue
        aliases = _aliases(library, _unit(m.group("value"), m.group("suffix")))
        if not aliases.choices:
            continue
        best = _best_line_label(below, aliases, library) or _best_line_label(above, aliases, library)
        if best is None:
            continue
        (kpi, score, _), label, at = best
        snippet = f"{line.strip()} {label}" if at >= i else f"{label} {line.strip()}"
        vs = snippet.find(m.group("value"), 0 if at >= i else len(label))
        own = _COMPARED_BRACKET.sub(lambda b: " " * len(b.group()), label)  # "(2021/22: 19.0%)" is another figure's date
        dated = [p for p in find_mentions(own) if p.absolute and p.period.known]
        under = i + 2 if at == i + 1 else i + 1  # the line under the figure, or under the label below it
        if not dated and under < len(lines) and len(label.split()) <= 12:  # "602" / "as at 31 March 2026"
            dated = _date_line(lines[under])
        out.append(Candidate(kpi, m.group("value") + (m.group("suffix") or ""), layout.number, snippet,
                             "fuzzy", f"{kpi}/label-line", _score(score), vs, vs + len(m.group("value")),
                             line=i, sentence=-1, match_start=0, match_end=len(snippet),
                             period=dated[0].period if len(dated) == 1 else None,
                             period_source="sentence" if len(dated) == 1 else ""))
    return out


_DATE_LINE_WORDS = re.compile(r"^[\s(]*(?:(?:as\s+)?(?:at|of|on)\s+)?$|^[\s)]*$", re.I)


def _date_line(line: str) -> list:
    """The period of a line that holds a date and nothing else ("as at 31 March 2026", "(Q3
    2024/25)"), as a one-item list; else none."""
    found = [p for p in find_mentions(line) if p.absolute and p.period.known]
    if len(found) != 1 or not _DATE_LINE_WORDS.match(line[:found[0].start]) or not _DATE_LINE_WORDS.match(line[found[0].end:]):
        return []
    return found


_COMPARED_BRACKET = re.compile(r"\([^()]*:\s*£?\d[^()]*\)")


def _label_core(label: str) -> str:
    """What a label says without its brackets and dates: 'Looked After Children (LAC)' ->
    'Looked After Children'; '... Plan at 31 March 2023' -> '... Plan'."""
    for p in sorted(find_mentions(label), key=lambda p: -p.start):
        label = label[:p.start] + label[p.end:]
    label = re.sub(r"\([^()]*\)", " ", label)
    return re.sub(r"\s+(?:at|as at|on|in|for|during)\s*$", "", " ".join(label.split()), flags=re.I)


def _best_line_label(labels: list[tuple[str, int]], aliases: Aliases, library: Library):
    """The label line a figure's KPI is read from: the alias must cover most of the line."""
    best = None
    for text, at in labels:
        core = _label_core(text)
        found = best_label(core, aliases, library)
        used = " ".join(core.split()[:found[2]]) if found else ""
        if found and len(used) >= 0.8 * len(core) and (best is None or found[1] > best[0][1]):
            best = (found, text, at)
    return best


# a figure's match starts at most this far before its first digit ("approx. £5")
_LEAD = len("approx. £")


def _prose_figures(text: str) -> Iterator[re.Match]:
    """`_PROSE_FIGURE.finditer(text)`, with each search begun just before the next digit: no
    match can start further before it, and the pattern's look-behind and optional lead word,
    tried at every position of a long sentence, cost more than the search for a digit."""
    pos = 0
    while (digit := _DIGIT.search(text, pos)) is not None:
        m = _PROSE_FIGURE.search(text, max(pos, digit.start() - _LEAD))
        if m is None:
            return
        yield m
        pos = m.end()


def _prose(layout: PageLayout, library: Library, claimed: set[tuple[int, int, int]]) -> list[Candidate]:
    out = []
    by_unit = {u: _aliases(library, u, min_len=10) for u in _UNITS}
    for si, sent in enumerate(layout.sentences):
        text = sent.text
        if not _DIGIT.search(text):  # (the figure pattern's look-behind is tried at every position)
            continue
        found = []
        for m in _prose_figures(text):
            vs, ve = m.span("value")
            if (si, vs, ve) in claimed:
                continue
            aliases = by_unit[_unit(m.group("value"), m.group("suffix"))]
            rest = text[m.end():]
            if re.match(r"\s*[|;(:]", rest):
                continue  # "Initial CP conferences 141 | New CP plans 118": a cell's figure ends its cell, and
                # a figure before a semicolon its clause ("children looked after 402; rate per 10,000 66"); a
                # bracket after a figure is a remark on it, not its label ("2,114 (places offered are reported ...)")
            hit = best_label(rest, aliases, library) if aliases.choices else None
            if hit is None:
                continue
            kpi, score, k = hit
            last = next(islice(_WORD.finditer(rest), k - 1, None))
            end = m.end() + last.end()
            found.append(Candidate(kpi, m.group("value") + (m.group("suffix") or ""), layout.number, text,
                                   "fuzzy", f"{kpi}/label-after", _score(score), vs, ve,
                                   line=sent.line_at(vs), sentence=si, match_start=m.start(), match_end=end))
        out += best_per_value(apply_rules(found, text, library), library)
    return out


# the label of a dashboard line: from the clause start to a colon, dash or equals sign
_LABEL_END = re.compile(r"\s*(?::|-|–|=)\s*(?:[£]?\s*)?$")
_LABELLED = re.compile(r"[:=\-–]\s*(?:£\s*)?(?:(?:over|c\.|around|approx\.?|almost|nearly)\s)?£?\d", re.I)
_FILLER_WORDS = re.compile(
    r"\b(?:no|number|numbers|of|total|the|figure|figures|position|count|at|as|in|for|during|on|our|"
    r"current|currently|latest|actual|all|year|end|to|date|ytd|overall|value)\b\.?", re.I)


_SHORT_DATE_AT_END = re.compile(r"(?<=[A-Za-z)])\s+[0-3]?\d[/.][01]?\d[/.]\d\d\s*$")


def clean_label(label: str) -> str:
    """A label without its periods, brackets and filler words: 'No. of Children in Care at
    31/03/2020' -> 'children care'. Plural 's' is dropped, so labels and aliases compare as words."""
    for m in sorted(find_mentions(label), key=lambda m: -m.start):
        label = label[:m.start] + " " + label[m.end:]
    label = _SHORT_DATE_AT_END.sub(" ", label)  # "CiC 31.3.25" before its colon: the date the figure is at
    label = re.sub(r"\([^()]*\)", " ", label)
    label = _FILLER_WORDS.sub(" ", utils.default_process(label))
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                    for w in label.split())


def _dashboard_labels(library: Library, unit: str, bound: frozenset[str]) -> Aliases:
    """Cleaned alias -> KPI for a dashboard figure of `unit` after figures of the KPIs `bound`,
    and its keys as RapidFuzz's choices; once per library, as cleaning every alias is dear."""
    def build() -> Aliases:
        labels: dict[str, str] = {}
        for e in library.kpis.values():
            fits = e.unit == unit or (unit == "count" and e.unit == "rate_per_10k")
            if fits and (not e.follows or set(e.follows) & bound):
                for a in e.aliases:
                    # an alias bound to the figure before ("Rate per 10k") outranks a free one
                    if e.follows or clean_label(a) not in labels:
                        labels[clean_label(a)] = e.id
        return Aliases.of(labels, library)
    return library.memo(("fuzzy-dashboard", unit, bound), build)


def _dashboard(layout: PageLayout, library: Library, claimed: set[tuple[int, int, int]],
               previous_kpis: dict[int, set[str]]) -> list[Candidate]:
    out = []
    for si, sent in enumerate(layout.sentences):
        text = sent.text
        if not _LABELLED.search(text):  # no figure after a colon, dash or equals sign
            continue
        found = []
        start = 0
        skip = None  # read only for a sentence with a figure: most have none
        for m in _prose_figures(text):
            vs, ve = m.span("value")
            if skip is None:
                skip = label_spans(text)
            if any(a <= vs < b for a, b in skip):
                continue  # a figure inside a period or a 'per 10,000' is part of the label
            head = text[start:m.start()]
            start = m.end()
            head = re.split(r"[;.]\s|\)\s*[,;]", head)[-1]
            if (si, vs, ve) in claimed or not _LABEL_END.search(head):
                continue
            label = clean_label(_LABEL_END.sub("", head))
            if not label or len(label) > 60:
                continue
            unit = _unit(m.group("value"), m.group("suffix"))
            bound = previous_kpis.get(si, set())
            labels = _dashboard_labels(library, unit, frozenset(bound))
            hit = process.extractOne(label, labels.choices, scorer=fuzz.ratio, score_cutoff=labels.floor) \
                if labels.choices else None
            if hit is None or hit[1] < library.kpis[labels.kpi[hit[0]]].fuzzy_cutoff:
                continue
            kpi = labels.kpi[hit[0]]
            found.append(Candidate(kpi, m.group("value") + (m.group("suffix") or ""), layout.number, text,
                                   "fuzzy", f"{kpi}/label-colon", _score(hit[1]), vs, ve,
                                   line=sent.line_at(vs), sentence=si,
                                   match_start=m.start() - len(head), match_end=m.end()))
            bound = {kpi}
            previous_kpis.setdefault(si, set()).add(kpi)
        found = best_per_value(apply_rules(found, text, library), library)
        out += found + comparisons(found, text, library)
        if found:
            previous_kpis.setdefault(si + 1, set()).update(c.kpi for c in found)
    return out


_UNITS = ("count", "GBP", "percent")


def prepare(library: Library) -> None:
    """Build the alias tables every page asks for (see `matchers.prepare`)."""
    for unit in _UNITS:
        _aliases(library, unit)
        _aliases(library, unit, min_len=10)
        _dashboard_labels(library, unit, frozenset())


def match(layout: PageLayout, library: Library, settings: Settings = DEFAULT_SETTINGS,
          claimed: list[Candidate] | None = None) -> list[Candidate]:
    claimed = claimed or []
    in_sentences = {(c.sentence, c.value_start, c.value_end) for c in claimed if c.sentence >= 0}
    claimed_lines = {c.line for c in claimed}
    found = _infographic(layout, library, claimed_lines)
    lines_used = {c.line for c in found}
    before: dict[int, set[str]] = {}
    for c in claimed:
        if c.sentence >= 0:
            before.setdefault(c.sentence, set())
            before.setdefault(c.sentence + 1, set()).add(c.kpi)
    dash = [c for c in _dashboard(layout, library, in_sentences, before) if c.line not in lines_used]
    in_sentences |= {(c.sentence, c.value_start, c.value_end) for c in dash}
    prose = [c for c in _prose(layout, library, in_sentences) if c.line not in lines_used]
    return found + dash + prose
