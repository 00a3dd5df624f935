"""A page as it is laid out: text runs with their boxes and type, gathered into lines.

Plain text loses what a reader of a council paper sees at a glance: which words sit in one table
cell, which line is a heading (larger or bolder than the body), where one block of text ends and
the next begins. PDFium gives text runs (the pieces of text drawn together) with their boxes in
bulk; this module keeps them as plain data that the cache can store as JSON, and groups them into
lines. Coordinates are in points from the page's top-left corner.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Run:
    """A piece of text drawn together (usually a word group, a table cell, or a whole line).
    Never changed once made; slotted rather than frozen, because a frozen dataclass sets each
    field through `object.__setattr__`, and every page makes thousands of runs."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # type size in points
    bold: bool

    def to_json(self) -> list:
        """Lengths in tenths of a point, as integers: readers round to a tenth when they make a
        run, and JSON writes and reads an integer several times faster than a float."""
        return [self.text, round(self.x0 * 10), round(self.top * 10), round(self.x1 * 10), round(self.bottom * 10),
                round(self.size * 10), int(self.bold)]

    @classmethod
    def from_json(cls, row: list) -> "Run":
        text, x0, top, x1, bottom, size, bold = row
        return cls(str(text), x0 / 10, top / 10, x1 / 10, bottom / 10, size / 10, bool(bold))


@dataclass(slots=True)
class Line:
    """Runs that share a baseline band, left to right. Its extent and type are computed once
    (the runs of a line do not change after `group_lines`)."""

    runs: list[Run]
    text: str = ""
    heading: bool = False  # set by `mark_headings`
    block: int = 0  # set by `mark_blocks`: lines of one block may form one paragraph
    x0: float = field(init=False)
    x1: float = field(init=False)
    top: float = field(init=False)
    bottom: float = field(init=False)
    size: float = field(init=False)  # the largest type on the line
    bold: bool = field(init=False)  # every run with letters is bold

    def __post_init__(self) -> None:
        first = self.runs[0]
        x0, x1, top, bottom, size = first.x0, first.x1, first.top, first.bottom, first.size
        lettered = bold = False
        for r in self.runs:  # one pass, comparisons not calls: every page model builds thousands of lines
            if r.x0 < x0:
                x0 = r.x0
            if r.x1 > x1:
                x1 = r.x1
            if r.top < top:
                top = r.top
            if r.bottom > bottom:
                bottom = r.bottom
            if r.size > size:
                size = r.size
            if any(map(str.isalpha, r.text)):
                bold = r.bold if not lettered else bold and r.bold
                lettered = True
        self.x0, self.x1, self.top, self.bottom, self.size = x0, x1, top, bottom, size
        self.bold = lettered and bold


@dataclass
class PageModel:
    width: float
    height: float
    runs: list[Run] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"w": round(self.width * 10), "h": round(self.height * 10), "runs": [r.to_json() for r in self.runs]}

    @classmethod
    def from_json(cls, data: dict) -> "PageModel":
        return cls(data["w"] / 10, data["h"] / 10, [Run.from_json(r) for r in data["runs"]])


def group_lines(runs: list[Run]) -> list[Line]:
    """Runs into lines: a run joins the line whose vertical band its middle falls in.

    Runs are taken top to bottom; a run belongs to a line when its vertical middle lies inside
    the line's band (so a superscript or a cell set a point lower stays on its row, while the
    second line of a wrapped cell, a whole line lower, does not)."""
    lines: list[list[Run]] = []
    bands: list[tuple[float, float]] = []
    for run in sorted(runs, key=lambda r: (round(r.top, 0), r.x0)):
        mid = (run.top + run.bottom) / 2
        for k in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            top, bottom = bands[k]
            if top <= mid <= bottom:
                lines[k].append(run)
                bands[k] = (min(top, run.top), max(bottom, run.bottom)) if run.size <= 1.5 * lines[k][0].size \
                    else bands[k]
                break
        else:
            lines.append([run])
            bands.append((run.top, run.bottom))
    out = []
    for runs_ in lines:
        if len(runs_) > 1:  # (most lines of a page are one run)
            runs_.sort(key=lambda r: r.x0)
            runs_ = _without_overprint(runs_)
        out.append(Line(runs_, join_runs(runs_)))
    out.sort(key=lambda ln: (ln.top, ln.x0))
    return out


def _without_overprint(runs: list[Run]) -> list[Run]:
    """Runs that overlap the run before them and repeat its last characters (a PDF that draws
    "2017, " and then "17, 543 children" over it) lose the repeated part."""
    out: list[Run] = []
    for r in runs:
        prev = out[-1] if out else None
        if prev is not None and r.x0 < prev.x1 - 1 and r.top < prev.bottom and prev.top < r.bottom:
            tail, head = prev.text.rstrip(), r.text.lstrip()
            k = next((k for k in range(min(len(tail), len(head)), 0, -1) if tail.endswith(head[:k])), 0)
            if k:
                rest = head[k:]
                if not rest.strip():
                    continue
                r = Run((" " if rest[:1].isspace() else "") + rest.strip() + (" " if r.text[-1:].isspace() else ""),
                        prev.x1, r.top, r.x1, r.bottom, r.size, r.bold)
        out.append(r)
    return out


def join_runs(runs: list[Run]) -> str:
    """A line's text: runs joined with one space, none where two runs sit close with no space
    between them in the PDF's text (a word or a number drawn in pieces, `1,` `105`)."""
    text = ""
    prev: Run | None = None
    for r in runs:
        t = r.text.strip()
        if not t:
            continue
        if prev is not None:
            gap = r.x0 - prev.x1
            touching = not spaced(prev, r) and gap < 0.5 * min(r.size, prev.size)
            text += "" if touching else " "
        text += t
        prev = r
    return text


def spaced_as(original: str, text: str) -> str:
    """`text` with one space at either end where `original` had white space there: a run keeps
    whether the PDF put a space before or after it (`spaced`), whatever its inner spacing was."""
    return (" " if original[:1].isspace() else "") + text + (" " if original[-1:].isspace() else "")


def spaced(a: Run, b: Run) -> bool:
    """Did the PDF put a space between two runs? (PDFium marks it at either run's edge.)"""
    return a.text[-1:].isspace() or b.text[:1].isspace()


def body_size(lines: list[Line]) -> float:
    """The type size most of the page's characters are set in."""
    weights: dict[float, int] = {}
    for ln in lines:
        for r in ln.runs:
            size = round(r.size, 0)
            weights[size] = weights.get(size, 0) + len(r.text)
    return max(weights, key=lambda s: (weights[s], -s)) if weights else 0.0
