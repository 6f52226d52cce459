# `reset --reason` (SPEC sections 3, 4): an answered ticket goes back to the receiving
# lead (routed) with a reset deadline (major 3, urgent 1, normal 2 working days) in place
# of the feedback due date. The sending lead resets answered tickets; the supervisor
# resets answered or done (rated) ones.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null

# A normal ticket (shop-moved, lowered to normal; feedback due 10-10), answered Tue 09-29 and
# reset by the sending lead on Wed 09-30: 2 working days → 10-09 (SPEC 4, example 3).
$ linkctl file --as yang.fan --today 2026-09-28 --category shop-moved --title '店面已搬迁' --quiet
> 1
$ linkctl approve 1 --as wang.qiang --today 2026-09-28 --severity normal --format table
> ticket 1: pending → routed; feedback due 2026-10-10
$ linkctl route 1 --as zhang.wei --today 2026-09-28 --to li.na >/dev/null && linkctl close 1 --as li.na --today 2026-09-29 --result '已核实' >/dev/null && linkctl confirm 1 --as zhang.wei --today 2026-09-29 >/dev/null
$ linkctl reset 1 --as wang.qiang --today 2026-09-30 --reason '处理结果与实际不符' --format table
> ticket 1: answered → routed; feedback due 2026-10-09

# Back to the receiving lead: no handler, no review stage, one reset counted.
$ linkctl show 1 --as wang.qiang --today 2026-09-30 --format tsv | cut -f2,9,10,13,14,16,17
> state	to_dept	handler	feedback_due	review_due	resets	rating
> routed	market		2026-10-09		1	
$ linkctl history 1 --as wang.qiang --format json | tail -2 | grep -o '"verb":"[^"]*"\|"handler":\[[^]]*\]\|"resets":\[[^]]*\]\|"feedback_due":\[[^]]*\]\|"note":"[^"]*"'
> "verb":"reset"
> "handler":["li.na",null]
> "resets":[0,1]
> "feedback_due":["2026-10-10","2026-10-09"]
> "note":"处理结果与实际不符"

# urgent: reset by the sending lead Tue 11-17 → 1 working day, Wed 11-18.
$ linkctl file --as li.na --today 2026-11-16 --category shop-moved --title '二' --quiet
> 2
$ linkctl approve 2 --as zhang.wei --today 2026-11-16 >/dev/null && linkctl route 2 --as zhang.wei --today 2026-11-16 --to li.na >/dev/null && linkctl close 2 --as li.na --today 2026-11-16 --result '好' >/dev/null && linkctl confirm 2 --as zhang.wei --today 2026-11-16 >/dev/null
$ linkctl reset 2 --as zhang.wei --today 2026-11-17 --reason '没处理好' --format table
> ticket 2: answered → routed; feedback due 2026-11-18

# After rating (done) only the supervisor may reset: Fri 11-20 → Mon 11-23; the rating is cleared.
$ linkctl route 2 --as zhang.wei --today 2026-11-17 --to li.na >/dev/null && linkctl close 2 --as li.na --today 2026-11-18 --result '再次处理' >/dev/null && linkctl confirm 2 --as zhang.wei --today 2026-11-18 >/dev/null && linkctl rate 2 satisfied --as zhang.wei --today 2026-11-19 >/dev/null
$ linkctl reset 2 --as zhang.wei --today 2026-11-20 --reason '抽查发现未处理'
! linkctl: error: zhang.wei may not reset a rated ticket 2: only a supervisor (lin.xiuying) may
[4]
$ linkctl reset 2 --as lin.xiuying --today 2026-11-20 --reason '抽查发现未处理' --format table
> ticket 2: done → routed; feedback due 2026-11-23
$ linkctl show 2 --as lin.xiuying --today 2026-11-20 --format tsv --no-header | cut -f2,13,16,17
> routed	2026-11-23	2	

# major: the supervisor may also reset an answered ticket; Fri 11-20 → 3 working days, Wed 11-25.
$ linkctl file --as yang.fan --today 2026-11-16 --category virtual-customer --title '三' --quiet
> 3
$ linkctl approve 3 --as wang.qiang --today 2026-11-16 >/dev/null && linkctl route 3 --as zhang.wei --today 2026-11-16 --to li.na >/dev/null && linkctl close 3 --as li.na --today 2026-11-19 --result '好' >/dev/null && linkctl confirm 3 --as zhang.wei --today 2026-11-19 >/dev/null
$ linkctl reset 3 --as lin.xiuying --today 2026-11-20 --reason '督查要求重办' --format table
> ticket 3: answered → routed; feedback due 2026-11-25

# For the refusals: 4 answered (market to logistics), 5 pending.
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '四' --quiet && linkctl approve 4 --as zhang.wei --today 2026-11-16 >/dev/null && linkctl route 4 --as wang.qiang --today 2026-11-16 --to yang.fan >/dev/null && linkctl close 4 --as yang.fan --today 2026-11-16 --result '好' >/dev/null && linkctl confirm 4 --as wang.qiang --today 2026-11-16 >/dev/null
> 4
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '五' --quiet
> 5

# Refused (exit 4): the receiving lead, the filer, an admin.
$ linkctl reset 4 --as wang.qiang --today 2026-11-17 --reason '重做'
! linkctl: error: wang.qiang may not reset ticket 4: only a lead of the sending department 市场部 (market) (zhang.wei) or a supervisor (lin.xiuying) may
[4]
$ linkctl reset 4 --as li.na --today 2026-11-17 --reason '重做'
! linkctl: error: li.na may not reset ticket 4: only a lead of the sending department 市场部 (market) (zhang.wei) or a supervisor (lin.xiuying) may
[4]
$ linkctl reset 4 --as gao.feng --today 2026-11-17 --reason '重做'
! linkctl: error: gao.feng may not reset ticket 4: only a lead of the sending department 市场部 (market) (zhang.wei) or a supervisor (lin.xiuying) may
[4]

# Refused (exit 2): no reason, a blank one.
$ linkctl reset 4 --as zhang.wei --today 2026-11-17
! linkctl: error: --reason is required (see linkctl --help)
[2]
$ linkctl reset 4 --as zhang.wei --today 2026-11-17 --reason ' '
! linkctl: error: --reason is empty; give some text
[2]

# Refused (exit 3): invisible (market to market, from logistics) and unknown tickets.
$ linkctl reset 2 --as wang.qiang --today 2026-11-17 --reason '看不见'
! linkctl: error: no ticket 2 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl reset 99 --as zhang.wei --today 2026-11-17 --reason '无此单'
! linkctl: error: no ticket 99 (or you may not see it); list yours with 'linkctl list'
[3]

# Refused (exit 5): routed (already back with the receiving lead), pending.
$ linkctl reset 1 --as wang.qiang --today 2026-10-08 --reason '再来'
! linkctl: error: ticket 1 is 'routed', so it cannot be reset; allowed here: route, explain, escalate, comment
[5]
$ linkctl reset 5 --as zhang.wei --today 2026-11-17 --reason '未审批'
! linkctl: error: ticket 5 is 'pending', so it cannot be reset; allowed here: approve, reject, comment
[5]

# None of the refusals changed anything.
$ linkctl show 4 --as zhang.wei --today 2026-11-17 --format tsv --no-header | cut -f2,10,14,16
> answered	yang.fan	2026-11-17	0
$ linkctl history 4 --as zhang.wei --format tsv --no-header | wc -l
> 5
$ linkctl audit verify --format tsv --no-header | cut -f1,2
> ok	30
