"""Patterns that hang: catastrophic backtracking in a user's regex is named, never blamed on a PDF.

A regex such as `(\\d+,?)+ children` takes exponential time on a long run of digits that is
not followed by " children", and Python's `re` has no time limit. But its matching loop does
check for signals, so an interval timer (`SIGALRM`) stops a search that runs too long. Two uses:

- `stress_check`: before a library with the user's files is used (and in `patterns check`),
  every regex is searched, under a time limit, in texts built to provoke backtracking: long
  runs of digits, letters, spaces and separators ending in a character that fails the match,
  and each example of the KPI with its numbers replaced by such runs. A regex that hits the limit
  is reported as `file:line: ...`, like any other library problem.
- `running_pattern`: when a file's time limit is hit, the reader child is asked (SIGUSR1) what
  it is doing; if it is inside a search, that pattern is named in the verdict.
"""
from __future__ import annotations

import contextlib
import re
import signal
from typing import Iterator

from .library import Library

_UNITS = ["1", "a", " ", "1,", "1 ", "a ", "a,", ", ", ".", "-", "1.", "ab", "12 ", "a1", "\n", "1 a "]
_NUMBER = re.compile(r"\d[\d,.]*")


class Overtime(BaseException):
    """Raised inside a search by the timer; says which pattern was running, if known. Not an
    Exception, so that the readers' "one bad page must not lose the others" handlers let it by."""


def describe_patterns(library: Library) -> dict[int, str]:
    """id(compiled pattern) -> `kpi K's regex NAME (file:line)` for every pattern of the library."""
    names: dict[int, str] = {}
    for e in library.kpis.values():
        for kind, table in (("regex", e.regexes), ("follow_regex", e.follow_regexes)):
            for name, rx in table:
                names[id(rx)] = f"{kind} {name} of kpi {e.id} ({e.source}:{e.line})"
        for rx in e.exclude:
            names[id(rx)] = f"an exclude pattern of kpi {e.id} ({e.source}:{e.line})"
        for rx, _ in e.redirect:
            names[id(rx)] = f"a redirect pattern of kpi {e.id} ({e.source}:{e.line})"
    for s in library.subjects:
        names[id(s.regex)] = f"subject {s.name}"
    return names


def running_pattern(frame, names: dict[int, str]) -> str | None:
    """The library pattern being searched when a signal arrived in `frame`: a compiled pattern
    held by the innermost Python frame or its caller (the frames around the C search call)."""
    for _ in range(2):
        if frame is None:
            return None
        for value in list(frame.f_locals.values()):
            # the pattern itself, or a rule holding it (the regex matcher's `rule.rx`)
            for rx in (value, getattr(value, "rx", None), getattr(value, "regex", None)):
                if isinstance(rx, re.Pattern):
                    return names.get(id(rx)) or f"the pattern {rx.pattern[:60]!r}"
        frame = frame.f_back
    return None


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[bool]:
    """Raise Overtime in the block after `seconds`; yields False (no limit) off the main thread."""
    def alarm(signum, frame):
        raise Overtime()

    try:
        previous = signal.signal(signal.SIGALRM, alarm)
    except ValueError:
        yield False
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _texts(examples: list[str], n: int = 30) -> list[str]:
    texts = [u * n + "!" for u in _UNITS]
    for t in examples:
        for run in ("1" * n + "!", "1," * (n // 2) + "!", "1 " * (n // 2) + "!"):
            texts.append(_NUMBER.sub(run, t))
        texts.append(t + " " + "1" * n + "!")
        texts.append(re.sub(r"\s+", " " * n, t) + "!")
    return texts


def stress_check(library: Library, seconds: float = 1.0, sources: set[str] | None = None) -> list[str]:
    """`file:line: ...` for each regex of the library (of `sources` only, when given) that runs
    for more than `seconds` in all the provoking texts together."""
    problems: list[str] = []
    for e in library.kpis.values():
        if sources is not None and e.source not in sources:
            continue
        texts = _texts([ex.text for ex in e.examples])
        patterns = [(f"regex {n}", rx) for n, rx in e.regexes + e.follow_regexes] + \
                   [("an exclude pattern", rx) for rx in e.exclude] + [("a redirect pattern", rx) for rx, _ in e.redirect]
        for what, rx in patterns:
            try:
                with time_limit(seconds) as limited:
                    if not limited:
                        return problems
                    for t in texts:
                        rx.search(t)
            except Overtime:
                problems.append(f"{e.source}:{e.line}: {what} of kpi {e.id} ran for over {seconds:g}s on a test "
                                f"text (catastrophic backtracking: nested repetition such as (\\d+,?)+ or "
                                f"(\\w+\\s?)*): rewrite it so that each part can match in only one way")
    return problems
