#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Identity with real OS accounts (identity = "os"), and a shared installation
# where the database is writable only through linkctl (a setgid group binary).
# Needs root to create the accounts; it says so and exits 0 otherwise.
set -euo pipefail
BIN=$(readlink -f "$1")
SRC=${LINKCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null; then
  echo "identity: skipped: creating OS accounts needs root and useradd"
  exit 0
fi
tag=lk$$
group=${tag}grp
users=("${tag}zw" "${tag}ln" "${tag}gf")  # zhang.wei, li.na, gao.feng
dir=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-identity.XXXXXX")
cleanup() {
  for u in "${users[@]}"; do userdel "$u" 2>/dev/null || true; done
  groupdel "$group" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
chmod 755 "$dir"
groupadd "$group"
for u in "${users[@]}"; do useradd --no-create-home --shell /bin/sh "$u"; done
status=0 checks=0
pass() { checks=$((checks + 1)); }
fail() { echo "FAIL: $*"; status=1; }
as_user() { local u=$1; shift; setpriv --reuid="$u" --regid="$(id -g "$u")" --init-groups env -i PATH=/usr/bin:/bin "$@"; }

# The shared installation: a setgid copy of the binary, a group directory the users cannot enter.
install -m 2755 -o root -g "$group" "$BIN" "$dir/linkctl"
mkdir "$dir/data" && chown root:"$group" "$dir/data" && chmod 2770 "$dir/data"
db=$dir/data/linkctl.db
# The mini policy with identity "os" and each person's login set to an OS account.
sed -e 's/identity = "declared"/identity = "os"/' \
    -e "s/^id = \"zhang.wei\"/id = \"zhang.wei\"\nlogin = \"${users[0]}\"/" \
    -e "s/^id = \"li.na\"/id = \"li.na\"\nlogin = \"${users[1]}\"/" \
    -e "s/^id = \"gao.feng\"/id = \"gao.feng\"\nlogin = \"${users[2]}\"/" \
    "$SRC/tests/e2e/policies/mini.toml" >"$dir/os.toml"
chmod 644 "$dir/os.toml"
(umask 007; "$dir/linkctl" --db "$db" init --policy "$dir/os.toml" >/dev/null)
chgrp -R "$group" "$dir/data"

L() { local u=$1; shift; as_user "$u" "$dir/linkctl" --db "$db" "$@"; }

# Each OS account maps to its person.
id=$(L "${users[1]}" file --category delivery-late --title 送货不及时 --quiet) && pass || fail "li.na could not file"
actor=$(L "${users[1]}" history "$id" --format tsv --no-header | cut -f4)
[ "$actor" = li.na ] && pass || fail "the filing was recorded as '$actor', not li.na"
L "${users[0]}" approve "$id" >/dev/null && pass || fail "zhang.wei could not approve"
# --as is refused for an ordinary user ...
if err=$(L "${users[1]}" --as zhang.wei comment "$id" 冒充 2>&1); then fail "li.na could act as zhang.wei"; else
  [[ $err == *"--as zhang.wei refused"* ]] && pass || fail "unexpected refusal: $err"
fi
rc=0; L "${users[1]}" --as zhang.wei comment "$id" 冒充 >/dev/null 2>&1 || rc=$?
[ $rc = 4 ] && pass || fail "--as by an ordinary user gave exit $rc, not 4"
# ... honoured for an admin and for root, and recorded as "X as Y".
L "${users[2]}" --as zhang.wei comment "$id" 管理员代办 >/dev/null && pass || fail "the admin's --as was refused"
via=$(L "${users[2]}" history "$id" --format tsv --no-header | tail -1 | cut -f4,5)
[ "$via" = "zhang.wei	${users[2]}" ] && pass || fail "the admin's --as was recorded as '$via'"
"$dir/linkctl" --db "$db" --as li.na comment "$id" root代办 >/dev/null && pass || fail "root's --as was refused"
via=$("$dir/linkctl" --db "$db" --as lin.xiuying history "$id" --format tsv --no-header | tail -1 | cut -f4,5)
[ "$via" = "li.na	root" ] && pass || fail "root's --as was recorded as '$via'"
# An OS account that is no person of the policy is refused.
rc=0; as_user nobody "$dir/linkctl" --db "$db" list >/dev/null 2>&1 || rc=$?
[ $rc = 7 ] || [ $rc = 4 ] && pass || fail "an unknown OS account gave exit $rc"

# The file is writable through linkctl only: the users cannot open it themselves.
for u in "${users[@]}"; do
  if as_user "$u" sh -c "test -w '$db' || test -r '$db' || ls '$dir/data' >/dev/null 2>&1"; then
    fail "$u can reach the database file directly"
  else pass; fi
  if as_user "$u" sqlite3 "$db" "UPDATE tickets SET state = 'done'" >/dev/null 2>&1; then
    fail "$u wrote the database with sqlite3"
  else pass; fi
done
# The group is lent to linkctl for the database only: a file the user cannot read stays unread.
printf '机密\n' >"$dir/secret.txt" && chown root:"$group" "$dir/secret.txt" && chmod 640 "$dir/secret.txt"
if as_user "${users[1]}" cat "$dir/secret.txt" >/dev/null 2>&1; then fail "the user can read the group's file (test setup)"; else pass; fi
rc=0; err=$(L "${users[1]}" file --category delivery-late --title 偷看 --body-file "$dir/secret.txt" 2>&1) || rc=$?
[ $rc = 4 ] && [[ $err == *"you may not read this file"* ]] && pass || fail "file --body-file read the group's file for the user: exit $rc: $err"
rc=0; L "${users[2]}" policy check "$dir/secret.txt" >/dev/null 2>&1 || rc=$?
[ $rc = 4 ] && pass || fail "policy check read the group's file for the admin: exit $rc"
rc=0; L "${users[2]}" import "$dir/secret.txt" >/dev/null 2>&1 || rc=$?
[ $rc = 4 ] && pass || fail "import read the group's file for the admin: exit $rc"
[ "$(L "${users[1]}" list --format tsv --no-header | grep -c 偷看)" = 0 ] && pass || fail "a ticket was filed with the group's file"
# A file the user can read is read as before.
printf '看得到\n' >"$dir/public.txt" && chmod 644 "$dir/public.txt"
pid=$(L "${users[1]}" file --category delivery-late --title 附件 --body-file "$dir/public.txt" --quiet) && pass || fail "file --body-file of a readable file"
# No database is created as the group by an ordinary user (it would be theirs, in the group's directory).
rc=0; as_user "${users[2]}" "$dir/linkctl" --db "$dir/data/mine.db" init --policy "$dir/os.toml" >/dev/null 2>&1 || rc=$?
[ $rc = 4 ] && pass || fail "init through the setgid binary gave exit $rc, not 4"
[ ! -e "$dir/data/mine.db" ] && pass || fail "init through the setgid binary created $dir/data/mine.db"
# Files linkctl created stay in the group and out of other users' reach.
perms=$(stat -c '%a %G' "$db")
[ "$perms" = "660 $group" ] && pass || fail "the database is '$perms', not '660 $group' (init under umask 007)"
[ "$("$dir/linkctl" --db "$db" audit verify --format tsv --no-header | cut -f1)" = ok ] && pass || fail "audit after the identity checks"
echo "identity: $checks checks with 3 OS accounts (useradd), a setgid '$group' binary and a group-only directory: $([ $status = 0 ] && echo all passed || echo FAILURES)"
exit $status
