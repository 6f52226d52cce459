# `approve` (SPEC sections 3, 4): the sending department's lead forwards a pending
# ticket; it becomes routed and its feedback deadline starts the next day.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null

# urgent, approved Tue 2026-09-29: Wed 09-30 day 1, Oct 1-7 off, 10-08 day 2, 10-09 day 3 (SPEC 4, example 1).
$ linkctl file --as li.na --today 2026-09-29 --category shop-moved --title '客户店面已转让' --quiet
> 1
$ linkctl approve 1 --as zhang.wei --today 2026-09-29 --format table
> ticket 1: pending → routed; feedback due 2026-10-09
$ linkctl show 1 --as zhang.wei --today 2026-09-29 --format tsv | cut -f1,2,6,12-14,18
> id	state	severity	approval_due	feedback_due	review_due	overdue
> 1	routed	urgent	2026-09-29	2026-10-09		

# major, approved Fri 2026-09-18: Sun 09-20 is a make-up workday (day 1) ... 10-09 is day 10 (SPEC 4, example 2).
$ linkctl file --as yang.fan --today 2026-09-18 --category virtual-customer --title '疑似虚拟客户' --quiet
> 2
$ linkctl approve 2 --as wang.qiang --today 2026-09-18 --format table
> ticket 2: pending → routed; feedback due 2026-10-09

# Delivery-related normal, approved Mon 2026-11-16: the category's 10 working days, due 11-30 (SPEC 4, example 6).
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '送货不到户' --quiet
> 3
$ linkctl approve 3 --as zhang.wei --today 2026-11-16 --format table
> ticket 3: pending → routed; feedback due 2026-11-30

# The lead may lower the severity: normal is 5 working days, 11-17..11-20 and Mon 11-23.
$ linkctl file --as yang.fan --today 2026-11-16 --category shop-moved --title '店面搬走了' --quiet
> 4
$ linkctl approve 4 --as wang.qiang --today 2026-11-16 --severity normal --format table
> ticket 4: pending → routed; feedback due 2026-11-23

# ... and change category, receiving department and title; the event records each change and the comment.
$ linkctl file --as li.na --today 2026-11-16 --category shop-moved --title '搬迁' --quiet
> 5
$ linkctl approve 5 --as zhang.wei --today 2026-11-16 --category delivery-late --severity normal --to logistics --title '实为送货问题' --comment '转物流中心' --format table
> ticket 5: pending → routed; feedback due 2026-11-30
$ linkctl show 5 --as zhang.wei --today 2026-11-16 --format tsv | cut -f2-4,6,8,9,13
> state	title	category	severity	from_dept	to_dept	feedback_due
> routed	实为送货问题	delivery-late	normal	market	logistics	2026-11-30
$ linkctl history 5 --as zhang.wei --format json | grep -o '"verb":"approve"\|"severity":\["urgent","normal"\]\|"category":\["shop-moved","delivery-late"\]\|"to_dept":\["market","logistics"\]\|"title":\["搬迁","实为送货问题"\]\|"feedback_due":\[null,"2026-11-30"\]\|"note":"转物流中心"'
> "verb":"approve"
> "severity":["urgent","normal"]
> "category":["shop-moved","delivery-late"]
> "to_dept":["market","logistics"]
> "title":["搬迁","实为送货问题"]
> "feedback_due":[null,"2026-11-30"]
> "note":"转物流中心"

# Approved a day late (filed Tue 09-29, approved Wed 09-30): approval stays overdue (SPEC 5);
# urgent feedback from 09-30 is 10-08, 10-09 and the make-up Saturday 10-10.
$ linkctl file --as li.na --today 2026-09-29 --category shop-moved --title '晚批' --quiet
> 6
$ linkctl approve 6 --as zhang.wei --today 2026-09-30 --format table
> ticket 6: pending → routed; feedback due 2026-10-10 (overdue: approval)
$ linkctl show 6 --as zhang.wei --today 2026-09-30 --format json | grep -o '"approval_due":"[^"]*"\|"overdue":\[[^]]*\]'
> "approval_due":"2026-09-29"
> "overdue":["approval"]

# Filed on a holiday (Sat 10-03), approved Thu 10-08: on time; 10 working days from 10-08 end Wed 10-21.
$ linkctl file --as li.na --today 2026-10-03 --category delivery-late --title '节日期间上报' --quiet
> 7
$ linkctl approve 7 --as zhang.wei --today 2026-10-08 --format table
> ticket 7: pending → routed; feedback due 2026-10-21
$ linkctl show 7 --as zhang.wei --today 2026-10-08 --format json | grep -o '"overdue":\[[^]]*\]'
> "overdue":[]

# Outside the calendar's years only weekends are off, with one warning per command (SPEC 4, example 7):
# 10 working days from Mon 2031-01-06 end Mon 01-20 (New Year's Day 2031 is not in the policy).
$ linkctl file --as li.na --today 2031-01-06 --category delivery-late --title '远期' --quiet 2>/dev/null
> 8
$ linkctl approve 8 --as zhang.wei --today 2031-01-06 --format table
> ticket 8: pending → routed; feedback due 2031-01-20
! linkctl: warning: the policy's calendar does not cover 2031; only weekends count as days off there (add [calendar.cn-2031])

# A pending ticket from market to logistics for the refusals below.
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '待审批' --quiet
> 9

# Refused (exit 4): only a lead of the sending department approves, not the receiving lead, the filer or the supervisor.
$ linkctl approve 9 --as wang.qiang --today 2026-11-16
! linkctl: error: wang.qiang may not approve ticket 9: only a lead of the sending department 市场部 (market) (zhang.wei) may
[4]
$ linkctl approve 9 --as li.na --today 2026-11-16
! linkctl: error: li.na may not approve ticket 9: only a lead of the sending department 市场部 (market) (zhang.wei) may
[4]
$ linkctl approve 9 --as lin.xiuying --today 2026-11-16
! linkctl: error: lin.xiuying may not approve ticket 9: only a lead of the sending department 市场部 (market) (zhang.wei) may
[4]

# Refused (exit 3): a ticket the actor cannot see (market to market, seen from logistics) and one that does not exist.
$ linkctl approve 1 --as wang.qiang --today 2026-11-16
! linkctl: error: no ticket 1 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl approve 99 --as zhang.wei --today 2026-11-16
! linkctl: error: no ticket 99 (or you may not see it); list yours with 'linkctl list'
[3]

# Refused (exit 5): already approved; the message names the state and the verbs allowed there.
$ linkctl approve 1 --as zhang.wei --today 2026-11-16
! linkctl: error: ticket 1 is 'routed', so it cannot be approved; allowed here: route, explain, escalate, comment
[5]

# Refused: bad values (exit 2) and unknown category or department (exit 3).
$ linkctl approve 9 --as zhang.wei --today 2026-11-16 --severity critical
! linkctl: error: --severity critical is not known; use major, urgent or normal
[2]
$ linkctl approve 9 --as zhang.wei --today 2026-11-16 --to office
! linkctl: error: --to office: 企管办 is the supervising office, which does not receive tickets
[2]
$ linkctl approve 9 --as zhang.wei --today 2026-11-16 --to nowhere
! linkctl: error: --to nowhere: no such department; use one of: market, logistics
[3]
$ linkctl approve 9 --as zhang.wei --today 2026-11-16 --category no-such
! linkctl: error: no category 'no-such' in the policy; list them with 'linkctl policy show'
[3]

# The refusals changed nothing: ticket 9 is still pending with its one event, ticket 1 still has two.
$ linkctl show 9 --as zhang.wei --today 2026-11-16 --format tsv --no-header | cut -f2,9,13
> pending	logistics	
$ linkctl history 9 --as zhang.wei --format tsv --no-header | wc -l
> 1
$ linkctl history 1 --as zhang.wei --format tsv --no-header | wc -l
> 2
$ linkctl audit verify --format tsv --no-header | cut -f1,2
> ok	18
