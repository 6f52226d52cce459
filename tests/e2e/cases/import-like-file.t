# import stores what `file` stores for the same rows at the same moment: the same tickets
# (ids, states, due dates), the same rows and stages (each event's ticket digest), the same
# times; only each event's verb, actor and note differ (import names the admin and FILE:LINE).
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng --now 2026-10-12T08:00 >/dev/null
$ linkctl --db "$(dbnew byhand)" init --policy mini.toml --as gao.feng --now 2026-10-12T08:00 >/dev/null

--- FILE rows.csv
filer,category,title,body,severity,to,ref
li.na,delivery-late,送货不到户,"三天没到货, 东街12号",,,EXT-1
yang.fan,shop-moved,店面已转让,,major,,
li.na,delivery-late,"标题里有""引号""",两行的,urgent,market,EXT-3
yang.fan,shop-moved,两月未订货,,,,
--- END
$ linkctl import rows.csv --as gao.feng --now 2026-10-13T10:15 --format table
> imported 4 tickets (1-4)
$ linkctl --db "$(dbaddr byhand)" --now 2026-10-13T10:15 file --as li.na --category delivery-late --title 送货不到户 --body '三天没到货, 东街12号' --ref EXT-1 --quiet
> 1
$ linkctl --db "$(dbaddr byhand)" --now 2026-10-13T10:15 file --as yang.fan --category shop-moved --title 店面已转让 --severity major --quiet
> 2
$ linkctl --db "$(dbaddr byhand)" --now 2026-10-13T10:15 file --as li.na --category delivery-late --title '标题里有"引号"' --body 两行的 --severity urgent --to market --ref EXT-3 --quiet
> 3
$ linkctl --db "$(dbaddr byhand)" --now 2026-10-13T10:15 file --as yang.fan --category shop-moved --title 两月未订货 --quiet
> 4
# The same tickets, column for column.
$ linkctl export --as gao.feng > imported.csv && linkctl --db "$(dbaddr byhand)" export --as gao.feng > filed.csv && cmp imported.csv filed.csv && wc -l < filed.csv
> 5
# The same stored rows: every ticket event records the same digest of its ticket, at the same time, after the same init.
$ sql "SELECT id, ticket_id, at, state_before, state_after, ticket_digest, policy_version FROM events ORDER BY id" > imported.events && sql byhand "SELECT id, ticket_id, at, state_before, state_after, ticket_digest, policy_version FROM events ORDER BY id" > filed.events && cmp imported.events filed.events && wc -l < filed.events
> 5
$ sql "SELECT count(DISTINCT ticket_digest) FROM events WHERE ticket_id IS NOT NULL"
> 4
$ sql "SELECT verb, actor, note FROM events WHERE id = 2" && sql byhand "SELECT verb, actor, note FROM events WHERE id = 2"
> import|gao.feng|rows.csv:2
> file|li.na|
$ linkctl audit verify --as gao.feng --format tsv --no-header | cut -f1
> ok
