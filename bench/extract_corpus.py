"""Time `kpi-extract extract` over ../shared/corpus, run by hand (never by the tests).

A cold run reads every PDF (no cache); a warm run finds the facts in the cache, as a nightly
job does for unchanged files, so it times hashing the files and loading the facts. Both outputs
must be byte-identical. Then the shared scorer's summary. `bench/speed.py` is the full benchmark.

    python bench/extract_corpus.py [path/to/kpi-extract]
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "bench" / "out"


def run(binary: str, output: Path, cache: Path) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run([binary, "extract", str(CORPUS), "-o", str(output), "--cache-dir", str(cache), "-v"],
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    pages = sum(int(n) for n in re.findall(r": (\d+) pages", done.stderr))
    return seconds, pages


def main() -> None:
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".venv" / "bin" / "kpi-extract")
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    cold, pages = run(binary, OUT / "facts.csv", OUT / "cache")
    warm, _ = run(binary, OUT / "facts-warm.csv", OUT / "cache")
    same = (OUT / "facts.csv").read_bytes() == (OUT / "facts-warm.csv").read_bytes()
    print(f"{pages} pages: cold {cold:.1f}s ({pages / cold:.1f} pages/s), warm (facts cached) {warm:.1f}s; "
          f"outputs {'byte-identical' if same else 'DIFFER'}")
    subprocess.run([sys.executable, str(ROOT.parent / "shared" / "eval" / "score.py"), "--facts",
                    str(OUT / "facts.csv"), "--gold", str(CORPUS / "gold.csv"), "--quiet"], check=False)


if __name__ == "__main__":
    main()
