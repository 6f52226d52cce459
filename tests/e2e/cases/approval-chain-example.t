# examples/purchase.sh: one purchase through the three levels of examples/service-tracking.toml,
# finance late, then the whole flow and the month's report. Due dates by hand (National Day
# 2026: Oct 1-7 off, Sat 10-10 a make-up workday): filed and level 1 signed Wed 09-30; level 2
# (2 working days from 10-01) due Fri 10-09, signed Mon 10-12; level 3 (normal: 2 working
# days) 10-13, 10-14; feedback (normal: 5 working days from 10-15) 10-15, 10-16, 10-19..10-21.
$ LINKCTL=linkctl bash $SRC/examples/purchase.sh > purchase.out 2>purchase.err; echo $?
> 0
$ grep '^ticket 1: pending' purchase.out
> ticket 1: pending; approval due 2026-10-09
> ticket 1: pending; approval due 2026-10-14
> ticket 1: pending → routed; feedback due 2026-10-21
$ grep -c 'may not approve ticket 1: only the approver of level 3/3 (总经理签批), person chen.zong' purchase.out
> 1
$ grep '^(refused' purchase.out
> (refused, exit 4)
# On Mon 10-12 finance's level is overdue, 3 days late.
$ grep '^财务部 .*approval 2/3' purchase.out | awk '{print $1, $2, $3, $4, $5, $6}'
> 财务部 1 approval 2/3 2026-10-09 3
$ grep '^ticket 1: answered' purchase.out
> ticket 1: answered → done
# The month's report: finance 99 (one late level), everyone else 100; the detail names level 2.
$ sed -n '/^department/,/^Monthly/p' purchase.out | awk 'NF > 10 && $1 != "department" {print $1, $3, $10}'
> 运营部 0 100
> 技术部 0 100
> 市场部 0 100
> 销售部 0 100
> 财务部 -1 99
> 总经理办公室 0 100
$ grep '^2026-10 ' purchase.out | sed 's/  */ /g'
> 2026-10 财务部 approval_overdue -1 0 1 2026-10-09 approval level 2 due 2026-10-09 done 2026-10-12
$ grep '^status:' purchase.out
> status:          ok
