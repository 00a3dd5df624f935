"""Score kpi-extract on the blind batteries of tests/data/{roles,periods,precision}.

The batteries were written from ../shared/spec and the texts of issues 7 and 8 without sight of the
patterns or the extractor, so they measure how the tool reads wording it was not fitted to. Each is
split into a `tuned` part (floors asserted in tests/test_batteries.py) and a `heldout` part that is
reported and never asserted or tuned on. See tests/data/roles/README.md.

    python tests/battery.py roles|periods|precision [--set tuned|heldout] [-q]

A figure is right when its KPI, its value (within 0.05 for percent and rates, exactly otherwise)
and a compatible period agree: the same label, or a financial year and an as-at date or month in
the March that ends it. Only the KPI ids of spec/kpis.md are scored: a library may give
comparators ids of their own (`cp_plans_rate_per_10k_england`), which the spec allows.
"""
from __future__ import annotations

import argparse
import csv
import functools
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from spec import SPEC_KPIS  # the spec's KPI ids (tests/spec.py)

DATA = Path(__file__).resolve().parent / "data"
BATTERIES = ("roles", "periods", "precision")
SETS = ("tuned", "heldout")

# KPIs (by part of their id) whose values reports round to a decimal place: a rounding slip is not a miss
FRACTIONAL = ("rate_per_10k", "percent", "rereferral_rate", "_utilisation", "_pct")


@dataclass(frozen=True)
class Figure:
    """One expected or extracted fact, reduced to what the batteries judge."""
    kpi: str
    value: float
    period: str
    kind: str
    subject: str = ""
    page: int = 0
    context: str = field(default="", compare=False)  # a snippet or a note, to show; never judged
    area: str = field(default="", compare=False)  # reported beside the score, not yet judged (issue 7)

    def show(self) -> str:
        sub = f" [{self.subject}]" if self.subject else ""
        when = f"{self.period or '-'}/{self.kind}"
        return f"{self.kpi}={self.value:.12g} @{when}{sub}"


@dataclass
class Case:
    """A text (or a document) with its expected figures; `category` groups cases in the report."""
    set: str
    case: str
    text: str
    category: str
    want: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Score:
    """Counts of a battery part, and the lines that explain each error."""
    right: int = 0
    wrong: int = 0
    missed: int = 0
    silent_cases: int = 0  # cases (texts or documents) that must give no fact at all
    silent_broken: int = 0  # of those, how many gave one: issue 7 wants none
    by_category: dict[str, Counter] = field(default_factory=dict)
    by_kpi: dict[str, Counter] = field(default_factory=dict)  # the issues' closing notes are per KPI
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 1.0

    @property
    def recall(self) -> float:
        return self.right / (self.right + self.missed) if self.right + self.missed else 1.0


def category_of(case_id: str) -> str:
    """`change-07` is in category `change`: the case id's prefix before its number."""
    head, _, tail = case_id.rpartition("-")
    return head if head and tail.isdigit() else case_id


def _fy_end_march(fy: str) -> str | None:
    """`2022-23` ends in March 2023: returns `2023-03`."""
    try:
        return f"{int(fy[:4]) + 1:04d}-03"
    except ValueError:
        return None


def same_period(want: Figure, got: Figure) -> bool:
    """The spec's agreement of periods: one label, or a financial year and the March ending it."""
    wp, gp = (want.period if want.kind != "unknown" else ""), (got.period if got.kind != "unknown" else "")
    if wp == gp:
        return True
    for fy, other in ((want, got), (got, want)):
        if fy.kind == "financial_year" and other.kind in ("as_at", "month") and other.period:
            if other.period[:7] == _fy_end_march(fy.period):
                return True
    return False


def same_value(kpi: str, a: float, b: float) -> bool:
    tolerance = 0.05 + 1e-9 if any(k in kpi for k in FRACTIONAL) else 1e-6
    return abs(a - b) <= tolerance


def same_subject(want: str, got: str) -> bool:
    """Subjects are free text: `Police` and `the police` agree, as do `disabled` and `disabled children`."""
    a, b = (re.sub(r"^the\s+", "", x.strip().lower()) for x in (want, got))
    return bool(a and b) and (a in b or b in a)


def matches(want: Figure, got: Figure, *, pages: bool = False) -> bool:
    return (want.kpi == got.kpi and same_value(want.kpi, want.value, got.value) and same_period(want, got)
            and (not pages or want.page == got.page))


def judge(case: Case, got: list[Figure], score: Score, *, pages: bool = False) -> None:
    """Pairs each extracted figure with at most one expected one; the rest are errors."""
    counts = score.by_category.setdefault(case.category, Counter())
    counts["cases"] += 1
    want = list(case.want)
    if not want:
        score.silent_cases += 1
        score.silent_broken += bool(got)
    # one figure read twice on a page (a sentence and a table row, or two patterns) is one fact
    for g in sorted(set(got), key=lambda f: (f.page, f.kpi, f.value, f.period, f.subject)):
        hit = next((w for w in want if matches(w, g, pages=pages)), None)
        if hit is not None:
            want.remove(hit)
            score.right += 1
            counts["right"] += 1
            score.by_kpi.setdefault(g.kpi, Counter())["right"] += 1
            if hit.subject and not same_subject(hit.subject, g.subject):
                counts["subject_differs"] += 1
                score.errors.append(f"{case.set}/{case.case}: subject {g.subject!r}, expected {hit.subject!r}"
                                    f" for {hit.show()}")
            if hit.area and hit.area.lower() != g.area.strip().lower():
                counts["area_differs"] += 1
                score.errors.append(f"{case.set}/{case.case}: area {g.area!r}, expected {hit.area!r} for {hit.show()}")
        else:
            score.wrong += 1
            counts["false_positive"] += 1
            score.by_kpi.setdefault(g.kpi, Counter())["false_positive"] += 1
            where = f" p{g.page}" if pages else ""
            score.errors.append(f"{case.set}/{case.case}{where}: FALSE POSITIVE {g.show()}  | {_brief(g.context or case.text)}")
    for w in want:
        score.missed += 1
        counts["missed"] += 1
        score.by_kpi.setdefault(w.kpi, Counter())["missed"] += 1
        where = f" p{w.page}" if pages else ""
        score.errors.append(f"{case.set}/{case.case}{where}: MISSED {w.show()}  | "
                            f"{_brief(_line_of(case.text, w) if pages else case.text)}")


def _line_of(document: str, want: Figure) -> str:
    """The line of the expected figure's page that holds its value (else its note): where to look."""
    pages = document.split("\f")
    if 1 <= want.page <= len(pages):
        v = want.value
        forms = [f"{v:,.0f}", f"{v:.0f}", f"{v:.1f}"] if v == int(v) else [f"{v:,.1f}", f"{v:g}"]
        if v >= 1_000_000:  # £m and £000 tables
            forms += [f"{v / 1e6:,.1f}", f"{v / 1e6:,.2f}", f"{v / 1e3:,.0f}"]
        for line in pages[want.page - 1].splitlines():
            if any(re.search(rf"(?<![\d.,]){re.escape(f)}(?![\d,]|\.\d)", line) for f in forms):
                return line.strip() + (f"  ({want.context})" if want.context else "")
    return want.context


def _brief(text: str, width: int = 150) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 3] + "..."


def _figure(row: dict, *, page: int = 0, context: str = "") -> Figure:
    return Figure(row["kpi"], float(row["value"]), row["period"].strip(), row["period_kind"].strip() or "unknown",
                  row.get("subject", "").strip(), page, context, (row.get("area") or "").strip())


def batch_files(battery: str, batch: str | None = None) -> list[Path]:
    """`sentences.csv` (the first batch) and `sentences-N.csv` (later batches, written the same
    way by other hands), or only the one `batch` names ("1", "2")."""
    files = sorted((DATA / battery).glob("sentences*.csv"), key=lambda p: (p.stem != "sentences", p.stem))
    if batch:
        files = [p for p in files if (p.stem.partition("-")[2] or "1") == batch]
    return files


def load_sentences(battery: str, part: str | None = None, batch: str | None = None) -> list[Case]:
    """Rows of `data/<battery>/sentences*.csv` grouped into cases; empty kpi means no fact expected."""
    cases: OrderedDict[tuple[str, str], Case] = OrderedDict()
    for path in batch_files(battery, batch):
        _read_rows(path, battery, part, cases)
    return list(cases.values())


def _read_rows(path: Path, battery: str, part: str | None, cases: OrderedDict) -> None:
    batch = path.stem.partition("-")[2]
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if part and row["set"] != part:
                continue
            name = f"{row['case']}@{batch}" if batch else row["case"]
            key = (row["set"], name)
            case = cases.get(key)
            if case is None:
                case = cases[key] = Case(row["set"], name, row["text"], category_of(row["case"]))
            elif case.text != row["text"]:
                raise ValueError(f"{path.name}: case {row['case']} has two different texts")
            if row["kpi"].strip():
                case.want.append(_figure(row))
            if row.get("note"):
                case.notes.append(row["note"])


def run_sentences(battery: str, part: str | None = None, library: object | None = None,
                  batch: str | None = None) -> Score:
    """Each text through `extract_text` with the bundled library, as one page of its own."""
    from kpi_extract.library import load_library, require
    from kpi_extract.pipeline import extract_text

    library = library if library is not None else require(load_library(()))
    score = Score()
    for case in load_sentences(battery, part, batch):
        got = [Figure(f.kpi, float(f.value), f.period or "", f.period_kind or "unknown", f.subject or "")
               for f in extract_text(case.text, library) if f.kpi in SPEC_KPIS]
        judge(case, got, score)
    return score


def load_documents(part: str | None = None, batch: str | None = None) -> list[Case]:
    """The documents of `data/precision/<set>/` with their rows of `expected*.csv` (often none);
    with `batch`, only those that `expected-<batch>.csv` names (`1`: `expected.csv`)."""
    expected: dict[tuple[str, str], list[Figure]] = {}
    named_by: dict[tuple[str, str], str] = {}
    for path in sorted((DATA / "precision").glob("expected*.csv")):  # expected-2.csv: a later batch
        with path.open(newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                fig = [_figure(row, page=int(row["page"]), context=row.get("note", ""))] if row["kpi"].strip() else []
                expected.setdefault((row["set"], row["document"]), []).extend(fig)
                named_by[(row["set"], row["document"])] = path.stem.partition("-")[2] or "1"
    cases = []
    for s in SETS:
        if part and s != part:
            continue
        for doc in sorted((DATA / "precision" / s).glob("*.txt")):
            if batch and named_by.get((s, doc.name)) != batch:
                expected.pop((s, doc.name), None)
                continue
            cases.append(Case(s, doc.name, doc.read_text(encoding="utf-8"), category_of(doc.stem.split("_")[0]),
                              expected.pop((s, doc.name), [])))
    stray = [k for k in expected if not part or k[0] == part]
    if stray:
        raise ValueError(f"expected.csv names documents that are not there: {stray}")
    return cases


def _cli() -> list[str]:
    """The `kpi-extract` beside this interpreter (a venv), else the one on PATH."""
    beside = Path(sys.executable).parent / "kpi-extract"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("kpi-extract")
    if found:
        return [found]
    raise RuntimeError("the kpi-extract command is not installed: pip install -e . first")


@functools.cache
def _extract_part(part: str, timeout: float = 600) -> dict[str, list[Figure]]:
    """One part's folder through the real command line, as a user runs it, once per process: every
    batch of a part is judged on the same run, so a batch's test need not read the folder again."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "facts.csv"
        proc = subprocess.run([*_cli(), "extract", str(DATA / "precision" / part), "-o", str(out), "--no-cache",
                               "-q"], capture_output=True, text=True, timeout=timeout)
        if proc.returncode != 0:
            raise RuntimeError(f"kpi-extract exited {proc.returncode}: {proc.stderr.strip()}")
        got: dict[str, list[Figure]] = {}
        with out.open(newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["kpi"] in SPEC_KPIS:
                    got.setdefault(Path(row["document"]).name, []).append(
                        _figure(row, page=int(row["page"]), context=row.get("snippet", "")))
    return got


def run_precision(part: str | None = None, timeout: float = 600, batch: str | None = None) -> Score:
    """The documents through the real command line, one folder per part (see _extract_part)."""
    score = Score()
    cases = load_documents(part, batch)
    for s in SETS:
        mine = [c for c in cases if c.set == s]
        if not mine:
            continue
        got = _extract_part(s, timeout)
        for case in mine:
            judge(case, got.get(case.case, []), score, pages=True)
    return score


def run(battery: str, part: str | None = None, batch: str | None = None) -> Score:
    if battery == "precision":
        return run_precision(part, batch=batch)
    return run_sentences(battery, part, batch=batch)


def report(battery: str, part: str | None, score: Score, *, quiet: bool = False, batch: str | None = None) -> str:
    shown = f"{part or 'tuned+heldout'}{f', batch {batch}' if batch else ''}"
    lines = [f"{battery} [{shown}]: precision {score.precision:.3f}, recall {score.recall:.3f} "
             f"(right {score.right}, false positives {score.wrong}, missed {score.missed}); "
             f"{score.silent_broken} of {score.silent_cases} {'documents' if battery == 'precision' else 'texts'} "
             f"that must give no fact gave one"]
    lines.append(f"  {'category':<24}{'cases':>6}{'right':>7}{'fp':>5}{'missed':>8}{'subject!=':>10}{'area!=':>8}")
    for cat in sorted(score.by_category):
        c = score.by_category[cat]
        lines.append(f"  {cat:<24}{c['cases']:>6}{c['right']:>7}{c['false_positive']:>5}{c['missed']:>8}"
                     f"{c['subject_differs']:>10}{c['area_differs']:>8}")
    lines.append(f"  {'kpi':<32}{'right':>7}{'fp':>5}{'missed':>8}")
    for kpi in sorted(score.by_kpi):
        c = score.by_kpi[kpi]
        lines.append(f"  {kpi:<32}{c['right']:>7}{c['false_positive']:>5}{c['missed']:>8}")
    if not quiet:
        lines += ["", *score.errors]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("battery", choices=BATTERIES)
    ap.add_argument("--set", choices=SETS, default=None, help="one part only (default: both, reported apart)")
    ap.add_argument("--batch", default=None,
                    help="one batch only: 1 (sentences.csv, precision/expected.csv), 2 (sentences-2.csv, "
                         "expected-2.csv) ...; default all")
    ap.add_argument("-q", "--quiet", action="store_true", help="scores only, not every miss and false positive")
    args = ap.parse_args(argv)
    for part in ([args.set] if args.set else list(SETS)):
        print(report(args.battery, part, run(args.battery, part, args.batch), quiet=args.quiet, batch=args.batch))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
