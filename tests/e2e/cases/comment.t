# `comment` (SPEC section 3): anyone who can see a ticket may comment, in any state;
# the state and due dates stay as they are, and the comment is an event in the history.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null
$ linkctl file --as li.na --today 2026-09-29 --category delivery-late --title '送货不到户' --quiet
> 1

# Everyone who sees the ticket (market to logistics) may comment on it while pending.
$ linkctl comment 1 --as li.na --today 2026-09-29 '已电话联系收信部门' --format table
> ticket 1: pending; approval due 2026-09-29
$ linkctl comment 1 --as zhang.wei --today 2026-09-29 '请尽快处理' --format table
> ticket 1: pending; approval due 2026-09-29
$ linkctl comment 1 --as wang.qiang --today 2026-09-29 '物流中心已知悉' --format table
> ticket 1: pending; approval due 2026-09-29
$ linkctl comment 1 --as yang.fan --today 2026-09-29 '我负责这条线路' --format table
> ticket 1: pending; approval due 2026-09-29
$ linkctl comment 1 --as lin.xiuying --today 2026-09-29 '企管办关注' --format table
> ticket 1: pending; approval due 2026-09-29
$ linkctl comment 1 --as gao.feng --today 2026-09-29 '管理员备注' --format table
> ticket 1: pending; approval due 2026-09-29

# Each comment is one event: who, the note, no state change and no changed fields.
$ linkctl history 1 --as li.na --format tsv --no-header | cut -f4,6-10
> li.na	file		pending	{"category":"delivery-late","severity":"normal","to_dept":"logistics","title":"送货不到户","approval_due":"2026-09-29"}	
> li.na	comment	pending	pending	{}	已电话联系收信部门
> zhang.wei	comment	pending	pending	{}	请尽快处理
> wang.qiang	comment	pending	pending	{}	物流中心已知悉
> yang.fan	comment	pending	pending	{}	我负责这条线路
> lin.xiuying	comment	pending	pending	{}	企管办关注
> gao.feng	comment	pending	pending	{}	管理员备注
$ linkctl show 1 --as li.na --today 2026-09-29 --format tsv --no-header | cut -f2,12
> pending	2026-09-29

# In a later state too; a comment may span lines (TSV escapes the line break).
$ linkctl approve 1 --as zhang.wei --today 2026-09-29 >/dev/null
$ linkctl comment 1 --as wang.qiang --today 2026-09-30 "$(printf '第一行\n第二行')" --format table
> ticket 1: routed; feedback due 2026-10-19
$ linkctl history 1 --as wang.qiang --format tsv --no-header | tail -1 | cut -f6-8,10
> comment	routed	routed	第一行\n第二行

# A market-to-market ticket for the refusals.
$ linkctl file --as li.na --today 2026-09-29 --category shop-moved --title '店面搬迁' --quiet
> 2

# Refused (exit 3): people who cannot see the ticket, unknown tickets and people.
$ linkctl comment 2 --as yang.fan --today 2026-09-30 '看看'
! linkctl: error: no ticket 2 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl comment 2 --as wang.qiang --today 2026-09-30 '看看'
! linkctl: error: no ticket 2 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl comment 99 --as li.na --today 2026-09-30 '无此单'
! linkctl: error: no ticket 99 (or you may not see it); list yours with 'linkctl list'
[3]
$ linkctl comment 2 --as nobody --today 2026-09-30 '我是谁'
! linkctl: error: 'nobody' is not a person in the policy; pass --as ID (or LINKCTL_USER) with an id from 'linkctl policy show'
[3]

# Refused (exit 2): no text, blank text, a control character, invalid UTF-8, too long.
$ linkctl comment 2 --as li.na --today 2026-09-30
! linkctl: error: TEXT is required (see linkctl --help)
[2]
$ linkctl comment 2 --as li.na --today 2026-09-30 '   '
! linkctl: error: the comment is empty; give some text
[2]
$ linkctl comment 2 --as li.na --today 2026-09-30 "$(printf 'bell\a')"
! linkctl: error: the comment contains control character 0x07; remove it
[2]
$ linkctl comment 2 --as li.na --today 2026-09-30 "$(printf '\300\200')"
! linkctl: error: the comment is not valid UTF-8 (byte 1); send UTF-8 text
[2]
$ linkctl comment 2 --as li.na --today 2026-09-30 "$(head -c 9000 /dev/zero | tr '\0' x)"
! linkctl: error: the comment is 9000 bytes; the limit is 8192 bytes, shorten it
[2]

# None of the refusals changed anything.
$ linkctl history 2 --as li.na --format tsv --no-header | wc -l
> 1
$ linkctl audit verify --format tsv --no-header | cut -f1,2
> ok	11
