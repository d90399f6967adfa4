# A 16 MB field (under GIDX_CSV_MAX_FIELD) is held once (issue 19, memory
# within twice the input; docs/reliability.md §7): the loader hands the
# parser's buffer to the dataset as the variable name, and `greenidx data`
# writes its summary to a pipe or file as it makes it. Checked here: the
# name comes back whole and the same on standard output and through
# --output, a failing standard output is exit 4, and, with GNU time, the
# peak resident memory is within the base (a two-line CSV) plus twice the
# input (before: 48 MB, net 2.17 x; now about 32 MB, net 1.2 x), also with
# --output (the summary is made in a temporary file, read back after the
# dataset is freed).
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
/usr/bin/python3 - "$T" <<'PY'
import sys
t = sys.argv[1]
with open(t + "/f16.csv", "w") as f:
    f.write("region,year,variable,value\n3807,2020," + "x" * 16000000 + ",1.5\n")
with open(t + "/tiny.csv", "w") as f:
    f.write("region,year,variable,value\n3807,2020,pop,1\n")
PY
"$GREENIDX" data --data "$T/f16.csv" > "$T/pipe" 2> "$T/err" ||
  { echo "FAIL: exit $? on the 16 MB field"; cat "$T/err"; exit 1; }
"$GREENIDX" data --data "$T/f16.csv" --output "$T/file" 2> "$T/err" ||
  { echo "FAIL: exit $? with --output"; cat "$T/err"; exit 1; }
cmp -s "$T/pipe" "$T/file" || { echo "FAIL: standard output and --output differ"; exit 1; }
# "variables: " and the 16,000,000 bytes of the name
n=$(sed -n '/^variables: x/s/^variables: //p' "$T/pipe" | tr -d '\n' | wc -c)
[ "$n" -eq 16000000 ] || { echo "FAIL: the name has $n bytes, not 16000000"; exit 1; }
grep -q '^cells: 1$' "$T/pipe" || { echo "FAIL: no cell"; exit 1; }
if [ -w /dev/full ]; then
  "$GREENIDX" data --data "$T/tiny.csv" > /dev/full 2> "$T/err"; rc=$?
  [ $rc -eq 4 ] || { echo "FAIL: /dev/full gave exit $rc, not 4"; exit 1; }
  grep -q 'cannot write to standard output' "$T/err" || { echo "FAIL: message"; cat "$T/err"; exit 1; }
fi
# peak memory: only a plain build (a sanitizer's shadow memory is not the input's)
if [ -x /usr/bin/time ] && ! ldd "$GREENIDX" 2>/dev/null | grep -q 'libasan\|libtsan'; then
  OPENBLAS_NUM_THREADS=1 /usr/bin/time -f '%M' -o "$T/t0" "$GREENIDX" data --data "$T/tiny.csv" > /dev/null
  OPENBLAS_NUM_THREADS=1 /usr/bin/time -f '%M' -o "$T/t1" "$GREENIDX" data --data "$T/f16.csv" > /dev/null
  base=$(tail -n 1 "$T/t0"); peak=$(tail -n 1 "$T/t1")
  # 15625 kB of input
  [ "$peak" -le $(( base + 2 * 15625 )) ] ||
    { echo "FAIL: peak $peak kB over $base kB + 2 x 15625 kB"; exit 1; }
  OPENBLAS_NUM_THREADS=1 /usr/bin/time -f '%M' -o "$T/t2" "$GREENIDX" data --data "$T/f16.csv" \
    --output "$T/file2"
  peak=$(tail -n 1 "$T/t2")
  [ "$peak" -le $(( base + 2 * 15625 )) ] ||
    { echo "FAIL: with --output, peak $peak kB over $base kB + 2 x 15625 kB"; exit 1; }
fi
echo ok
