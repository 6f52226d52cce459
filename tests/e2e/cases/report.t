# A hand-computed month (issue 4): October 2026 under tests/e2e/policies/scoring.toml.
# Calendar: 10-01..10-07 National Day, Sat 10-10 a make-up workday.
# Departments: market (lead zhang.wei, filer/handler li.na), logistics (lead wang.qiang,
# handler yang.fan), inspection (back; lead zhao.gang, handler ma.chao); lin.xiuying supervises.
#
# Tickets (id: story -> penalties), all filed by li.na:
#  1 delivery-late filed 09-30, approved 10-08: approval late in SEPTEMBER (market -1 there).
#  2 delivery-late filed 10-08, approved 10-09: approval overdue (market -1, dated 10-08).
#  3 shop-moved (urgent, to market) answered 10-09, review due Sat 10-10, rated fair 10-12:
#    review overdue (market -1) and rated fair (market -1).
#  4 virtual-customer (major, to inspection) approved 10-08, feedback due 10-21, never answered;
#    escalated 10-23 (3 calendar days -> 10-26), still late: inspection -2 and head -5 yuan.
#  5 delivery-late rated satisfied 10-10, reset by the supervisor 10-15: market -2, logistics -2.
#  6 delivery-late rated 10-09, spot check 10-20 finds fake handling: logistics -2.
#  7-9 delivery-late escalated 10-09 (2 calendar days -> 10-11), answered 10-10 on time:
#    no points, but each counts as an escalated ticket of logistics.
# 10 delivery-late approved 10-12 (10 WD -> 10-26), answered 10-28: logistics -2;
#    rated unsatisfied 10-29: logistics -2. With 7-9 logistics has 4 (> 3) overdue-or-escalated
#    tickets: head -5 yuan.
# 11 delivery-late approved 10-12, explained 10-20, answered late 10-27: costs nothing.
#
# Expected October: market 100-1-1-1-2 = 95; logistics 100-2-2-2-2 = 92, bonus -5;
# inspection 100-2 = 98, bonus -5.

--- FILE run.sh
set -e
export LINKCTL_FORMAT=tsv
f() { linkctl file --as li.na --today "$1" --category "$2" --title "$3" --quiet >/dev/null; }
as() { who=$1 day=$2; shift 2; linkctl --as "$who" --today "$day" "$@" >/dev/null; }
answer() { # id day-assigned day-closed day-confirmed
  as wang.qiang "$2" route "$1" --to yang.fan; as yang.fan "$3" close "$1" --result 已处理; as wang.qiang "$4" confirm "$1"; }
f 2026-09-30 delivery-late 一;  as zhang.wei 2026-10-08 approve 1; answer 1 2026-10-09 2026-10-09 2026-10-09; as zhang.wei 2026-10-09 rate 1 satisfied
f 2026-10-08 delivery-late 二;  as zhang.wei 2026-10-09 approve 2; answer 2 2026-10-12 2026-10-14 2026-10-14; as zhang.wei 2026-10-15 rate 2 satisfied
f 2026-10-08 shop-moved 三;     as zhang.wei 2026-10-08 approve 3; as zhang.wei 2026-10-08 route 3 --to li.na
as li.na 2026-10-09 close 3 --result 已处理; as zhang.wei 2026-10-09 confirm 3; as zhang.wei 2026-10-12 rate 3 fair
f 2026-10-08 virtual-customer 四; as zhang.wei 2026-10-08 approve 4; as lin.xiuying 2026-10-23 escalate 4
f 2026-10-08 delivery-late 五;  as zhang.wei 2026-10-08 approve 5; answer 5 2026-10-08 2026-10-09 2026-10-09; as zhang.wei 2026-10-10 rate 5 satisfied
as lin.xiuying 2026-10-15 reset 5 --reason 抽查发现未处理; answer 5 2026-10-16 2026-10-16 2026-10-16; as zhang.wei 2026-10-19 rate 5 satisfied
f 2026-10-08 delivery-late 六;  as zhang.wei 2026-10-08 approve 6; answer 6 2026-10-09 2026-10-09 2026-10-09; as zhang.wei 2026-10-09 rate 6 satisfied
as lin.xiuying 2026-10-20 spotcheck record 6 --finding fake
for id in 7 8 9; do
  f 2026-10-08 delivery-late 督办; as zhang.wei 2026-10-08 approve $id; as lin.xiuying 2026-10-09 escalate $id
  answer $id 2026-10-09 2026-10-10 2026-10-10; as zhang.wei 2026-10-12 rate $id satisfied
done
f 2026-10-12 delivery-late 十;  as zhang.wei 2026-10-12 approve 10; answer 10 2026-10-13 2026-10-27 2026-10-28; as zhang.wei 2026-10-29 rate 10 unsatisfied
f 2026-10-12 delivery-late 十一; as zhang.wei 2026-10-12 approve 11; as wang.qiang 2026-10-20 explain 11 --reason 零售户外出
answer 11 2026-10-13 2026-10-27 2026-10-27; as zhang.wei 2026-10-28 rate 11 satisfied
--- END

$ cp $SRC/tests/e2e/policies/scoring.toml . && linkctl init --policy scoring.toml --as gao.feng >/dev/null
$ bash run.sh && linkctl list --as lin.xiuying --format tsv --no-header | wc -l
> 11

# The month's scores, exactly.
$ linkctl report monthly --month 2026-10 --format csv --as lin.xiuying --today 2026-11-05 | tr -d '\r'
> department,base,approval_overdue,feedback_overdue,review_overdue,rated_fair,rated_unsatisfied,fake_handling,supervisor_reset,score,bonus_deduction
> market,100,-1,0,-1,-1,0,0,-2,95,0
> logistics,100,0,-2,0,0,-2,-2,-2,92,-5
> inspection,100,0,-2,0,0,0,0,0,98,-5

# CSV lines end in CRLF (RFC 4180).
$ linkctl report monthly --month 2026-10 --format csv --as lin.xiuying --today 2026-11-05 | head -1 | od -An -c | tail -1 | grep -o '\\r  \\n'
> \r  \n

# Every point traced to its ticket.
$ linkctl report monthly --month 2026-10 --detail --format csv --as lin.xiuying --today 2026-11-05 | tr -d '\r'
> month,department,rule,points,yuan,ticket,date,detail
> 2026-10,inspection,feedback_overdue,-2,0,4,2026-10-21,feedback due 2026-10-21 not answered
> 2026-10,inspection,escalated_overdue,0,-5,4,2026-10-26,"escalated, due 2026-10-26 not answered"
> 2026-10,logistics,supervisor_reset,-2,0,5,2026-10-15,reset by the supervisor after rating
> 2026-10,logistics,fake_handling,-2,0,6,2026-10-20,spot check found fake handling
> 2026-10,logistics,feedback_overdue,-2,0,10,2026-10-26,feedback due 2026-10-26 answered 2026-10-28
> 2026-10,logistics,rated_unsatisfied,-2,0,10,2026-10-29,rated unsatisfied
> 2026-10,logistics,bonus_threshold,0,-5,,2026-10-31,4 overdue or escalated tickets (more than 3)
> 2026-10,market,approval_overdue,-1,0,2,2026-10-08,approval due 2026-10-08 done 2026-10-09
> 2026-10,market,review_overdue,-1,0,3,2026-10-10,review due 2026-10-10 done 2026-10-12
> 2026-10,market,rated_fair,-1,0,3,2026-10-12,rated fair
> 2026-10,market,supervisor_reset,-2,0,5,2026-10-15,reset by the supervisor after rating

# September holds ticket 1's late approval, and nothing else.
$ linkctl report monthly --month 2026-09 --format csv --no-header --as lin.xiuying --today 2026-11-05 | tr -d '\r'
> market,100,-1,0,0,0,0,0,0,99,0
> logistics,100,0,0,0,0,0,0,0,100,0
> inspection,100,0,0,0,0,0,0,0,100,0

# --bom starts the CSV with a UTF-8 byte-order mark.
$ linkctl report monthly --month 2026-10 --format csv --bom --as lin.xiuying --today 2026-11-05 | head -c 3 | od -An -tx1
>  ef bb bf

# A lead sees only their department's row.
$ linkctl report monthly --month 2026-10 --format csv --no-header --as wang.qiang --today 2026-11-05 | tr -d '\r'
> logistics,100,0,-2,0,0,-2,-2,-2,92,-5

# Freezing: supervisors only, only after the month, only once; then exports never change.
$ linkctl report monthly --month 2026-10 --freeze --as zhang.wei --today 2026-11-05
! linkctl: error: zhang.wei may not freeze a monthly report: only supervisors may
[4]
$ linkctl report monthly --month 2026-11 --freeze --as lin.xiuying --today 2026-11-05
! linkctl: error: 2026-11 is not over yet (today is 2026-11-05); freeze it from 2026-12-01 on
[5]
$ linkctl report monthly --month 2026-10 --format csv --as lin.xiuying --today 2026-11-05 > before.csv && linkctl report monthly --month 2026-10 --freeze --format csv --as lin.xiuying --today 2026-11-05 > frozen.csv && cmp before.csv frozen.csv && echo same
> same
!~ froze 2026-10 under policy v1
$ linkctl report monthly --month 2026-10 --freeze --as lin.xiuying --today 2026-11-06
!~ 2026-10 was already frozen on
[5]
# A late, back-dated finding in October: the frozen report does not move, byte for byte.
$ linkctl --as lin.xiuying --today 2026-10-30 spotcheck record 2 --finding fake >/dev/null && linkctl report monthly --month 2026-10 --format csv --as lin.xiuying --today 2026-12-01 | cmp - frozen.csv && echo unchanged
> unchanged
$ linkctl report monthly --month 2026-10 --detail --format csv --as lin.xiuying --today 2026-12-01 | grep -c fake_handling
> 1
$ linkctl report monthly --month 2026-10 --format json --as lin.xiuying | grep -o '"frozen":true'
> "frozen":true

# Bad months.
$ linkctl report monthly --month 2026-13 --as lin.xiuying
! linkctl: error: --month 2026-13 is not a month; write YYYY-MM, e.g. 2026-10
[2]
$ linkctl audit verify --format tsv --no-header | cut -f1
> ok
