"""The speed benchmark of issue 6, run by hand (never by the tests); see bench/README.md.

Builds a corpus of at least 2,000 pages from ../shared/corpus and ../shared/councils, copied
under new names into a temporary folder, each copy made distinct by a comment after its `%%EOF`
so that no cache (ours or the user's) recognises it. Then, each timed as the median of N runs:
`pdftotext` over the same files one after another; `kpi-extract extract` cold (an empty cache
directory), warm (the same folder and cache again) and after a pattern edit (a copy of a bundled
pattern file with one alias added, given with `--patterns`: documents cached, facts not); and
`kpi-extract --version`. Last, one cold run on a 1,000-page PDF built by importing pages into a
new document, for its peak memory.

Peak RSS is the largest resident set of any process of the run (the command and the children
it forks), from `os.wait4`, which covers a process and every descendant it waited for.

    python bench/speed.py [--bin path/to/kpi-extract] [--repeat 3] [--pages 2000] [--reader NAME]
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SOURCES = [SHARED / "corpus", SHARED / "councils"]


@dataclass
class Timing:
    wall: float
    cpu: float  # user + system of the process and its waited-for descendants
    rss_mb: float  # the largest resident set of any one of them


def timed(cmd: list[str], env: dict | None = None) -> tuple[Timing, int, str]:
    """Run `cmd` to completion; (timing, exit status, stderr)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        message = err.read().decode("utf-8", "replace")
    return Timing(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024), proc.returncode, message


def median(runs: list[Timing]) -> Timing:
    return Timing(statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs),
                  max(r.rss_mb for r in runs))


def page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium  # installed with pdfplumber
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def build_corpus(folder: Path, min_pages: int) -> tuple[list[Path], int]:
    """Copies of the shared PDFs until there are `min_pages` pages, each copy's bytes unique."""
    originals = sorted(p for src in SOURCES for p in src.glob("*.pdf"))
    if not originals:
        sys.exit(f"no PDFs in {', '.join(map(str, SOURCES))}: run from a checkout beside ../shared")
    counts = {p: page_count(p) for p in originals}
    files: list[Path] = []
    pages = 0
    copy = 0
    while pages < min_pages:
        copy += 1
        for p in originals:
            target = folder / f"copy{copy:02d}" / f"{p.parent.name}-{p.stem}.pdf"
            target.parent.mkdir(parents=True, exist_ok=True)
            # after %%EOF a reader ignores it; it changes the content hash
            target.write_bytes(p.read_bytes() + f"\n% kpi-extract benchmark copy {copy}\n".encode())
            files.append(target)
            pages += counts[p]
    return files, pages


def big_pdf(target: Path, min_pages: int) -> int:
    """One PDF of at least `min_pages` pages, the shared PDFs imported again and again."""
    import pypdfium2 as pdfium
    out = pdfium.PdfDocument.new()
    sources = [pdfium.PdfDocument(str(p)) for src in SOURCES for p in sorted(src.glob("*.pdf"))]
    try:
        while len(out) < min_pages:
            for src in sources:
                take = min(len(src), min_pages - len(out))
                out.import_pages(src, pages=list(range(take)))
                if len(out) >= min_pages:
                    break
        out.save(str(target))
        return len(out)
    finally:
        for src in sources:
            src.close()
        out.close()


def edited_library(folder: Path, binary: str, n: int) -> Path:
    """A copy of the bundled pattern file of the first KPI with one alias added (the `n`th
    edit, so that each run is a library no earlier run cached facts for)."""
    listed = subprocess.run([binary, "patterns", "list"], capture_output=True, text=True, check=True)
    first = listed.stdout.splitlines()[0].split("\t")
    source = Path(first[3].rsplit(":", 1)[0])
    text = source.read_text(encoding="utf-8")
    m = re.search(rf"""id\s*=\s*["']{re.escape(first[0])}["'][\s\S]*?aliases\s*=\s*\[""", text)
    if m is None:
        sys.exit(f"{source}: no aliases list after kpi {first[0]} to add an alias to")
    edited = text[:m.end()] + f'"benchmark alias number {n}", ' + text[m.end():]
    target = folder / f"edit{n}" / source.name  # the same file name replaces the bundled file
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(edited, encoding="utf-8")
    return target


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=str(ROOT / ".venv" / "bin" / "kpi-extract"), help="kpi-extract to time")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (the median is shown)")
    ap.add_argument("--pages", type=int, default=2000, help="least pages in the corpus")
    ap.add_argument("--big-pages", type=int, default=1000, help="pages of the one big PDF (0: skip it)")
    ap.add_argument("--reader", default=None, help="passed to extract as --reader NAME")
    ap.add_argument("--jobs", type=int, default=0, help="passed to extract as --jobs N (0: its default)")
    args = ap.parse_args()

    if shutil.which("pdftotext") is None:
        sys.exit("pdftotext is missing: apt-get install -y poppler-utils")
    extra: list[str] = []
    if args.reader:
        helped = subprocess.run([args.bin, "extract", "--help"], capture_output=True, text=True).stdout
        if "--reader" not in helped:
            sys.exit(f"{args.bin} extract has no --reader option")
        extra += ["--reader", args.reader]
    if args.jobs:
        extra += ["--jobs", str(args.jobs)]

    with tempfile.TemporaryDirectory(prefix="kpi-bench-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        files, pages = build_corpus(corpus, args.pages)
        print(f"corpus: {len(files)} PDFs, {pages} pages in {corpus}", flush=True)
        rows: list[tuple[str, Timing, int]] = []

        def done(name: str, t: Timing, n: int) -> None:
            """Kept for the table, and shown at once: a long run shows its progress."""
            rows.append((name, t, n))
            print(f"  {name}: {t.wall:.2f} s wall, {t.cpu:.2f} s CPU, peak RSS {t.rss_mb:.0f} MB", flush=True)

        def extract(cache: Path, *more: str, what: str) -> Timing:
            t, status, err = timed([args.bin, "extract", str(corpus), "-o", str(work / "out.csv"), "-q",
                                    "--cache-dir", str(cache), *extra, *more])
            if status not in (0, 1):
                sys.exit(f"{what}: kpi-extract exited {status}: {err.strip()[-500:]}")
            return t

        runs = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            cpu0 = os.times()
            for f in files:
                subprocess.run(["pdftotext", "-q", str(f), "-"], stdout=subprocess.DEVNULL, check=False)
            cpu1 = os.times()
            runs.append(Timing(time.perf_counter() - start,
                               cpu1.children_user - cpu0.children_user + cpu1.children_system - cpu0.children_system,
                               0.0))
        done("pdftotext, one file after another", median(runs), pages)

        cold = [extract(work / f"cache-cold{i}", what="cold") for i in range(args.repeat)]
        done("extract cold (empty cache)", median(cold), pages)
        warm_cache = work / f"cache-cold{args.repeat - 1}"
        shutil.copyfile(work / "out.csv", work / "cold.csv")
        warm = [extract(warm_cache, what="warm") for _ in range(args.repeat)]
        done("extract warm (unchanged)", median(warm), pages)
        same = (work / "out.csv").read_bytes() == (work / "cold.csv").read_bytes()
        edits = [extract(warm_cache, "--patterns", str(edited_library(work, args.bin, i)), what="pattern edit")
                 for i in range(args.repeat)]
        done("extract after a pattern edit", median(edits), pages)

        version = [timed([args.bin, "--version"])[0] for _ in range(max(args.repeat, 5))]
        done("kpi-extract --version", median(version), 0)

        if args.big_pages:
            big = work / "big" / "one-big.pdf"
            big.parent.mkdir()
            n = big_pdf(big, args.big_pages)
            t, status, err = timed([args.bin, "extract", str(big), "-o", str(work / "big.csv"), "-q", "--no-cache",
                                    "--timeout", "100000", *extra])
            if status not in (0, 1):
                sys.exit(f"big PDF: kpi-extract exited {status}: {err.strip()[-500:]}")
            done(f"extract one {n}-page PDF (once)", t, n)

    print()
    print(f"| step (median of {args.repeat}) | wall s | CPU s | pages/s | peak RSS MB |")
    print("|---|---:|---:|---:|---:|")
    for name, t, n in rows:
        rate = f"{n / t.wall:.0f}" if n else ""
        rss = f"{t.rss_mb:.0f}" if t.rss_mb else ""
        print(f"| {name} | {t.wall:.2f} | {t.cpu:.2f} | {rate} | {rss} |")
    by = {name: t for name, t, _ in rows}
    pdftotext, cold_t = by["pdftotext, one file after another"], by["extract cold (empty cache)"]
    warm_t, version_t = by["extract warm (unchanged)"], by["kpi-extract --version"]
    print()
    print(f"cold / pdftotext wall: {cold_t.wall / pdftotext.wall:.1f}x (target at most 2x)")
    print(f"warm / cold wall: {100 * warm_t.wall / cold_t.wall:.1f}% (target at most 10%)")
    print(f"--version: {version_t.wall:.3f}s (target under 0.3 s)")
    big_rows = [t for name, t, _ in rows if name.startswith("extract one")]
    if big_rows:
        print(f"peak RSS on the big PDF: {big_rows[0].rss_mb:.0f} MB (target under 250 MB)")
    print(f"warm output byte-identical to cold: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
