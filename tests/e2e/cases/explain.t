# `explain --reason` (SPEC section 3): the receiving lead records in writing why the work
# cannot be finished in time; same state, same due date, once per feedback stage.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null

# Routed: explained, state and feedback due unchanged (delivery-late approved 09-29, due 10-19).
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '送货不到户' --quiet
> 1
$ linkctl approve 1 --as zhang.wei --today 2026-09-29 >/dev/null
$ linkctl explain 1 --as wang.qiang --today 2026-09-30 --reason '零售户外出, 预计下周返回' --format table
> ticket 1: routed; feedback due 2026-10-19
$ linkctl show 1 --as wang.qiang --today 2026-09-30 --format tsv | cut -f2,13,19
> state	feedback_due	explained
> routed	2026-10-19	true
$ linkctl history 1 --as wang.qiang --format json | tail -2 | grep -o '"verb":"[^"]*"\|"state_before":"[^"]*"\|"state_after":"[^"]*"\|"changes":{[^}]*}\|"note":"[^"]*"'
> "verb":"explain"
> "state_before":"routed"
> "state_after":"routed"
> "changes":{"explained":[false,true]}
> "note":"零售户外出, 预计下周返回"

# Only once: a second explanation is a conflict (exit 5); details go in comments.
$ linkctl explain 1 --as wang.qiang --today 2026-10-08 --reason '又延期'
! linkctl: error: ticket 1 was already explained on 2026-09-30 09:00; add detail with 'linkctl comment'
[5]

# Assigned and handled tickets may be explained too.
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '二' --quiet
> 2
$ linkctl approve 2 --as zhang.wei --today 2026-09-29 >/dev/null && linkctl route 2 --as wang.qiang --today 2026-09-29 --to yang.fan >/dev/null
$ linkctl explain 2 --as wang.qiang --today 2026-09-30 --reason '车辆维修' --format table
> ticket 2: assigned, handler yang.fan; feedback due 2026-10-19
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '三' --quiet
> 3
$ linkctl approve 3 --as zhang.wei --today 2026-09-29 >/dev/null && linkctl route 3 --as wang.qiang --today 2026-09-29 --to yang.fan >/dev/null && linkctl close 3 --as yang.fan --today 2026-09-30 --result '好了' >/dev/null
$ linkctl explain 3 --as wang.qiang --today 2026-09-30 --reason '等待客户确认' --format table
> ticket 3: handled; feedback due 2026-10-19

# An explanation excuses the penalty, not the lateness: past its due date the stage is still overdue (SPEC 5).
$ linkctl file --as li.na --today 2026-09-29 --category shop-moved --title '四' --quiet
> 4
$ linkctl approve 4 --as zhang.wei --today 2026-09-29 >/dev/null
$ linkctl explain 4 --as zhang.wei --today 2026-10-12 --reason '客户联系不上' --format table
> ticket 4: routed; feedback due 2026-10-09 (overdue: feedback)
$ linkctl show 4 --as zhang.wei --today 2026-10-12 --format json | grep -o '"explained":[a-z]*\|"overdue":\[[^]]*\]'
> "overdue":["feedback"]
> "explained":true

# For the refusals: 5 is pending; 3 gets answered.
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '五' --quiet
> 5
$ linkctl confirm 3 --as wang.qiang --today 2026-10-08 >/dev/null

# Refused (exit 4): the handler, the sending lead, the supervisor.
$ linkctl explain 2 --as yang.fan --today 2026-10-08 --reason '我来说明'
! linkctl: error: yang.fan may not explain ticket 2: only a lead of the receiving department 物流中心 (logistics) (wang.qiang) may
[4]
$ linkctl explain 2 --as zhang.wei --today 2026-10-08 --reason '我来说明'
! linkctl: error: zhang.wei may not explain ticket 2: only a lead of the receiving department 物流中心 (logistics) (wang.qiang) may
[4]
$ linkctl explain 2 --as lin.xiuying --today 2026-10-08 --reason '我来说明'
! linkctl: error: lin.xiuying may not explain ticket 2: only a lead of the receiving department 物流中心 (logistics) (wang.qiang) may
[4]

# Refused (exit 2): no reason, a blank one.
$ linkctl explain 2 --as wang.qiang --today 2026-10-08
! linkctl: error: --reason is required (see linkctl --help)
[2]
$ linkctl explain 2 --as wang.qiang --today 2026-10-08 --reason ''
! linkctl: error: --reason is empty; give some text
[2]

# Refused (exit 3): invisible (market to market, from logistics) and unknown tickets.
$ linkctl explain 4 --as wang.qiang --today 2026-10-08 --reason '看不见'
! linkctl: error: no ticket 4 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl explain 99 --as wang.qiang --today 2026-10-08 --reason '无此单'
! linkctl: error: no ticket 99 (or you may not see it); list yours with 'linkctl list'
[3]

# Refused (exit 5): pending (no feedback stage yet) and answered (feedback is over).
$ linkctl explain 5 --as wang.qiang --today 2026-11-16 --reason '还没批'
! linkctl: error: ticket 5 is 'pending', so it cannot be explained; allowed here: approve, reject, comment
[5]
$ linkctl explain 3 --as wang.qiang --today 2026-10-08 --reason '已答复'
! linkctl: error: ticket 3 is 'answered', so it cannot be explained; allowed here: rate, reset, comment
[5]

# None of the refusals changed anything.
$ linkctl show 2 --as wang.qiang --today 2026-10-08 --format tsv --no-header | cut -f2,13,19
> assigned	2026-10-19	true
$ linkctl history 2 --as wang.qiang --format tsv --no-header | wc -l
> 4
$ linkctl audit verify --format tsv --no-header | cut -f1,2
> ok	18
