# greenidx report: issue 17 item 5 (one check per point) and issue 15 item 6
# (--lang nb, --format xlsx). The fixed-text check of --lang nb against the
# translation table is tests/check_report.c (test_lang_nb_no_english).
set -eu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
data=${GIDX_TEST_DATA:-$(dirname "$0")/../data}
R() { "$GREENIDX" report --quiet --mc 60 "$@"; }

# 1. --out DIR creates DIR and its parents, like mkdir -p
R --out "$tmp/a/b/c" --format text
test -s "$tmp/a/b/c/roadmap.txt"
R --out "$tmp/a/b/c" --format html      # an existing directory is fine too
test -s "$tmp/a/b/c/roadmap.html"

R --format text > "$tmp/en.txt"
R --format html > "$tmp/en.html"
R --format json > "$tmp/en.json"
R --lang nb --format text > "$tmp/nb.txt"
R --lang nb --format html > "$tmp/nb.html"

# 2. no e-notation anywhere; thousands separators in text and HTML: Porsgrunn's
# 2009 emissions, 2,257,324.85 t (embedded data), are "2,257,325" in English
# and "2 257 325" in bokmål
for f in en.txt en.html nb.txt nb.html; do
  # a number in e-notation, not a hex colour such as #2e8b57
  if grep -Eq '(^|[^#0-9A-Za-z])[0-9]+(\.[0-9]+)?e[-+]?[0-9]' "$tmp/$f"; then
    echo "e-notation in $f:"
    grep -Eo '.{0,20}(^|[^#0-9A-Za-z])[0-9]+(\.[0-9]+)?e[-+]?[0-9].{0,10}' "$tmp/$f" | head -3; exit 1
  fi
done
grep -q '2,257,325' "$tmp/en.txt"
grep -q '2,257,325' "$tmp/en.html"
grep -q '2 257 325' "$tmp/nb.txt"
grep -q '74 286,7' "$tmp/nb.txt"

# 3. the ranking list is sorted by rank; 4. rank intervals are whole ranks
sed -n '/^Index ranking with 5-95 % rank intervals/,/^$/p' "$tmp/en.txt" > "$tmp/rank.txt"
/usr/bin/python3 - "$tmp/rank.txt" "$tmp/en.json" <<'PY'
import json, re, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()[1:]
lines = [l for l in lines if l.strip()]
assert len(lines) == 17, lines
ranks = [int(l.split()[0]) for l in lines]
assert ranks == sorted(ranks) == list(range(1, 18)), ranks
for l in lines:
    m = re.search(r"rank interval (\S+)-(\S+)$", l)
    assert m and m.group(1).isdigit() and m.group(2).isdigit(), l
d = json.load(open(sys.argv[2], encoding="utf-8"))
items = [b for s in d["sections"] for b in s["blocks"] if b["type"] == "ranking"][0]["items"]
assert [it["rank"] for it in items] == sorted(it["rank"] for it in items)
for it in items:
    assert it["rank_lo"] == int(it["rank_lo"]) and it["rank_hi"] == int(it["rank_hi"]), it
    assert it["rank_lo"] <= it["rank"] <= it["rank_hi"], it
# 5. the summary opens with each region's status against its 2030 target ...
summ = d["sections"][0]
assert summ["id"] == "summary" and summ["blocks"][0]["type"] == "table", summ["blocks"][0]
st = summ["blocks"][0]
assert st["caption"] == "Status against the 2030 target", st["caption"]
assert st["columns"][-1] == "status"
assert len(st["rows"]) == 18 and all(r[-1] in ("on track", "off track") for r in st["rows"]), st["rows"]
# ... and the status follows from the numbers in the row: forecast <= target
for r in st["rows"]:
    assert (float(r[5]) <= float(r[4])) == (r[-1] == "on track"), r
# 6. validation findings summarised per check and indicator, full list linked
val = [s for s in d["sections"] if s["id"] == "validation"][0]
tabs = [b for b in val["blocks"] if b["type"] == "table"]
assert [t["caption"] for t in tabs] == ["Findings by check and indicator"], tabs
links = [b for b in val["blocks"] if b["type"] == "link"]
assert links and links[0]["href"] == "#validation-findings", links
full = d["sections"][-1]
assert full["id"] == "validation-findings"
n = int(re.match(r"(\d[\d,]*) findings", val["blocks"][0]["text"]).group(1).replace(",", ""))
t = tabs[0]
assert t["columns"][0] == "indicator" and t["columns"][-1] == "total", t["columns"]
assert t["columns"][1:-1] == ["gaps", "outlier (level)", "outlier (change)", "skewness and kurtosis",
                              "county sum", "impossible value", "redundant pair"], t["columns"]
for r in t["rows"]:
    assert sum(int(x) for x in r[1:-1]) == int(r[-1]), r
assert sum(int(r[-1]) for r in t["rows"]) == n
assert len([b for b in full["blocks"] if b["type"] == "table"][0]["rows"]) == n
PY
awk '/^Summary/{s=1} /^Data validation/{exit} s' "$tmp/en.txt" | grep -q '^Status against the 2030 target'
grep -q '<a href="#validation-findings">' "$tmp/en.html"
grep -q '<section id="validation-findings">' "$tmp/en.html"
grep -q 'in the section "All validation findings" at the end of this report' "$tmp/en.txt"

# --lang nb: HTML language, bokmål names and numbers; bad language is a usage error
grep -q '<html lang="nb">' "$tmp/nb.html"
grep -q '^Status mot målet for 2030' "$tmp/nb.txt"
grep -q 'Skien: Klimagassutslipp (t CO2e): sist observert 2024' "$tmp/nb.txt"
set +e
R --lang de > /dev/null 2>&1; rc=$?
set -e
[ "$rc" -eq 1 ] || { echo "--lang de gave $rc, expected 1"; exit 1; }

# --format xlsx: one sheet per table, the same values as the JSON tables
R --format xlsx --out "$tmp/x" --scenario "$data/report/scenario.json"
R --format json --scenario "$data/report/scenario.json" > "$tmp/sc.json"
/usr/bin/python3 - "$tmp/x/roadmap.xlsx" "$tmp/sc.json" <<'PY'
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
d = json.load(open(sys.argv[2], encoding="utf-8"))
contents = list(wb["contents"].iter_rows(min_row=2, values_only=True))
tables = [(s, b) for s in d["sections"] for b in s["blocks"] if b["type"] == "table"]
sheets = [c for c in contents if c[0] in wb.sheetnames]
assert len(contents) == len(sheets), (contents, wb.sheetnames)
cells = 0
k = 0
for name, section, caption in contents:
    ws = wb[name]
    rows = list(ws.iter_rows(values_only=True))
    if k < len(tables) and (caption or "") == (tables[k][1]["caption"] or "") and \
            list(rows[0]) == tables[k][1]["columns"]:
        t = tables[k][1]
        k += 1
        assert len(rows) - 1 == len(t["rows"]), (name, len(rows), len(t["rows"]))
        for got, want in zip(rows[1:], t["rows"]):
            for g, w, ty in zip(got, want, t["types"]):
                if w == "":
                    assert g is None, (name, got, want)
                elif ty == "text":
                    assert g == w, (name, g, w)
                else:
                    assert isinstance(g, (int, float)), (name, g, w)
                    assert abs(g - float(w)) <= 1e-15 * max(1.0, abs(float(w))), (name, g, w)
                    if ty == "year":
                        assert float(g).is_integer()
                    cells += 1
assert k == len(tables), f"{k} of {len(tables)} report tables found as sheets"
print(f"report xlsx: {len(contents)} sheets, {k} tables, {cells} numeric cells equal to JSON")
PY
echo "report edges: ok"
