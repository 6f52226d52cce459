# export: the tickets you can see as CSV (default), TSV or JSON; the import columns plus
# id, state and due dates, so that an export imports elsewhere.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null
--- FILE tickets.csv
filer,category,title,body,severity,to,ref,filed_at
li.na,delivery-late,送货不到户,"零售户说: ""三天没到货"", 地址: 东街12号",,,EXT-1,2026-10-03T10:00
li.na,shop-moved,店面已转让,,,,EXT-2,2026-10-12T09:30
yang.fan,virtual-customer,疑似虚拟户,,major,,EXT-3,
--- END
$ linkctl import tickets.csv --as gao.feng --today 2026-10-13 --format table
> imported 3 tickets (1-3)
$ printf '\xef\xbb\xbffiler,category,title\nli.na,delivery-late,带BOM\n' > bom.csv && linkctl import bom.csv --as gao.feng --today 2026-10-13 --format table
> imported 1 ticket (4-4)

# Export: the import columns plus id, state and due dates; CSV by default, RFC 4180 quoting.
$ linkctl export --as gao.feng | head -2 | tr -d '\r'
> id,filer,category,title,body,severity,to,ref,filed_at,state,approval_due,feedback_due,review_due
> 1,li.na,delivery-late,送货不到户,"零售户说: ""三天没到货"", 地址: 东街12号",normal,logistics,EXT-1,2026-10-03T02:00:00Z,pending,2026-10-08,,
$ linkctl export --as gao.feng --from 2026-10-04 --to 2026-10-12 --format tsv --no-header | cut -f1,4
> 2	店面已转让
$ linkctl export --as gao.feng --from 2026-10-13 --format json | head -1
> [
# The period forms: ISO week 42 is Mon 10-12 .. Sun 10-18; ticket 1 was filed 10-03.
$ linkctl export --as gao.feng --week 2026-W42 --format tsv --no-header | cut -f1 | paste -sd' '
> 2 3 4
$ linkctl export --as gao.feng --month 2026-10 --format tsv --no-header | cut -f1 | paste -sd' '
> 1 2 3 4
$ linkctl export --as gao.feng --quarter 2026-Q3 --format tsv --no-header | wc -l
> 0
$ linkctl export --as gao.feng --year 2026 --to 2026-10-31
! linkctl: error: give one period: --month, --week, --quarter, --year, or --from and/or --to
[2]
# Visibility: logistics sees its own tickets only (1 and 4 to logistics, 3 filed by yang.fan; not 2).
$ linkctl export --as wang.qiang --format tsv --no-header | cut -f1
> 1
> 3
> 4
# An export imports elsewhere.
$ linkctl export --as gao.feng > all.csv && linkctl --db "$(dbnew copy)" init --policy mini.toml --as gao.feng >/dev/null && linkctl --db "$(dbaddr copy)" import all.csv --as gao.feng --today 2026-10-13 --format table
> imported 4 tickets (1-4)
$ linkctl --db "$(dbaddr copy)" export --as gao.feng | cut -d, -f1-4 | tr -d '\r' | tail -2
> 3,yang.fan,virtual-customer,疑似虚拟户
> 4,li.na,delivery-late,带BOM
$ linkctl audit verify --format tsv --no-header | cut -f1-3
> ok	5	4
