#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A database made by release 0.1.0 (release-0.1.db, see make-fixture.sh) opens with
# this build, migrates, verifies with the same head hash, and every output in
# expected/ comes out byte for byte.
# Usage: check.sh /path/to/linkctl
set -uo pipefail
BIN=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/linkctl-compat.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp "$here/release-0.1.db" "$work/linkctl.db"
export LINKCTL_DB=$work/linkctl.db
bash "$here/outputs.sh" "$BIN" "$work/out"
status=0 files=0
for want in "$here"/expected/*; do
  files=$((files + 1))
  name=$(basename "$want")
  if ! diff -u --label "expected/$name" --label "actual/$name" "$want" "$work/out/$name"; then status=1; fi
done
# Opening it twice more changes nothing (the migration ran once).
bash "$here/outputs.sh" "$BIN" "$work/again"
diff -r "$work/out" "$work/again" >/dev/null || { echo "FAIL: a second run differs"; status=1; }
echo "compat: $files outputs of a release-0.1.0 database compared: $([ $status = 0 ] && echo all identical || echo DIFFERENCES)"
exit $status
