# `greenidx data` on a terminal (issue 19, memory within twice the input;
# docs/reliability.md §7): the summary or CSV goes through a pipe to a thread
# that escapes and shows it 64 KiB at a time, so it is never held whole
# beside the dataset. Before, it was made in a temporary file, and, when
# none could be made (a read-only or full /tmp), in memory with its escaped
# copy: 45.7 MB for the CSV of an 8 MB long file against a base of 15.9 MB,
# net 3.8 x; now 24.3 MB either way, net 1.1 x. Checked under script(1),
# which gives the command a pseudo-terminal: the text is the pipe's (the
# terminal turns "\n" into "\r\n"), control characters from the data are
# escaped, and the peak (GNU time of script and its children) is within the
# base (a two-line CSV, the same way) plus twice the input.
set -u
command -v script > /dev/null || { echo "skipped: no script(1)"; exit 0; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
/usr/bin/python3 - "$T" <<'PY'
import random, sys
t = sys.argv[1]
rnd = random.Random(3)
with open(t + "/long8.csv", "w") as f:
    f.write("region,year,variable,value\n")
    for r in range(800):
        f.write("".join("%04d,%d,C%d,%.1f\n" % (r, y, v, rnd.random() * 10000)
                        for v in range(10) for y in range(1975, 2025)))
with open(t + "/tiny.csv", "w") as f:
    f.write("region,year,variable,value\n3807,2020,pop,1\n")
with open(t + "/esc.csv", "w") as f:
    f.write("region,year,variable,value\n\"\x1b]0;owned\x07r\",2020,pop,1\n")
PY
for fmt in summary csv; do
  "$GREENIDX" data --data "$T/long8.csv" --format $fmt > "$T/pipe.$fmt" ||
    { echo "FAIL: exit $? through a pipe ($fmt)"; exit 1; }
  script -qfc "\"$GREENIDX\" data --data \"$T/long8.csv\" --format $fmt" /dev/null |
    tr -d '\r' > "$T/tty.$fmt"
  cmp -s "$T/pipe.$fmt" "$T/tty.$fmt" ||
    { echo "FAIL: the terminal's $fmt differs from the pipe's"; exit 1; }
done
script -qfc "\"$GREENIDX\" data --data \"$T/esc.csv\"" /dev/null > "$T/esc.out"
if grep -q "$(printf '\033')" "$T/esc.out"; then echo "FAIL: ESC reached the terminal"; exit 1; fi
grep -q 'owned' "$T/esc.out" || { echo "FAIL: the escaped region is not shown"; exit 1; }
# peak memory: only a plain build (a sanitizer's shadow memory is not the input's)
if [ -x /usr/bin/time ] && ! ldd "$GREENIDX" 2>/dev/null | grep -q 'libasan\|libtsan'; then
  OPENBLAS_NUM_THREADS=1 /usr/bin/time -f '%M' -o "$T/t0" \
    script -qfc "\"$GREENIDX\" data --data \"$T/tiny.csv\" --format csv" /dev/null > /dev/null
  OPENBLAS_NUM_THREADS=1 /usr/bin/time -f '%M' -o "$T/t1" \
    script -qfc "\"$GREENIDX\" data --data \"$T/long8.csv\" --format csv" /dev/null > /dev/null
  base=$(tail -n 1 "$T/t0"); peak=$(tail -n 1 "$T/t1")
  size=$(( $(wc -c < "$T/long8.csv") / 1024 ))
  [ "$peak" -le $(( base + 2 * size )) ] ||
    { echo "FAIL: peak $peak kB over $base kB + 2 x $size kB"; exit 1; }
  echo "terminal csv: peak $peak kB, base $base kB, input $size kB"
fi
echo ok
