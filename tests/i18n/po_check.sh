#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Fails when a string marked for translation in lib/ or cmd/ has no translation in a
# po/LANG.po (missing, empty or fuzzy), when a catalog has entries no source marks any
# more, or when a translation's {} fields do not fit its original (fmt would refuse it).
#
# Usage: po_check.sh SOURCE-DIR
set -euo pipefail
src=${1:?usage: po_check.sh SOURCE-DIR}
work=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-po.XXXXXX")
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8

# The same extraction as the po-update target (CMakeLists.txt).
(cd "$src" && find lib cmd -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort) >"$work/files"
(cd "$src" && xgettext --language=C++ --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=trf:1 --files-from="$work/files" --output="$work/linkctl.pot")
marked=$(grep -c '^msgid ' "$work/linkctl.pot")
marked=$((marked - 1))  # the header
[ "$marked" -gt 300 ] || { echo "po_check: only $marked strings marked; is xgettext finding them?"; exit 1; }

status=0
shopt -s nullglob
pos=("$src"/po/*.po)
[ ${#pos[@]} -gt 0 ] || { echo "po_check: no po/*.po in $src"; exit 1; }
for po in "${pos[@]}"; do
  lang=$(basename "$po" .po)
  # Every marked string translated (msgcmp counts fuzzy and empty entries as missing).
  if ! msgcmp "$po" "$work/linkctl.pot" >"$work/msgcmp.log" 2>&1; then
    echo "$lang: strings without a translation (run the po-update target and translate them):"
    sed 's/^/  /' "$work/msgcmp.log" | head -40
    status=1
  fi
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
  if [ "$fuzzy" -gt 0 ]; then
    echo "$lang: $((fuzzy - 1)) fuzzy entries; check and unmark them"
    status=1
  fi
  # Entries no source marks: the catalog follows the sources (po-update drops them).
  in_po=$(msgattrib --no-obsolete "$po" | grep -c '^msgid ')
  in_both=$(msgcomm --more-than=1 "$work/linkctl.pot" "$po" | grep -c '^msgid ')
  if [ "$in_po" != "$in_both" ]; then
    echo "$lang: $((in_po - in_both)) entries that no source marks any more (the po-update target drops them):"
    msgcomm --more-than=1 --no-wrap "$work/linkctl.pot" "$po" -o "$work/both.po"
    msgcomm --less-than=2 --no-wrap "$work/both.po" "$po" | grep '^msgid ' | sed 's/^/  /' | head -20
    status=1
  fi
  # The {} fields: the same number of automatic ones, or only indexed ones within the arguments.
  if ! msgcat --no-wrap "$po" | awk -v lang="$lang" '
    function unq(s) { sub(/^"/, "", s); sub(/"$/, "", s); return s }
    function fields(s, out,   n, t) {
      gsub(/\{\{|\}\}/, "", s); n = 0
      while (match(s, /\{[^}]*\}/)) { out[++n] = substr(s, RSTART + 1, RLENGTH - 2); s = substr(s, RSTART + RLENGTH) }
      return n
    }
    function check(   n, m, i, idx, autos, k, a, b) {
      if (id == "" || str == "") return
      n = fields(id, a); m = fields(str, b); autos = 0
      for (i = 1; i <= m; ++i) {
        k = b[i]; sub(/:.*/, "", k)
        if (k == "") ++autos
        else if (k !~ /^[0-9]+$/ || k + 0 >= n) { printf "%s: {%s} is not one of the %d arguments of \"%s\"\n", lang, b[i], n, id; bad = 1 }
      }
      if (autos > 0 && autos != m) { printf "%s: mixes {} and {N} in \"%s\"\n", lang, str; bad = 1 }
      if (autos > 0 && autos != n) { printf "%s: %d fields where \"%s\" has %d\n", lang, autos, id, n; bad = 1 }
    }
    /^msgctxt / { check(); id = ""; str = ""; next }
    /^msgid / { check(); id = unq(substr($0, 7)); str = ""; cur = "id"; next }
    /^msgstr / { str = unq(substr($0, 8)); cur = "str"; next }
    /^"/ { if (cur == "id") id = id unq($0); else if (cur == "str") str = str unq($0); next }
    { cur = "" }
    END { check(); exit bad }
  '; then
    status=1
  fi
  translated=$(msgfmt --statistics -o /dev/null "$po" 2>&1)
  echo "$lang: $translated ($marked strings marked in the sources)"
done
[ "$status" = 0 ] && echo "po_check: every marked string is translated, fields match"
exit $status
