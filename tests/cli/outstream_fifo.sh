# A FIFO or pipe as input (issue 19, hardening): input files are opened
# with O_NONBLOCK so that open(2) does not wait for a writer, and
# gidx__file_open_read (libgreenidx/core/file.c) then takes the first byte:
#   - a FIFO with no writer is waited for 5 s (GIDX__FIFO_WAIT_MS) at most,
#     then refused: exit 2, "a FIFO with no writer (nothing to read; waited
#     5 s for one)" (before: "empty file (no header line)" at once);
#   - a writer that opens within the wait and sends a CSV: loaded, the same
#     as from a regular file (also more than a pipe's 64 KiB buffer);
#   - a writer that opens and closes without writing (also an empty pipe,
#     /dev/stdin or bash's <(true)): exit 2, "a FIFO or pipe whose writer
#     closed it without writing anything", without waiting;
#   - a pipe through /dev/fd (bash's <(cat file), /dev/stdin): loaded;
#   - a workbook (--type mdir) from a FIFO: refused at once, exit 2 (a zip
#     archive is read by random access);
#   - the catalogue reader: the same rules as the data readers.
# On Linux a FIFO opened O_RDONLY|O_NONBLOCK with no writer reads as end of
# file and poll() reports no event (not POLLHUP) until a writer opens it;
# that is why a byte is read rather than poll() asked.
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; [ -f "$T/err" ] && cat "$T/err"; exit 1; }
now() { date +%s%N; }
# run CMD...: exit code in $rc, milliseconds in $ms, stderr in $T/err
run() {
  t0=$(now)
  timeout 30 "$@" > "$T/out" 2> "$T/err"; rc=$?
  ms=$(( ($(now) - t0) / 1000000 ))
}
# a long CSV of 3,000 cells (about 70 kB, more than a pipe's buffer)
/usr/bin/python3 - "$T/long.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("region,year,variable,value\n")
    for r in range(60):
        for y in range(2000, 2025):
            for v in range(2):
                f.write("%04d,%d,variable_with_a_long_name_%d,%d.25\n" % (3000 + r, y, v, r * y))
PY
"$GREENIDX" data --data "$T/long.csv" --format csv > "$T/want" || fail "the regular file"
mkfifo "$T/fifo" || fail "mkfifo"

# 1. no writer: refused after the bounded wait, never a hang
run "$GREENIDX" data --data "$T/fifo"
[ $rc -eq 2 ] || fail "no writer: exit $rc, not 2"
grep -q "fifo: cannot read: a FIFO with no writer (nothing to read; waited 5 s for one)" "$T/err" ||
  fail "no writer: message"
[ $ms -ge 4500 ] && [ $ms -le 15000 ] || fail "no writer: $ms ms, not about 5 s"
echo "no writer: exit $rc in $ms ms"

# 2. a writer that opens the FIFO 1 s later and writes the CSV
timeout 20 sh -c "sleep 1; cat '$T/long.csv' > '$T/fifo'" &
run "$GREENIDX" data --data "$T/fifo" --format csv
wait
[ $rc -eq 0 ] || fail "late writer: exit $rc"
cmp -s "$T/out" "$T/want" || fail "late writer: not the file's data"
echo "late writer: exit $rc in $ms ms"

# 3. a writer connected at once that writes 1 s later
timeout 20 sh -c "(sleep 1; cat '$T/long.csv') > '$T/fifo'" &
run "$GREENIDX" data --data "$T/fifo" --format csv
wait
[ $rc -eq 0 ] || fail "slow writer: exit $rc"
cmp -s "$T/out" "$T/want" || fail "slow writer: not the file's data"
echo "slow writer: exit $rc in $ms ms"

# 4. a writer that opens and closes without writing (1 s later, and at once)
for w in "sleep 1; : > '$T/fifo'" "(sleep 1) > '$T/fifo'"; do
  timeout 20 sh -c "$w" &
  run "$GREENIDX" data --data "$T/fifo"
  wait
  [ $rc -eq 2 ] || fail "empty writer ($w): exit $rc, not 2"
  grep -q "fifo: cannot read: a FIFO or pipe whose writer closed it without writing anything" \
    "$T/err" || fail "empty writer ($w): message"
  [ $ms -le 4000 ] || fail "empty writer ($w): $ms ms (it waited past the writer)"
  echo "empty writer ($w): exit $rc in $ms ms"
done

# 5. pipes through /dev/fd
cat "$T/long.csv" | { run "$GREENIDX" data --data /dev/stdin --format csv
  [ $rc -eq 0 ] || fail "/dev/stdin pipe: exit $rc"
  cmp -s "$T/out" "$T/want" || fail "/dev/stdin pipe: not the file's data"; } || exit 1
: | { run "$GREENIDX" data --data /dev/stdin
  [ $rc -eq 2 ] || fail "empty pipe: exit $rc, not 2"
  grep -q "/dev/stdin: cannot read: a FIFO or pipe whose writer closed it without writing" \
    "$T/err" || fail "empty pipe: message"
  [ $ms -le 4000 ] || fail "empty pipe: $ms ms"; } || exit 1
if command -v bash > /dev/null; then
  G="$GREENIDX" L="$T/long.csv" bash -c \
    '"$G" data --data <(cat "$L") --format csv; "$G" data --data <(sleep 1; cat "$L") --format csv' \
    > "$T/out" 2> "$T/err" || fail "bash <(cat file): exit $?"
  cat "$T/want" "$T/want" | cmp -s - "$T/out" || fail "bash <(cat file): not the file's data"
  G="$GREENIDX" bash -c '"$G" data --data <(true)' > /dev/null 2> "$T/err"; rc=$?
  [ $rc -eq 2 ] && grep -q "whose writer closed it without writing anything" "$T/err" ||
    fail "bash <(true): exit $rc"
fi
echo "pipes: ok"

# 6. unchanged: a device
run "$GREENIDX" data --data /dev/null
[ $rc -eq 2 ] && grep -q "/dev/null: cannot read: it is a device, not a file" "$T/err" ||
  fail "/dev/null: exit $rc"

# 7. a workbook from a FIFO: refused at once (no writer needed)
run "$GREENIDX" data --type mdir --data "$T/fifo"
[ $rc -eq 2 ] || fail "mdir FIFO: exit $rc, not 2"
grep -q "cannot read: a workbook must be a regular file, not a FIFO or pipe" "$T/err" ||
  fail "mdir FIFO: message"
[ $ms -le 3000 ] || fail "mdir FIFO: $ms ms"

# 8. the catalogue reader
"$GREENIDX" catalog --format json > "$T/cat.json" || fail "catalog --format json"
"$GREENIDX" catalog --catalog "$T/cat.json" > "$T/cat.want" || fail "catalog from the file"
run "$GREENIDX" catalog --catalog "$T/fifo"
[ $rc -eq 2 ] && grep -q "a FIFO with no writer" "$T/err" || fail "catalogue, no writer: exit $rc"
[ $ms -le 15000 ] || fail "catalogue, no writer: $ms ms"
timeout 20 sh -c "sleep 1; cat '$T/cat.json' > '$T/fifo'" &
run "$GREENIDX" catalog --catalog "$T/fifo"
wait
[ $rc -eq 0 ] && cmp -s "$T/out" "$T/cat.want" || fail "catalogue, late writer: exit $rc"
: | { run "$GREENIDX" catalog --catalog /dev/stdin
  [ $rc -eq 2 ] && grep -q "whose writer closed it without writing anything" "$T/err" ||
    fail "catalogue, empty pipe: exit $rc"; } || exit 1
echo ok
