#!/usr/bin/env bash
# Compares the ABI of the built libgreenidx.so.0 with the committed baseline
# for GREENIDX_0.1 (made with libabigail's abidw) and fails on an incompatible
# change. Additions are compatible and are listed.
# Usage: tests/abi/check_abi.sh BUILDDIR            (check)
#        tests/abi/check_abi.sh BUILDDIR --update   (write a new baseline)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$1
lib="$build/libgreenidx/libgreenidx.so.0"
baseline="$here/libgreenidx-0.1.abi"
headers="$here/../../include/greenidx"
[ -e "$lib" ] || { echo "FAIL: $lib not built"; exit 1; }
if [ "${2:-}" = "--update" ]; then
  abidw --headers-dir "$headers" --no-corpus-path --out-file "$baseline" "$lib"
  echo "baseline written: $baseline"
  exit 0
fi
[ -f "$baseline" ] || { echo "FAIL: no ABI baseline at $baseline"; exit 1; }
set +e
abidiff --headers-dir2 "$headers" "$baseline" "$lib" > /tmp/gidx-abidiff.$$ 2>&1
rc=$?
set -e
out=$(cat /tmp/gidx-abidiff.$$); rm -f /tmp/gidx-abidiff.$$
echo "$out"
# abidiff exit status bits: 1 error, 2 usage error, 4 ABI change, 8 incompatible ABI change.
if [ $((rc & 3)) -ne 0 ]; then echo "FAIL: abidiff could not compare (status $rc)"; exit 1; fi
if [ $((rc & 8)) -ne 0 ]; then echo "FAIL: incompatible ABI change against GREENIDX_0.1"; exit 1; fi
# libabigail rates a changed signature of an existing C function as a
# (compatible) change; for a stable C ABI it is not: only additions are allowed.
changed=$(echo "$out" | sed -n 's/.*Functions changes summary: \([0-9]*\) Removed, \([0-9]*\) Changed.*/\1 \2/p')
vchanged=$(echo "$out" | sed -n 's/.*Variables changes summary: \([0-9]*\) Removed, \([0-9]*\) Changed.*/\1 \2/p')
for pair in "$changed" "$vchanged"; do
  [ -n "$pair" ] || continue
  set -- $pair
  if [ "$1" != 0 ] || [ "$2" != 0 ]; then
    echo "FAIL: $1 removed and $2 changed functions or variables against GREENIDX_0.1"; exit 1
  fi
done
if [ $((rc & 4)) -ne 0 ]; then echo "ok: compatible ABI changes (additions) against the baseline"; else echo "ok: ABI identical to the baseline"; fi
