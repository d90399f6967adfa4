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

# item 9: --retries, --max-wait and --timeout
"$G" fetch --region 5001 --to 2022 --table RATE --api "$API" --retries 0 --out "$T/r.csv" 2> "$T/err"
rc=$?
[ "$rc" -eq 4 ] || fail "--retries 0 on HTTP 429 gave exit $rc"
grep -q 'HTTP 429 after 0 retries' "$T/err" || fail "--retries 0: message"
# Retry-After: 1 capped by --max-wait 0: the retry does not wait
t0=$(date +%s%N)
"$G" fetch --region 5001 --to 2021 --table RATE --api "$API" --max-wait 0 --out "$T/r.csv" 2> "$T/err" \
  || fail "--max-wait 0 run"
t1=$(date +%s%N)
grep -q '1 retries' "$T/err" || fail "--max-wait 0: no retry counted"
[ $(( (t1 - t0) / 1000000 )) -lt 900 ] || fail "--max-wait 0: took $(( (t1 - t0) / 1000000 )) ms (Retry-After: 1 not capped)"
# SLOW answers after 3 s: --timeout 1 is a network error (exit 4) naming the timeout
"$G" fetch --region 5001 --to 2022 --table SLOW --api "$API" --timeout 1 --retries 0 --out "$T/s.csv" 2> "$T/err"
rc=$?
[ "$rc" -eq 4 ] || fail "--timeout 1 on a 3 s answer gave exit $rc"
grep -q 'timed out (timeout 1 s)' "$T/err" || fail "--timeout: message"
"$G" fetch --region 5001 --table SYNTH --api "$API" --timeout 0 --out "$T/s.csv" 2> "$T/err"
[ $? -eq 1 ] || fail "--timeout 0 is a usage error"

# item 9: an answer holding a region that was not asked for is refused and not cached
"$G" fetch --region 5001 --to 2022 --table EXTRA --api "$API" --cache "$T/cache2" --out "$T/x.csv" 2> "$T/err"
rc=$?
[ "$rc" -eq 2 ] || fail "an answer with an extra region gave exit $rc"
grep -q 'holds region 0301, which was not asked for: refused and not cached' "$T/err" || fail "extra region: message"
[ -e "$T/x.csv" ] && fail "output written from a lying answer"
ls "$T/cache2" 2>/dev/null | grep -q . && fail "a lying answer was cached"

# item 9: a password in --api reaches neither the cache nor any message
PAPI=$(echo "$API" | sed 's|http://|http://alice:s3cr%40t@|')
"$G" fetch --region 5001 --to 2022 --table SYNTH --api "$PAPI" --cache "$T/cache3" --out "$T/p.csv" 2> "$T/err" \
  || fail "fetch with credentials in --api"
grep -rq 's3cr' "$T/cache3" "$T/err" "$T/p.csv" && fail "the password is in the cache, the output or a message"
grep -rq 'alice' "$T/cache3" "$T/err" && fail "the user name is in the cache or a message"
"$G" fetch --region 123 --to 2022 --table SYNTH --api "$PAPI" --out "$T/p2.csv" 2> "$T/err"
grep -q "Non-existent value '123'" "$T/err" || fail "credentials: the error message is missing"
grep -q 's3cr' "$T/err" && fail "the password is in an error message"

# item 9: the cached body carries a checksum; an edited body is refused offline
# and fetched again online (which repairs the entry)
"$G" fetch --region 5001 --to 2022 --table SYNTH --api "$API" --cache "$T/cache4" --out "$T/k1.csv" 2> "$T/err" \
  || fail "caching run"
body=$(ls "$T/cache4"/*.json | grep -v '\.meta\.json$' | head -1)
sed -i 's/5001\.22/5009.22/' "$body"     # same length, another number
"$G" fetch --region 5001 --to 2022 --table SYNTH --api "$API" --cache "$T/cache4" --offline --out "$T/k2.csv" 2> "$T/err"
rc=$?
[ "$rc" -eq 2 ] || fail "an edited cache entry offline gave exit $rc"
grep -q 'the cache is damaged or was edited' "$T/err" || fail "edited cache: message"
[ -e "$T/k2.csv" ] && fail "output written from an edited cache entry"
"$G" fetch --region 5001 --to 2022 --table SYNTH --api "$API" --cache "$T/cache4" --out "$T/k3.csv" 2> "$T/err" \
  || fail "an edited cache entry online is not fetched again"
grep -q '1 requests' "$T/err" || fail "edited cache online: no new request"
cmp -s "$T/k1.csv" "$T/k3.csv" || fail "re-fetched output differs from the first"
"$G" fetch --region 5001 --to 2022 --table SYNTH --api "$API" --cache "$T/cache4" --offline --out "$T/k4.csv" 2> "$T/err" \
  || fail "the repaired entry is not served offline"

# item 9: temporaries of a killed writer (older than 10 minutes) are swept
# when the cache is opened; a fresh one (a writer at work) is left alone
touch -d '1 hour ago' "$T/cache4/0123456789abcdef.json.tmp.AbC123"
touch "$T/cache4/0123456789abcdef.meta.json.tmp.XyZ789"
"$G" fetch --region 5001 --to 2022 --table SYNTH --api "$API" --cache "$T/cache4" --offline --out "$T/k5.csv" 2> "$T/err" \
  || fail "offline run with stale temporaries"
[ -e "$T/cache4/0123456789abcdef.json.tmp.AbC123" ] && fail "a stale temporary was not swept"
[ -e "$T/cache4/0123456789abcdef.meta.json.tmp.XyZ789" ] || fail "a fresh temporary was removed"

# item 6: a gzip bomb stops early (decoded bytes > 200 x bytes received, past
# 64 MiB) and an endless body at the 256 MiB limit, both with bounded memory
limited() {  # limited TABLE NEEDLE MAX_KB: exit 2, the message, peak memory below MAX_KB
  /usr/bin/time -f '%M' -o "$T/mem" "$G" fetch --region 5001 --to 2022 --table "$1" --api "$API" \
    --retries 0 --out "$T/l.csv" 2> "$T/err"
  rc=$?
  [ "$rc" -eq 2 ] || fail "table $1 gave exit $rc"
  grep -q "$2" "$T/err" || fail "table $1: message"
  [ "$(tail -n 1 "$T/mem")" -lt "$3" ] || fail "table $1: $(tail -n 1 "$T/mem") kB of memory"
}
limited BOMB 'a compression bomb' 300000
limited ENDLESS 'exceeds 268435456 bytes' 700000
echo ok
