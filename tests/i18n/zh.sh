#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# linkctl as a Chinese user's machine runs it (LANG=zh_CN.UTF-8; the locale built by
# make_locale.sh, LOCPATH): help, table headings, states, one-line summaries and errors in
# the regulation's words, tables aligned by display width; and what scripts read (tsv, csv,
# json, exit statuses) the same bytes as under C.UTF-8. The expected Chinese is written here
# by hand, from po/zh_CN.po's words and the widths of the characters (CJK: two columns).
#
# Usage: zh.sh /path/to/linkctl LOCALE-DIR
set -uo pipefail
binary=$(readlink -f "${1:?usage: zh.sh LINKCTL LOCALE-DIR}")
locpath=$(readlink -f "${2:?usage: zh.sh LINKCTL LOCALE-DIR}")
src=${LINKCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
work=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-zh.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
unset LINKCTL_USER LINKCTL_FORMAT COLUMNS LANGUAGE LC_ALL LC_MESSAGES LC_CTYPE
export LINKCTL_DB=$work/linkctl.db LINKCTL_NOW=2026-10-08T09:00:00+08:00 NO_COLOR=1 TZ=UTC
zh() { LANG=zh_CN.UTF-8 LOCPATH=$locpath "$binary" "$@"; }
en() { LANG=C.UTF-8 "$binary" "$@"; }

checks=0 failures=0
ok() { checks=$((checks + 1)); }
bad() { checks=$((checks + 1)) failures=$((failures + 1)); echo "zh: FAILED: $*"; }
# same WHAT EXPECTED ACTUAL
same() {
  if [ "$2" == "$3" ]; then ok; else bad "$1"; diff -u --label expected --label actual <(printf '%s\n' "$2") <(printf '%s\n' "$3"); fi
}

en init --policy "$src/tests/e2e/policies/mini.toml" --as gao.feng >/dev/null || { echo "zh: init failed"; exit 1; }
en file --as li.na --category delivery-late --title '送货不到户' --quiet >/dev/null
en file --as yang.fan --category shop-moved --title '店面已搬迁' --quiet >/dev/null
en approve 1 --as zhang.wei >/dev/null
en route 1 --as wang.qiang --to yang.fan >/dev/null

# --- a table: Chinese headings and states, columns aligned by display width ---------------------
same "list --format table" "$(cat <<'T'
编号  状态    性质  发信部门  收信部门  处理人  到期日      逾期  标题
   1  已交办  普通  市场部    物流中心  杨帆    2026-10-21  -     送货不到户
   2  待审批  紧急  物流中心  市场部    -       2026-10-08  -     店面已搬迁
T
)" "$(zh list --as lin.xiuying --format table)"

# --- the one-line summary of a verb, and the English one for comparison ------------------------
en close 1 --as yang.fan --result '已送货' >/dev/null
same "confirm --format table" "联动信息 1:已处理 → 已反馈;评价时限 2026-10-09" \
  "$(zh confirm 1 --as wang.qiang --format table)"

# --- errors: the message in Chinese, the exit status unchanged -----------------------------------
err=$(zh approve 1 --as zhang.wei 2>&1 >/dev/null); rc=$?
same "approve in the wrong state: exit status" 5 "$rc"
case $err in
  "linkctl: 错误:联动信息 1 的状态是“已反馈”,因此不能被审批;此状态下可以:"*) ok ;;
  *) bad "approve in the wrong state says: $err" ;;
esac
err=$(zh show 99 --as li.na 2>&1 >/dev/null); rc=$?
same "show 99: exit status" 3 "$rc"
same "show 99: the error" "linkctl: 错误:没有联动信息 99(或者你无权查看);用 'linkctl list' 列出你的联动信息" "$err"
err=$(zh list --as li.na --frobnicate 2>&1 >/dev/null); rc=$?
same "an unknown option: exit status" 2 "$rc"
same "an unknown option: the error" "linkctl: 错误:多余的参数:--frobnicate(见 linkctl --help)" "$err"
# CLI11's other messages a person meets, and a validator's.
same "a missing argument" "linkctl: 错误:缺少 ID(见 linkctl --help)" "$(zh show --as li.na 2>&1)"
same "a missing subcommand" "linkctl: 错误:缺少子命令(见 linkctl --help)" "$(zh report --as li.na 2>&1)"
same "a bad ticket id" "linkctl: 错误:ID: 'abc' 不是联动信息编号;请给出 'linkctl list' 显示的编号,例如 12(见 linkctl --help)" \
  "$(zh show abc --as li.na 2>&1)"

# --- help ------------------------------------------------------------------------------------------
help=$(zh inbox --help)
grep -qx '等你处理的联动信息:逾期的在前,其次是被督办的,然后按到期日排序' <<<"$help" && ok || bad "inbox --help: no Chinese description: $help"
grep -q '^用法:' <<<"$help" && ok || bad "inbox --help: no 用法: $help"
grep -qx '示例:linkctl inbox --as zhang.wei' <<<"$help" && ok || bad "inbox --help: no 示例 line: $help"
grep -q '^选项:' <<<"$help" && ok || bad "inbox --help: no 选项: heading: $help"
top=$(zh --help)
grep -q '^子命令:' <<<"$top" && ok || bad "--help: no 子命令: heading"
grep -qE '^  rate +对已反馈的联动信息做满意度评价' <<<"$top" && ok || bad "--help: rate is not described in Chinese: $(grep '^  rate' <<<"$top")"
# CLI11's own words in the left column (types, 必填) are translated, and the descriptions stay
# in one column (CLI11 pads by bytes; a Chinese word there is 3 bytes per 2 columns).
same "approve --help: the positional" "  ID 整数:编号 必填           联动信息编号('linkctl list' 中显示的)" \
  "$(zh approve --help | grep '^  ID ')"
same "approve --help: a text option" "  --severity 文本             major|urgent|normal(重大违规|紧急|普通)" \
  "$(zh approve --help | grep '^  --severity')"
same "spotcheck sample --help: a range" "  --count 整数:整数 取值范围 [1 - 10000]" "$(zh spotcheck sample --help | grep '^  --count')"
same "report --help: usage" "用法: linkctl report [选项] 子命令" "$(zh report --help | grep '^用法')"
same "approve --help in English: unchanged" "  ID INT:ID REQUIRED          ticket id (as 'linkctl list' shows)" \
  "$(en approve --help | grep '^  ID ')"

# --- what scripts read: byte-identical under both locales ------------------------------------------
for args in "list --as lin.xiuying" "list --as lin.xiuying --format csv" "list --as lin.xiuying --format json" \
  "show 1 --as li.na --format json" "history 1 --as li.na --format tsv" "overdue --as lin.xiuying --now 2026-10-30 --format tsv" \
  "report monthly --month 2026-10 --as lin.xiuying --now 2026-11-02 --format csv" "policy show --format json" \
  "calendar is-workday 2026-10-10 --format tsv" "deadlines 1 --as li.na --format csv"; do
  # shellcheck disable=SC2086  # the words are separate arguments
  a=$(en $args; echo "exit $?") b=$(zh $args; echo "exit $?")
  [[ $a == *"exit 0" ]] || bad "linkctl $args failed under C.UTF-8: ${a##*exit }"
  same "linkctl $args: the same bytes under zh_CN.UTF-8" "$a" "$b"
done
# doctor's findings are data in tsv: a database that cannot be opened is one finding whose
# detail is the error's text, the same under both locales (exit 7 both times).
a=$(en doctor --db "$work/missing.db" 2>/dev/null; echo "exit $?") b=$(zh doctor --db "$work/missing.db" 2>/dev/null; echo "exit $?")
[[ $a == *"open"*"exit 7" ]] || bad "doctor on a missing database, under C.UTF-8: $a"
same "doctor on a missing database: the same bytes under zh_CN.UTF-8" "$a" "$b"
# audit verify and doctor: a finding is translated in a table, the same bytes in tsv.
same "audit verify, tsv" "$(en audit verify --format tsv)" "$(zh audit verify --format tsv)"
sqlite3 "$work/linkctl.db" "UPDATE events SET note = 'x' WHERE id = 2" || bad "cannot alter an event"
same "audit verify, tsv, a bad event" "$(en audit verify --format tsv 2>/dev/null)" "$(zh audit verify --format tsv 2>/dev/null)"
table=$(zh audit verify --format table 2>"$work/err")
grep -q "事件 2 在写入后被改动过(哈希与内容不符)" <<<"$table" && ok ||
  bad "audit verify, table: the problem is not in Chinese: $table"
same "audit verify, table: the error" "linkctl: 错误:审计未通过:事件 2 在写入后被改动过(哈希与内容不符)" "$(cat "$work/err")"
zh doctor --format table | grep -q '^integrity .*PRAGMA quick_check:正常' && ok || bad "doctor, table: quick_check's finding is not in Chinese"
same "doctor, tsv" "$(en doctor --format tsv | grep -v '^wal')" "$(zh doctor --format tsv | grep -v '^wal')"
# A sentence on stdout (policy apply) stays as it is outside a table; it is translated in one.
cp "$src/tests/e2e/policies/mini.toml" same.toml
same "policy apply, tsv" "policy unchanged: same.toml is already in force as v1" "$(zh policy apply same.toml --as gao.feng)"
same "policy apply, table" "策略未变:same.toml 已作为 v1 生效" "$(zh policy apply same.toml --as gao.feng --format table)"

# --- the catalog is found from the build tree, from LINKCTL_LOCALEDIR, or not at all -------------
said=$(LINKCTL_LOCALEDIR=$work/none LANG=zh_CN.UTF-8 LOCPATH=$locpath "$binary" show 99 --as li.na 2>&1)
same "no catalog: English" "linkctl: error: no ticket 99 (or you may not see it); list yours with 'linkctl list'" "$said"

echo "zh: $checks checks, $failures failed"
[ "$failures" = 0 ]
