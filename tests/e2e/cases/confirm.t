# `confirm` (SPEC sections 3, 4): the receiving lead confirms a handled ticket; the answer
# goes back (answered), the feedback stage ends and review is due 1 working day later.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null

# Confirmed Wed 09-30: the next working day after National Day is Thu 10-08.
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '送货不到户' --quiet
> 1
$ linkctl approve 1 --as zhang.wei --today 2026-09-29 >/dev/null && linkctl route 1 --as wang.qiang --today 2026-09-30 --to yang.fan >/dev/null && linkctl close 1 --as yang.fan --today 2026-09-30 --result '已送到' >/dev/null
$ linkctl confirm 1 --as wang.qiang --today 2026-09-30 --comment '核实无误' --format table
> ticket 1: handled → answered; review due 2026-10-08
$ linkctl show 1 --as wang.qiang --today 2026-09-30 --format tsv | cut -f2,12-14,18
> state	approval_due	feedback_due	review_due	overdue
> answered	2026-09-29	2026-10-19	2026-10-08	
$ linkctl history 1 --as wang.qiang --format tsv --no-header | tail -1 | cut -f4,6-8,10
> wang.qiang	confirm	handled	answered	核实无误

# Confirmed Fri 09-18: Sat 09-19 is off, Sun 09-20 is a make-up workday, so review is due that Sunday.
$ linkctl file --as li.na --today 2026-09-14 --category delivery-late --title '二' --quiet
> 2
$ linkctl approve 2 --as zhang.wei --today 2026-09-14 >/dev/null && linkctl route 2 --as wang.qiang --today 2026-09-15 --to yang.fan >/dev/null && linkctl close 2 --as yang.fan --today 2026-09-18 --result '好了' >/dev/null
$ linkctl confirm 2 --as wang.qiang --today 2026-09-18 --format table
> ticket 2: handled → answered; review due 2026-09-20

# Confirmed Thu 09-24: 中秋 holidays 09-25..27, so review is due Mon 09-28.
$ linkctl file --as li.na --today 2026-09-14 --category delivery-late --title '三' --quiet
> 3
$ linkctl approve 3 --as zhang.wei --today 2026-09-14 >/dev/null && linkctl route 3 --as wang.qiang --today 2026-09-15 --to yang.fan >/dev/null && linkctl close 3 --as yang.fan --today 2026-09-24 --result '好了' >/dev/null
$ linkctl confirm 3 --as wang.qiang --today 2026-09-24 --format table
> ticket 3: handled → answered; review due 2026-09-28

# Confirmed Fri 10-09: Sat 10-10 is a make-up workday (as SPEC 4, example 5 with 02-13/02-14).
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '四' --quiet
> 4
$ linkctl approve 4 --as zhang.wei --today 2026-09-29 >/dev/null && linkctl route 4 --as wang.qiang --today 2026-09-30 --to yang.fan >/dev/null && linkctl close 4 --as yang.fan --today 2026-10-09 --result '好了' >/dev/null
$ linkctl confirm 4 --as wang.qiang --today 2026-10-09 --format table
> ticket 4: handled → answered; review due 2026-10-10

# Confirmed after the feedback due date (urgent approved 09-29, due 10-09; confirmed Mon 10-12): feedback stays overdue.
$ linkctl file --as li.na --today 2026-09-29 --category shop-moved --title '五' --quiet
> 5
$ linkctl approve 5 --as zhang.wei --today 2026-09-29 >/dev/null && linkctl route 5 --as zhang.wei --today 2026-09-29 --to li.na >/dev/null && linkctl close 5 --as li.na --today 2026-10-12 --result '晚了' >/dev/null
$ linkctl confirm 5 --as zhang.wei --today 2026-10-12 --format table
> ticket 5: handled → answered; review due 2026-10-13 (overdue: feedback)
$ linkctl show 5 --as zhang.wei --today 2026-10-13 --format json | grep -o '"feedback_due":"[^"]*"\|"review_due":"[^"]*"\|"overdue":\[[^]]*\]'
> "feedback_due":"2026-10-09"
> "review_due":"2026-10-13"
> "overdue":["feedback"]

# For the refusals: 6 handled at logistics, 7 assigned there.
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '六' --quiet && linkctl approve 6 --as zhang.wei --today 2026-11-16 >/dev/null && linkctl route 6 --as wang.qiang --today 2026-11-16 --to yang.fan >/dev/null && linkctl close 6 --as yang.fan --today 2026-11-16 --result '好了' >/dev/null
> 6
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '七' --quiet && linkctl approve 7 --as zhang.wei --today 2026-11-16 >/dev/null && linkctl route 7 --as wang.qiang --today 2026-11-16 --to yang.fan >/dev/null
> 7

# Refused (exit 4): the handler, the sending lead and the supervisor may not confirm.
$ linkctl confirm 6 --as yang.fan --today 2026-11-17
! linkctl: error: yang.fan may not confirm ticket 6: only a lead of the receiving department 物流中心 (logistics) (wang.qiang) may
[4]
$ linkctl confirm 6 --as zhang.wei --today 2026-11-17
! linkctl: error: zhang.wei may not confirm ticket 6: only a lead of the receiving department 物流中心 (logistics) (wang.qiang) may
[4]
$ linkctl confirm 6 --as lin.xiuying --today 2026-11-17
! linkctl: error: lin.xiuying may not confirm ticket 6: only a lead of the receiving department 物流中心 (logistics) (wang.qiang) may
[4]

# Refused (exit 2): a blank comment.
$ linkctl confirm 6 --as wang.qiang --today 2026-11-17 --comment '  '
! linkctl: error: the comment is empty; give some text
[2]

# Refused (exit 3): invisible (market to market, seen from logistics) and unknown tickets.
$ linkctl confirm 5 --as wang.qiang --today 2026-11-17
! linkctl: error: no ticket 5 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl confirm 99 --as wang.qiang --today 2026-11-17
! linkctl: error: no ticket 99 (or you may not see it); list yours with 'linkctl list'
[3]

# Refused (exit 5): not handled yet, or already answered.
$ linkctl confirm 7 --as wang.qiang --today 2026-11-17
! linkctl: error: ticket 7 is 'assigned', so it cannot be confirmed; allowed here: route, close, explain, escalate, comment
[5]
$ linkctl confirm 1 --as wang.qiang --today 2026-11-17
! linkctl: error: ticket 1 is 'answered', so it cannot be confirmed; allowed here: rate, reset, comment
[5]

# None of the refusals changed anything.
$ linkctl show 6 --as wang.qiang --today 2026-11-17 --format tsv --no-header | cut -f2,13,14
> handled	2026-11-30	
$ linkctl history 6 --as wang.qiang --format tsv --no-header | wc -l
> 4
$ linkctl audit verify --format tsv --no-header | cut -f1,2
> ok	33
