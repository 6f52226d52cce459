#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs one end-to-end case file against a linkctl binary.
#
# Usage: run.sh CASE.t /path/to/linkctl
#
# Case format (one command after another, each in the same fresh directory):
#   # comment, and blank lines, are ignored
#   --- FILE name          lines up to "--- END" are written to ./name
#   $ command              run with bash; `linkctl` is the binary under test
#   > line                 expected stdout, in order (">" alone: an empty line)
#   ! line                 expected stderr, exactly, in order (if any "!" or "!~" line is given)
#   !~ text                stderr must contain this text
#   [N]                    expected exit status (default 0)
# Stdout is always compared exactly; a command with no ">" lines must print nothing.
#
# LINKCTL_TEST_LANG=zh_CN.UTF-8 (and LINKCTL_TEST_LOCPATH, a directory holding that locale,
# made by localedef) runs linkctl, and only linkctl, under that locale: its machine output
# must not change, so stdout and exit statuses are compared as usual, except the stdout of
# commands that ask for a human table or help (which is translated), and stderr, which
# is for people, is not compared.
set -u
case_file=$1
binary=$(readlink -f "$2")
name=$(basename "$case_file" .t)
work=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-e2e-$name.XXXXXX")
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/bin"
ln -s "$binary" "$work/bin/linkctl"
test_lang=${LINKCTL_TEST_LANG:-}
if [ -n "$test_lang" ]; then
  rm "$work/bin/linkctl"
  { printf '#!/bin/sh\nunset LC_ALL LANGUAGE\nexport LANG=%s\n' "$test_lang"
    [ -z "${LINKCTL_TEST_LOCPATH:-}" ] || printf 'export LOCPATH=%s\n' "$LINKCTL_TEST_LOCPATH"
    printf 'exec %s "$@"\n' "$binary"; } >"$work/bin/linkctl"
  chmod +x "$work/bin/linkctl"
fi
for tool in dbaddr dbnew dbcopy sql; do ln -s "$(cd "$(dirname "$0")" && pwd)/tools/db.sh" "$work/bin/$tool"; done
# A clean environment: nothing from the developer's shell leaks in.
unset LINKCTL_DB LINKCTL_USER LINKCTL_FORMAT LINKCTL_NOW COLUMNS
export PATH="$work/bin:$PATH" NO_COLOR=1 TZ=UTC LC_ALL=C.UTF-8
export SRC="${LINKCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"
# On PostgreSQL (LINKCTL_TEST_PG: the directory of a cluster tests/pg/cluster.sh started):
# the case's database is a new, empty one in that cluster instead of ./linkctl.db, and the
# tools above make others there. Its address is shown as ./linkctl.db in what is compared.
# Cases about a file as such (permissions, a foreign SQLite file) say "# engines: sqlite".
if [ -n "${LINKCTL_TEST_PG:-}" ]; then
  if grep -q '^# engines: sqlite' "$case_file"; then echo "$name: skipped on PostgreSQL (# engines: sqlite)"; exit 0; fi
  cluster=$(cd "$(dirname "$0")/../pg" && pwd)/cluster.sh
  export LINKCTL_TEST_PGDB="e2e_${name//-/_}_$$" LINKCTL_DB
  LINKCTL_DB=$(bash "$cluster" createdb "$LINKCTL_TEST_PG" "$LINKCTL_TEST_PGDB") || { echo "$name: cannot create a database"; exit 1; }
  # Through a pooler (tests/pg/test-pgbouncer.sh): linkctl reaches the same database via its socket.
  if [ -n "${LINKCTL_TEST_PGBOUNCER:-}" ]; then
    LINKCTL_DB="postgresql:///$LINKCTL_TEST_PGDB?host=$LINKCTL_TEST_PGBOUNCER&port=6432&user=linkctl"
  fi
  drop_all() {
    local psql db
    psql=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)/psql
    for db in $("$psql" -X -A -t "postgresql:///postgres?host=$LINKCTL_TEST_PG&user=linkctl" \
                  -c "SELECT datname FROM pg_database WHERE datname LIKE '${LINKCTL_TEST_PGDB}%'"); do
      bash "$cluster" dropdb "$LINKCTL_TEST_PG" "$db" >/dev/null 2>&1
    done
  }
  trap 'drop_all; rm -rf "$work"' EXIT
fi
cd "$work" || exit 1

failures=0 commands=0 lineno=0 human=0
cmd="" cmd_line=0 want_out="" want_err="" want_err_has=() want_rc=0 have_err_lines=0

run_pending() {
  [ -n "$cmd" ] || return 0
  commands=$((commands + 1))
  bash -c "$cmd" >"$work/.out" 2>"$work/.err" </dev/null
  local rc=$? ok=1
  if [ -n "${LINKCTL_TEST_PG:-}" ]; then sed -i "s|$LINKCTL_DB|./linkctl.db|g" "$work/.out" "$work/.err"; fi
  if [ "$rc" != "$want_rc" ]; then
    ok=0; echo "$case_file:$cmd_line: exit status $rc, expected $want_rc: $cmd"
  fi
  # Under another locale: a table or help is for people, and translated.
  local compare_out=1
  local human_re='table|--help|(^|[[:space:]])-h([[:space:]]|$)|2>&1'
  if [ -n "$test_lang" ] && [[ $cmd =~ $human_re ]]; then
    compare_out=0 human=$((human + 1))
  fi
  if [ -n "$test_lang" ]; then have_err_lines=0 want_err_has=(); fi
  if [ "$compare_out" = 1 ] && ! diff -u --label expected --label actual <(printf '%s' "$want_out") "$work/.out" >"$work/.diff"; then
    ok=0; echo "$case_file:$cmd_line: stdout differs: $cmd"; cat "$work/.diff"
  fi
  if [ "$have_err_lines" = 1 ] && ! diff -u --label expected --label actual <(printf '%s' "$want_err") "$work/.err" >"$work/.diff"; then
    ok=0; echo "$case_file:$cmd_line: stderr differs: $cmd"; cat "$work/.diff"
  fi
  local needle
  for needle in "${want_err_has[@]+"${want_err_has[@]}"}"; do
    if ! grep -qF -- "$needle" "$work/.err"; then
      ok=0; echo "$case_file:$cmd_line: stderr lacks '$needle': $cmd"; sed 's/^/  stderr: /' "$work/.err"
    fi
  done
  if [ "$ok" = 0 ]; then
    failures=$((failures + 1))
    [ "$rc" = "$want_rc" ] || sed 's/^/  stderr: /' "$work/.err"
  fi
  cmd="" want_out="" want_err="" want_err_has=() want_rc=0 have_err_lines=0
}

file_name=""
while IFS= read -r line || [ -n "$line" ]; do
  lineno=$((lineno + 1))
  if [ -n "$file_name" ]; then
    if [ "$line" = "--- END" ]; then file_name=""; else printf '%s\n' "$line" >>"$work/$file_name"; fi
    continue
  fi
  case "$line" in
    "--- FILE "*) run_pending; file_name=${line#--- FILE }; : >"$work/$file_name" ;;
    '$ '*) run_pending; cmd=${line#\$ }; cmd_line=$lineno ;;
    '>') want_out+=$'\n' ;;
    '> '*) want_out+="${line#> }"$'\n' ;;
    '!~ '*) want_err_has+=("${line#!~ }") ;;
    '! '*) want_err+="${line#! }"$'\n'; have_err_lines=1 ;;
    '['*']') want_rc=${line#[}; want_rc=${want_rc%]} ;;
    '#'* | '') ;;
    *) echo "$case_file:$lineno: cannot parse this line: $line"; exit 2 ;;
  esac
done <"$case_file"
run_pending

if [ "$failures" -gt 0 ]; then
  echo "$name: $failures of $commands commands failed"
  exit 1
fi
if [ -n "$test_lang" ]; then
  echo "$name: all $commands commands passed under $test_lang ($((commands - human)) with their stdout compared)"
else
  echo "$name: all $commands commands passed"
fi
