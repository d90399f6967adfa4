#!/bin/sh
# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by `meson install` (meson.add_install_script in meson.build) after the
# library, headers, greenidx.pc and SWIG interfaces are installed: installs
# the R package greenidx with R CMD INSTALL against that installation, from
# a copy of the source tree's bindings/ (the source tree is not written to).
# With `meson install --destdir D`, greenidx.pc is read through
# PKG_CONFIG_SYSROOT_DIR=D and the package goes to D<R library>; its run
# path is still the final library folder.
#   install_package.sh BINDINGS_SRCDIR R_LIBDIR LIBDIR R
# Set GIDX_SKIP_R_PACKAGE=1 to skip it for one `meson install`.
set -eu
bindings=$1; rlib=$2; libdir=$3; R=$4
destdir=${DESTDIR:-}
prefix=${MESON_INSTALL_PREFIX:?run by meson install}
case "$libdir" in /*) ;; *) libdir="$prefix/$libdir" ;; esac
dest="$destdir$rlib"
# meson.build's install_emptydir made $dest/greenidx so that meson install
# names the folder: an empty one is no package, so it goes when none is installed.
unmake() { rmdir "$dest/greenidx" 2>/dev/null || true; }
if [ -n "${GIDX_SKIP_R_PACKAGE:-}" ]; then
  unmake
  echo "R package greenidx: not installed (GIDX_SKIP_R_PACKAGE is set)"
  exit 0
fi
if ! mkdir -p "$dest" 2>/dev/null || [ ! -w "$dest" ]; then
  echo "R package greenidx: cannot write to the R library $dest: run meson install as a" >&2
  echo "user who can, or choose another folder: meson configure BUILDDIR -Dr_libdir=DIR" >&2
  echo "(or -Dr_libdir=none to not install the R package)" >&2
  exit 1
fi
PKG_CONFIG_PATH="$destdir$libdir/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export PKG_CONFIG_PATH
if [ -n "$destdir" ]; then
  PKG_CONFIG_SYSROOT_DIR=$destdir
  # R CMD INSTALL loads the package it installed: the staged library must
  # be found before it is in its final place.
  LD_LIBRARY_PATH="$destdir$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  export PKG_CONFIG_SYSROOT_DIR LD_LIBRARY_PATH
fi
tmp=$(mktemp -d); trap '[ -n "${GIDX_KEEP:-}" ] || rm -rf "$tmp"' EXIT
(cd "$bindings/.." && tar --exclude='*.o' --exclude='*.so' --exclude='Makevars' -cf - bindings) |
  (cd "$tmp" && tar -xf -)
if ! "$R" CMD INSTALL --library="$dest" "$tmp/bindings/r" >"$tmp/install.log" 2>&1; then
  unmake
  cat "$tmp/install.log" >&2
  echo "R package greenidx: R CMD INSTALL failed (log above)" >&2
  exit 1
fi
msg="R package greenidx installed in $dest (library(greenidx); R_LIBS=$rlib when that is not one of R's libraries)"
echo "$msg"
# meson (1.0) shows an install script's output only when it fails: say it
# on the terminal too.
if [ ! -t 1 ]; then { echo "$msg" >/dev/tty; } 2>/dev/null || true; fi
