#!/bin/sh
# greenidx fetch end to end against the local PxWebApi test server
# (tests/data/fetch/server.py on 127.0.0.1; never the internet): catalogue
# plan, --table, presets, --county, the cache and --offline, SSB's 404 text.
set -u
G=${GREENIDX:?}
. "$(dirname "$0")/lib/pxweb_server.sh"
fail() { echo "FAIL: $*"; exit 1; }

# 1. catalogue plan for the partner preset, cached
"$G" fetch --preset partners --from 2021 --to 2022 --catalog "$D/catalog.json" \
  --api "$API" --cache "$T/cache" --out "$T/a.csv" 2> "$T/err" || { cat "$T/err"; fail "plan run"; }
head -1 "$T/a.csv" | grep -qx 'region,year,variable,value,flag' || fail "header"
grep -qx '5001,2022,population,210496,' "$T/a.csv" || fail "Trondheim population 2022"
grep -qx '4601,2022,population,286930,' "$T/a.csv" || fail "Bergen population 2022"
# server formula: int(region) + (year - 2000)/100, doubled for B
grep -q '^4624,2021,synth_a,4624.21' "$T/a.csv" || fail "synth_a Bjørnafjorden 2021"
grep -q '^46,2022,synth_b,92.4' "$T/a.csv" || fail "synth_b Vestland 2022"
[ "$(grep -c 'greenidx fetch: table .* variable' "$T/err")" -eq 2 ] || fail "one progress line per table"
grep -q '2 requests, 0 retries, 0 from cache' "$T/err" || fail "request count: $(cat "$T/err")"

# 2. the same offline: served from the cache, byte-identical output
"$G" fetch --preset partners --from 2021 --to 2022 --catalog "$D/catalog.json" \
  --api "$API" --cache "$T/cache" --offline --out "$T/b.csv" 2> "$T/err" || { cat "$T/err"; fail "offline"; }
cmp -s "$T/a.csv" "$T/b.csv" || fail "offline output differs"
grep -q '0 requests, 0 retries, 2 from cache' "$T/err" || fail "offline counts: $(cat "$T/err")"
# ... and a query that is not cached fails clearly (exit 2: data missing)
"$G" fetch --region 5001 --to 2022 --table SYNTH --api "$API" --cache "$T/cache" --offline \
  --out "$T/c.csv" 2> "$T/err"
[ $? -eq 2 ] || fail "offline miss exit status"
grep -q 'offline, and the cache' "$T/err" || fail "offline miss message"
[ ! -e "$T/c.csv" ] || fail "output written on failure"

# 3. --table with --region list and --county (registry: Trøndelag has 38 municipalities)
"$G" fetch --region 5001 4601 --from 2022 --to 2022 --table SYNTH --api "$API" --out "$T/d.csv" \
  2> "$T/err" || { cat "$T/err"; fail "--table"; }
[ "$(grep -c . "$T/d.csv")" -eq 5 ] || fail "2 regions x 2 variables"
"$G" fetch --county 50 --to 2022 --table SYNTH --api "$API" --out "$T/e.csv" 2> "$T/err" \
  || { cat "$T/err"; fail "--county"; }
[ "$(cut -d, -f1 "$T/e.csv" | sort -u | grep -c '^50')" -eq 38 ] || fail "county 50 municipalities"

# 4. SSB's 404 message passed on; usage errors
"$G" fetch --region 5001 --to 2022 --table NOPE --api "$API" --out "$T/f.csv" 2> "$T/err"
[ $? -eq 2 ] || fail "404 exit status"
grep -q 'No table with id NOPE' "$T/err" || fail "404 message"
"$G" fetch --region 5001 --table SYNTH 2> /dev/null; [ $? -eq 1 ] || fail "--out required"
"$G" fetch --preset friends --table SYNTH --out - 2> /dev/null; [ $? -eq 1 ] || fail "unknown preset"
"$G" fetch --region 5001 --out - 2> /dev/null; [ $? -eq 1 ] || fail "nothing to fetch"
"$G" fetch --help | grep -q -- '--preset partners' || fail "help"
echo "fetch CLI: ok"
