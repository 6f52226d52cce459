# `inbox` (SPEC sections 3, 5): the tickets waiting on the actor — a handler's assigned
# tickets; a lead's pending and answered tickets from their department and routed and
# handled tickets to it — ordered overdue first, then escalated, then by due date.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null

# 1: market → logistics, approved Mon 09-14, feedback due 09-28.
$ linkctl file --as li.na --today 2026-09-14 --category delivery-late --title '一' --quiet && linkctl approve 1 --as zhang.wei --today 2026-09-14 >/dev/null
> 1
# 2: the same, escalated Wed 09-30 (due 10-02).
$ linkctl file --as li.na --today 2026-09-14 --category delivery-late --title '二' --quiet && linkctl approve 2 --as zhang.wei --today 2026-09-14 >/dev/null && linkctl escalate 2 --as lin.xiuying --today 2026-09-30 >/dev/null
> 2
# 3: logistics → market, urgent, answered Fri 10-09: review due Sat 10-10 (make-up workday), waiting on wang.qiang.
$ linkctl file --as yang.fan --today 2026-10-08 --category shop-moved --title '三' --quiet && linkctl approve 3 --as wang.qiang --today 2026-10-08 >/dev/null && linkctl route 3 --as zhang.wei --today 2026-10-08 --to li.na >/dev/null && linkctl close 3 --as li.na --today 2026-10-09 --result '好' >/dev/null && linkctl confirm 3 --as zhang.wei --today 2026-10-09 >/dev/null
> 3
# 4: market → logistics, approved Tue 09-29 (due 10-19), escalated Mon 10-12 (due 10-14).
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '四' --quiet && linkctl approve 4 --as zhang.wei --today 2026-09-29 >/dev/null && linkctl escalate 4 --as lin.xiuying --today 2026-10-12 >/dev/null
> 4
# 5: logistics → market, filed Mon 10-12, pending (approval due 10-12).
$ linkctl file --as yang.fan --today 2026-10-12 --category shop-moved --title '五' --quiet
> 5
# 6: market → logistics, approved 09-29 (due 10-19), handled: waiting on wang.qiang to confirm.
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '六' --quiet && linkctl approve 6 --as zhang.wei --today 2026-09-29 >/dev/null && linkctl route 6 --as wang.qiang --today 2026-09-30 --to yang.fan >/dev/null && linkctl close 6 --as yang.fan --today 2026-10-09 --result '好' >/dev/null
> 6
# 7: market → logistics, approved Thu 10-08: 10 working days → Wed 10-21.
$ linkctl file --as li.na --today 2026-10-08 --category delivery-late --title '七' --quiet && linkctl approve 7 --as zhang.wei --today 2026-10-08 >/dev/null
> 7
# 8: market → logistics, assigned to yang.fan (due 10-19).
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '八' --quiet && linkctl approve 8 --as zhang.wei --today 2026-09-29 >/dev/null && linkctl route 8 --as wang.qiang --today 2026-09-30 --to yang.fan >/dev/null
> 8
# 9: logistics → market, assigned to li.na.
$ linkctl file --as yang.fan --today 2026-10-08 --category shop-moved --title '九' --quiet && linkctl approve 9 --as wang.qiang --today 2026-10-08 >/dev/null && linkctl route 9 --as zhang.wei --today 2026-10-08 --to li.na >/dev/null
> 9
# 10: market → logistics, filed Fri 10-09 and not yet approved.
$ linkctl file --as li.na --today 2026-10-09 --category delivery-late --title '十' --quiet
> 10

# wang.qiang on Mon 10-12: overdue 2 (escalated), 1 (due 09-28), 3 (review due 10-10);
# then escalated 4 (due 10-14); then 5 (10-12), 6 (10-19), 7 (10-21).
$ linkctl inbox --as wang.qiang --today 2026-10-12 --format tsv | cut -f1,2,15,18
> id	state	escalated	overdue
> 2	routed	true	feedback
> 1	routed	false	feedback
> 3	answered	false	review
> 4	routed	true	
> 5	pending	false	
> 6	handled	false	
> 7	routed	false	

# Overdue is derived from today's date, not from a job having run: on Tue 10-20 only 7 is still on time.
$ linkctl inbox --as wang.qiang --today 2026-10-20 --format tsv --no-header | cut -f1,15,18
> 2	true	feedback
> 4	true	feedback
> 1	false	feedback
> 3	false	review
> 5	false	approval
> 6	false	feedback
> 7	false	

# A handler sees the tickets assigned to them; the market lead the pending one from market.
$ linkctl inbox --as yang.fan --today 2026-10-12 --format tsv --no-header | cut -f1,2,10
> 8	assigned	yang.fan
$ linkctl inbox --as li.na --today 2026-10-12 --format tsv --no-header | cut -f1,2,10
> 9	assigned	li.na
$ linkctl inbox --as zhang.wei --today 2026-10-12 --format tsv --no-header | cut -f1,2,18
> 10	pending	approval

# Nothing waits on the admin: an empty list (a header in TSV, [] in JSON).
$ linkctl inbox --as gao.feng --today 2026-10-12 --format tsv | cut -f1-3
> id	state	title
$ linkctl inbox --as gao.feng --today 2026-10-12 --format json
> []

# Acting moves a ticket on: once approved, 5 leaves wang.qiang's inbox for zhang.wei's
# (urgent from Mon 10-12 → due Thu 10-15), after his overdue 10.
$ linkctl approve 5 --as wang.qiang --today 2026-10-12 >/dev/null
$ linkctl inbox --as wang.qiang --today 2026-10-12 --format tsv --no-header | cut -f1 | paste -sd' '
> 2 1 3 4 6 7
$ linkctl inbox --as zhang.wei --today 2026-10-12 --format tsv --no-header | cut -f1,2,13,18
> 10	pending		approval
> 5	routed	2026-10-15	

# Refused: an unknown person (exit 3), a stray argument (exit 2).
$ linkctl inbox --as nobody
! linkctl: error: 'nobody' is not a person in the policy; pass --as ID (or LINKCTL_USER) with an id from 'linkctl policy show'
[3]
$ linkctl inbox 5 --as wang.qiang
! linkctl: error: The following argument was not expected: 5 (see linkctl --help)
[2]

# Reading the inbox changes nothing.
$ linkctl audit verify --format tsv --no-header | cut -f1,2
> ok	29
