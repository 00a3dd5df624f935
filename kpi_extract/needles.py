"""Literal words a regex cannot match without, so that most sentences skip most patterns.

A library has some ninety patterns and a pack has thousands of sentences; nearly every
pattern needs a word such as "plan", "budget" or "delegates". Reading those words out of the
parsed regex (Python's own `re` parser) and looking for them with `in` first is exact: a
pattern is only skipped when it could not have matched.
"""
from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _parser as sre_parse  # type: ignore[attr-defined]
    from re import _constants as sre_c  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

MIN = 3  # shorter literals would not filter anything


def _best(options: list[list[str]]) -> list[str] | None:
    """From alternatives of needed-literal sets, the one with the longest shortest word."""
    usable = [o for o in options if o]
    return max(usable, key=lambda o: min(len(w) for w in o)) if usable else None


def _needs(items) -> list[str] | None:
    """Literals of which one must occur for the sequence `items` to match (None: no such set)."""
    options: list[list[str]] = []
    run = ""
    for op, arg in list(items) + [(None, None)]:
        if op is sre_c.LITERAL:
            run += chr(arg)
            continue
        if len(run.strip()) >= MIN:
            options.append([run.strip().lower()])
        run = ""
        if op is sre_c.SUBPATTERN:
            options.append(_needs(arg[-1]) or [])
        elif op is sre_c.BRANCH:
            branches = [_needs(b) for b in arg[1]]
            if all(branches):
                options.append(sorted({w for b in branches for w in b}))  # type: ignore[union-attr]
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)):
            lo, _hi, sub = arg
            if lo >= 1:
                options.append(_needs(sub) or [])
        elif op is sre_c.ATOMIC_GROUP if hasattr(sre_c, "ATOMIC_GROUP") else False:
            options.append(_needs(arg) or [])
    return _best(options)


def needles(pattern: re.Pattern) -> tuple[str, ...]:
    """Lower-case literals, one of which every match contains; () when none is certain.

    Only for case-insensitive patterns whose literals are plain text (a literal inside a
    case-sensitive group `(?-i:...)` is still found in the lower-cased sentence).
    """
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unparseable pattern simply runs unfiltered
        return ()
    found = _needs(parsed)
    return tuple(found) if found else ()
