# Approval chains (SPEC 11): every level of a purchase is late once. `overdue --new`
# announces each level's lapse exactly once (a second run announces nothing), each
# late level is scored once, to the department that owed it, in the month of its due
# date, and `report monthly --detail` names the level. Due dates by hand on the mini
# calendar: National Day Oct 1-7 off, Sat 10-10 a make-up workday.
$ cat $SRC/tests/e2e/policies/mini.toml $SRC/tests/e2e/policies/chain.toml > p.toml && linkctl init --policy p.toml --as gao.feng >/dev/null
# Filed Mon 09-28: level 1 ([deadlines].approval = 0) is due that day; nobody signs.
$ linkctl file --as li.na --today 2026-09-28 --category purchase --title '采购服务器' --quiet
> 1
$ linkctl overdue --new --as lin.xiuying --today 2026-09-28 --format tsv --no-header
$ linkctl overdue --new --as lin.xiuying --today 2026-09-29 --format tsv --no-header | cut -f1-5
> market	1	approval 1/3	2026-09-28	1
$ linkctl overdue --new --as lin.xiuying --today 2026-09-29 --format tsv --no-header
# Signed Tue 09-29. Level 2, 2 working days from Wed 09-30: 09-30 is day 1, Oct 1-7 are
# National Day, Thu 10-08 is day 2.
$ linkctl approve 1 --as zhang.wei --today 2026-09-29 --format table
> ticket 1: pending; approval due 2026-10-08
$ linkctl overdue --new --as lin.xiuying --today 2026-10-08 --format tsv --no-header
$ linkctl overdue --new --as lin.xiuying --today 2026-10-09 --format tsv --no-header | cut -f1-5
> finance	1	approval 2/3	2026-10-08	1
$ linkctl overdue --new --as lin.xiuying --today 2026-10-09 --format tsv --no-header
# A plain overdue still lists it; --new has nothing new the next day either.
$ linkctl overdue --as lin.xiuying --today 2026-10-09 --format tsv --no-header | cut -f1-4
> finance	1	approval 2/3	2026-10-08
# Signed Fri 10-09. Level 3 (normal: 2 working days) from Sat 10-10, a make-up workday
# (day 1); Sun 10-11 is off; Mon 10-12 is day 2.
$ linkctl approve 1 --as qian.li --today 2026-10-09 --format table
> ticket 1: pending; approval due 2026-10-12
$ linkctl overdue --new --as lin.xiuying --today 2026-10-12 --format tsv --no-header
$ linkctl overdue --new --as lin.xiuying --today 2026-10-13 --format tsv --no-header | cut -f1-5
> gm	1	approval 3/3	2026-10-12	1
$ linkctl overdue --new --as lin.xiuying --today 2026-10-13 --format tsv --no-header
# Signed Wed 10-14, late; feedback (normal, 5 working days from 10-15): 10-15, 10-16, 10-19, 10-20, 10-21.
$ linkctl approve 1 --as chen.zong --today 2026-10-14 --format table
> ticket 1: pending → routed; feedback due 2026-10-21 (overdue: approval)
$ linkctl overdue --new --as lin.xiuying --today 2026-10-14 --format tsv --no-header
# Three announcing runs, one per level.
$ linkctl events --as gao.feng --format tsv --no-header | grep -c 'overdue.announce'
> 3
# Each late level once, to its department, in the month of its due date; the detail names the level.
# (Logistics never answered: its feedback, due 10-21, is late too.)
$ linkctl report monthly --month 2026-09 --detail --as lin.xiuying --today 2026-11-02 --format csv --no-header | tr -d '\r'
> 2026-09,market,approval_overdue,-1,0,1,2026-09-28,approval level 1 due 2026-09-28 done 2026-09-29
$ linkctl report monthly --month 2026-10 --detail --as lin.xiuying --today 2026-11-02 --format csv --no-header | tr -d '\r'
> 2026-10,finance,approval_overdue,-1,0,1,2026-10-08,approval level 2 due 2026-10-08 done 2026-10-09
> 2026-10,gm,approval_overdue,-1,0,1,2026-10-12,approval level 3 due 2026-10-12 done 2026-10-14
> 2026-10,logistics,feedback_overdue,-2,0,1,2026-10-21,feedback due 2026-10-21 not answered
# The general manager's office sees its own late level in its report.
$ linkctl report monthly --month 2026-10 --detail --as chen.zong --today 2026-11-02 --format csv --no-header | tr -d '\r' | cut -f2,3,6 -d,
> gm,approval_overdue,1
