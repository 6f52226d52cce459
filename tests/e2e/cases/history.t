# `history ID` (SPEC sections 3, 7): every accepted verb on a ticket is one event, in
# order: who, when (the effective time), the verb, the state before and after, the
# changed fields and the note.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null

# A whole lifecycle, with another ticket filed in between (event ids are global).
$ linkctl file --as li.na --now 2026-09-29T16:00 --category delivery-late --title '送货不到户' --quiet
> 1
$ linkctl file --as li.na --today 2026-09-29 --category shop-moved --title '店面搬迁' --quiet
> 2
$ linkctl approve 1 --as zhang.wei --now 2026-09-30T10:30 >/dev/null
$ linkctl route 1 --as wang.qiang --today 2026-10-08 --to yang.fan >/dev/null
$ linkctl close 1 --as yang.fan --now 2026-10-09T17:45 --result '已送到户' >/dev/null
$ linkctl confirm 1 --as wang.qiang --now 2026-10-09T18:00 --comment '属实' >/dev/null
$ linkctl rate 1 satisfied --as zhang.wei --today 2026-10-10 >/dev/null

# Times are UTC ISO-8601 for machines (Asia/Shanghai is UTC+8).
$ linkctl history 1 --as li.na --format tsv | cut -f1-4,6-8,10
> id	ticket	at	actor	verb	state_before	state_after	note
> 2	1	2026-09-29T08:00:00Z	li.na	file		pending	
> 4	1	2026-09-30T02:30:00Z	zhang.wei	approve	pending	routed	
> 5	1	2026-10-08T01:00:00Z	wang.qiang	route	routed	assigned	
> 6	1	2026-10-09T09:45:00Z	yang.fan	close	assigned	handled	已送到户
> 7	1	2026-10-09T10:00:00Z	wang.qiang	confirm	handled	answered	属实
> 8	1	2026-10-10T01:00:00Z	zhang.wei	rate	answered	done	

# The changes of each event: what was filed, then {"field": [before, after]}.
# Approved Wed 09-30: 10 working days from 10-08 end Tue 10-20; confirmed Fri 10-09: review due Sat 10-10 (make-up).
$ linkctl history 1 --as li.na --format tsv --no-header | cut -f9
> {"category":"delivery-late","severity":"normal","to_dept":"logistics","title":"送货不到户","approval_due":"2026-09-29"}
> {"state":["pending","routed"],"feedback_due":[null,"2026-10-20"]}
> {"state":["routed","assigned"],"handler":[null,"yang.fan"]}
> {"state":["assigned","handled"],"result":[null,"已送到户"]}
> {"state":["handled","answered"],"review_due":[null,"2026-10-10"]}
> {"state":["answered","done"],"rating":[null,"satisfied"]}

# JSON: an array of event objects; the human table shows local times.
$ linkctl history 1 --as li.na --format json | grep -c '^{"id":'
> 6
$ linkctl history 1 --as li.na --format json | head -2 | tail -1 | grep -o '"id":2\|"ticket":1\|"at":"[^"]*"\|"actor":"li.na"\|"via":null\|"verb":"file"'
> "id":2
> "ticket":1
> "at":"2026-09-29T08:00:00Z"
> "actor":"li.na"
> "via":null
> "verb":"file"
$ linkctl history 1 --as li.na --format table | grep -o '2026-09-29 16:00\|2026-10-09 17:45'
> 2026-09-29 16:00
> 2026-10-09 17:45

# Only this ticket's events: ticket 2 has just its filing.
$ linkctl history 2 --as li.na --format tsv --no-header | cut -f1,2,6
> 3	2	file

# The clock override is recorded on each event it affected; a command on the real clock is not marked.
$ linkctl comment 1 --as li.na '真实时钟' >/dev/null
$ sql 'SELECT id, clock_override FROM events WHERE ticket_id = 1 ORDER BY id' | paste -sd' '
> 2|1 4|1 5|1 6|1 7|1 8|1 9|0

# Refused (exit 3): a ticket the actor cannot see, an unknown one; exit 2 without an id.
$ linkctl history 2 --as yang.fan
! linkctl: error: no ticket 2 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl history 99 --as gao.feng
! linkctl: error: no ticket 99 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl history --as gao.feng
! linkctl: error: ID is required (see linkctl --help)
[2]

# Reading the history changes nothing.
$ linkctl audit verify --format tsv --no-header | cut -f1,2
> ok	9
