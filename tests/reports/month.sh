# SPDX-License-Identifier: MIT
# Sourced by the tests/reports scripts: a database in $work holding October 2026 under
# tests/e2e/policies/scoring.toml, with penalties on tickets whose titles a spreadsheet
# would run as a formula or a browser as a script. Needs $linkctl, $work and $SRC; the
# database is $LINKCTL_DB when set (the e2e cases on PostgreSQL), else $work/linkctl.db.
export LINKCTL_DB=${LINKCTL_DB:-$work/linkctl.db} LINKCTL_FORMAT=tsv
unset LINKCTL_USER LINKCTL_NOW
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1
L() { "$linkctl" "$@"; }
f() { L file --as li.na --today "$1" --category "$2" --title "$3" --quiet >/dev/null; }
as() { local who=$1 day=$2; shift 2; L --as "$who" --today "$day" "$@" >/dev/null; }
answer() { # id day-assigned day-closed day-confirmed
  as wang.qiang "$2" route "$1" --to yang.fan; as yang.fan "$3" close "$1" --result 已处理; as wang.qiang "$4" confirm "$1"; }
L init --policy "$SRC/tests/e2e/policies/scoring.toml" --as gao.feng >/dev/null
# 1, 2: approved a day late (market -1 each), titles a spreadsheet or a browser would run.
f 2026-10-08 delivery-late '=HYPERLINK("http://x","y")'; as zhang.wei 2026-10-09 approve 1
f 2026-10-08 delivery-late '<script>alert(1)</script> & "引号"'; as zhang.wei 2026-10-09 approve 2
# 3: never answered, escalated: inspection -2 and its head -5 yuan.
f 2026-10-08 virtual-customer 虚拟客户; as zhang.wei 2026-10-08 approve 3; as lin.xiuying 2026-10-23 escalate 3
# 4: answered late and rated unsatisfied: logistics -2 -2.
f 2026-10-12 delivery-late 送货不到户; as zhang.wei 2026-10-12 approve 4; answer 4 2026-10-13 2026-10-27 2026-10-28
as zhang.wei 2026-10-29 rate 4 unsatisfied
