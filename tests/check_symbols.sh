#!/bin/sh
# The exported dynamic symbols of the built library must be exactly the
# symbols listed in the version script, each versioned @@GREENIDX_0.1, and
# every one must carry the gidx_ prefix. Compared both ways.
set -eu
lib="$1"; map="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
nm -D --defined-only "$lib" | awk '{print $3}' | grep -v '^GREENIDX_0\.1$' | sort > "$tmp/nm"
sed -n 's/^[[:space:]]*\(gidx_[A-Za-z0-9_]*\);[[:space:]]*$/\1/p' "$map" | sort > "$tmp/map"
status=0
if ! grep -q . "$tmp/map"; then echo "FAIL: no symbols in $map"; exit 1; fi
if grep -v '@@GREENIDX_0\.1$' "$tmp/nm" >/dev/null; then
  echo "FAIL: unversioned or wrongly versioned exports:"; grep -v '@@GREENIDX_0\.1$' "$tmp/nm"; status=1
fi
sed 's/@@GREENIDX_0\.1$//' "$tmp/nm" > "$tmp/nm.names"
if grep -v '^gidx_' "$tmp/nm.names" >/dev/null; then
  echo "FAIL: exported symbols without the gidx_ prefix:"; grep -v '^gidx_' "$tmp/nm.names"; status=1
fi
if ! diff -u "$tmp/map" "$tmp/nm.names" > "$tmp/diff"; then
  echo "FAIL: version script (-) and exported symbols (+) differ:"; cat "$tmp/diff"; status=1
fi
soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')
if [ "$soname" != "libgreenidx.so.0" ]; then echo "FAIL: SONAME is '$soname'"; status=1; fi
n=$(wc -l < "$tmp/map")
[ $status -eq 0 ] && echo "ok: $n symbols exported, all gidx_*@@GREENIDX_0.1, SONAME $soname"
exit $status
