# A sparse JSON-stat answer within twice its size (issue 19, memory within
# twice the input; docs/reliability.md §7): the memory.sh input, a "value"
# object of 20,000 cells over a 16,000-region x 10-variable x 50-year panel
# (0.60 MB). Its "value" object and its region index are read from the text,
# not jansson's tree, and the dataset stores the scattered cells in 16-byte
# series with 4-byte indices. Checked: the counts of the summary, a cell
# worked out by hand from the generator, and, with GNU time on a plain
# build, peak resident memory within the base (a two-line CSV) plus twice the
# input. Before (c38c5a4): 22.8 MB against a base of 14.3 MB, net 14.6 x;
# now about 15.0 MB against 14.1 MB, net 1.5 x. Each peak is the least of
# three runs (the base alone moves by up to 0.3 MB between runs here).
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
/usr/bin/python3 - "$T" <<'PY'
import json, random, sys
t = sys.argv[1]
nyears, nvar, nreg = 50, 10, 16000
ncells = nreg * nvar * nyears
head = {"version": "2.0", "class": "dataset", "label": "sparse",
        "id": ["Region", "ContentsCode", "Tid"], "size": [nreg, nvar, nyears],
        "role": {"geo": ["Region"], "time": ["Tid"], "metric": ["ContentsCode"]},
        "dimension": {
            "Region": {"category": {"index": {f"{i:05d}": i for i in range(nreg)}}},
            "ContentsCode": {"category": {"index": {f"C{i}": i for i in range(nvar)}}},
            "Tid": {"category": {"index": {str(1975 + i): i for i in range(nyears)}}}}}
rnd = random.Random(2)
head["value"] = {str(k): round(rnd.random() * 1000, 1)
                 for k in sorted(rnd.sample(range(ncells), 20000))}
with open(t + "/sparse.json", "w") as f:
    json.dump(head, f)
# one cell to check: the 1000th key, as region, variable and year
k = sorted(int(x) for x in head["value"])[999]
with open(t + "/cell", "w") as f:
    f.write("%05d %d C%d %r\n" % (k // 500, 1975 + k % 50, (k // 50) % 10,
                                  head["value"][str(k)]))
with open(t + "/tiny.csv", "w") as f:
    f.write("region,year,variable,value\n3807,2020,pop,1\n")
PY
"$GREENIDX" data --type jsonstat --data "$T/sparse.json" > "$T/out" 2> "$T/err" ||
  { echo "FAIL: exit $? on the sparse answer"; cat "$T/err"; exit 1; }
grep -q '^regions: 16000$' "$T/out" || { echo "FAIL: regions"; head -3 "$T/out"; exit 1; }
grep -q '^cells: 20000$' "$T/out" || { echo "FAIL: cells"; head -5 "$T/out"; exit 1; }
read -r reg year var want < "$T/cell"
"$GREENIDX" data --type jsonstat --data "$T/sparse.json" --format csv > "$T/csv" ||
  { echo "FAIL: --format csv"; exit 1; }
got=$(awk -F, -v r="$reg" -v y="$year" -v v="$var" '$1 == r && $2 == y && $3 == v { print $4 }' "$T/csv")
/usr/bin/python3 -c "import sys; sys.exit(float('$got') != float('$want'))" 2>/dev/null ||
  { echo "FAIL: $reg $year $var is '$got', not $want"; exit 1; }
least() {  # least peak kB of three runs of greenidx data on $1
  best=
  for i in 1 2 3; do
    OPENBLAS_NUM_THREADS=1 /usr/bin/time -f '%M' -o "$T/t" "$GREENIDX" data --data "$1" > /dev/null
    p=$(tail -n 1 "$T/t")
    if [ -z "$best" ] || [ "$p" -lt "$best" ]; then best=$p; fi
  done
  echo "$best"
}
# peak memory: only a plain build (a sanitizer's shadow memory is not the input's)
if [ -x /usr/bin/time ] && ! ldd "$GREENIDX" 2>/dev/null | grep -q 'libasan\|libtsan'; then
  base=$(least "$T/tiny.csv"); peak=$(least "$T/sparse.json")
  size=$(( $(wc -c < "$T/sparse.json") / 1024 ))
  [ "$peak" -le $(( base + 2 * size )) ] ||
    { echo "FAIL: peak $peak kB over $base kB + 2 x $size kB"; exit 1; }
  echo "peak $peak kB, base $base kB, input $size kB"
fi
echo ok
