#!/bin/sh
# Install the library into a temporary prefix and build, link and run an
# external C program with nothing but `pkg-config --cflags --libs greenidx`.
set -eu
build="$1"; src="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# The R package (which meson install also installs) is not what this tests.
GIDX_SKIP_R_PACKAGE=1 meson install -C "$build" --no-rebuild --quiet --destdir "$tmp/root" >/dev/null
pc=$(find "$tmp/root" -name greenidx.pc | head -n 1)
[ -n "$pc" ] || { echo "FAIL: greenidx.pc was not installed"; exit 1; }
export PKG_CONFIG_PATH="$(dirname "$pc")"
export PKG_CONFIG_SYSROOT_DIR="$tmp/root"
grep -q '^Requires.private:.*gsl' "$pc" || { echo "FAIL: no Requires.private: gsl"; exit 1; }
cflags=$(pkg-config --cflags greenidx)
libs=$(pkg-config --libs greenidx)
libdir=$(pkg-config --variable=libdir greenidx)
${CC:-cc} -std=c99 -Wall -Wextra -Werror -o "$tmp/consumer" "$src" $cflags $libs
case "$libdir" in "$tmp/root"*) ;; *) libdir="$tmp/root$libdir" ;; esac
LD_LIBRARY_PATH="$libdir" "$tmp/consumer"
