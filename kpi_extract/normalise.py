"""Undo what PDF text extraction does to committee papers, before any pattern sees the text.

Real packs give ligature characters, glyphs without a Unicode mapping, numbers broken by a
space or a line end (`£918, 687`, `3,\\n452`), words hyphenated over line ends, and running
headers, footers and page numbers in the middle of the prose (spec/kpis.md). Patterns are
written against the repaired text, which `kpi-extract text` prints.
"""
from __future__ import annotations

import re
from collections import Counter

from .periods import find_mentions, without_mentions
from .textgrid import spaced_cells, spaced_rows

# explicit map, not NFKC: NFKC would also turn "1½" into "11/2" (pitfalls.md)
LIGATURES = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st", "\u0132": "IJ", "\u0133": "ij", "\u0152": "OE", "\u0153": "oe",
}
CHARACTERS = {
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u200b": "", "\u00ad": "",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u25aa": "\u2022", "\u25cf": "\u2022", "\u25a0": "\u2022", "\u25e6": "\u2022", "\u2023": "\u2022",
    "\u2043": "\u2022", "\u2026": "...",
}
_REPLACEMENTS = {**LIGATURES, **CHARACTERS}
# the characters to replace, found by one scan in C: `str.translate` with a dict looks up every
# character of the page in Python's dict, ten times slower on pages with a few quotes to mend
_REPLACEABLE = re.compile("[" + "".join(re.escape(c) for c in _REPLACEMENTS) + "]")


def _translate(text: str) -> str:
    return _REPLACEABLE.sub(lambda m: _REPLACEMENTS[m.group()], text)

_CID = re.compile(r"\(cid:\d+\)")
_SOFT_HYPHEN_EOL = re.compile(r"\ufffe\s*\n\s*")
# a letter, a hyphen at the line end, then a lower-case letter: one word broken by layout
_HYPHEN_EOL = re.compile(r"(?<=[A-Za-z])-[ \t]*\n[ \t]*(?=[a-z])")
# "£918, 687" and "3,\n452": a thousands group pushed away from its number
_BROKEN_THOUSANDS = re.compile(r"(?<![\d,./\-])(£?\d{1,3}(?:,\d{3})*),(?:[ \t]*\n[ \t]*|[ \t])(\d{3})(?!\d|,\d|\.\d)")
# a number that names a part, not a count: "During quarter 1, 240 children ...", "In phase 2, 310 families ..."
_NAMED_BY_NUMBER = re.compile(r"\b(?:quarter|qtr|Q|year|phase|stage|priority|tier|level|step|page|section|paragraph|para|"
                              r"appendix|table|figure|item|week|month|day|chapter|part|wave|round|cohort)\s*$", re.I)


def _join_thousands(m: re.Match) -> str:
    """`£918, 687` -> `£918,687`, unless the first number names a part ("quarter 1, 240 children")."""
    if "," not in m.group(1) and _NAMED_BY_NUMBER.search(m.string, max(0, m.start() - 12), m.start()):
        return m.group(0)
    return f"{m.group(1)},{m.group(2)}"


# what every broken group holds, as a pattern `re` can scan for quickly (no leading look-behind)
_BROKEN_HINT = re.compile(r"\d,(?:[ \t]*\n[ \t]*|[ \t])\d{3}")
# "£ 23 m" -> "£23m"; "£1.8 billion" stays (a word scale)
_MONEY_GAP = re.compile(r"£[ \t]+(?=\d)")
_SCALE_GAP = re.compile(r"(£\d+(?:\.\d+)?)[ \t]+(m|bn|k)\b")
# OCR of "£" as "E" in front of a thousands-separated figure: E104,500
_OCR_POUND = re.compile(r"E(?<![A-Za-z0-9]E)(?=\d{1,3},\d{3}\b)")
# a lost "ti" ligature (contribu\ufffdons) and a "tt" ligature mapped to J (aJended), inside a word
# (each starts with its literal: `re` scans for a leading literal fast, a leading look-behind is
# tried at every position)
_LOST_TI = re.compile(r"\ufffd(?<=[a-z]\ufffd)(?=[a-z])")
_TT_AS_J = re.compile(r"J(?<=[a-z]J)(?=[a-z])")
_OF_NUMBER = re.compile(r"\bof\s+\d")
_PAGE_LABEL = re.compile(r"\bPage\s+\d{1,4}(?:\s+of\s+\d{1,4})?\b", re.IGNORECASE)
_BULLET_CID = re.compile(r"^\s*\(cid:\d+\)\s*", re.MULTILINE)
# symbol-font glyphs (Wingdings, Symbol) land in the private use area: bullets at a line start
_PUA_BULLET = re.compile(r"^[ \t]*[\ue000-\uf8ff][ \t]*", re.MULTILINE)
_PUA = re.compile(r"[\ue000-\uf8ff]")


def repair_characters(text: str) -> str:
    """The repairs of single characters: ligatures, quotes, unmapped glyphs, lost `ti`/`tt`."""
    text = _translate(text.replace("\ufffe", ""))
    text = _BULLET_CID.sub("\u2022 ", text)
    text = _PUA_BULLET.sub("\u2022 ", text)
    text = _PUA.sub(" ", text)
    text = _CID.sub("\ufffd", text)
    text = _LOST_TI.sub("ti", text)
    return _TT_AS_J.sub("tt", text)


def repair_numbers(text: str) -> str:
    """Numbers broken by the layout inside one line: `£918, 687`, `£ 23 m`, `E104,500`."""
    if _BROKEN_HINT.search(text):
        text = _BROKEN_THOUSANDS.sub(_join_thousands, text)
    text = _OCR_POUND.sub("£", text)
    text = _MONEY_GAP.sub("£", text)
    return _SCALE_GAP.sub(r"\1\2", text)


def normalise_lines(lines: list[str]) -> list[str]:
    """The repairs that stay inside one line, characters and numbers (`£918, 687`, `£ 23 m`), for
    each of a page model's lines, in one pass over the page (a NUL keeps lines apart). The repairs
    across line ends (hyphenation, `3,\\n452`) are made when lines are joined into sentences."""
    joined = repair_numbers(repair_characters("\x00".join(" ".join(ln.split()) for ln in lines)))
    return [" ".join(t.split()) for t in joined.split("\x00")]


def normalise_text(text: str) -> str:
    """Repair one page's extracted text: characters, ligatures, hyphenation, broken numbers."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SOFT_HYPHEN_EOL.sub("", text)
    text = _translate(text)
    text = _BULLET_CID.sub("\u2022 ", text)  # unmapped bullet glyphs at a line start
    text = _PUA_BULLET.sub("\u2022 ", text)
    text = _PUA.sub(" ", text)
    text = _CID.sub("\ufffd", text)  # any other unmapped glyph: keep a marker, count it
    text = _LOST_TI.sub("ti", text)
    text = _TT_AS_J.sub("tt", text)
    text = _HYPHEN_EOL.sub("", text)
    text = repair_numbers(text)
    # (a table set out with spaces keeps its spacing: its columns are where its cells start)
    raw = text.split("\n")
    if "...." in text:
        raw = dot_leaders(raw)
    if "   " in text:
        raw = figure_grids(raw)
    if "  " in text or "|" in text:
        raw = field_rows(label_strips(raw))
    kept = spaced_rows(raw)
    lines = [raw[i].expandtabs(4).rstrip() if i in kept else collapse(raw[i]) for i in range(len(raw))]
    return "\n".join(lines).strip("\n")


# a figure row of an infographic grid ("826     412     2,903"): figures alone, set apart by spaces (no years)
_GRID_FIGURE = re.compile(r"^[<>~]?£?\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:%|[km]|bn)?$|^[<>~]?£?\d+(?:\.\d+)?(?:%|[km]|bn)?$")
_GRID_YEAR = re.compile(r"^(?:19|20)\d\d$")
_DIGIT_BRACKET = re.compile(r"\s*\([^()]*\d[^()]*\)")
_GRID_CLAUSE = re.compile(r"\b(?:attended|attending|became|received|trained|took part|completed|joined|were|was)\b", re.I)
_TWO_SPACED_FIGURES = re.compile(r"\d\S*[ \t]{2,}\S*\d")  # (cheap: most lines are not rows of figures)


def _grid_figures(line: str) -> list[tuple[int, str]] | None:
    if not _TWO_SPACED_FIGURES.search(line):
        return None
    cells = spaced_cells(line)
    if not cells or len(cells) < 2 or not all(_GRID_FIGURE.match(t) and not _GRID_YEAR.match(t) for _, t in cells):
        return None
    return cells


def figure_grids(lines: list[str]) -> list[str]:
    """An infographic's grid, a row of figures set apart by spaces with each one's label in the lines
    under it ("826     412" over "Children in care     Children subject to" over "...  a child
    protection plan"), becomes one line of "label: figure." sentences, each label read down its column
    (a bracket with a figure in it, "(target 55.0)", after the figure it qualifies); the label lines are
    left blank, so that the page keeps its lines. A row of figures whose next line holds figures too, or
    runs on into prose, is a table's or a paragraph's, and is left as it is."""
    out = list(lines)
    i = 0
    while i < len(lines):
        figures = _grid_figures(lines[i])
        if figures is None:
            i += 1
            continue
        j = i + 1
        # (a label line holds no cell that is a figure: not a row of figures, nor a table's row)
        while j < len(lines) and j - i <= 5 and lines[j].strip() \
                and not any(_GRID_FIGURE.match(t) for _, t in spaced_cells(lines[j]) or []):
            j += 1
        if j == i + 1 or (j < len(lines) and lines[j].strip() and _grid_figures(lines[j]) is None):
            i = j
            continue
        centres = [at + len(t) / 2 for at, t in figures]
        labels: list[list[str]] = [[] for _ in figures]
        for k in range(i + 1, j):
            row = lines[k].expandtabs(4)
            cells = spaced_cells(row) or [(len(row) - len(row.lstrip()), row.strip())]
            for at, t in cells:
                mid = at + len(t) / 2
                labels[min(range(len(centres)), key=lambda c: abs(centres[c] - mid))].append(t.strip())
        if not all(labels):
            i = j
            continue
        said = []
        for (_, value), words in zip(figures, labels):
            label = " ".join(words)
            brackets = " ".join(b.strip() for b in _DIGIT_BRACKET.findall(label))
            label = " ".join(_DIGIT_BRACKET.sub("", label).split())
            if _GRID_CLAUSE.search(label):  # a clause is said of the figure: "2,906 practitioners attended our courses."
                said.append(f"{value} {label}" + (f" {brackets}" if brackets else "") + ".")
                continue
            label = label[:1].upper() + label[1:]  # (a sentence of its own: "figures ... 148. practitioners" runs on)
            said.append(f"{label}: {value}" + (f" {brackets}" if brackets else "") + ".")
        out[i] = " ".join(said)
        for k in range(i + 1, j):
            out[k] = ""
        i = j
    return out


def _strip_cells(line: str) -> list[tuple[int, str]] | None:
    """A line's cells with the column each starts at: set out with spaces, or with pipes (read as wide gaps, so
    that only their order counts)."""
    if "|" in line:
        line = _PIPE_GAP.sub("   ", line.strip().strip("|"))
    return spaced_cells(line.expandtabs(4))


_PIPE_GAP = re.compile(r"\s*\|\s*")
_DIGIT = re.compile(r"\d")


def _figures_alone(cells: list[tuple[int, str]] | None) -> bool:
    return bool(cells) and all(_GRID_FIGURE.match(t) and not _GRID_YEAR.match(t) for _, t in cells)  # type: ignore[union-attr]


def label_strips(lines: list[str]) -> list[str]:
    """A strip of headline figures, a line of names over a line of their figures, one under each and
    nothing else under them ("Courses    Delegates    Places offered" over "42    988    1,120", or set out with
    pipes), becomes one line of "name: figure." sentences, as an infographic's grid with its labels under the
    figures does (`figure_grids`); the names' line is left blank. A name with a digit or a date (a period's
    column: "Q1  Q2") makes no strip, nor do rows of figures under one line of names (a table's)."""
    out = list(lines)
    for i in range(1, len(lines)):
        if not _DIGIT.search(lines[i]):
            continue  # (cheap: most lines hold no figure)
        figures = _strip_cells(lines[i])
        if not figures or len(figures) < 2 or not _figures_alone(figures) \
                or any(re.fullmatch(r"£?0{3}", t) for _, t in figures):
            continue  # (a header's units, "£000   £000", are no figures)
        names = _strip_cells(lines[i - 1])
        if not names or len(names) != len(figures) \
                or any(re.search(r"\d", t) or find_mentions(t) or _PERIOD_NAME.fullmatch(t) for _, t in names):
            continue
        if (i + 1 < len(lines) and _figures_alone(_strip_cells(lines[i + 1]))) \
                or (i >= 2 and _figures_alone(_strip_cells(lines[i - 2]))):
            continue  # (rows of figures under one line of names: a table's rows, each saying nothing of itself)
        # each name over its own figure: the one whose middle is nearest it (set out with pipes, its cell in turn)
        mids = [at + len(t) / 2 for at, t in figures]
        if "|" not in lines[i] and any(min(range(len(mids)), key=lambda c: abs(mids[c] - (at + len(t) / 2))) != k
               for k, (at, t) in enumerate(names)):
            continue
        # (the caption over the names may name the strip's period, which its sentences then say: "Table 4: Training
        # delivered in Q3 (October to December 2024)" over "Courses run" over "41" is "Courses run (Q3 (October to
        # December 2024)): 41.")
        when = _caption_period(lines[i - 2]) if i >= 2 else ""
        out[i] = " ".join(f"{name[:1].upper()}{name[1:]}{f' ({when})' if when else ''}: {value}."
                          for (_, name), (_, value) in zip(names, figures))
        out[i - 1] = ""
    return out


# a field of a form-like line: a name, its colon, its figure ("Courses run: 38")
_FIELD = re.compile(r"(?P<name>[A-Za-z][A-Za-z'’&/ -]{0,40}?)\s*:\s*(?P<figure>[<>~]?£?\d[\d,]*(?:\.\d+)?(?:%|[km]|bn)?)")


def field_rows(lines: list[str]) -> list[str]:
    """A line of two or more fields, each a name, its colon and its figure, set apart by wide gaps or pipes
    ("Courses run: 38   Delegates: 806   Places offered: 912"), becomes one "name: figure." sentence each: run
    together, each figure would sit before the next field's name ("38 Delegates"). A name that is a period or
    part of one ("Q1: 38   Q2: 41") makes no such line: its figures are a row's."""
    out = list(lines)
    for i, line in enumerate(lines):
        if ":" not in line or not _DIGIT.search(line):
            continue
        cells = _strip_cells(line)
        if not cells or len(cells) < 2:
            continue
        fields = [_FIELD.fullmatch(t) for _, t in cells]
        if all(fields) and not any(find_mentions(f.group("name")) or _PERIOD_NAME.fullmatch(f.group("name").strip())
                                   for f in fields):  # type: ignore[union-attr]
            out[i] = " ".join(f"{f.group('name').strip()}: {f.group('figure')}." for f in fields)  # type: ignore[union-attr]
    return out


# a column's name that is a period or a part of one ("Sep", "Q3", "YTD"): a row of periods' figures, no strip
_PERIOD_NAME = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|q(?:tr)?\s*[1-4]|quarter\s*[1-4]|"
                          r"h[12]|ytd|year to date|(?:this|last|previous|prior|current) (?:year|quarter|month)|latest|"
                          r"previous|prior|target|baseline|outturn|forecast|england|national|region(?:al)?|"
                          r"(?:statistical )?neighbours|sn", re.I)
# a caption's number before its words: "Table 4:", "Figure 5 -"
_CAPTION_NUMBER = re.compile(r"^\s*(?:table|figure|chart|graph)\s+\d+[a-z]?\s*[:.\-\u2013]?\s*", re.I)


def _caption_period(line: str) -> str:
    """The words of the one period a caption line names ("Table 6. Training delivered in the second quarter of
    2025/26": "second quarter of 2025/26"), when the line is a caption: no sentence, no figure of its own."""
    text = _CAPTION_NUMBER.sub("", line.strip())
    if not text or text.endswith((".", ";", ",")) or "|" in text:
        return ""
    found = find_mentions(text)
    mentions = [m for m in found if m.absolute]
    if not mentions or len({m.period for m in mentions}) != 1 or re.search(r"\d", without_mentions(text, found)):
        return ""
    # (with the kind of year said before it: "academic year 2023/24")
    kind = _KIND_OF_YEAR.search(text[:mentions[0].start])
    return text[kind.start() if kind else mentions[0].start:mentions[-1].end]


_KIND_OF_YEAR = re.compile(r"\b(?:academic|financial|calendar|school)\s+year\s*$", re.I)


# a label, a leader of dots and a figure: "Under 1 ...................... 21"
_DOT_LEADER = re.compile(r"^([ \t]*\S.*?)[ \t]?\.{4,}[ \t]*(£?\d[\d,.]*(?:%|m|k|bn)?)[ \t]*$")
# a figure no list of contents has for a page: money, a share, a unit ("£51.3m", "37%")
_NO_PAGE = re.compile(r"^£|[%mkn]$")


def _leader_value(figure: str) -> float:
    try:
        return float(figure.strip("£%mkbn").replace(",", "").strip(".") or 0)
    except ValueError:  # ("1.2.3": a paragraph's number, no figure)
        return 0.0


def dot_leaders(lines: list[str]) -> list[str]:
    """Rows set out with leader dots become rows of cells ("Under 1 | 21"), as a table's are; not a
    list of contents, whose figures (its pages) only ever go up."""
    out = list(lines)
    led = [_DOT_LEADER.match(ln) for ln in lines]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and led[j]:
            j += 1
        if j == i:
            i += 1
            continue
        rows = [m for m in led[i:j] if m]
        values = [_leader_value(m.group(2)) for m in rows]
        if (len(rows) >= 2 and any(b <= a for a, b in zip(values, values[1:]))) \
                or all(_NO_PAGE.search(m.group(2)) for m in rows):
            out[i:j] = [f"{m.group(1).rstrip()} | {m.group(2)}" for m in rows]
        i = j
    return out


def collapse(line: str) -> str:
    """A line with its runs of spaces made one, as prose is read."""
    return re.sub(r"[ \t]+", " ", line).strip()


def damage_count(text: str) -> int:
    """Glyphs the PDF could not map to text (U+FFFD): a page-quality signal."""
    return text.count("\ufffd")


_PAGE_NUMBER_LINE = re.compile(r"Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|\d{1,4}\s+of\s+\d{1,4}", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_SHORT_NUMBER = re.compile(r"\d{1,4}")


def _is_page_number_line(line: str) -> bool:
    """"Page 4", "Page 4 of 9", "4 of 9": never a bare number, which may be a figure (a line
    that starts with neither a p nor a digit is none, seen without trying the pattern)."""
    return bool(line) and (line[0] in "pP" or line[0].isdigit()) and _PAGE_NUMBER_LINE.fullmatch(line) is not None


def running_lines(split: list[list[str]]) -> list[set[int]]:
    """For each page's lines, the indices of running headers/footers and page numbers, which
    repeat from page to page.

    A line counts as running when it is among the first or last three lines of at least three
    pages and of at least half of them (digits ignored, so "Page 4 of 9" and "Page 5 of 9" are the
    same line). Bare page numbers are removed when their offset from the page index is the
    same on several pages, so that a lone figure in an infographic is kept.
    """
    def edges(lines: list[str]) -> list[int]:
        n = len(lines)
        return sorted({i for i in (0, 1, 2, n - 3, n - 2, n - 1) if 0 <= i < n})

    def key(line: str) -> str:
        return _DIGITS.sub("#", line.strip().lower())

    counts: Counter[str] = Counter()
    for lines in split:
        counts.update({key(lines[i]) for i in edges(lines) if lines[i].strip()})
    need = max(3, (len(split) + 1) // 2)
    running = {k for k, c in counts.items() if c >= need and len(k) > 2}

    offsets: Counter[int] = Counter()
    for number, lines in enumerate(split, start=1):
        for i in edges(lines):
            if _SHORT_NUMBER.fullmatch(lines[i].strip()):
                offsets[int(lines[i]) - number] += 1
    page_offsets = {off for off, c in offsets.items() if c >= 3}

    out = []
    for number, lines in enumerate(split, start=1):
        drop = set()
        for i in edges(lines):
            s = lines[i].strip()
            if key(s) in running or (_SHORT_NUMBER.fullmatch(s) and int(s) - number in page_offsets):
                drop.add(i)
        drop |= {i for i, line in enumerate(lines) if _is_page_number_line(line.strip())}
        out.append(drop)
    return out


def strip_page_label(line: str) -> str:
    """"Page 48 of 180" printed inside a line of a reprinted report."""
    if "of" not in line:  # (both tests below need it: most lines are seen here)
        return line
    return _PAGE_LABEL.sub("", line).strip() if _PAGE_LABEL.search(line) and _OF_NUMBER.search(line) else line


def strip_running_lines(pages: list[str]) -> list[str]:
    """Remove running headers/footers and page numbers (see `running_lines`)."""
    split = [p.split("\n") for p in pages]
    drops = running_lines(split)
    return ["\n".join(strip_page_label(line) for i, line in enumerate(lines) if i not in drop)
            for lines, drop in zip(split, drops)]


def normalise_pages(pages: list[str]) -> list[str]:
    """Normalise every page, then drop what runs from page to page."""
    return strip_running_lines([normalise_text(p) for p in pages])
