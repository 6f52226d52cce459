#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The layers of lib/ (STYLE.md) include only downwards, and only lib/store/sqlite
# knows SQLite. The build already refuses a project header against the direction
# (a layer sees only the include directories of the layers it links); this also
# checks library headers, which all sit in /usr/include, and that lib/ never prints.
#   base <- policy <- domain <- store <- app;  base <- audit <- domain;  domain <- present
# Usage: layers.sh SOURCE-DIR
set -uo pipefail
src=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$src/lib" || exit 2
declare -A below=(
  [base]="base"
  [policy]="base policy"
  [audit]="base audit"
  [domain]="base policy audit domain"
  [store]="base policy audit domain store"
  [app]="base policy audit domain store app"
  [present]="base policy audit domain present"
)
status=0 files=0 includes=0
fail() { echo "FAIL: $*"; status=1; }
header_layer() {  # the layer a project header belongs to
  local h=$1 layer
  for layer in "${!below[@]}"; do
    [ -e "$layer/$h" ] || [ -e "$layer/sqlite/$h" ] || [ -e "$layer/postgres/$h" ] && { echo "$layer"; return; }
  done
}
for layer in "${!below[@]}"; do
  while IFS= read -r file; do
    files=$((files + 1))
    while IFS= read -r line; do
      includes=$((includes + 1))
      if [[ $line =~ ^#include\ \"([^\"]+)\" ]]; then
        h=${BASH_REMATCH[1]}
        [[ $h == linkctl/version.hpp ]] && continue  # generated into base's include directory
        owner=$(header_layer "$h")
        [ -n "$owner" ] || { fail "$file includes \"$h\", which no layer has"; continue; }
        [[ " ${below[$layer]} " == *" $owner "* ]] || fail "$file ($layer) includes \"$h\" of $owner, a layer above or beside it"
      elif [[ $line =~ ^#include\ \<([^\>]+)\> ]]; then
        h=${BASH_REMATCH[1]}
        case "$h" in
          SQLiteCpp/*|sqlite3.h) [[ $file == store/sqlite/* ]] || fail "$file includes <$h>: only lib/store/sqlite knows SQLite" ;;
          libpq-fe.h|pqxx/*) [[ $file == store/postgres/* ]] || fail "$file includes <$h>: only lib/store/postgres knows PostgreSQL" ;;
          CLI/*) fail "$file includes <$h>: lib/ never parses a command line" ;;
          toml.hpp) [ "$layer" = policy ] || fail "$file includes <$h>: only lib/policy reads TOML" ;;
          iostream) fail "$file includes <iostream>: lib/ never prints" ;;
        esac
      fi
    done < <(grep -E '^#include' "$file")
    # lib/ returns values and throws linkctl::Error; it never prints or exits (the traces
    # that LINKCTL_TRACE_SQL and LINKCTL_TRACE_LOCK ask for are the exceptions, on stderr).
    if grep -nE 'std::(cout|cerr)|[^_]exit\(|printf\(' "$file" | grep -vE 'LINKCTL_TRACE_(SQL|LOCK)' >/dev/null; then
      fail "$file prints or exits: $(grep -nE 'std::(cout|cerr)|[^_]exit\(|printf\(' "$file" | grep -vE 'LINKCTL_TRACE_(SQL|LOCK)' | head -1)"
    fi
  done < <(find "$layer" -name '*.[ch]pp' | sort)
done
echo "layers: $files files, $includes includes in 7 layers checked: $([ $status = 0 ] && echo all point downwards || echo VIOLATIONS)"
exit $status
