# `file` (SPEC sections 3, 4, 7): a filer opens a pending ticket; approval is due
# the filing day itself, rolled forward to a working day when filed on a day off.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null

# Filed Mon 2026-11-16 09:00: approval due the same day (SPEC 4, example 4); the table summary is one line.
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '王记烟酒店送货不到户' --format table
> ticket 1: pending; approval due 2026-11-16

# The category gives severity and receiving department; the filer's department sends.
$ linkctl show 1 --as li.na --format tsv | cut -f1-4,6-9,11-14
> id	state	title	category	severity	filer	from_dept	to_dept	filed_at	approval_due	feedback_due	review_due
> 1	pending	王记烟酒店送货不到户	delivery-late	normal	li.na	market	logistics	2026-11-16T01:00:00Z	2026-11-16		
$ linkctl show 1 --as li.na --today 2026-11-16 --format json | grep -o '"handler":null\|"escalated":false\|"resets":0\|"rating":null\|"overdue":\[\]'
> "handler":null
> "escalated":false
> "resets":0
> "rating":null
> "overdue":[]

# Filed on a holiday, Sat 2026-10-03: approval due Thu 2026-10-08 (SPEC 4, example 4).
$ linkctl file --as li.na --today 2026-10-03 --category shop-moved --title '客户店面已转让' --quiet
> 2
$ linkctl show 2 --as li.na --format tsv | cut -f1,2,6,8,9,12
> id	state	severity	from_dept	to_dept	approval_due
> 2	pending	urgent	market	market	2026-10-08

# Filed on the make-up workday Sun 2026-09-20: that day is a working day, so approval is due the same day.
$ linkctl file --as yang.fan --today 2026-09-20 --category virtual-customer --title '疑似虚拟客户' --quiet
> 3
$ linkctl show 3 --as yang.fan --format tsv --no-header | cut -f6,8,9,12
> major	logistics	market	2026-09-20

# Filed on a plain Sunday, 2026-10-11: due Mon 2026-10-12.
$ linkctl file --as yang.fan --today 2026-10-11 --category shop-moved --title '店面搬走了' --quiet
> 4
$ linkctl show 4 --as yang.fan --format tsv --no-header | cut -f12
> 2026-10-12

# Deadlines follow the policy's time zone (Asia/Shanghai), not UTC: 07:00 local on Wed 09-30 is still 09-29 in UTC.
$ linkctl file --as li.na --now 2026-09-30T07:00 --category shop-moved --title '时区' --quiet
> 5
$ linkctl show 5 --as li.na --format tsv --no-header | cut -f11,12
> 2026-09-29T23:00:00Z	2026-09-30

# --severity and --to override the category's defaults; --body is kept.
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '送货晚' --severity urgent --to market --body '第二行' --quiet
> 6
$ linkctl show 6 --as li.na --format tsv --no-header | cut -f4,6,8,9,22
> delivery-late	urgent	market	market	第二行

# The filing is one event in the ticket's history, by the filer.
$ linkctl history 6 --as li.na --format tsv --no-header | cut -f2,4,6-8
> 6	li.na	file		pending

# --ref makes filing idempotent: the same content returns the same id, even on another day, and files nothing new.
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '送货晚了' --ref EXT-7 --quiet
> 7
$ linkctl file --as li.na --today 2026-11-17 --category delivery-late --title '送货晚了' --ref EXT-7 --quiet
> 7
$ linkctl show 7 --as li.na --format tsv --no-header | cut -f12,20
> 2026-11-16	EXT-7
$ linkctl audit verify --format tsv --no-header | cut -f1,2
> ok	8

# The same --ref with different content is a conflict (exit 5).
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '另一件事' --ref EXT-7 --quiet
! linkctl: error: --ref EXT-7 was already used for ticket 7 with different content; use a new ref or file without one
[5]

# Refused: a person with no filer role, and a filer whose kind the category does not allow (exit 4).
$ linkctl file --as zhang.wei --today 2026-11-16 --category delivery-late --title '领导自己报'
! linkctl: error: zhang.wei may not file tickets: they hold no filer:<kind> role in the policy
[4]
$ linkctl file --as yang.fan --today 2026-11-16 --category delivery-late --title '送货员报送货'
! linkctl: error: yang.fan (delivery) may not file category 'delivery-late': it is for customer-manager
[4]

# Refused: an unknown category, receiving department or person (exit 3).
$ linkctl file --as li.na --today 2026-11-16 --category no-such --title '无此类别'
! linkctl: error: no category 'no-such' in the policy; list them with 'linkctl policy show'
[3]
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '无此部门' --to nowhere
! linkctl: error: --to nowhere: no such department; use one of: market, logistics
[3]
$ linkctl file --as nobody --today 2026-11-16 --category delivery-late --title '无此人'
! linkctl: error: 'nobody' is not a person in the policy; pass --as ID (or LINKCTL_USER) with an id from 'linkctl policy show'
[3]

# Refused: bad values (exit 2): the supervising office as receiver, an unknown severity, bad titles, a bad date.
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '给企管办' --to office
! linkctl: error: --to office: 企管办 is the supervising office, which does not receive tickets
[2]
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '严重' --severity critical
! linkctl: error: --severity critical is not known; use major, urgent or normal
[2]
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '   '
! linkctl: error: the title is empty; give some text
[2]
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title "$(printf 'two\nlines')"
! linkctl: error: the title contains control character 0x0a; remove it (this field is one line)
[2]
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title "$(printf 'ab\377')"
! linkctl: error: the title is not valid UTF-8 (byte 3); send UTF-8 text
[2]
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late --title "$(head -c 600 /dev/zero | tr '\0' x)"
! linkctl: error: the title is 600 bytes; the limit is 512 bytes, shorten it
[2]
$ linkctl file --as li.na --today 2026-11-16 --category delivery-late
! linkctl: error: --title is required (see linkctl --help)
[2]
$ linkctl file --as li.na --today 2026-02-30 --category delivery-late --title '日期'
! linkctl: error: --today 2026-02-30 is not a valid date; write YYYY-MM-DD, e.g. 2026-09-30
[2]

# None of the refusals filed anything or wrote an event.
$ linkctl list --as gao.feng --format tsv --no-header | cut -f1 | paste -sd' '
> 1 2 3 4 5 6 7
$ linkctl audit verify --format tsv --no-header | cut -f1,2
> ok	8

# LINKCTL_USER and LINKCTL_NOW stand for --as and --now; --as wins over LINKCTL_USER (SPEC 7).
$ LINKCTL_USER=li.na LINKCTL_NOW=2026-11-16T09:00 linkctl file --category delivery-late --title '环境变量' --quiet
> 8
$ LINKCTL_USER=yang.fan linkctl file --as li.na --today 2026-11-16 --category delivery-late --title '以 --as 为准' --quiet
> 9
$ linkctl list --as gao.feng --since 2026-11-16 --category delivery-late --format tsv --no-header | cut -f1,7,11 | tail -2
> 8	li.na	2026-11-16T01:00:00Z
> 9	li.na	2026-11-16T01:00:00Z

# A year the policy's calendar does not cover: weekdays only, with a warning (SPEC 4, example 7).
$ linkctl file --as li.na --today 2031-01-04 --category delivery-late --title '远期' --quiet
> 10
! linkctl: warning: the policy's calendar does not cover 2031; only weekends count as days off there (add [calendar.cn-2031])
$ linkctl show 10 --as li.na --today 2031-01-04 --format tsv --no-header | cut -f12
> 2031-01-06
