# `events` (SPEC section 7): everything that happened, oldest first, as a feed for
# notification scripts: `--since N` prints the events after N, so a script that
# remembers the last id it saw never skips or repeats one. Supervisors and admins only.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '送货不到户' --quiet && linkctl approve 1 --as zhang.wei --today 2026-09-29 >/dev/null
> 1
$ linkctl file --as yang.fan --today 2026-09-29 --category shop-moved --title '店面搬迁' --quiet
> 2
$ linkctl comment 1 --as li.na --today 2026-09-30 '催办' >/dev/null && linkctl route 1 --as wang.qiang --today 2026-09-30 --to yang.fan >/dev/null

# Every event of every ticket, and the database's creation (no ticket), in order.
$ linkctl events --as lin.xiuying --format tsv | cut -f1,2,4,6
> id	ticket	actor	verb
> 1		gao.feng	init
> 2	1	li.na	file
> 3	1	zhang.wei	approve
> 4	2	yang.fan	file
> 5	1	li.na	comment
> 6	1	wang.qiang	route
$ linkctl events --as gao.feng --since 2 --format tsv --no-header | cut -f1,3,7,8,10
> 3	2026-09-29T01:00:00Z	pending	routed	
> 4	2026-09-29T01:00:00Z		pending	
> 5	2026-09-30T01:00:00Z	routed	routed	催办
> 6	2026-09-30T01:00:00Z	routed	assigned	

# JSON: one object per event, with its changes and note.
$ linkctl events --as lin.xiuying --since 4 --format json
> [
> {"id":5,"ticket":1,"at":"2026-09-30T01:00:00Z","actor":"li.na","via":null,"verb":"comment","state_before":"routed","state_after":"routed","changes":{},"note":"催办"},
> {"id":6,"ticket":1,"at":"2026-09-30T01:00:00Z","actor":"wang.qiang","via":null,"verb":"route","state_before":"routed","state_after":"assigned","changes":{"state":["routed","assigned"],"handler":[null,"yang.fan"]},"note":null}
> ]

# A script keeps the last id it saw; the next run gets exactly what happened since.
$ linkctl events --as lin.xiuying --format tsv --no-header | tail -1 | cut -f1 > last-id && cat last-id
> 6
$ linkctl reject 2 --as wang.qiang --today 2026-09-30 --reason '不属实' >/dev/null && linkctl close 1 --as yang.fan --today 2026-10-08 --result '已送到' >/dev/null
$ linkctl events --as lin.xiuying --since "$(cat last-id)" --format tsv --no-header | cut -f1,2,6
> 7	2	reject
> 8	1	close
$ linkctl events --as lin.xiuying --since 8 --format json
> []

# Refused commands add nothing to the feed.
$ linkctl approve 1 --as zhang.wei --today 2026-10-08
! linkctl: error: ticket 1 is 'handled', so it cannot be approved; allowed here: confirm, route, explain, escalate, comment
[5]
$ linkctl events --as lin.xiuying --since 8 --format tsv --no-header
$ linkctl events --as lin.xiuying --since 8 --format tsv
> id	ticket	at	actor	via	verb	state_before	state_after	changes	note

# --limit pages through the feed one event at a time, without gaps.
$ linkctl events --as gao.feng --since 6 --limit 1 --format tsv --no-header | cut -f1
> 7
$ linkctl events --as gao.feng --since 7 --limit 1 --format tsv --no-header | cut -f1
> 8
$ linkctl events --as gao.feng --since 8 --limit 1 --format tsv --no-header | cut -f1

# Refused (exit 4): leads, handlers and filers may not read the whole feed.
$ linkctl events --as zhang.wei
! linkctl: error: zhang.wei may not read the event feed: only supervisors and admins may
[4]
$ linkctl events --as li.na --since 5
! linkctl: error: li.na may not read the event feed: only supervisors and admins may
[4]

# Refused (exit 3): an unknown person.
$ linkctl events --as nobody
! linkctl: error: 'nobody' is not a person in the policy; pass --as ID (or LINKCTL_USER) with an id from 'linkctl policy show'
[3]

# Reading the feed changes nothing.
$ linkctl audit verify --format tsv --no-header | cut -f1,2
> ok	8
