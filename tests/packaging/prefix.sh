# libgreenidx - green-competitiveness indicators for Norwegian regions
# Copyright (C) 2026 the libgreenidx developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by the packaging tests: install the library of build tree $1 into
# the temporary folder $2 and make it look like an ordinary installation in
# the prefix $2/root<prefix>, without rebuilding it. `meson install --destdir`
# stages the files; greenidx.pc's prefix= is then pointed at the staged copy
# (what `meson setup --prefix=$2/root<prefix>` would have written: nothing
# else in the library depends on the install location, the data are
# embedded). PKG_CONFIG_SYSROOT_DIR is not used on purpose: it would also
# prefix the flags of python3.pc and libR.pc, which live in the real root.
# Sets GIDX_PREFIX, GIDX_LIBDIR, PKG_CONFIG_PATH and LD_LIBRARY_PATH.
# The R package greenidx, which `meson install` installs too, is skipped
# unless the caller sets GIDX_SKIP_R_PACKAGE to the empty string.
gidx_install_prefix() {
  _build=$1; _tmp=$2
  GIDX_SKIP_R_PACKAGE=${GIDX_SKIP_R_PACKAGE-1} meson install -C "$_build" --no-rebuild \
      --destdir "$_tmp/root" ||
    { echo "FAIL: meson install --destdir"; return 1; }
  _pc=$(find "$_tmp/root" -name greenidx.pc | head -n 1)
  [ -n "$_pc" ] || { echo "FAIL: greenidx.pc was not installed"; return 1; }
  _prefix=$(sed -n 's/^prefix=//p' "$_pc")
  GIDX_PREFIX="$_tmp/root$_prefix"
  sed -i "s|^prefix=.*|prefix=$GIDX_PREFIX|" "$_pc"
  PKG_CONFIG_PATH="$(dirname "$_pc")${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
  export PKG_CONFIG_PATH GIDX_PREFIX
  unset PKG_CONFIG_SYSROOT_DIR
  GIDX_LIBDIR=$(pkg-config --variable=libdir greenidx)
  # The loader must find libgreenidx.so.0 in a non-system prefix (as it
  # would after ldconfig in a real one).
  LD_LIBRARY_PATH="$GIDX_LIBDIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  export GIDX_LIBDIR LD_LIBRARY_PATH
}

# Copy the bindings folder alone (what the Python and R packages are made
# of), so the packages are proven not to reach into the rest of the tree.
gidx_copy_bindings() {
  _src=$1; _dst=$2
  mkdir -p "$_dst"
  (cd "$_src" && tar --exclude='.mesonpy*' --exclude='build' --exclude='*.o' \
      --exclude='*.so' -cf - bindings) | (cd "$_dst" && tar -xf -)
}
