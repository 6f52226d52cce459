# Approval chains (SPEC 11) with hour-based levels: finance has 4 hours, the general
# manager 24 hours (weekend included), each counted from the previous approval; a level
# is overdue once its instant has passed, by the hour.
--- FILE chain.toml
[[departments]]
code = "finance"
name = "财务部"
kind = "back"
leads = ["qian.li"]

[[departments]]
code = "gm"
name = "总经理办公室"
kind = "back"
leads = ["chen.zong"]

[[people]]
id = "qian.li"
name = "钱丽"
department = "finance"
roles = ["lead"]

[[people]]
id = "chen.zong"
name = "陈总"
department = "gm"
roles = ["lead"]

[[categories]]
code = "purchase"
name = "采购申请"
severity = "normal"
filers = ["customer-manager"]
to = "logistics"
chain = "purchase"

[[approval_chains]]
code = "purchase"
name = "采购三级审批"
levels = [
  { name = "部门负责人", approver = "sending-lead" },
  { name = "财务部审核", approver = "dept:finance", hours = 4 },
  { name = "总经理签批", approver = "person:chen.zong", hours = 24 },
]
--- END
$ cat $SRC/tests/e2e/policies/mini.toml chain.toml > p.toml && linkctl init --policy p.toml --as gao.feng >/dev/null
$ grep -c 'hours = ' p.toml
> 2
# Filed Fri 11-20 09:00 (Asia/Shanghai); the sending lead signs at 10:00: finance owes it by 14:00 (06:00 UTC).
$ linkctl file --as li.na --now 2026-11-20T09:00 --category purchase --title '采购投影仪' --quiet
> 1
$ linkctl approve 1 --as zhang.wei --now 2026-11-20T10:00 --format table
> ticket 1: pending; approval due 2026-11-20
$ sql "SELECT level, due, due_at FROM stages WHERE level = 2"
> 2|2026-11-20|2026-11-20T06:00:00Z
# At 14:00 sharp it is not late yet; a minute later it is, zero days late.
$ linkctl overdue --check --as lin.xiuying --now 2026-11-20T14:00
$ linkctl overdue --check --as lin.xiuying --now 2026-11-20T14:01 --format tsv --no-header
> finance	1	approval 2/3	2026-11-20	0	normal	pending	false	采购投影仪
[8]
# Finance signs at 15:00 (an hour late): the general manager has until Sat 11-21 15:00 (07:00 UTC).
$ linkctl approve 1 --as qian.li --now 2026-11-20T15:00 --format table
> ticket 1: pending; approval due 2026-11-21
$ sql "SELECT level, due, due_at FROM stages WHERE level = 3"
> 3|2026-11-21|2026-11-21T07:00:00Z
$ linkctl overdue --check --as lin.xiuying --now 2026-11-21T15:00
$ linkctl overdue --check --as lin.xiuying --now 2026-11-21T15:30 --format tsv --no-header
> gm	1	approval 3/3	2026-11-21	0	normal	pending	false	采购投影仪
[8]
# He signs on Saturday at 14:59, in time; feedback (normal, 5 working days from Sun 11-22): 11-23..11-27.
$ linkctl approve 1 --as chen.zong --now 2026-11-21T14:59 --format table
> ticket 1: pending → routed; feedback due 2026-11-27
# One late level: finance, in November (and logistics never answered, due 11-27).
$ linkctl report monthly --month 2026-11 --detail --as lin.xiuying --now 2026-12-01T09:00 --format csv --no-header | tr -d '\r' | cut -f1-6 -d,
> 2026-11,finance,approval_overdue,-1,0,1
> 2026-11,logistics,feedback_overdue,-2,0,1
