#!/bin/sh
# A FIFO planted under a cache entry's name (the shared cache directory of
# the threat model, docs/reliability.md §7): every fetch of that query waited
# forever in open(2), offline and online (killed by timeout 15 s at
# c38c5a4). Now the entry is refused at once, exit 2, naming it. Against the
# local PxWebApi test server (tests/data/fetch/server.py; never the internet).
set -u
G=${GREENIDX:?}
. "$(dirname "$0")/lib/pxweb_server.sh"
fail() { echo "FAIL: $*"; cat "$T/err" 2>/dev/null; exit 1; }
q() { "$G" fetch --region 5001 --from 2022 --to 2022 --table SYNTH --api "$API" \
  --cache "$T/cache" --out "$T/out.csv" "$@"; }
q 2> "$T/err" || fail "the first fetch"
for what in meta.json body; do
  rm -rf "$T/cache"
  q 2> "$T/err" || fail "refetch"
  if [ $what = body ]; then
    e=$(ls "$T/cache" | grep -v 'meta.json$' | grep '\.json$' | head -n 1)
  else
    e=$(ls "$T/cache" | grep 'meta.json$' | head -n 1)
  fi
  [ -n "$e" ] || fail "no cache entry ($what): $(ls "$T/cache")"
  rm "$T/cache/$e" && mkfifo "$T/cache/$e" || fail "mkfifo"
  for mode in --offline ""; do
    # shellcheck disable=SC2086
    timeout 15 "$G" fetch --region 5001 --from 2022 --to 2022 --table SYNTH --api "$API" \
      --cache "$T/cache" --out "$T/out.csv" $mode 2> "$T/err"; rc=$?
    [ $rc -eq 2 ] || fail "$what FIFO ${mode:-online}: exit $rc, not 2 (124: it waited)"
    grep -q "cache entry .*$e is not a regular file (a FIFO): refused, remove it" "$T/err" ||
      fail "$what FIFO ${mode:-online}: message"
  done
  [ -p "$T/cache/$e" ] || fail "the FIFO was replaced"
done
echo ok
