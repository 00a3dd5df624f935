"""The pattern library: KPIs described as data (TOML under `patterns/`), loaded and checked.

A KPI is added by writing a file, never by editing Python, so a broken file must be reported
the way a compiler would: `file:line: what is wrong`. Loading collects every problem instead
of stopping at the first, and the extractor refuses a library with problems.
"""
from __future__ import annotations

import bisect
import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TypeVar

from .lexicon import KpiLexicon, SharedWords, check_links, read_entry, read_shared
from .needles import PatternIndex
from . import regexcache
from .values import expand_macros

T = TypeVar("T")
UNITS = {"count", "GBP", "percent", "rate_per_10k"}
MEASURES = {"stock", "flow", "amount", "ratio", "event"}
_ENTRY_KEYS = {"id", "label", "unit", "measure", "range", "aliases", "regex", "follow_regex",
               "exclude", "redirect", "follows", "examples", "fuzzy_cutoff", "description", "columns",
               "lexicon", "dated_with", "part_of"}
_ID = re.compile(r"[a-z][a-z0-9_]*")
FLAGS = re.IGNORECASE
MAX_REGEX_CHARS = 50_000  # a define or a regex expanding past this is a mistake (or a bomb)
_NAME = re.compile(r"(?<!\\)\{([a-z_][a-z0-9_]*)\}")
_ID_LINE = re.compile(r"""\s*id\s*=\s*["']([^"']*)["']""")


@dataclass(frozen=True)
class Example:
    text: str
    values: tuple[float, ...]  # empty: the text must not give this KPI
    period: str | None
    subject: str | None
    line: int


@dataclass
class KpiEntry:
    id: str
    label: str
    unit: str
    measure: str
    range: tuple[float, float]
    aliases: list[str]
    regexes: list[tuple[str, re.Pattern]]
    follow_regexes: list[tuple[str, re.Pattern]]  # only in the sentence after one of `follows`
    exclude: list[re.Pattern]
    redirect: list[tuple[re.Pattern, str]]
    follows: list[str]
    examples: list[Example]
    fuzzy_cutoff: float
    source: str
    line: int
    columns: list[str] = field(default_factory=list)  # headers of a measure column that name this KPI
    lexicon: KpiLexicon | None = None  # its words, for the general constructions (matchers/lexicon.py)
    dated_with: list[str] = field(default_factory=list)  # KPIs whose figure beside this one's dates it
    # {whole KPI: subject}: the part of that whole the subject names is counted as this KPI, a
    # measure of its own (unaccompanied asylum-seeking children are not a part of children in care)
    part_of: dict[str, str] = field(default_factory=dict)


@dataclass
class Subject:
    name: str
    regex: re.Pattern


@dataclass
class Library:
    kpis: dict[str, KpiEntry] = field(default_factory=dict)
    subjects: list[Subject] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    words: SharedWords = field(default_factory=SharedWords)  # the top-level [lexicon] of every file
    # terms a document defines for itself ("we say 'our children'"): (term, kpi) pairs, set on
    # a copy of the library for that document only (see `lexicon.for_document`)
    doc_terms: tuple[tuple[str, str], ...] = ()
    # SHA-256 of every loaded file's name and text, in loading order: the facts cache keys on it,
    # so an edited pattern file re-matches every document (and nothing else changes the library)
    digest: str = ""
    _index: PatternIndex | None = field(default=None, repr=False, compare=False)
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def index(self) -> PatternIndex:
        """The regexes prepared for matching, built on first use and kept: a library is not
        edited once loaded, and the run builds it before forking so no child builds it again."""
        if self._index is None:
            self._index = PatternIndex(self)
            regexcache.save()  # what this run compiled afresh, for the next run
        return self._index

    def rates(self) -> dict[str, str]:
        """The rate per 10,000 of each KPI that has one: the first rate entry that `follows` it
        ("233 children on plans (rate 29.8)", a "Rate per 10k" row under the count's)."""
        def build() -> dict[str, str]:
            found: dict[str, str] = {}
            for e in self.kpis.values():
                if e.unit == "rate_per_10k":
                    for f in e.follows:
                        found.setdefault(f, e.id)
            return found
        return self.memo(("rates",), build)

    def measures_of_parts(self) -> dict[tuple[str, str], str]:
        """(whole KPI, subject) -> the KPI that counts that part as a measure of its own (`part_of`)."""
        return self.memo(("part-measures",), lambda: {
            (whole, subject): e.id for e in self.kpis.values() for whole, subject in e.part_of.items()})

    def memo(self, key: tuple, build: Callable[[], T]) -> T:
        """What a matcher derives from the library alone (alias tables, cleaned labels), built
        once per library instead of once per page or per figure."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = build()
            return value


class LibraryError(Exception):
    """A pattern library that cannot be used; `problems` holds one `file:line: ...` per fault."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def bundled_dir() -> Path:
    """The copy installed inside the package, else `patterns/` of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "bundled_patterns", here.parent / "patterns"):
        if any(candidate.glob("*.toml")):
            return candidate
    raise LibraryError([f"{here.parent / 'patterns'}:1: the bundled pattern library is missing: reinstall kpi-extract"])


def bundled_files() -> list[Path]:
    return sorted(bundled_dir().glob("*.toml"), key=lambda p: p.name)


def library_files(paths: list[str] | tuple[str, ...], bundled: bool = True) -> list[Path]:
    """Bundled files, then the user's; a user file with a bundled file's name replaces it."""
    files: dict[str, Path] = {p.name: p for p in bundled_files()} if bundled else {}
    for raw in paths:
        p = Path(raw)
        for f in sorted(p.rglob("*.toml")) if p.is_dir() else [p]:
            files.pop(f.name, None)
            files[f.name] = f
    return list(files.values())


def _key_line(lines: list[str], key: str, start: int = 0) -> int:
    """1-based line where `key = ...` (or `"key" = ...`) is written, at or after `start` (0-based).
    Plain string tests, not a regex per key: a library has hundreds of keys."""
    quotes = "\"'"
    for i in range(start, len(lines)):
        line = lines[i]
        if key not in line:
            continue
        head = line.lstrip()
        rest = head.lstrip(quotes)
        if len(head) - len(rest) > 3 or not rest.startswith(key):
            continue
        tail = rest[len(key):]
        after = tail.lstrip(quotes)
        if len(tail) - len(after) <= 3 and after.lstrip().startswith("="):
            return i + 1
    return _line_of(lines, key, start)


def _line_of(lines: list[str], needle: str, start: int = 0) -> int:
    """1-based line of the first line at or after `start` (0-based) holding `needle`."""
    for i in range(start, len(lines)):
        if needle in lines[i]:
            return i + 1
    return start + 1 if start < len(lines) else max(1, len(lines))


def resolve_defines(defines: dict[str, str], where: str, problems: list[str]) -> dict[str, str]:
    """Each `[define]` name with every other define in it expanded, once: linear in the size of
    the result, which is capped (MAX_REGEX_CHARS), so that a 1 KB file of defines that each use
    the one before ten times cannot grow to gigabytes. A cycle or an oversized define is a
    problem, and that define is left out (its users then report it as unknown)."""
    done: dict[str, str] = {}
    bad: set[str] = set()

    def expand(name: str, stack: tuple[str, ...]) -> str | None:
        if name in done:
            return done[name]
        if name in bad:
            return None
        if name in stack:
            problems.append(f"{where}: define {name} uses itself (through {' -> '.join(stack + (name,))})")
            bad.add(name)
            return None
        parts: list[str] = []
        size = 0
        text = defines[name]
        last = 0
        for m in _NAME.finditer(text):
            inner = m.group(1)
            piece = expand(inner, stack + (name,)) if inner in defines else m.group(0)
            if piece is None:
                bad.add(name)
                return None
            parts += [text[last:m.start()], piece]
            size += m.start() - last + len(piece)
            last = m.end()
            if size > MAX_REGEX_CHARS:
                problems.append(f"{where}: define {name} expands to over {MAX_REGEX_CHARS:,} characters: "
                                f"use fewer nested defines")
                bad.add(name)
                return None
        parts.append(text[last:])
        done[name] = "".join(parts)
        return done[name]

    for name in defines:
        expand(name, ())
    return done


def _compile(source: str, where: str, problems: list[str], need_value: bool,
             defines: dict[str, str] | None = None) -> re.Pattern | None:
    expanded = expand_macros(source, defines)
    if len(expanded) > MAX_REGEX_CHARS:
        problems.append(f"{where}: regex expands to {len(expanded):,} characters (at most {MAX_REGEX_CHARS:,}): "
                        f"use fewer defines in it (in {source[:60]!r})")
        return None
    unknown = re.findall(r"(?<!\\)\{([a-z_][a-z0-9_]*)\}", expanded)
    if unknown:
        problems.append(f"{where}: unknown name {{{unknown[0]}}}: use {{count}}, {{money}}, {{percent}}, "
                        f"{{number}} or a name from the file's [define] table (in {source!r})")
        return None
    try:
        compiled = regexcache.compile(expanded, FLAGS)
    except re.error as e:
        problems.append(f"{where}: bad regex: {e.msg} (in {source!r})")
        return None
    if need_value and "value" not in compiled.groupindex:
        problems.append(f"{where}: regex has no `value` group: use {{count}}, {{money}}, "
                        f"{{percent}}, {{number}} or (?P<value>...) (in {source!r})")
        return None
    return compiled


def _entry(raw: dict, path: str, lines: list[str], units: set[str], problems: list[str],
           defines: dict[str, str], id_lines: dict[str, int], example_lines: list[int]) -> KpiEntry | None:
    kid = raw.get("id")
    start = id_lines.get(str(kid), 0)
    here = f"{path}:{start + 1}"
    before = len(problems)
    if not isinstance(kid, str) or not _ID.fullmatch(kid):
        problems.append(f"{here}: `id` must be lower_snake_case text, got {kid!r}")
        return None
    for key in raw:
        if key not in _ENTRY_KEYS:
            problems.append(f"{path}:{_key_line(lines, key, start)}: unknown key `{key}` in kpi {kid} "
                            f"(known: {', '.join(sorted(_ENTRY_KEYS))})")
    unit = raw.get("unit")
    if unit not in units:
        problems.append(f"{path}:{_key_line(lines, 'unit', start)}: unknown unit {unit!r} in kpi {kid} "
                        f"(known: {', '.join(sorted(units))}; a file may add its own with `units = [...]`)")
    measure = raw.get("measure", "stock")
    if measure not in MEASURES:
        problems.append(f"{path}:{_key_line(lines, 'measure', start)}: unknown measure {measure!r} in kpi {kid} "
                        f"(known: {', '.join(sorted(MEASURES))})")
    rng = raw.get("range", [0, 1e12])
    if not (isinstance(rng, list) and len(rng) == 2 and all(isinstance(x, (int, float)) for x in rng) and rng[0] <= rng[1]):
        problems.append(f"{path}:{_key_line(lines, 'range', start)}: `range` must be [low, high] in kpi {kid}")
        rng = [0, 1e12]
    regexes, follow_regexes = [], []
    for key, found in (("regex", regexes), ("follow_regex", follow_regexes)):
        table = raw.get(key, {})
        if not isinstance(table, dict):
            problems.append(f"{path}:{_line_of(lines, key, start)}: `{key}` must be a table of "
                            f"name = 'pattern' in kpi {kid}")
            continue
        for name, src in table.items():
            where = f"{path}:{_key_line(lines, name, start)}"
            if not isinstance(src, str):
                problems.append(f"{where}: regex {name} must be text in kpi {kid}")
                continue
            c = _compile(src, where, problems, need_value=True, defines=defines)
            if c is not None:
                found.append((name, c))
    exclude = []
    for src in raw.get("exclude", []):
        c = _compile(src, f"{path}:{_line_of(lines, src[:20], start)}", problems, False, defines)
        if c is not None:
            exclude.append(c)
    redirect = []
    for src, target in raw.get("redirect", {}).items():
        c = _compile(src, f"{path}:{_key_line(lines, src, start)}", problems, False, defines)
        if c is not None:
            redirect.append((c, str(target)))
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        problems.append(f"{path}:{_key_line(lines, 'aliases', start)}: `aliases` must be a list of labels in kpi {kid}")
        aliases = []
    columns = raw.get("columns", [])
    if not isinstance(columns, list) or not all(isinstance(c, str) and c.strip() for c in columns):
        problems.append(f"{path}:{_key_line(lines, 'columns', start)}: `columns` must be a list of column headers in kpi {kid}")
        columns = []
    dated_with = raw.get("dated_with", [])
    if not isinstance(dated_with, list) or not all(isinstance(k, str) and _ID.fullmatch(k) for k in dated_with):
        problems.append(f"{path}:{_key_line(lines, 'dated_with', start)}: `dated_with` must be a list of KPI ids in kpi {kid}")
        dated_with = []
    part_of = raw.get("part_of", {})
    if not isinstance(part_of, dict) or not all(isinstance(k, str) and _ID.fullmatch(k) and isinstance(v, str) and v.strip()
                                                for k, v in part_of.items()):
        problems.append(f"{path}:{_key_line(lines, 'part_of', start)}: `part_of` must be a table of "
                        f"whole_kpi = \"subject name\" in kpi {kid}")
        part_of = {}
    lexicon = read_entry(raw.get("lexicon"), kid, lambda key: f"{path}:{_key_line(lines, key, start)}", problems)
    if not raw.get("regex") and not aliases and not part_of and not (lexicon and (lexicon.terms or lexicon.abbreviations)):
        problems.append(f"{here}: kpi {kid} has neither `regex` patterns nor `aliases` nor lexicon terms "
                        f"nor `part_of`, so nothing can find it")
    examples = []
    ex_line = start
    for ex in raw.get("examples", []):
        k = bisect.bisect_left(example_lines, ex_line)
        ex_line = example_lines[k] + 1 if k < len(example_lines) else ex_line + 1
        text, value = ex.get("text"), ex.get("value")
        vals = value if isinstance(value, list) else [value]
        if not isinstance(text, str) or not all(isinstance(v, (int, float)) for v in vals):
            problems.append(f"{path}:{ex_line}: an example needs `text` and a numeric `value` (or a list; [] for none) in kpi {kid}")
            continue
        examples.append(Example(text, tuple(float(v) for v in vals), ex.get("period"), ex.get("subject"), ex_line))
    if len(problems) > before:
        return None
    return KpiEntry(kid, str(raw.get("label", kid)), unit, measure, (float(rng[0]), float(rng[1])),
                    aliases, regexes, follow_regexes, exclude, redirect, list(raw.get("follows", [])), examples,
                    float(raw.get("fuzzy_cutoff", 90)), path, start + 1, columns, lexicon, dated_with, part_of)


def load_library(paths: list[str] | tuple[str, ...] = (), bundled: bool = True) -> Library:
    """Load the bundled library and the user's files; problems are collected, not raised."""
    lib = Library()
    digest = hashlib.sha256()
    for raw in paths:
        if not Path(raw).exists():
            lib.problems.append(f"{raw}:1: no such pattern file or folder (check the --patterns path)")
    for f in library_files([p for p in paths if Path(p).exists()], bundled):
        shown = str(f)
        try:
            text = f.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            lib.problems.append(f"{shown}:1: cannot read pattern file: {e}")
            continue
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            m = re.search(r"line (\d+)", str(e))
            line = m.group(1) if m else (len(text.splitlines()) or 1) if "end of document" in str(e) else 1
            lib.problems.append(f"{shown}:{line}: bad TOML: {e}")
            continue
        lines = text.splitlines()
        lib.files.append(shown)
        digest.update(f"{f.name}\0{len(text)}\0{text}\0".encode("utf-8"))
        units = UNITS | set(data.get("units", []))
        defines = resolve_defines({k: str(v) for k, v in data.get("define", {}).items()},
                                  f"{shown}:{_line_of(lines, '[define]')}", lib.problems)
        # where each id and example is written, found once: a scan per KPI made loading quadratic
        id_lines: dict[str, int] = {}
        for i, ln in enumerate(lines):
            m = _ID_LINE.match(ln)
            if m:
                id_lines.setdefault(m.group(1), i)
        example_lines = [i for i, ln in enumerate(lines) if "[[kpi.examples]]" in ln]
        for raw in data.get("kpi", []):
            entry = _entry(raw, shown, lines, units, lib.problems, defines, id_lines, example_lines)
            if entry is not None:
                lib.kpis[entry.id] = entry
        for name, src in data.get("subject", {}).items():
            c = _compile(src, f"{shown}:{_key_line(lines, name)}", lib.problems, False, defines)
            if c is not None:
                lib.subjects.append(Subject(name, c))
        if "lexicon" in data:
            top = _line_of(lines, "[lexicon]")
            lib.words.merge(read_shared(data["lexicon"], lambda key: f"{shown}:{_key_line(lines, key, top - 1)}"
                                        if key != "lexicon" else f"{shown}:{top}", lib.problems))
        unknown = set(data) - {"kpi", "subject", "units", "define", "lexicon"}
        for key in sorted(unknown):
            lib.problems.append(f"{shown}:{_line_of(lines, key)}: unknown top-level key `{key}` "
                                f"(known: kpi, subject, units, define, lexicon)")
    for e in lib.kpis.values():
        for target in [t for _, t in e.redirect if t] + e.follows + e.dated_with:
            if target not in lib.kpis:
                lib.problems.append(f"{e.source}:{e.line}: kpi {e.id} refers to unknown kpi {target!r}")
    _check_parts(lib)
    check_links(lib.kpis, lib.problems)
    lib.digest = digest.hexdigest()
    return lib


def _check_parts(lib: Library) -> None:
    """A `part_of` names a loaded KPI of the same unit and a subject of a `[subject]` table, and no
    part is claimed by two KPIs: anything else could never match, or would match by load order."""
    names = {s.name for s in lib.subjects}
    claimed: dict[tuple[str, str], str] = {}
    for e in lib.kpis.values():
        for whole, subject in e.part_of.items():
            where = f"{e.source}:{e.line}: kpi {e.id}"
            if whole not in lib.kpis:
                lib.problems.append(f"{where} is `part_of` unknown kpi {whole!r}")
            elif lib.kpis[whole].unit != e.unit:
                lib.problems.append(f"{where} is `part_of` {whole}, whose unit is {lib.kpis[whole].unit}, not {e.unit}")
            if subject not in names:
                lib.problems.append(f"{where}: `part_of` subject {subject!r} is in no [subject] table "
                                    f"(known: {', '.join(sorted(names)) or 'none'})")
            if (whole, subject) in claimed:
                lib.problems.append(f"{where}: the part {subject!r} of {whole} is already kpi {claimed[whole, subject]}'s")
            claimed.setdefault((whole, subject), e.id)


def require(lib: Library) -> Library:
    if lib.problems:
        raise LibraryError(lib.problems)
    return lib
