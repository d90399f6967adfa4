# `greenidx data --format csv` streams (issue 19, memory within twice the
# input): to standard output the CSV is written 64 KiB at a time as it is
# made (gidx_dataset_write_csv_fd), with --output into the output's atomic
# temporary file (gidx_dataset_write_csv, gidx_output_*), renamed at the end;
# the summary with --output too. Before (c38c5a4) the whole CSV text was made
# beside the dataset: on the 50 MB long CSV of bench/scaling/memory.sh,
# 115 MB (net 2.07 x) for both; now 45 MB (net 0.64 x).
# Checked here, on a 16 MB long CSV of 800,000 cells (bench/scaling's
# long_csv generator with 1,600 regions):
#   - standard output and --output give the same bytes, and the bytes a
#     Python reading of the input gives (regions and variables in order of
#     first appearance, years ascending, values %.17g, flags empty), so also
#     those of gidx_dataset_to_csv, which check_outstream.c compares;
#   - peak resident memory (GNU time) within base + 2 x input for standard
#     output, --output, and the summary with --output (base: the same command
#     on a two-line CSV);
#   - formula-like, quoted, long and control-character cells: byte for byte
#     as written before (quoted and prefixed with ', RFC 4180 quoting);
#   - whole or nothing: when a write fails half-way (ulimit -f, with SIGXFSZ
#     ignored), exit 4 naming the file, the old file is untouched and no
#     temporary file is left; a full standard output is exit 4.
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; [ -f "$T/err" ] && head -c 2000 "$T/err"; exit 1; }
/usr/bin/python3 - "$T" <<'PY'
import random, sys
t = sys.argv[1]
# bench/scaling/memory.sh's long_csv, 1,600 regions
rnd = random.Random(3)
rows = []
with open(t + "/long16.csv", "w") as f:
    f.write("region,year,variable,value\n")
    for r in range(1600):
        for v in range(10):
            for y in range(1975, 2025):
                x = float("%.1f" % (rnd.random() * 10000))
                f.write("%04d,%d,C%d,%.1f\n" % (r, y, v, x))
                rows.append("%04d,%d,C%d,%s,\n" % (r, y, v, "%.17g" % x))
with open(t + "/want.csv", "w") as f:
    f.write("region,year,variable,value,flag\n")
    f.writelines(rows)
with open(t + "/tiny.csv", "w") as f:
    f.write("region,year,variable,value\n3807,2020,pop,1\n")
PY
size=$(( $(wc -c < "$T/long16.csv") / 1024 ))
[ "$size" -gt 15000 ] || fail "the input is $size kB"

"$GREENIDX" data --type long --data "$T/long16.csv" --format csv > "$T/stdout.csv" 2> "$T/err" ||
  fail "standard output: exit $?"
"$GREENIDX" data --type long --data "$T/long16.csv" --format csv --output "$T/out.csv" 2> "$T/err" ||
  fail "--output: exit $?"
cmp -s "$T/stdout.csv" "$T/want.csv" || fail "standard output differs from the Python reading"
cmp -s "$T/out.csv" "$T/want.csv" || fail "--output differs from the Python reading"
# through a pipe too
"$GREENIDX" data --type long --data "$T/long16.csv" --format csv | cmp -s - "$T/want.csv" ||
  fail "a pipe differs from the Python reading"

# formula-like, quoted and control-character cells, as before (c38c5a4)
printf '%s\n' 'region,year,variable,value' "0301,2020,=1+2,1.5" '"-x",2020,@SUM(A1),2' \
  '"a,b",2020,"say ""hi""",3' "$(printf '\033[31mred')"',2020, sp ,4' "0302,2021,-3.5,5" \
  > "$T/hostile.csv"
"$GREENIDX" data --type long --data "$T/hostile.csv" --format csv > "$T/h1" 2> "$T/err" ||
  fail "hostile: exit $?"
"$GREENIDX" data --type long --data "$T/hostile.csv" --format csv --output "$T/h2" ||
  fail "hostile --output"
/usr/bin/python3 - "$T/h1" <<'PY' || fail "hostile cells are not written as before"
import sys
got = open(sys.argv[1], "rb").read()
want = (b"region,year,variable,value,flag\n"
        b"0301,2020,\"'=1+2\",1.5,\n"
        b"\"'-x\",2020,\"'@SUM(A1)\",2,\n"
        b"\"a,b\",2020,\"say \"\"hi\"\"\",3,\n"
        b"\x1b[31mred,2020,sp,4,\n"
        b"0302,2021,-3.5,5,\n")
if got != want:
    print(got)
    sys.exit(1)
PY
cmp -s "$T/h1" "$T/h2" || fail "hostile: --output differs from standard output"

# whole or nothing when a write fails half-way: a 4 MB file limit
cp "$T/tiny.csv" "$T/old.csv"
chmod 640 "$T/old.csv"
( trap '' XFSZ; ulimit -f 8192
  exec "$GREENIDX" data --type long --data "$T/long16.csv" --format csv --output "$T/old.csv" ) \
  2> "$T/err"; rc=$?
[ $rc -eq 4 ] || fail "a failed write: exit $rc, not 4"
grep -q "old.csv: cannot write: File too large" "$T/err" || fail "a failed write: message"
cmp -s "$T/old.csv" "$T/tiny.csv" || fail "a failed write changed the old file"
[ "$(stat -c %a "$T/old.csv")" = 640 ] || fail "a failed write changed the mode"
ls "$T" | grep -q 'tmp\.' && fail "a temporary file was left: $(ls "$T")"
# and a whole write keeps the mode
"$GREENIDX" data --type long --data "$T/hostile.csv" --format csv --output "$T/old.csv" ||
  fail "rewrite"
[ "$(stat -c %a "$T/old.csv")" = 640 ] || fail "the mode was not kept"
cmp -s "$T/old.csv" "$T/h1" || fail "rewrite: content"
if [ -w /dev/full ]; then
  "$GREENIDX" data --type long --data "$T/tiny.csv" --format csv > /dev/full 2> "$T/err"; rc=$?
  [ $rc -eq 4 ] && grep -q 'cannot write to standard output' "$T/err" ||
    fail "/dev/full: exit $rc"
fi

# peak memory: only a plain build (a sanitizer's shadow memory is not the input's)
if [ -x /usr/bin/time ] && ! ldd "$GREENIDX" 2>/dev/null | grep -q 'libasan\|libtsan'; then
  peak() {  # peak kB of greenidx data ARGS (standard output to $T/o)
    OPENBLAS_NUM_THREADS=1 /usr/bin/time -f '%M' -o "$T/t" "$GREENIDX" data --type long "$@" \
      > "$T/o" || fail "greenidx data $*: exit $?"
    tail -n 1 "$T/t"
  }
  for mode in stdout output summary; do
    case $mode in
      stdout) set -- --format csv ;;
      output) set -- --format csv --output "$T/m.csv" ;;
      summary) set -- --output "$T/m.txt" ;;
    esac
    base=$(peak --data "$T/tiny.csv" "$@")
    p=$(peak --data "$T/long16.csv" "$@")
    echo "$mode: base $base kB, peak $p kB, input $size kB," \
      "net $(awk -v p="$p" -v b="$base" -v s="$size" 'BEGIN { printf "%.2f", (p - b) / s }') x"
    [ "$p" -le $(( base + 2 * size )) ] ||
      fail "$mode: peak $p kB over $base kB + 2 x $size kB"
  done
fi
echo ok
