# `audit verify` (SPEC sections 7, 8): the events form a SHA-256 hash chain and every
# ticket must be in the state its last event left it; rows edited or removed behind
# linkctl's back make it exit 6, naming the first event that fails.
# Each tampering below is done on a copy of the intact database, with the engine's own
# SQL client (tests/e2e/tools/db.sh: sqlite3, or psql on PostgreSQL).
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null

# Events 2-6: ticket 1 filed, approved, assigned, closed, commented; 7-8: ticket 2 filed and rejected.
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '送货不到户' --quiet && linkctl approve 1 --as zhang.wei --today 2026-09-29 >/dev/null && linkctl route 1 --as wang.qiang --today 2026-09-30 --to yang.fan >/dev/null
> 1
$ linkctl close 1 --as yang.fan --today 2026-10-08 --result '已送到' >/dev/null && linkctl comment 1 --as li.na --today 2026-10-08 '已电话催办' >/dev/null
$ linkctl file --as li.na --today 2026-10-08 --category delivery-late --title '重复' --quiet && linkctl reject 2 --as zhang.wei --today 2026-10-08 --reason '重复上报' >/dev/null
> 2

# Intact: exit 0, all events and tickets checked.
$ linkctl audit verify --format json | sed 's/"head_hash":"[0-9a-f]\{64\}"/"head_hash":HASH/'
> {"status":"ok","events":8,"tickets":2,"first_bad_event":null,"problem":null,"head_hash":HASH}
# The head printed is the last event's stored hash (to anchor the chain elsewhere).
$ [ "$(linkctl audit verify --format tsv --no-header | cut -f6)" = "$(sql 'SELECT hash FROM events ORDER BY id DESC LIMIT 1')" ] && echo same
> same
$ linkctl audit verify --format tsv | cut -f1-3
> status	events	tickets
> ok	8	2

# An event's note edited (the comment 6 rewritten).
$ dbcopy note >/dev/null && sql note "UPDATE events SET note = '未催办' WHERE id = 6"
$ set -o pipefail; linkctl --db "$(dbaddr note)" audit verify --format json | grep -o '"status":"[^"]*"\|"first_bad_event":[^,]*'
> "status":"tampered"
> "first_bad_event":6
! linkctl: error: audit failed: event 6 was altered after it was written (its hash does not match its content)
[6]

# An event back-dated (the approval 3 moved a day earlier).
$ dbcopy backdated >/dev/null && sql backdated "UPDATE events SET at = '2026-09-28T01:00:00Z' WHERE id = 3"
$ set -o pipefail; linkctl --db "$(dbaddr backdated)" audit verify --format tsv --no-header | cut -f1,4
> tampered	3
! linkctl: error: audit failed: event 3 was altered after it was written (its hash does not match its content)
[6]

# An event's recorded changes edited (the result of close, event 5).
$ dbcopy changes >/dev/null && sql changes "UPDATE events SET changes = replace(changes, '已送到', '未送到') WHERE id = 5"
$ set -o pipefail; linkctl --db "$(dbaddr changes)" audit verify --format tsv --no-header | cut -f1,4
> tampered	5
! linkctl: error: audit failed: event 5 was altered after it was written (its hash does not match its content)
[6]

# An event deleted from the middle of the chain (the route, event 4).
$ dbcopy deleted >/dev/null && sql deleted 'DELETE FROM events WHERE id = 4'
$ set -o pipefail; linkctl --db "$(dbaddr deleted)" audit verify --format json | grep -o '"status":"[^"]*"\|"first_bad_event":[^,]*'
> "status":"tampered"
> "first_bad_event":4
! linkctl: error: audit failed: event 4 is missing (the next event is 5); rows were removed
[6]

# The last event deleted (the rejection 8): ticket 2 is no longer explained by its events.
$ dbcopy truncated >/dev/null && sql truncated 'DELETE FROM events WHERE id = 8'
$ set -o pipefail; linkctl --db "$(dbaddr truncated)" audit verify --format tsv --no-header | cut -f1,4
> tampered	7
! linkctl: error: audit failed: ticket 2 is 'rejected' but its last event 7 left it 'pending'; the ticket row or its events were changed outside linkctl
[6]

# A ticket's state changed (ticket 1 marked done; its last event 6 left it handled).
$ dbcopy state >/dev/null && sql state "UPDATE tickets SET state = 'done' WHERE id = 1"
$ set -o pipefail; linkctl --db "$(dbaddr state)" audit verify --format json | grep -o '"status":"[^"]*"\|"first_bad_event":[^,]*'
> "status":"tampered"
> "first_bad_event":6
! linkctl: error: audit failed: ticket 1 is 'done' but its last event 6 left it 'handled'; the ticket row or its events were changed outside linkctl
[6]

# A link of the chain broken (event 7 made to follow event 5).
$ dbcopy relinked >/dev/null && sql relinked 'UPDATE events SET prev_hash = (SELECT hash FROM events WHERE id = 5) WHERE id = 7'
$ set -o pipefail; linkctl --db "$(dbaddr relinked)" audit verify --format tsv --no-header | cut -f1,4
> tampered	7
! linkctl: error: audit failed: event 7 does not follow event 6 (previous hash differs); events were removed or reordered
[6]

# A ticket inserted with no event at all.
$ dbcopy inserted >/dev/null && sql inserted "INSERT INTO tickets (state, title, category, severity, filer, from_dept, to_dept, filed_at, updated_at) VALUES ('done', '伪造', 'delivery-late', 'normal', 'li.na', 'market', 'logistics', '2026-10-08T01:00:00Z', '2026-10-08T01:00:00Z')"
$ linkctl --db "$(dbaddr inserted)" audit verify >/dev/null
! linkctl: error: audit failed: ticket 3 has no events; it was inserted outside linkctl
[6]

# The original database is untouched and still verifies.
$ linkctl audit verify --format tsv --no-header | cut -f1-3
> ok	8	2
