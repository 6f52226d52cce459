#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs end-to-end cases (tests/e2e/cases/*.t) with linkctl under LANG=zh_CN.UTF-8: its tsv,
# csv and json output and its exit statuses must be byte-identical to the ones the cases
# expect (written for the C locale). Tables, help and stderr are translated and not compared
# here (tests/i18n/zh.sh checks them). Two cases at a time.
#
# By default the cases of the commands scripts read most (every output format, every
# listing, the reports, import/export, events, the approval chains' keys): about a third of
# the suite, to keep the test short. LINKCTL_E2E_ZH_CASES=all runs every case but two that
# read linkctl's human output themselves: completion (parses --help) and examples (greps
# the tables the example scripts mail).
#
# Usage: e2e_zh.sh /path/to/linkctl LOCALE-DIR (made by make_locale.sh)
set -uo pipefail
binary=$(readlink -f "${1:?usage: e2e_zh.sh LINKCTL LOCALE-DIR}")
locpath=$(readlink -f "${2:?usage: e2e_zh.sh LINKCTL LOCALE-DIR}")
here=$(cd "$(dirname "$0")" && pwd)
export LINKCTL_TEST_LANG=zh_CN.UTF-8 LINKCTL_TEST_LOCPATH=$locpath
export LINKCTL_SOURCE_DIR=${LINKCTL_SOURCE_DIR:-$(cd "$here/../.." && pwd)}
work=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-e2e-zh.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The catalog must really be in use, or this would compare English with English.
said=$(LC_ALL= LANG=zh_CN.UTF-8 LOCPATH=$locpath "$binary" --help | head -1)
[[ $said == *联动* && $said != *cross-department* ]] || { echo "e2e_zh: linkctl --help is not in Chinese under zh_CN.UTF-8: $said"; exit 1; }

start=$(date +%s)
cases=()
if [ "${LINKCTL_E2E_ZH_CASES:-}" = all ]; then
  for c in "$here"/../e2e/cases/*.t; do
    case $(basename "$c" .t) in completion | examples) ;; *) cases+=("$c") ;; esac
  done
else
  for name in list show export import events overdue report stats history calendar deadlines errors approval-chain; do
    cases+=("$here/../e2e/cases/$name.t")
  done
fi
printf '%s\n' "${cases[@]}" | xargs -P 2 -I{} sh -c \
  'bash "$1" "$2" "$3" >"$4/$(basename "$2" .t).log" 2>&1 || touch "$4/$(basename "$2" .t).failed"' \
  sh "$here/../e2e/run.sh" {} "$binary" "$work"
failed=0 commands=0 compared=0
for c in "${cases[@]}"; do
  name=$(basename "$c" .t)
  if [ -e "$work/$name.failed" ]; then
    failed=$((failed + 1))
    cat "$work/$name.log"
  else
    read -r n m < <(sed -n 's/.*all \([0-9]*\) commands passed under [^ ]* (\([0-9]*\) with.*/\1 \2/p' "$work/$name.log")
    commands=$((commands + ${n:-0})) compared=$((compared + ${m:-0}))
  fi
done
echo "e2e_zh: ${#cases[@]} cases, $failed failed; $commands commands under zh_CN.UTF-8, $compared with their stdout compared byte for byte, in $(($(date +%s) - start)) s"
[ "$failed" = 0 ]
