# The one convention for levels (gidx_level_normalize) on the command line:
# percent (80, 95), fractions in (0, 1) read as that share of 100, anything
# else refused with a message naming --level (issue #17, "no silently wrong
# number").
set -eu
T=${TMPDIR:-/tmp}/gidx-bindB-$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT
{
  echo 'series_id,timestamp,value'
  echo 'A,2010,1'; echo 'A,2011,2'; echo 'A,2012,4'; echo 'A,2013,7'; echo 'A,2014,11'
} > "$T/in.csv"
pct=$("$GREENIDX" forecast --input "$T/in.csv" --horizon 2 --method drift --no-calibrate --level 80,95)
frac=$("$GREENIDX" forecast --input "$T/in.csv" --horizon 2 --method drift --no-calibrate --level 0.8,0.95)
[ "$pct" = "$frac" ] || { echo "--level 0.8,0.95 differs from 80,95"; echo "$frac"; exit 1; }
echo "$frac" | head -1 | grep -qx 'series_id,timestamp,mean,lo80,hi80,lo95,hi95'
# drift by hand (y = 1, 2, 4, 7, 11): mean 13.5 at h = 1, sd = sqrt(5/3 + 5/12),
# lo80 = 13.5 - 1.2815516 * 1.4433757 = 11.65024 (printed 11.65023965)
echo "$frac" | grep -q '^A,2015,13.5,11.650239'
for bad in 0 100 -80 150 nan; do
  if "$GREENIDX" forecast --input "$T/in.csv" --horizon 2 --level "$bad" > /dev/null 2> "$T/err"; then
    echo "--level $bad was accepted"; exit 1
  fi
  grep -q -- "--level" "$T/err" || { echo "the error for --level $bad does not name --level"; cat "$T/err"; exit 1; }
done

# greenidx effect --level: 90 and 0.9 give the same 90 % interval
{
  echo 'u,t,y,d'
  echo 'a,1,1,1'; echo 'a,2,4,1'; echo 'b,1,2,1'; echo 'b,2,6,1'
  echo 'c,1,1,0'; echo 'c,2,2,0'; echo 'e,1,3,0'; echo 'e,2,3.5,0'
} > "$T/p.csv"
e90=$("$GREENIDX" effect did --data "$T/p.csv" --unit u --time t --outcome y --treat-col d \
      --treat-time 2 --se classical --level 90 --format csv)
e09=$("$GREENIDX" effect did --data "$T/p.csv" --unit u --time t --outcome y --treat-col d \
      --treat-time 2 --se classical --level 0.9 --format csv)
e95=$("$GREENIDX" effect did --data "$T/p.csv" --unit u --time t --outcome y --treat-col d \
      --treat-time 2 --se classical --format csv)
[ "$e90" = "$e09" ] || { echo "effect --level 0.9 differs from 90"; exit 1; }
[ "$e90" != "$e95" ] || { echo "effect --level 90 gave the 95 % interval"; exit 1; }
if "$GREENIDX" effect did --data "$T/p.csv" --unit u --time t --outcome y --treat-col d \
     --treat-time 2 --level 100 > /dev/null 2> "$T/err"; then
  echo "effect --level 100 was accepted"; exit 1
fi
grep -q -- "--level" "$T/err"
echo ok
