# greenidx effect: JSON keys, published values and error exits.
set -eu
D=${GIDX_TEST_DATA:-tests/data}/effects
PY=/usr/bin/python3
out=$("$GREENIDX" effect fe --data "$D/grunfeld.csv" --unit firm --time year --outcome inv \
      --covariates value,capital --se classical --format json)
echo "$out" | $PY -c '
import json, sys
d = json.load(sys.stdin)
for k in ("estimate", "se", "ci_low", "ci_high", "p_value", "coefficients"):
    assert k in d, k
c = d["coefficients"]
assert abs(c["value"]["estimate"] - 0.110124) < 1e-5 and abs(c["capital"]["se"] - 0.017355) < 1e-4, c
'
out=$("$GREENIDX" effect csdid --data "$D/mpdta.csv" --unit countyreal --time year --outcome lemp \
      --group-col first.treat --seed 1 --nboot 200 --format json)
echo "$out" | $PY -c '
import json, sys
d = json.load(sys.stdin)
assert len(d["att_gt"]) == 12 and set(d["att_gt"][0]) == {"group", "time", "att", "se"}
assert abs(d["att_group"]["estimate"] + 0.031) < 0.001
assert abs(d["att_dynamic"]["estimate"] + 0.0772) < 0.001
assert len(d["att_dynamic"]["event_times"]) == 7 and "groups" in d["att_group"]
assert "estimate" in d["att_simple"] and "se" in d["att_simple"]
'
out=$("$GREENIDX" effect twfe --data "$D/mpdta.csv" --unit countyreal --time year --outcome lemp \
      --group-col first.treat --format csv)
echo "$out" | grep -q '^coef,"","treat",,,-0.0365489'
"$GREENIDX" effect did --data "$D/grunfeld.csv" --unit firm --time year --outcome inv \
      --treated 1 --treat-time 1945 --format table | grep -q '^overall'
set +e
"$GREENIDX" effect synth --data "$D/smoking.csv" --unit state --time year --outcome cigsale \
    --treated Oslo --treat-time 1989 2>/tmp/gidx_eff_err.$$; rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "absent treated unit gave exit $rc, expected 2"; exit 1; }
grep -q 'Oslo' /tmp/gidx_eff_err.$$ || { echo "error does not name the unit"; exit 1; }
set +e
"$GREENIDX" effect fe --data "$D/grunfeld.csv" --unit firm --time year --outcome inv \
    --covariates value,value 2>/tmp/gidx_eff_err.$$; rc=$?
set -e
[ "$rc" -eq 3 ] || { echo "singular design gave exit $rc, expected 3"; exit 1; }
grep -q '"value"' /tmp/gidx_eff_err.$$ || { echo "singular error does not name the column"; exit 1; }
set +e
"$GREENIDX" effect nonsense --data x 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || { echo "unknown estimator gave exit $rc, expected 1"; exit 1; }
"$GREENIDX" effect fe --data "$D/grunfeld.csv" --unit firm --time year --outcome inv --se nope 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || { echo "bad --se gave exit $rc, expected 1"; exit 1; }
set -e
rm -f /tmp/gidx_eff_err.$$
exit 0
