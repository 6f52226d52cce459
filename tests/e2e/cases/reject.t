# `reject --reason` (SPEC section 3): the sending lead discards a pending ticket.
# `rejected` is a final state, not a deletion.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null

# Rejected on the filing day: no clock is left running and approval was on time.
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '重复的上报' --quiet
> 1
$ linkctl reject 1 --as zhang.wei --today 2026-09-29 --reason '重复上报, 见 #9' --format table
> ticket 1: pending → rejected
$ linkctl show 1 --as li.na --today 2026-09-30 --format tsv | cut -f1,2,12-14,18
> id	state	approval_due	feedback_due	review_due	overdue
> 1	rejected	2026-09-29			
$ linkctl history 1 --as li.na --format tsv --no-header | cut -f4,6-8,10
> li.na	file		pending	
> zhang.wei	reject	pending	rejected	重复上报, 见 #9

# Nothing is deleted: the ticket is still listed, under state rejected.
$ linkctl list --as zhang.wei --state rejected --format tsv --no-header | cut -f1,2
> 1	rejected

# A final state: every verb but comment is refused (exit 5), naming the state and what is allowed.
$ linkctl approve 1 --as zhang.wei --today 2026-09-30
! linkctl: error: ticket 1 is 'rejected', so it cannot be approved; allowed here: comment
[5]
$ linkctl reject 1 --as zhang.wei --today 2026-09-30 --reason '再次'
! linkctl: error: ticket 1 is 'rejected', so it cannot be rejected; allowed here: comment
[5]
$ linkctl escalate 1 --as lin.xiuying --today 2026-09-30
! linkctl: error: ticket 1 is 'rejected', so it cannot be escalated; allowed here: comment
[5]
$ linkctl comment 1 --as li.na --today 2026-09-30 '知道了' --format table
> ticket 1: rejected

# Rejected a day after filing: the approval stage finished late, so it is overdue (SPEC 5).
$ linkctl file --as li.na --today 2026-09-29 --category shop-moved --title '晚删' --quiet
> 2
$ linkctl reject 2 --as zhang.wei --today 2026-09-30 --reason '不属实' --format table
> ticket 2: pending → rejected (overdue: approval)

# Refusals on a pending ticket from market to logistics.
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '待处理' --quiet
> 3

# Refused (exit 2): no reason, or a blank one.
$ linkctl reject 3 --as zhang.wei --today 2026-11-16
! linkctl: error: --reason is required (see linkctl --help)
[2]
$ linkctl reject 3 --as zhang.wei --today 2026-11-16 --reason '  '
! linkctl: error: --reason is empty; give some text
[2]

# Refused (exit 4): the receiving lead, the filer and the supervisor may not reject.
$ linkctl reject 3 --as wang.qiang --today 2026-11-16 --reason '不归我们'
! linkctl: error: wang.qiang may not reject ticket 3: only a lead of the sending department 市场部 (market) (zhang.wei) may
[4]
$ linkctl reject 3 --as li.na --today 2026-11-16 --reason '撤回'
! linkctl: error: li.na may not reject ticket 3: only a lead of the sending department 市场部 (market) (zhang.wei) may
[4]
$ linkctl reject 3 --as lin.xiuying --today 2026-11-16 --reason '无效'
! linkctl: error: lin.xiuying may not reject ticket 3: only a lead of the sending department 市场部 (market) (zhang.wei) may
[4]

# Refused (exit 3): invisible (market to market, seen from logistics) and unknown tickets.
$ linkctl reject 2 --as wang.qiang --today 2026-11-16 --reason '看不见'
! linkctl: error: no ticket 2 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl reject 99 --as zhang.wei --today 2026-11-16 --reason '无此单'
! linkctl: error: no ticket 99 (or you may not see it); list yours with 'linkctl list'
[3]

# Refused (exit 5): a routed ticket can no longer be rejected.
$ linkctl approve 3 --as zhang.wei --today 2026-11-16 >/dev/null
$ linkctl reject 3 --as zhang.wei --today 2026-11-16 --reason '后悔了'
! linkctl: error: ticket 3 is 'routed', so it cannot be rejected; allowed here: route, explain, escalate, comment
[5]

# None of the refusals changed anything.
$ linkctl show 3 --as zhang.wei --today 2026-11-16 --format tsv --no-header | cut -f2,13
> routed	2026-11-30
$ linkctl history 1 --as zhang.wei --format tsv --no-header | wc -l
> 3
$ linkctl audit verify --format tsv --no-header | cut -f1,2
> ok	8
