#!/bin/sh
# Runs every tests/cli/*.sh with GREENIDX set to the built command; each
# script exits non-zero on failure. Prints "N passed, N failed".
set -u
GREENIDX="$1"; export GREENIDX
dir=$(dirname "$0")/cli
pass=0; fail=0
for t in "$dir"/*.sh; do
  [ -e "$t" ] || continue
  if sh "$t" > /tmp/gidx-cli-$$.log 2>&1; then
    pass=$((pass + 1)); echo "PASS $(basename "$t")"
  else
    fail=$((fail + 1)); echo "FAIL $(basename "$t")"; sed 's/^/    /' /tmp/gidx-cli-$$.log
  fi
done
rm -f /tmp/gidx-cli-$$.log
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
