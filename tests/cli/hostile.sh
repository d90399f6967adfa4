# Hostile and careless input (issue 19): each case asserts the exit code
# (0 ok, 1 usage, 2 data, 3 computation, 4 output/network, 5 internal) and
# that the message names the cause. POSIX sh: run by tests/check_cli.sh.
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; [ -f "$T/err" ] && sed 's/^/    stderr: /' "$T/err"; exit 1; }
# expect CODE NEEDLE CMD...: run CMD, check the exit code and that stderr names NEEDLE
expect() {
  want=$1; needle=$2; shift 2
  "$@" > "$T/out" 2> "$T/err"; got=$?
  [ "$got" -eq "$want" ] || fail "$* gave exit $got, expected $want"
  [ -z "$needle" ] || grep -qF -- "$needle" "$T/err" || fail "$*: stderr lacks \"$needle\""
}
C="$GIDX_TEST_DATA/composite"

# item 7: finite input whose forecast overflows is a computation error, not -nan/inf rows
{ echo series_id,value,timestamp
  i=0; while [ $i -lt 20 ]; do
    if [ $((i % 2)) -eq 0 ]; then v=1e308; else v=-1e308; fi
    echo "A,$v,$((2000 + i))"; i=$((i + 1)); done; } > "$T/alt.csv"
for m in naive drift auto; do
  expect 3 "series A: forecast for 2020 (step 1) is not finite" \
    "$GREENIDX" forecast --input "$T/alt.csv" --horizon 2 --method $m --no-calibrate
  grep -qi 'nan\|inf' "$T/out" && fail "forecast --method $m printed a non-finite row"
done

# item 8: a forecast input with only a header fails
echo series_id,value,timestamp > "$T/hdr.csv"
expect 2 "hdr.csv: no data rows after the header" "$GREENIDX" forecast --input "$T/hdr.csv" --horizon 2

# item 8: COINr metadata errors are data errors (exit 2), naming the cause
sed 's/^4,"Index","Sustainable Connectivity",1,1,"Score",NA,NA,NA,/4,"Index","Sustainable Connectivity",1,1,"Score",NA,NA,"Conn",/' \
  "$C/ASEM_iMeta.csv" > "$T/cyc.csv"
# the cycle is named with its codes and iMeta lines (Conn on line 59, Index on 61)
expect 2 "cyc.csv: the Parent column forms a cycle, Conn (line 59) -> Index (line 61) -> Conn (iCode -> Parent)" \
  "$GREENIDX" index --units "$C/ASEM_iData.csv" --meta "$T/cyc.csv"
# a longer cycle below a proper root: Physical -> P2P -> Physical, the root Index kept
sed -e 's/"Physical","Physical",1,1,"Score",NA,NA,"Conn"/"Physical","Physical",1,1,"Score",NA,NA,"P2P"/' \
    -e 's/"P2P","People to People",1,1,"Score",NA,NA,"Conn"/"P2P","People to People",1,1,"Score",NA,NA,"Physical"/' \
  "$C/ASEM_iMeta.csv" > "$T/cyc2.csv"
expect 2 "cyc2.csv: the Parent column forms a cycle, Physical (line 51) -> P2P (line 55) -> Physical" \
  "$GREENIDX" index --units "$C/ASEM_iData.csv" --meta "$T/cyc2.csv"
sed 's/"Physical","Indicator"/"Nowhere","Indicator"/' "$C/ASEM_iMeta.csv" > "$T/miss.csv"
expect 2 "parent Nowhere of LPI is not defined" "$GREENIDX" index --units "$C/ASEM_iData.csv" --meta "$T/miss.csv"
sed 's/^3,"Sust","Sustainability",1,1,"Score",NA,NA,"Index"/3,"Sust","Sustainability",1,1,"Score",NA,NA,NA/' \
  "$C/ASEM_iMeta.csv" > "$T/two.csv"
expect 2 "two roots, Sust and Index" "$GREENIDX" index --units "$C/ASEM_iData.csv" --meta "$T/two.csv"
sed 's/^1,"LPI","Logistics Performance Index",1,1,/1,"LPI","Logistics Performance Index",1,-1,/' \
  "$C/ASEM_iMeta.csv" > "$T/neg.csv"
expect 2 "node LPI has weight -1" "$GREENIDX" index --units "$C/ASEM_iData.csv" --meta "$T/neg.csv"
# all-zero user weights would make every score NA
sed -E 's/^([0-9]),("[^"]*","[^"]*"),(-?1),1,/\1,\2,\3,0,/' "$C/ASEM_iMeta.csv" > "$T/zero.csv"
expect 2 "has weight 0, so every score" "$GREENIDX" index --units "$C/ASEM_iData.csv" --meta "$T/zero.csv"

# item 8: bad catalogue ids are data errors
cat > "$T/badid.json" <<'EOF'
{"format":"greenidx-catalog","version":1,"name":"t","variables":[{"name":"a"}],"indicators":[{"id":"bad id!","formula":"a"}]}
EOF
expect 2 'indicator id "bad id!" is not snake_case' "$GREENIDX" catalog --catalog "$T/badid.json"
# item 10: a catalogue with a UTF-8 byte-order mark is read, as CSV and JSON-stat are
printf '\357\273\277' > "$T/bom.json"
sed 's/bad id!/ok_id/' "$T/badid.json" >> "$T/bom.json"
expect 0 "" "$GREENIDX" catalog --catalog "$T/bom.json"
grep -q ok_id "$T/out" || fail "BOM catalogue: ok_id not listed"

# item 8: report --mc beyond the limit is a usage error, not an exit 0 with a note
expect 1 "--mc needs an integer from 1 to 1000000" "$GREENIDX" report --mc 1000000000 --quiet --format json
# item 8: a scenario naming a region the data do not hold
cat > "$T/sc_unk.json" <<'EOF'
{"name":"t","instruments":[{"name":"x","indicator":"ghg_road_per_capita","regions":["9999"],"start_year":2026,"effect":{"type":"relative","per_year":[-0.02]}}]}
EOF
expect 2 'names region "9999", which is not in the data' \
  "$GREENIDX" report --scenario "$T/sc_unk.json" --quiet --format json --mc 20
# item 5: an 80-byte effect estimate with a huge event_time allocates nothing, exit 2
printf '{"method":"csdid","att_dynamic":{"event_times":[{"event_time":4000000000000000000,"estimate":0.1}]}}' > "$T/eff.json"
cat > "$T/sc_big.json" <<'EOF'
{"name":"t","instruments":[{"name":"x","indicator":"ghg_total","start_year":2027,"effect":{"type":"absolute","estimate_file":"eff.json"}}]}
EOF
expect 2 "event time 4000000000000000000 (entry 0) is beyond 300 years" \
  "$GREENIDX" report --scenario "$T/sc_big.json" --quiet --format json --mc 20

# item 10: years -5, 0 and 2^40 are refused by the CSV loader (JSON-stat takes four digits)
for y in -5 0 1099511627776; do
  printf 'region,year,variable,value\n3807,%s,a,1\n' "$y" > "$T/y.csv"
  expect 2 "y.csv:2: column 2 (\"year\"): \"$y\" is not a year" "$GREENIDX" data --data "$T/y.csv"
done
# item 10: 4.9e-324 is a finite (subnormal) double: accepted, written back
printf 'region,year,variable,value\n3807,2020,a,4.9e-324\n' > "$T/den.csv"
expect 0 "" "$GREENIDX" data --data "$T/den.csv" --format csv
grep -q '^3807,2020,a,4.94065645841246[0-9]*e-324,' "$T/out" || fail "4.9e-324 not written back"

# item 4: series are grouped by sorting (not a scan of the series seen so far):
# interleaved rows keep the order of first appearance and each series its rows
{ echo series_id,value,timestamp
  for yr in 2010 2011 2012 2013 2014; do echo "B,$((yr - 2000)),$yr"; echo "A,$((yr - 1990)),$yr"; done; } > "$T/inter.csv"
expect 0 "" "$GREENIDX" forecast --input "$T/inter.csv" --horizon 1 --method naive --no-calibrate
[ "$(sed -n 2p "$T/out" | cut -d, -f1-3)" = "B,2015,14" ] || fail "interleaved: first row $(sed -n 2p "$T/out")"
[ "$(sed -n 3p "$T/out" | cut -d, -f1-3)" = "A,2015,24" ] || fail "interleaved: second row $(sed -n 3p "$T/out")"
# item 2: region codes, names and variables from a file reach the terminal
# escaped: no ESC, BEL or CR, and no forged line
printf 'region,year,variable,value\n"38\033[31mRED\a\r07",2020,"v\ngreenidx data: all good",1\n' > "$T/inj.csv"
expect 0 "" "$GREENIDX" data --data "$T/inj.csv"
LC_ALL=C grep -q "$(printf '[\033\007\r]')" "$T/out" && fail "data summary printed a raw control character"
grep -q '^greenidx data: all good' "$T/out" && fail "data summary printed a forged line"
grep -qF '38\x1B[31mRED\x07\x0D07' "$T/out" || fail "data summary: escaped region code missing"
grep -qF 'v\x0Agreenidx data: all good' "$T/out" || fail "data summary: escaped variable missing"
# ... and in error messages (a forecast series id, a duplicate key)
printf 'series_id,value,timestamp\n"\033]0;pwned\a",1,2020\n"\033]0;pwned\a",2,2021\n' > "$T/inj2.csv"
expect 3 'series \x1B]0;pwned\x07: ' "$GREENIDX" forecast --input "$T/inj2.csv" --horizon 1 --method naive --no-calibrate
LC_ALL=C grep -q "$(printf '[\033\007]')" "$T/err" && fail "forecast printed a raw control character"
printf 'region,year,variable,value\n"\033[2J",2020,a,1\n"\033[2J",2020,a,2\n' > "$T/inj3.csv"
expect 2 '\x1B[2J' "$GREENIDX" data --data "$T/inj3.csv"
LC_ALL=C grep -q "$(printf '\033')" "$T/err" && fail "data error printed a raw ESC"
# item 3: output targets that are not regular files are written through
expect 0 "" "$GREENIDX" data --format csv --output /dev/null
[ -c /dev/null ] || fail "/dev/null is no longer a character device"
ln -s /dev/stdout "$T/so"
"$GREENIDX" data --format csv --output "$T/so" | cat > "$T/so.out" || fail "--output link to stdout failed"
[ -L "$T/so" ] || fail "the link to stdout was replaced"
head -1 "$T/so.out" | grep -qx 'region,year,variable,value,flag' || fail "nothing came through the link to stdout"
mkfifo "$T/fifo"
expect 4 "fifo: cannot open for writing" "$GREENIDX" data --format csv --output "$T/fifo"
[ -p "$T/fifo" ] || fail "the FIFO was replaced"
# umask and modes: a new output honours umask 077; an existing 0600 file stays 0600
( umask 077; "$GREENIDX" data --format csv --output "$T/new.csv" ) || fail "write with umask 077"
[ "$(stat -c %a "$T/new.csv")" = 600 ] || fail "umask 077 gave mode $(stat -c %a "$T/new.csv")"
chmod 640 "$T/new.csv"
expect 0 "" "$GREENIDX" data --format csv --output "$T/new.csv"
[ "$(stat -c %a "$T/new.csv")" = 640 ] || fail "an existing 0640 file became $(stat -c %a "$T/new.csv")"
ls "$T" | grep -q '\.tmp\.' && fail "a temporary file was left behind"
# item 6: sizes are checked before reading: a 2 GB sparse file and /dev/zero
# are refused at once, without reading them into memory
truncate -s 2G "$T/sparse.csv"
expect 2 "sparse.csv: 2147483648 bytes exceed the limit of 1073741824 bytes (not read)" \
  "$GREENIDX" data --data "$T/sparse.csv"
rm -f "$T/sparse.csv"
expect 2 "/dev/zero: cannot read: it is a device, not a file" "$GREENIDX" data --data /dev/zero
expect 2 "/dev/zero: cannot read: it is a device, not a file" "$GREENIDX" catalog --catalog /dev/zero
# item 2: documents printed on a terminal (a catalogue name with ESC) are
# escaped; piped, the same output keeps its bytes
printf '{"format":"greenidx-catalog","version":1,"name":"t\\u001b[2J","variables":[{"name":"a"}],"indicators":[{"id":"x","formula":"a"}]}' > "$T/injcat.json"
/usr/bin/python3 - "$GREENIDX" "$T/injcat.json" > "$T/tty.out" <<'PY' || fail "catalog on a terminal"
import os, pty, subprocess, sys
m, s = pty.openpty()
p = subprocess.Popen([sys.argv[1], "catalog", "--catalog", sys.argv[2]], stdout=s)
os.close(s)
out = b""
while True:
    try:
        d = os.read(m, 65536)
    except OSError:
        break
    if not d:
        break
    out += d
sys.stdout.buffer.write(out)
sys.exit(p.wait())
PY
LC_ALL=C grep -q "$(printf '\033')" "$T/tty.out" && fail "catalog printed a raw ESC on a terminal"
grep -qF 'Catalogue t\x1B[2J' "$T/tty.out" || fail "catalog on a terminal: escaped name missing"
"$GREENIDX" catalog --catalog "$T/injcat.json" > "$T/pipe.out" || fail "catalog to a pipe"
LC_ALL=C grep -q "$(printf '\033')" "$T/pipe.out" || fail "catalog to a pipe lost its bytes"
# a FIFO nobody writes to, given as --data or --catalog: refused as such (exit 2)
# after waiting 5 s for a writer, not a process waiting forever for one
# (timeout 20 s = a hang); tests/cli/outstream_fifo.sh has the other cases
mkfifo "$T/fifo_in"
expect 2 "fifo_in: cannot read: a FIFO with no writer" timeout 20 "$GREENIDX" indicators --data "$T/fifo_in"
expect 2 "fifo_in: cannot read: a FIFO with no writer" timeout 20 "$GREENIDX" indicators --catalog "$T/fifo_in"
# and a pipe that is written to (process substitution's /dev/fd/N) is still read
printf 'region,year,variable,value\n4003,2020,population,5\n' > "$T/pipe.csv"
cat "$T/pipe.csv" | "$GREENIDX" data --data /dev/stdin > "$T/out" 2> "$T/err" || fail "a pipe as --data"
grep -q 4003 "$T/out" || fail "a pipe as --data: region 4003 missing"

# item 4: one field over GIDX_CSV_MAX_FIELD (16 MiB) is refused unread, naming
# file:line:column, with little memory (the measured figures: bench/scaling/memory.sh)
{ printf 'region,year,variable,value\n3807,2020,'; head -c 17000000 /dev/zero | tr '\0' x; printf ',1\n'; } > "$T/field.csv"
/usr/bin/time -f '%M' -o "$T/mem" "$GREENIDX" data --data "$T/field.csv" > "$T/out" 2> "$T/err"
[ $? -eq 2 ] || fail "a 17 MB field did not exit 2"
grep -qF 'field.csv:2:11: a field longer than the limit of 16777216 bytes' "$T/err" || fail "long field: message"
[ "$(tail -n 1 "$T/mem")" -lt 150000 ] || fail "long field: $(tail -n 1 "$T/mem") kB of memory"
rm -f "$T/field.csv"
# item 6: a JSON-stat document whose sizes multiply past the cell limit is
# refused before it is parsed
printf '{"class":"dataset","id":["a","b"],"size":[4096,4096],"value":[1]}' > "$T/huge.json"
expect 2 "huge.json: the sizes give more than 8388608 cells (the limit of a JSON-stat dataset); not parsed" \
  "$GREENIDX" data --data "$T/huge.json"
echo ok
