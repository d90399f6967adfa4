# Under an address-space limit (ulimit -v) the command must finish, not hang
# at exit in OpenBLAS's thread shutdown (issue 19, docs/reliability.md §7):
# greenidx runs itself again with OPENBLAS_NUM_THREADS=1 when a limit is set
# and the variable is not. Before that change `greenidx data` on a two-line
# CSV under `ulimit -v 200000` printed its summary and never exited (2 cores).
# Skipped for a sanitizer build (ASan reserves terabytes of address space).
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
if ldd "$GREENIDX" 2>/dev/null | grep -q 'libasan\|libtsan'; then
  echo "SKIP: sanitizer build"; exit 0
fi
command -v timeout > /dev/null || { echo "SKIP: no timeout(1)"; exit 0; }
printf 'region,year,variable,value\n3807,2020,pop,1\n' > "$T/tiny.csv"
for limit in 200000 400000; do
  ( unset OPENBLAS_NUM_THREADS; ulimit -v $limit
    timeout 60 "$GREENIDX" data --data "$T/tiny.csv" > "$T/out" 2> "$T/err" ); rc=$?
  [ $rc -eq 124 ] && { echo "FAIL: hung under ulimit -v $limit"; exit 1; }
  [ $rc -eq 0 ] || { echo "FAIL: exit $rc under ulimit -v $limit"; cat "$T/err"; exit 1; }
  grep -q '^cells: 1$' "$T/out" || { echo "FAIL: no summary under ulimit -v $limit"; exit 1; }
done
# a file larger than the address space left: neither mapped nor read, a data
# limit (exit 2) naming the file, not "out of memory allocating N bytes"
# (exit 5) as before; a sparse file of NULs, so it takes no disk
truncate -s 300M "$T/big.json" 2> /dev/null || { echo "SKIP: no truncate"; exit 0; }
( unset OPENBLAS_NUM_THREADS; ulimit -v 250000
  timeout 60 "$GREENIDX" data --data "$T/big.json" > /dev/null 2> "$T/err" ); rc=$?
[ $rc -eq 2 ] || { echo "FAIL: 300 MB file under ulimit -v 250000: exit $rc"; cat "$T/err"; exit 1; }
grep -q 'big.json: the file could not be mapped or read (out of memory' "$T/err" ||
  { echo "FAIL: message"; cat "$T/err"; exit 1; }
# the user's own choice of threads is kept (no re-execution)
( ulimit -v 400000; OPENBLAS_NUM_THREADS=1 timeout 60 "$GREENIDX" data --data "$T/tiny.csv" \
  > /dev/null 2>&1 ) || { echo "FAIL: with OPENBLAS_NUM_THREADS=1"; exit 1; }
echo ok
