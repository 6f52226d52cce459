#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Hostile input never changes the data (SPEC section 8, last bullet; exit codes: section 7).
#
# Usage: bash hostile.sh /path/to/linkctl
#
# In a temporary directory this script creates a database from
# tests/e2e/policies/mini.toml, files and moves a few tickets so there is data,
# checkpoints the WAL, and then feeds linkctl one hostile input after another:
# malformed policy files, malformed CSV imports, impossible dates and times,
# malformed ticket ids, oversized and binary text, control characters (C0, C1 and the
# bidirectional ones that reorder a terminal's text), wrong actors, wrong states,
# unknown names and options. For each input it checks
#   - the exit status is the one SPEC section 7 documents for that kind of input
#     (2 usage, 3 not found, 4 permission, 5 conflict, 6 invalid policy/input data),
#   - stderr is exactly one line starting with "linkctl: error: " (policy check /
#     apply / init print file:line diagnostics first: there only the last line
#     must start with "linkctl: error: "),
#   - for inputs over a documented limit (LIMIT_WORDS), stderr names the limit,
#   - the database is byte for byte what it was before (sha256 of linkctl.db, and
#     of linkctl.db-wal when it holds anything: an empty or absent WAL holds no
#     data, so the two count as the same; on PostgreSQL, when LINKCTL_TEST_PG is
#     set, the sha256 of a data-only pg_dump: see lib/engine.sh).
# The expected exit codes were derived from the SPEC and the nature of each
# input, not from what the binary does. Where the binary disagrees, the case
# stays in the table with the SPEC's code and its description is listed in
# KNOWN_BUGS below: it is reported, not counted as a failure.
#
# Three inputs are valid on purpose and are checked separately, after the loop:
# SQL-looking text is filed verbatim (exit 0) and the tables survive; a title with
# a zero-width space is filed verbatim and shown as <U+200B> in a table; and an
# `init` with a broken policy leaves no database file behind.
#
# Prints one summary line; exits 1 if any check failed.
set -u

if [ $# -ne 1 ]; then
  echo "usage: bash hostile.sh /path/to/linkctl" >&2
  exit 2
fi
binary=$(readlink -f "$1")
[ -x "$binary" ] || { echo "hostile: $1 is not an executable" >&2; exit 2; }
for tool in sha256sum timeout awk sed; do
  command -v "$tool" >/dev/null || { echo "hostile: needs $tool" >&2; exit 2; }
done
SRC="${LINKCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"
[ -f "$SRC/tests/e2e/policies/mini.toml" ] || { echo "hostile: cannot find $SRC/tests/e2e/policies/mini.toml (set LINKCTL_SOURCE_DIR)" >&2; exit 2; }

# shellcheck source=lib/engine.sh
. "$(dirname "$0")/lib/engine.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-hostile.XXXXXX")
trap 'engine_cleanup; rm -rf "$work"' EXIT
mkdir -p "$work/bin"
ln -s "$binary" "$work/bin/linkctl"
unset LINKCTL_DB LINKCTL_USER LINKCTL_FORMAT LINKCTL_NOW LINKCTL_BUSY_TIMEOUT
export PATH="$work/bin:$PATH" NO_COLOR=1 TZ=UTC LC_ALL=C.UTF-8
# The clock for every case that needs one (a date the mini policy's calendar covers).
export T="--today 2026-11-20"
cd "$work" || exit 1
engine_init

die() { echo "hostile: setup failed: $*" >&2; exit 1; }

# ---------------------------------------------------------------- the data
cp "$SRC/tests/e2e/policies/mini.toml" mini.toml
linkctl init --policy mini.toml --as gao.feng >/dev/null || die "init"
setup() { linkctl "$@" --today 2026-11-16 >/dev/null || die "linkctl $*"; }
# 1: pending (market → logistics); sending lead zhang.wei, receiving lead wang.qiang.
setup file --as li.na --category delivery-late --title '一号: 待审批'
# 2: assigned to li.na (market → market): logistics people cannot see it.
setup file --as li.na --category shop-moved --title '二号: 已交办'
setup approve 2 --as zhang.wei
setup route 2 --to li.na --as zhang.wei
# 3: routed (logistics → market).
setup file --as yang.fan --category virtual-customer --title '三号: 已结转'
setup approve 3 --as wang.qiang
# 4: done and rated (market → logistics), with --ref EXT-4.
setup file --as li.na --category delivery-late --title '四号: 已评价' --body '正文' --ref EXT-4
setup approve 4 --as zhang.wei
setup route 4 --to yang.fan --as wang.qiang
setup close 4 --result '已上门核实' --as yang.fan
setup confirm 4 --as wang.qiang
setup rate 4 satisfied --as zhang.wei
engine_save pristine || die "a copy of the database"   # restored after any case that changed it
# (In this shell: the cases' $(fingerprint) subshells reuse its query on PostgreSQL.) Each
# case's state before is the previous case's after, so each case fingerprints once.
before=$(engine_fingerprint)

# ---------------------------------------------------------------- fixtures
# Policy files: each is mini.toml with one thing wrong (or something else entirely).
M=mini.toml
pol() { local out=$1; shift; LC_ALL=C sed "$@" "$M" >"$out"; }
printf '[organization\nname = "x"\n' >p-syntax-header.toml
printf 'a = [1,\nb = 2\n' >p-syntax-array.toml
pol p-dup-key.toml '/^name = "测试局"$/a name = "又一个局"'
pol p-type-base-score.toml '/^\[organization\]$/a base_score = "hundred"'
pol p-type-override.toml 's/^allow_clock_override = true$/allow_clock_override = "yes"/'
pol p-type-leads.toml '0,/^leads = .*/s//leads = "zhang.wei"/'
pol p-type-roles.toml '0,/^roles = \["lead"\]$/s//roles = "lead"/'
pol p-type-feedback.toml 's/^feedback = { major = 10, urgent = 3, normal = 5 }$/feedback = "5"/'
pol p-type-holidays.toml 's/^holidays = .*/holidays = [20261001, 20261002]/'
pol p-unknown-key.toml '/^\[organization\]$/a colour = "red"'
{ cat "$M"; printf '\n[extras]\nfoo = 1\n'; } >p-unknown-table.toml
pol p-unknown-dept.toml '0,/^department = "market"$/s//department = "markt"/'
pol p-unknown-lead.toml '0,/^leads = .*/s//leads = ["nobody"]/'
pol p-unknown-to.toml 's/^to = "logistics"$/to = "nowhere"/'
pol p-unknown-parent.toml '0,/^leads = \["zhang.wei"\]$/s//leads = ["zhang.wei"]\nparent = "nowhere"/'
pol p-empty-filer-kind.toml 's/^roles = \["filer:customer-manager", "handler"\]$/roles = ["filer:", "filer:customer-manager", "handler"]/'
pol p-no-filers.toml 's/^filers = \["customer-manager"\]$/filers = []/'
pol p-unknown-severity-key.toml 's/^feedback = { normal = 10 }$/feedback = { critical = 10 }/'
pol p-unknown-role.toml '0,/^roles = \["lead"\]$/s//roles = ["emperor"]/'
pol p-bad-identity.toml 's/^identity = "declared"$/identity = "trust-me"/'
pol p-bad-timezone.toml 's|^timezone = .*|timezone = "Mars/Olympus_Mons"|'
pol p-bad-kind.toml '0,/^kind = "front"$/s//kind = "sideways"/'
pol p-bad-severity.toml '0,/^severity = "normal"$/s//severity = "critical"/'
{ cat "$M"; printf '\n[[departments]]\ncode = "market"\nname = "又一个市场部"\nkind = "front"\nleads = ["zhang.wei"]\n'; } >p-dup-dept.toml
{ cat "$M"; printf '\n[[people]]\nid = "li.na"\nname = "李娜二"\ndepartment = "market"\nroles = ["handler"]\n'; } >p-dup-person.toml
{ cat "$M"; printf '\n[[categories]]\ncode = "shop-moved"\nname = "重复"\nseverity = "urgent"\nfilers = ["delivery"]\nto = "market"\n'; } >p-dup-category.toml
pol p-neg-review.toml 's/^review = 1$/review = -1/'
pol p-neg-feedback.toml 's/^feedback = { major = 10, urgent = 3, normal = 5 }$/feedback = { major = -10, urgent = 3, normal = 5 }/'
pol p-neg-category-feedback.toml 's/^feedback = { normal = 10 }$/feedback = { normal = -10 }/'
pol p-huge-deadline.toml 's/^approval = 0$/approval = 99999999999999999999/'
printf '[organization]\nname = "空壳"\nidentity = "declared"\nallow_clock_override = true\n' >p-only-organization.toml
awk '/^\[\[departments\]\]$/ {skip = 1; next} /^\[/ {skip = 0} !skip' "$M" >p-no-departments.toml
{ sed '/^\[organization\]$/q' "$M"; printf 'notes = "'; head -c 5242880 /dev/zero | tr '\0' x; printf '"\n'; sed '1,/^\[organization\]$/d' "$M"; } >p-5mb-value.toml
yes 'this is not toml at all' | head -c 5242880 >p-5mb-garbage.toml
pol p-utf8-name.toml 's/^name = "测试局"$/name = "测\xff试局"/'
pol p-control-name.toml 's/^name = "测试局"$/name = "测\x1b[31m试局"/'
pol p-bidi-name.toml 's/^name = "物流中心"$/name = "物流\xe2\x80\xae中心"/'   # U+202E, right-to-left override
pol p-bidi-person.toml 's/^name = "李娜"$/name = "\xe2\x81\xa7李娜\xe2\x81\xa9"/'  # U+2067 ... U+2069, an isolate
{ printf 'x = "a'; printf '\0'; printf 'b"\n'; cat "$M"; } >p-nul.toml
pol p-feb30.toml 's/^holidays = \[2026-09-25,/holidays = [2026-02-30, 2026-09-25,/'
pol p-month13.toml 's/^workdays = \[2026-09-20,/workdays = [2026-13-01, 2026-09-20,/'
: >p-empty.toml
head -c 65536 "$binary" >p-binary.toml
{ printf '[%s]\nx = 1\n' "$(printf 'a.%.0s' $(seq 10000))a"; } >p-deep-tables.toml
{ printf 'x = %s1%s\n' "$(printf '[%.0s' $(seq 100000))" "$(printf ']%.0s' $(seq 100000))"; cat "$M"; } >p-deep-arrays.toml
{ printf 'x = %s1%s\n' "$(printf '{a=%.0s' $(seq 100000))" "$(printf '}%.0s' $(seq 100000))"; cat "$M"; } >p-deep-inline.toml
# Keys: toml11 takes time quadratic in the parts of one dotted key (20000 parts took 7 s),
# so parts, key length, line length and the number of keys have limits (man page, LIMITS).
dotted() { awk -v n="$1" 'BEGIN { for (i = 1; i < n; i++) printf "a."; printf "a" }'; }
{ dotted 20000; printf ' = 1\n'; cat "$M"; } >p-dotted-20k.toml
{ cat "$M"; printf '\n'; dotted 1000000; printf ' = 1\n'; } >p-dotted-1m.toml
{ printf 'x = { %s = 1 }\n' "$(dotted 20000)"; cat "$M"; } >p-dotted-inline.toml
{ printf '%s = 1\n' "$(head -c 102400 /dev/zero | tr '\0' k)"; cat "$M"; } >p-long-key.toml
{ printf '"%s" = 1\n' "$(head -c 102400 /dev/zero | tr '\0' q)"; cat "$M"; } >p-long-quoted-key.toml
{ awk 'BEGIN { for (i = 0; i < 200000; i++) printf "k%d.a = 1\n", i }'; cat "$M"; } >p-many-keys.toml
pol p-long-line.toml "s/^name = \"测试局\"\$/name = \"$(head -c 8192 /dev/zero | tr '\0' x)\"/"
pol v2.toml 's/^name = "测试局"$/name = "测试局二"/'   # valid: for the wrong-actor case

# CSV files for import.
H='filer,category,title'
printf 'filer,title\nli.na,缺类别\n' >c-missing-column.csv
printf '%s\nli.na,delivery-late,好的\nli.na,delivery-late,多了,一列\n' "$H" >c-extra-field.csv
printf '%s\nli.na,delivery-late\n' "$H" >c-short-row.csv
printf 'filer,category,title,priority\nli.na,delivery-late,好的,high\n' >c-unknown-column.csv
printf 'filer,category,title,title\nli.na,delivery-late,甲,乙\n' >c-duplicate-column.csv
printf '%s\nli.na,delivery-late,"未闭合\n' "$H" >c-unclosed-quote.csv
printf '%s\nli.na,delivery-late,"引号"之后\n' "$H" >c-stray-quote.csv
printf '%s\nli.na,delivery-late,bad\xff\n' "$H" >c-utf8-title.csv
printf 'filer,cat\xffegory,title\nli.na,delivery-late,坏表头\n' >c-utf8-header.csv
printf '\xef\xbb\xbf' >c-bom-only.csv
: >c-empty.csv
printf '%s\n' "$H" >c-header-only.csv
{ echo "$H"; printf 'li.na,delivery-late,'; head -c 10485760 /dev/zero | tr '\0' x; echo; } >c-10mb-title.csv
{ echo "$H"; printf 'li.na,delivery-late,'; head -c 600 /dev/zero | tr '\0' x; echo; } >c-600b-title.csv
printf '%s\nli.na,delivery-late,好\nnobody,delivery-late,坏\n' "$H" >c-unknown-filer.csv
printf '%s\nyang.fan,delivery-late,不许\n' "$H" >c-not-allowed.csv
printf '%s\nli.na,no-such-category,无此类别\n' "$H" >c-unknown-category.csv
printf 'filer,category,title,to\nli.na,delivery-late,无此部门,nowhere\n' >c-unknown-to.csv
printf 'filer,category,title,severity\nli.na,delivery-late,严重,critical\n' >c-bad-severity.csv
printf 'filer,category,title,filed_at\nli.na,delivery-late,未来,2030-01-01T09:00\n' >c-future.csv
printf 'filer,category,title,filed_at\nli.na,delivery-late,坏时间,2026-10-01T24:00\n' >c-hour-24.csv
printf 'filer,category,title,filed_at\nli.na,delivery-late,坏日期,2026-02-30T09:00\n' >c-feb30.csv
printf 'filer,category,title,filed_at\nli.na,delivery-late,昨天,yesterday\n' >c-word-time.csv
printf 'filer,category,title,ref\nli.na,delivery-late,第一次,EXT-9\nli.na,shop-moved,第二次不同,EXT-9\n' >c-duplicate-ref.csv
printf '%s\nli.na,delivery-late,\x1b[31m红色\x1b[0m\n' "$H" >c-escape-title.csv
printf '%s\nli.na,delivery-late,=cmd|calc \u202eRTL\n' "$H" >c-bidi-title.csv
{ echo "$H"; printf 'li.na,delivery-late,a'; printf '\0'; printf 'b\n'; } >c-nul-title.csv
head -c 65536 "$binary" >c-binary.csv
awk -v H="$H" 'BEGIN { print H; for (i = 1; i < 100000; i++) printf "li.na,delivery-late,批量第%d行\n", i; print "nobody,delivery-late,最后一行坏" }' >c-100k-last-bad.csv

# Text for --body-file.
head -c 10485760 /dev/zero | tr '\0' x >body-10mb.txt
printf 'before\0after\n' >body-nul.txt
printf 'bad \xfe\xff bytes\n' >body-utf8.txt

# ---------------------------------------------------------------- the hostile inputs
# One line each:  expected exit | description | command (run with bash in the work dir;
# `linkctl` is the binary under test, $T is "--today 2026-11-20").
# Tickets: 1 pending (market→logistics), 2 assigned to li.na (market→market),
# 3 routed (logistics→market), 4 done (market→logistics, ref EXT-4).
CASES=$(cat <<'EOF'
# --- policy files: invalid policy → 6 (check prints file:line diagnostics first)
6 | policy: TOML syntax, unclosed table header | linkctl policy apply p-syntax-header.toml --as gao.feng
6 | policy: TOML syntax, unclosed array | linkctl policy apply p-syntax-array.toml --as gao.feng
6 | policy: TOML syntax, unclosed array (check) | linkctl policy check p-syntax-array.toml
6 | policy: duplicate key in a table | linkctl policy apply p-dup-key.toml --as gao.feng
6 | policy: wrong type, base_score a string | linkctl policy apply p-type-base-score.toml --as gao.feng
6 | policy: wrong type, allow_clock_override a string | linkctl policy apply p-type-override.toml --as gao.feng
6 | policy: wrong type, leads a string not an array | linkctl policy apply p-type-leads.toml --as gao.feng
6 | policy: wrong type, roles a string not an array | linkctl policy apply p-type-roles.toml --as gao.feng
6 | policy: wrong type, feedback a string | linkctl policy apply p-type-feedback.toml --as gao.feng
6 | policy: wrong type, holidays integers not dates | linkctl policy apply p-type-holidays.toml --as gao.feng
6 | policy: unknown key in [organization] | linkctl policy apply p-unknown-key.toml --as gao.feng
6 | policy: unknown table [extras] | linkctl policy apply p-unknown-table.toml --as gao.feng
6 | policy: person in an unknown department | linkctl policy apply p-unknown-dept.toml --as gao.feng
6 | policy: lead is an unknown person | linkctl policy apply p-unknown-lead.toml --as gao.feng
6 | policy: category to an unknown department | linkctl policy apply p-unknown-to.toml --as gao.feng
6 | policy: department under an unknown parent | linkctl policy apply p-unknown-parent.toml --as gao.feng
6 | policy: role filer: with an empty kind | linkctl policy apply p-empty-filer-kind.toml --as gao.feng
6 | policy: category with no filer kinds | linkctl policy apply p-no-filers.toml --as gao.feng
6 | policy: feedback override for an unknown severity | linkctl policy apply p-unknown-severity-key.toml --as gao.feng
6 | policy: unknown role | linkctl policy apply p-unknown-role.toml --as gao.feng
6 | policy: unknown identity mode | linkctl policy apply p-bad-identity.toml --as gao.feng
6 | policy: unknown time zone | linkctl policy apply p-bad-timezone.toml --as gao.feng
6 | policy: unknown department kind | linkctl policy apply p-bad-kind.toml --as gao.feng
6 | policy: unknown category severity | linkctl policy apply p-bad-severity.toml --as gao.feng
6 | policy: duplicate department code | linkctl policy apply p-dup-dept.toml --as gao.feng
6 | policy: duplicate person id | linkctl policy apply p-dup-person.toml --as gao.feng
6 | policy: duplicate category code | linkctl policy apply p-dup-category.toml --as gao.feng
6 | policy: negative review deadline | linkctl policy apply p-neg-review.toml --as gao.feng
6 | policy: negative feedback deadline | linkctl policy apply p-neg-feedback.toml --as gao.feng
6 | policy: negative category feedback override | linkctl policy apply p-neg-category-feedback.toml --as gao.feng
6 | policy: deadline beyond a 64-bit integer | linkctl policy apply p-huge-deadline.toml --as gao.feng
6 | policy: only [organization], no departments/people/categories | linkctl policy apply p-only-organization.toml --as gao.feng
6 | policy: no [[departments]] tables | linkctl policy apply p-no-departments.toml --as gao.feng
6 | policy: 5 MB file, a 5 MB value under an unknown key | linkctl policy apply p-5mb-value.toml --as gao.feng
6 | policy: 5 MB of text that is not TOML | linkctl policy apply p-5mb-garbage.toml --as gao.feng
6 | policy: 5 MB of text that is not TOML (check) | linkctl policy check p-5mb-garbage.toml
6 | policy: invalid UTF-8 in a string | linkctl policy apply p-utf8-name.toml --as gao.feng
6 | policy: escape character in a string | linkctl policy apply p-control-name.toml --as gao.feng
6 | policy: right-to-left override in a department name | linkctl policy apply p-bidi-name.toml --as gao.feng
6 | policy: bidirectional isolate in a person's name (check) | linkctl policy check p-bidi-person.toml
6 | policy: NUL byte | linkctl policy apply p-nul.toml --as gao.feng
6 | policy: 2026-02-30 in the calendar | linkctl policy apply p-feb30.toml --as gao.feng
6 | policy: 2026-02-30 in the calendar (check) | linkctl policy check p-feb30.toml
6 | policy: 2026-13-01 in the calendar | linkctl policy apply p-month13.toml --as gao.feng
6 | policy: empty file | linkctl policy apply p-empty.toml --as gao.feng
6 | policy: empty file (check) | linkctl policy check p-empty.toml
6 | policy: empty standard input | linkctl policy apply - --as gao.feng
6 | policy: binary file | linkctl policy apply p-binary.toml --as gao.feng
6 | policy: binary file (check) | linkctl policy check p-binary.toml
6 | policy: table header 10000 levels deep | linkctl policy apply p-deep-tables.toml --as gao.feng
6 | policy: arrays nested 100000 deep | linkctl policy apply p-deep-arrays.toml --as gao.feng
6 | policy: arrays nested 100000 deep (check) | linkctl policy check p-deep-arrays.toml
6 | policy: inline tables nested 100000 deep | linkctl policy apply p-deep-inline.toml --as gao.feng
6 | policy: dotted key of 20000 parts | linkctl policy apply p-dotted-20k.toml --as gao.feng
6 | policy: dotted key of 20000 parts (check) | linkctl policy check p-dotted-20k.toml
6 | policy: dotted key of 1000000 parts (check) | linkctl policy check p-dotted-1m.toml
6 | policy: dotted key of 20000 parts in an inline table (check) | linkctl policy check p-dotted-inline.toml
6 | policy: a 100 KiB bare key (check) | linkctl policy check p-long-key.toml
6 | policy: a 100 KiB quoted key | linkctl policy apply p-long-quoted-key.toml --as gao.feng
6 | policy: 200000 short dotted keys (check) | linkctl policy check p-many-keys.toml
6 | policy: an 8 KiB line (check) | linkctl policy check p-long-line.toml
4 | policy: valid file applied by a non-admin | linkctl policy apply v2.toml --as li.na
2 | policy: valid file applied with --today 2026-02-30 | linkctl policy apply v2.toml --as gao.feng --today 2026-02-30
5 | init over an existing database | linkctl init --policy mini.toml --as gao.feng
# --- CSV imports: invalid input data → 6 (with file:line)
6 | import: header lacks a required column | linkctl import c-missing-column.csv --as gao.feng $T
6 | import: a row with an extra field | linkctl import c-extra-field.csv --as gao.feng $T
6 | import: a row with a missing field | linkctl import c-short-row.csv --as gao.feng $T
6 | import: unknown column | linkctl import c-unknown-column.csv --as gao.feng $T
6 | import: the same column twice | linkctl import c-duplicate-column.csv --as gao.feng $T
6 | import: quoted field never closed | linkctl import c-unclosed-quote.csv --as gao.feng $T
6 | import: text after a closing quote | linkctl import c-stray-quote.csv --as gao.feng $T
6 | import: invalid UTF-8 in a title | linkctl import c-utf8-title.csv --as gao.feng $T
6 | import: invalid UTF-8 in the header | linkctl import c-utf8-header.csv --as gao.feng $T
6 | import: a byte-order mark and nothing else | linkctl import c-bom-only.csv --as gao.feng $T
6 | import: empty file | linkctl import c-empty.csv --as gao.feng $T
6 | import: empty standard input | linkctl import - --as gao.feng $T
0 | import: header only, no rows (nothing to import; must not write) | linkctl import c-header-only.csv --as gao.feng $T
6 | import: a 10 MB title | linkctl import c-10mb-title.csv --as gao.feng $T
6 | import: a 600-byte title | linkctl import c-600b-title.csv --as gao.feng $T
6 | import: unknown filer | linkctl import c-unknown-filer.csv --as gao.feng $T
6 | import: category not allowed for the filer | linkctl import c-not-allowed.csv --as gao.feng $T
6 | import: unknown category | linkctl import c-unknown-category.csv --as gao.feng $T
6 | import: unknown receiving department | linkctl import c-unknown-to.csv --as gao.feng $T
6 | import: unknown severity | linkctl import c-bad-severity.csv --as gao.feng $T
6 | import: filed_at in the future | linkctl import c-future.csv --as gao.feng $T
6 | import: filed_at at hour 24 | linkctl import c-hour-24.csv --as gao.feng $T
6 | import: filed_at on 2026-02-30 | linkctl import c-feb30.csv --as gao.feng $T
6 | import: filed_at 'yesterday' | linkctl import c-word-time.csv --as gao.feng $T
6 | import: the same ref twice with different content | linkctl import c-duplicate-ref.csv --as gao.feng $T
6 | import: escape sequence in a title | linkctl import c-escape-title.csv --as gao.feng $T
6 | import: NUL byte in a title | linkctl import c-nul-title.csv --as gao.feng $T
6 | import: a right-to-left override in a title | linkctl import c-bidi-title.csv --as gao.feng $T
6 | import: binary file | linkctl import c-binary.csv --as gao.feng $T
6 | import: 100000 rows, the last one bad (all or nothing) | linkctl import c-100k-last-bad.csv --as gao.feng $T
4 | import: by a non-admin | linkctl import c-header-only.csv --as li.na $T
# --- dates and times: malformed values → 2
2 | date: calendar due --from 2026-02-30 | linkctl calendar due --from 2026-02-30 --days 3
2 | date: calendar is-workday 2026-02-29 (not a leap year) | linkctl calendar is-workday 2026-02-29
2 | date: calendar due --days beyond the documented range | linkctl calendar due --from 2026-09-01 --days 99999
2 | date: --today 2026-13-01 (list) | linkctl list --as gao.feng --today 2026-13-01
2 | date: --today 2026-13-01 (file) | linkctl file --as li.na --category delivery-late --title 日期 --today 2026-13-01
2 | date: --now 2026-10-01T24:00 (approve) | linkctl approve 1 --as zhang.wei --now 2026-10-01T24:00
2 | date: --now with offset +25:00 (approve) | linkctl approve 1 --as zhang.wei --now 2026-10-01T10:00+25:00
2 | date: --now yesterday (approve) | linkctl approve 1 --as zhang.wei --now yesterday
2 | date: LINKCTL_NOW=yesterday (approve) | LINKCTL_NOW=yesterday linkctl approve 1 --as zhang.wei
2 | date: --now with an empty value (approve) | linkctl approve 1 --as zhang.wei --now ''
2 | date: --today with an empty value (file) | linkctl file --as li.na --category delivery-late --title 空日期 --today ''
2 | date: --now and --today together (approve) | linkctl approve 1 --as zhang.wei --now 2026-11-20T10:00 --today 2026-11-20
2 | date: report monthly --month 2026-00 | linkctl report monthly --month 2026-00 --as lin.xiuying $T
2 | date: report monthly --month 26-10 | linkctl report monthly --month 26-10 --as lin.xiuying $T
2 | date: list --since 2026-02-29 | linkctl list --as gao.feng --since 2026-02-29 $T
2 | date: list --until 2026-04-31 | linkctl list --as gao.feng --until 2026-04-31 $T
# --- ticket ids: not a positive whole number → 2; no such (visible) ticket → 3
2 | id: show 0 | linkctl show 0 --as gao.feng $T
2 | id: show -1 | linkctl show -1 --as gao.feng $T
2 | id: show 99999999999999999999 | linkctl show 99999999999999999999 --as gao.feng $T
2 | id: show abc | linkctl show abc --as gao.feng $T
2 | id: show 1.5 | linkctl show 1.5 --as gao.feng $T
2 | id: show '' | linkctl show '' --as gao.feng $T
2 | id: approve 0 | linkctl approve 0 --as zhang.wei $T
2 | id: reject 1e3 | linkctl reject 1e3 --reason 重复 --as zhang.wei $T
3 | id: show 99999 (no such ticket) | linkctl show 99999 --as gao.feng $T
3 | id: approve 99999 (no such ticket) | linkctl approve 99999 --as zhang.wei $T
3 | id: show a ticket of another department | linkctl show 2 --as yang.fan $T
3 | id: close a ticket of another department | linkctl close 2 --result 完成 --as yang.fan $T
# --- text: malformed values → 2
2 | text: a 600-byte title | linkctl file --as li.na --category delivery-late --title "$(head -c 600 /dev/zero | tr '\0' x)" $T
2 | text: a 100 KiB title | linkctl file --as li.na --category delivery-late --title "$(head -c 102400 /dev/zero | tr '\0' x)" $T
2 | text: a 10 MB body via --body-file | linkctl file --as li.na --category delivery-late --title 大正文 --body-file body-10mb.txt $T
2 | text: a 10 MB body on standard input | linkctl file --as li.na --category delivery-late --title 大正文 --body-file - $T < body-10mb.txt
2 | text: control character 0x01 in a title | linkctl file --as li.na --category delivery-late --title "$(printf 'a\001b')" $T
2 | text: escape sequence in a title | linkctl file --as li.na --category delivery-late --title "$(printf '\033[31m红色\033[0m')" $T
2 | text: escape sequence in a body | linkctl file --as li.na --category delivery-late --title 正常 --body "$(printf '\033[2J清屏')" $T
2 | text: NUL byte in a body via --body-file | linkctl file --as li.na --category delivery-late --title 正常 --body-file body-nul.txt $T
2 | text: invalid UTF-8 in a title | linkctl file --as li.na --category delivery-late --title "$(printf 'ab\377')" $T
2 | text: overlong UTF-8 encoding in a title | linkctl file --as li.na --category delivery-late --title "$(printf 'a\300\257b')" $T
2 | text: UTF-8-encoded surrogate in a title | linkctl file --as li.na --category delivery-late --title "$(printf 'a\355\240\200b')" $T
2 | text: invalid UTF-8 in a body via --body-file | linkctl file --as li.na --category delivery-late --title 正常 --body-file body-utf8.txt $T
2 | text: whitespace-only title | linkctl file --as li.na --category delivery-late --title '   ' $T
2 | text: control character in a reject reason | linkctl reject 1 --reason "$(printf 'x\001y')" --as zhang.wei $T
2 | text: invalid UTF-8 in a close result | linkctl close 2 --result "$(printf 'ok\377')" --as li.na $T
2 | text: escape sequence in a comment | linkctl comment 1 "$(printf '\033]0;title\007')" --as li.na $T
# Bidirectional controls reorder what a terminal shows ("Trojan Source"): refused like control characters.
2 | text: right-to-left override U+202E in a title | linkctl file --as li.na --category delivery-late --title "$(printf '=cmd|calc \u202eRTL\u200bzw')" $T
2 | text: left-to-right embedding U+202A in a title | linkctl file --as li.na --category delivery-late --title "$(printf 'a\u202ab')" $T
2 | text: right-to-left embedding U+202B in a title | linkctl file --as li.na --category delivery-late --title "$(printf 'a\u202bb')" $T
2 | text: pop directional formatting U+202C in a title | linkctl file --as li.na --category delivery-late --title "$(printf 'a\u202cb')" $T
2 | text: left-to-right override U+202D in a --ref | linkctl file --as li.na --category delivery-late --title 正常 --ref "$(printf 'EXT-\u202d9')" $T
2 | text: left-to-right isolate U+2066 in a body | linkctl file --as li.na --category delivery-late --title 正常 --body "$(printf 'ok\n\u2066x')" $T
2 | text: right-to-left isolate U+2067 in a comment | linkctl comment 1 "$(printf 'see \u2067abc')" --as li.na $T
2 | text: first strong isolate U+2068 in a reject reason | linkctl reject 1 --reason "$(printf 'dup \u2068x')" --as zhang.wei $T
2 | text: pop directional isolate U+2069 in a close result | linkctl close 2 --result "$(printf 'done\u2069')" --as li.na $T
2 | text: right-to-left override in a new title at approval | linkctl approve 1 --title "$(printf 'x\u202ey')" --as zhang.wei $T
2 | text: a 100 KiB comment | linkctl comment 1 "$(head -c 102400 /dev/zero | tr '\0' y)" --as li.na $T
# --- wrong actor → 4, wrong state → 5, unknown names → 3
4 | actor: a filer approves | linkctl approve 1 --as li.na $T
4 | actor: the receiving lead approves | linkctl approve 1 --as wang.qiang $T
4 | actor: a filer escalates | linkctl escalate 3 --reason 催办 --as li.na $T
4 | actor: a lead with no filer role files | linkctl file --as zhang.wei --category delivery-late --title 领导自己报 $T
4 | actor: a category not allowed for the filer | linkctl file --as yang.fan --category delivery-late --title 送货员报送货 $T
4 | actor: a lead freezes a monthly report | linkctl report monthly --month 2026-10 --freeze --as zhang.wei $T
4 | actor: a non-admin recomputes deadlines | linkctl deadlines --recompute --as li.na $T
4 | actor: a filer reads the event feed | linkctl events --since 0 --as li.na $T
5 | state: approve an assigned ticket | linkctl approve 2 --as zhang.wei $T
5 | state: rate a pending ticket | linkctl rate 1 satisfied --as zhang.wei $T
5 | state: confirm an assigned ticket | linkctl confirm 2 --as zhang.wei $T
5 | state: close a done ticket | linkctl close 4 --result 再来 --as yang.fan $T
5 | state: --ref EXT-4 again with different content | linkctl file --as li.na --category delivery-late --title 另一件事 --ref EXT-4 $T
3 | name: --as nobody (file) | linkctl file --as nobody --category delivery-late --title 无此人 $T
3 | name: LINKCTL_USER=nobody (approve) | LINKCTL_USER=nobody linkctl approve 1 $T
3 | name: unknown category | linkctl file --as li.na --category no-such --title 无此类别 $T
3 | name: unknown receiving department | linkctl file --as li.na --category delivery-late --title 无此部门 --to nowhere $T
3 | name: list --dept nowhere | linkctl list --as gao.feng --dept nowhere $T
3 | name: route to an unknown person | linkctl route 3 --to nobody --as zhang.wei $T
3 | name: route to an unknown department | linkctl route 3 --dept nowhere --reason 错派 --as zhang.wei $T
# --- usage: unknown options, missing arguments, bad values → 2
2 | usage: unknown subcommand | linkctl frobnicate
2 | usage: unknown global option | linkctl --no-such-option list --as gao.feng $T
2 | usage: unknown option to file | linkctl file --as li.na --category delivery-late --title 好 --frobnicate $T
2 | usage: approve without an id | linkctl approve --as zhang.wei $T
2 | usage: file without --title | linkctl file --as li.na --category delivery-late $T
2 | usage: reject without --reason | linkctl reject 1 --as zhang.wei $T
2 | usage: route with neither --to nor --dept | linkctl route 3 --as zhang.wei $T
2 | usage: rate with an unknown rating | linkctl rate 1 excellent --as zhang.wei $T
2 | usage: file with an unknown severity | linkctl file --as li.na --category delivery-late --title 严重 --severity critical $T
2 | usage: list --limit 0 | linkctl list --as gao.feng --limit 0 $T
2 | usage: --format with an empty value (file) | linkctl file --as li.na --category delivery-late --title 空格式 --format '' $T
2 | usage: --as with an empty value (file) | linkctl file --as '' --category delivery-late --title 空用户 $T
2 | usage: --format yaml (list) | linkctl list --as gao.feng --format yaml $T
2 | usage: LINKCTL_FORMAT=yaml (file) | LINKCTL_FORMAT=yaml linkctl file --as li.na --category delivery-late --title 格式 $T
2 | usage: LINKCTL_BUSY_TIMEOUT=abc (file) | LINKCTL_BUSY_TIMEOUT=abc linkctl file --as li.na --category delivery-late --title 超时 $T
2 | usage: LINKCTL_BUSY_TIMEOUT=-5 (approve) | LINKCTL_BUSY_TIMEOUT=-5 linkctl approve 1 --as zhang.wei $T
2 | usage: events --since abc | linkctl events --since abc --as gao.feng $T
EOF
)

# Inputs where the binary disagrees with the SPEC: reported, not counted as failures.
# Each entry is a description from the table above, exactly. The ones found when this
# script was written (TOML nested 100000 deep crashed the parser; options given with an
# empty value were taken as not given) are fixed and covered by the table above.
KNOWN_BUGS=()  # all fixed: deep nesting is refused before parsing, empty option values are usage errors

# Inputs refused by a documented limit: stderr must name the limit (these words).
declare -A LIMIT_WORDS=(
  ["policy: table header 10000 levels deep"]="more than 32 parts"
  ["policy: arrays nested 100000 deep"]="nest deeper than 32 levels"
  ["policy: inline tables nested 100000 deep"]="nest deeper than 32 levels"
  ["policy: dotted key of 20000 parts"]="more than 32 parts"
  ["policy: dotted key of 20000 parts (check)"]="more than 32 parts"
  ["policy: dotted key of 1000000 parts (check)"]="more than 32 parts"
  ["policy: dotted key of 20000 parts in an inline table (check)"]="more than 32 parts"
  ["policy: a 100 KiB bare key (check)"]="longer than 256 bytes"
  ["policy: a 100 KiB quoted key"]="longer than 256 bytes"
  ["policy: 200000 short dotted keys (check)"]="more than 10000 keys"
  ["policy: an 8 KiB line (check)"]="longer than 4096 bytes"
)

# ---------------------------------------------------------------- the loop
fingerprint() { engine_fingerprint; }
is_known_bug() {
  local b
  for b in "${KNOWN_BUGS[@]+"${KNOWN_BUGS[@]}"}"; do [ "$b" = "$1" ] && return 0; done
  return 1
}

tried=0 refused=0 accepted=0 unchanged=0 failures=0 known=0 fixed=0
failure_report="" known_report="" fixed_report=""
while IFS= read -r line; do
  case "$line" in '#'* | '') continue ;; esac
  want=${line%% | *}; rest=${line#* | }
  desc=${rest%% | *}; cmd=${rest#* | }
  tried=$((tried + 1))
  # (In a subshell, so a crash is reported below, not by this shell as "Segmentation fault".)
  (timeout 300 bash -c "$cmd" >.out 2>.err </dev/null; exit $?) 2>/dev/null
  rc=$?
  if [ -n "${HOSTILE_VERBOSE:-}" ]; then
    printf '[%s→%s] %s\n' "$want" "$rc" "$desc"; head -c 600 .err | head -n 3 | sed 's/^/    /'
  fi
  after=$(fingerprint)
  problems=()
  [ "$rc" = "$want" ] || problems+=("exit $rc, expected $want")
  nlines=$(awk 'END { print NR }' .err)
  if [ "$want" = 0 ]; then
    [ "$nlines" = 0 ] || problems+=("stderr is not empty")
  else
    case "$cmd" in
      *"policy check"* | *"policy apply"* | *" init "*)
        [ "$nlines" -ge 1 ] && tail -n 1 .err | grep -q '^linkctl: error: ' ||
          problems+=("the last line of stderr does not start with 'linkctl: error: '") ;;
      *)
        [ "$nlines" = 1 ] && grep -q '^linkctl: error: ' .err ||
          problems+=("stderr is $nlines lines, expected exactly one starting with 'linkctl: error: '") ;;
    esac
    [ -z "$(tail -c 1 .err)" ] || problems+=("stderr does not end with a newline")
    words=${LIMIT_WORDS[$desc]:-}
    [ -z "$words" ] || grep -qF -- "$words" .err || problems+=("stderr does not name the limit ('$words')")
  fi
  if [ "$before" = "$after" ]; then
    unchanged=$((unchanged + 1))
  else
    problems+=("the database changed ($before → $after)")
    # Put the data back so the next cases start from the same state.
    engine_restore pristine
    after=$(fingerprint)
  fi
  before=$after
  if [ ${#problems[@]} = 0 ]; then
    if [ "$want" = 0 ]; then accepted=$((accepted + 1)); else refused=$((refused + 1)); fi
    if is_known_bug "$desc"; then
      fixed=$((fixed + 1))
      fixed_report+="  $desc: as documented with this binary (exit $want); drop it from KNOWN_BUGS once it passes in every build"$'\n'
    fi
    continue
  fi
  got=$rc; [ "$rc" -le 128 ] || got="$rc (killed by signal $((rc - 128)))"
  [ "$rc" != 124 ] || got="$rc (timed out after 300 s)"
  report="  $desc"$'\n'"    command: $cmd"$'\n'"    expected exit $want, got $got"$'\n'
  for p in "${problems[@]}"; do [ "${p#exit }" != "$p" ] || report+="    - $p"$'\n'; done
  if [ -s .err ]; then report+=$(head -c 2000 .err | head -n 8 | sed 's/^/    stderr: /')$'\n'; fi
  if is_known_bug "$desc"; then
    known=$((known + 1)); known_report+="$report"
  else
    failures=$((failures + 1)); failure_report+="$report"
  fi
done <<<"$CASES"

# ---------------------------------------------------------------- valid on purpose
# SQL-looking text is ordinary text: filed (exit 0), stored verbatim, tables intact.
sql_title="'); DROP TABLE tickets; --"
sql_body="Robert'); DELETE FROM events; SELECT ('"
positive=0
check() { # description, then the test command
  local what=$1; shift
  positive=$((positive + 1))
  if ! "$@"; then
    failures=$((failures + 1)); failure_report+="  positive check: $what"$'\n'
  fi
}
# A field of `show ID --format tsv`, by its header name.
field() { linkctl show "$1" --as li.na --format tsv $T | awk -F'\t' -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) col = i } NR == 2 && col { print $col }'; }
id=$(linkctl file --as li.na --category shop-moved --title "$sql_title" --body "$sql_body" --quiet $T 2>.err)
file_rc=$?
check "SQL-looking text is filed (exit 0, no stderr, the next id on stdout)" test "$file_rc" = 0 -a ! -s .err -a "$id" = 5
check "the SQL-looking title is stored verbatim" test "$(field 5 title)" = "$sql_title"
check "the SQL-looking body is stored verbatim" test "$(field 5 body)" = "$sql_body"
check "the tickets table still exists and holds 5 tickets" test "$(engine_sql 'SELECT count(*) FROM tickets')" = 5
check "the stored title is byte for byte the text given" test "$(engine_sql 'SELECT title FROM tickets WHERE id = 5')" = "$sql_title"
check "the event chain still verifies" linkctl audit verify --format tsv >/dev/null
# Zero-width characters are text: filed verbatim, shown as <U+200B> in a table only.
zw_title=$(printf '=cmd|calc RTL\u200bzw')
id=$(linkctl file --as li.na --category shop-moved --title "$zw_title" --quiet $T 2>.err)
file_rc=$?
check "a title with a zero-width space is filed (exit 0, no stderr, id 6)" test "$file_rc" = 0 -a ! -s .err -a "$id" = 6
check "the zero-width space is stored and exported verbatim (tsv)" test "$(field 6 title)" = "$zw_title"
check "a table shows the zero-width space as <U+200B>" \
  grep -qx 'title: *=cmd|calc RTL<U+200B>zw' <(linkctl show 6 --as li.na --format table $T)
# init with a broken policy creates no database.
linkctl init --db fresh.db --policy p-syntax-array.toml --as gao.feng >/dev/null 2>&1
init_rc=$?
check "init with a broken policy exits 6" test "$init_rc" = 6
check "init with a broken policy leaves no database file" test ! -e fresh.db

# ---------------------------------------------------------------- report
if [ -n "$failure_report" ]; then printf 'hostile: FAILURES\n%s' "$failure_report"; fi
if [ -n "$known_report" ]; then printf 'hostile: known bugs (the binary disagrees with the SPEC; not counted as failures)\n%s' "$known_report"; fi
if [ -n "$fixed_report" ]; then printf 'hostile: known bugs that pass with this binary\n%s' "$fixed_report"; fi
summary="hostile ($ENGINE): $tried inputs tried, $refused refused with the documented exit code"
[ "$accepted" = 0 ] || summary+=", $accepted accepted as a no-op (exit 0)"
if [ "$unchanged" = "$tried" ]; then summary+=", database unchanged"
else summary+=", database unchanged after $unchanged of $tried"; fi
summary+="; $positive positive checks; $known known bugs, $failures failures"
echo "$summary"
[ "$failures" = 0 ]
