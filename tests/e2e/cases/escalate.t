# `escalate` (SPEC sections 3, 4): the supervisor presses an open ticket after approval;
# same state, marked escalated, and a short deadline in calendar days (major 3, urgent 1,
# normal 2; no postponement over holidays) replaces the feedback due date.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null

# normal, escalated Wed 09-30 → 10-02, a holiday, not postponed (SPEC 4, example 3).
# Approved Tue 09-29 as normal, its feedback was due 5 working days later, Mon 10-12.
$ linkctl file --as li.na --today 2026-09-29 --category shop-moved --title '店面已转让' --quiet
> 1
$ linkctl approve 1 --as zhang.wei --today 2026-09-29 --severity normal --format table
> ticket 1: pending → routed; feedback due 2026-10-12
$ linkctl escalate 1 --as lin.xiuying --today 2026-09-30 --reason '群众反映强烈' --format table
> ticket 1: routed; feedback due 2026-10-02
$ linkctl show 1 --as lin.xiuying --today 2026-09-30 --format tsv | cut -f2,13,15,18
> state	feedback_due	escalated	overdue
> routed	2026-10-02	true	
$ linkctl history 1 --as lin.xiuying --format json | tail -2 | grep -o '"verb":"[^"]*"\|"state_after":"[^"]*"\|"escalated":\[[^]]*\]\|"feedback_due":\[[^]]*\]\|"note":"[^"]*"'
> "verb":"escalate"
> "state_after":"routed"
> "escalated":[false,true]
> "feedback_due":["2026-10-12","2026-10-02"]
> "note":"群众反映强烈"

# The escalation's date is the one that counts: on time on 10-02, overdue on 10-03 (before the old 10-12).
$ linkctl show 1 --as lin.xiuying --today 2026-10-02 --format json | grep -o '"overdue":\[[^]]*\]'
> "overdue":[]
$ linkctl show 1 --as lin.xiuying --today 2026-10-03 --format json | grep -o '"overdue":\[[^]]*\]'
> "overdue":["feedback"]

# Once only: a second escalation is a conflict (exit 5).
$ linkctl escalate 1 --as lin.xiuying --today 2026-10-03
! linkctl: error: ticket 1 was already escalated on 2026-09-30 (due 2026-10-02); press it with 'linkctl comment'
[5]

# urgent, escalated Wed 09-30: 1 calendar day → Thu 10-01, a holiday, not postponed.
$ linkctl file --as li.na --today 2026-09-29 --category shop-moved --title '二' --quiet
> 2
$ linkctl approve 2 --as zhang.wei --today 2026-09-29 >/dev/null
$ linkctl escalate 2 --as lin.xiuying --today 2026-09-30 --format table
> ticket 2: routed; feedback due 2026-10-01

# major and assigned, escalated Wed 09-30: 3 calendar days → Sat 10-03.
$ linkctl file --as yang.fan --today 2026-09-29 --category virtual-customer --title '三' --quiet
> 3
$ linkctl approve 3 --as wang.qiang --today 2026-09-29 >/dev/null && linkctl route 3 --as zhang.wei --today 2026-09-29 --to li.na >/dev/null
$ linkctl escalate 3 --as lin.xiuying --today 2026-09-30 --format table
> ticket 3: assigned, handler li.na; feedback due 2026-10-03

# handled, escalated Wed 09-30 (normal → 10-02); confirmed Thu 10-08, after the escalation's date
# though before the original 10-19: the feedback stage finished late.
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '四' --quiet
> 4
$ linkctl approve 4 --as zhang.wei --today 2026-09-29 >/dev/null && linkctl route 4 --as wang.qiang --today 2026-09-29 --to yang.fan >/dev/null && linkctl close 4 --as yang.fan --today 2026-09-30 --result '已送到' >/dev/null
$ linkctl escalate 4 --as lin.xiuying --today 2026-09-30 --format table
> ticket 4: handled; feedback due 2026-10-02
$ linkctl confirm 4 --as wang.qiang --today 2026-10-08 --format table
> ticket 4: handled → answered; review due 2026-10-09 (overdue: feedback)

# For the refusals: 4 becomes done, 5 is pending.
$ linkctl rate 4 satisfied --as zhang.wei --today 2026-10-09 >/dev/null
$ linkctl file --as li.na --today 2026-10-09 --category delivery-late --title '五' --quiet
> 5

# Refused (exit 4): only a supervisor escalates: not an admin, nor a lead.
$ linkctl escalate 2 --as gao.feng --today 2026-10-09
! linkctl: error: gao.feng may not escalate ticket 2: only a supervisor (lin.xiuying) may
[4]
$ linkctl escalate 2 --as zhang.wei --today 2026-10-09
! linkctl: error: zhang.wei may not escalate ticket 2: only a supervisor (lin.xiuying) may
[4]

# Refused (exit 2): a blank reason.
$ linkctl escalate 3 --as lin.xiuying --today 2026-10-09 --reason '  '
! linkctl: error: --reason is empty; give some text
[2]

# Refused (exit 3): invisible (market to market, from logistics) and unknown tickets.
$ linkctl escalate 2 --as wang.qiang --today 2026-10-09
! linkctl: error: no ticket 2 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl escalate 99 --as lin.xiuying --today 2026-10-09
! linkctl: error: no ticket 99 (or you may not see it); list yours with 'linkctl list'
[3]

# Refused (exit 5): not approved yet; done.
$ linkctl escalate 5 --as lin.xiuying --today 2026-10-09
! linkctl: error: ticket 5 is 'pending', so it cannot be escalated; allowed here: approve, reject, comment
[5]
$ linkctl escalate 4 --as lin.xiuying --today 2026-10-09
! linkctl: error: ticket 4 is 'done', so it cannot be escalated; allowed here: reset (supervisor), spotcheck record, comment
[5]

# None of the refusals changed anything.
$ linkctl show 5 --as lin.xiuying --today 2026-10-09 --format tsv --no-header | cut -f2,15
> pending	false
$ linkctl history 2 --as lin.xiuying --format tsv --no-header | wc -l
> 3
$ linkctl audit verify --format tsv --no-header | cut -f1,2
> ok	19
