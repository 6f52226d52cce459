# `list` (SPEC sections 5, 7, 8): the tickets the actor may see, in id order, with the
# filters state, department, severity, category, overdue, escalated and filing-date range.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null

# Seven tickets; "today" is Thu 2026-10-08 for every list below.
# 1: normal, market → logistics, approved Mon 09-14, feedback due 09-28: overdue.
$ linkctl file --as li.na --today 2026-09-14 --category delivery-late --title '送货不到户' --quiet && linkctl approve 1 --as zhang.wei --today 2026-09-14 >/dev/null
> 1
# 2: urgent, market → market, filed Tue 09-29 and never approved: approval overdue.
$ linkctl file --as li.na --today 2026-09-29 --category shop-moved --title '店面搬迁' --quiet
> 2
# 3: major, logistics → market, approved 09-29 (due 10-19), escalated 10-08 (due 10-11): escalated, not overdue.
$ linkctl file --as yang.fan --today 2026-09-29 --category virtual-customer --title '虚拟客户' --quiet && linkctl approve 3 --as wang.qiang --today 2026-09-29 >/dev/null && linkctl escalate 3 --as lin.xiuying --today 2026-10-08 >/dev/null
> 3
# 4: urgent, logistics → market, approved 10-08 (due 10-12), assigned to li.na.
$ linkctl file --as yang.fan --today 2026-10-08 --category shop-moved --title '已转让' --quiet && linkctl approve 4 --as wang.qiang --today 2026-10-08 >/dev/null && linkctl route 4 --as zhang.wei --today 2026-10-08 --to li.na >/dev/null
> 4
# 5: rejected; 6: done; 7: urgent, logistics → logistics, pending (market cannot see it).
$ linkctl file --as li.na --today 2026-10-08 --category delivery-late --title '重复' --quiet && linkctl reject 5 --as zhang.wei --today 2026-10-08 --reason '重复' >/dev/null
> 5
$ linkctl file --as li.na --today 2026-10-08 --category delivery-late --title '已办结' --quiet && linkctl approve 6 --as zhang.wei --today 2026-10-08 >/dev/null && linkctl route 6 --as wang.qiang --today 2026-10-08 --to yang.fan >/dev/null && linkctl close 6 --as yang.fan --today 2026-10-08 --result '好' >/dev/null && linkctl confirm 6 --as wang.qiang --today 2026-10-08 >/dev/null && linkctl rate 6 satisfied --as zhang.wei --today 2026-10-08 >/dev/null
> 6
$ linkctl file --as yang.fan --today 2026-10-08 --category shop-moved --to logistics --title '内部' --quiet
> 7

# Visibility: the admin and the supervisor see all; each department sees its own (sending or receiving).
$ linkctl list --as gao.feng --today 2026-10-08 --format tsv --no-header | cut -f1 | paste -sd' '
> 1 2 3 4 5 6 7
$ linkctl list --as lin.xiuying --today 2026-10-08 --format tsv --no-header | cut -f1 | paste -sd' '
> 1 2 3 4 5 6 7
$ linkctl list --as li.na --today 2026-10-08 --format tsv --no-header | cut -f1 | paste -sd' '
> 1 2 3 4 5 6
$ linkctl list --as yang.fan --today 2026-10-08 --format tsv --no-header | cut -f1 | paste -sd' '
> 1 3 4 5 6 7

# --state, repeatable.
$ linkctl list --as gao.feng --today 2026-10-08 --state pending --format tsv --no-header | cut -f1,2
> 2	pending
> 7	pending
$ linkctl list --as gao.feng --today 2026-10-08 --state routed --state assigned --format tsv --no-header | cut -f1,2
> 1	routed
> 3	routed
> 4	assigned
$ linkctl list --as gao.feng --today 2026-10-08 --state rejected --state done --format tsv --no-header | cut -f1,2
> 5	rejected
> 6	done

# --dept (sending or receiving), --from-dept, --to-dept.
$ linkctl list --as gao.feng --today 2026-10-08 --dept logistics --format tsv --no-header | cut -f1 | paste -sd' '
> 1 3 4 5 6 7
$ linkctl list --as gao.feng --today 2026-10-08 --from-dept logistics --format tsv --no-header | cut -f1 | paste -sd' '
> 3 4 7
$ linkctl list --as gao.feng --today 2026-10-08 --to-dept market --format tsv --no-header | cut -f1 | paste -sd' '
> 2 3 4

# --severity and --category.
$ linkctl list --as gao.feng --today 2026-10-08 --severity urgent --format tsv --no-header | cut -f1 | paste -sd' '
> 2 4 7
$ linkctl list --as gao.feng --today 2026-10-08 --severity major --format tsv --no-header | cut -f1 | paste -sd' '
> 3
$ linkctl list --as gao.feng --today 2026-10-08 --category delivery-late --format tsv --no-header | cut -f1 | paste -sd' '
> 1 5 6

# --overdue (derived from due dates and today, SPEC 5) and --escalated.
$ linkctl list --as gao.feng --today 2026-10-08 --overdue --format tsv --no-header | cut -f1,18
> 1	feedback
> 2	approval
# --limit counts overdue tickets: on 10-12 ticket 4 is due that day, not late (urgent: 2, 4, 7).
$ linkctl list --as gao.feng --today 2026-10-12 --overdue --severity urgent --limit 2 --format tsv --no-header | cut -f1,18
> 2	approval
> 7	approval
$ linkctl list --as gao.feng --today 2026-10-08 --escalated --format tsv --no-header | cut -f1,13,15
> 3	2026-10-11	true
$ linkctl list --as gao.feng --today 2026-10-12 --overdue --format tsv --no-header | cut -f1,18
> 1	feedback
> 2	approval
> 3	feedback
> 7	approval

# --since / --until: the filing date range, both ends included.
$ linkctl list --as gao.feng --today 2026-10-08 --since 2026-10-08 --format tsv --no-header | cut -f1 | paste -sd' '
> 4 5 6 7
$ linkctl list --as gao.feng --today 2026-10-08 --until 2026-09-29 --format tsv --no-header | cut -f1 | paste -sd' '
> 1 2 3
$ linkctl list --as gao.feng --today 2026-10-08 --since 2026-09-29 --until 2026-09-29 --format tsv --no-header | cut -f1 | paste -sd' '
> 2 3
# The period forms: ISO week 40 is Mon 09-28 .. Sun 10-04, week 41 Mon 10-05 .. Sun 10-11.
$ linkctl list --as gao.feng --today 2026-10-08 --week 2026-W40 --format tsv --no-header | cut -f1 | paste -sd' '
> 2 3
$ linkctl list --as gao.feng --today 2026-10-08 --week 2026-W41 --format tsv --no-header | cut -f1 | paste -sd' '
> 4 5 6 7
$ linkctl list --as gao.feng --today 2026-10-08 --month 2026-09 --format tsv --no-header | cut -f1 | paste -sd' '
> 1 2 3
$ linkctl list --as gao.feng --today 2026-10-08 --quarter 2026-Q4 --format tsv --no-header | cut -f1 | paste -sd' '
> 4 5 6 7
$ linkctl list --as gao.feng --today 2026-10-08 --year 2026 --format tsv --no-header | cut -f1 | paste -sd' '
> 1 2 3 4 5 6 7
$ linkctl list --as gao.feng --month 2026-10 --since 2026-10-01
! linkctl: error: give one period: --month, --week, --quarter, --year, or --since and/or --until
[2]
$ linkctl list --as gao.feng --week 2026-W54
! linkctl: error: --week 2026-W54 does not exist: 2026 has ISO weeks 01 to 53
[2]

# Filters combine, with visibility too; --limit caps the count.
$ linkctl list --as gao.feng --today 2026-10-08 --dept market --severity urgent --state pending --format tsv --no-header | cut -f1 | paste -sd' '
> 2
$ linkctl list --as wang.qiang --today 2026-10-08 --overdue --format tsv --no-header | cut -f1 | paste -sd' '
> 1
$ linkctl list --as gao.feng --today 2026-10-08 --limit 2 --format tsv --no-header | cut -f1 | paste -sd' '
> 1 2

# A human table: one line per ticket, escalated marked "!", the next due date and overdue stages;
# departments and people by their names.
$ linkctl list --as gao.feng --today 2026-10-08 --state routed --state assigned --format table
> id  state     severity  from      to        handler  due         overdue   title
>  1  routed    normal    市场部    物流中心  -        2026-09-28  feedback  送货不到户
>  3  routed!   major     物流中心  市场部    -        2026-10-11  -         虚拟客户
>  4  assigned  urgent    物流中心  市场部    李娜     2026-10-12  -         已转让

# JSON: an array of ticket objects; an empty result is an empty array; TSV keeps its header.
$ linkctl list --as gao.feng --today 2026-10-08 --severity major --format json
> [
> {"id":3,"state":"routed","title":"虚拟客户","category":"virtual-customer","category_name":"存在虚拟客户","severity":"major","filer":"yang.fan","from_dept":"logistics","to_dept":"market","handler":null,"filed_at":"2026-09-29T01:00:00Z","approval_due":"2026-09-29","feedback_due":"2026-10-11","review_due":null,"escalated":true,"resets":0,"rating":null,"overdue":[],"explained":false,"ref":null,"result":null,"body":"","updated_at":"2026-10-08T01:00:00Z"}
> ]
$ linkctl list --as li.na --today 2026-10-08 --from-dept logistics --state pending --format json
> []
$ linkctl list --as li.na --today 2026-10-08 --from-dept logistics --state pending --format tsv | cut -f1-3
> id	state	title

# Refused (exit 2): an unknown state or severity, a malformed date.
$ linkctl list --as gao.feng --state closed
! linkctl: error: --state closed is not known; use pending, routed, assigned, handled, answered, done or rejected
[2]
$ linkctl list --as gao.feng --severity high
! linkctl: error: --severity high is not known; use major, urgent or normal
[2]
$ linkctl list --as gao.feng --since 2026-13-01
! linkctl: error: --since '2026-13-01' is not a valid date; write YYYY-MM-DD, e.g. 2026-09-30
[2]
$ linkctl list --as gao.feng --until 2026-9-1
! linkctl: error: --until '2026-9-1' is not a valid date; write YYYY-MM-DD, e.g. 2026-09-30
[2]

# Refused (exit 3): unknown departments, unknown people.
$ linkctl list --as gao.feng --dept nowhere
! linkctl: error: --dept nowhere: no such department
[3]
$ linkctl list --as gao.feng --to-dept nowhere
! linkctl: error: --to-dept nowhere: no such department
[3]
$ linkctl list --as nobody
! linkctl: error: 'nobody' is not a person in the policy; pass --as ID (or LINKCTL_USER) with an id from 'linkctl policy show'
[3]

# Listing changes nothing.
$ linkctl audit verify --format tsv --no-header | cut -f1,2
> ok	19
