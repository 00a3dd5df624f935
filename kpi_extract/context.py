"""What a document says about when its figures are from, outside the sentences themselves.

An agenda pack reprints reports: "Subject: ... Annual Report 2016/17" starts one, a heading
"2017/18 at a glance" governs a page, the front page gives the meeting date, an Ofsted report
its inspection dates. A figure whose sentence names no period takes the nearest of these,
in the order of spec/kpis.md: heading, then title, then meeting date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .docarea import document_area
from .model import Period
from .periods import as_at, find_mentions, month, single_period

_REPORT_START = re.compile(r"^(?:subject|title|report title|report of|report to)\s*:", re.I)
# a report of a year; a plan names the year it looks ahead to, so it does not date the figures
# of the report that mentions it ("Looking Ahead - Business and Improvement Plan 2017/18")
_TITLE_WORDS = re.compile(
    r"\b(?:annual|performance|quarterly|monthly|progress|monitoring|training|end of year|year end|accountability|"
    r"yearly|safeguarding|partnership|board) (?:report|review|scorecard)\b|\breport\s+(?:for\s+)?(?:19|20)\d\d|"
    r"\bat a glance\b|\byear in numbers\b|\bannual conversation\b|\bscorecard\b|\bbudget monitoring\b", re.I)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+"
_EVENT = re.compile(r"\b(?:inspection dates?|dates? of inspection|date of visit|visit dates?)\s*:?\s*(.{0,60})", re.I)
_MEETING = re.compile(rf"(?:\b(?:date|meeting date|date of meeting)\s*:?\s*|^{_WEEKDAY}|\b{_WEEKDAY})(.{{0,40}})", re.I)


@dataclass
class DocumentContext:
    """Periods that govern a document's sentences, by page and line."""

    titles: list[tuple[int, int, Period | None]] = field(default_factory=list)  # (page, line, period)
    headings: list[tuple[int, int, Period]] = field(default_factory=list)
    meeting: Period | None = None
    event: Period | None = None
    area: str = ""  # the council or partnership whose figures these are (docarea.py)
    area_code: str = ""  # its ONS code when it is one UK local authority

    def governing(self, page: int, line: int) -> tuple[Period | None, str]:
        """The heading above (page, line) on the same page, else the last title, else the meeting date."""
        heads = [p for pg, ln, p in self.headings if pg == page and ln < line]
        if heads:
            return heads[-1], "heading"
        titles = [p for pg, ln, p in self.titles if (pg, ln) < (page, line)]
        if titles and titles[-1] is not None:
            return titles[-1], "title"
        if self.meeting is not None:
            return self.meeting, "meeting_date"
        return None, ""


def _looks_like_title(line: str) -> bool:
    """A line that could head a document: short, no sentence punctuation inside it."""
    return (0 < len(line) <= 90 and len(line.split()) <= 14 and not line.endswith((".", ",", ";"))
            and not re.search(r"[.;] ", line) and (line[0].isupper() or line[0].isdigit()))


def _period_at_an_end(line: str) -> bool:
    """A title names its period first or last ("Annual Report 2017/18", "2017/18 at a glance"),
    not in the middle of a phrase ("Report for 2020/21 providing evidence of impact")."""
    found = [m for m in find_mentions(line) if m.absolute]
    if not found:
        return False
    return len(line[found[-1].end:].split()) <= 3


def _is_heading(line: str, prev: str) -> bool:
    if not line or len(line) > 70 or len(line.split()) > 10 or line.endswith((".", ",", ";")):
        return False
    mentions = find_mentions(line)
    if len(mentions) == 1 and not re.sub(r"[\W_]+", "", line[:mentions[0].start] + line[mentions[0].end:]):
        return False  # a bare date is a dateline ("28th April 2022"), not a section's period
    if not (line[0].isupper() or line[0].isdigit()) or line.startswith("\u2022"):
        return False
    return not prev or prev.endswith((".", ":", "!", "?")) or len(prev) < 50


def _first_date(text: str) -> Period | None:
    for m in find_mentions(text):
        if m.absolute and m.period.kind == "as_at":
            return m.period
    return None


# a line that says when and to whom a paper was presented dates the paper, not a section of it
_DATELINE = re.compile(r"\b(?:presented|submitted|reported|circulated|published|prepared|considered)\b|"
                       r"\breport (?:to|of|from|by)\b|\b(?:date|meeting|committee|cabinet|executive|council|board|"
                       r"panel|forum|assembly|sub-committee)\b[^.]*\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+(?:19|20)\d\d\b",
                       re.I)


def build_context(pages: list[str], path: str = "", models: list | None = None,
                  raw_pages: list[str] | None = None) -> DocumentContext:
    """Scan a document's normalised pages once for titles, headings and dates.

    Where a page has model lines (`models[page]`, one per text line), a title or heading must be
    set as one (larger or bolder than the body): a line of body text that happens to begin
    "Annual Report 2019/20" dates nothing. A dateline is never a heading. The area is read from
    `raw_pages` (running headers kept) when given."""
    area, code = document_area(raw_pages if raw_pages is not None else pages, path)
    ctx = DocumentContext(area=area, area_code=code)
    front = "\n".join(pages[:2])
    ev = _EVENT.search(front)
    if ev:
        d = _first_date(re.sub(r"(\d{1,2})\s*(?:-|to)\s*\d{1,2}(\s+[A-Za-z]+)", r"\1\2", ev.group(1)))
        if d is not None and d.start is not None:
            ctx.event = month(d.start.year, d.start.month)
    for line in (pages[0].split("\n")[:40] if pages else []):
        mt = _MEETING.search(line)
        if mt and (d := _first_date(mt.group(1))):
            ctx.meeting = d
            break
    if ctx.meeting is None and path:
        ctx.meeting = _first_date(Path(path).stem)
    if ctx.meeting is None and ctx.event is not None and ctx.event.end is not None:
        ctx.meeting = as_at(ctx.event.end)

    for number, text in enumerate(pages, start=1):
        lines = text.split("\n")
        typed = models[number - 1] if models and number - 1 < len(models) else None
        if typed is not None and len(typed) != len(lines):
            typed = None
        alone: set[int] = set()
        if typed:
            from .geometry import starts_of_blocks
            starts = sorted(starts_of_blocks(typed) | {0})
            width = max(ln.x1 for ln in typed) - min(ln.x0 for ln in typed)
            for a, b in zip(starts, starts[1:] + [len(typed)]):
                block = range(a, b)
                if len(block) == 1 or (len(block) <= 3 and all(typed[j].x1 - typed[j].x0 < 0.6 * width for j in block)):
                    alone.update(block)
        for i, line in enumerate(lines):
            prev = lines[i - 1] if i else ""
            # set as a heading, or a short block of its own: never a line inside a paragraph
            if typed is not None and not typed[i].heading and not _REPORT_START.match(line) and i not in alone:
                continue
            if typed is not None and _DATELINE.search(line):
                continue
            if _REPORT_START.match(line):
                ctx.titles.append((number, i, single_period(line)))
            elif _TITLE_WORDS.search(line) and _looks_like_title(line) and not find_mentions(line) \
                    and i + 1 < len(lines) and _looks_like_title(lines[i + 1]) and len(lines[i + 1]) <= 60 \
                    and not _DATELINE.search(lines[i + 1]) \
                    and (p := single_period(lines[i + 1])) is not None:
                # a title over two lines: "Children's Services Performance Report" / "Quarter 4 2019/20"
                ctx.titles.append((number, i + 1, p))
            elif _TITLE_WORDS.search(line) and _looks_like_title(line) and _period_at_an_end(line) \
                    and (p := single_period(line)) is not None \
                    and p.kind in ("financial_year", "academic_year", "calendar_year", "quarter", "month"):
                ctx.titles.append((number, i, p))
            elif _is_heading(line, "" if typed is not None and typed[i].heading else prev) \
                    and (p := single_period(line)) is not None:
                ctx.headings.append((number, i, p))
    return ctx
