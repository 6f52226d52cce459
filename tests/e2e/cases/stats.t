# stats: KPIs per department for a month, computed by hand for October 2026 (mini policy).
#  1 delivery-late filed 10-08, approved 10-08 09:00, answered 10-12 09:00 (4.0 days), rated fair 10-13 (due 10-13)
#  2 delivery-late filed 10-08, approved 10-09 (late), answered 10-14 09:00 (5.0 days), rated satisfied 10-16 (due 10-15: late)
#  3 shop-moved (market -> market) filed and approved 10-12, escalated 10-13, never answered (due 10-15)
# market: filed 3, received 1, approval on time 2/3, feedback 0/1, review 1/2, 1 escalation.
# logistics: received 2, feedback 2/2, median 4.5 days, one satisfied, one fair.
$ cp $SRC/tests/e2e/policies/mini.toml . && linkctl init --policy mini.toml --as gao.feng >/dev/null
--- FILE run.sh
set -e
as() { who=$1 day=$2; shift 2; linkctl --as "$who" --today "$day" "$@" >/dev/null; }
as li.na 2026-10-08 file --category delivery-late --title 一
as zhang.wei 2026-10-08 approve 1
as wang.qiang 2026-10-09 route 1 --to yang.fan
as yang.fan 2026-10-12 close 1 --result 已处理
as wang.qiang 2026-10-12 confirm 1
as zhang.wei 2026-10-13 rate 1 fair
as li.na 2026-10-08 file --category delivery-late --title 二
as zhang.wei 2026-10-09 approve 2
as wang.qiang 2026-10-12 route 2 --to yang.fan
as yang.fan 2026-10-13 close 2 --result 已处理
as wang.qiang 2026-10-14 confirm 2
as zhang.wei 2026-10-16 rate 2 satisfied
as li.na 2026-10-12 file --category shop-moved --title 三
as zhang.wei 2026-10-12 approve 3
as lin.xiuying 2026-10-13 escalate 3
--- END
$ bash run.sh
$ linkctl stats --month 2026-10 --as lin.xiuying --today 2026-11-02 --format tsv
> department	filed	received	approval_on_time	feedback_on_time	review_on_time	median_days_to_answer	satisfied	fair	unsatisfied	resets	escalations
> market	3	1	66.7	0.0	50.0		0	0	0	0	1
> logistics	0	2		100.0		4.5	1	1	0	0	0
# A lead sees their own department only.
$ linkctl stats --month 2026-10 --as wang.qiang --today 2026-11-02 --format tsv --no-header | cut -f1
> logistics
$ linkctl stats --month 2026-9 --as lin.xiuying
! linkctl: error: --month 2026-9 is not a month; write YYYY-MM, e.g. 2026-10
[2]
# Any period. Tickets 1 and 2 were filed in ISO week 41 (Mon 10-05 .. Sun 10-11), ticket 3 in week 42.
$ linkctl stats --week 2026-W41 --as lin.xiuying --today 2026-11-02 --format tsv --no-header | cut -f1,2
> market	2
> logistics	0
$ linkctl stats --week 2026-W42 --as lin.xiuying --today 2026-11-02 --format tsv --no-header | cut -f1,2
> market	1
> logistics	0
# October as a date range, and the quarter (nothing happened outside October), are the month exactly.
$ linkctl stats --month 2026-10 --as lin.xiuying --today 2026-11-02 --format csv > month.csv && linkctl stats --from 2026-10-01 --to 2026-10-31 --as lin.xiuying --today 2026-11-02 --format csv | cmp - month.csv && linkctl stats --quarter 2026-Q4 --as lin.xiuying --today 2026-11-02 --format csv | cmp - month.csv && echo same
> same
$ linkctl stats --year 2025 --as lin.xiuying --today 2026-11-02 --format tsv --no-header
> market	0	0					0	0	0	0	0
> logistics	0	0					0	0	0	0	0
# Every bad period form.
$ linkctl stats --as lin.xiuying
! linkctl: error: give exactly one period: --month 2026-10, --week 2026-W44, --quarter 2026-Q4, --year 2026 or --from 2026-10-01 --to 2026-10-31
[2]
$ linkctl stats --month 2026-10 --week 2026-W44 --as lin.xiuying
! linkctl: error: give exactly one period: --month 2026-10, --week 2026-W44, --quarter 2026-Q4, --year 2026 or --from 2026-10-01 --to 2026-10-31
[2]
$ linkctl stats --week 2027-W53 --as lin.xiuying
! linkctl: error: --week 2027-W53 does not exist: 2027 has ISO weeks 01 to 52
[2]
$ linkctl stats --week 2026-44 --as lin.xiuying
! linkctl: error: --week 2026-44 is not an ISO week; write YYYY-Www, e.g. 2026-W44
[2]
$ linkctl stats --year 26 --as lin.xiuying
! linkctl: error: --year 26 is not a year; write YYYY, e.g. 2026
[2]
$ linkctl stats --from 2026-10-01 --as lin.xiuying
! linkctl: error: --from and --to go together (inclusive dates), e.g. --from 2026-10-01 --to 2026-10-31
[2]
$ linkctl stats --from 2026-10-31 --to 2026-10-01 --as lin.xiuying
! linkctl: error: --from 2026-10-31 is after --to 2026-10-01; give the earlier date first
[2]
$ linkctl stats --from 2026-10-01 --to 2026-10-32 --as lin.xiuying
! linkctl: error: --to '2026-10-32' is not a valid date; write YYYY-MM-DD, e.g. 2026-09-30
[2]
