#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# linkctl on a terminal, as a person uses it: an interactive bash in a tmux pane
# of a fixed size runs `linkctl list` and `linkctl policy show`, and the screen
# (tmux capture-pane) is checked:
#   - the default format on a terminal is an aligned table: in every row, each
#     column starts (text) or ends (numbers, right-aligned) at the same screen
#     column, counting a CJK character as two cells, so the columns after
#     Chinese text line up;
#   - the header is bold (an SGR escape in capture-pane -e), and with NO_COLOR=1
#     there is no escape sequence at all;
#   - through a pipe (`linkctl list | tee`) the output is tsv;
#   - people and departments show by name (杨帆, 市场部), not by code; a long title is cut
#     with "…" so that no line is wider than the pane (by display width);
#   - `deadlines` has one heading per stage, then its days; `report monthly` draws a
#     coloured bar beside each score (none with NO_COLOR).
# Each command signals `tmux wait-for` when it has finished; nothing sleeps.
#
# Usage: tty.sh /path/to/linkctl
set -euo pipefail

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: $0 /path/to/linkctl" >&2
  exit 2
fi
binary=$(readlink -f "$1")
src=${LINKCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
export LC_ALL=C.UTF-8

if ! command -v tmux >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tmux; } >/dev/null 2>&1 || true
  fi
  if ! command -v tmux >/dev/null; then
    echo "skipped: no tmux"
    exit 0
  fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-tty.XXXXXX")
sock=$work/tmux.sock
tm() { tmux -S "$sock" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1 || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
fail() { echo "tty: FAILED: $*"; exit 1; }

# --- a database with Chinese, mixed and ASCII titles (13 tickets: ids of one and two digits; the last
# one's title is 264 columns wide) ---
mkdir "$work/bin"
ln -s "$binary" "$work/bin/linkctl"
unset LINKCTL_USER LINKCTL_FORMAT NO_COLOR
export LINKCTL_DB=$work/linkctl.db LINKCTL_NOW=2026-10-08T09:00:00+08:00
linkctl() { "$binary" "$@"; }
linkctl init --policy "$src/tests/e2e/policies/mini.toml" --as gao.feng >/dev/null
titles=(
  "li.na delivery-late 送货不到户"
  "li.na shop-moved Shop moved away"
  "yang.fan virtual-customer 王记烟酒店两月未订货"
  "li.na virtual-customer 存在虚拟客户 (2 户)"
  "yang.fan shop-moved 客户店面已搬迁或转让"
  "li.na delivery-late Late delivery on route 7"
  "li.na shop-moved 店面搬迁"
  "yang.fan virtual-customer 虚拟客户"
  "li.na delivery-late 零售户外出, 预计下周返回"
  "yang.fan shop-moved 已转让"
  "li.na delivery-late 送货员送货不及时"
  "yang.fan virtual-customer Fake customer 张三"
  "li.na delivery-late $(printf '送货员送货不到户不及时%.0s' {1..12})"
)
for t in "${titles[@]}"; do
  read -r filer category title <<<"$t"
  linkctl file --as "$filer" --category "$category" --title "$title" --quiet >/dev/null
done
linkctl approve 1 --as zhang.wei >/dev/null
linkctl route 1 --as wang.qiang --to yang.fan >/dev/null
linkctl approve 3 --as wang.qiang >/dev/null
linkctl approve 11 --as zhang.wei >/dev/null
linkctl reject 7 --as zhang.wei --reason '重复' >/dev/null

# --- the terminal ---------------------------------------------------------------------------
cols=160 rows=40
tm new-session -d -s linkctl -x "$cols" -y "$rows" -c "$work" \
  env -i HOME="$work" PATH="$work/bin:/usr/bin:/bin" TERM=screen LANG=C.UTF-8 LC_ALL=C.UTF-8 HISTFILE= \
  LINKCTL_DB="$LINKCTL_DB" LINKCTL_NOW="$LINKCTL_NOW" TMUX_SOCK="$sock" PS1='$ ' bash --norc --noprofile
# d N, typed after each command: a line that marks the end of its output, then the signal.
tm send-keys -t linkctl 'd() { echo "@@end-$1"; tmux -S "$TMUX_SOCK" wait-for -S "done-$1"; }' Enter
size=$(tm display-message -p -t linkctl '#{pane_width}x#{pane_height}')
[ "$size" = "${cols}x$rows" ] || fail "the pane is $size, not ${cols}x$rows"

# output_lines BEGIN END: the captured pane between the line BEGIN and the line END that the
# shell echoes before and after the command (not the command as typed, nor whatever was on
# the screen before it), without the empty lines before END.
output_lines() {
  awk -v begin="$1" -v end="$2" '$0 == end { done = 1 } started && !done { line[++n] = $0 } $0 == begin { started = 1 }
    END { while (n > 0 && line[n] ~ /^ *$/) n--; for (i = 1; i <= n; i++) print line[i] }'
}

steps=0
# run NAME COMMAND: types COMMAND into the pane's shell, waits until it has finished, and leaves
# its screen output in NAME.txt (text) and NAME.esc (with escape sequences, capture-pane -e).
run() {
  local name=$1 cmd=$2
  steps=$((steps + 1))
  tm send-keys -t linkctl "clear; tmux -S \"\$TMUX_SOCK\" wait-for -S cleared-$steps" Enter
  timeout 60 tmux -S "$sock" wait-for "cleared-$steps" || fail "the shell did not clear the screen"
  tm clear-history -t linkctl
  tm send-keys -t linkctl "echo @@begin-$steps; $cmd; d $steps" Enter
  timeout 60 tmux -S "$sock" wait-for "done-$steps" || fail "'$cmd' did not finish within 60 s"
  # tmux reads the pane's output apart from the shell's signal: wait until the line the shell
  # echoed after the command (d, below) is on the screen.
  local tries=0
  until tm capture-pane -p -t linkctl -S - -E - | grep -x "@@end-$steps" >/dev/null; do
    tries=$((tries + 1))
    [ "$tries" -lt 600 ] || fail "'$cmd': its output did not reach the screen"
    sleep 0.05
  done
  # The command's output: between @@begin-N and @@end-N.
  tm capture-pane -p -t linkctl -S - -E - | output_lines "@@begin-$steps" "@@end-$steps" >"$work/$name.txt"
  tm capture-pane -p -e -t linkctl -S - -E - | output_lines "@@begin-$steps" "@@end-$steps" >"$work/$name.esc"
  [ -s "$work/$name.txt" ] || fail "'$cmd' printed nothing on the terminal"
}

# --- display columns, counting a wide character as 2 (glibc's wcwidth, through wc -L) -------
declare -A width_of=()
wide_rows=0
# cells LINE: sets starts, ends (screen columns, end exclusive) and texts of the cells of a table
# row; cells are separated by two or more spaces, a single space belongs to the cell.
cells() {
  local line=$1 i c w d=0 spaces=2 open=0 start=0 end=0 text='' wide=0
  starts=() ends=() texts=()
  for ((i = 0; i < ${#line}; i++)); do
    c=${line:i:1}
    if [ "$c" = ' ' ]; then
      spaces=$((spaces + 1)) d=$((d + 1))
      if [ "$open" = 1 ] && [ "$spaces" = 2 ]; then starts+=("$start") ends+=("$end") texts+=("$text") open=0; fi
      continue
    fi
    case $c in
      [[:ascii:]]) w=1 ;;
      *)
        [ -n "${width_of[$c]+x}" ] || width_of[$c]=$(printf '%s' "$c" | wc -L)
        w=${width_of[$c]}
        [ "$w" != 2 ] || wide=1 ;;
    esac
    if [ "$open" = 0 ]; then open=1 start=$d text=''; elif [ "$spaces" = 1 ]; then text+=' '; fi
    text+=$c spaces=0 d=$((d + w)) end=$d
  done
  [ "$open" = 0 ] || starts+=("$start") ends+=("$end") texts+=("$text")
  wide_rows=$((wide_rows + wide))
}

# check_table WHAT FILE: FILE is a header line and rows. Every row has the header's number of
# cells; in a column of numbers (and "-" for none, at least one number) every cell ends at the same
# screen column, in any other column every cell starts at the same one. Prints the column layout.
check_table() {
  local what=$1 file=$2 line j n=0 layout=''
  local -a head=() first_start=() first_end=() same_start=() same_end=() is_number=() has_number=()
  mapfile -t lines <"$file"
  for line in "${lines[@]}"; do
    cells "$line"
    if [ "$n" = 0 ]; then
      head=("${texts[@]}")
      for j in "${!head[@]}"; do first_start[j]=${starts[j]} first_end[j]=${ends[j]} same_start[j]=1 same_end[j]=1 is_number[j]=1 has_number[j]=0; done
    else
      [ ${#texts[@]} = ${#head[@]} ] || fail "$what: row $n has ${#texts[@]} cells, the header ${#head[@]}: '$line'"
      for j in "${!head[@]}"; do
        [ "${starts[j]}" = "${first_start[j]}" ] || same_start[j]=0
        [ "${ends[j]}" = "${first_end[j]}" ] || same_end[j]=0
        [[ ${texts[j]} =~ ^(-?[0-9]+(\.[0-9]+)?|-)$ ]] || is_number[j]=0
        [[ ${texts[j]} =~ ^-?[0-9] ]] && has_number[j]=1
      done
    fi
    n=$((n + 1))
  done
  [ "$n" -ge 2 ] || fail "$what: no rows under the header"
  for j in "${!head[@]}"; do
    if [ "${is_number[j]}${has_number[j]}" = 11 ]; then
      [ "${same_end[j]}" = 1 ] || fail "$what: the numbers of column '${head[j]}' do not end at the same screen column (not right-aligned)"
      layout+=" ${head[j]}:..${first_end[j]}"
    else
      [ "${same_start[j]}" = 1 ] || fail "$what: the cells of column '${head[j]}' do not start at the same screen column"
      layout+=" ${head[j]}:${first_start[j]}"
    fi
  done
  echo "  $what: $((n - 1)) rows x ${#head[@]} columns aligned; start (or ..end, right-aligned) column:$layout"
}

# --- linkctl list ------------------------------------------------------------------------------
run list 'linkctl list --as lin.xiuying'
head -1 "$work/list.txt" | grep -q '^ *id  .*title' || fail "linkctl list on a terminal is not a table: $(head -1 "$work/list.txt")"
wide_rows=0
check_table "list" "$work/list.txt"
list_wide=$wide_rows
[ "$list_wide" -ge 8 ] || fail "only $list_wide rows of the list hold wide (CJK) characters"
grep -q '^10  ' "$work/list.txt" && grep -q '^ 9  ' "$work/list.txt" || fail "ids are not right-aligned (' 9' over '10')"
header_esc=$(head -1 "$work/list.esc")
[[ $header_esc == *$'\e[1m'* ]] || fail "the header is not bold on the terminal: $(head -1 "$work/list.esc" | cat -v)"
escapes=$(grep -c $'\e\\[' "$work/list.esc" || true)
echo "  list: $list_wide rows with CJK titles; header bold (ESC[1m in capture-pane -e; $escapes line(s) with escapes)"

# --- names, and a long title cut to the pane ------------------------------------------------------
# Ticket 1 goes from market to logistics and is handled by yang.fan: 市场部, 物流中心, 杨帆.
grep -qE '^ 1  [a-z!]+ +normal +市场部 +物流中心 +杨帆  ' "$work/list.txt" || fail "list does not show departments and people by name: $(grep '^ 1 ' "$work/list.txt")"
if grep -qE '  (market|logistics|office|yang\.fan|li\.na)  ' "$work/list.txt"; then fail "list shows codes: $(grep -E '  (market|logistics|yang\.fan)  ' "$work/list.txt" | head -1)"; fi
widest=0
while IFS= read -r line; do
  w=$(printf '%s' "$line" | wc -L)
  [ "$w" -le "$cols" ] || fail "a line of the list is $w columns wide, wider than the $cols-column pane: $line"
  [ "$w" -le "$widest" ] || widest=$w
done <"$work/list.txt"
long=$(grep '^13  ' "$work/list.txt") || fail "ticket 13 is not listed"
[[ $long == *送货员送货不到户不及时送货员* && $long == *… ]] || fail "the long title is not cut with an ellipsis: $long"
echo "  list: departments and people by name; the 264-column title cut with …, widest line $widest of $cols columns"

# --- NO_COLOR ------------------------------------------------------------------------------------
run nocolor 'NO_COLOR=1 linkctl list --as lin.xiuying'
if grep -q $'\e' "$work/nocolor.esc"; then fail "NO_COLOR=1: escape sequences on the screen: $(grep $'\e' "$work/nocolor.esc" | head -1 | cat -v)"; fi
cmp -s "$work/list.txt" "$work/nocolor.txt" || fail "NO_COLOR=1 changed the table's text, not only its colour"
echo "  NO_COLOR=1: the same table, no escape sequence on the screen"

# --- a table with Chinese in the middle columns and numbers: the policy's departments, people, categories ---
run policy 'linkctl policy show --as gao.feng'
awk -v w="$cols" 'length($0) > w { exit 1 }' "$work/policy.txt" || fail "a line of policy show is wider than the pane"
awk -v dir="$work" 'BEGIN { b = 0 } /^$/ { if (n) b++; n = 0; next } { n++; if (n == 1) title[b] = $0; else print > (dir "/policy." b) } END { for (i in title) print i, title[i] > (dir "/titles") }' "$work/policy.txt"
tables=0
wide_rows=0
while read -r b title; do
  check_table "policy show: $title" "$work/policy.$b"
  tables=$((tables + 1))
done < <(sort -n "$work/titles")
[ "$tables" -ge 4 ] || fail "policy show printed $tables tables, expected at least 4"
[ "$wide_rows" -ge 6 ] || fail "policy show: only $wide_rows rows with CJK text"
grep -qE '^delivery-late +送货员送货不到户不及时 +normal +logistics +10  ' "$work/policy.txt" || fail "policy show: the categories table is not laid out as expected"

# --- deadlines grouped by stage ---------------------------------------------------------------------
run deadlines 'linkctl deadlines 1 --as lin.xiuying'
headings=$(grep -cE '^(approval|feedback): rule [a-z]+, from [0-9-]{10}, due [0-9-]{10} \(' "$work/deadlines.txt" || true)
[ "$headings" = 2 ] || fail "deadlines 1: $headings stage headings, expected 2 (approval, feedback): $(cat "$work/deadlines.txt")"
day_headers=$(grep -cE '^date +weekday +kind +counted$' "$work/deadlines.txt" || true)
[ "$day_headers" = 2 ] || fail "deadlines 1: $day_headers day tables, expected one per stage"
if grep -qE '^(approval|feedback)  ' "$work/deadlines.txt"; then fail "deadlines 1 repeats the stage on each day's row"; fi
echo "  deadlines: $headings stage headings, each followed by its days ($(grep -cE '^[0-9]{4}-' "$work/deadlines.txt") day rows)"

# --- bars beside the scores ---------------------------------------------------------------------------
run report 'linkctl report monthly --month 2026-10 --as lin.xiuying'
grep -qE '^市场部 .*100  ██████████' "$work/report.txt" || fail "report monthly: no full bar beside 市场部's score: $(cat "$work/report.txt")"
grep -q $'\e\\[32m██████████' "$work/report.esc" || fail "report monthly: the bar of a full score is not green: $(grep 市场部 "$work/report.esc" | cat -v)"
run report-nocolor 'NO_COLOR=1 linkctl report monthly --month 2026-10 --as lin.xiuying'
if grep -q $'\e' "$work/report-nocolor.esc"; then fail "NO_COLOR=1: escape sequences in report monthly"; fi
cmp -s "$work/report.txt" "$work/report-nocolor.txt" || fail "NO_COLOR=1 changed the report's text, not only its colour"
echo "  report monthly: a bar beside each score, green on the terminal, plain with NO_COLOR=1"

# --- in Chinese: the same tables with Chinese headings and states, still aligned by display width ---
# LANG=zh_CN.UTF-8 with the locale tests/i18n/make_locale.sh builds (LINKCTL_TEST_LOCPATH, else here).
zh_locales=${LINKCTL_TEST_LOCPATH:-$work/locales}
if [ -n "${LINKCTL_TEST_LOCPATH:-}" ] || bash "$src/tests/i18n/make_locale.sh" "$zh_locales" >"$work/locale.log" 2>&1; then
  zh="LC_ALL= LANG=zh_CN.UTF-8 LOCPATH=$zh_locales"
  run list-zh "$zh linkctl list --as lin.xiuying"
  head -1 "$work/list-zh.txt" | grep -q '^ *编号  状态 .*标题$' || fail "linkctl list under zh_CN.UTF-8 has no Chinese headings: $(head -1 "$work/list-zh.txt")"
  grep -qE '^ +1  已交办 +普通 +市场部 +物流中心 +杨帆  ' "$work/list-zh.txt" || fail "list under zh_CN.UTF-8: ticket 1 is not 已交办/普通: $(grep -E '^ +1 ' "$work/list-zh.txt")"
  wide_rows=0
  check_table "list (zh_CN)" "$work/list-zh.txt"
  run policy-zh "$zh linkctl policy show --as gao.feng"
  awk -v w="$cols" 'length($0) > w { exit 1 }' "$work/policy-zh.txt" || fail "a line of policy show (zh_CN) is wider than the pane"
  awk -v dir="$work" 'BEGIN { b = 0 } /^$/ { if (n) b++; n = 0; next } { n++; if (n == 1) title[b] = $0; else print > (dir "/policy-zh." b) } END { for (i in title) print i, title[i] > (dir "/titles-zh") }' "$work/policy-zh.txt"
  zh_tables=0
  while read -r b title; do
    check_table "policy show (zh_CN): $title" "$work/policy-zh.$b"
    zh_tables=$((zh_tables + 1))
  done < <(sort -n "$work/titles-zh")
  [ "$zh_tables" = "$tables" ] || fail "policy show printed $zh_tables tables under zh_CN.UTF-8, $tables under C.UTF-8"
  echo "  zh_CN.UTF-8: list and $zh_tables policy tables with Chinese headings and states, aligned by display width"
else
  sed 's/^/  /' "$work/locale.log"
  fail "cannot build the zh_CN.UTF-8 locale (tests/i18n/make_locale.sh)"
fi

# --- through a pipe: tsv, no colour --------------------------------------------------------------
run piped 'linkctl list --as lin.xiuying | tee piped.tsv'
linkctl list --as lin.xiuying --format tsv >"$work/expected.tsv"
cmp -s "$work/piped.tsv" "$work/expected.tsv" || { diff "$work/expected.tsv" "$work/piped.tsv" | head; fail "linkctl list | tee is not the tsv output"; }
if grep -q $'\e' "$work/piped.tsv"; then fail "escape sequences in piped output"; fi
head -1 "$work/piped.tsv" | grep -q $'^id\tstate\t' || fail "piped output has no tsv header"
echo "  piped: tsv, $(($(wc -l <"$work/piped.tsv") - 1)) records, $(head -1 "$work/piped.tsv" | tr '\t' '\n' | wc -l) tab-separated columns, no escapes"

echo "tty: ${cols}x$rows tmux pane, $steps commands typed; list and policy show aligned by display width, names not codes, long titles cut, deadlines grouped, report bars, header bold, NO_COLOR honoured, pipe gives tsv"
