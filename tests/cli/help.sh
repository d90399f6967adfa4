# Every subcommand answers --help with exit 0, and the man page documents
# every subcommand and renders without groff warnings.
set -eu
man=${GIDX_SOURCE_ROOT:-.}/docs/greenidx.1
cmds=$("$GREENIDX" help | sed -n '/^Commands:/,/^$/p' | awk 'NF>1 && $1!="Commands:" {print $1}')
[ -n "$cmds" ] || { echo "no commands listed by greenidx help"; exit 1; }
for c in $cmds; do
  "$GREENIDX" "$c" --help > /dev/null || { echo "greenidx $c --help failed"; exit 1; }
  "$GREENIDX" help "$c" | grep -q "$c" || { echo "greenidx help $c does not describe it"; exit 1; }
  grep -q "^\.B $c\$" "$man" || { echo "man page lacks command $c"; exit 1; }
done
grep -q '^\.SH EXIT STATUS' "$man"
if command -v groff > /dev/null; then
  w=$(groff -man -ww -z "$man" 2>&1)
  [ -z "$w" ] || { echo "groff warnings: $w"; exit 1; }
fi
exit 0
