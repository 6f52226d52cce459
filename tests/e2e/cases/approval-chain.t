# Approval chains (SPEC section 11): a purchase request signed by the sending lead,
# then finance, then the general manager, each level due on the 2026 calendar
# (National Day: Oct 1-7 off, Sat 10-10 a make-up workday), wrong approvers refused
# with exit 4, each late level scored once, to the department that owed it.
$ cat $SRC/tests/e2e/policies/mini.toml $SRC/tests/e2e/policies/chain.toml > p.toml && linkctl init --policy p.toml --as gao.feng >/dev/null
$ linkctl policy show --format tsv --as gao.feng | grep '^purchase	采购三级审批'
> purchase	采购三级审批	1/3	部门负责人	sending-lead	0	0	0	working_days
> purchase	采购三级审批	2/3	财务部审核	dept:finance	2	2	2	working_days
> purchase	采购三级审批	3/3	总经理签批	person:chen.zong	1	0	2	working_days

# Filed Mon 09-28: level 1 (the sending lead, [deadlines].approval = 0) is due that day.
$ linkctl file --as li.na --today 2026-09-28 --category purchase --title '采购打印机' --quiet
> 1
$ linkctl show 1 --as li.na --today 2026-09-28 --format json | grep -o '"approval_due":"2026-09-28","approval_level":1,"approval_levels":3'
> "approval_due":"2026-09-28","approval_level":1,"approval_levels":3

# Finance does not see the ticket before its level; the filer sees it but may not sign.
$ linkctl approve 1 --as qian.li --today 2026-09-28
!~ ticket 1
[3]
$ linkctl approve 1 --as li.na --today 2026-09-28
!~ level 1/3 (部门负责人), a lead of the sending department
[4]
# Level 1 signed 09-28: level 2 counts 2 working days from 09-29: 09-29, 09-30.
$ linkctl approve 1 --as zhang.wei --today 2026-09-28 --format table
> ticket 1: pending; approval due 2026-09-30
$ linkctl approve 1 --as zhang.wei --today 2026-09-29
!~ level 2/3 (财务部审核)
[4]
$ linkctl reject 1 --as li.na --today 2026-09-29 --reason '不需要'
!~ level 2/3 (财务部审核)
[4]

# Finance is late: on 10-08 the level is overdue, owed by finance.
$ linkctl overdue --as lin.xiuying --today 2026-10-08 --format tsv | cut -f1-4
> dept	ticket	stage	due
> finance	1	approval 2/3	2026-09-30
# Signed 10-08: level 3 (normal: 2 working days) counts 10-09 and Sat 10-10, a make-up workday.
$ linkctl approve 1 --as qian.li --today 2026-10-08 --format table
> ticket 1: pending; approval due 2026-10-10
$ linkctl approve 1 --as qian.li --today 2026-10-09
!~ person chen.zong
[4]
# The general manager signs late too, Mon 10-12; feedback (normal, 5 WD): 10-13..10-16, 10-19.
$ linkctl approve 1 --as chen.zong --today 2026-10-12 --format table
> ticket 1: pending → routed; feedback due 2026-10-19 (overdue: approval)
$ linkctl deadlines 1 --as li.na --today 2026-10-12 --format tsv | cut -f1,2,4 | awk '!seen[$0]++'
> stage	rule	due
> approval 1/3	approval: 部门负责人	2026-09-28
> approval 2/3	approval: 财务部审核	2026-09-30
> approval 3/3	approval: 总经理签批	2026-10-10
> feedback	feedback	2026-10-19
$ linkctl show 1 --as li.na --today 2026-10-12 --format json | grep -o '"approval_level":null\|{"level":[0-9],"name":"[^"]*","dept":"[a-z]*","due":"[0-9-]*","approved_by":"[a-z.]*"'
> "approval_level":null
> {"level":1,"name":"部门负责人","dept":"market","due":"2026-09-28","approved_by":"zhang.wei"
> {"level":2,"name":"财务部审核","dept":"finance","due":"2026-09-30","approved_by":"qian.li"
> {"level":3,"name":"总经理签批","dept":"gm","due":"2026-10-10","approved_by":"chen.zong"
$ linkctl history 1 --as li.na --format json | grep -o '"level":{"level":[0-9],"of":3,"name":"[^"]*"}'
> "level":{"level":1,"of":3,"name":"部门负责人"}
> "level":{"level":1,"of":3,"name":"部门负责人"}
> "level":{"level":2,"of":3,"name":"财务部审核"}
> "level":{"level":3,"of":3,"name":"总经理签批"}

# Then the whole flow: assigned, closed, confirmed, rated (the last level stays marked late).
$ linkctl route 1 --to yang.fan --as wang.qiang --today 2026-10-13 >/dev/null
$ linkctl close 1 --result '已采购' --as yang.fan --today 2026-10-14 >/dev/null
$ linkctl confirm 1 --as wang.qiang --today 2026-10-14 >/dev/null
$ linkctl rate 1 satisfied --as zhang.wei --today 2026-10-15 --format table
> ticket 1: answered → done (overdue: approval)

# Each late level costs its owing department once, in the month of that level's due date.
$ linkctl report monthly --month 2026-09 --detail --as lin.xiuying --today 2026-11-01 --format csv | tr -d "\r"
> month,department,rule,points,yuan,ticket,date,detail
> 2026-09,finance,approval_overdue,-1,0,1,2026-09-30,approval level 2 due 2026-09-30 done 2026-10-08
$ linkctl report monthly --month 2026-10 --detail --as lin.xiuying --today 2026-11-01 --format csv | tr -d "\r"
> month,department,rule,points,yuan,ticket,date,detail
> 2026-10,gm,approval_overdue,-1,0,1,2026-10-10,approval level 3 due 2026-10-10 done 2026-10-12
$ linkctl audit verify --as gao.feng --format tsv | cut -f1
> status
> ok
