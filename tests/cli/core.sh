# greenidx --version, help, and usage errors (exit code 1).
set -eu
out=$("$GREENIDX" --version)
echo "$out" | grep -q '^greenidx [0-9]*\.[0-9]*\.[0-9]* (libgreenidx [0-9]'
"$GREENIDX" help | grep -q '^Commands:'
"$GREENIDX" help | grep -q 'Exit status'
set +e
"$GREENIDX" no-such-command 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || { echo "unknown command gave exit $rc, expected 1"; exit 1; }
"$GREENIDX" 2>/dev/null; rc=$?
[ "$rc" -eq 1 ] || { echo "no command gave exit $rc, expected 1"; exit 1; }
exit 0
