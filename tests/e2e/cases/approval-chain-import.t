# Approval chains (SPEC 11) in import, export and stats: imported purchases start at
# level 1; export carries the level as its last column (only under a policy with chains)
# and imports again; stats counts each level in its department's approval on-time rate
# and the ticket as filed once, by its sending department.
$ cat $SRC/tests/e2e/policies/mini.toml $SRC/tests/e2e/policies/chain.toml > p.toml && linkctl init --policy p.toml --as gao.feng >/dev/null
--- FILE in.csv
filer,category,title
li.na,purchase,采购打印机
li.na,delivery-late,送货不及时
--- END
$ linkctl import in.csv --as gao.feng --today 2026-10-12 >/dev/null
$ linkctl show 1 --as li.na --today 2026-10-12 --format json | grep -o '"approval_due":"[0-9-]*","approval_level":[0-9],"approval_levels":3'
> "approval_due":"2026-10-12","approval_level":1,"approval_levels":3
$ linkctl inbox --as zhang.wei --today 2026-10-12 --format tsv --no-header | cut -f1
> 1
> 2
# Level 1 signed Mon 10-12; finance's level (2 working days: 10-13, 10-14) signed late on
# 10-15; the general manager's (normal, 2 working days: 10-16, 10-19) on time on 10-19.
$ linkctl approve 1 --as zhang.wei --today 2026-10-12 --format table
> ticket 1: pending; approval due 2026-10-14
$ linkctl export --as lin.xiuying --today 2026-10-13 | tr -d '\r' | cut -f1,2,3,10,11,14 -d,
> id,filer,category,state,approval_due,approval_level
> 1,li.na,purchase,pending,2026-10-14,2
> 2,li.na,delivery-late,pending,2026-10-12,
$ linkctl approve 1 --as qian.li --today 2026-10-15 --format table
> ticket 1: pending; approval due 2026-10-19
$ linkctl approve 1 --as chen.zong --today 2026-10-19 --format table
> ticket 1: pending → routed; feedback due 2026-10-26
$ linkctl export --as lin.xiuying --today 2026-10-19 --format json | grep -o '"id":1,.*"approval_level":null'| grep -o '"state":"routed"\|"approval_level":null'
> "state":"routed"
> "approval_level":null
# An export imports elsewhere: the level column is accepted and ignored; the purchase starts again at level 1.
$ linkctl export --as lin.xiuying --today 2026-10-19 > out.csv && db2=$(dbnew other) && linkctl init --db "$db2" --policy p.toml --as gao.feng >/dev/null && linkctl import out.csv --db "$db2" --as gao.feng --today 2026-10-20 >/dev/null && linkctl show 1 --db "$db2" --as li.na --today 2026-10-20 --format json | grep -o '"state":"pending"\|"approval_level":1'
> "state":"pending"
> "approval_level":1
# October: market filed both and signed level 1 on time (ticket 2's level 1, due 10-12, is
# still open); finance's level late, the general manager's on time; each counted once.
$ linkctl stats --month 2026-10 --as lin.xiuying --today 2026-11-02 --format tsv | cut -f1-4
> department	filed	received	approval_on_time
> market	2	0	50.0
> logistics	0	1	
> finance	0	0	0.0
> gm	0	0	100.0
