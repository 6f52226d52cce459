#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A day of linkctl work, scripted, for the built-in policy's demo staff. The
# regulation (ch. 5 §17) asks every department to open the system at 10:00 and
# 15:00 and to handle overdue and escalated tickets first. This script shows the
# patterns a department's own scripts use:
#   1. a customer manager files what she saw on her visits, from a notes file
#      (one "category<TAB>title" per line), capturing each id with --quiet;
#   2. her lead approves everything pending from the department;
#   3. every receiving lead assigns new tickets to a handler, round robin;
#   4. each lead's inbox, overdue first, then escalated, then by due date.
#
# Usage: LINKCTL_DB=linkctl.db examples/daily.sh [NOTES.tsv]
# The people acting are given with --as: run it as root or an admin (identity
# "os"), or under a policy with identity = "declared".
set -euo pipefail
L() { "${LINKCTL:-linkctl}" "$@"; }
notes=${1:-}

declare -A HANDLERS=([market]="li.na liu.yang sun.li" [phone]="zhou.min xu.lei"
                     [logistics]="yang.fan huang.jun" [inspection]="ma.chao he.fang")
declare -A LEAD=([market]=zhang.wei [phone]=chen.jing [logistics]=wang.qiang [inspection]=zhao.gang)

echo "== 1. li.na files her visit notes"
if [ -z "$notes" ]; then
  notes=$(mktemp)
  trap 'rm -f "$notes"' EXIT
  printf '%s\t%s\n' \
    long-time-no-order "兴隆商店: 两个月未订货, 店主称资金紧张" \
    delivery-late-or-not-to-door "和平烟酒: 上周卷烟未送货到户" \
    retailer-unlawful-trading "东街百货: 疑似销售无标识卷烟" >"$notes"
fi
filed=()
while IFS=$'\t' read -r category title; do
  [ -n "$category" ] || continue
  id=$(L file --as li.na --category "$category" --title "$title" --quiet)
  filed+=("$id")
  echo "filed ticket $id: $title"
done <"$notes"

echo "== 2. zhang.wei approves what is pending from 市场部"
for id in $(L list --as zhang.wei --state pending --from-dept market --format tsv --no-header | cut -f1); do
  L approve "$id" --as zhang.wei --format table
done

echo "== 3. receiving leads assign new tickets, round robin"
for dept in "${!LEAD[@]}"; do
  lead=${LEAD[$dept]}
  read -r -a handlers <<<"${HANDLERS[$dept]}"
  n=0
  for id in $(L list --as "$lead" --state routed --to-dept "$dept" --format tsv --no-header | cut -f1); do
    L route "$id" --to "${handlers[$((n % ${#handlers[@]}))]}" --as "$lead" --format table
    n=$((n + 1))
  done
done

echo "== 4. inboxes"
for dept in market phone logistics inspection; do
  echo "-- ${LEAD[$dept]} ($dept)"
  L inbox --as "${LEAD[$dept]}" --format table
done
