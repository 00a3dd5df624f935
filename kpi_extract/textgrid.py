"""Tables set out with spaces in a plain text page: where a monospaced text's columns are.

A text file (or a text layer that kept its spacing) sets a table out by padding its cells with
spaces, so that each column starts at the same character on every row. Collapsing those runs of
spaces, as prose wants, loses the columns: "England (31 March 2025)   70   70" glued to the next row's
label reads as "70 Children subject to a child protection plan". This module finds the blocks of
such rows, and the cells of each row with the character they start at, so that the page's tables can
be read from where their cells sit, as a PDF's are.
"""
from __future__ import annotations

import re

# a gap of two spaces or more between cells (not the two spaces some typists leave after a full stop
# or a colon)
_GAP = re.compile(r"(?<![.!?:;,])[ \t]{2,}(?=\S)")
# a cell that holds a figure, or marks an empty one
_FIGURE_CELL = re.compile(r"^[<>~(+-]?[£$]?\d|^(?:-|n/a|N/A)$")
_MAX_INSIDE = 2  # label-only lines a block may hold between two of its rows (a label wrapped over them)


def spaced_cells(line: str) -> list[tuple[int, str]] | None:
    """The cells of a row set out with spaces, each with the column it starts at ("Children in care
    (number)      390     405"), or None for a line that is no such row (prose, one cell, a pipe row)."""
    body = line.rstrip()
    start = len(body) - len(body.lstrip())
    if start >= len(body) or "|" in body:
        return None
    cells, pos = [], start
    for m in _GAP.finditer(body, start):
        cells.append((pos, body[pos:m.start()]))
        pos = m.end()
    cells.append((pos, body[pos:]))
    return cells if len(cells) >= 2 else None


def _has_figures(cells: list[tuple[int, str]] | None) -> bool:
    return cells is not None and any(_FIGURE_CELL.match(t) for _, t in cells[1:])


def _inside(between: list[str]) -> bool:
    """The lines between two rows keep them in one table: at most _MAX_INSIDE label-only lines, and
    single blank lines, as a table double-spaced in its text (a blank line after each row) has."""
    return sum(1 for ln in between if ln.strip()) <= _MAX_INSIDE and \
        not any(not a.strip() and not b.strip() for a, b in zip(between, between[1:]))


def _over_a_blank(cells: list[tuple[int, str]]) -> bool:
    """A header over a blank line, over its rows: the columns' heads alone, set in from the label column
    ("                    St Helens        Knowsley")."""
    return cells[0][0] >= 10 and not _has_figures([(0, "")] + cells)


def _heads_over_a_blank(block: list[int], cells: list) -> bool:
    """A header of one to four lines of heads alone, its first set in from the label column, over a blank
    line over its rows ("                 Full Year   Forecast" over "Directorate   Budget   Outturn")."""
    return len(block) <= 4 and _over_a_blank(cells[block[0]]) and not any(_has_figures(cells[k]) for k in block[1:])


def spaced_blocks(lines: list[str]) -> list[range]:
    """The spans of lines that are tables set out with spaces: two rows of cells at least, two of them
    with a figure after their first cell, and at most two label-only lines between one row and the
    next (a wrapped label, a rule of dashes)."""
    cells = [spaced_cells(ln) for ln in lines]
    blocks: list[list[int]] = []
    double: set[int] = set()  # the blocks set out with a blank line after each row, from their first
    for i, row in enumerate(cells):
        if row is None:
            continue
        between = lines[blocks[-1][-1] + 1:i] if blocks else []
        if blocks and all(ln.strip() for ln in between) and len(between) <= _MAX_INSIDE:
            blocks[-1].append(i)
        elif blocks and (len(blocks) - 1 in double or (between == [""] and _heads_over_a_blank(blocks[-1], cells))) \
                and _inside(between) and _has_figures(row):
            # (a row of no figures after a blank line heads another table: "Expenditure   Budget   Actual")
            double.add(len(blocks) - 1)
            blocks[-1].append(i)
        else:
            blocks.append([i])
    return [range(b[0], b[-1] + 1) for b in blocks
            if len(b) >= 2 and sum(_has_figures(cells[i]) for i in b) >= 2]


def spaced_rows(lines: list[str]) -> set[int]:
    """Every line inside a table set out with spaces."""
    return {i for span in spaced_blocks(lines) for i in span}
