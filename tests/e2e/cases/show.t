# `show ID` (SPEC sections 5, 7, 8): one ticket with its state, people, due dates and
# overdue stages; as JSON one object with the keys SPEC 7 lists. People see the tickets
# of their own departments; supervisors and admins see all.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null

# Ticket 1: delivery-late filed and approved Tue 09-29 (feedback due 10-19), assigned on 09-30.
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '送货不到户' --quiet
> 1
$ linkctl approve 1 --as zhang.wei --today 2026-09-29 >/dev/null && linkctl route 1 --as wang.qiang --today 2026-09-30 --to yang.fan >/dev/null

# JSON: every key of SPEC 7 with its value; dates as ISO dates, null for stages not started.
$ linkctl show 1 --as li.na --today 2026-09-30 --format json | grep -o '"\(id\|state\|title\|category\|severity\|filer\|from_dept\|to_dept\|handler\|filed_at\|approval_due\|feedback_due\|review_due\|escalated\|resets\|rating\|overdue\)":\("[^"]*"\|\[[^]]*\]\|[a-z0-9]*\)'
> "id":1
> "state":"assigned"
> "title":"送货不到户"
> "category":"delivery-late"
> "severity":"normal"
> "filer":"li.na"
> "from_dept":"market"
> "to_dept":"logistics"
> "handler":"yang.fan"
> "filed_at":"2026-09-29T01:00:00Z"
> "approval_due":"2026-09-29"
> "feedback_due":"2026-10-19"
> "review_due":null
> "escalated":false
> "resets":0
> "rating":null
> "overdue":[]
$ linkctl show 1 --as li.na --today 2026-09-30 --format json | wc -l
> 1

# A human table shows local times and marks overdue stages: after Mon 10-19 the feedback stage is overdue.
$ linkctl show 1 --as li.na --today 2026-10-20 --format table | grep '^\(state\|filed_at\|feedback_due\|overdue\):' | tr -s ' '
> state: assigned
> filed_at: 2026-09-29 09:00
> feedback_due: 2026-10-19
> overdue: feedback
$ linkctl show 1 --as li.na --today 2026-10-19 --format json | grep -o '"overdue":\[[^]]*\]'
> "overdue":[]

# A pending ticket becomes overdue for approval the day after filing (SPEC 5).
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '未审批' --quiet
> 2
$ linkctl show 2 --as zhang.wei --today 2026-09-29 --format json | grep -o '"overdue":\[[^]]*\]'
> "overdue":[]
$ linkctl show 2 --as zhang.wei --today 2026-09-30 --format json | grep -o '"overdue":\[[^]]*\]'
> "overdue":["approval"]

# A done ticket keeps every stage it finished late: approved 09-30 (due 09-29), confirmed 10-12
# (urgent feedback due 10-10), rated 10-14 (review due 10-13).
$ linkctl file --as li.na --today 2026-09-29 --category shop-moved --title '都晚了' --quiet
> 3
$ linkctl approve 3 --as zhang.wei --today 2026-09-30 >/dev/null && linkctl route 3 --as zhang.wei --today 2026-09-30 --to li.na >/dev/null && linkctl close 3 --as li.na --today 2026-10-12 --result '好' >/dev/null && linkctl confirm 3 --as zhang.wei --today 2026-10-12 >/dev/null && linkctl rate 3 fair --as zhang.wei --today 2026-10-14 >/dev/null
$ linkctl show 3 --as zhang.wei --today 2026-11-16 --format json | grep -o '"\(state\|approval_due\|feedback_due\|review_due\|rating\|overdue\)":\("[^"]*"\|\[[^]]*\]\)'
> "state":"done"
> "approval_due":"2026-09-29"
> "feedback_due":"2026-10-10"
> "review_due":"2026-10-13"
> "rating":"fair"
> "overdue":["approval","feedback","review"]

# CSV follows RFC 4180 (quoted fields, CRLF line ends); TSV is one record a line.
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title 'a,"b"' --quiet
> 4
$ linkctl show 4 --as li.na --today 2026-09-29 --format csv | grep -o '^id,state,title\|^4,pending,"a,""b"""'
> id,state,title
> 4,pending,"a,""b"""
$ linkctl show 4 --as li.na --today 2026-09-29 --format csv | grep -c $'\r$'
> 2
$ linkctl show 4 --as li.na --today 2026-09-29 --format tsv | cut -f1-3
> id	state	title
> 4	pending	a,"b"

# Who sees what: both departments of a ticket, the supervisor and the admin; nobody else.
$ linkctl show 1 --as yang.fan --today 2026-09-30 --format tsv --no-header | cut -f1,2
> 1	assigned
$ linkctl show 3 --as lin.xiuying --today 2026-09-30 --format tsv --no-header | cut -f1,8,9
> 3	market	market
$ linkctl show 3 --as gao.feng --today 2026-09-30 --format tsv --no-header | cut -f1,8,9
> 3	market	market
$ linkctl show 3 --as yang.fan --today 2026-09-30
! linkctl: error: no ticket 3 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl show 3 --as wang.qiang --today 2026-09-30
! linkctl: error: no ticket 3 (or you may not see it); list yours with 'linkctl list'
[3]

# Unknown tickets (exit 3); a missing or malformed id (exit 2).
$ linkctl show 99 --as gao.feng
! linkctl: error: no ticket 99 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl show --as gao.feng
! linkctl: error: ID is required (see linkctl --help)
[2]
$ linkctl show abc --as gao.feng
!~ linkctl: error:
[2]

# Showing changes nothing.
$ linkctl audit verify --format tsv --no-header | cut -f1,2
> ok	12

# LINKCTL_TRACE_SQL=1 prints each statement on stderr as it starts, parameters filled in,
# ready for the sqlite3 CLI; standard output is unchanged.
$ LINKCTL_TRACE_SQL=1 linkctl show 1 --as li.na --today 2026-09-30 --format tsv 2>&1 >/dev/null | grep -c '^SELECT .* WHERE t.id = 1;$'
> 1
$ a=$(linkctl show 1 --as li.na --today 2026-09-30 --format tsv); b=$(LINKCTL_TRACE_SQL=1 linkctl show 1 --as li.na --today 2026-09-30 --format tsv 2>/dev/null); [ "$a" = "$b" ] && echo same
> same
