#!/bin/sh
# Memory of hostile inputs (issue 19, items 4 and 6): peak resident memory
# (GNU time's %M, the kernel's high-water mark of the process) and wall time
# of the built `greenidx data` on inputs made here, each with its bound:
#   field      a 200 MB CSV with one 200 MB field (refused unread)
#   qfield     a 200 MB CSV with one quoted 200 MB field holding commas
#              (refused by the parser when the field passes 16 MiB)
#   field16    a 16 MB field (accepted: under GIDX_CSV_MAX_FIELD)
#   js200      a 173 MB JSON-stat answer of 25,000,000 cells (over the cell
#              limit: refused before parsing)
#   js55       a 55 MB JSON-stat answer of 8,000,000 cells (accepted)
#   js17       a 17 MB JSON-stat answer of 2,500,000 cells (accepted)
# Bounds: a refused input may take at most 2 x its size; an accepted JSON-stat
# answer at most 128 bytes a cell (the dataset takes 70-110 with its tables' growth, see
# docs/reliability.md); an accepted CSV field at most 6 x its size.
# Exits 1 when a bound is exceeded. Needs about 3 GB of free disk in TMPDIR
# and 1 GB of memory; a benchmark, not a CI test (it writes 650 MB).
# Usage: bench/scaling/memory.sh [BUILDDIR]   (default build)
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build}
case $build in /*) ;; *) build="$PWD/$build" ;; esac
G="$build/tools/greenidx"
[ -x "$G" ] || { echo "no $G: build first (meson compile -C $build)"; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed"; exit 2; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

/usr/bin/python3 - "$T" <<'PY'
import json, random, sys
t = sys.argv[1]
def field(path, n, quoted):
    with open(path, "w") as f:
        f.write("region,year,variable,value\n3807,2020,")
        if quoted:
            f.write('"' + "x," * (n // 2) + '"')
        else:
            f.write("x" * n)
        f.write(",1\n")
def jsonstat(path, ncells):
    nyears, nvar = 50, 10
    nreg = ncells // (nyears * nvar)
    head = {"version": "2.0", "class": "dataset", "label": "synthetic",
            "id": ["Region", "ContentsCode", "Tid"], "size": [nreg, nvar, nyears],
            "role": {"geo": ["Region"], "time": ["Tid"], "metric": ["ContentsCode"]},
            "dimension": {
                "Region": {"category": {"index": {f"{i:04d}": i for i in range(nreg)}}},
                "ContentsCode": {"category": {"index": {f"C{i}": i for i in range(nvar)}}},
                "Tid": {"category": {"index": {str(1975 + i): i for i in range(nyears)}}}}}
    rnd = random.Random(1)
    n = nreg * nvar * nyears
    with open(path, "w") as f:
        f.write(json.dumps(head)[:-1] + ', "value": [')
        for b in range(0, n, 100000):
            vals = ["%.1f" % (rnd.random() * 10000) for _ in range(min(100000, n - b))]
            f.write(("," if b else "") + ",".join(vals))
        f.write("]}\n")
field(f"{t}/field.csv", 200_000_000, False)
field(f"{t}/qfield.csv", 200_000_000, True)
field(f"{t}/field16.csv", 16_000_000, False)
jsonstat(f"{t}/js200.json", 25_000_000)
jsonstat(f"{t}/js55.json", 8_000_000)
jsonstat(f"{t}/js17.json", 2_500_000)
PY

fail=0
# run NAME FILE WANT_EXIT MAX_KB: one line "name size_kB peak_kB seconds exit verdict"
run() {
  size=$(( $(wc -c < "$2") / 1024 ))
  set +e
  OPENBLAS_NUM_THREADS=1 /usr/bin/time -f '%M %e %x' -o "$T/time" "$G" data --data "$2" \
    > /dev/null 2> "$T/err"
  set -e
  set -- "$1" "$2" "$3" "$4" $(tail -n 1 "$T/time")
  verdict=ok
  [ "$7" -eq "$3" ] || verdict="EXIT $7 (want $3)"
  [ "$5" -le "$4" ] || verdict="TOO MUCH MEMORY (bound $4 kB)"
  printf '%-8s %10s %10s %7s %4s  %s\n' "$1" "$size" "$5" "$6" "$7" "$verdict"
  [ "$verdict" = ok ] || { fail=1; sed 's/^/    /' "$T/err"; }
}
kb() { echo $(( $(wc -c < "$1") / 1024 )); }
printf '%-8s %10s %10s %7s %4s\n' input "input kB" "peak kB" seconds exit
run field "$T/field.csv" 2 $(( 2 * $(kb "$T/field.csv") ))
run qfield "$T/qfield.csv" 2 $(( 2 * $(kb "$T/qfield.csv") ))
run field16 "$T/field16.csv" 0 $(( 6 * $(kb "$T/field16.csv") ))
run js200 "$T/js200.json" 2 $(( 2 * $(kb "$T/js200.json") ))
run js55 "$T/js55.json" 0 $(( 8000000 * 128 / 1024 ))
run js17 "$T/js17.json" 0 $(( 2500000 * 128 / 1024 ))
exit $fail
