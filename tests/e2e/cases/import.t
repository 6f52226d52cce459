# import (admins; all rows or none, with line numbers); export.t imports what is exported.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null

--- FILE tickets.csv
filer,category,title,body,severity,to,ref,filed_at
li.na,delivery-late,送货不到户,"零售户说: ""三天没到货"", 地址: 东街12号",,,EXT-1,2026-10-03T10:00
li.na,shop-moved,店面已转让,,,,EXT-2,2026-10-12T09:30
yang.fan,virtual-customer,"疑似虚拟户
（两行标题不允许）",,,,EXT-3,
--- END
# A title with a line break is refused, naming its line; nothing is imported.
$ linkctl import tickets.csv --as gao.feng
! linkctl: error: tickets.csv:4: the title contains control character 0x0a; remove it (this field is one line)
[6]
$ linkctl list --as gao.feng --format tsv --no-header | wc -l
> 0

# Only admins import.
$ sed -i '4,5d' tickets.csv && linkctl import tickets.csv --as li.na
! linkctl: error: li.na may not import tickets: only admins may
[4]
$ printf 'yang.fan,virtual-customer,疑似虚拟户,,major,,EXT-3,\n' >> tickets.csv && linkctl import tickets.csv --as gao.feng --today 2026-10-13 --format table
> imported 3 tickets (1-3)
# filed_at back-dates the filing: filed on the holiday Saturday 10-03, approval due 10-08.
$ linkctl show 1 --as gao.feng --format json | grep -o '"filed_at":"[^"]*","approval_due":"[^"]*"'
> "filed_at":"2026-10-03T02:00:00Z","approval_due":"2026-10-08"
$ linkctl show 1 --as gao.feng --format json | grep -o '"body":"[^"]*\\"[^"]*\\"[^"]*"'
> "body":"零售户说: \"三天没到货\", 地址: 东街12号"
$ linkctl history 3 --as gao.feng --format tsv --no-header | cut -f4,6,10
> gao.feng	import	tickets.csv:4
# Importing the same refs again changes nothing.
$ linkctl import tickets.csv --as gao.feng --today 2026-10-13 --format table
> imported 0 tickets; 3 already filed (same ref)

# Bad files: each refused with its line, the database untouched.
--- FILE missing-column.csv
filer,title
li.na,缺类别
--- END
$ linkctl import missing-column.csv --as gao.feng
! linkctl: error: missing-column.csv:1: the header lacks the required column 'category' (required: filer, category, title)
[6]
--- FILE extra-field.csv
filer,category,title
li.na,delivery-late,好的
li.na,delivery-late,多了,一列
--- END
$ linkctl import extra-field.csv --as gao.feng
! linkctl: error: extra-field.csv:3: 4 fields, but the header has 3; quote fields that contain commas
[6]
--- FILE unknown-column.csv
filer,category,title,priority
li.na,delivery-late,好的,high
--- END
$ linkctl import unknown-column.csv --as gao.feng
! linkctl: error: unknown-column.csv:1: unknown column 'priority'; use filer, category, title, body, severity, to, ref, filed_at
[6]
--- FILE bad-quote.csv
filer,category,title
li.na,delivery-late,"未闭合
--- END
$ linkctl import bad-quote.csv --as gao.feng
! linkctl: error: bad-quote.csv:2: a quoted field is never closed; end it with "
[6]
$ printf 'filer,category,title\nli.na,delivery-late,bad\xff\n' > bad-utf8.csv && linkctl import bad-utf8.csv --as gao.feng
! linkctl: error: bad-utf8.csv:2: the title is not valid UTF-8 (byte 4); send UTF-8 text
[6]
$ printf 'filer,category,title\nli.na,delivery-late,好\nnobody,delivery-late,坏\n' > bad-filer.csv && linkctl import bad-filer.csv --as gao.feng
! linkctl: error: bad-filer.csv:3: filer 'nobody' is not a person in the policy
[6]
$ printf 'filer,category,title\nyang.fan,delivery-late,不许\n' > not-allowed.csv && linkctl import not-allowed.csv --as gao.feng
! linkctl: error: not-allowed.csv:2: yang.fan (delivery) may not file category 'delivery-late': it is for customer-manager
[6]
$ printf 'filer,category,title,filed_at\nli.na,delivery-late,未来,2030-01-01T09:00\n' > future.csv && linkctl import future.csv --as gao.feng --today 2026-10-13
! linkctl: error: future.csv:2: filed_at 2030-01-01T09:00 is in the future
[6]
$ printf 'filer,category,title,filed_at\nli.na,delivery-late,坏时间,2026-10-01T24:00\n' > bad-time.csv && linkctl import bad-time.csv --as gao.feng
! linkctl: error: bad-time.csv:2: filed_at '2026-10-01T24:00' is not an ISO-8601 time such as 2026-09-30T09:30 or 2026-09-30T01:30:00Z
[6]
# A byte-order mark (as spreadsheets write) is accepted.
$ printf '\xef\xbb\xbffiler,category,title\nli.na,delivery-late,带BOM\n' > bom.csv && linkctl import bom.csv --as gao.feng --today 2026-10-13 --format table
> imported 1 ticket (4-4)
$ linkctl list --as gao.feng --format tsv --no-header | wc -l
> 4
