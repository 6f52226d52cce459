# Hour-based deadlines: the customer-service example policy answers within 24 hours of forwarding,
# weekends included. (The example uses identity "os"; here it is switched to "declared" with the
# clock override, as a test setup would.)
$ sed 's/identity = "os"/identity = "declared"/; s/allow_clock_override = false/allow_clock_override = true/' $SRC/examples/customer-service.toml > cs.toml && linkctl init --policy cs.toml --as admin >/dev/null 2>&1 && echo ready
> ready
# Friday 16:00 a consultation is taken; the desk lead forwards it at 17:30: due Saturday 17:30.
$ linkctl file --as xie.ting --now 2026-11-20T16:00 --category consultation --title 套餐资费咨询 --quiet
> 1
$ linkctl approve 1 --as he.min --now 2026-11-20T17:30 --format table
> ticket 1: pending → routed; feedback due 2026-11-21
$ linkctl file --as xie.ting --now 2026-11-20T16:05 --category consultation --title 营业时间咨询 --quiet && linkctl approve 2 --as he.min --now 2026-11-20T17:30 >/dev/null
> 2
# At 17:00 on Saturday nothing is late; at 18:00 both are, zero days late.
$ linkctl overdue --as fang.hui --now 2026-11-21T17:00 --check
$ linkctl overdue --as fang.hui --now 2026-11-21T18:00 --format tsv --no-header | cut -f1-5
> business	1	feedback	2026-11-21	0
> business	2	feedback	2026-11-21	0
# Ticket 2 is answered at 17:00 (on time), ticket 1 at 18:30 (30 minutes late).
$ for t in 2:17:00 1:18:30; do id=${t%%:*} at=2026-11-21T${t#*:}; linkctl route $id --to tang.jie --as tang.jie --now $at && linkctl close $id --result 已答复 --as tang.jie --now $at && linkctl confirm $id --as tang.jie --now $at; done >/dev/null
$ linkctl show 1 --as fang.hui --now 2026-11-21T19:00 --format json | grep -o '"overdue":\[[^]]*\]'
> "overdue":["feedback"]
$ linkctl show 2 --as fang.hui --now 2026-11-21T19:00 --format json | grep -o '"overdue":\[[^]]*\]'
> "overdue":[]
# Scored: one late first answer for the business group.
$ linkctl report monthly --month 2026-11 --format csv --no-header --as fang.hui --now 2026-12-01T09:00 | tr -d '\r' | grep business
> business,100,0,-2,0,0,0,0,0,98,0
# deadlines shows the hour-based stage by calendar day.
$ linkctl deadlines 1 --as fang.hui --now 2026-12-01T09:00 --format tsv --no-header | grep feedback | cut -f1,3-9
> feedback	2026-11-20	2026-11-21	finished late	2026-11-21	Sat	weekend	1
