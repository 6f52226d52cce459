# Approval chains (SPEC 11): a rejection at level 2. Finance refuses the purchase; the
# ticket is rejected (final), the event names level 2, level 3 is never reached, and
# nothing further is allowed.
$ cat $SRC/tests/e2e/policies/mini.toml $SRC/tests/e2e/policies/chain.toml > p.toml && linkctl init --policy p.toml --as gao.feng >/dev/null
$ linkctl file --as li.na --today 2026-09-28 --category purchase --title '采购打印机' --quiet
> 1
# Level 1 signed Mon 09-28; level 2 (2 working days from 09-29): 09-29, 09-30.
$ linkctl approve 1 --as zhang.wei --today 2026-09-28 --format table
> ticket 1: pending; approval due 2026-09-30
# Only finance may refuse at level 2; the reason is required.
$ linkctl reject 1 --as zhang.wei --today 2026-09-29 --reason '不买了'
!~ level 2/3 (财务部审核)
[4]
$ linkctl reject 1 --as qian.li --today 2026-09-29 --reason '预算不足' --format table
> ticket 1: pending → rejected
# The event names level 2.
$ linkctl history 1 --as li.na --format json | grep -o '"verb":"reject"\|"level":{"level":[0-9],"of":3,"name":"[^"]*"}' | tail -2
> "verb":"reject"
> "level":{"level":2,"of":3,"name":"财务部审核"}
# Final: no approve, no second reject, at any level; the general manager never saw it.
$ linkctl approve 1 --as qian.li --today 2026-09-30
!~ ticket 1 is 'rejected'
[5]
$ linkctl reject 1 --as qian.li --today 2026-09-30 --reason '再拒'
!~ ticket 1 is 'rejected'
[5]
$ linkctl approve 1 --as chen.zong --today 2026-09-30
!~ no ticket 1
[3]
$ linkctl list --as chen.zong --format tsv --no-header
# Level 3 never started: two approval stages, no feedback.
$ linkctl deadlines 1 --as li.na --today 2026-09-30 --format tsv | cut -f1,4 | awk '!seen[$0]++'
> stage	due
> approval 1/3	2026-09-28
> approval 2/3	2026-09-30
$ linkctl show 1 --as qian.li --today 2026-09-30 --format json | grep -o '"state":"rejected"\|"approval_level":null\|"approval_levels":3'
> "state":"rejected"
> "approval_level":null
> "approval_levels":3
# Refused on time: nobody is scored.
$ linkctl report monthly --month 2026-09 --detail --as lin.xiuying --today 2026-10-08 --format csv --no-header | tr -d '\r'
$ linkctl audit verify --as gao.feng --format tsv --no-header | cut -f1
> ok
