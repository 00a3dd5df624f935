"""The clause around a match, where `exclude` and `redirect` phrases are looked for.

"877 left CP and there were 611 children subject to a CP plan": the word "left" belongs to
the figure before, so the window before a match stops at the previous figure, at punctuation
and at a conjunction; after the match it stops at punctuation, a conjunction or "which"
("1,132 children in care which 240 were in placements" must not read as placements).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..library import Library
from ..model import Candidate
from ..periods import find_mentions

# (a spaced dash sets off an aside: "143 courses in 2022/23 - 9 fewer than planned - reaching 2,960 delegates")
_BEFORE_STOP = re.compile(r"[.;:()\[\]|]|,|\s[-\u2013]\s|\b(?:and|but|while|whilst|whereas|which|who)\b", re.I)
# after the match, a comparison starts another figure's clause: "33 per 10,000 is lower than the
# national rate", but "971 referrals have been closed" still describes this one
# (and what a figure is left at "after" or "net of" something is another figure's: "£302.4m after savings of £9.6m")
_AFTER_STOP = re.compile(r"[.;:()\[\]|]|,|\b(?:and|but|while|whilst|whereas|which|who|of whom|of which|after|net of|"
                         r"compared|against|than|versus|above|below|higher|lower|similar|in line|(?-i:better)|worse|exceed\w*)\b", re.I)
_NUMBER = re.compile(r"£?\d[\d,]*(?:\.\d+)?%?")
# the words that open an aside within a clause ("open cases, including children on plans, ...")
_ASIDE_LEAD = re.compile(r"\b(?:including|incl\.|as well as|such as|excluding|other than)\s", re.I)
# an aside in brackets; not a figure's own period
_ASIDE = re.compile(r"\((?![^()]*:)[^()]{1,80}\)")  # (not a figure's own period: "(2022/23: 1,873)")
# a name in quotes is one word to the clause: its "and" ends nothing ("the 'Seen and Heard' conference")
_QUOTED = re.compile(r"(?<!\w)['\u2018\"\u201c][^'\u2019\"\u201d\n]{1,60}['\u2019\"\u201d](?!\w)")
# "Nationally, 50,010 children ...": a short opening phrase governs the clause after its comma
_OPENER = re.compile(r"^\W*(?:\d{1,2}(?:\.\d{1,2})*\s+)?([A-Za-z' ]{3,60}),\s*$")


# a part named by "of which" or "of whom" is said of the whole's clause, whose doer is the part's too: "The LADO
# received 214 contacts, of which 61 were referrals" (the whole's figure is no word of it)
_WHOLE_BEFORE = re.compile(r"(?:^|[.;:]\s+|\n)(?P<clause>(?:[^.;:\n]|(?<=\d)\.(?=\d)){1,100}?),?\s+of (?:which|whom)\s+$", re.I)


def window(text: str, start: int, end: int, before: int = 50, after: int = 60, floor: int = 0) -> str:
    """The match text[start:end] with its clause: a bounded piece before and after it.

    `floor` is where another figure's match ends: nothing before it belongs to this one.
    Figures inside a period ("the target for 2021/22 is") do not end the clause.
    """
    # an aside in brackets ends nothing, and takes no room: "318 fostering households (including 94
    # connected persons households) offering 486 places"
    reach = start - before
    for a in _ASIDE.finditer(text, max(0, reach - 90), start):
        if a.end() > reach:
            reach -= len(a.group())
    lo = max(0, reach, floor if floor <= start else 0)
    head = _ASIDE.sub(lambda a: " " * len(a.group()), text[lo:start])
    dates = [(m.start, m.end) for m in find_mentions(head)]
    numbers = [m.end() for m in _NUMBER.finditer(head) if not any(a <= m.start() < b for a, b in dates)]
    cuts = [m.end() for m in _BEFORE_STOP.finditer(head)] + numbers
    opener = _OPENER.match(text[:start]) if floor == 0 else None
    head = head[max(cuts):] if cuts else head
    if opener:
        head = opener.group(1) + " " + head
    elif (whole := _WHOLE_BEFORE.search(text, max(0, start - 120), start)) and whole.start() >= floor:
        head = _NUMBER.sub(" ", whole.group("clause")) + " " + head  # "The LADO received 214 contacts, of which 61"
    tail = text[end:end + after]
    stop = _AFTER_STOP.search(_QUOTED.sub(lambda q: "x" * len(q.group()), tail))  # "the 'Seen and Heard' conference"
    tail = tail[:stop.start()] if stop else tail
    return f"{head}{text[start:end]}{tail}"


# a clause set against the one before: "At the June conference 265 delegates attended, while training
# courses had 2,018 attendees" names no event for the 2,018
_CONTRAST = re.compile(r",\s*(?:while|whilst|whereas|but)\b|\bwhereas\b", re.I)


def apply_rules(cands: list[Candidate], text: str, library: Library) -> list[Candidate]:
    """Send each candidate where its clause says (`redirect`), or drop it (`exclude`).

    An event is named before its attendance, often clauses earlier ("The annual conference,
    'Adolescents at risk', in October 2022 was attended by 312 delegates"): a redirect to an
    `event` KPI also looks at the sentence before the match."""
    out = []
    for c in cands:
        start = min(c.match_start, c.value_start)
        end = max(c.match_end, c.value_end)
        floor = max((o.match_end for o in cands if o.value_start != c.value_start and o.match_end <= start),
                    default=0)
        w = window(text, start, end, floor=floor)
        if c.subject and c.pattern.endswith("-breakdown"):  # "by source: police 1,630": the part's own name
            w = w.replace(c.subject, " ")                    # is no clause word ("police" referrals are another's)
        entry = library.kpis[c.kpi]
        # the look back for an event stays in the sentence's part: "the conference had 186
        # attendees; learning circles ran 22 sessions for 410 attendees" names no event for 410
        back = text[max(0, start - 160):start] if entry.redirect else ""
        back = back[max([back.rfind(";") + 1] + [m.end() for m in _CONTRAST.finditer(back)]):]
        # (or across it, when the figure's clause says only that its people came: "Our annual conference, held
        # in November, was about neglect; 231 delegates attended on the day")
        came = _attended_host(text, start, c.value_end) if entry.redirect else ""
        for rx, target in entry.redirect:
            wide = target in library.kpis and library.kpis[target].measure == "event"
            if rx.search(w) or (wide and (rx.search(back) or rx.search(came))):
                if not target:
                    entry = None
                else:
                    c = replace(c, kpi=target, pattern=f"{c.pattern}>{target}")
                    entry = library.kpis[target]
                break
        if entry is None or any(rx.search(w) for rx in entry.exclude):
            continue
        if c.match_start < c.value_start and "," in text[c.match_start:c.value_start] and _in_aside(text, c.match_start):
            continue  # "open CIN cases, including children on plans and in care, was 3,912": the aside's words
        # the words the figure belongs to outside its own clause, whose excluded words are its too
        hosts = (_bracket_host(text, c.value_start),  # "Sutton CAMHS received 2,140 referrals in 2023/24 (2022/23: 1,873)"
                 _label_host(text, start),  # "Preparation training for prospective adopters: 14 three-day courses"
                 _participle_host(text, start),  # "104 approved fostering households, offering 187 places"
                 _attended_host(text, start, c.value_end))  # "Seven learning events on ... were held; 1,240 ... attended"
        if any(host and any(rx.search(host) for rx in entry.exclude) for host in hosts):
            continue
        out.append(c)
    return out


# a clause after a semicolon that says only that its people came: "...; 1,240 practitioners attended."
_EVENT_BEFORE = re.compile(r"(?P<host>[^.;:]{5,200});\s*(?:in all,?\s+|in total,?\s+|overall,?\s+)?$")
_ONLY_ATTENDED = re.compile(r"\s*(?:[a-z-]+\s+){0,2}?(?:attended|took part|came|participated)"
                            r"(?:\s+(?:on the day|in person|in total|in all|online|virtually))?\s*(?:[.;]|$)", re.I)


def _attended_host(text: str, start: int, end: int) -> str:
    """The clause before a semicolon whose events a figure's own clause says were attended, and no more
    ("Seven learning events on the findings of practice reviews were held in 2024/25; 1,240 practitioners
    attended"): what is excluded there is excluded for their attendance too. "" for any other figure."""
    lead = _EVENT_BEFORE.search(text, max(0, start - 240), start)
    if lead is None or lead.end() != start or not _ONLY_ATTENDED.match(text, end):
        return ""
    return lead.group("host")


def _in_aside(text: str, at: int) -> bool:
    """Do the words at `at` stand in an aside that "including" (or "such as", "excluding") opened
    and no comma has closed yet?"""
    lead = text[max(0, at - 120):at]
    opened = [m.end() for m in _ASIDE_LEAD.finditer(lead)]
    return bool(opened) and "," not in lead[opened[-1]:]


# a figure in a bracket after its period: "(2022/23: 1,873)", "[Q2 24/25: 2,870]"
_BRACKET_LEAD = re.compile(r"[(\[][^()\[\]]{1,30}:\s*$")


def _bracket_host(text: str, start: int) -> str:
    """The clause a bracketed prior figure belongs to ("... received 2,140 referrals in 2023/24"
    before "(2022/23: 1,873)"): what is excluded there is excluded in the bracket too. "" when
    the figure is no such bracket's."""
    lead = _BRACKET_LEAD.search(text, max(0, start - 32), start)
    if lead is None:
        return ""
    before = text[max(0, lead.start() - 80):lead.start()]
    dates = [(m.start, m.end) for m in find_mentions(before)]
    figures = [m for m in _NUMBER.finditer(before) if not any(a <= m.start() < b for a, b in dates)]
    at = lead.start() - len(before) + figures[-1].start() if figures else lead.start()
    return window(text, at, lead.start(), after=0)  # the host figure's clause, up to the bracket


# a short label and its colon, straight before the figure's words: "6.2 Parenting programmes: 38 group courses"
_LABEL_HOST = re.compile(r"(?:^|(?<=[.;]\s)|(?<=\n))\W*(?:\d+(?:\.\d+)*\s+)?([A-Za-z][^.;:\n\d]{2,90}):\s+(?:[^\d\s:;.]+\s+){0,3}$")


def _label_host(text: str, start: int) -> str:
    """The label before a colon that the figure at `start` completes ("Parenting programmes: 38
    group courses"): what it excludes, it excludes for the figure too. "" when there is none."""
    m = _LABEL_HOST.search(text, max(0, start - 140), start)
    return m.group(1) if m else ""


# a clause a participle after a comma continues: "104 fostering households, (between them) offering 187 places"
_JOINTLY = r"(?:between them|together|jointly|in all)"
_PARTICIPLE = re.compile(r"(?:" + _JOINTLY + r"\s+)?(?:offering|providing|giving|making|running|"
                         r"delivering|holding|reaching|supporting|caring for|looking after)\b", re.I)
_CLAUSE_END = re.compile(r"[.;!?]\s|\n")


def _participle_host(text: str, start: int) -> str:
    """The clause before the comma that a match opening on a participle continues: its subject is
    that clause's ("104 approved fostering households, offering 187 places"). "" when the match
    opens no such phrase."""
    if not _PARTICIPLE.match(text, start):
        return ""
    lead = re.sub(_JOINTLY + r"\s*$", "", text[max(0, start - 160):start], flags=re.I)
    if not lead.rstrip().endswith(","):
        return ""
    ends = [m.end() for m in _CLAUSE_END.finditer(lead)]
    return lead[ends[-1] if ends else 0:]


_ITEM = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25cf\u2013]\s|\(?[a-z]\)\s)")


def lead_in_rules(cands: list[Candidate], sentences: list[str], library: Library) -> list[Candidate]:
    """Drop a figure of a list item whose lead-in ("Partners also train their own staff ...:")
    holds one of its KPI's `exclude` phrases: the lead-in speaks for every item under it
    ("- the council's education team trained 388 safeguarding leads" is single-agency training)."""
    out = []
    for c in cands:
        entry = library.kpis.get(c.kpi)
        k = c.sentence
        if entry is not None and entry.exclude and 0 <= k < len(sentences) and _ITEM.match(sentences[k]):
            while k > 0 and _ITEM.match(sentences[k - 1]):
                k -= 1
            lead = sentences[k - 1].rstrip() if k > 0 else ""
            if lead.endswith(":") and any(rx.search(lead) for rx in entry.exclude):
                continue
        out.append(c)
    return out


def best_per_value(cands: list[Candidate], library: Library) -> list[Candidate]:
    """One candidate per figure. The label written closest before the value wins ("the rate of
    children looked after ... 65 per 10,000" over "child protection ... 65 per 10,000"); among
    labels after the value, the longest reading wins ("245 delegates attended 9 briefings" is
    about briefings, not just delegates)."""
    order = library.memo(("kpi-order",), lambda: {k: i for i, k in enumerate(library.kpis)})

    def rank(c: Candidate) -> tuple:  # a reading that names whose figure it is (a subject) is the more specific
        return (-c.score, not c.subject, c.value_start - c.match_start, -(c.match_end - c.value_end), order.get(c.kpi, 0))

    best: dict[tuple, Candidate] = {}
    for c in cands:
        key = (c.sentence, c.line if c.sentence < 0 else 0, c.value_start, c.value_end)
        cur = best.get(key)
        if cur is None or rank(c) < rank(cur):
            best[key] = c
    return list(best.values())
