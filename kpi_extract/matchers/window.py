"""The clause around a match, where `exclude` and `redirect` phrases are looked for.

"1,472 left CP and there were 983 children subject to a CP plan": the word "left" belongs to
the figure before, so the window before a match stops at the previous figure, at punctuation
and at a conjunction; after the match it stops at punctuation, a conjunction or "which"
("1,855 children in care which 590 were in placements" must not read as placements).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..library import Library
from ..model import Candidate

_BEFORE_STOP = re.compile(r"[.;:()\[\]]|,|\b(?:and|but|while|whilst|whereas|which|who)\b", re.I)
# after the match, a comparison starts another figure's clause: "33 per 10,000 is lower than the
# national rate", but "971 referrals have been closed" still describes this one
_AFTER_STOP = re.compile(r"[.;:()\[\]]|,|\b(?:and|but|while|whilst|whereas|which|who|of whom|of which|"
                         r"compared|against|than|versus|above|below|higher|lower|similar|in line|better|worse|exceed\w*)\b", re.I)
_NUMBER = re.compile(r"£?\d[\d,]*(?:\.\d+)?%?")


def window(text: str, start: int, end: int, before: int = 50, after: int = 30, floor: int = 0) -> str:
    """The match text[start:end] with its clause: a bounded piece before and after it.

    `floor` is where another figure's match ends: nothing before it belongs to this one.
    """
    lo = max(0, start - before, floor if floor <= start else 0)
    head = text[lo:start]
    cuts = [m.end() for m in _BEFORE_STOP.finditer(head)] + [m.end() for m in _NUMBER.finditer(head)]
    head = head[max(cuts):] if cuts else head
    tail = text[end:end + after]
    stop = _AFTER_STOP.search(tail)
    tail = tail[:stop.start()] if stop else tail
    return f"{head}{text[start:end]}{tail}"


def apply_rules(cands: list[Candidate], text: str, library: Library) -> list[Candidate]:
    """Send each candidate where its clause says (`redirect`), or drop it (`exclude`)."""
    out = []
    for c in cands:
        start = min(c.match_start, c.value_start)
        end = max(c.match_end, c.value_end)
        floor = max((o.match_end for o in cands if o.value_start != c.value_start and o.match_end <= start),
                    default=0)
        w = window(text, start, end, floor=floor)
        entry = library.kpis[c.kpi]
        for rx, target in entry.redirect:
            if rx.search(w):
                if not target:
                    entry = None
                else:
                    c = replace(c, kpi=target, pattern=f"{c.pattern}>{target}")
                    entry = library.kpis[target]
                break
        if entry is None or any(rx.search(w) for rx in entry.exclude):
            continue
        out.append(c)
    return out


def best_per_value(cands: list[Candidate], library: Library) -> list[Candidate]:
    """One candidate per figure: the tightest match (label closest to the value) wins."""
    order = {k: i for i, k in enumerate(library.kpis)}
    best: dict[tuple, Candidate] = {}
    for c in cands:
        key = (c.sentence, c.line if c.sentence < 0 else 0, c.value_start, c.value_end)
        cur = best.get(key)
        rank = (-c.score, c.match_end - c.match_start, order.get(c.kpi, 0))
        if cur is None or rank < (-cur.score, cur.match_end - cur.match_start, order.get(cur.kpi, 0)):
            best[key] = c
    return list(best.values())
