"""Turn a page of normalised text into what the matchers read: text tables and sentences.

Extracted text keeps table rows as lines (`No of Children on Child 1301 851 988`) but loses
the cell borders, and it keeps prose as lines broken wherever the layout broke them. Tables are
found first, from a header line of periods (`Mar-15 Mar-16 Mar-17`); the remaining lines are
joined into paragraphs and cut into sentences, each remembering the lines it came from.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .model import Period
from .periods import calendar_year, find_mentions


@dataclass
class Sentence:
    text: str
    lines: list[int]  # page line index of each piece
    offsets: list[int]  # where each piece starts in `text`

    def line_at(self, offset: int) -> int:
        return self.lines[max(0, bisect.bisect_right(self.offsets, offset) - 1)]


@dataclass
class TableRow:
    label: str
    cells: list[str | None]  # None: "Not provided", "-", "n/a"
    lines: list[int]
    text: str  # the row as printed, for the snippet


@dataclass
class TextTable:
    header_line: int
    periods: list[Period]
    rows: list[TableRow] = field(default_factory=list)

    @property
    def lines(self) -> set[int]:
        used = {self.header_line}
        for r in self.rows:
            used.update(r.lines)
        return used


@dataclass
class PageLayout:
    number: int
    lines: list[str]
    tables: list[TextTable]
    sentences: list[Sentence]


# -- tables ---------------------------------------------------------------------------------

_EMPTY_CELL = re.compile(r"\b(?:not provided|not available|not applicable|no data|n/?a)\b|(?<!\S)[-*—](?!\S)", re.I)
_CELL = re.compile(r"^(?:£?\d{1,3}(?:,\d{3})+(?:\.\d+)?|£?\d+(?:\.\d+)?)%?$|^\u2205$")
_BARE_YEARS = re.compile(r"(?:(?:19|20)\d\d\s+){1,}(?:19|20)\d\d")


def header_periods(line: str) -> list[Period] | None:
    """The periods of a table header line (`Mar-15 Mar-16 Mar-17`, `2015/16 2016/17`), or None."""
    if len(re.findall(r"\d\d", line)) < 2:
        return None
    if _BARE_YEARS.fullmatch(line.strip()) or re.fullmatch(r"(?:[A-Za-z]+\s+){0,2}" + _BARE_YEARS.pattern, line.strip()):
        return [calendar_year(int(y)) for y in re.findall(r"(?:19|20)\d\d", line)]
    mentions = find_mentions(line)
    if len(mentions) < 2 or not all(m.absolute for m in mentions):
        return None
    rest = line
    for m in reversed(mentions):
        rest = rest[:m.start] + " " + rest[m.end:]
    if len(rest.split()) > 3 or re.search(r"\d", rest):
        return None
    periods = [m.period for m in mentions]
    if len({p.kind for p in periods}) != 1 or len({p.label for p in periods}) != len(periods):
        return None
    return periods  # type: ignore[return-value]


def split_row(line: str, n: int) -> tuple[str, list[str | None]] | None:
    """Split `label v1 v2 v3` into the label and the last `n` cells; None if it is not such a row."""
    marked = _EMPTY_CELL.sub(" \u2205 ", line)
    tokens = marked.split()
    cells: list[str | None] = []
    while tokens and _CELL.match(tokens[-1]) and len(cells) < n:
        tok = tokens.pop()
        cells.insert(0, None if tok == "\u2205" else tok)
    if len(cells) != n or (tokens and _CELL.match(tokens[-1])):
        return None
    return " ".join(tokens), cells


def find_tables(lines: list[str]) -> list[TextTable]:
    """Text tables: a period header line and the rows below it with one cell per period.

    A label that wraps is found on a line of its own, either after its row (pdfplumber) or
    before its cells (PDFium); both are joined back to the row.
    """
    tables = []
    i = 0
    while i < len(lines):
        periods = header_periods(lines[i])
        if not periods:
            i += 1
            continue
        table = TextTable(i, periods)
        pending: list[tuple[int, str]] = []
        j = i + 1
        while j < len(lines):
            line = lines[j]
            row = split_row(line, len(periods))
            if row is not None:
                label, cells = row
                used = [j]
                if pending and not label:
                    label = " ".join(t for _, t in pending)
                    used = [k for k, _ in pending] + used
                elif pending and table.rows:
                    prev = table.rows[-1]
                    prev.label = " ".join([prev.label] + [t for _, t in pending])
                    prev.lines.extend(k for k, _ in pending)
                elif pending:
                    label = " ".join([t for _, t in pending] + [label])
                    used = [k for k, _ in pending] + used
                pending = []
                table.rows.append(TableRow(label, cells, used, line))
            elif len(line) <= 60 and not re.search(r"\d", line) and len(pending) < 2 and line:
                pending.append((j, line))
            else:
                break
            j += 1
        if pending and table.rows and len(pending) == 1 and pending[0][1][:1].islower():
            table.rows[-1].label += " " + pending[0][1]
            table.rows[-1].lines.append(pending[0][0])
        if table.rows:
            tables.append(table)
            i = max(table.lines) + 1
        else:
            i += 1
    return tables


# -- sentences ------------------------------------------------------------------------------

_ABBREV = r"(?<!\bc\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bNo\.)(?<!\bno\.)(?<!\bapprox\.)(?<!\bApprox\.)(?<!\bSt\.)(?<!\bMr\.)(?<!\bDr\.)(?<!\bvs\.)(?<!\bMrs\.)(?<!\bref\.)"
_SENTENCE_END = re.compile(_ABBREV + r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9\u2022£])")
_BULLET = re.compile(r"^(?:\u2022|[-*]\s|\(?[ivx]{1,4}\)\s|\(?[a-z]\)\s|\d{1,2}(?:\.\d{1,2})*[.)]?\s+(?=[A-Z]))")
_NO_BREAK_END = re.compile(r"(?:[,;\-(&]|\b(?:and|or|of|the|to|a|an|in|on|for|with|by|from|at|which|that|was|were|is|are))$", re.I)


def _paragraph_break(prev: str, line: str, typical: int, in_bullet: bool) -> bool:
    """Does `line` start a new paragraph after `prev`? Lines that stop well short of the
    margin end a paragraph (or are headings) when the next line starts with a capital."""
    if not prev or not line:
        return True
    if _BULLET.match(line):
        return True
    starts_new = line[:1].isupper() or line[:1] in "\u2022£"
    if prev.endswith((".", "!", "?", ":", "]", ")")) and starts_new:
        return True
    if _NO_BREAK_END.search(prev) or not starts_new:
        return False
    return len(prev) < 0.75 * typical or in_bullet


def sentences(lines: list[str], skip: set[int] | None = None) -> list[Sentence]:
    """Join the page's lines into paragraphs and cut those into sentences."""
    skip = skip or set()
    kept = [(i, ln) for i, ln in enumerate(lines) if i not in skip]
    lengths = sorted(len(ln) for _, ln in kept if ln)
    typical = lengths[int(0.75 * (len(lengths) - 1))] if lengths else 80
    typical = max(typical, 40)

    paragraphs: list[list[tuple[int, str]]] = []
    prev_index, prev_text = -2, ""
    for i, ln in kept:
        if not ln:
            prev_index, prev_text = i, ""
            continue
        in_bullet = bool(paragraphs) and bool(_BULLET.match(paragraphs[-1][0][1]))
        if paragraphs and prev_index == i - 1 and not _paragraph_break(prev_text, ln, typical, in_bullet):
            paragraphs[-1].append((i, ln))
        else:
            paragraphs.append([(i, ln)])
        prev_index, prev_text = i, ln

    out: list[Sentence] = []
    for para in paragraphs:
        text, line_idx, offs = "", [], []
        for i, ln in para:
            if text:
                text += " "
            line_idx.append(i)
            offs.append(len(text))
            text += ln
        start = 0
        for m in list(_SENTENCE_END.finditer(text)) + [None]:
            end = m.start() + len(m.group().rstrip()) if m else len(text)
            cut_end = m.end() if m else len(text)
            piece = text[start:end].strip()
            if piece:
                lead = start + (len(text[start:end]) - len(text[start:end].lstrip()))
                pl, po = [], []
                bounds = offs[1:] + [len(text) + 1]
                for li, o, nxt in zip(line_idx, offs, bounds):
                    if o < end and nxt > lead:
                        pl.append(li)
                        po.append(max(0, o - lead))
                out.append(Sentence(piece, pl or [line_idx[0]], po or [0]))
            start = cut_end
    return out


def layout_page(number: int, text: str) -> PageLayout:
    lines = text.split("\n")
    tables = find_tables(lines)
    used: set[int] = set()
    for t in tables:
        used |= t.lines
    return PageLayout(number, lines, tables, sentences(lines, used))
