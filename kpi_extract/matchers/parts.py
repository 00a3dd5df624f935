"""Parts matcher: a sub-population given as a share of a whole another matcher read (issue 7),
and the other partners of a list whose first partner's payment another matcher read.

Reports break a stock down right after stating it: "Of the 412 children on a plan, 96 were under
five", "3,104 children in need, of whom 702 were disabled children", "Boys accounted for 231 of
the 455 children on plans". The part has the whole's KPI and names itself in `subject` (the
library's `[subject]` name when one matches what the clause says, else those words), so it never
passes for the area's figure. Only wholes of counted stocks are broken down; a part is read only
in the sentence of its whole and only in these three shapes, so a second figure of another KPI
in the same sentence ("611 on plans and 45 in care") is never taken for a part.
"""
from __future__ import annotations

import re

from ..layout import PageLayout
from ..library import Library
from ..model import Candidate
from ..settings import DEFAULT_SETTINGS, Settings
from ..values import VALUE_MACROS

_COUNT = VALUE_MACROS["count"]
_BE = r"(?:were|are|was|is|had|have)"
# (or where they live, where they came from: "281 lived with foster carers", "905 came from schools")
# (or, of people, where they work: "604 worked in health services and 455 in schools")
_VERB = rf"(?:{_BE}|lived|live|lives|came|come|comes|worked|work|works)"
# what a part is: a few words after the verb, up to punctuation, a conjunction or a date
# ("and" inside a name is no end: "712 came from Devon and Cornwall Police and 388 from schools")
_MORE_WORDS = r"(?: (?!(?:and(?! (?-i:[A-Z]))|but|at|as|by|during|in \d|compared|which|who|while)\b)[\w'-]+){0,5}"
# (an adverb first is no part of what: "33 of the 41 actions were now complete" is the done part)
_WHAT = rf"(?:(?:now|currently|already|fully)\s+)?(?P<what>(?!(?:not|no|also|still|being|been|the|a|an|on track|complete|completed|now|currently|already|fully)\b)[\w'-]+{_MORE_WORDS})"
# a part's share of the whole in brackets, between its count and what it is: "131 (27%) were under five"
_SHARE = r"(?:\s*\(\s*\d+(?:\.\d+)?\s*(?:%|per ?cent)\s*\))?"
# ", of whom 96 were under five" straight after the whole's words
_OF_WHOM = re.compile(rf"[^.;,]{{0,40}}?,?\s*(?:of (?:whom|these|them)),?\s*{_COUNT}{_SHARE}\s+(?:children\s+|young people\s+)?"
                      rf"{_BE}\s+{_WHAT}", re.I)
# "Of the 412 children on a plan at 31 March 2023, 96 were under five"
# (matched where the sentence or one of its lines starts: a title line run on into it is no part of it)
# (the whole's owner may be named in the possessive: "Of Coventry's 796 children in care ...")
_WHOSE = r"(?:the|these|those|our|(?-i:[A-Z][\w-]*)(?: (?:and |upon |on )?(?-i:[A-Z][\w-]*)){0,3}['’]s?)"
_OF_THE = re.compile(rf"\W*(?:of|among|amongst|within|from) (?:{_WHOSE} )?(?P<whole>[\d,]+)\b[^;.]{{0,120}}?,\s*{_COUNT}{_SHARE}"
                     rf"\s+(?:children\s+|young people\s+)?{_VERB}\s+{_WHAT}", re.I)
# "5,214 referrals for children living in the city: 1,633 in the West area, 1,402 in the East": places listed
# after a colon, straight after the whole's words
_COLON_PLACES = re.compile(rf"[^.;:]{{0,80}}?:\s*{_COUNT}{_SHARE}\s+in\s+(?P<what>(?:the\s+)?(?-i:[A-Z])[\w'-]*(?:\s+(?:area|locality|"
                           rf"district|ward|team|hub|patch|(?-i:[A-Z])[\w'-]*)){{0,3}})(?=\s*(?:[,;.]|and\b|$))", re.I)
# "702 children became subject to a plan; 139 of them were unborn or under one": the count before "of them",
# in the next clause
_N_OF_THEM = re.compile(rf"[^.;]{{0,60}}?[;,]\s*(?:and\s+)?{_COUNT}{_SHARE}\s+of\s+(?:them|these|whom)\s+{_BE}\s+{_WHAT}", re.I)
# "1,058 children in care at the end of June (rate 62.0 per 10,000), including 94 unaccompanied
# asylum-seeking children": the part names itself after the figure
_INCLUDING = re.compile(rf"(?:\([^()]*\)|[^.;()]){{0,100}}?,?\s*\b(?:including|included|includes|include)\s+{_COUNT}\s+"
                        rf"(?P<what>(?!(?:of|per|in|at|on)\b)[\w'-]+{_MORE_WORDS})", re.I)
# "29 of the 391 are unaccompanied asylum-seeking children"
_N_OF_THE = re.compile(rf"{_COUNT}\s+of\s+{_WHOSE}\s+(?P<whole>[\d,]+)\b(?:\s+(?!(?:are|were|is|was|had|have)\b)[\w'-]+){{0,3}}?"
                       rf"\s+{_BE}\s+{_WHAT}", re.I)
# "Of these, 131 were under five", opening the sentence after the whole's
_OF_THESE_NEXT = re.compile(rf"^\W*(?:of|among|amongst) (?:these|them|those|this number|this total|the total)\s*,?\s*{_COUNT}{_SHARE}"
                            rf"\s+(?:children\s+|young people\s+)?{_BE}\s+{_WHAT}", re.I)
# "Boys accounted for 231 of the 455 children subject to protection plans"
# (or made them, or was their category: "West Yorkshire Police made 2,105 of the 8,830 referrals", "Neglect was
# the initial category for 46 of the 112 children on plans"; the whole may be named its owner's: "of the county's 701")
_MAKE_UP = re.compile(rf"(?:^|[,;:]\s*)\W*(?P<what>(?:[\w'-]+ ){{0,5}}[\w'-]+) (?:accounted for|account for|made up|make up|"
                      rf"makes up|made|comprised|comprise|represented|represent|(?:was|were|is|are) the (?:[\w-]+ )?"
                      rf"(?:category|source) for) {_COUNT} of (?:all |the [\w-]+['’]s |{_WHOSE} )?(?P<whole>[\d,]+)\b", re.I)

# the next parts of the same whole, listed on after the first: ", 96 were accommodated under section
# 20 and 47 were on placement orders", "905 came from schools and 148 from the police". A part
# after a semicolon must say its verb; one after a comma or "and" may leave it to the first's
# ("and 34 in children's homes"), when a preposition opens what it is
_NEXT_PART = re.compile(rf"(?P<sep>\s*[,;]\s*(?:and\s+)?|\s+and\s+){_COUNT}(?:\s*\([^()]{{0,25}}\))?\s+"
                        rf"(?:(?:children|young people)\s+)?(?:{_VERB}\s+(?P<said>(?:placed|living|accommodated)\s+)?|"
                        rf"(?P<elided>(?:in|on|with|from|under|aged|at|as|placed|living|accommodated)\s+(?:the\s+)?)|"
                        # or the last part, a word or two, its verb left to the first's: "499 were girls and 646 boys."
                        rf"(?P<bare>)(?=[\w'-]+(?:\s[\w'-]+)?\s*(?:[.;]|$))){_WHAT}", re.I)
_NOT_A_NEXT_PART = re.compile(r"^(?:of|per|more|fewer|less)\b", re.I)
# "had" before a past participle says what some did or underwent, an event, not which of them they are
_HAD_BEFORE = re.compile(r"\b(?:had|have|has)\s+$", re.I)
_DONE = re.compile(r"(?:[a-z]+ed|been|seen|taken|gone|come|run|left|kept|met|got|given|had|spent|made|lost|done)\b", re.I)


def _next_parts(m: re.Match, text: str) -> list[tuple[re.Match, str]]:
    """The parts listed on after the part `m` read, in order, up to the first that is none."""
    out, pos = [], m.end("what")
    while (n := _NEXT_PART.match(text, pos)) is not None:
        if n.group("elided") and ";" in n.group("sep") or _NOT_A_NEXT_PART.match(n.group("what")) \
                or n.group("bare") is not None and not re.search(r"\band\b", n.group("sep")):
            break
        lead = n.group("elided") or n.group("said") or ""
        out.append((n, re.sub(r"^(?:(?:from|in|on|at|as|with)\s+)?(?:the\s+)?", "", lead + n.group("what"), flags=re.I)))
        pos = n.end()
    return out


# the next entries of a list of partners' payments: "...: County Council £210,000; Police £52,000"
_NAME = r"(?-i:(?:the )?[A-Z][\w&'.-]*(?: (?:and |of |for |& )?[A-Z][\w&'.-]*){0,6})"
_LIST_ITEM = re.compile(rf"\s*[;,]\s*(?:and\s+)?(?!(?i:total|overall|grand|sub-?total)\b)(?P<what>{_NAME})\s*[-:]?\s*"
                        rf"{VALUE_MACROS['money']}")
# (or the first partner's verb, which the others leave out: "Medway Council contributed £146,000, NHS Kent and Medway
# £92,500 ...")
_LIST_HEAD = re.compile(rf"[:;]\s*{_NAME}\s*[-:]?\s*$|(?:^|[.;:]\s+)\W*{_NAME}\s+(?:contributed|paid|gave|provided|put in|"
                        rf"will contribute|will pay|will provide)\s+$")


def _list_entries(c: Candidate, text: str, layout: PageLayout, library: Library) -> list[Candidate]:
    """The partners after the first of a list whose first entry a matcher read as contributions."""
    if c.kpi not in ("budget_contributions", "agency_contribution") or "agency_contribution" not in library.kpis \
            or not _LIST_HEAD.search(text, 0, c.value_start):
        return []
    out, pos = [], c.value_end
    while (m := _LIST_ITEM.match(text, pos)) is not None:
        vs, ve = m.span("value")
        out.append(Candidate("agency_contribution", m.group("value"), layout.number, text, c.method,
                             "agency_contribution/partner-list", c.score * 0.95, vs, ve, m.group("what"),
                             line=layout.sentences[c.sentence].line_at(vs), sentence=c.sentence,
                             match_start=m.start("what"), match_end=ve))
        pos = m.end()
    return out


# (or, listed after a colon, where it is: "1,402 in the East")
_IN_PLACE = re.compile(r"\s+in\s+(?:the\s+)?(?-i:[A-Z])", re.I)
# a part of a flow says where it came from: "905 came from schools", "and 148 from the police"
_FROM = re.compile(r"\s+(?:\([^()]*\)\s+)?(?:(?:came|come|comes|were|was|are|is)\s+)?(?:referred\s+)?from\b|"
                   r"\s+(?:\([^()]*\)\s+)?(?:worked|work|works)\s+(?:in|for|at)\b", re.I)


def _named_part(what: str, library: Library) -> str:
    """The library's name of the sub-population `what` says (an age band, disabled children), or ""."""
    return next((s.name for s in library.subjects if s.regex.search(what)), "")


def _subject(what: str, library: Library) -> str:
    """The part's name: the library's, else its words without the preposition that placed it ("came from health")."""
    return _named_part(what, library) or re.sub(r"^(?:(?:from|in)\s+)?(?:the\s+)?", "", what.strip(), flags=re.I)


def _add_part(out: list[Candidate], taken: set, whole: Candidate, m: re.Match, what: str, layout: PageLayout,
              library: Library, sentence: int | None = None) -> None:
    """The part `m` read of the whole candidate `whole` (in its sentence, or in `sentence`), unless
    that figure is taken."""
    sentence = whole.sentence if sentence is None else sentence
    vs, ve = m.span("value")
    if (sentence, vs) in taken:
        return
    taken.add((sentence, vs))
    text = layout.sentences[sentence].text
    out.append(Candidate(whole.kpi, m.group("value"), layout.number, text, whole.method, f"{whole.pattern}+part",
                         whole.score * 0.95, vs, ve, _subject(what, library), line=layout.sentences[sentence].line_at(vs),
                         sentence=sentence, match_start=min(m.start("what"), vs), match_end=max(m.end("what"), ve)))


def match(layout: PageLayout, library: Library, settings: Settings = DEFAULT_SETTINGS,
          claimed: list[Candidate] | None = None) -> list[Candidate]:
    out: list[Candidate] = []
    taken = {(c.sentence, c.value_start) for c in claimed or []}
    # a figure another matcher read as a whole stock may still be "29 of the 391 are unaccompanied
    # ...": that part, with its subject, wins over the bare reading (`best_per_value`)
    unnamed = {(c.sentence, c.value_start) for c in claimed or [] if not c.subject}
    for c in claimed or []:
        entry = library.kpis.get(c.kpi)
        if entry is None or c.sentence < 0:
            continue
        text = layout.sentences[c.sentence].text
        for item in _list_entries(c, text, layout, library):
            if (c.sentence, item.value_start) not in taken:
                taken.add((c.sentence, item.value_start))
                out.append(item)
        if c.subject or entry.unit != "count" or entry.measure not in ("stock", "flow"):
            continue
        found: list[tuple[re.Match, str]] = []
        for rx in (_OF_WHOM, _INCLUDING, _N_OF_THEM):
            m = rx.match(text, max(c.value_end, c.match_end))
            if m and (rx is not _N_OF_THEM or _named_part(m.group("what"), library)):
                # (a clause after it names a part only by the library's names: "139 of them were unborn"; not
                # "six of these are flagged red", a state, nor "23 of them in homes outside the county")
                found.append((m, m.group("what")))
                break
        sentence = layout.sentences[c.sentence]
        for m in (_OF_THE.match(text, at) for at in sorted({0, *sentence.offsets})):
            if m and m.start("whole") == c.value_start:
                found.append((m, m.group("what")))
        for rx in (_MAKE_UP, _N_OF_THE):
            for m in rx.finditer(text):
                if m.start("whole") == c.value_start or (rx is _N_OF_THE and m.group("whole") == c.raw):
                    found.append((m, m.group("what")))
        places = _COLON_PLACES.match(text, max(c.value_end, c.match_end))
        if places:
            found.append((places, places.group("what")))
            if (c.sentence, places.start("value")) in unnamed:
                taken.discard((c.sentence, places.start("value")))  # (read bare as a whole by another matcher)
        if entry.measure == "flow":  # (what people counted did is no part: "412 came within 12 months")
            kept = [(m, w) for m, w in found if m.re is _MAKE_UP or _FROM.match(text, m.end("value")) or _named_part(w, library)
                    or places and m is places]
            # (a part listed on after a kept one, its verb left to the first's, is one too: "604 worked in health services
            # and 455 in schools")
            found = kept + [(n, w) for m, _ in kept for n, w in _next_parts(m, text)
                            if _FROM.match(text, n.end("value")) or _named_part(w, library) or n.group("elided")
                            or places and n.start() >= places.end("what") and _IN_PLACE.match(text, n.end("value"))]
        else:
            found += [nxt for m, _ in found for nxt in _next_parts(m, text)]
        for m, what in found:
            if _HAD_BEFORE.search(text, 0, m.start("what")) and _DONE.match(what):
                continue  # "37 of the 612 children in care had missed a health assessment": what they did, no part
            if m.re is _N_OF_THE and (c.sentence, m.start("value")) in unnamed:
                taken.discard((c.sentence, m.start("value")))
            _add_part(out, taken, c, m, what, layout, library)
    out += _parts_said_next(claimed or [], layout, library, taken)
    return out


def _parts_said_next(claimed: list[Candidate], layout: PageLayout, library: Library, taken: set) -> list[Candidate]:
    """The parts a sentence lists after one that counted a single whole: "At 31 March 2025, 486
    children were subject to a plan. Of these, 131 were under five and 172 were aged 5 to 11"."""
    by_sentence: dict[int, list[Candidate]] = {}
    for c in claimed:
        if c.sentence >= 0:
            by_sentence.setdefault(c.sentence, []).append(c)
    out: list[Candidate] = []
    for si, cands in sorted(by_sentence.items()):
        wholes = [c for c in cands if not c.subject and (e := library.kpis.get(c.kpi)) is not None
                  and e.unit == "count" and e.measure in ("stock", "flow")]
        nxt = si + 1
        if len(wholes) != 1 or len({c.kpi for c in cands}) != 1 or nxt >= len(layout.sentences) \
                or nxt in by_sentence and any(not c.subject for c in by_sentence[nxt]):
            continue
        text = layout.sentences[nxt].text
        m = _OF_THESE_NEXT.match(text)
        if m is None:
            continue
        found = [(m, m.group("what"))] + _next_parts(m, text)
        if library.kpis[wholes[0].kpi].measure == "flow":
            found = [(n, w) for n, w in found if _FROM.match(text, n.end("value")) or _named_part(w, library)]
        for n, what in found:
            _add_part(out, taken, wholes[0], n, what, layout, library, sentence=nxt)
    return out
