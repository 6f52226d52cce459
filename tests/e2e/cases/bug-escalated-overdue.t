# Bug: an escalated ticket showed as overdue before its new (escalation) due date.
# Approved Mon 09-14: 10 WD -> 09-28 (Sun 09-20 is a make-up workday; 09-25..27 off).
# Escalated 09-30 (normal: 2 calendar days -> 10-02): not overdue on 10-01 or 10-02, overdue on 10-03.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null
$ linkctl file --as li.na --today 2026-09-14 --category delivery-late --title 送货不及时 --quiet && linkctl approve 1 --as zhang.wei --today 2026-09-14 >/dev/null
> 1
$ linkctl show 1 --as lin.xiuying --today 2026-09-30 --format json | grep -o '"feedback_due":"[^"]*"\|"overdue":\[[^]]*\]'
> "feedback_due":"2026-09-28"
> "overdue":["feedback"]
$ linkctl escalate 1 --as lin.xiuying --today 2026-09-30 --format table
> ticket 1: routed; feedback due 2026-10-02
$ linkctl show 1 --as lin.xiuying --today 2026-10-02 --format json | grep -o '"overdue":\[[^]]*\]'
> "overdue":[]
$ linkctl overdue --as lin.xiuying --today 2026-10-02 --check
$ linkctl show 1 --as lin.xiuying --today 2026-10-03 --format json | grep -o '"overdue":\[[^]]*\]'
> "overdue":["feedback"]
# The original lapse still costs logistics 2 points in September.
$ linkctl report monthly --month 2026-09 --format csv --no-header --as lin.xiuying --today 2026-10-03 | tr -d '\r' | grep logistics
> logistics,100,0,-2,0,0,0,0,0,98,0
