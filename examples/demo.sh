#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's demo: October 2026 under the built-in policy (the regulation),
# replayed day by day: 44 tickets from all four filer kinds, some approved late,
# some answered late, escalated, explained, reset, every rating, spot checks,
# and at the end the month's scores as the supervising office publishes them.
#
# The built-in policy is used with two demo settings switched on:
# allow_clock_override (to replay past days) and identity = "declared" (to act
# as each person with --as). Everything else is the regulation as built in.
#
# Usage: examples/demo.sh            (LINKCTL=path/to/linkctl to pick a binary;
#                                     LINKCTL_DB to keep the database somewhere)
set -euo pipefail
LINKCTL=${LINKCTL:-linkctl}
dir=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-demo.XXXXXX")
export LINKCTL_DB=${LINKCTL_DB:-$dir/linkctl.db}
unset LINKCTL_USER LINKCTL_NOW LINKCTL_FORMAT
L() { "$LINKCTL" "$@"; }
say() { printf '\n== %s\n' "$*"; }

say "A database with the built-in policy (demo settings: clock override, declared identity)"
L policy show --builtin --source |
  sed 's/^allow_clock_override = false/allow_clock_override = true/; s/^identity = "os"/identity = "declared"/' >"$dir/demo-policy.toml"
L init --policy "$dir/demo-policy.toml" --as gao.feng 2>/dev/null

# October's working days (10-01..10-07 National Day; Saturday 10-10 is a make-up workday).
WD=(2026-10-08 2026-10-09 2026-10-10 2026-10-12 2026-10-13 2026-10-14 2026-10-15 2026-10-16 2026-10-19
    2026-10-20 2026-10-21 2026-10-22 2026-10-23 2026-10-26 2026-10-27 2026-10-28 2026-10-29 2026-10-30)
LAST=$((${#WD[@]} - 1))
FILERS=(li.na zhou.min yang.fan zheng.tao liu.yang xu.lei huang.jun he.fang)
declare -A LEAD=([market]=zhang.wei [phone]=chen.jing [logistics]=wang.qiang [inspection]=zhao.gang)
declare -A HOME=([li.na]=market [liu.yang]=market [zhou.min]=phone [xu.lei]=phone
                 [yang.fan]=logistics [huang.jun]=logistics [zheng.tao]=inspection [he.fang]=inspection)
declare -A HANDLERS=([market]="li.na liu.yang sun.li" [phone]="zhou.min xu.lei"
                     [logistics]="yang.fan huang.jun" [inspection]="ma.chao he.fang")
declare -A CATS=(
  [market]="long-time-no-order delivery-late-or-not-to-door agent-tied-selling retailer-unlawful-trading shop-moved-or-transferred delivered-wrong-brand-or-quantity"
  [phone]="phone-number-unreachable counterfeit-seller-reported delivery-late-or-not-to-door no-order-after-calls"
  [logistics]="shop-often-closed retailer-info-mismatch inspector-inaction agent-fake-orders"
  [inspection]="manager-tied-selling orders-above-normal delivery-withholds-supply agent-irregular-supply")
SHOPS=(王记烟酒店 福满多超市 老张便利店 金鑫商行 好又多副食 盛达烟酒 惠民小卖部 东街百货 阳光超市 兴隆商店 和平烟酒 万家福便利)

# act WHO DAY-INDEX VERB ARGS...: one verb on one working day; fails (ending the
# ticket's story for this month) once the day is past October 30.
act() {
  local who=$1 day=$2; shift 2
  [ "$day" -le "$LAST" ] || return 1
  L --as "$who" --today "${WD[$day]}" "$@" >/dev/null
}
field() { L show "$1" --as lin.xiuying --format json | sed -n "s/.*\"$2\":\"\\([^\"]*\\)\".*/\\1/p"; }
rating_for() { if (($1 % 5 == 0)); then echo unsatisfied; elif (($1 % 3 == 0)); then echo fair; else echo satisfied; fi; }

story() {
  local i=$1 filer=${FILERS[$(($1 % 8))]} home cats id to lead sender handlers handler
  home=${HOME[$filer]}
  read -r -a cats <<<"${CATS[$home]}"
  local category=${cats[$(((i / 8 + i) % ${#cats[@]}))]}
  local day=$(((i * 5) % 15))
  local shop=${SHOPS[$((i % ${#SHOPS[@]}))]}
  id=$(L --as "$filer" --today "${WD[$day]}" file --category "$category" --title "$shop: 第${i}号联动信息" \
         --body "由${filer}在日常工作中发现" --quiet)
  sender=${LEAD[$home]}
  if ((i % 17 == 3)); then act "$sender" $day reject "$id" --reason "重复上报"; return 0; fi
  ((i % 9 == 4)) && day=$((day + 1))              # approved a day late
  act "$sender" $day approve "$id" || return 0
  to=$(field "$id" to_dept); lead=${LEAD[$to]}
  read -r -a handlers <<<"${HANDLERS[$to]}"
  handler=${handlers[$((i % ${#handlers[@]}))]}
  local approved=$day
  day=$((day + i % 2))
  act "$lead" $day route "$id" --to "$handler" || return 0
  ((i % 11 == 0)) && { act "$lead" $day explain "$id" --reason "零售户外出, 需等其返回核实" || return 0; }
  local work=$((1 + (i * 7) % 9))
  if ((i % 7 == 0)); then                          # pressed by the supervising office
    act lin.xiuying $((approved + 4)) escalate "$id" --reason "请尽快处理" || return 0
    work=$((4 + i % 3 - (day - approved)))
  fi
  day=$((day + work))
  act "$handler" $day close "$id" --result "已实地核实并处理" || return 0
  ((i % 6 == 0)) && day=$((day + 1))               # confirmed a day later
  act "$lead" $day confirm "$id" || return 0
  day=$((day + 1 + (i % 8 == 5)))                 # some reviews are late
  if ((i % 10 == 6)); then                         # the sender is not convinced
    act "$sender" $day reset "$id" --reason "处理结果与实际不符" || return 0
    act "$lead" $day route "$id" --to "$handler" || return 0
    act "$handler" $((day + 1)) close "$id" --result "已重新处理" || return 0
    act "$lead" $((day + 1)) confirm "$id" || return 0
    day=$((day + 2))
  fi
  act "$sender" $day rate "$id" "$(rating_for "$i")" || return 0
  if ((i == 22)); then                             # the office finds the rating unreasonable
    act lin.xiuying $((day + 1)) reset "$id" --reason "满意度评价严重不合理" || return 0
    act "$lead" $((day + 1)) route "$id" --to "$handler" || return 0
    act "$handler" $((day + 2)) close "$id" --result "已彻底整改" || return 0
    act "$lead" $((day + 2)) confirm "$id" || return 0
    act "$sender" $((day + 3)) rate "$id" satisfied || return 0
  fi
}

say "Replaying October 2026: 44 tickets"
for i in $(seq 1 44); do story "$i"; done
L list --as lin.xiuying --format tsv --no-header | cut -f2 | sort | uniq -c | sed 's/^/  /'

say "Spot checks on 10-30: a reproducible sample of three done tickets; one was handled only on paper"
sample=$(L spotcheck sample --month 2026-10 --count 3 --seed 2026-10 --as lin.xiuying --today 2026-10-30 --format tsv --no-header | cut -f1)
first=1
for id in $sample; do
  finding=ok; ((first)) && finding=fake && first=0
  L spotcheck record "$id" --finding $finding --as lin.xiuying --today 2026-10-30 --format table
done

say "Sunday night 11-01: the nightly overdue check (cron: linkctl overdue --new --check)"
L overdue --new --as lin.xiuying --today 2026-11-01 --format table || true

late=$(L overdue --as lin.xiuying --today 2026-11-02 --format tsv --no-header | head -1 | cut -f2)
who=$(field "$late" handler)
say "Monday 11-02, 10:00: the inbox of $who, who holds ticket $late (overdue first, then escalated, then by due date)"
L inbox --as "$who" --today 2026-11-02 --format table

ticket=$(L list --as lin.xiuying --escalated --format tsv --no-header | head -1 | cut -f1)
say "Why ticket $ticket is due when it is (linkctl deadlines $ticket)"
L deadlines "$ticket" --as lin.xiuying --today 2026-11-02 --format table | awk '/^feedback/ { shown = 1 } shown'

say "October's KPIs (linkctl stats --month 2026-10)"
L stats --month 2026-10 --as lin.xiuying --today 2026-11-05 --format table

say "Audit: the event chain"
L audit verify --format table

say "October 2026 scores, as published on 11-05 (linkctl report monthly --month 2026-10)"
L report monthly --month 2026-10 --as lin.xiuying --today 2026-11-05 --format table
echo
echo "database: $LINKCTL_DB  (try: LINKCTL_DB=$LINKCTL_DB $LINKCTL report monthly --month 2026-10 --detail --as lin.xiuying)"
