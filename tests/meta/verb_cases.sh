#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Every verb linkctl registers has its own end-to-end case, tests/e2e/cases/VERB.t
# (or VERB-*.t), and its own file in cmd/, cmd/VERB.cpp.
# Usage: verb_cases.sh /path/to/linkctl SOURCE-DIR
set -uo pipefail
binary=$1 src=$2
unset LINKCTL_DB LINKCTL_USER LINKCTL_FORMAT LINKCTL_NOW
verbs=$(NO_COLOR=1 "$binary" --help | awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }')
status=0 n=0
for verb in $verbs; do
  n=$((n + 1))
  compgen -G "$src/tests/e2e/cases/$verb.t" >/dev/null || compgen -G "$src/tests/e2e/cases/$verb-*.t" >/dev/null ||
    { echo "FAIL: verb '$verb' has no end-to-end case (tests/e2e/cases/$verb.t)"; status=1; }
  [ -f "$src/cmd/$verb.cpp" ] || { echo "FAIL: verb '$verb' has no file of its own (cmd/$verb.cpp)"; status=1; }
done
[ "$n" -ge 20 ] || { echo "FAIL: only $n verbs found in 'linkctl --help'"; status=1; }
echo "verb cases: $n verbs, each with cmd/VERB.cpp and tests/e2e/cases/VERB.t: $([ $status = 0 ] && echo all present || echo MISSING)"
exit $status
