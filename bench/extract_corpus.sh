#!/usr/bin/env bash
# Time `kpi-extract extract` over ../shared/corpus: a cold run (no cache) and a warm one
# (text cached by content hash, as a nightly job sees it). Run by hand, never in the tests.
#   bash bench/extract_corpus.sh [path-to-kpi-extract]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.venv/bin/kpi-extract}
corpus=../shared/corpus
out=bench/out
mkdir -p "$out"
rm -rf "$out/cache"
pages=$(python3 - <<'PY'
import glob, subprocess
n = 0
for f in glob.glob("../shared/corpus/*.pdf"):
    info = subprocess.run(["pdfinfo", f], capture_output=True, text=True).stdout
    n += int(next((l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")), 0))
print(n)
PY
)
t0=$(date +%s.%N)
"$bin" extract "$corpus" -o "$out/facts.csv" --cache-dir "$out/cache"
t1=$(date +%s.%N)
"$bin" extract "$corpus" -o "$out/facts-warm.csv" --cache-dir "$out/cache"
t2=$(date +%s.%N)
cold=$(echo "$t1 - $t0" | bc); warm=$(echo "$t2 - $t1" | bc)
echo "pages: $pages   cold: ${cold}s ($(echo "scale=1; $pages / $cold" | bc) pages/s)   warm (cached text): ${warm}s"
cmp -s "$out/facts.csv" "$out/facts-warm.csv" && echo "cold and warm outputs are byte-identical"
python3 ../shared/eval/score.py --facts "$out/facts.csv" --gold "$corpus/gold.csv" --quiet
