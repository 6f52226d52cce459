# `close --result TEXT` (SPEC section 3): the handler (or a receiving lead) reports the
# work done; assigned → handled. The feedback stage runs on until the lead confirms.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null

# Ticket 1: delivery-late approved Tue 09-29 (feedback due Mon 10-19), assigned to yang.fan.
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '送货不到户' --quiet
> 1
$ linkctl approve 1 --as zhang.wei --today 2026-09-29 >/dev/null && linkctl route 1 --as wang.qiang --today 2026-09-30 --to yang.fan >/dev/null

# The handler closes it; the result is stored and is the event's note.
$ linkctl close 1 --as yang.fan --today 2026-10-08 --result '已送货到户' --format table
> ticket 1: assigned → handled; feedback due 2026-10-19
$ linkctl show 1 --as yang.fan --today 2026-10-08 --format tsv | cut -f2,10,13,21
> state	handler	feedback_due	result
> handled	yang.fan	2026-10-19	已送货到户
$ linkctl history 1 --as yang.fan --format tsv --no-header | tail -1 | cut -f4,6-8,10
> yang.fan	close	assigned	handled	已送货到户

# Closing is not answering: unconfirmed after Mon 10-19, the feedback stage is overdue (SPEC 5).
$ linkctl show 1 --as yang.fan --today 2026-10-20 --format json | grep -o '"overdue":\[[^]]*\]'
> "overdue":["feedback"]

# The receiving lead may close too; a result may span lines (TSV escapes the line break).
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '到货未确认' --quiet
> 2
$ linkctl approve 2 --as zhang.wei --today 2026-09-29 >/dev/null && linkctl route 2 --as wang.qiang --today 2026-09-30 --to yang.fan >/dev/null
$ linkctl close 2 --as wang.qiang --today 2026-09-30 --result "$(printf '已补确认\n送货员已培训')" --format table
> ticket 2: assigned → handled; feedback due 2026-10-19
$ linkctl show 2 --as wang.qiang --today 2026-09-30 --format tsv --no-header | cut -f2,10,21
> handled	yang.fan	已补确认\n送货员已培训

# For the refusals: 3 assigned to yang.fan, 4 routed, 5 market to market assigned to li.na, 6 pending.
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '三' --quiet && linkctl approve 3 --as zhang.wei --today 2026-11-16 >/dev/null && linkctl route 3 --as wang.qiang --today 2026-11-16 --to yang.fan >/dev/null
> 3
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '四' --quiet && linkctl approve 4 --as zhang.wei --today 2026-11-16 >/dev/null
> 4
$ linkctl file --as li.na --today 2026-11-16 --category shop-moved --title '五' --quiet && linkctl approve 5 --as zhang.wei --today 2026-11-16 >/dev/null && linkctl route 5 --as zhang.wei --today 2026-11-16 --to li.na >/dev/null
> 5
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '六' --quiet
> 6

# Refused (exit 4): another handler, the sending lead, the supervisor.
$ linkctl close 3 --as li.na --today 2026-11-17 --result '我来'
! linkctl: error: li.na may not close ticket 3: only its handler (yang.fan) or a lead of 物流中心 (logistics) (wang.qiang) may
[4]
$ linkctl close 3 --as zhang.wei --today 2026-11-17 --result '我来'
! linkctl: error: zhang.wei may not close ticket 3: only its handler (yang.fan) or a lead of 物流中心 (logistics) (wang.qiang) may
[4]
$ linkctl close 3 --as lin.xiuying --today 2026-11-17 --result '我来'
! linkctl: error: lin.xiuying may not close ticket 3: only its handler (yang.fan) or a lead of 物流中心 (logistics) (wang.qiang) may
[4]

# Refused (exit 2): no result, or a blank one.
$ linkctl close 3 --as yang.fan --today 2026-11-17
! linkctl: error: --result is required (see linkctl --help)
[2]
$ linkctl close 3 --as yang.fan --today 2026-11-17 --result ' '
! linkctl: error: --result is empty; give some text
[2]

# Refused (exit 3): a ticket the handler cannot see (market to market), an unknown one.
$ linkctl close 5 --as yang.fan --today 2026-11-17 --result '看不见'
! linkctl: error: no ticket 5 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl close 99 --as yang.fan --today 2026-11-17 --result '无此单'
! linkctl: error: no ticket 99 (or you may not see it); list yours with 'linkctl list'
[3]

# Refused (exit 5): routed (no handler yet), already handled, pending.
$ linkctl close 4 --as wang.qiang --today 2026-11-17 --result '还没交办'
! linkctl: error: ticket 4 is 'routed', so it cannot be closed; allowed here: route, explain, escalate, comment
[5]
$ linkctl close 1 --as yang.fan --today 2026-11-17 --result '再关一次'
! linkctl: error: ticket 1 is 'handled', so it cannot be closed; allowed here: confirm, route, explain, escalate, comment
[5]
$ linkctl close 6 --as wang.qiang --today 2026-11-17 --result '未审批'
! linkctl: error: ticket 6 is 'pending', so it cannot be closed; allowed here: approve, reject, comment
[5]

# None of the refusals changed anything.
$ linkctl show 3 --as yang.fan --today 2026-11-17 --format tsv --no-header | cut -f2,10,21
> assigned	yang.fan	
$ linkctl history 3 --as yang.fan --format tsv --no-header | wc -l
> 3
$ linkctl audit verify --format tsv --no-header | cut -f1,2
> ok	18
