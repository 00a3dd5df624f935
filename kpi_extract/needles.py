"""Literal words a regex cannot match without, so that most sentences skip most patterns.

A library has some ninety patterns and a pack has thousands of sentences; nearly every
pattern needs a word such as "plan", "budget" or "delegates". Reading those words out of the
parsed regex (Python's own `re` parser) and looking for them with `in` first is exact: a
pattern is only skipped when it could not have matched.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from . import regexcache
from .values import WORDS_RE

try:  # Python 3.11+
    from re import _parser as sre_parse  # type: ignore[attr-defined]
    from re import _constants as sre_c  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

if TYPE_CHECKING:
    from .library import Library

MIN = 3  # shorter literals would not filter anything


def _best(options: list[list[str]]) -> list[str] | None:
    """From alternatives of needed-literal sets, the one with the longest shortest word."""
    usable = [o for o in options if o]
    return max(usable, key=lambda o: min(len(w) for w in o)) if usable else None


def _all_needs(items) -> list[list[str]]:
    """Every set of literals of which one must occur for the sequence `items` to match: a
    match needs one word of each set (a literal run, a group, a repeated item, an alternation
    whose branches all need a word)."""
    groups: list[list[str]] = []
    run = ""
    for op, arg in list(items) + [(None, None)]:
        if op is sre_c.LITERAL:
            run += chr(arg)
            continue
        if len(run.strip()) >= MIN:
            groups.append([run.strip().lower()])
        run = ""
        if op is sre_c.SUBPATTERN:
            groups += _all_needs(arg[-1])
        elif op is sre_c.BRANCH:
            branches = [_needs(b) for b in arg[1]]
            if all(branches):
                groups.append(sorted({w for b in branches for w in b}))  # type: ignore[union-attr]
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)):
            lo, _hi, sub = arg
            if lo >= 1:
                groups += _all_needs(sub)
        elif op is sre_c.ATOMIC_GROUP if hasattr(sre_c, "ATOMIC_GROUP") else False:
            groups += _all_needs(arg)
    return groups


def _needs(items) -> list[str] | None:
    """Literals of which one must occur for the sequence `items` to match (None: no such set)."""
    return _best(_all_needs(items))


def _parse(pattern: re.Pattern):
    try:
        return sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unparseable pattern simply runs unfiltered
        return None


def needles(pattern: re.Pattern) -> tuple[str, ...]:
    """Lower-case literals, one of which every match contains; () when none is certain.

    Only for case-insensitive patterns whose literals are plain text (a literal inside a
    case-sensitive group `(?-i:...)` is still found in the lower-cased sentence).
    """
    parsed = _parse(pattern)
    found = _needs(parsed) if parsed is not None else None
    return tuple(found) if found else ()


class Guarded:
    """A module's regex searched only in texts that hold one of the literal words it cannot match
    without (`needles`): a long alternation tried at every position of every line of a pack costs
    more than looking for a dozen words in the lower-cased line. Exact, like the library's index."""

    def __init__(self, rx: re.Pattern):
        self.rx = rx
        self.words = needles(rx) if rx.flags & re.I else ()

    def could(self, text: str) -> bool:
        """False when `text` lacks every word the regex needs (so it cannot match there)."""
        if not self.words:
            return True
        low = text.lower()
        return any(w in low for w in self.words)

    def search(self, text: str) -> re.Match | None:
        return self.rx.search(text) if self.could(text) else None

    def finditer(self, text: str) -> Iterator[re.Match]:
        return self.rx.finditer(text) if self.could(text) else iter(())


def requirements(pattern: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """All the literal sets a match needs one word of each of, the most selective first
    (the one `needles` gives); () when nothing is certain."""
    parsed = _parse(pattern)
    groups = [g for g in _all_needs(parsed) if g] if parsed is not None else []
    best = _best(groups)
    if best is None:
        return ()
    rest = {tuple(g) for g in groups if g != best}
    return (tuple(best),) + tuple(sorted(rest, key=lambda g: (-min(map(len, g)), g)))


@dataclass(frozen=True)
class Rule:
    """One regex of one KPI, with what the matcher needs to know about it without re-deriving it."""

    kpi: str
    name: str
    rx: re.Pattern
    follow: bool  # a follow_regex: only tried in the sentence after one of the entry's `follows`
    carries: bool  # (name, rx) is among the entry's follow_regexes: a match carries from the sentence before
    words: tuple[str, ...]  # one of these must be in the sentence (the index looks them up)
    also: tuple[tuple[str, ...], ...]  # and one of each of these
    digits: re.Pattern | None = None  # the same regex without its number words, for a sentence that has none

    def for_sentence(self, number_words: bool) -> re.Pattern:
        """The regex to try on a sentence: the whole one where a number word stands ("thirty three
        actions"), else the one without the number words' alternation, which `re` tries at every
        position of the sentence and which cannot match there anyway."""
        return self.rx if number_words or self.digits is None else self.digits


class PatternIndex:
    """The library's regexes in matching order, and which literal words let each one apply.

    Built once per library (and so once per run: the children that read files are forked after
    it is built), because reading the literals out of ninety parsed regexes costs more than
    matching a small file. A page is scanned once for every word any pattern needs; each
    sentence then looks only for the few words its page has, so adding patterns adds words to
    one scan per page, not regexes to every sentence.
    """

    def __init__(self, library: "Library"):
        rules: list[Rule] = []
        for entry in library.kpis.values():
            for follow, group in ((False, entry.regexes), (True, entry.follow_regexes)):
                for name, rx in group:
                    needs = tuple(map(tuple, regexcache.derived(rx, "requirements", requirements)))
                    digits = regexcache.compile(rx.pattern.replace(WORDS_RE, "(?!)"), rx.flags) \
                        if WORDS_RE in rx.pattern else None
                    rules.append(Rule(entry.id, name, rx, follow, (name, rx) in entry.follow_regexes,
                                      needs[0] if needs else (), needs[1:], digits))
        self.rules = rules
        self.follows = {e.id: frozenset(e.follows) for e in library.kpis.values()}
        self.unfiltered = tuple(i for i, r in enumerate(rules) if not r.words)
        by_word: dict[str, list[int]] = {}
        for i, r in enumerate(rules):
            for w in r.words:
                by_word.setdefault(w, []).append(i)
        self.by_word = {w: tuple(ix) for w, ix in by_word.items()}

    def page_words(self, lowered: list[str]) -> tuple[str, ...]:
        """The needed words that occur anywhere in these (lower-cased) texts of one page."""
        joined = "\x00".join(lowered)
        return tuple(w for w in self.by_word if w in joined)

    def applicable(self, low: str, page_words: tuple[str, ...]) -> list[int]:
        """Indices of the rules that can match the lower-cased sentence `low`, in library order;
        `page_words` must come from a page containing `low`."""
        found = set(self.unfiltered)
        for w in page_words:
            if w in low:
                found.update(self.by_word[w])
        rules = self.rules
        return [i for i in sorted(found) if all(any(w in low for w in g) for g in rules[i].also)]
