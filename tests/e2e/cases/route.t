# `route` (SPEC section 3): the receiving lead assigns a handler (--to USER), sends a
# handled ticket back to one (--to USER --reason), or forwards a misdirected ticket
# to another department (--dept D --reason) with the feedback clock unchanged.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null

# Assign: routed → assigned. Delivery-late approved Tue 09-29: 10 working days end Mon 10-19.
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '送货不到户' --quiet
> 1
$ linkctl approve 1 --as zhang.wei --today 2026-09-29 --format table
> ticket 1: pending → routed; feedback due 2026-10-19
$ linkctl route 1 --as wang.qiang --today 2026-09-30 --to yang.fan --format table
> ticket 1: routed → assigned, handler yang.fan; feedback due 2026-10-19
$ linkctl show 1 --as wang.qiang --today 2026-09-30 --format tsv | cut -f2,9,10,13
> state	to_dept	handler	feedback_due
> assigned	logistics	yang.fan	2026-10-19
$ linkctl history 1 --as wang.qiang --format json | tail -2 | grep -o '"actor":"[^"]*"\|"verb":"[^"]*"\|"handler":\[[^]]*\]'
> "actor":"wang.qiang"
> "verb":"route"
> "handler":[null,"yang.fan"]

# Send back: a handled ticket returns to its handler, but only with a reason (what is still to do).
$ linkctl close 1 --as yang.fan --today 2026-10-08 --result '已送达' >/dev/null
$ linkctl route 1 --as wang.qiang --today 2026-10-08 --to yang.fan
! linkctl: error: sending a handled ticket back to a handler needs --reason (what is still to do)
[2]
$ linkctl route 1 --as wang.qiang --today 2026-10-08 --to yang.fan --reason '客户说仍未收到' --format table
> ticket 1: handled → assigned, handler yang.fan; feedback due 2026-10-19
$ linkctl history 1 --as wang.qiang --format tsv --no-header | tail -1 | cut -f4,6-8,10
> wang.qiang	route	handled	assigned	客户说仍未收到

# Forward a misdirected ticket (logistics → market, forwarded to logistics): still routed, feedback due unchanged.
$ linkctl file --as yang.fan --today 2026-09-29 --category shop-moved --title '店面已搬迁' --quiet
> 2
$ linkctl approve 2 --as wang.qiang --today 2026-09-29 --format table
> ticket 2: pending → routed; feedback due 2026-10-09
$ linkctl route 2 --as zhang.wei --today 2026-09-30 --dept logistics --reason '应由物流中心处理' --format table
> ticket 2: routed; feedback due 2026-10-09
$ linkctl show 2 --as wang.qiang --today 2026-09-30 --format tsv | cut -f2,8,9,13
> state	from_dept	to_dept	feedback_due
> routed	logistics	logistics	2026-10-09
$ linkctl history 2 --as wang.qiang --format json | tail -2 | grep -o '"to_dept":\[[^]]*\]\|"note":"[^"]*"'
> "to_dept":["market","logistics"]
> "note":"应由物流中心处理"

# The old receiving department no longer sees it; the new receiving lead assigns it.
$ linkctl show 2 --as zhang.wei --today 2026-09-30
! linkctl: error: no ticket 2 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl route 2 --as wang.qiang --today 2026-09-30 --to yang.fan --format table
> ticket 2: routed → assigned, handler yang.fan; feedback due 2026-10-09

# Forwarding an assigned ticket clears its handler and keeps the due date (approved Mon 11-16, due 11-30).
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '分错了' --quiet
> 3
$ linkctl approve 3 --as zhang.wei --today 2026-11-16 >/dev/null && linkctl route 3 --as wang.qiang --today 2026-11-17 --to yang.fan >/dev/null
$ linkctl route 3 --as wang.qiang --today 2026-11-18 --dept market --reason '客户经理的问题' --format table
> ticket 3: assigned → routed; feedback due 2026-11-30
$ linkctl show 3 --as zhang.wei --today 2026-11-18 --format tsv --no-header | cut -f2,9,10,13
> routed	market		2026-11-30
$ linkctl route 3 --as zhang.wei --today 2026-11-18 --to li.na --format table
> ticket 3: routed → assigned, handler li.na; feedback due 2026-11-30

# For the refusals: ticket 4 routed to logistics, ticket 5 still pending.
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '待交办' --quiet && linkctl approve 4 --as zhang.wei --today 2026-11-16 >/dev/null
> 4
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '未审批' --quiet
> 5

# Refused (exit 4): only the receiving lead routes or forwards, not the sending lead, the handler or the supervisor.
$ linkctl route 4 --as zhang.wei --today 2026-11-16 --to yang.fan
! linkctl: error: zhang.wei may not route ticket 4: only a lead of the receiving department 物流中心 (logistics) (wang.qiang) may
[4]
$ linkctl route 4 --as yang.fan --today 2026-11-16 --to yang.fan
! linkctl: error: yang.fan may not route ticket 4: only a lead of the receiving department 物流中心 (logistics) (wang.qiang) may
[4]
$ linkctl route 4 --as lin.xiuying --today 2026-11-16 --to yang.fan
! linkctl: error: lin.xiuying may not route ticket 4: only a lead of the receiving department 物流中心 (logistics) (wang.qiang) may
[4]
$ linkctl route 4 --as zhang.wei --today 2026-11-16 --dept market --reason '拿回来'
! linkctl: error: zhang.wei may not forward ticket 4: only a lead of the receiving department 物流中心 (logistics) (wang.qiang) may
[4]

# Refused (exit 2): neither or both of --to and --dept, a person who is not a handler there,
# forwarding without a reason, to the office, or to where it already is.
$ linkctl route 4 --as wang.qiang --today 2026-11-16
! linkctl: error: route needs exactly one of --to USER (assign a handler) or --dept DEPT (forward a misdirected ticket)
[2]
$ linkctl route 4 --as wang.qiang --today 2026-11-16 --to yang.fan --dept market
! linkctl: error: --to excludes --dept (see linkctl --help)
[2]
$ linkctl route 4 --as wang.qiang --today 2026-11-16 --to li.na
! linkctl: error: --to li.na: not a handler of 物流中心 (logistics); assign one of: wang.qiang, yang.fan
[2]
$ linkctl route 4 --as wang.qiang --today 2026-11-16 --dept market
! linkctl: error: forwarding to another department needs --reason (why it was misdirected)
[2]
$ linkctl route 4 --as wang.qiang --today 2026-11-16 --dept office --reason '给企管办'
! linkctl: error: --dept office: 企管办 is the supervising office, which does not receive tickets
[2]
$ linkctl route 4 --as wang.qiang --today 2026-11-16 --dept logistics --reason '原地'
! linkctl: error: ticket 4 is already at 物流中心 (logistics)
[2]

# Refused (exit 3): an unknown person or department, an invisible or unknown ticket.
$ linkctl route 4 --as wang.qiang --today 2026-11-16 --to nobody
! linkctl: error: --to nobody: no such person in the policy
[3]
$ linkctl route 4 --as wang.qiang --today 2026-11-16 --dept nowhere --reason '无此部门'
! linkctl: error: --dept nowhere: no such department; use one of: market, logistics
[3]
$ linkctl route 3 --as wang.qiang --today 2026-11-18 --to yang.fan
! linkctl: error: no ticket 3 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl route 99 --as wang.qiang --today 2026-11-16 --to yang.fan
! linkctl: error: no ticket 99 (or you may not see it); list yours with 'linkctl list'
[3]

# Refused (exit 5): pending (not approved yet); forwarding a handled ticket; routing an answered one.
$ linkctl route 5 --as wang.qiang --today 2026-11-16 --to yang.fan
! linkctl: error: ticket 5 is 'pending', so it cannot be assigned; allowed here: approve, reject, comment
[5]
$ linkctl close 1 --as yang.fan --today 2026-10-09 --result '已再次送达' >/dev/null
$ linkctl route 1 --as wang.qiang --today 2026-10-09 --dept market --reason '转市场部'
! linkctl: error: ticket 1 is 'handled', so it cannot be forwarded to another department; allowed here: confirm, route, explain, escalate, comment
[5]
$ linkctl confirm 1 --as wang.qiang --today 2026-10-09 >/dev/null
$ linkctl route 1 --as wang.qiang --today 2026-10-09 --to yang.fan --reason '再做一次'
! linkctl: error: ticket 1 is 'answered', so it cannot be assigned; allowed here: rate, reset, comment
[5]

# None of the refusals changed anything.
$ linkctl show 4 --as wang.qiang --today 2026-11-16 --format tsv --no-header | cut -f2,9,10,13
> routed	logistics		2026-11-30
$ linkctl history 4 --as wang.qiang --format tsv --no-header | wc -l
> 2
$ linkctl audit verify --format tsv --no-header | cut -f1,2
> ok	20
