#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-14 (ASan + UBSan) and runs each for
# a bounded time on a seed corpus taken from the real data in data/ and
# tests/data/. A crash fails the run; its input is kept in tests/fuzz/crashes/
# to be fixed and turned into a regression test.
# Usage: tests/fuzz/run.sh [SECONDS_PER_TARGET] [BUILDDIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-30}
build=${2:-build-fuzz}
# The library itself is built with -fsanitize=fuzzer-no-link so that the
# fuzzer sees coverage inside it (not only in the small target files).
if [ ! -f "$build/build.ninja" ]; then
  CC=clang-14 meson setup "$build" -Db_sanitize=address,undefined -Db_lundef=false \
    -Dbuildtype=debugoptimized -Dc_args=-fsanitize=fuzzer-no-link >/dev/null
else
  meson configure "$build" -Dc_args=-fsanitize=fuzzer-no-link >/dev/null
fi
targets=$(cd tests/fuzz && ls fuzz_*.c | sed 's/\.c$//')
# shellcheck disable=SC2086
meson compile -C "$build" $targets >/dev/null
# undefined behaviour is a failure like a crash
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
corpus_root=$(mktemp -d); trap 'rm -rf "$corpus_root"' EXIT
mkdir -p tests/fuzz/crashes
seed() {  # seed NAME FILES... : copy (the first 64 KiB of) files into a corpus
  local name=$1; shift; mkdir -p "$corpus_root/$name"
  local f; for f in "$@"; do [ -f "$f" ] && head -c 65536 "$f" > "$corpus_root/$name/$(echo "$f" | tr / _)"; done
  true
}
seed csv $(find data tests/data -name '*.csv' 2>/dev/null | head -n 60)
seed dataset $(find data tests/data -name '*.csv' 2>/dev/null | head -n 60)
seed jsonstat $(find data tests/data -name '*.json' 2>/dev/null | head -n 40)
seed catalog $(find data tests/data -name '*.json' 2>/dev/null | head -n 40)
seed scenario $(find data tests/data -name '*.json' 2>/dev/null | head -n 40)
# io and coinr read several files: their inputs are the files' bytes joined
# by NUL bytes (see tests/fuzz/fuzz_split.h).
joined() {  # joined NAME OUT FILES... : one seed made of the files' first 16 KiB
  local name=$1 out=$2; shift 2; mkdir -p "$corpus_root/$name"
  local f first=1
  for f in "$@"; do
    [ "$first" -eq 1 ] || printf '\0'
    first=0
    if [ -f "$f" ]; then head -c 16384 "$f"; fi
  done > "$corpus_root/$name/$out"
}
mkdir -p "$corpus_root/io"
for d in $(find data/io tests/data -name Z.csv -exec dirname {} \; 2>/dev/null); do
  joined io "$(echo "$d" | tr / _)" "$d/Z.csv" "$d/x.csv" "$d/satellites.csv" "$d/households.csv"
done
mkdir -p "$corpus_root/coinr"
[ -f tests/data/composite/ASEM_iData.csv ] && \
  joined coinr asem tests/data/composite/ASEM_iData.csv tests/data/composite/ASEM_iMeta.csv
mkdir -p "$corpus_root/forecast_input"
for f in $(find data tests/data -name '*.csv' 2>/dev/null | xargs grep -l '^region,year,variable,value' 2>/dev/null | head -n 20); do
  { printf 'A'; head -c 16383 "$f"; } > "$corpus_root/forecast_input/$(echo "$f" | tr / _)"
done
seed effects_input $(find tests/data -name '*.csv' 2>/dev/null | head -n 20)
# xlsx: the real workbooks whole (an archive cut at 64 KiB has no central
# directory), a small workbook in the all-municipality layout written by
# openpyxl, and STORED re-zips of those whose re-zip stays under 64 KiB (the
# real download's is 700 KB: 12 executions a second) so that mutations reach
# the XML before libzip's CRC check.
mkdir -p "$corpus_root/xlsx"
for f in $(find tests/data -name '*.xlsx' 2>/dev/null | head -n 10); do
  cp "$f" "$corpus_root/xlsx/$(echo "$f" | tr / _)"
done
/usr/bin/python3 - "$corpus_root/xlsx" <<'PY'
import glob, os, sys, zipfile
out = sys.argv[1]
try:
    import openpyxl
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Oversikt - detaljert"
    ws.append(["Fylke", "Kommunenummer", "Kommune", "År", "Sektor", "Utslippskilde",
               "Klimagass", "Utslipp (tonn CO2-ekvivalenter)"])
    ws.append(["Telemark", 4003, "Skien", 2022, "Jordbruk", "Husdyr", "CH4", 12.5])
    wb.save(os.path.join(out, "all_municipalities_small.xlsx"))
except ImportError:
    pass
for f in glob.glob(os.path.join(out, "*.xlsx")):
    with zipfile.ZipFile(f) as zin, zipfile.ZipFile(f + ".stored", "w", zipfile.ZIP_STORED) as zout:
        for i in zin.infolist():
            zout.writestr(i.filename, zin.read(i.filename))
    if os.path.getsize(f + ".stored") > 65536:
        os.remove(f + ".stored")
PY
mkdir -p "$corpus_root/formula"
if [ -f data/catalog/default.json ]; then
  /usr/bin/python3 - "$corpus_root/formula" <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
cat = json.load(open("data/catalog/default.json", encoding="utf-8"))
items = cat.get("indicators", cat) if isinstance(cat, dict) else cat
for i, ind in enumerate(items if isinstance(items, list) else []):
    f = ind.get("formula") if isinstance(ind, dict) else None
    if f:
        (out / f"f{i}").write_text(f, encoding="utf-8")
PY
fi
total=0; failed=0
for exe in "$build"/tests/fuzz/fuzz_*; do
  [ -f "$exe" ] && [ -x "$exe" ] || continue
  name=$(basename "$exe"); name=${name#fuzz_}
  mkdir -p "$corpus_root/$name"
  log=$(mktemp)
  if "$exe" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 \
       -artifact_prefix="tests/fuzz/crashes/$name-" "$corpus_root/$name" > "$log" 2>&1; then
    runs=$(grep -o 'Done [0-9]* runs' "$log" | tail -n 1 | awk '{print $2}')
    echo "fuzz_$name: ${runs:-?} executions in ${secs}s, no crash"
  else
    echo "fuzz_$name: FAILED"; tail -n 40 "$log"; failed=$((failed + 1))
  fi
  rm -f "$log"; total=$((total + 1))
done
echo "$((total - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
