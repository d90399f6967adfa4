#!/bin/sh
# Servers that lie and a shared cache (issue 19), against the local PxWebApi
# test server (tests/data/fetch/server.py on 127.0.0.1; never the internet).
set -u
G=${GREENIDX:?}
. "$(dirname "$0")/lib/pxweb_server.sh"
fail() { echo "FAIL: $*"; [ -f "$T/err" ] && sed 's/^/    stderr: /' "$T/err"; exit 1; }

# item 2: the server's problem-details title and detail echo what was asked;
# they reach stderr escaped: no ESC or CR, no forged "greenidx fetch:" line
"$G" fetch --region "$(printf '50\033[2J\rgreenidx fetch: all good\n01')" --to 2022 --table SYNTH \
  --api "$API" --cache "$T/cache" --out "$T/c.csv" 2> "$T/err"
rc=$?
[ "$rc" -ne 0 ] || fail "a rejected query exited 0"
grep -qF "Non-existent value '50\\x1B[2J\\x0Dgreenidx fetch: all good\\x0A01'" "$T/err" || fail "escaped detail missing"
LC_ALL=C grep -q "$(printf '[\033\r]')" "$T/err" && fail "raw control character on stderr"
grep -q '^greenidx fetch: all good' "$T/err" && fail "forged line on stderr"
[ -e "$T/c.csv" ] && fail "output written for a rejected query"
echo ok
