# report quarterly / yearly (issue 17): the sum of the monthly reports, worked out by hand from
# the hand-computed October of report.t (same scenario, tests/e2e/policies/scoring.toml):
#   September: market 99 (ticket 1's approval, due in September, done 10-08); others 100.
#   October:   market 95 (approval -1, review -1, fair -1, reset -2); logistics 92 (feedback -2,
#              unsatisfied -2, fake -2, reset -2; bonus -5); inspection 98 (feedback -2; bonus -5).
#   November (today 2026-11-05): nothing falls due, is rated, reset or found in it: all 100.
#   December: not begun (empty).
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
$ bash run.sh

# The fourth quarter, every month computed afresh.
$ linkctl report quarterly --quarter 2026-Q4 --format csv --as lin.xiuying --today 2026-11-05 | tr -d '\r'
> department,base,2026-10,2026-11,2026-12,approval_overdue,feedback_overdue,review_overdue,rated_fair,rated_unsatisfied,fake_handling,supervisor_reset,bonus_deduction,frozen_months
> market,100,95,100,,-1,0,-1,-1,0,0,-2,0,
> logistics,100,92,100,,0,-2,0,0,-2,-2,-2,-5,
> inspection,100,98,100,,0,-2,0,0,0,0,0,-5,
# The third quarter holds ticket 1's late approval, in September.
$ linkctl report quarterly --quarter 2026-Q3 --format csv --no-header --as lin.xiuying --today 2026-11-05 | tr -d '\r'
> market,100,100,100,99,-1,0,0,0,0,0,0,0,
> logistics,100,100,100,100,0,0,0,0,0,0,0,0,
> inspection,100,100,100,100,0,0,0,0,0,0,0,0,
$ linkctl report quarterly --quarter 2026-Q4 --as lin.xiuying --today 2026-11-05 --format table | head -1
> Quarterly report 2026-Q4 (2026-10 as of 2026-11-05, not frozen; 2026-11 as of 2026-11-05, not frozen; 2026-12 not begun)

# Frozen and unfrozen months mixed: October frozen, then a fake handling found on 11-05 (November,
# logistics -2) and a back-dated one on 10-30 (October: the frozen month does not move).
$ linkctl report monthly --month 2026-10 --freeze --as lin.xiuying --today 2026-11-05 >/dev/null
!~ froze 2026-10 under policy v1
$ linkctl --as lin.xiuying --today 2026-11-05 spotcheck record 2 --finding fake >/dev/null && linkctl --as lin.xiuying --today 2026-10-30 spotcheck record 3 --finding fake >/dev/null
$ linkctl report quarterly --quarter 2026-Q4 --format csv --no-header --as lin.xiuying --today 2026-11-05 | tr -d '\r'
> market,100,95,100,,-1,0,-1,-1,0,0,-2,0,2026-10
> logistics,100,92,98,,0,-2,0,0,-2,-4,-2,-5,2026-10
> inspection,100,98,100,,0,-2,0,0,0,0,0,-5,2026-10
$ linkctl report quarterly --quarter 2026-Q4 --as lin.xiuying --today 2026-11-05 --format table | head -1
> Quarterly report 2026-Q4 (2026-10 frozen (policy v1); 2026-11 as of 2026-11-05, not frozen; 2026-12 not begun)
$ linkctl report quarterly --quarter 2026-Q4 --format json --as lin.xiuying --today 2026-11-05 | grep -o '"month":"[0-9-]*","state":"[a-z ]*"'
> "month":"2026-10","state":"frozen"
> "month":"2026-11","state":"computed"
> "month":"2026-12","state":"not begun"

# --detail: every penalty with its month; per department the points add up to the months'
# losses (logistics: 8 in October + 2 in November).
$ linkctl report quarterly --quarter 2026-Q4 --detail --format tsv --no-header --as lin.xiuying --today 2026-11-05 | cut -f1-4,6 | grep -v 2026-10
> 2026-11	logistics	fake_handling	-2	2
$ linkctl report quarterly --quarter 2026-Q4 --detail --format tsv --no-header --as lin.xiuying --today 2026-11-05 | awk -F'\t' '{ p[$2] += $4 } END { print p["market"], p["logistics"], p["inspection"] }'
> -5 -10 -2
$ linkctl report quarterly --quarter 2026-Q4 --detail --format csv --as lin.xiuying --today 2026-11-05 | head -1 | tr -d '\r'
> month,department,rule,points,yuan,ticket,date,detail

# The year: one column per month (2026-01 is column 3); September and the fourth quarter as above,
# market's approval_overdue the sum of September's and October's.
$ linkctl report yearly --year 2026 --format csv --no-header --as lin.xiuying --today 2026-11-05 | tr -d '\r' | cut -d, -f1,3,10-15,20,22
> market,100,100,99,95,100,,-2,0,0
> logistics,100,100,100,92,98,,0,-4,-5
> inspection,100,100,100,98,100,,0,0,-5
$ linkctl report yearly --year 2026 --detail --format tsv --no-header --as lin.xiuying --today 2026-11-05 | cut -f1-4,6 | head -1
> 2026-09	market	approval_overdue	-1	1
$ linkctl report yearly --year 2026 --as lin.xiuying --today 2026-11-05 --format table | head -1 | cut -c1-20
> Yearly report 2026 (

# A lead sees their own department only.
$ linkctl report quarterly --quarter 2026-Q4 --format csv --no-header --as wang.qiang --today 2026-11-05 | tr -d '\r'
> logistics,100,92,98,,0,-2,0,0,-2,-4,-2,-5,2026-10

# Bad periods.
$ linkctl report quarterly --quarter 2026-4 --as lin.xiuying
! linkctl: error: --quarter 2026-4 is not a quarter; write YYYY-Qn (n 1 to 4), e.g. 2026-Q4
[2]
$ linkctl report yearly --year 20260 --as lin.xiuying
! linkctl: error: --year 20260 is not a year; write YYYY, e.g. 2026
[2]
$ linkctl report quarterly --as lin.xiuying
!~ --quarter is required
[2]
